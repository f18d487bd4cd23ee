import { setTimeout as sleep } from "node:timers/promises";
import { gitFailure, type Git } from "./git.ts";
import { NOTES_REF, parseNote, serializeNoteLine, type NoteLine } from "../provenance/note-line.ts";
import { UserError } from "../errors.ts";

/** Where a remote's notes are fetched before a merge; never pushed. */
const incomingRef = (ref: string) => `${ref}-incoming`;

export const FETCH_NOTES_HINT =
  `add a step after actions/checkout: \`git fetch origin "${NOTES_REF}:${NOTES_REF}"\` ` +
  `(checkout fetches no notes, and a shallow clone has none)`;

export async function readNote(git: Git, commit: string): Promise<NoteLine[]> {
  const result = await git.tryRun(["notes", `--ref=${NOTES_REF}`, "show", commit]);
  return result.code === 0 ? parseNote(result.stdout) : [];
}

/** The raw text of a note under any notes ref, or undefined. */
export async function readNoteText(git: Git, commit: string, ref: string): Promise<string | undefined> {
  const result = await git.tryRun(["notes", `--ref=${ref}`, "show", commit]);
  return result.code === 0 ? result.stdout : undefined;
}

export async function hasNotesRef(git: Git): Promise<boolean> {
  return (await git.tryRun(["rev-parse", "--verify", "--quiet", NOTES_REF])).code === 0;
}

/** The id of the note blob on `object` under `ref`, or undefined when it has none. */
export async function noteBlobOf(git: Git, object: string, ref: string): Promise<string | undefined> {
  const args = ["notes", `--ref=${ref}`, "list", object];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  if (result.code === 1 && /no note found/i.test(result.stderr)) return undefined;
  throw gitFailure(args, result);
}

/** Makes the existing blob `blob` the note on `object` under `ref` (replacing any note there). */
export async function addNoteFromBlob(git: Git, object: string, blob: string, ref: string): Promise<void> {
  await git.run(["notes", `--ref=${ref}`, "add", "-f", "-C", blob, object]);
}

/**
 * Appends one line to the commit's note. The whole note is rewritten in one `git notes add -f`,
 * which updates the notes ref atomically: a failure leaves the previous note as it was.
 * (`git notes append` would insert a blank line between paragraphs.)
 */
export async function appendNoteLines(git: Git, commit: string, lines: NoteLine[]): Promise<void> {
  await appendRawLines(git, commit, lines.map(serializeNoteLine), NOTES_REF);
}

/** Appends single-line texts to the note on `commit` under `ref`, in one atomic notes update. */
export async function appendRawLines(git: Git, commit: string, lines: string[], ref: string): Promise<void> {
  const existing = await git.tryRun(["notes", `--ref=${ref}`, "show", commit]);
  const before = existing.code === 0 ? existing.stdout.replace(/\n+$/, "") : "";
  const text = (before ? `${before}\n` : "") + lines.join("\n") + "\n";
  await git.run(["notes", `--ref=${ref}`, "add", "-f", "-F", "-", commit], { input: text });
}

/** Every commit that has a note, with its lines. */
export async function readAllNotes(git: Git): Promise<Array<{ commit: string; lines: NoteLine[] }>> {
  const list = await git.tryRun(["notes", `--ref=${NOTES_REF}`, "list"]);
  if (list.code !== 0 || !list.stdout.trim()) return [];
  // A note on its own blob is a record's manifest kept reachable (manifest-store.ts), not a commit's note.
  const pairs = list.stdout
    .trim()
    .split("\n")
    .map((row) => row.split(" ") as [string, string])
    .filter(([blob, object]) => blob !== object);
  if (pairs.length === 0) return [];
  // One cat-file process for every note blob rather than one git call per note.
  const batch = await git.run(["cat-file", "--batch"], { input: pairs.map(([blob]) => blob).join("\n") + "\n" });
  const blobs = splitCatFileBatch(batch);
  return pairs.map(([, commit], i) => ({ commit, lines: parseNote(blobs[i] ?? "") }));
}

function splitCatFileBatch(output: string): string[] {
  const blobs: string[] = [];
  let offset = 0;
  const bytes = Buffer.from(output, "utf8");
  while (offset < bytes.length) {
    const headerEnd = bytes.indexOf(10, offset);
    const header = bytes.subarray(offset, headerEnd).toString("utf8").split(" ");
    const size = Number(header[2]);
    blobs.push(bytes.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}

export interface PushResult {
  attempts: number;
  merged: boolean;
}

/**
 * Pushes the notes ref. When the remote moved on (another job pushed notes), fetches the remote
 * notes into a side ref, merges them line-wise with cat_sort_uniq and tries again. Never forces.
 */
export async function pushNotes(git: Git, remote = "origin", maxAttempts = 12, ref = NOTES_REF): Promise<PushResult> {
  let merged = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const push = await git.tryRun(["push", "--porcelain", remote, `${ref}:${ref}`]);
    if (push.code === 0) return { attempts: attempt, merged };
    const rejected =
      /\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock|failed to update)/i.test(
        push.stdout + push.stderr,
      );
    if (!rejected) {
      throw new UserError(
        `could not push ${ref} to ${remote}: ${(push.stderr || push.stdout).trim()}. ` +
          `Check that the job may push (permissions: contents: write) and that "${remote}" exists.`,
      );
    }
    await mergeRemoteNotes(git, remote, ref);
    merged = true;
    // Spread out retries of writers that collided, so they do not collide again in lockstep.
    await sleep(Math.floor(Math.random() * 50 * attempt));
  }
  throw new UserError(
    `could not push ${ref} to ${remote} after ${maxAttempts} attempts: other jobs kept pushing notes. Run record --push again.`,
  );
}

/** Fetches the remote's notes and merges them into ours with `git notes merge -s cat_sort_uniq`. */
export async function mergeRemoteNotes(git: Git, remote = "origin", ref = NOTES_REF): Promise<boolean> {
  const incoming = incomingRef(ref);
  const fetch = await git.tryRun(["fetch", "--quiet", remote, `+${ref}:${incoming}`]);
  if (fetch.code !== 0) {
    if (/couldn't find remote ref/i.test(fetch.stderr)) return false;
    throw new UserError(
      `could not fetch ${ref} from ${remote}: ${fetch.stderr.trim()}. Check that the remote exists and the job may read it.`,
    );
  }
  if ((await git.tryRun(["rev-parse", "--verify", "--quiet", ref])).code !== 0) {
    await git.run(["update-ref", ref, incoming]);
  } else {
    await git.run(["notes", `--ref=${ref}`, "merge", "--quiet", "-s", "cat_sort_uniq", incoming]);
  }
  await git.tryRun(["update-ref", "-d", incoming]);
  return true;
}
