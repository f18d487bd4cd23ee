import { normalQuantile } from "../distributions/normal.ts";

/**
 * The normal interval of a mean, mean ± z·sd/√n with the sample sd (n − 1): for metrics that
 * are means of per-row losses (Brier, log loss, absolute error) over the hundreds of rows or more
 * a live window has, where the central limit theorem holds. Pure.
 */
export function meanInterval(
  values: ArrayLike<number>,
  confidence: number,
): { mean: number; low: number; high: number } {
  const n = values.length;
  if (n < 2) return { mean: n ? values[0] : NaN, low: NaN, high: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (values[i] - mean) / (i + 1);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(squares / (n - 1) / n);
  return { mean, low: mean - half, high: mean + half };
}
