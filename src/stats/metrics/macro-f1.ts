/**
 * Macro-averaged F1, equal to sklearn.metrics.f1_score(y, P.argmax(axis=1), average="macro"):
 * the unweighted mean over classes of F1_c = 2 TP_c / (2 TP_c + FP_c + FN_c), over the classes
 * that occur in the labels or the predictions (sklearn's default label set). A class that only
 * occurs in the predictions gets F1 = 0; a class in neither is left out, as in sklearn.
 * Worked example: labels [0, 1, 2, 2], predicted [0, 2, 2, 2]: F1 = 1 (class 0), 0 (class 1),
 * 2*2 / (4 + 1) = 0.8 (class 2); macro F1 = 1.8 / 3 = 0.6.
 */
import { computeWith } from "./compute-metric.ts";
import { argmaxRows } from "./multiclass-argmax.ts";
import type { MetricImplementation, MetricResult, RowWeights } from "./types.ts";
import { checkMulticlass, expectTask } from "./validate-inputs.ts";

export interface MacroF1State {
  readonly labels: Int32Array;
  readonly predicted: Int32Array;
  readonly classCount: number;
}

function weightedMacroF1(state: MacroF1State, weights: RowWeights): number {
  const { labels, predicted, classCount } = state;
  const truePositives = new Float64Array(classCount);
  const actual = new Float64Array(classCount);
  const predictedTotals = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    if (weight === 0) continue;
    actual[labels[i]] += weight;
    predictedTotals[predicted[i]] += weight;
    if (labels[i] === predicted[i]) truePositives[labels[i]] += weight;
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classCount; c++) {
    const denominator = actual[c] + predictedTotals[c]; // = 2 TP + FP + FN
    if (denominator === 0) continue;
    sum += (2 * truePositives[c]) / denominator;
    present++;
  }
  return present === 0 ? NaN : sum / present;
}

export const macroF1Implementation: MetricImplementation<MacroF1State> = {
  prepare(data, _options, cache) {
    const multiclass = expectTask(data, "multiclass");
    checkMulticlass(multiclass, undefined, cache);
    return {
      labels: Int32Array.from(multiclass.labels),
      predicted: argmaxRows(multiclass.probabilities, multiclass.classCount),
      classCount: multiclass.classCount,
    };
  },
  weighted: weightedMacroF1,
  explain: (state) => (state.labels.length === 0 ? { undefinedReason: "there are no rows" } : {}),
};

/** Macro F1 of one model's class probabilities ([N, classCount] row-major), predicting the argmax. */
export function macroF1(labels: Float64Array, probabilities: Float64Array, classCount: number): MetricResult {
  return computeWith(macroF1Implementation, { task: "multiclass", labels, probabilities, classCount });
}
