/**
 * Population Stability Index on reference-quantile bins (numeric) or on categories.
 *
 *   PSI = sum_i (c_i - r_i) * ln(c_i / r_i)
 * with r_i, c_i the reference and current shares of bin i among non-missing values (Yurdakul,
 * "Statistical Properties of Population Stability Index", 2018). A share of 0 is replaced by
 * epsilon = 1e-4 (Evidently's choice) so an empty bin costs a large but finite amount.
 * Worked example: shares r = (0.5, 0.5), c = (0.6, 0.4):
 *   (0.1) ln(1.2) + (-0.1) ln(0.8) = 0.018232 + 0.022314 = 0.040546.
 *
 * Bins (numeric): edges are the reference quantiles at 1/B, 2/B, ..., (B-1)/B (numpy linear
 * interpolation, quantile.ts), B = 10 by default. Bins are right-closed: bin 0 is
 * (-inf, e1], bin k is (e_k, e_k+1], the last is (e_B-1, +inf), so values outside the reference
 * range land in the outer bins. Ties: when several quantiles coincide (a value holding more than
 * 1/B of the reference), duplicate edges are merged, leaving fewer, wider bins - the heavy value
 * then sits alone at the right end of its bin rather than being split arbitrarily.
 */
import { quantileSorted } from "../numeric/quantile.ts";

export const DEFAULT_PSI_BINS = 10;
const PSI_EMPTY_SHARE = 1e-4;

/** Distinct, increasing bin edges at the reference quantiles k/bins, k = 1..bins-1. */
export function psiBinEdges(sortedReference: Float64Array, bins: number = DEFAULT_PSI_BINS): number[] {
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`psiBinEdges: bins must be an integer >= 2, got ${bins}`);
  const edges: number[] = [];
  if (sortedReference.length === 0) return edges;
  for (let k = 1; k < bins; k++) {
    const edge = quantileSorted(sortedReference, k / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** Counts per bin (edges.length + 1 bins, right-closed) of values sorted ascending. */
export function binCountsSorted(sortedValues: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let bin = 0;
  for (let i = 0; i < sortedValues.length; i++) {
    const v = sortedValues[i];
    while (bin < edges.length && v > edges[bin]) bin++;
    counts[bin] += 1;
  }
  return counts;
}

/** PSI between two aligned count vectors (bins or categories); empty shares become epsilon. */
export function populationStabilityIndex(
  referenceCounts: readonly number[],
  currentCounts: readonly number[],
  emptyShare: number = PSI_EMPTY_SHARE,
): number {
  if (referenceCounts.length !== currentCounts.length)
    throw new Error("populationStabilityIndex: count vectors differ in length");
  const referenceTotal = referenceCounts.reduce((a, b) => a + b, 0);
  const currentTotal = currentCounts.reduce((a, b) => a + b, 0);
  if (referenceTotal === 0 || currentTotal === 0) return NaN;
  let psi = 0;
  for (let i = 0; i < referenceCounts.length; i++) {
    const r = referenceCounts[i] / referenceTotal || emptyShare;
    const c = currentCounts[i] / currentTotal || emptyShare;
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}
