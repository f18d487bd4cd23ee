/**
 * Binary accuracy at a threshold, equal to sklearn.metrics.accuracy_score(y, score >= t):
 * (TP + TN) / N, the share of rows whose thresholded prediction equals the label.
 * Worked example: labels [1, 0, 1, 0], scores [0.9, 0.6, 0.4, 0.1], t = 0.5: (1 + 1) / 4 = 0.5.
 */
import { computeWith } from "./compute-metric.ts";
import { confusionImplementation, FN, FP, TN, TP } from "./confusion-counts.ts";
import type { MetricOptions, MetricResult } from "./types.ts";

export const accuracyImplementation = confusionImplementation({
  value: (cells) => (cells[TP] + cells[TN]) / (cells[TP] + cells[TN] + cells[FP] + cells[FN]),
  note: () => undefined,
});

/** Accuracy of one model's binary scores at options.threshold (default 0.5, score >= t is positive). */
export function accuracy(labels: Float64Array, scores: Float64Array, options?: MetricOptions): MetricResult {
  return computeWith(accuracyImplementation, { task: "binary", labels, scores }, options);
}
