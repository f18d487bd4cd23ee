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
    if (aligned.reference[i] === 0 && aligned.current[i] > 0) unseen.push({ category, count: aligned.current[i], share: aligned.current[i] / total });
  });
  return unseen.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1));
}

/** Label of the column that collects sparse categories. */
export const POOLED_CATEGORY = "(sparse categories)";

/**
 * Merges categories whose expected count in the smaller sample is below `minimumExpected`
 * (Cochran's rule of 5) into one column, then, if that column is itself below the minimum,
 * into the smallest remaining category. Expected counts: n_row * column_total / N, as in
 * chi2_contingency. A category absent from the reference but frequent in the current window
 * has a large expected count and stays on its own.
 */
export function poolSparseCategories(aligned: AlignedCounts, minimumExpected = 5): AlignedCounts {
  const referenceTotal = aligned.reference.reduce((a, b) => a + b, 0);
  const currentTotal = aligned.current.reduce((a, b) => a + b, 0);
  const total = referenceTotal + currentTotal;
  const smaller = Math.min(referenceTotal, currentTotal);
  const expectedInSmaller = (i: number) => (smaller * (aligned.reference[i] + aligned.current[i])) / total;
  const categories: string[] = [];
  const reference: number[] = [];
  const current: number[] = [];
  let pooledReference = 0;
  let pooledCurrent = 0;
  let pooledCount = 0;
  aligned.categories.forEach((category, i) => {
    if (aligned.reference[i] + aligned.current[i] === 0) return;
    if (expectedInSmaller(i) < minimumExpected) {
      pooledReference += aligned.reference[i];
      pooledCurrent += aligned.current[i];
      pooledCount += 1;
    } else {
      categories.push(category);
      reference.push(aligned.reference[i]);
      current.push(aligned.current[i]);
    }
  });
  if (pooledCount === 0) return { categories, reference, current };
  const pooledExpected = (smaller * (pooledReference + pooledCurrent)) / total;
  if (pooledExpected < minimumExpected && categories.length > 0) {
    let smallest = 0;
    for (let k = 1; k < categories.length; k++) if (reference[k] + current[k] < reference[smallest] + current[smallest]) smallest = k;
    reference[smallest] += pooledReference;
    current[smallest] += pooledCurrent;
    categories[smallest] = `${categories[smallest]} + ${POOLED_CATEGORY}`;
    return { categories, reference, current };
  }
  categories.push(POOLED_CATEGORY);
  reference.push(pooledReference);
  current.push(pooledCurrent);
  return { categories, reference, current };
}
