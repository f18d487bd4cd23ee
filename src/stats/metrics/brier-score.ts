/**
 * Brier score, equal to sklearn.metrics.brier_score_loss: the mean squared difference between
 * the predicted probability of class 1 and the 0/1 label (Brier 1950). Lower is better; 0.25 is
 * what a constant 0.5 scores.
 * Worked example: labels [0, 1, 1, 0], probabilities [0.1, 0.9, 0.8, 0.3]:
 * (0.01 + 0.01 + 0.04 + 0.09) / 4 = 0.0375 (sklearn's docstring example).
 */
import { computeWith } from "./compute-metric.ts";
import { explainRowMean, rowMeanLeaveOneOut, weightedRowMean, type RowMeanState } from "./row-mean.ts";
import type { MetricImplementation, MetricResult } from "./types.ts";
import { checkBinary, expectTask } from "./validate-inputs.ts";

export const brierScoreImplementation: MetricImplementation<RowMeanState> = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, "brier", cache);
    const values = new Float64Array(binary.labels.length);
    for (let i = 0; i < values.length; i++) {
      const difference = binary.labels[i] - binary.scores[i];
      values[i] = difference * difference;
    }
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut,
};

/** Brier score of one model's binary probabilities. */
export function brierScore(labels: Float64Array, scores: Float64Array): MetricResult {
  return computeWith(brierScoreImplementation, { task: "binary", labels, scores });
}
