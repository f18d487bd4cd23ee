import type { Git } from "../git/git.ts";
import type { ModelConfig } from "../config/types.ts";
import { FETCH_NOTES_HINT, hasNotesRef, readAllNotes, readNote } from "../git/notes.ts";
import { UserError } from "../errors.ts";
import { readBlob } from "../git/blob.ts";
import { changedPaths, commitCount, commitOf, isAncestor, objectAt } from "../git/revisions.ts";
import { newestFirst, NOTES_REF, type RecordLine } from "./note-line.ts";
import { readRecordedInputs } from "./record-inputs.ts";
import { createHash } from "node:crypto";
import { modelPatterns } from "./manifest.ts";
import { configSection, sectionSha256 } from "./config-section.ts";

export interface FoundRecord {
  record: RecordLine;
  /** The commit whose note holds the record. */
  commit: string;
  /**
   * own: the note on the commit itself; ancestor: the nearest ancestor's record of the same
   * artifact bytes (a merge commit carries the recorded artifact but not its note); same-files:
   * a commit off the history (a squash or rebase merge) whose recorded files are identical in git.
   */
  relation: "own" | "ancestor" | "same-files";
}

/**
 * The record that describes a commit's model. Never one of an unrelated branch: a record from
 * another commit is used only when that commit is an ancestor, or when git shows every file the
 * record names identical between the two commits (what a squash or rebase merge leaves).
 */
export async function findRecord(
  git: Git,
  model: ModelConfig,
  commit: string,
  warn: (line: string) => void = () => {},
): Promise<FoundRecord | undefined> {
  const sha256 = await committedArtifactSha256(git, commit, model.artifact);
  // A note is not the authority on what was committed: a record line is this commit's only if it
  // names the artifact committed here (or says it recorded that file uncommitted, --allow-dirty).
  // The newest line naming the committed bytes wins, then the newest dirty one (which cannot
  // shadow a line of the committed bytes, however new its `at`); a line naming other bytes is
  // never used.
  const namesCommitted = (line: RecordLine) => sha256 === undefined || line.artifact?.sha256 === sha256;
  const describesCommit = (line: RecordLine) => namesCommitted(line) || line.dirty?.includes(line.artifact?.path);
  const ownLines = newestFirst(await readNote(git, commit), "record", model.name);
  const own = ownLines.find(namesCommitted) ?? ownLines.find(describesCommit);
  const strays = ownLines.filter((line) => !describesCommit(line));
  if (strays.length > 0) {
    warn(
      `${model.name}: ${strays.length === 1 ? "a record line" : `${strays.length} record lines`} on ${commit.slice(0, 12)} ${strays.length === 1 ? "names" : "name"} ${model.artifact} with sha256 ${String(strays[0]!.artifact?.sha256).slice(0, 12)}, but the commit holds ${sha256!.slice(0, 12)}: not this commit's (altered?), not used`,
    );
  }
  if (own) return { record: own, commit, relation: "own" };
  if (sha256 === undefined) return undefined;
  const candidates: Array<{ record: RecordLine; commit: string }> = [];
  for (const note of await readAllNotes(git)) {
    if (note.commit === commit) continue;
    const line = newestFirst(note.lines, "record", model.name).find((l) => l.artifact?.sha256 === sha256);
    if (line) candidates.push({ record: line, commit: note.commit });
  }

  let nearest: { found: FoundRecord; distance: number } | undefined;
  for (const candidate of candidates) {
    if (!(await isAncestor(git, candidate.commit, commit))) continue;
    const distance = await commitCount(git, candidate.commit, commit);
    if (!nearest || distance < nearest.distance) nearest = { found: { ...candidate, relation: "ancestor" }, distance };
  }
  if (nearest) return nearest.found;

  for (const candidate of candidates.sort((a, b) => (a.record.at < b.record.at ? 1 : -1))) {
    if (await sameRecordedFiles(git, model, candidate, commit)) return { ...candidate, relation: "same-files" };
  }
  return undefined;
}

/** The sha256 of the artifact as committed at `commit` (what git holds, whatever a note says); undefined when git does not hold it. */
async function committedArtifactSha256(git: Git, commit: string, path: string): Promise<string | undefined> {
  const blob = await objectAt(git, commit, path);
  if (blob === undefined) return undefined;
  return createHash("sha256")
    .update(await readBlob(git, blob))
    .digest("hex");
}

async function sameRecordedFiles(
  git: Git,
  model: ModelConfig,
  candidate: { record: RecordLine; commit: string },
  commit: string,
): Promise<boolean> {
  // Off the history, a record describes this commit only if it was made from the same config:
  // the same patterns (a line naming fewer files would vouch for files it never hashed) and the
  // same config section.
  if (JSON.stringify(candidate.record.patterns) !== JSON.stringify(modelPatterns(model))) return false;
  if (!candidate.record.section || candidate.record.section.sha256 !== sectionSha256(configSection(model)))
    return false;
  const recorded = await readRecordedInputs(git, candidate.record, `record on ${candidate.commit.slice(0, 12)}`).catch(
    () => undefined,
  );
  if (!recorded) return false;
  const named = new Set([
    candidate.record.artifact.path,
    ...Object.values(recorded.inputs).flatMap((files) => Object.keys(files)),
  ]);
  // The config section is not a file: verify compares it on its own.
  // A note may sit on a commit this clone never fetched: then git cannot compare, and it is not this one's.
  if ((await commitOf(git, candidate.commit)) === undefined) return false;
  return !(await changedPaths(git, candidate.commit, commit)).some((path) => named.has(path));
}

/** The error when a model has no usable record on a commit, with what to do about it. */
export async function noRecordError(git: Git, model: string, rev: string, commit: string): Promise<UserError> {
  const hint = (await hasNotesRef(git))
    ? `Run \`modelkeeper record --commit ${rev}\` (or check --commit). Records on commits that are not ancestors of ${rev} (another branch) are not used.`
    : `This clone has no ${NOTES_REF} at all: if the notes exist on the remote, ${FETCH_NOTES_HINT}; otherwise run \`modelkeeper record\` first.`;
  return new UserError(`no record of model "${model}" on ${rev} (${commit.slice(0, 12)}). ${hint}`);
}
