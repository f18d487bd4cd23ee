/**
 * Quantile of sorted data by linear interpolation between order statistics, numpy's default
 * (method='linear', Hyndman & Fan type 7): position h = (n - 1) q, value
 * x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]), with numpy's exact lerp formula so the
 * bin edges built from it match numpy.quantile bit for bit.
 * Example: quantileSorted([1, 2, 3, 4], 0.5) = 2.5.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const t = position - below;
  const a = sorted[below];
  const b = sorted[above];
  const difference = b - a;
  // numpy._lerp: a + d*t, but b - d*(1-t) when t >= 0.5 (monotone and exact at t = 1).
  const value = t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
  return a === b ? a : value;
}
