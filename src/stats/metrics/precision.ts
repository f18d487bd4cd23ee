/**
 * Precision at a threshold, equal to sklearn.metrics.precision_score(y, score >= t) with its
 * default zero_division="warn": TP / (TP + FP), and 0 (with a note) when no row is predicted
 * positive, which is the value sklearn returns after its warning.
 * Worked example: labels [1, 0, 1, 0], scores [0.9, 0.6, 0.4, 0.1], t = 0.5: 1 / (1 + 1) = 0.5.
 */
import { computeWith } from "./compute-metric.ts";
import { confusionImplementation, FP, TP } from "./confusion-counts.ts";
import type { MetricOptions, MetricResult } from "./types.ts";

export const precisionImplementation = confusionImplementation({
  value: (cells) => (cells[TP] + cells[FP] === 0 ? 0 : cells[TP] / (cells[TP] + cells[FP])),
  note: (cells) =>
    cells[TP] + cells[FP] === 0
      ? "no row is predicted positive, so precision is 0 by scikit-learn's zero_division convention"
      : undefined,
});

/** Precision of one model's binary scores at options.threshold (default 0.5, score >= t is positive). */
export function precision(labels: Float64Array, scores: Float64Array, options?: MetricOptions): MetricResult {
  return computeWith(precisionImplementation, { task: "binary", labels, scores }, options);
}
