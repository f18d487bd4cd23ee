/**
 * The one quantile of the project: numpy.quantile(x, q, method="linear") (also numpy.percentile's
 * and scipy.stats.bootstrap's default; Hyndman & Fan type 7) of data sorted ascending. Position
 * h = (n − 1) q; the value lies between x[⌊h⌋] and x[⌊h⌋ + 1], interpolated with numpy's _lerp
 * (from the nearer end: a + d·t below t = 0.5, b − d·(1 − t) from it), so results equal numpy's
 * bit for bit. One deliberate difference: between two equal neighbours the result is that value
 * (numpy gives NaN between two equal infinities, and +0 between −0 and +0).
 * Empty data, or q outside [0, 1]: NaN.
 * Examples: quantileSorted([1, 2, 3, 4], 0.5) = 2.5; quantileSorted([1, 2, 3, 4, 5], 0.1) = 1.4.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const t = position - below;
  const a = sorted[below];
  const b = sorted[above];
  if (a === b) return a;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}
