/**
 * Whether each row is classified correctly, the input of McNemar's test: binary rows are
 * predicted positive when score >= threshold (the rule of confusion-counts.ts), multiclass rows
 * predict their most probable class (first on ties, as numpy.argmax).
 * Worked example: labels [1, 0, 1], scores [0.7, 0.5, 0.2], threshold 0.5 -> [1, 0, 0].
 */
import { argmaxRows } from "./multiclass-argmax.ts";
import {
  resolveMetricOptions,
  type BinaryPredictions,
  type MetricOptions,
  type MulticlassPredictions,
} from "./types.ts";
import { checkBinary, checkMulticlass } from "./validate-inputs.ts";

export function rowCorrectness(data: BinaryPredictions | MulticlassPredictions, options?: MetricOptions): Uint8Array {
  if (data.task === "binary") {
    checkBinary(data);
    const { threshold } = resolveMetricOptions(options);
    return Uint8Array.from(data.labels, (label, i) => ((data.scores[i] >= threshold ? 1 : 0) === label ? 1 : 0));
  }
  checkMulticlass(data);
  const predicted = argmaxRows(data.probabilities, data.classCount);
  return Uint8Array.from(data.labels, (label, i) => (predicted[i] === label ? 1 : 0));
}
