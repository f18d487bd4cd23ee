/**
 * F1 at a threshold, equal to sklearn.metrics.f1_score(y, score >= t) with its default
 * zero_division="warn": the harmonic mean of precision and recall,
 *   F1 = 2 TP / (2 TP + FP + FN),
 * and 0 (with a note) when there is neither a positive label nor a positive prediction.
 * When TP = 0 but FP + FN > 0 the formula itself gives 0, as sklearn does.
 * Worked example: labels [1, 0, 1, 0], scores [0.9, 0.6, 0.4, 0.1], t = 0.5:
 * 2 / (2 + 1 + 1) = 0.5.
 */
import { computeWith } from "./compute-metric.ts";
import { confusionImplementation, FN, FP, TP } from "./confusion-counts.ts";
import type { MetricOptions, MetricResult } from "./types.ts";

export const f1Implementation = confusionImplementation({
  value: (cells) => {
    const denominator = 2 * cells[TP] + cells[FP] + cells[FN];
    return denominator === 0 ? 0 : (2 * cells[TP]) / denominator;
  },
  note: (cells) =>
    2 * cells[TP] + cells[FP] + cells[FN] === 0
      ? "no positive label and no positive prediction, so F1 is 0 by scikit-learn's zero_division convention"
      : undefined,
});

/** F1 of one model's binary scores at options.threshold (default 0.5, score >= t is positive). */
export function f1Score(labels: Float64Array, scores: Float64Array, options?: MetricOptions): MetricResult {
  return computeWith(f1Implementation, { task: "binary", labels, scores }, options);
}
