import { wilsonInterval } from "../stats/intervals/wilson-interval.ts";

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions
 * p1 − p2 = k1/n1 − k2/n2 (Newcombe 1998, Statistics in Medicine 17:873-890, method 10): from the
 * Wilson interval (l_i, u_i) of each proportion,
 *   low  = d − √((p1 − l1)² + (u2 − p2)²),  high = d + √((u1 − p1)² + (p2 − l2)²).
 * Unlike the Wald interval it keeps its coverage when a rate is near 0, as error rates are.
 * Worked example (Newcombe's table II): 56/70 − 48/80 = 0.2, 95% interval 0.0524 to 0.3339. Pure.
 */
export function newcombeDifference(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  confidence: number,
): { difference: number; low: number; high: number } {
  if (n1 <= 0 || n2 <= 0) return { difference: NaN, low: NaN, high: NaN };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const w1 = wilsonInterval(k1, n1, confidence);
  const w2 = wilsonInterval(k2, n2, confidence);
  const difference = p1 - p2;
  return {
    difference,
    low: difference - Math.hypot(p1 - w1.low, w2.high - p2),
    high: difference + Math.hypot(w1.high - p1, p2 - w2.low),
  };
}
