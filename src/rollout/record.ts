/**
 * The rollout's record in git: each transition appends a `rollout` line to the note of the canary's
 * commit in refs/notes/modelkeeper, pushed (merging with concurrent writers) when a remote is named
 * and exists; and the history read back from every note. The adapter between state.ts and git.
 */
import type { Git } from "../git/git.ts";
import { appendNoteLines, pushNotes, readAllNotes } from "../git/notes.ts";
import { hasRemote } from "../git/remotes.ts";
import { newLineId, type RolloutLine } from "../provenance/note-line.ts";
import { rolloutLineProblem, toRolloutLine, toTransition, type LineContext } from "./rollout-line.ts";
import type { Transition } from "./state.ts";

export interface RecordOutcome {
  lines: RolloutLine[];
  pushed: boolean;
  /** Set when the lines were written locally but the push failed (the server keeps serving). */
  pushError?: string;
}

/**
 * Writes transitions one call at a time, in the order they were given, so the transitions of one
 * process never race each other on the note.
 */
export class RolloutRecorder {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly git: Git,
    private readonly options: { remote?: string } = {},
  ) {}

  record(context: LineContext, transitions: readonly Transition[]): Promise<RecordOutcome> {
    const next = this.queue.then(() => this.write(context, transitions));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(context: LineContext, transitions: readonly Transition[]): Promise<RecordOutcome> {
    const lines = transitions.map((t) => toRolloutLine(context, t, newLineId()));
    if (lines.length === 0) return { lines, pushed: false };
    await appendNoteLines(this.git, context.canary.commit, lines);
    const remote = this.options.remote;
    if (!remote || !(await hasRemote(this.git, remote))) return { lines, pushed: false };
    try {
      await pushNotes(this.git, remote);
      return { lines, pushed: true };
    } catch (error) {
      return { lines, pushed: false, pushError: (error as Error).message };
    }
  }
}

export interface RolloutHistory {
  /** Valid rollout lines, oldest first. */
  lines: RolloutLine[];
  /** Lines that said event "rollout" but could not be taken, with why. */
  ignored: Array<{ commit: string; id?: string; problem: string }>;
}

/** Every rollout line in the notes (of one model, or all), oldest first. */
export async function readRolloutHistory(git: Git, model?: string): Promise<RolloutHistory> {
  const history: RolloutHistory = { lines: [], ignored: [] };
  for (const note of await readAllNotes(git)) {
    for (const line of note.lines) {
      if (line.event !== "rollout" || (model !== undefined && line.model !== model)) continue;
      const problem = rolloutLineProblem(line, note.commit);
      if (problem)
        history.ignored.push({ commit: note.commit, id: typeof line.id === "string" ? line.id : undefined, problem });
      else history.lines.push(line);
    }
  }
  const seen = new Set<string>();
  history.lines = history.lines
    .filter((l) => !seen.has(l.id) && Boolean(seen.add(l.id)))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return history;
}

/** The recorded transitions of one canary (by artifact sha256), for Rollout.begin. */
export function transitionsOf(history: RolloutHistory, model: string, canarySha256: string): Transition[] {
  return history.lines.filter((l) => l.model === model && l.canary.sha256 === canarySha256).map(toTransition);
}
