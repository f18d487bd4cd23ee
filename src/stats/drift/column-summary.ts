/**
 * What the drift tests need to know about one column, whether it comes from a whole Table or
 * from a saved reference profile (profile.ts): numeric columns as sorted non-missing values
 * (all of them, or a uniform sample) plus exact moments and PSI bins from the full data;
 * categorical columns as category counts. Missing values are counted, never compared as values.
 */
import { sortFloat64 } from "../numeric/radix-sort.ts";
import type { CategoricalColumn, Column, NumericColumn } from "../../data/table.ts";
import { moments } from "../numeric/moments.ts";
import { binCountsSorted, psiBinEdges } from "./psi.ts";
import type { Gaps } from "../tests/ks-two-sample.ts";

export interface PsiBins {
  /** Right-closed bin edges from the reference quantiles (psi.ts). */
  readonly edges: readonly number[];
  /** Reference counts per bin (edges.length + 1 bins). */
  readonly counts: readonly number[];
}

export interface NumericSummary {
  readonly kind: "numeric";
  readonly name: string;
  /** Rows, missing included. */
  readonly rowCount: number;
  readonly missingCount: number;
  /** Non-missing values, ascending: all of them, or a uniform random sample when `sampled`. */
  readonly sortedValues: Float64Array;
  readonly sampled: boolean;
  /** Moments and range of all non-missing values (NaN when there are none). */
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Present on reference summaries. */
  readonly psi?: PsiBins;
  /**
   * Set on a current window whose values were not kept (larger than memory: binned-window.ts;
   * or computed by an engine: sql/): its comparison with one reference column, measured where
   * the values were. sortedValues is then empty; the tests read this instead.
   */
  readonly measured?: MeasuredComparison;
}

/** What the numeric tests need of a current window, measured against `reference`. */
export interface MeasuredComparison {
  /** The reference summary it was measured against (the tests check it is the one they get). */
  readonly reference: NumericSummary;
  /** KS gaps of the two empirical CDFs (ks-two-sample.ts). */
  readonly gaps: Gaps;
  /** W1 between the two, not normalized. */
  readonly wasserstein: number;
  /** Largest possible |error| of `wasserstein`; 0 when exact. */
  readonly wassersteinError: number;
  /** Largest possible |error| of the KS statistic (values known only to a bucket: profile-window.ts); 0 or absent when exact. */
  readonly ksError?: number;
  /** Current counts in the reference's PSI bins. */
  readonly psiCounts?: readonly number[];
  /** Share of the window that may belong to a neighbouring PSI bin (values known to a bucket); 0 or absent when exact. */
  readonly psiMovedShare?: number;
  /** Where it was measured, for the report ("counted on the reference's values", "duckdb"). */
  readonly by: string;
}

export interface CategoricalSummary {
  readonly kind: "categorical";
  readonly name: string;
  readonly rowCount: number;
  readonly missingCount: number;
  /** Categories that occur (count > 0), in dictionary order, with their counts. */
  readonly categories: readonly string[];
  readonly counts: readonly number[];
}

export type ColumnSummary = NumericSummary | CategoricalSummary;

/** Non-missing values of a numeric column, sorted ascending (no copy is sorted twice). */
export function sortedNonMissing(values: Float64Array): Float64Array {
  let missing = 0;
  let sorted = true;
  let previous = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      missing += 1;
      continue;
    }
    if (v < previous) sorted = false;
    previous = v;
  }
  const present = new Float64Array(values.length - missing);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[k++] = values[i];
  return sorted ? present : sortFloat64(present);
}

export function summarizeNumeric(column: NumericColumn, options: { psiBins?: number } = {}): NumericSummary {
  const sortedValues = sortedNonMissing(column.values);
  let psi: PsiBins | undefined;
  if (options.psiBins !== undefined) {
    const edges = psiBinEdges(sortedValues, options.psiBins);
    psi = { edges, counts: binCountsSorted(sortedValues, edges) };
  }
  const rowCount = column.values.length;
  return { ...exactNumericSummary(column.name, rowCount, rowCount - sortedValues.length, sortedValues), psi };
}

/** The summary of a column whose every present value is kept (sorted), not sampled. */
export function exactNumericSummary(
  name: string,
  rowCount: number,
  missingCount: number,
  sortedValues: Float64Array,
): NumericSummary {
  const { mean, std } = moments(sortedValues);
  const n = sortedValues.length;
  return {
    kind: "numeric",
    name,
    rowCount,
    missingCount,
    sortedValues,
    sampled: false,
    mean,
    std,
    min: n ? sortedValues[0] : NaN,
    max: n ? sortedValues[n - 1] : NaN,
  };
}

export function summarizeCategorical(column: CategoricalColumn): CategoricalSummary {
  const countsByCode = new Float64Array(column.categories.length);
  let missingCount = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    if (code < 0 || code >= countsByCode.length) missingCount += 1;
    else countsByCode[code] += 1;
  }
  const categories: string[] = [];
  const counts: number[] = [];
  // Two codes may carry the same label in a hand-built dictionary; merge them.
  const indexByLabel = new Map<string, number>();
  column.categories.forEach((label, code) => {
    if (countsByCode[code] === 0) return;
    const existing = indexByLabel.get(label);
    if (existing === undefined) {
      indexByLabel.set(label, categories.length);
      categories.push(label);
      counts.push(countsByCode[code]);
    } else {
      counts[existing] += countsByCode[code];
    }
  });
  return { kind: "categorical", name: column.name, rowCount: column.codes.length, missingCount, categories, counts };
}

export function summarizeColumn(column: Column, options: { psiBins?: number } = {}): ColumnSummary {
  return column.kind === "numeric" ? summarizeNumeric(column, options) : summarizeCategorical(column);
}

/** Whether a summary has at most one distinct non-missing value. */
export function isConstant(summary: ColumnSummary): boolean {
  if (summary.kind === "numeric") return presentCount(summary) > 0 && summary.min === summary.max;
  return summary.categories.length === 1;
}

/** Non-missing value count of a summary's underlying data (not of its sample). */
export function presentCount(summary: ColumnSummary): number {
  return summary.rowCount - summary.missingCount;
}
