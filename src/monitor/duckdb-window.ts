/**
 * A current window summarized by DuckDB instead of read into this process: DuckDB reads the files
 * (or the table or query a user named) out of core and runs the queries of sql/drift-queries.ts,
 * and only a row per numeric column and a row per category come back. The result has the shape
 * window-from-files.ts gives, so the same decision code (assess-drift.ts) judges it: numeric
 * columns carry a MeasuredComparison (KS gaps equal bit for bit to the JS merge, W1 exact up to
 * summation rounding, PSI counts on the reference's edges), categorical ones their counts.
 *
 * The model is not run here: a window that logged its `prediction` column gets the prediction
 * columns from it (as withPredictions does); one that did not is judged on its inputs only, and
 * the note says so.
 */
import { join } from "node:path";
import type { DuckdbSession } from "../data/duckdb.ts";
import { makeTempDir, removeTempDir } from "../temp-dirs.ts";
import { MISSING_VALUE_TEXTS } from "../data/missing-values.ts";
import { isGlob } from "../provenance/glob.ts";
import type { CategoricalSummary, ColumnSummary, NumericSummary } from "../stats/drift/column-summary.ts";
import type { FilesWindow } from "./window-from-files.ts";
import { categoricalSummaryOfRows, numericSummaryOfRow } from "./sql-summaries.ts";
import { CLASS_COLUMN, LOGGED_PREDICTION, SCORE_COLUMN } from "./prediction-columns.ts";
import {
  categoryCountsQuery,
  numericColumnQuery,
  rowCountQuery,
  sqlDialect,
  userRelation,
  windowRelation,
  type FileFormat,
  type SqlDialect,
  type WindowColumn,
} from "./sql/drift-queries.ts";

const DUCKDB = sqlDialect("duckdb");

/** Where the window is: data files of one format, or a table / query of the DuckDB database. */
export type DuckdbSource =
  | { readonly kind: "files"; readonly format: FileFormat; readonly paths: readonly string[] }
  | { readonly kind: "relation"; readonly text: string };

/** How the model's outputs come from a logged `prediction` column (see prediction-columns.ts). */
export interface LoggedPredictions {
  /** The model would score the window (the reference has prediction columns). */
  readonly wanted: boolean;
  /** Binary models: the predicted class is score >= threshold. */
  readonly classThreshold?: number;
}

/** The relation DuckDB reads the source through (CSV as text with pandas' missing-value texts). */
export function duckdbSourceRelation(source: DuckdbSource, dialect: SqlDialect = DUCKDB): string {
  if (source.kind === "relation") return userRelation(dialect, source.text);
  if (source.format !== "csv" || dialect.name !== "duckdb") return dialect.readFiles(source.format, source.paths);
  const list = `[${source.paths.map((p) => dialect.stringLiteral(p)).join(", ")}]`;
  const missing = `[${[...MISSING_VALUE_TEXTS].map((t) => dialect.stringLiteral(t)).join(", ")}]`;
  return `read_csv(${list}, header = true, union_by_name = true, all_varchar = true, nullstr = ${missing})`;
}

/** The monitored columns as the window holds them, prediction columns from the logged one. */
function windowColumns(
  references: ReadonlyMap<string, ColumnSummary>,
  seen: readonly string[],
  predictions: LoggedPredictions,
): { columns: WindowColumn[]; names: string[]; scoringNote?: string } {
  const present = new Set(seen);
  const columns: WindowColumn[] = [];
  const names: string[] = [];
  let scoringNote: string | undefined;
  const logged = present.has(LOGGED_PREDICTION);
  for (const [name, reference] of references) {
    if (name === SCORE_COLUMN || name === CLASS_COLUMN) {
      if (!predictions.wanted) continue;
      if (!logged) {
        scoringNote =
          "Input drift only: the duckdb engine does not run the model, and the window has no logged `prediction` column (serve's log has one; or use --engine js to score the window).";
        continue;
      }
      if (name === CLASS_COLUMN && predictions.classThreshold === undefined) continue;
      columns.push(
        name === SCORE_COLUMN
          ? { name: LOGGED_PREDICTION, kind: "numeric" }
          : { name: LOGGED_PREDICTION, kind: "categorical", classAtLeast: predictions.classThreshold },
      );
      names.push(name);
      continue;
    }
    if (!present.has(name)) continue;
    columns.push({ name, kind: reference.kind });
    names.push(name);
  }
  return { columns, names, scoringNote };
}

/** Summarizes the window in DuckDB against the reference summaries of the monitored columns. */
export async function summarizeWindowDuckdb(
  session: DuckdbSession,
  source: DuckdbSource,
  references: ReadonlyMap<string, ColumnSummary>,
  predictions: LoggedPredictions,
  log?: (line: string) => void,
): Promise<FilesWindow> {
  const relation = duckdbSourceRelation(source);
  const seen = await session.columnsOf(relation);
  const { columns, names, scoringNote } = windowColumns(references, seen, predictions);
  const sourceWindow = windowRelation(DUCKDB, relation, columns);
  const staged =
    source.kind === "files" && source.format !== "parquet" && columns.length > 1
      ? await stageAsParquet(session, sourceWindow, source.paths.length, log)
      : undefined;
  const window = staged?.window ?? sourceWindow;
  const summaries = new Map<string, ColumnSummary>();
  let rowCount: number;
  try {
    const [{ row_count }] = await session.query(rowCountQuery(window));
    rowCount = Number(row_count);
    for (const [i, column] of columns.entries()) {
      const name = names[i];
      const reference = references.get(name)!;
      const started = Date.now();
      summaries.set(
        name,
        reference.kind === "numeric"
          ? await numericSummary(session, window, i, name, rowCount, reference)
          : await categoricalSummary(session, window, i, name, rowCount),
      );
      log?.(
        `drift: duckdb: ${JSON.stringify(name)} (${column.kind}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    staged?.remove();
  }
  return {
    rowCount,
    columns: summaries,
    kindChanges: new Map(),
    seen,
    samples: new Map(),
    scoringNote,
    unscored: { count: 0 },
  };
}

/**
 * Text files (CSV, JSON Lines) parsed once, into a Parquet file of the window's columns in a
 * temporary folder, which every column's query then reads: a query over the text files parses
 * all of them again, so 20 columns cost 20 parses. Parquet is read column by column already.
 * DuckDB writes it as a stream (bounded memory); the folder goes when the window is summarized,
 * or when the process exits (temp-dirs.ts). Staging is only a shortcut: without a usable temp
 * folder (none, full, or a path DuckDB would read as a glob) the queries read the files as before.
 */
async function stageAsParquet(
  session: DuckdbSession,
  window: string,
  files: number,
  log?: (line: string) => void,
): Promise<{ window: string; remove(): void } | undefined> {
  const fallBack = (why: string) => {
    log?.(`drift: duckdb: the window is read once per column (${why})`);
    return undefined;
  };
  let dir: string;
  try {
    dir = makeTempDir("duckdb-window");
  } catch (error) {
    return fallBack(`no temporary folder: ${(error as Error).message}`);
  }
  const file = join(dir, "window.parquet");
  // read_parquet expands glob characters even in a quoted path: another user could add rows.
  if (isGlob(file)) {
    removeTempDir(dir);
    return fallBack(`the temporary folder ${JSON.stringify(dir)} has glob characters`);
  }
  const path = DUCKDB.stringLiteral(file);
  const started = Date.now();
  try {
    // Row order means nothing to the statistics; keeping it made DuckDB buffer the whole
    // window (2.2 GB at 10M x 20, growing with the window) and took twice as long.
    await session.query("SET preserve_insertion_order = false");
    await session.query(`COPY (${window}) TO ${path} (FORMAT parquet)`);
  } catch (error) {
    // A full disk, or bad data: the per-column queries run as before (and say what is wrong).
    removeTempDir(dir);
    return fallBack(`staging failed: ${(error as Error).message.split("\n")[0]}`);
  }
  log?.(
    `drift: duckdb: parsed the window's ${files} text file(s) once, into Parquet, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { window: `SELECT * FROM read_parquet(${path})`, remove: () => removeTempDir(dir) };
}

async function numericSummary(
  session: DuckdbSession,
  window: string,
  index: number,
  name: string,
  rowCount: number,
  reference: ColumnSummary,
): Promise<NumericSummary> {
  if (reference.kind !== "numeric") throw new Error("numericSummary: a numeric reference is needed");
  const table = `mk_reference_${index}`;
  await session.valueCounts(table, reference.sortedValues);
  const edges = reference.psi?.edges ?? [];
  const [row] = await session.query(
    numericColumnQuery(DUCKDB, window, index, `SELECT v, c FROM ${DUCKDB.quoteIdentifier(table)}`, edges),
  );
  await session.query(`DROP TABLE ${DUCKDB.quoteIdentifier(table)}`);
  return numericSummaryOfRow(row, name, rowCount, reference, "duckdb", "duckdb");
}

async function categoricalSummary(
  session: DuckdbSession,
  window: string,
  index: number,
  name: string,
  rowCount: number,
): Promise<CategoricalSummary> {
  return categoricalSummaryOfRows(await session.query(categoryCountsQuery(window, index)), name, rowCount);
}
