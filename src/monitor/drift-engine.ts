/**
 * Which engine computes a drift window's numbers: this process's streaming readers ("js",
 * window-from-files.ts) or DuckDB out of core ("duckdb", duckdb-window.ts). Both feed the same
 * decision, so the choice changes the time and memory a window takes, never its verdict.
 *
 * `auto` (the default) takes DuckDB when the window's files add up to DUCKDB_AUTO_BYTES or more,
 * are of one format, and @duckdb/node-api is installed; otherwise the streaming path, which is
 * bounded in memory too (window-summary.ts) but reads every value through JavaScript.
 */
import { stat } from "node:fs/promises";
import { dataFormat, type DataFormat } from "../data/data-format.ts";
import { duckdbAvailable, DUCKDB_PACKAGE } from "../data/duckdb.ts";
import { UserError } from "../errors.ts";
import { isGlob } from "../provenance/glob.ts";
import { SQL_DIALECTS, sqlDialect, type SqlDialectName } from "./sql/drift-queries.ts";

const DRIFT_ENGINES = ["auto", "js", "duckdb"] as const;
export type DriftEngineSetting = (typeof DRIFT_ENGINES)[number];

/** Windows of at least this many bytes of files go to DuckDB under `auto` (1 GiB). */
export const DUCKDB_AUTO_BYTES = 2 ** 30;

export interface EngineChoice {
  readonly engine: "js" | "duckdb";
  /** Why, for the log. */
  readonly why: string;
  /** The window files' one format, when there is one. */
  readonly format?: DataFormat;
}

/** A `--current` that names a table or query of an engine: `duckdb:events`, `spark:SELECT …`. */
export interface SqlCurrent {
  readonly dialect: SqlDialectName;
  readonly text: string;
}

/** The engine-prefixed --current, if that is what was given (one value only). */
export function sqlCurrent(patterns: readonly string[]): SqlCurrent | undefined {
  const match = patterns
    .map((p) => /^([a-z]+):(.*)$/s.exec(p))
    .find((m) => m && (SQL_DIALECTS as readonly string[]).includes(m[1]));
  if (!match) return undefined;
  if (patterns.length > 1)
    throw new UserError(
      `--current ${match[1]}:… names the whole window; give it once, without other --current values.`,
    );
  return { dialect: sqlDialect(match[1]).name, text: match[2] };
}

export function parseEngine(value: string | undefined, fallback: DriftEngineSetting): DriftEngineSetting {
  if (value === undefined) return fallback;
  if ((DRIFT_ENGINES as readonly string[]).includes(value)) return value as DriftEngineSetting;
  throw new UserError(`--engine: "${value}" is not an engine. Use one of: ${DRIFT_ENGINES.join(", ")}.`);
}

/** What the choice needs to know of a window of files (windowFacts reads it). */
export interface WindowFacts {
  readonly bytes: number;
  readonly formats: readonly DataFormat[];
  readonly duckdbInstalled: boolean;
  /** A file whose path DuckDB would read as a pattern (`*`, `?`, `[`, `{`), if one is. */
  readonly patternLikeName?: string;
}

/** The engine for a window of files: a pure decision on its facts. */
export function engineFor(setting: DriftEngineSetting, facts: WindowFacts): EngineChoice {
  const format = facts.formats.length === 1 ? facts.formats[0] : undefined;
  if (setting === "js") return { engine: "js", why: "engine js" };
  if (setting === "duckdb") {
    if (!format)
      throw new UserError(
        `--engine duckdb reads a window of one file format; this one mixes ${facts.formats.join(", ")}. Convert the files, or use --engine js.`,
      );
    // a[1].csv would be read as a1.csv (or both): another file's rows in the window.
    if (facts.patternLikeName)
      throw new UserError(
        `--engine duckdb: the path ${JSON.stringify(facts.patternLikeName)} has a character DuckDB reads as a pattern (* ? [ ] { }), so it could read other files instead. Rename the file or folder, or use --engine js.`,
      );
    // Whether it is installed is openDuckdb's to say (with the load's own error when it is broken).
    return { engine: "duckdb", why: "engine duckdb", format };
  }
  const size = `${(facts.bytes / 2 ** 20).toFixed(1)} MiB of files`;
  if (facts.bytes < DUCKDB_AUTO_BYTES) return { engine: "js", why: `auto: ${size}, below the 1 GiB for duckdb` };
  if (!format) return { engine: "js", why: `auto: ${size}, but of several formats` };
  if (facts.patternLikeName) return { engine: "js", why: `auto: ${size}, but a path DuckDB would read as a pattern` };
  if (!facts.duckdbInstalled)
    return { engine: "js", why: `auto: ${size}; duckdb would read it out of core: npm install ${DUCKDB_PACKAGE}` };
  return { engine: "duckdb", why: `auto: ${size}, at least 1 GiB`, format };
}

/** The facts of a window of files: their total size, formats, and whether DuckDB can be loaded. */
export async function windowFacts(paths: readonly string[]): Promise<WindowFacts> {
  let bytes = 0;
  for (const path of paths) bytes += (await stat(path)).size;
  // DuckDB's readers expand glob characters even in a file name given literally.
  const patternLikeName = paths.find(isGlob);
  return {
    bytes,
    formats: [...new Set(paths.map(dataFormat))],
    duckdbInstalled: await duckdbAvailable(),
    ...(patternLikeName ? { patternLikeName } : {}),
  };
}
