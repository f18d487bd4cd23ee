/**
 * Binary log loss (cross-entropy), equal to sklearn.metrics.log_loss(y, p, labels=[0, 1]) in
 * scikit-learn 1.2 (the version this project is checked against).
 *
 * Formula: mean over rows of -log(p_i) for positives and -log(1 - p_i) for negatives, natural log.
 * scikit-learn's handling, reproduced step by step: eps = "auto" = machine epsilon of float64
 * (2.22e-16); p is clipped to [eps, 1 - eps]; the two columns [1 - p, p] are renormalised by their
 * (floating-point) sum, so a probability of exactly 0 or 1 costs -log(eps) ~ 36.04 instead of
 * infinity. Labels are fixed to {0, 1}, so one-class label sets are fine (sklearn would need the
 * `labels` argument there).
 * Worked example: labels [1, 0], probabilities [0.9, 0.2]: (-log 0.9 - log 0.8) / 2 = 0.164252...
 */
import { computeWith } from "./compute-metric.ts";
import { explainRowMean, rowMeanLeaveOneOut, weightedRowMean, type RowMeanState } from "./row-mean.ts";
import type { MetricImplementation, MetricResult } from "./types.ts";
import { checkBinary, expectTask } from "./validate-inputs.ts";

/** scikit-learn's eps = "auto" for float64 predictions. */
export const LOG_LOSS_EPS = Number.EPSILON;

/** -log of the probability the model gave the true class, clipped and renormalised like sklearn. */
function binaryLogLossTerm(label: number, probability: number): number {
  const p = Math.min(Math.max(probability, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
  const q = 1 - p;
  const sum = q + p;
  return -Math.log((label === 1 ? p : q) / sum);
}

export const logLossImplementation: MetricImplementation<RowMeanState> = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, "log_loss", cache);
    const values = new Float64Array(binary.labels.length);
    for (let i = 0; i < values.length; i++) values[i] = binaryLogLossTerm(binary.labels[i], binary.scores[i]);
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut,
};

/** Log loss of one model's binary probabilities. */
export function logLoss(labels: Float64Array, scores: Float64Array): MetricResult {
  return computeWith(logLossImplementation, { task: "binary", labels, scores });
}
