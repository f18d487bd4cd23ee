/**
 * Did the category distribution change? A p-value that stays honest when some categories are
 * rare or brand new, which is where a plain chi-squared test misleads: a category expected 0.1
 * times in a 100-row window that shows up twice adds 36 to X^2, a "p < 1e-6" that happens by
 * chance about once in 200 windows.
 *
 * Method (our composition of standard parts):
 *   1. Categories expected at least 5 times in the smaller sample ("dense") are compared by
 *      Pearson's chi-squared on the 2 x K table (chi-squared-contingency.ts, = scipy's
 *      chi2_contingency).
 *   2. The other ("sparse") categories are pooled. If the pool is itself expected at least 5
 *      times it simply joins the table as one more column. Otherwise its share is compared with
 *      Fisher's exact test (pool vs everything else, fisher-exact.ts), and the two p-values are
 *      combined by Bonferroni: p = min(1, 2 min(p_chi2, p_fisher)).
 * A new category taking 5% of a window is dense as soon as the window has ~100 rows, and in a
 * smaller window the exact test still catches it.
 * Worked example: reference a=5000, b=4990, rare=10 against current a=300, b=280, new=20: a and
 * b go to chi-squared (Yates, p = 0.4586); rare + new (10 of 10,000 vs 20 of 600) go to Fisher
 * (p = 1.48e-18); the combined p-value is 2.96e-18.
 */
import { alignCategories, splitSparseCategories } from "./categorical-counts.ts";
import { chiSquaredContingency } from "../tests/chi-squared-contingency.ts";
import type { CategoricalSummary } from "./column-summary.ts";
import { fisherExactTwoSided } from "../tests/fisher-exact.ts";

export interface CategoricalSignificance {
  readonly pValue: number;
  /** Chi-squared statistic of the dense part (NaN when there is none). */
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  /** How the p-value was formed, for the report. */
  readonly detail: string;
}

const MINIMUM_EXPECTED_COUNT = 5;

export function categoricalSignificance(
  reference: CategoricalSummary,
  current: CategoricalSummary,
): CategoricalSignificance {
  const { dense, sparse, sparseExpected } = splitSparseCategories(
    alignCategories(reference, current),
    MINIMUM_EXPECTED_COUNT,
  );
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const table = [[...dense.reference], [...dense.current]];
  const poolJoins = sparse.categories.length > 0 && sparseExpected >= MINIMUM_EXPECTED_COUNT;
  if (poolJoins) {
    table[0].push(sum(sparse.reference));
    table[1].push(sum(sparse.current));
  }
  const chi2 = table[0].length >= 2 ? chiSquaredContingency(table) : null;
  const pooledNote = poolJoins ? ` (${sparse.categories.length} sparse categories pooled)` : "";
  if (poolJoins || sparse.categories.length === 0) {
    if (!chi2) return { pValue: 1, statistic: 0, degreesOfFreedom: 0, detail: "one category" };
    return {
      pValue: chi2.pValue,
      statistic: chi2.statistic,
      degreesOfFreedom: chi2.degreesOfFreedom,
      detail: `chi-squared, df = ${chi2.degreesOfFreedom}${pooledNote}`,
    };
  }
  const referenceTotal = sum(reference.counts);
  const currentTotal = sum(current.counts);
  const sparseReference = sum(sparse.reference);
  const sparseCurrent = sum(sparse.current);
  const fisher = fisherExactTwoSided(
    sparseReference,
    referenceTotal - sparseReference,
    sparseCurrent,
    currentTotal - sparseCurrent,
  );
  const fisherNote = `Fisher's exact test on ${sparse.categories.length} sparse categories`;
  if (!chi2) return { pValue: fisher, statistic: NaN, degreesOfFreedom: 0, detail: fisherNote };
  return {
    pValue: Math.min(1, 2 * Math.min(chi2.pValue, fisher)),
    statistic: chi2.statistic,
    degreesOfFreedom: chi2.degreesOfFreedom,
    detail: `chi-squared, df = ${chi2.degreesOfFreedom}, and ${fisherNote} (Bonferroni)`,
  };
}
