/**
 * The shared shape of metrics that average a per-row quantity (log loss, Brier score, accuracy,
 * absolute error, squared error): prepare computes the per-row values once, a weighted mean is
 * one pass, and leaving one row out is (sum - v_i) / (n - 1), exact in O(N).
 * Worked example: values [1, 2, 6] with weights [2, 0, 1] have weighted mean (2 + 6) / 3 = 8/3.
 */
import type { RowWeights } from "./types.ts";

export interface RowMeanState {
  /** The per-row quantity being averaged. */
  readonly values: Float64Array;
  /** Applied to the mean, e.g. sqrt for RMSE. */
  readonly transform: "identity" | "sqrt";
}

/** sum(w_i v_i) / sum(w_i), transformed; NaN when the weights sum to zero. */
export function weightedRowMean(state: RowMeanState, weights: RowWeights): number {
  const { values } = state;
  let sum = 0;
  let total = 0;
  if (weights === null) {
    for (let i = 0; i < values.length; i++) sum += values[i];
    total = values.length;
  } else {
    for (let i = 0; i < values.length; i++) {
      const weight = weights[i];
      sum += weight * values[i];
      total += weight;
    }
  }
  if (total === 0) return NaN;
  const mean = sum / total;
  return state.transform === "sqrt" ? Math.sqrt(mean) : mean;
}

/** The mean with each row left out in turn (NaN for a single row). */
export function rowMeanLeaveOneOut(state: RowMeanState): Float64Array {
  const { values } = state;
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const leftOut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mean = n > 1 ? (sum - values[i]) / (n - 1) : NaN;
    leftOut[i] = state.transform === "sqrt" ? Math.sqrt(Math.max(0, mean)) : mean;
  }
  return leftOut;
}

export function explainRowMean(state: RowMeanState): { undefinedReason?: string } {
  return state.values.length === 0 ? { undefinedReason: "there are no rows" } : {};
}
