import { normalQuantile } from "../distributions/normal.ts";

/**
 * Wilson's score interval for a proportion k/n (Wilson 1927, JASA 22:209-212): unlike the
 * normal ("Wald") interval it stays inside [0, 1] and keeps its coverage near 0 and 1, which
 * matters for rates such as recall on a few positives. Equals scipy.stats.binomtest(k, n)
 * .proportion_ci(method="wilson"). Pure.
 */
export function wilsonInterval(k: number, n: number, confidence: number): { low: number; high: number } {
  if (n <= 0) return { low: NaN, high: NaN };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
