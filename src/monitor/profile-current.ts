/**
 * `drift --current` given window profiles (what `serve` writes with serve.profile): which inputs
 * are profiles (by content, not by name), and the one window they make for a model, merged and
 * named as drift names a log's columns (`prediction` is the score; a binary class is derived
 * from it at the config's threshold, as for a log).
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { UserError } from "../errors.ts";
import type { ColumnSummary } from "../stats/drift/column-summary.ts";
import { summarizeProfileWindow } from "../stats/drift/profile-window.ts";
import { bucketOf } from "../stats/drift/value-counts.ts";
import {
  WindowProfileBuilder,
  isWindowProfile,
  parseWindowProfile,
  type WindowProfile,
  type WindowProfileColumn,
} from "../stats/drift/window-profile.ts";
import type { WindowSummary } from "../stats/drift/window-summary.ts";
import { CLASS_COLUMN, LOGGED_PREDICTION, SCORE_COLUMN } from "./prediction-names.ts";

const DATA_EXTENSIONS = new Set([".csv", ".jsonl", ".ndjson", ".parquet"]);

export interface ProfileFile {
  readonly path: string;
  readonly profile: WindowProfile;
  /** Which server process, window and part wrote it (profile-writer.ts), when the file says. */
  readonly written?: string;
}

/** Splits inputs into window profiles (JSON whose format says so) and data files (the rest). */
export async function splitProfiles(paths: readonly string[]): Promise<{ profiles: ProfileFile[]; files: string[] }> {
  const profiles: ProfileFile[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const json = await profileJson(path);
    if (json === NOT_A_PROFILE) files.push(path);
    else if (json !== TEMP_FILE) profiles.push({ path, profile: parseWindowProfile(json, path), ...writtenBy(json) });
  }
  return { profiles, files };
}

/**
 * The data files among `paths`, and how many window profiles (or their temp files) were left out:
 * for a reader of the log's rows (monitor --log) that never judges profiles.
 */
export async function withoutProfiles(paths: readonly string[]): Promise<{ files: string[]; left: number }> {
  const files: string[] = [];
  for (const path of paths) if ((await profileJson(path)) === NOT_A_PROFILE) files.push(path);
  return { files, left: paths.length - files.length };
}

function writtenBy(json: unknown): { written?: string } {
  const w = (json as { written?: { by?: unknown; start?: unknown; part?: unknown } }).written;
  return typeof w?.by === "string" && typeof w.start === "number" && typeof w.part === "number"
    ? { written: `${w.by} ${w.start} ${w.part}` }
    : {};
}

const NOT_A_PROFILE = Symbol("not a profile");
const TEMP_FILE = Symbol("a profile's temp file");

async function profileJson(path: string): Promise<unknown> {
  // A profile's temp file, left by a server killed while it wrote (profile-writer.ts): never data.
  if (/^\.profile-.*\.tmp$/.test(basename(path))) return TEMP_FILE;
  const extension = extname(path).toLowerCase();
  if (DATA_EXTENSIONS.has(extension)) return NOT_A_PROFILE;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    // A .json input is meant as a profile: say why it is not one, not that .json is no data type.
    if (extension === ".json")
      throw new UserError(
        `${path}: not a window profile: ${(error as Error).message}. A profile serve wrote is whole JSON; this file is cut short or not JSON (logs are .jsonl).`,
        { file: path },
      );
    return NOT_A_PROFILE; // not JSON: the readers say what they read
  }
  return isWindowProfile(json) ? json : NOT_A_PROFILE;
}

export interface ProfileWindowOptions {
  readonly model: string;
  /** Binary models: the class threshold drift applies to a logged score. */
  readonly classThreshold?: number;
}

/** The model's profiles merged into one window, summarized against the reference. */
export function profileWindow(
  files: readonly ProfileFile[],
  references: ReadonlyMap<string, ColumnSummary>,
  options: ProfileWindowOptions,
): WindowSummary & { source: string } {
  const mine = files.filter((f) => f.profile.model === options.model);
  if (mine.length === 0)
    throw new UserError(
      `--current: none of the ${files.length} window profile(s) is of model ${JSON.stringify(options.model)} (they are of ${[...new Set(files.map((f) => JSON.stringify(f.profile.model)))].join(", ")}); pass --model or that model's profiles.`,
    );
  // The same window part twice is a copy (an archive, a sync): its rows would count twice.
  const seen = new Map<string, string>();
  for (const f of mine) {
    if (f.written === undefined) continue;
    const first = seen.get(f.written);
    if (first !== undefined)
      throw new UserError(
        `--current: ${first} and ${f.path} are the same window part of the same server (copies?); its rows would count twice. Pass one of them.`,
        { file: f.path },
      );
    seen.set(f.written, f.path);
  }
  const withThreshold = mine.filter((f) => f.profile.classThreshold !== undefined);
  if (withThreshold.length > 0 && withThreshold.length < mine.length)
    throw new UserError(
      `--current: ${withThreshold[0].path} counted its binary class at a threshold, ${mine.find((f) => f.profile.classThreshold === undefined)!.path} did not; judge them apart.`,
    );
  // Merged at the smallest cap any of them kept, so the result does not depend on their order.
  const builder = new WindowProfileBuilder(options.model, Math.min(...mine.map((f) => f.profile.maxValues)));
  for (const f of mine) builder.merge(f.profile, f.path);
  const merged = named(builder.build(), options.classThreshold);
  return {
    ...summarizeProfileWindow(merged, references),
    source: `${mine.length} window profile(s), ${merged.start} to ${merged.end}`,
  };
}

/** Columns as drift names them: the logged score is `prediction: score`; a binary class at the threshold. */
function named(profile: WindowProfile, threshold: number | undefined): WindowProfile {
  const score = profile.columns.find((c) => c.name === LOGGED_PREDICTION);
  let columns: WindowProfileColumn[] = profile.columns
    .filter((c) => c.name !== SCORE_COLUMN)
    .map((c) => (c === score ? { ...c, name: SCORE_COLUMN } : c));
  if (threshold !== undefined && profile.classThreshold !== threshold) {
    columns = columns.filter((c) => c.name !== CLASS_COLUMN);
    if (score?.kind === "numeric") columns.push(classAt(score, threshold, profile));
  }
  return { ...profile, columns };
}

/** Class counts from score counts; a key whose bucket straddles the threshold cannot be classed. */
function classAt(
  score: Extract<WindowProfileColumn, { kind: "numeric" }>,
  threshold: number,
  profile: WindowProfile,
): WindowProfileColumn {
  let zero = 0;
  let one = 0;
  score.values.forEach((key, i) => {
    const [lo, hi] = bucketOf(key, score.bits);
    if (lo >= threshold) one += score.counts[i];
    else if (hi < threshold) zero += score.counts[i];
    else
      throw new UserError(
        `--current: the profiles counted prediction: class at threshold ${profile.classThreshold ?? "(none)"}, the config's is ${threshold}, and their score was kept to ${score.bits} significant bits, so ${score.counts[i]} row(s) near ${threshold} cannot be classed. Judge the raw log, or profiles written with this threshold.`,
      );
  });
  const categories: string[] = [];
  const counts: number[] = [];
  if (zero > 0) (categories.push("0"), counts.push(zero));
  if (one > 0) (categories.push("1"), counts.push(one));
  return {
    kind: "categorical",
    name: CLASS_COLUMN,
    missingCount: score.missingCount,
    categories,
    counts,
    overflowCount: 0,
  };
}
