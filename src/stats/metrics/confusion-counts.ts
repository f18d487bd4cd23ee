/**
 * The 2x2 confusion matrix at a decision threshold, the basis of accuracy, precision, recall and
 * F1. A row is predicted positive when its score is >= the threshold (default 0.5), the rule of
 * sklearn's roc_curve and precision_recall_curve (threshold t counts scores >= t as positive).
 * Note that many sklearn classifiers' predict() use p > 0.5 instead; the two differ only for a
 * score exactly equal to the threshold. Each row is coded once
 * (bit 1 = actual positive, bit 0 = predicted positive), so a weighted matrix is one pass, and
 * leaving a row out just decrements its cell.
 * Worked example: labels [1, 0, 1, 0], scores [0.9, 0.6, 0.4, 0.1], threshold 0.5:
 * TP = 1 (row 0), FP = 1 (row 1), FN = 1 (row 2), TN = 1 (row 3).
 */
import { checkBinary, expectTask } from "./validate-inputs.ts";
import {
  cached,
  type EvaluationData,
  type MetricImplementation,
  type PreparationCache,
  type ResolvedMetricOptions,
  type RowWeights,
} from "./types.ts";

/** Cell index of each code: 0 = TN, 1 = FP, 2 = FN, 3 = TP. */
export const TN = 0;
export const FP = 1;
export const FN = 2;
export const TP = 3;

export interface ConfusionState {
  /** Per-row cell: 2 * label + (score >= threshold). */
  readonly codes: Uint8Array;
}

/** A metric computed from the four (weighted) cell totals, with its own zero-division convention. */
export interface ConfusionMetric {
  value(cells: Float64Array): number;
  /** A note when the value comes from a convention (division by zero), else undefined. */
  note(cells: Float64Array): string | undefined;
}

/** The per-row cells, shared by accuracy, precision, recall and F1 within a preparation cache. */
function prepareConfusion(
  data: EvaluationData,
  options: ResolvedMetricOptions,
  cache?: PreparationCache,
): ConfusionState {
  const binary = expectTask(data, "binary");
  checkBinary(binary, undefined, cache);
  const byThreshold = cached(
    cache,
    "confusion-codes",
    binary.scores,
    () => new Map<number, { labels: Float64Array; state: ConfusionState }>(),
  );
  const hit = byThreshold.get(options.threshold);
  if (hit && hit.labels === binary.labels) return hit.state;
  const codes = new Uint8Array(binary.labels.length);
  for (let i = 0; i < codes.length; i++) {
    codes[i] = 2 * binary.labels[i] + (binary.scores[i] >= options.threshold ? 1 : 0);
  }
  const state = { codes };
  byThreshold.set(options.threshold, { labels: binary.labels, state });
  return state;
}

/** Weighted cell totals [TN, FP, FN, TP]. */
function confusionCells(state: ConfusionState, weights: RowWeights): Float64Array {
  const cells = new Float64Array(4);
  const { codes } = state;
  if (weights === null) for (let i = 0; i < codes.length; i++) cells[codes[i]]++;
  else for (let i = 0; i < codes.length; i++) cells[codes[i]] += weights[i];
  return cells;
}

/** A MetricImplementation from a cell-based metric, with exact leave-one-out. */
export function confusionImplementation(metric: ConfusionMetric): MetricImplementation<ConfusionState> {
  return {
    prepare: prepareConfusion,
    weighted(state, weights) {
      const cells = confusionCells(state, weights);
      return cells[0] + cells[1] + cells[2] + cells[3] === 0 ? NaN : metric.value(cells);
    },
    explain(state) {
      if (state.codes.length === 0) return { undefinedReason: "there are no rows" };
      const note = metric.note(confusionCells(state, null));
      return note ? { note } : {};
    },
    leaveOneOut(state) {
      const cells = confusionCells(state, null);
      const byCell = [0, 1, 2, 3].map((cell) => {
        const reduced = Float64Array.from(cells);
        reduced[cell]--;
        return reduced[0] + reduced[1] + reduced[2] + reduced[3] === 0 ? NaN : metric.value(reduced);
      });
      return Float64Array.from(state.codes, (code) => byCell[code]);
    },
  };
}
