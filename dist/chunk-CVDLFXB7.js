import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  argmaxRows
} from "./chunk-4YKUQJNZ.js";

// src/monitor/prediction-names.ts
var SCORE_COLUMN = "prediction: score";
var CLASS_COLUMN = "prediction: class";
var LOGGED_PREDICTION = "prediction";

// src/serve/log-record.ts
var RECORD_KEYS = ["_id", "_time", "_model", "_version", "_endpoint"];
var RESERVED_NAMES = [...RECORD_KEYS, LOGGED_PREDICTION, CLASS_COLUMN];
function formatRecords(batch) {
  const head = `{"_id":${JSON.stringify(batch.requestId)},"_time":${JSON.stringify(batch.time)},"_model":${JSON.stringify(batch.model)},"_version":${JSON.stringify(batch.version)},"_endpoint":${JSON.stringify(batch.endpoint)}`;
  const keys = batch.table.columns.map((column) => `,${JSON.stringify(column.name)}:`);
  const { prediction } = batch;
  const classes = prediction.probabilities && prediction.classCount ? prediction.classCount : 0;
  const encoded = batch.table.columns.map(
    (column) => column.kind === "categorical" ? column.categories.map((c) => JSON.stringify(c)) : void 0
  );
  const predicted = classes > 0 ? argmaxRows(prediction.probabilities, classes) : void 0;
  let out = "";
  for (let r = 0; r < batch.count; r++) {
    const row = batch.rows ? batch.rows[r] : r;
    let line = head;
    batch.table.columns.forEach((column, c) => {
      if (column.kind === "numeric") line += keys[c] + json(column.values[row]);
      else line += keys[c] + (column.codes[row] < 0 ? "null" : encoded[c][column.codes[row]]);
    });
    line += `,${JSON.stringify(LOGGED_PREDICTION)}:${json(prediction.scores[row])}`;
    if (predicted) line += `,${JSON.stringify(CLASS_COLUMN)}:"${predicted[row]}"`;
    out += line + "}\n";
  }
  return out;
}
function json(value) {
  return Number.isFinite(value) ? String(value) : "null";
}

export {
  SCORE_COLUMN,
  CLASS_COLUMN,
  LOGGED_PREDICTION,
  RESERVED_NAMES,
  formatRecords
};
