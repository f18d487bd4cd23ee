/**
 * Exact null distribution of the two-sample Kolmogorov–Smirnov statistic, by counting lattice
 * paths: a merged ordering of the two samples is a monotone path from (0,0) to (m,n), and
 * D >= h/lcm(m,n) exactly when the path leaves the band |x/m - y/n| < h/lcm.
 *
 * Source: Hodges, "The Significance Probability of the Smirnov Two-Sample Test", Arkiv för
 * Matematik 3 (1958); the "1 - p" recursion of Viehmann, "Numerically more stable computation of
 * the p-values for the two-sample Kolmogorov-Smirnov test", arXiv:2102.08037. This is the
 * algorithm scipy.stats.ks_2samp runs with method='exact' (scipy 1.10: `_compute_prob_outside_square`
 * and `_compute_outer_prob_inside_method`), re-expressed here.
 * Worked example: with m = n = 2 there are C(4,2) = 6 orderings; D = 1 (h = 2) needs all of one
 * sample below the other, 2 of 6, so probabilityOutsideSquare(2, 2) = 1/3.
 */

/**
 * P(D_{n,n} >= h/n) for equal sample sizes:
 *   2 * sum_k (-1)^(k+1) C(2n, n - k h) / C(2n, n),
 * evaluated as a Horner-like product 2 A0 (1 - A1 (1 - A2 (...))) to avoid cancellation.
 */
export function probabilityOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/**
 * P(D_{m,n} >= h / lcm(m,n)) for unequal sizes, g = gcd(m, n): the share of lattice paths that
 * do not stay strictly inside |n x/g - m y/g| < h. One column of the path-count table is kept,
 * as probabilities (Viehmann's recursion), and only its band of non-zero entries.
 */
export function probabilityOutsideBand(mIn: number, nIn: number, g: number, h: number): number {
  const m = Math.max(mIn, nIn);
  const n = Math.min(mIn, nIn);
  const mg = Math.trunc(m / g);
  const ng = Math.trunc(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxj - minj;
  const lengthA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lengthA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastMinj = minj;
    const lastLength = currentLength;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (A[jj + minj - lastMinj] * i + value * j) / (i + j);
      A[jj] = value;
    }
    currentLength = maxj - minj;
    if (lastLength > currentLength) {
      A.fill(1, maxj - minj, Math.min(maxj - minj + (lastLength - currentLength), lengthA));
    }
  }
  return A[maxj - minj - 1];
}
