/**
 * Pearson's chi-squared test of independence on an R x C table, equal to
 * scipy.stats.chi2_contingency(table) with its default correction=True (Yates' continuity
 * correction only when there is one degree of freedom, capped at |observed - expected| as scipy
 * does since gh-13875):
 *   E_ij = R_i C_j / N,  X^2 = sum (O_ij - E_ij)^2 / E_ij,  df = (R - 1)(C - 1),
 *   p = chi2.sf(X^2, df).
 * For drift the table is 2 x K (reference row, current row, one column per category): this tests
 * whether both samples share one category distribution and, unlike scipy.stats.chisquare against
 * reference proportions, it counts the reference's own sampling noise.
 * Worked example: [[10, 20], [20, 10]]: E = 15 everywhere, Yates: |O - E| - 0.5 = 4.5,
 *   X^2 = 4 * 4.5^2 / 15 = 5.4, df = 1, p = 0.020136.
 */
import { chiSquaredSurvival } from "../distributions/gamma.ts";
import { CompensatedSum } from "../numeric/summation.ts";

export interface ChiSquaredResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly degreesOfFreedom: number;
}

export function chiSquaredContingency(table: readonly (readonly number[])[], correction = true): ChiSquaredResult {
  const rows = table.length;
  const columns = rows > 0 ? table[0].length : 0;
  if (rows === 0 || columns === 0) throw new Error("chiSquaredContingency: empty table");
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: columns }, (_, j) => table.reduce((sum, row) => sum + row[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (rowSums.some((s) => s === 0) || columnSums.some((s) => s === 0)) {
    throw new Error("chiSquaredContingency: a row or column sums to zero; drop it first");
  }
  const degreesOfFreedom = rows * columns - rows - columns + 1;
  if (degreesOfFreedom === 0) return { statistic: 0, pValue: 1, degreesOfFreedom };
  const statistic = new CompensatedSum();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const expected = (rowSums[i] * columnSums[j]) / total;
      let observed = table[i][j];
      if (degreesOfFreedom === 1 && correction) {
        const difference = expected - observed;
        observed += Math.sign(difference) * Math.min(0.5, Math.abs(difference));
      }
      statistic.add(((observed - expected) * (observed - expected)) / expected);
    }
  }
  const value = statistic.value;
  return { statistic: value, pValue: chiSquaredSurvival(value, degreesOfFreedom), degreesOfFreedom };
}
