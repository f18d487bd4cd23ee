/**
 * One prediction log line per scored row, JSON Lines that `drift --current` reads as it is: the
 * feature values under their feature names, the model's score as `prediction` (the column drift
 * takes as the logged score), for multiclass also the predicted class as `prediction: class`, and
 * the request's facts under `_`-prefixed keys that no reference data has (so drift ignores them).
 * Pure: rows in, text out.
 */
import type { Table } from "../data/table.ts";
import type { Prediction } from "../model/output-plan.ts";
import { LOGGED_PREDICTION, CLASS_COLUMN } from "../monitor/prediction-names.ts";
import { argmaxRows } from "../stats/metrics/multiclass-argmax.ts";

const RECORD_KEYS = ["_id", "_time", "_model", "_version", "_endpoint"] as const;

/** Names a feature may not have, because a log line uses them for something else. */
export const RESERVED_NAMES: readonly string[] = [...RECORD_KEYS, LOGGED_PREDICTION, CLASS_COLUMN];

export interface LogBatch {
  requestId: string;
  /** ISO 8601 time the request arrived. */
  time: string;
  model: string;
  version: string;
  endpoint: string;
  table: Table;
  prediction: Prediction;
  /** The rows to write, in order; undefined = rows 0..count-1. */
  rows?: Uint32Array;
  count: number;
}

export function formatRecords(batch: LogBatch): string {
  const head = `{"_id":${JSON.stringify(batch.requestId)},"_time":${JSON.stringify(batch.time)},"_model":${JSON.stringify(batch.model)},"_version":${JSON.stringify(batch.version)},"_endpoint":${JSON.stringify(batch.endpoint)}`;
  const keys = batch.table.columns.map((column) => `,${JSON.stringify(column.name)}:`);
  const { prediction } = batch;
  const classes = prediction.probabilities && prediction.classCount ? prediction.classCount : 0;
  // Each category is JSON-encoded once per batch, not once per row: the log costs the server's
  // event loop, which also answers requests.
  const encoded = batch.table.columns.map((column) =>
    column.kind === "categorical" ? column.categories.map((c) => JSON.stringify(c)) : undefined,
  );
  const predicted = classes > 0 ? argmaxRows(prediction.probabilities!, classes) : undefined;
  let out = "";
  for (let r = 0; r < batch.count; r++) {
    const row = batch.rows ? batch.rows[r] : r;
    let line = head;
    batch.table.columns.forEach((column, c) => {
      if (column.kind === "numeric") line += keys[c] + json(column.values[row]);
      else line += keys[c] + (column.codes[row] < 0 ? "null" : encoded[c]![column.codes[row]]);
    });
    line += `,${JSON.stringify(LOGGED_PREDICTION)}:${json(prediction.scores[row])}`;
    if (predicted) line += `,${JSON.stringify(CLASS_COLUMN)}:"${predicted[row]}"`;
    out += line + "}\n";
  }
  return out;
}

function json(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}
