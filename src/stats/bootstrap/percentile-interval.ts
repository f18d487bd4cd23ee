/**
 * Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13): the alpha/2 and 1 - alpha/2
 * quantiles of the bootstrap values, with numpy.percentile's default "linear" interpolation
 * (Hyndman & Fan type 7), as scipy.stats.bootstrap uses.
 * Worked example: values [1, 2, 3, 4, 5], q = 0.25 -> position 0.25 * 4 = 1 -> 2;
 * q = 0.1 -> position 0.4 -> 1 + 0.4 * (2 - 1) = 1.4.
 */

/** The q-quantile (0 <= q <= 1) of values sorted ascending; NaN when empty. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  if (below + 1 >= n) return sorted[n - 1];
  const low = sorted[below];
  const high = sorted[below + 1];
  // numpy's _lerp: interpolate from the nearer end so the result stays within [low, high]
  return fraction >= 0.5 ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction;
}

/** [low, high] covering `confidence` (e.g. 0.95) of the sorted bootstrap values, two-sided. */
export function percentileInterval(sorted: Float64Array, confidence: number): { low: number; high: number } {
  const alpha = 1 - confidence;
  return { low: quantileSorted(sorted, alpha / 2), high: quantileSorted(sorted, 1 - alpha / 2) };
}
