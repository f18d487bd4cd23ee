/**
 * The shapes every metric shares: what goes in (one model's predictions next to the labels), what
 * comes out (a value, or NaN with the reason it is undefined), and the two-step form
 * (prepare once, then evaluate with row weights) that lets the paired bootstrap evaluate 2,000
 * resamples without re-sorting or re-validating anything.
 */

export type Task = "binary" | "multiclass" | "regression";

/** Whether a larger metric value means a better model. */
export type Direction = "higher" | "lower";

/** Binary classification: labels in {0, 1}, scores = the model's probability (or score) of class 1. */
export interface BinaryPredictions {
  readonly task: "binary";
  readonly labels: Float64Array;
  readonly scores: Float64Array;
  /** Names the predictions in error messages, e.g. "challenger predictions". */
  readonly source?: string;
}

/** Multiclass: labels are class indices 0..classCount-1; probabilities are [N, classCount] row-major. */
export interface MulticlassPredictions {
  readonly task: "multiclass";
  readonly labels: Float64Array;
  readonly probabilities: Float64Array;
  readonly classCount: number;
  readonly source?: string;
}

/** Regression: targets and the model's predictions. */
export interface RegressionPredictions {
  readonly task: "regression";
  readonly targets: Float64Array;
  readonly predictions: Float64Array;
  readonly source?: string;
}

export type EvaluationData = BinaryPredictions | MulticlassPredictions | RegressionPredictions;

/**
 * A metric's value. Undefined cases (AUC with one class, empty input) are data, not exceptions:
 * value is NaN and undefinedReason says why, so one undefined metric never hides the others.
 * `note` flags a defined-by-convention value (e.g. precision 0 when nothing is predicted positive).
 */
export interface MetricResult {
  readonly value: number;
  readonly undefinedReason?: string;
  readonly note?: string;
}

/** Settings some metrics take; every field has a default (see resolveMetricOptions). */
export interface MetricOptions {
  /** Binary decision threshold: a row is predicted positive when score >= threshold. Default 0.5. */
  readonly threshold?: number;
  /** Number of equal-width bins on [0, 1] for the expected calibration error. Default 10. */
  readonly calibrationBins?: number;
}

export interface ResolvedMetricOptions {
  readonly threshold: number;
  readonly calibrationBins: number;
}

const DEFAULT_THRESHOLD = 0.5;
const DEFAULT_CALIBRATION_BINS = 10;

export function resolveMetricOptions(options: MetricOptions = {}): ResolvedMetricOptions {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const calibrationBins = options.calibrationBins ?? DEFAULT_CALIBRATION_BINS;
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be a finite number, got ${threshold}`);
  if (!Number.isInteger(calibrationBins) || calibrationBins < 1) {
    throw new RangeError(`calibrationBins must be a positive integer, got ${calibrationBins}`);
  }
  return { threshold, calibrationBins };
}

/**
 * How many times each row counts: a bootstrap resample's Poisson weights (at most 12,
 * stats/bootstrap/poisson-weights.ts), or a jackknife's 0/1 mask. null means every row once.
 */
export type RowWeights = Uint8Array | null;

/**
 * A metric split for resampling. `prepare` validates the input and does the one-off work
 * (sorting, per-row losses); its state holds only typed arrays and numbers, so it can be copied
 * to a worker thread. `weighted` is then one O(N) pass.
 */
export interface MetricImplementation<State = unknown> {
  prepare(data: EvaluationData, options: ResolvedMetricOptions, cache?: PreparationCache): State;
  /** The metric with row i counted weights[i] times; NaN where it is undefined. */
  weighted(state: State, weights: RowWeights): number;
  /** Why the metric is undefined on the unweighted rows, and any convention used; {} when neither. */
  explain(state: State): { undefinedReason?: string; note?: string };
  /** The metric with each row left out in turn, in O(N) total, where that is cheap. */
  leaveOneOut?(state: State): Float64Array;
}

/** Work shared between metrics of the same predictions (today: the sort by score). */
export interface PreparationCache {
  readonly memo: Map<string, WeakMap<object, unknown>>;
}

export function createPreparationCache(): PreparationCache {
  return { memo: new Map() };
}

/** `compute(key)` once per (key, object) in the cache, or every time without a cache. */
export function cached<T>(cache: PreparationCache | undefined, kind: string, key: object, compute: () => T): T {
  if (!cache) return compute();
  let byObject = cache.memo.get(kind);
  if (!byObject) cache.memo.set(kind, (byObject = new WeakMap()));
  if (byObject.has(key)) return byObject.get(key) as T;
  const value = compute();
  byObject.set(key, value);
  return value;
}
