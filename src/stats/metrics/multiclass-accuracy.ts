/**
 * Multiclass accuracy, equal to sklearn.metrics.accuracy_score(y, P.argmax(axis=1)): the share
 * of rows whose most probable class (first on ties) is the label.
 * Worked example: labels [0, 2], P = [[0.7, 0.2, 0.1], [0.5, 0.2, 0.3]]: 1 of 2 correct = 0.5.
 */
import { computeWith } from "./compute-metric.ts";
import { argmaxRows } from "./multiclass-argmax.ts";
import { explainRowMean, rowMeanLeaveOneOut, weightedRowMean, type RowMeanState } from "./row-mean.ts";
import type { MetricImplementation, MetricResult } from "./types.ts";
import { checkMulticlass, expectTask } from "./validate-inputs.ts";

export const multiclassAccuracyImplementation: MetricImplementation<RowMeanState> = {
  prepare(data, _options, cache) {
    const multiclass = expectTask(data, "multiclass");
    checkMulticlass(multiclass, undefined, cache);
    const predicted = argmaxRows(multiclass.probabilities, multiclass.classCount);
    const values = new Float64Array(predicted.length);
    for (let i = 0; i < values.length; i++) values[i] = predicted[i] === multiclass.labels[i] ? 1 : 0;
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut,
};

/** Accuracy of one model's class probabilities ([N, classCount] row-major). */
export function multiclassAccuracy(
  labels: Float64Array,
  probabilities: Float64Array,
  classCount: number,
): MetricResult {
  return computeWith(multiclassAccuracyImplementation, { task: "multiclass", labels, probabilities, classCount });
}
