/**
 * Recall (sensitivity, true positive rate) at a threshold, equal to
 * sklearn.metrics.recall_score(y, score >= t) with its default zero_division="warn":
 * TP / (TP + FN), and 0 (with a note) when the labels hold no positive.
 * Worked example: labels [1, 0, 1, 0], scores [0.9, 0.6, 0.4, 0.1], t = 0.5: 1 / (1 + 1) = 0.5.
 */
import { computeWith } from "./compute-metric.ts";
import { confusionImplementation, FN, TP } from "./confusion-counts.ts";
import type { MetricOptions, MetricResult } from "./types.ts";

export const recallImplementation = confusionImplementation({
  value: (cells) => (cells[TP] + cells[FN] === 0 ? 0 : cells[TP] / (cells[TP] + cells[FN])),
  note: (cells) =>
    cells[TP] + cells[FN] === 0
      ? "the labels hold no positive, so recall is 0 by scikit-learn's zero_division convention"
      : undefined,
});

/** Recall of one model's binary scores at options.threshold (default 0.5, score >= t is positive). */
export function recall(labels: Float64Array, scores: Float64Array, options?: MetricOptions): MetricResult {
  return computeWith(recallImplementation, { task: "binary", labels, scores }, options);
}
