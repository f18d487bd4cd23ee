/**
 * Jensen–Shannon distance between two categorical distributions, equal to
 * scipy.spatial.distance.jensenshannon(p, q, base=2):
 *   JS = sqrt( (KL(p || m) + KL(q || m)) / 2 ),  m = (p + q) / 2,
 * with logarithms in base 2 so the distance lies in [0, 1] (Lin 1991; Endres & Schindelin 2003
 * for the square root being a metric). Base 2 is Evidently's choice too.
 * Worked example: p = (1, 0), q = (0.5, 0.5): m = (0.75, 0.25),
 *   KL(p||m) = log2(4/3) = 0.415037, KL(q||m) = 0.5 log2(2/3) + 0.5 log2(2) = 0.207519,
 *   JS = sqrt(0.311278) = 0.557920 (scipy's example 0.4645 is the natural-log version).
 */

/** JS distance between two count (or probability) vectors over the same categories. */
export function jensenShannonDistance(p: readonly number[], q: readonly number[], base = 2): number {
  if (p.length !== q.length) throw new Error("jensenShannonDistance: vectors differ in length");
  const pTotal = p.reduce((a, b) => a + b, 0);
  const qTotal = q.reduce((a, b) => a + b, 0);
  if (!(pTotal > 0) || !(qTotal > 0)) return NaN;
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / pTotal;
    const qi = q[i] / qTotal;
    const mi = (pi + qi) / 2;
    if (pi > 0) left += pi * Math.log(pi / mi);
    if (qi > 0) right += qi * Math.log(qi / mi);
  }
  const divergence = (left + right) / Math.log(base);
  return Math.sqrt(Math.max(0, divergence) / 2);
}
