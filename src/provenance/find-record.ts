import type { Git } from "../git/git.ts";
import type { ModelConfig } from "../config/types.ts";
import { readAllNotes, readNote } from "../git/notes.ts";
import { readBlob } from "../git/blob.ts";
import { latest, type RecordLine } from "./note-line.ts";
import { createHash } from "node:crypto";

/**
 * The record that describes a commit's model: the note on the commit itself, else the newest
 * record of the same artifact bytes on any commit (a merge, squash or rebase makes a new commit
 * that carries the recorded artifact unchanged, but not its note).
 */
export async function findRecord(git: Git, model: ModelConfig, commit: string): Promise<{ record: RecordLine; commit: string } | undefined> {
  const own = latest(await readNote(git, commit), "record", model.name);
  if (own) return { record: own, commit };
  const blob = await git.tryRun(["rev-parse", "--verify", "--quiet", `${commit}:${model.artifact}`]);
  if (blob.code !== 0) return undefined;
  const sha256 = createHash("sha256").update(await readBlob(git, blob.stdout.trim())).digest("hex");
  let best: { record: RecordLine; commit: string } | undefined;
  for (const note of await readAllNotes(git)) {
    for (const line of note.lines) {
      if (line.event !== "record" || line.model !== model.name || line.artifact?.sha256 !== sha256) continue;
      if (!best || line.at > best.record.at) best = { record: line, commit: note.commit };
    }
  }
  return best;
}
