/**
 * Fisher's exact test on a 2 x 2 table, two-sided, equal to scipy.stats.fisher_exact(table)
 * p-value. Used for the change in missing-value share: unlike the pooled two-proportion z-test
 * it stays valid when missing values are rare and the window is small (a z-test flags 5 missing
 * of 100 rows against a 1% reference far more often than its p-value says).
 *
 * With margins fixed, the top-left cell X is hypergeometric:
 *   P(X = x) = C(K, x) C(N - K, n - x) / C(N, n),  K = first row total, n = first column total.
 * The two-sided p-value is the total probability of tables no more likely than the observed one
 * (Agresti 2002, §3.5.1), with a relative tolerance of 1e-7 for ties (R's fisher.test; scipy uses
 * 1e-14, which only differs for probabilities within 1e-7 of each other but not equal).
 * Probabilities are built by the ratio P(x+1)/P(x) = (K-x)(n-x) / ((x+1)(N-K-n+x+1)) walking
 * away from the mode, so no factorial is ever formed and a million-row window costs O(spread).
 * Worked example: [[3, 1], [1, 3]]: P(X = 0..4) = (1, 16, 36, 16, 1)/70; tables at most as likely
 * as x = 3 (16/70) are x = 0, 1, 3, 4: p = 34/70 = 0.485714.
 */

const TIE_TOLERANCE = 1 + 1e-7;

/** Two-sided Fisher exact p-value for [[a, b], [c, d]] (non-negative integer counts). */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d]) {
    if (!Number.isInteger(v) || v < 0)
      throw new Error(`fisherExactTwoSided: counts must be non-negative integers, got ${v}`);
  }
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) return 1;
  const K = a + b; // first row total
  const N = a + b + c + d;
  const n = a + c; // first column total
  const low = Math.max(0, n - (N - K));
  const high = Math.min(K, n);
  const mode = Math.min(high, Math.max(low, Math.floor(((n + 1) * (K + 1)) / (N + 2))));
  // Unnormalized probabilities relative to the mode, which is the largest.
  const ratioUp = (x: number) => ((K - x) * (n - x)) / ((x + 1) * (N - K - n + x + 1));
  const weights = new Map<number, number>();
  weights.set(mode, 1);
  let w = 1;
  for (let x = mode; x < high; x++) {
    w *= ratioUp(x);
    if (w === 0) break;
    weights.set(x + 1, w);
  }
  w = 1;
  for (let x = mode; x > low; x--) {
    w /= ratioUp(x - 1);
    if (w === 0) break;
    weights.set(x - 1, w);
  }
  const observed = weights.get(a) ?? 0;
  let total = 0;
  let extreme = 0;
  // Sum from the smallest weights up, for accuracy.
  const sorted = [...weights.values()].sort((p, q) => p - q);
  for (const weight of sorted) {
    total += weight;
    if (weight <= observed * TIE_TOLERANCE) extreme += weight;
  }
  if (observed === 0) return 0;
  return Math.min(1, extreme / total);
}
