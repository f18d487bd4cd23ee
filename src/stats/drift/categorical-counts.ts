/**
 * Category counts of reference and current aligned on the union of their categories, the
 * categories only the current window has ("unseen"), and the pooling of sparse categories that
 * keeps the chi-squared approximation honest at small windows.
 */
import type { CategoricalSummary } from "./column-summary.ts";

export interface AlignedCounts {
  /** Reference categories first (reference order), then unseen ones (current order). */
  readonly categories: readonly string[];
  readonly reference: readonly number[];
  readonly current: readonly number[];
}

export function alignCategories(reference: CategoricalSummary, current: CategoricalSummary): AlignedCounts {
  const categories = [...reference.categories];
  const referenceCounts = [...reference.counts];
  const currentCounts = new Array<number>(categories.length).fill(0);
  const index = new Map(categories.map((c, i) => [c, i]));
  current.categories.forEach((category, i) => {
    let k = index.get(category);
    if (k === undefined) {
      k = categories.length;
      index.set(category, k);
      categories.push(category);
      referenceCounts.push(0);
      currentCounts.push(0);
    }
    currentCounts[k] += current.counts[i];
  });
  return { categories, reference: referenceCounts, current: currentCounts };
}

export interface UnseenCategory {
  readonly category: string;
  readonly count: number;
  /** Share of the current window's non-missing values. */
  readonly share: number;
}

/** Categories present in the current window but absent from the reference, largest first. */
export function unseenCategories(aligned: AlignedCounts): UnseenCategory[] {
  const total = aligned.current.reduce((a, b) => a + b, 0);
  const unseen: UnseenCategory[] = [];
  aligned.categories.forEach((category, i) => {
    if (aligned.reference[i] === 0 && aligned.current[i] > 0)
      unseen.push({ category, count: aligned.current[i], share: aligned.current[i] / total });
  });
  return unseen.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1));
}

export interface SparseSplit {
  /** Categories whose expected count in the smaller sample is at least the minimum. */
  readonly dense: AlignedCounts;
  /** The other categories (rare ones, and new ones seen only a few times). */
  readonly sparse: AlignedCounts;
  /** Expected count of all sparse categories together in the smaller sample. */
  readonly sparseExpected: number;
}

/**
 * Splits categories by Cochran's rule: a chi-squared cell needs an expected count of about 5,
 * so categories expected fewer than `minimumExpected` times in the smaller sample
 * (n_row * column_total / N, as in chi2_contingency) are set apart. Categories nobody has are
 * dropped. Example: reference a=5000, b=4990, rare=10; current a=300, b=280, new=20: in the
 * 600-row window "rare" is expected 0.6 times and "new" 1.1 times, so both are sparse.
 */
export function splitSparseCategories(aligned: AlignedCounts, minimumExpected = 5): SparseSplit {
  const referenceTotal = aligned.reference.reduce((a, b) => a + b, 0);
  const currentTotal = aligned.current.reduce((a, b) => a + b, 0);
  const total = referenceTotal + currentTotal;
  const smaller = Math.min(referenceTotal, currentTotal);
  const dense = { categories: [] as string[], reference: [] as number[], current: [] as number[] };
  const sparse = { categories: [] as string[], reference: [] as number[], current: [] as number[] };
  let sparseCount = 0;
  aligned.categories.forEach((category, i) => {
    const count = aligned.reference[i] + aligned.current[i];
    if (count === 0) return;
    const target = (smaller * count) / total < minimumExpected ? sparse : dense;
    if (target === sparse) sparseCount += count;
    target.categories.push(category);
    target.reference.push(aligned.reference[i]);
    target.current.push(aligned.current[i]);
  });
  return { dense, sparse, sparseExpected: total > 0 ? (smaller * sparseCount) / total : 0 };
}
