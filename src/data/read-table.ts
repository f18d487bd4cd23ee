import { UserError } from "../errors.ts";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import type { ColumnType } from "./column-builder.ts";
import { concatTables } from "./concat-tables.ts";
import { readCsvParallel } from "./csv-parallel.ts";
import { batchesOf, dataFormat } from "./data-format.ts";
import type { Column, Table } from "./table.ts";

export interface ReadTableOptions {
  /** Read only these columns (in file order in the result). Default: every column. */
  columns?: readonly string[];
  /**
   * Column types that override inference. Without one, a column is numeric when every value that
   * is not missing is a number (see parse-number.ts and missing-values.ts), else categorical.
   */
  types?: Readonly<Record<string, ColumnType>>;
}

/**
 * Reads a whole data file (.csv, .jsonl / .ndjson, .parquet, by extension) into a Table.
 *
 * Large CSV files are parsed by two threads (csv-parallel.ts) when the machine has two cores.
 * Types are inferred over the whole file. When a CSV column turns out categorical after rows that
 * held numbers, the column is read a second time as text, so its categories are the file's own
 * spellings ("007", "1.50"), not re-rendered numbers. Errors (UserError) name file, line, column.
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  return readWhole(path, options, true);
}

/**
 * Reads several files into one Table, rows in the order of `paths`. Columns are the union of the
 * files' columns (in order of first appearance); a column a file lacks is missing in its rows, and
 * a column that is categorical in any file is categorical throughout. With `columns`, each named
 * column must be in at least one of the files.
 */
export async function readTables(paths: readonly string[], options: ReadTableOptions = {}): Promise<Table> {
  if (paths.length === 0)
    throw new UserError("No data files to read; name at least one .csv, .jsonl, .ndjson or .parquet file.");
  if (paths.length === 1) return readTable(paths[0], options);
  const tables: Table[] = [];
  for (const path of paths) tables.push(await readWhole(path, options, false));
  for (const name of options.columns ?? []) {
    if (!tables.some((table) => table.columns.some((c) => c.name === name))) {
      throw new UserError(
        `No column named "${name}" in any of ${paths.join(", ")}; fix the column name or the files.`,
        { column: name },
      );
    }
  }
  const categorical = new Set(
    tables.flatMap((table) => table.columns.filter((c) => c.kind === "categorical").map((c) => c.name)),
  );
  for (let i = 0; i < tables.length; i++) {
    if (dataFormat(paths[i]) !== "csv") continue; // other formats carry no text for their numbers
    const numericHere = tables[i].columns.filter(
      (c) => c.kind === "numeric" && categorical.has(c.name) && hasValue(c.values),
    );
    if (numericHere.length > 0)
      tables[i] = await rereadAsText(
        tables[i],
        paths[i],
        options,
        numericHere.map((c) => c.name),
      );
  }
  return concatTables(tables, paths.join(", "));
}

async function readWhole(path: string, options: ReadTableOptions, requireColumns: boolean): Promise<Table> {
  const readOptions = { columns: options.columns, types: options.types, requireColumns };
  const batch =
    (dataFormat(path) === "csv" ? await readCsvParallel(path, readOptions) : undefined) ??
    (await onlyBatch(path, readOptions));
  let table: Table = { source: path, rowCount: batch.rowCount, columns: batch.columns };
  const promotedAfterNumbers = batch.promotions.filter((p) => p.numbersBefore > 0).map((p) => p.column);
  if (promotedAfterNumbers.length > 0 && dataFormat(path) === "csv") {
    table = await rereadAsText(table, path, options, promotedAfterNumbers);
  }
  return table;
}

/** Replaces `names` in `table` by the same columns read again from the file as categorical text. */
async function rereadAsText(
  table: Table,
  path: string,
  options: ReadTableOptions,
  names: readonly string[],
): Promise<Table> {
  const types: Record<string, ColumnType> = { ...options.types };
  for (const name of names) types[name] = "categorical";
  const again = await onlyBatch(path, { columns: names, types, requireColumns: true });
  const replaced = new Map<string, Column>(again.columns.map((c) => [c.name, c]));
  return { ...table, columns: table.columns.map((c) => replaced.get(c.name) ?? c) };
}

async function onlyBatch(path: string, options: BatchReadOptions): Promise<ColumnBatch> {
  let only: ColumnBatch | undefined;
  for await (const batch of batchesOf(path, { ...options, batchRows: Infinity })) only = batch;
  if (only === undefined) throw new Error(`reader yielded no batch for ${path}`); // a bug, not user input
  return only;
}

function hasValue(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return true;
  return false;
}
