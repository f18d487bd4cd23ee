/**
 * Coefficient of determination, equal to sklearn.metrics.r2_score:
 *   R^2 = 1 - sum (y_i - yhat_i)^2 / sum (y_i - mean(y))^2
 * (weighted sums and weighted mean under row weights). Two passes (mean first) keep the
 * denominator accurate. When the targets are constant the denominator is 0 and R^2 is undefined:
 * modelkeeper returns NaN with the reason, where sklearn (force_finite=True) reports 1.0 for a
 * perfect fit and 0.0 otherwise.
 * Worked example: targets [3, -0.5, 2, 7], predictions [2.5, 0, 2, 8]:
 * 1 - 1.5 / 29.1875 = 0.948608... (sklearn's docstring example).
 */
import { computeWith } from "./compute-metric.ts";
import type { MetricImplementation, MetricResult, RowWeights } from "./types.ts";
import { checkRegression, expectTask } from "./validate-inputs.ts";

export interface R2State {
  readonly targets: Float64Array;
  readonly predictions: Float64Array;
}

function weightedR2(state: R2State, weights: RowWeights): number {
  const { targets, predictions } = state;
  let total = 0;
  let targetSum = 0;
  for (let i = 0; i < targets.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    total += weight;
    targetSum += weight * targets[i];
  }
  if (total === 0) return NaN;
  const mean = targetSum / total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < targets.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    const error = targets[i] - predictions[i];
    const deviation = targets[i] - mean;
    residual += weight * error * error;
    spread += weight * deviation * deviation;
  }
  return spread === 0 ? NaN : 1 - residual / spread;
}

export const r2Implementation: MetricImplementation<R2State> = {
  prepare(data, _options, cache) {
    const regression = expectTask(data, "regression");
    checkRegression(regression, cache);
    return { targets: regression.targets, predictions: regression.predictions };
  },
  weighted: weightedR2,
  explain(state) {
    if (state.targets.length === 0) return { undefinedReason: "there are no rows" };
    if (Number.isNaN(weightedR2(state, null))) {
      return {
        undefinedReason:
          "the targets are constant, so R² is undefined (scikit-learn reports 1.0 for a perfect fit, else 0.0)",
      };
    }
    return {};
  },
};

export function r2Score(targets: Float64Array, predictions: Float64Array): MetricResult {
  return computeWith(r2Implementation, { task: "regression", targets, predictions });
}
