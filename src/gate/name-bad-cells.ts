/**
 * Predictions whose failures name the cell at fault. A held-out set reaches the model as columns,
 * so a bad cell surfaces as "this column is text" or "row 16 scored NaN"; here the files are read
 * again (only then) to say which file, line, column and value, and how to fix it.
 */
import { sep } from "node:path";
import type { Task } from "../stats/metrics/types.ts";
import type { Table } from "../data/table.ts";
import { cellPlace, cellsOfRow, describeCell, firstNonNumber } from "../data/locate-cell.ts";
import { isMissingText } from "../data/missing-values.ts";
import { TextForNumericInput } from "../model/input-plan.ts";
import { predict, type ModelHandle, type Prediction } from "../model/runner.ts";
import { UserError } from "../errors.ts";

export interface ScoredFiles {
  /** Absolute paths of the files the table was read from, in order. */
  paths: readonly string[];
  /** Repository-relative names of those files, for messages. */
  names: readonly string[];
}

/** `predict`, with text in a numeric feature and rows the model cannot score traced to their cell. */
export async function predictNamingCells(
  handle: ModelHandle,
  who: string,
  table: Table,
  features: readonly string[],
  task: Task,
  files: ScoredFiles,
): Promise<Prediction> {
  let prediction: Prediction;
  try {
    prediction = await predict(handle, table, features, task);
  } catch (error) {
    if (!(error instanceof TextForNumericInput)) throw error;
    const cell = await firstNonNumber(files.paths, error.column);
    if (!cell) throw error;
    throw new UserError(
      `${cellPlace(cell, display(cell.file, files))}: column "${cell.column}" holds ${describeCell(cell)}, which is not a number, but model input "${error.inputName}" of the ${who} takes numbers. ` +
        `Fix the value (leave it empty or write NA for a missing value), or, if the column really is text, encode it inside the model (a string input with a OneHotEncoder in the exported pipeline).`,
      { file: display(cell.file, files), line: cell.line, column: cell.column },
    );
  }
  const row = firstUnscoredRow(prediction);
  if (row !== undefined) throw await unscoredRowError(row, who, prediction, features, files);
  return prediction;
}

/** The first row whose score (or any class probability) is not a finite number. */
function firstUnscoredRow(prediction: Prediction): number | undefined {
  const values = prediction.probabilities ?? prediction.scores;
  const perRow = prediction.probabilities ? prediction.classCount! : 1;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return Math.floor(i / perRow);
  return undefined;
}

async function unscoredRowError(
  row: number,
  who: string,
  prediction: Prediction,
  features: readonly string[],
  files: ScoredFiles,
): Promise<UserError> {
  const value = prediction.probabilities ? "not a finite probability" : String(prediction.scores[row]);
  const cells = (await cellsOfRow(files.paths, row, features)) ?? [];
  const missing = cells.filter((cell) => cell.text === undefined || isMissingText(cell.text));
  const place = cells.length ? cellPlace(cells[0], display(cells[0].file, files)) : `data row ${row + 1}`;
  const where = {
    file: cells[0] ? display(cells[0].file, files) : undefined,
    line: cells[0]?.line,
    column: missing[0]?.column,
  };
  if (missing.length) {
    const list = missing.map((cell) => `column "${cell.column}" holds ${describeCell(cell)}`).join(", ");
    return new UserError(
      `${place}: ${list}, a missing value, and the ${who} scores this row ${value}: the model cannot take a missing ${missing.map((c) => `"${c.column}"`).join(", ")}. ` +
        "Fill in the value, drop the row from the held-out set, or export the model with an imputer for that column.",
      where,
    );
  }
  const values = cells.map((cell) => `${cell.column}=${describeCell(cell)}`).join(", ");
  return new UserError(
    `${place}: the ${who} scores this row ${value}${values ? ` (its features: ${values})` : ""}; every score must be a finite number. Check the model on this row (an overflow, or a value far outside the training range).`,
    where,
  );
}

/** The repository-relative name of a scored file (held-out files may be read from a temporary copy). */
function display(file: string, files: ScoredFiles): string {
  const index = files.paths.indexOf(file);
  if (index >= 0 && files.names[index]) return files.names[index];
  return files.names.find((name) => file.endsWith(`${sep}${name}`)) ?? file;
}
