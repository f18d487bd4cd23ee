/**
 * Multiclass log loss, equal to sklearn.metrics.log_loss(y, P, labels=range(C)) in
 * scikit-learn 1.2.
 *
 * Formula: mean over rows of -log(P[i, y_i] / sum_c P[i, c]) after clipping every P[i, c] to
 * [eps, 1 - eps], eps = float64 machine epsilon (sklearn's eps = "auto"), so rows that do not sum
 * to exactly 1 are renormalised as sklearn does.
 * Worked example: labels [0, 2], P = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]:
 * (-log 0.7 - log 0.6) / 2 = 0.433748...
 */
import { computeWith } from "./compute-metric.ts";
import { LOG_LOSS_EPS } from "./log-loss.ts";
import { explainRowMean, rowMeanLeaveOneOut, weightedRowMean, type RowMeanState } from "./row-mean.ts";
import type { MetricImplementation, MetricResult } from "./types.ts";
import { checkMulticlass, expectTask } from "./validate-inputs.ts";

export const multiclassLogLossImplementation: MetricImplementation<RowMeanState> = {
  prepare(data, _options, cache) {
    const multiclass = expectTask(data, "multiclass");
    checkMulticlass(multiclass, "log_loss", cache);
    const { labels, probabilities, classCount } = multiclass;
    const values = new Float64Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const offset = i * classCount;
      let sum = 0;
      for (let c = 0; c < classCount; c++) sum += clip(probabilities[offset + c]);
      values[i] = -Math.log(clip(probabilities[offset + labels[i]]) / sum);
    }
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut,
};

function clip(probability: number): number {
  return Math.min(Math.max(probability, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}

/** Log loss of one model's class probabilities ([N, classCount] row-major). */
export function multiclassLogLoss(labels: Float64Array, probabilities: Float64Array, classCount: number): MetricResult {
  return computeWith(multiclassLogLossImplementation, { task: "multiclass", labels, probabilities, classCount });
}
