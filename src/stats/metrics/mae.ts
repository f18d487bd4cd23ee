/**
 * Mean absolute error, equal to sklearn.metrics.mean_absolute_error: mean(|y_i - yhat_i|).
 * Worked example: targets [3, -0.5, 2, 7], predictions [2.5, 0, 2, 8]: (0.5 + 0.5 + 0 + 1) / 4 = 0.5
 * (sklearn's docstring example).
 */
import { computeWith } from "./compute-metric.ts";
import { explainRowMean, rowMeanLeaveOneOut, weightedRowMean, type RowMeanState } from "./row-mean.ts";
import type { MetricImplementation, MetricResult } from "./types.ts";
import { checkRegression, expectTask } from "./validate-inputs.ts";

export const maeImplementation: MetricImplementation<RowMeanState> = {
  prepare(data, _options, cache) {
    const regression = expectTask(data, "regression");
    checkRegression(regression, cache);
    const values = new Float64Array(regression.targets.length);
    for (let i = 0; i < values.length; i++) values[i] = Math.abs(regression.targets[i] - regression.predictions[i]);
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut,
};

export function mae(targets: Float64Array, predictions: Float64Array): MetricResult {
  return computeWith(maeImplementation, { task: "regression", targets, predictions });
}
