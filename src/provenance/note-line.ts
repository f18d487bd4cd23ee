/**
 * The note format (refs/notes/modelkeeper): one JSON object per line, never pretty-printed,
 * so git's line-wise `cat_sort_uniq` merge keeps every line valid. Pure: no git here.
 */

import { randomBytes } from "node:crypto";

export const NOTES_REF = "refs/notes/modelkeeper";
export const NOTE_SCHEMA = 1;

export interface FileHashes {
  [repositoryRelativePath: string]: string;
}

export interface RecordInputs {
  data: FileHashes;
  code: FileHashes;
  config: FileHashes;
  lockfiles: FileHashes;
}

export interface ManifestRef {
  /** The blob's git object id; the blob is kept reachable as a note on itself in NOTES_REF. */
  oid: string;
  /** sha256 of the blob's bytes, checked when it is read. */
  sha256: string;
  /** Number of file entries in it. */
  files: number;
}

/** Fields every line has. `id` keeps two otherwise identical lines distinct through cat_sort_uniq. */
interface LineBase {
  schema: number;
  id: string;
  model: string;
  at: string;
  tool: string;
}

export interface RecordLine extends LineBase {
  event: "record";
  /** The command that builds the artifact, as configured. */
  train?: string;
  artifact: { path: string; sha256: string; bytes: number };
  /**
   * The per-file hashes of the inputs, in a content-addressed git blob (see manifest-store.ts):
   * its git object id, the sha256 of its bytes and how many files it lists. Lines written before
   * manifests carry `inputs` inline instead; readers accept both (record-inputs.ts).
   */
  manifest?: ManifestRef;
  /** The sha256 of the model's own resolved config section (canonical JSON) in `file`. */
  section?: { file: string; sha256: string };
  /** Older lines: the hashes inline (and modelkeeper.yml hashed whole under `config`). */
  inputs?: RecordInputs;
  /** With --allow-dirty: the hashed paths whose bytes were not the commit's (modified or untracked). */
  dirty?: string[];
  /** The patterns the inputs came from, so verify can tell new files from old. */
  patterns: { data: string[]; code: string[]; config: string[] };
  env: { node: string; platform: string; ci?: string; runId?: string };
  /** With drift.profile: the reference profile stored under refs/notes/modelkeeper-profiles on the same commit. */
  profile?: { ref: string; sha256: string; rows: number };
  /** Set on the commit a rollback made: the version whose artifact it restores. */
  rollbackTo?: { version: number; tag: string };
}

export interface EvaluateLine extends LineBase {
  event: "evaluate";
  verdict: "promote" | "reject" | "inconclusive";
  /** compared: against a champion; first-model: no champion existed, absolute floors only. */
  kind: "compared" | "first-model";
  /** The commit evaluated (the note is attached to it; kept for lookups by artifact hash). */
  commit: string;
  challenger: { sha256: string; path: string };
  champion?: { sha256: string; source: string };
  metric: string;
  delta?: number;
  ciLow?: number;
  ciHigh?: number;
  holdout: FileHashes;
  seed: number;
  [extra: string]: unknown;
}

export interface PromoteLine extends LineBase {
  event: "promote";
  version: number;
  tag: string;
  artifact: { path: string; sha256: string };
  evaluation?: { commit: string; verdict: string; at: string; id: string };
  /** Set when --force promoted an artifact without a winning evaluation: who did it. */
  forcedBy?: string;
  [extra: string]: unknown;
}

/**
 * A step of serve's gradual rollout (src/rollout/), on the canary's commit. A record, never an
 * authority: readers that look for record/evaluate/promote lines skip it by its event.
 */
export interface RolloutLine extends LineBase {
  event: "rollout";
  canary: { sha256: string; commit: string };
  /** What answered the other requests while this canary was rolled out. */
  stable?: { sha256: string; version?: string };
  transition: "started" | "stepped" | "completed" | "reverted";
  /** 0-based index into rollout.steps, and that step ("shadow" or the canary's percent). */
  step: number;
  percent: number | "shadow";
  reason?: string;
  /** Per signal: breached, the look's alpha, the figures and the sentence. */
  evidence?: Array<{
    signal: string;
    breached: boolean;
    alpha: number;
    figures: Record<string, number>;
    detail: string;
  }>;
}

export type NoteLine = RecordLine | EvaluateLine | PromoteLine | RolloutLine;

/** A short random id for a new line. */
export function newLineId(): string {
  return randomBytes(8).toString("hex");
}

export function serializeNoteLine(line: NoteLine): string {
  const text = JSON.stringify(line);
  if (text.includes("\n")) throw new Error("a note line must be a single line");
  return text;
}

/** Parses every valid line of a note; lines that are not our JSON (hand edits) are skipped, not fatal. */
export function parseNote(text: string): NoteLine[] {
  const lines: NoteLine[] = [];
  for (const raw of text.split("\n")) {
    const trimmed = raw.trim();
    if (!trimmed.startsWith("{")) continue;
    try {
      const value = JSON.parse(trimmed);
      if (value && typeof value.event === "string" && typeof value.model === "string") lines.push(value);
    } catch {
      // Not ours: a person may have added free text to the note.
    }
  }
  return lines;
}

/** Every line of an event for a model, newest first by timestamp (merges sort lines, so their order says nothing). */
export function newestFirst<E extends NoteLine["event"]>(
  lines: NoteLine[],
  event: E,
  model: string,
): Array<Extract<NoteLine, { event: E }>> {
  return lines
    .filter((l): l is Extract<NoteLine, { event: E }> => l.event === event && l.model === model)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The newest line of an event for a model. */
export function latest<E extends NoteLine["event"]>(
  lines: NoteLine[],
  event: E,
  model: string,
): Extract<NoteLine, { event: E }> | undefined {
  return newestFirst(lines, event, model)[0];
}
