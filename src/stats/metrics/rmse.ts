/**
 * Root mean squared error, equal to sklearn.metrics.mean_squared_error(y, yhat, squared=False)
 * (scikit-learn 1.2): sqrt(mean((y_i - yhat_i)^2)).
 * Worked example: targets [3, -0.5, 2, 7], predictions [2.5, 0, 2, 8]:
 * sqrt((0.25 + 0.25 + 0 + 1) / 4) = sqrt(0.375) = 0.612372... (sklearn's docstring example).
 */
import { computeWith } from "./compute-metric.ts";
import { explainRowMean, rowMeanLeaveOneOut, weightedRowMean, type RowMeanState } from "./row-mean.ts";
import type { MetricImplementation, MetricResult } from "./types.ts";
import { checkRegression, expectTask } from "./validate-inputs.ts";

export const rmseImplementation: MetricImplementation<RowMeanState> = {
  prepare(data, _options, cache) {
    const regression = expectTask(data, "regression");
    checkRegression(regression, cache);
    const values = new Float64Array(regression.targets.length);
    for (let i = 0; i < values.length; i++) {
      const error = regression.targets[i] - regression.predictions[i];
      values[i] = error * error;
    }
    return { values, transform: "sqrt" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut,
};

export function rmse(targets: Float64Array, predictions: Float64Array): MetricResult {
  return computeWith(rmseImplementation, { task: "regression", targets, predictions });
}
