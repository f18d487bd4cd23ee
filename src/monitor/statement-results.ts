/**
 * The results of `drift --print-sql` statements, run in a user's warehouse with its own client and
 * saved as files (CSV with a header, JSON Lines, or Parquet; any number of statements per file,
 * any file names), read back as the current window: `drift --current DIALECT:TABLE --sql-results
 * FILE...`. Every result row starts with its statement's id (mk_statement, a hash of the SQL), so
 * each statement finds its own rows, and rows of another reference, window or modelkeeper version
 * are never taken for this one's: a statement whose rows are missing is an error saying which.
 */
import { readTable } from "../data/read-table.ts";
import type { Column, Table } from "../data/table.ts";
import { UserError } from "../errors.ts";
import type { CategoricalSummary, ColumnSummary } from "../stats/drift/column-summary.ts";
import { STATEMENT_COLUMN, type DriftStatement } from "./sql/drift-queries.ts";
import { categoricalSummaryOfRows, checkedCount, numericSummaryOfRow, type ResultRow } from "./sql-summaries.ts";
import type { FilesWindow } from "./window-from-files.ts";

/** A statement's result rows and the file (and line or row) each came from. */
interface StatementRows {
  readonly file: string;
  readonly rows: ResultRow[];
}

/** Result rows by statement id, from every file. */
export type StatementResults = Map<string, StatementRows>;

/** Reads result files; a statement's rows must all be in one file (one run of it). */
export async function readStatementResults(paths: readonly string[]): Promise<StatementResults> {
  const results: StatementResults = new Map();
  for (const path of paths) {
    const table = await readTable(path, { types: { [STATEMENT_COLUMN]: "categorical", category: "categorical" } });
    const statement = table.columns.find((c) => c.name === STATEMENT_COLUMN);
    if (!statement || statement.kind !== "categorical")
      throw new UserError(
        `${path}: no ${STATEMENT_COLUMN} column, so these are not results of drift --print-sql statements. Save each statement's result with its header row (the first column is ${STATEMENT_COLUMN}).`,
        { file: path, column: STATEMENT_COLUMN },
      );
    const seenHere = new Set<string>();
    for (let row = 0; row < table.rowCount; row++) {
      const code = statement.codes[row];
      if (code < 0)
        throw new UserError(
          `${path}: row ${row + 1} has no ${STATEMENT_COLUMN}: the file holds rows of something else.`,
          {
            file: path,
            column: STATEMENT_COLUMN,
          },
        );
      const id = statement.categories[code];
      const earlier = results.get(id);
      if (earlier && !seenHere.has(id))
        throw new UserError(
          `${path} and ${earlier.file} both hold results of statement ${id}: keep the results of one run of it.`,
          { file: path },
        );
      seenHere.add(id);
      if (!earlier) results.set(id, { file: path, rows: [] });
      results.get(id)!.rows.push(rowOf(table, row));
    }
  }
  return results;
}

/** One row as a record: numbers, text, or null for a missing value. */
function rowOf(table: Table, row: number): ResultRow {
  const record: Record<string, unknown> = {};
  for (const column of table.columns) record[column.name] = cellOf(column, row);
  return record;
}

function cellOf(column: Column, row: number): number | string | null {
  if (column.kind === "numeric") return Number.isNaN(column.values[row]) ? null : column.values[row];
  const code = column.codes[row];
  if (code < 0) return null;
  const text = column.categories[code];
  // JSON results may carry numbers as strings (BigQuery does, for 64-bit integers).
  return column.name !== "category" && column.name !== STATEMENT_COLUMN && /^[-+]?(\d|\.\d)/.test(text)
    ? Number(text)
    : text;
}

/**
 * The window the statements describe, from their results: the same shape the DuckDB engine gives
 * (duckdb-window.ts), for the same decision code. `references` are the summaries the statements
 * were printed against, by column name.
 */
export function windowFromStatementResults(
  statements: readonly DriftStatement[],
  results: StatementResults,
  references: ReadonlyMap<string, ColumnSummary>,
  dialect: string,
  scoringNote?: string,
): FilesWindow {
  const missing = statements.filter((s) => s.kind !== "categorical" && !results.has(s.id));
  const [rowsStatement] = statements;
  const counts = results.get(rowsStatement.id);
  if (missing.length || !counts)
    throw new UserError(
      `--sql-results: no results of ${missing.map(describe).join(", ")}: run every statement drift --print-sql ${dialect} prints for this window and reference (results of an older print do not match), and pass all their files.`,
    );
  const [countRow] = counts.rows;
  const where = (statement: DriftStatement) =>
    `${results.get(statement.id)?.file ?? counts.file}: statement ${statement.id}`;
  if (counts.rows.length !== 1 || typeof countRow.row_count !== "number")
    throw new UserError(`${where(rowsStatement)}: expected one row with row_count.`);
  const rowCount = checkedCount(countRow.row_count, "row_count", Number.MAX_SAFE_INTEGER, where(rowsStatement));
  const columns = new Map<string, ColumnSummary>();
  for (const statement of statements.slice(1)) {
    const name = statement.column!;
    const reference = references.get(name)!;
    const rows = results.get(statement.id)?.rows ?? [];
    if (statement.kind === "numeric") {
      if (rows.length !== 1 || reference.kind !== "numeric")
        throw new UserError(
          `${where(statement)}: expected one row for column ${JSON.stringify(name)}, found ${rows.length}.`,
        );
      columns.set(name, numericSummaryOfRow(rows[0], name, rowCount, reference, where(statement), dialect));
    } else columns.set(name, categoricalOf(statement, rows, countRow, rowCount, where(statement)));
  }
  return {
    rowCount,
    columns,
    kindChanges: new Map(),
    seen: [...columns.keys()],
    samples: new Map(),
    scoringNote,
    unscored: { count: 0 },
  };
}

/**
 * A categorical column's counts. No rows is a column with no values only when the row-count
 * statement says so (present_<i> = 0); otherwise the statement was not run.
 */
function categoricalOf(
  statement: DriftStatement,
  rows: readonly ResultRow[],
  countRow: ResultRow,
  rowCount: number,
  where: string,
): CategoricalSummary {
  const key = `present_${statement.index}`;
  const present = countRow[key];
  if (typeof present !== "number") throw new UserError(`${where}: the row count's result has no ${key}.`);
  checkedCount(present, key, rowCount, `${where}: column ${JSON.stringify(statement.column)}`);
  // A category whose text reads as missing ("NA", "null") is missing here, as in drift's own readers.
  const kept = rows.filter((r) => r.category !== null);
  const seen = new Set<string>();
  for (const r of kept) {
    const category = String(r.category);
    if (seen.has(category))
      throw new UserError(
        `${where}: category ${JSON.stringify(category)} of column ${JSON.stringify(statement.column)} has two rows: pass the result of one run of this statement, once.`,
      );
    seen.add(category);
  }
  const total = rows.reduce(
    (sum, r) =>
      sum + checkedCount(Number(r.count), "count", present, `${where}: column ${JSON.stringify(statement.column)}`),
    0,
  );
  if (total !== present)
    throw new UserError(
      rows.length
        ? `${where}: the counts of column ${JSON.stringify(statement.column)} add up to ${total}, but the window holds ${present} of its values: pass the whole result of this statement from the same run as the row count.`
        : `--sql-results: no results of ${describe(statement)}: run every statement drift --print-sql prints, and pass all their files.`,
    );
  return categoricalSummaryOfRows(kept, statement.column!, rowCount);
}

function describe(statement: DriftStatement): string {
  return `${statement.id} (${statement.kind === "rows" ? "the rows of the window" : `${statement.kind} column ${JSON.stringify(statement.column)}`})`;
}
