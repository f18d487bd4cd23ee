import { UserError } from "../errors.ts";
import type { ColumnType, Promotion } from "./column-builder.ts";
import { batchesOf } from "./data-format.ts";
import type { BatchReadOptions } from "./column-batch.ts";
import type { ReadTableOptions } from "./read-table.ts";
import type { Column, Table } from "./table.ts";

export interface StreamTableOptions extends ReadTableOptions, Pick<BatchReadOptions, "verbatim" | "withLines"> {
  /** Rows per batch (default 65,536). A batch never spans two files, so the last one of each file may be shorter. */
  batchRows?: number;
}

/** One batch of rows: a Table over the columns seen so far, plus where it came from. */
export interface TableBatch extends Table {
  /** The file these rows come from. */
  readonly file: string;
  /** Line (CSV, JSON Lines) or 1-based row (Parquet) of the batch's first row in `file`. */
  readonly firstLine: number;
  /** Columns that turned from numeric (with numbers) to categorical in this batch (see below). */
  readonly promotions: readonly Promotion[];
  /** With `withLines`: each row's line (CSV, JSON Lines); absent for Parquet, whose row i is firstLine + i. */
  readonly lines?: readonly number[];
}

const DEFAULT_BATCH_ROWS = 65536;

/**
 * Reads files of any size as a sequence of batches, in bounded memory (one read buffer plus one
 * batch), reading each byte once.
 *
 * Column types: forced ones (`types`) never change. Otherwise a column is numeric while its values
 * are numbers and turns categorical at the first value that is not (a "promotion") — it is never
 * an error, because that is a fact about the data a drift report should show, and nothing is
 * dropped: the batch lists the promotion (column, line, value), the column is categorical in that
 * and every later batch, and numbers in it are text from then on (those earlier in the same batch
 * as String(x), e.g. "1.5" for 1.50; later ones as written). Earlier batches stay numeric.
 *
 * Columns: every batch has every column seen so far, in order of first appearance; a column a file
 * lacks is missing in its rows; a column first seen in a later file or line joins from that batch on.
 * Categories are per batch (codes index that batch's `categories`), which keeps memory bounded.
 */
export async function* tableBatches(
  paths: readonly string[],
  options: StreamTableOptions = {},
): AsyncGenerator<TableBatch> {
  if (paths.length === 0)
    throw new UserError("No data files to read; name at least one .csv, .jsonl, .ndjson or .parquet file.");
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!(batchRows >= 1) || !Number.isInteger(batchRows))
    throw new RangeError(`batchRows must be a positive integer, got ${batchRows}`);
  const schema = new Map<string, Column["kind"]>();
  for (const path of paths) {
    const types: Record<string, ColumnType> = {};
    for (const [name, kind] of schema) if (kind === "categorical") types[name] = "categorical";
    Object.assign(types, options.types);
    const single = paths.length === 1;
    const readOptions = {
      columns: options.columns,
      requireColumns: single,
      types,
      batchRows,
      verbatim: options.verbatim,
      withLines: options.withLines,
    };
    for await (const batch of batchesOf(path, readOptions)) {
      for (const column of batch.columns) {
        if (schema.get(column.name) !== "categorical") schema.set(column.name, column.kind);
      }
      const byName = new Map(batch.columns.map((c) => [c.name, c]));
      const columns = [...schema].map(([name, kind]) => byName.get(name) ?? missingColumn(name, kind, batch.rowCount));
      yield {
        source: path,
        file: path,
        rowCount: batch.rowCount,
        columns,
        firstLine: batch.firstLine,
        promotions: batch.promotions,
        ...(batch.lines ? { lines: batch.lines } : {}),
      };
    }
  }
  for (const name of options.columns ?? []) {
    if (!schema.has(name)) {
      throw new UserError(
        `No column named "${name}" in any of ${paths.join(", ")}; fix the column name or the files.`,
        { column: name },
      );
    }
  }
}

/** Calls `onBatch` for each batch in turn (awaiting it, so a slow consumer slows the reader). */
export async function streamTable(
  paths: readonly string[],
  options: StreamTableOptions & { onBatch(batch: TableBatch): void | Promise<void> },
): Promise<{ rowCount: number; batchCount: number }> {
  let rowCount = 0;
  let batchCount = 0;
  for await (const batch of tableBatches(paths, options)) {
    await options.onBatch(batch);
    rowCount += batch.rowCount;
    batchCount++;
  }
  return { rowCount, batchCount };
}

function missingColumn(name: string, kind: Column["kind"], rows: number): Column {
  return kind === "numeric"
    ? { kind, name, values: new Float64Array(rows).fill(NaN) }
    : { kind, name, codes: new Int32Array(rows).fill(-1), categories: [] };
}
