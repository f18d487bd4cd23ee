/**
 * Runs a metric implementation once over all rows and packages the outcome as a MetricResult:
 * NaN plus the reason when the metric is undefined on this data, else the value (and any note
 * about a convention used, such as scikit-learn's zero_division = 0).
 */
import {
  resolveMetricOptions,
  type EvaluationData,
  type MetricImplementation,
  type MetricOptions,
  type MetricResult,
  type PreparationCache,
} from "./types.ts";

export function computeWith<State>(
  implementation: MetricImplementation<State>,
  data: EvaluationData,
  options?: MetricOptions,
  cache?: PreparationCache,
): MetricResult {
  const state = implementation.prepare(data, resolveMetricOptions(options), cache);
  const { undefinedReason, note } = implementation.explain(state);
  if (undefinedReason) return { value: NaN, undefinedReason };
  const value = implementation.weighted(state, null);
  return note ? { value, note } : { value };
}
