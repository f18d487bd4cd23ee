import { isMissingText } from "./missing-values.ts";
import { parseNumberText } from "./parse-number.ts";
import { tableBatches, type TableBatch } from "./stream-table.ts";
import type { ColumnType } from "./column-builder.ts";

/**
 * Finding the cell behind a problem, for messages that name file, line, column and value. Readers
 * turn cells into numbers and codes; these helpers read the files again (only when something is
 * wrong) with every named column as text, exactly as written, and each row's line.
 */

export interface Cell {
  file: string;
  /** The line (CSV, JSON Lines) or the 1-based row (Parquet). */
  line: number;
  unit: "line" | "row";
  column: string;
  /** The text as written; undefined when the file has no value there (JSON null, absent key, Parquet null). */
  text: string | undefined;
}

/** The cells of `columns` in data row `row` (0-based, counted across `paths` in order). */
export async function cellsOfRow(
  paths: readonly string[],
  row: number,
  columns: readonly string[],
): Promise<Cell[] | undefined> {
  let before = 0;
  for await (const batch of asText(paths, columns)) {
    if (row < before + batch.rowCount) return columns.map((name) => cellOf(batch, row - before, name));
    before += batch.rowCount;
  }
  return undefined;
}

/** The first cell of `column` that holds text which is neither a number nor a missing value. */
export async function firstNonNumber(paths: readonly string[], column: string): Promise<Cell | undefined> {
  for await (const batch of asText(paths, [column])) {
    const found = batch.columns.find((c) => c.name === column);
    if (found?.kind !== "categorical") continue;
    for (let i = 0; i < batch.rowCount; i++) {
      const code = found.codes[i];
      if (code < 0) continue;
      const text = found.categories[code];
      if (parseNumberText(text) !== parseNumberText(text) && !isMissingText(text)) return cellOf(batch, i, column);
    }
  }
  return undefined;
}

/** How a cell reads in a message: `"n/a"`, or `no value`. */
export function describeCell(cell: Cell): string {
  return cell.text === undefined ? "no value" : JSON.stringify(cell.text);
}

/** `data/holdout.csv:18` or `data/holdout.parquet: row 18`. */
export function cellPlace(cell: Cell, file = cell.file): string {
  return cell.unit === "line" ? `${file}:${cell.line}` : `${file}: row ${cell.line}`;
}

function asText(paths: readonly string[], columns: readonly string[]): AsyncGenerator<TableBatch> {
  const types: Record<string, ColumnType> = Object.fromEntries(columns.map((name) => [name, "categorical"]));
  return tableBatches(paths, { columns, types, verbatim: true, withLines: true });
}

function cellOf(batch: TableBatch, index: number, name: string): Cell {
  const column = batch.columns.find((c) => c.name === name);
  const code = column?.kind === "categorical" ? column.codes[index] : -1;
  return {
    file: batch.file,
    line: batch.lines ? batch.lines[index] : batch.firstLine + index,
    unit: batch.lines ? "line" : "row",
    column: name,
    text: column?.kind === "categorical" && code >= 0 ? column.categories[code] : undefined,
  };
}
