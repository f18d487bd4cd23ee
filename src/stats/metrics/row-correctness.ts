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
    const { labels, scores } = data;
    // Plain loops: Uint8Array.from with a map function cost 0.3 s per million rows.
    const correct = new Uint8Array(labels.length);
    for (let i = 0; i < labels.length; i++) correct[i] = (scores[i] >= threshold ? 1 : 0) === labels[i] ? 1 : 0;
    return correct;
  }
  checkMulticlass(data);
  const predicted = argmaxRows(data.probabilities, data.classCount);
  const correct = new Uint8Array(data.labels.length);
  for (let i = 0; i < correct.length; i++) correct[i] = predicted[i] === data.labels[i] ? 1 : 0;
  return correct;
}
