/**
 * Adjusted p-values for testing many features at once.
 *
 * Benjamini–Hochberg (1995) controls the false discovery rate; when no feature has drifted
 * (the case a monitor meets most days) every rejection is false, and BH then controls the chance
 * of any false alarm at the same level q, like Bonferroni, while keeping more power when several
 * features really moved. Adjusted p_(i) = min_{j >= i} (m / j) p_(j), capped at 1; reject when
 * adjusted <= q. Equal to statsmodels multipletests(method='fdr_bh') and R p.adjust("BH").
 * Worked example: p = (0.01, 0.04, 0.03, 0.2), m = 4:
 *   sorted 0.01, 0.03, 0.04, 0.2 -> 0.04, 0.06, 0.0533, 0.2 -> running min from the top:
 *   adjusted (0.04, 0.0533, 0.0533, 0.2) in input order.
 * Bonferroni: min(1, m p). NaN p-values are ignored (they stay NaN and do not count in m).
 */

export type Correction = "benjamini-hochberg" | "bonferroni";

export function adjustPValues(pValues: readonly number[], method: Correction): number[] {
  return method === "bonferroni" ? bonferroni(pValues) : benjaminiHochberg(pValues);
}

export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const indices = pValues.map((_, i) => i).filter((i) => !Number.isNaN(pValues[i]));
  const m = indices.length;
  const adjusted = pValues.map(() => NaN);
  indices.sort((i, j) => pValues[i] - pValues[j]);
  let runningMin = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = indices[rank - 1];
    runningMin = Math.min(runningMin, (pValues[index] * m) / rank);
    adjusted[index] = runningMin;
  }
  return adjusted;
}

export function bonferroni(pValues: readonly number[]): number[] {
  const m = pValues.filter((p) => !Number.isNaN(p)).length;
  return pValues.map((p) => (Number.isNaN(p) ? NaN : Math.min(1, p * m)));
}
