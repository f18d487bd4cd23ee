/**
 * Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13): the alpha/2 and 1 - alpha/2
 * quantiles of the bootstrap values (numpy's linear quantile, numeric/quantile.ts), as
 * scipy.stats.bootstrap(method="percentile") computes it.
 * Worked example: values [1, 2, 3, 4, 5] at 80% -> [quantile 0.1, quantile 0.9] = [1.4, 4.6].
 */
import { quantileSorted } from "../numeric/quantile.ts";

/** [low, high] covering `confidence` (e.g. 0.95) of the sorted bootstrap values, two-sided. */
export function percentileInterval(sorted: Float64Array, confidence: number): { low: number; high: number } {
  const alpha = 1 - confidence;
  return { low: quantileSorted(sorted, alpha / 2), high: quantileSorted(sorted, 1 - alpha / 2) };
}
