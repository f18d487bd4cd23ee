/**
 * Rows the model scores NaN (a plain linear model does so for a missing feature). Drift keeps them:
 * a missing value is a fact about production data, and such a row's prediction counts as missing.
 * But it must not pass silently, so the report says how many there are and where the first one is.
 */
import type { Table } from "../data/table.ts";
import { cellPlace, cellsOfRow, describeCell } from "../data/locate-cell.ts";
import { isMissingText } from "../data/missing-values.ts";
import { SCORE_COLUMN } from "./prediction-columns.ts";

export interface UnscoredRows {
  count: number;
  /** 0-based row (across the files in order) of the first one. */
  firstRow?: number;
}

/** Counts the rows of a scored table whose score is not a finite number; `offset` is the table's first row. */
export function countUnscored(table: Table, offset = 0, into: UnscoredRows = { count: 0 }): UnscoredRows {
  const score = table.columns.find((c) => c.name === SCORE_COLUMN);
  if (score?.kind !== "numeric") return into;
  for (let i = 0; i < score.values.length; i++) {
    if (Number.isFinite(score.values[i])) continue;
    into.count++;
    into.firstRow ??= offset + i;
  }
  return into;
}

/** The report's sentence about them, naming the first row's file, line and missing cells. */
export async function unscoredNote(
  side: "reference" | "window",
  unscored: UnscoredRows,
  rowCount: number,
  paths: readonly string[],
  features: readonly string[],
  display: (file: string) => string,
): Promise<string | undefined> {
  if (!unscored.count || unscored.firstRow === undefined) return undefined;
  const cells = (await cellsOfRow(paths, unscored.firstRow, features)) ?? [];
  const missing = cells.filter((cell) => cell.text === undefined || isMissingText(cell.text));
  const place = cells.length ? cellPlace(cells[0], display(cells[0].file)) : `data row ${unscored.firstRow + 1}`;
  const why = missing.length
    ? `, where ${missing.map((c) => `column "${c.column}" holds ${describeCell(c)}`).join(", ")} (missing)`
    : "";
  return (
    `${unscored.count.toLocaleString("en-US")} of ${rowCount.toLocaleString("en-US")} rows of the ${side} have no prediction: the model scores them NaN (the first at ${place}${why}); ` +
    "they count as missing predictions. Fill the values upstream, or export the model with an imputer."
  );
}
