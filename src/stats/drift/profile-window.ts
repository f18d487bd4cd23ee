/**
 * A current window given as a (merged) window profile, summarized against the reference into the
 * same WindowSummary the streaming readers produce (window-summary.ts), so the verdict cannot tell
 * the two apart where the profile is exact.
 *
 * - Categorical columns: the exact counts.
 * - Numeric columns kept exactly (bits = 52): a window small enough to be kept whole by the
 *   readers is expanded to its sorted values, so every statistic is the one the raw rows give,
 *   bit for bit; a larger one is counted on the reference's values (binned-window.ts), as the
 *   readers count it: KS and PSI exact, Wasserstein within the stated crossing-gap bound.
 * - Numeric columns whose keys were truncated (a column with more than the profile's maxValues
 *   distinct values): each key's count is placed at the key, and the error is stated. KS: the
 *   empirical CDFs at a point can only be wrong inside a bucket that holds a reference value, so
 *   |D - D_true| <= the largest share of the window in such a bucket (ksError). Wasserstein: no
 *   value moved further than its bucket's width, so the error grows by at most the mean width.
 *   Moments, range and missing counts stay exact. PSI bins whose edge falls inside a bucket may
 *   be off by that bucket's rows: their share of the window (psiMovedShare) is stated in the PSI test's detail.
 */
import type { Column } from "../../data/table.ts";
import { UserError } from "../../errors.ts";
import { addCountsToBinnedWindow, compareBinnedWindow, emptyBinnedWindow } from "./binned-window.ts";
import {
  exactNumericSummary,
  type CategoricalSummary,
  type ColumnSummary,
  type NumericSummary,
} from "./column-summary.ts";
import { EXACT_BITS, bucketOf } from "./value-counts.ts";
import type { NumericWindowColumn, WindowProfile } from "./window-profile.ts";
import type { WindowSummary } from "./window-summary.ts";

/** The readers' default of numeric values kept exactly over all columns (window-summary.ts). */
const DEFAULT_EXACT_VALUES = 1 << 25;

export function summarizeProfileWindow(
  profile: WindowProfile,
  references: ReadonlyMap<string, ColumnSummary>,
  options: { exactValues?: number } = {},
): WindowSummary {
  const numeric = [...references.values()].filter((s) => s.kind === "numeric").length;
  const perColumn = Math.max(1, Math.floor((options.exactValues ?? DEFAULT_EXACT_VALUES) / Math.max(1, numeric)));
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const columns = new Map<string, ColumnSummary>();
  const kindChanges = new Map<string, Column["kind"]>();
  for (const [name, reference] of references) {
    const column = byName.get(name);
    if (!column) continue;
    if (reference.kind === "categorical") {
      if (column.kind === "categorical") {
        if (column.overflowCount > 0)
          throw new UserError(
            `--current: column ${JSON.stringify(name)} had more than ${profile.maxValues} distinct categories in a window, so its profile counted ${column.overflowCount} row(s) without their category; raise serve.profile.max_values, or judge the raw log.`,
          );
        columns.set(name, {
          kind: "categorical",
          name,
          rowCount: profile.rowCount,
          missingCount: column.missingCount,
          categories: column.categories,
          counts: column.counts,
        });
      } else if (column.bits === EXACT_BITS) {
        columns.set(name, numbersAsCategories(column, profile.rowCount));
      } else {
        kindChanges.set(name, "numeric");
      }
      continue;
    }
    if (column.kind !== "numeric") {
      kindChanges.set(name, column.kind);
      continue;
    }
    columns.set(name, numericSummary(column, reference, profile.rowCount, perColumn));
  }
  return {
    rowCount: profile.rowCount,
    columns,
    kindChanges,
    seen: profile.columns.map((c) => c.name),
    samples: new Map(),
  };
}

/** A numeric column read as categorical (drift.types): numbers become text as the readers write them. */
function numbersAsCategories(column: NumericWindowColumn, rowCount: number): CategoricalSummary {
  return {
    kind: "categorical",
    name: column.name,
    rowCount,
    missingCount: column.missingCount,
    categories: column.values.map((v) => String(v)),
    counts: column.counts,
  };
}

function numericSummary(
  column: NumericWindowColumn,
  reference: NumericSummary,
  rowCount: number,
  perColumn: number,
): NumericSummary {
  const keys = Float64Array.from(column.values);
  const counts = Float64Array.from(column.counts);
  const present = counts.reduce((a, b) => a + b, 0);
  const base = { kind: "numeric" as const, name: column.name, rowCount, missingCount: column.missingCount };
  const exact = column.bits === EXACT_BITS;
  if (exact && rowCount <= perColumn) {
    // What the readers keep: every value, sorted.
    const sortedValues = new Float64Array(present);
    let at = 0;
    for (let i = 0; i < keys.length; i++) sortedValues.fill(keys[i], at, (at += counts[i]));
    return exactNumericSummary(column.name, rowCount, column.missingCount, sortedValues);
  }
  const empty = present === 0;
  const summary: NumericSummary = {
    ...base,
    sortedValues: new Float64Array(0),
    sampled: false,
    mean: empty ? NaN : column.mean!,
    std: empty ? NaN : Math.sqrt(column.m2! / present),
    min: empty ? NaN : column.min!,
    max: empty ? NaN : column.max!,
  };
  if (empty || reference.sortedValues.length === 0) return summary;
  const window = emptyBinnedWindow(reference.sortedValues);
  addCountsToBinnedWindow(window, keys, counts);
  const comparison = compareBinnedWindow(reference.sortedValues, window);
  const rounding = exact ? { ks: 0, wasserstein: 0 } : roundingError(keys, counts, column.bits, window.grid, present);
  return {
    ...summary,
    measured: {
      reference,
      ...comparison,
      wassersteinError: comparison.wassersteinError + rounding.wasserstein,
      ksError: rounding.ks,
      psiCounts: reference.psi ? psiCounts(keys, counts, reference.psi.edges) : undefined,
      psiMovedShare:
        reference.psi && !exact ? straddlingShare(keys, counts, column.bits, reference.psi.edges, present) : undefined,
      by: exact
        ? "server profiles, counted on the reference's values"
        : `server profiles, values kept to ${column.bits} significant bits`,
    },
  };
}

/** The stated error of placing each truncated key's count at the key (see the file's comment). */
function roundingError(
  keys: Float64Array,
  counts: Float64Array,
  bits: number,
  grid: Float64Array,
  present: number,
): { ks: number; wasserstein: number } {
  let ks = 0;
  let moved = 0;
  let g = 0;
  for (let i = 0; i < keys.length; i++) {
    const [lo, hi] = bucketOf(keys[i], bits);
    moved += counts[i] * (hi - lo);
    if (hi === lo) continue;
    while (g < grid.length && grid[g] < lo) g++;
    // Buckets of keys near 0 may overlap their neighbours' start: look back from g.
    let k = g;
    while (k > 0 && grid[k - 1] >= lo) k--;
    if (k < grid.length && grid[k] <= hi) ks = Math.max(ks, counts[i] / present);
  }
  return { ks, wasserstein: moved / present };
}

/** psi.ts's right-closed bins over weighted keys. */
function psiCounts(keys: Float64Array, counts: Float64Array, edges: readonly number[]): number[] {
  const out = new Array<number>(edges.length + 1).fill(0);
  let bin = 0;
  for (let i = 0; i < keys.length; i++) {
    while (bin < edges.length && keys[i] > edges[bin]) bin++;
    out[bin] += counts[i];
  }
  return out;
}

/**
 * The share of the window whose PSI bin is not known: keys whose bucket holds a bin edge (a value
 * at most the edge belongs to the bin below it, one above it to the next), so each bin's true
 * count is within this share of the window of the count PSI is computed from.
 */
function straddlingShare(
  keys: Float64Array,
  counts: Float64Array,
  bits: number,
  edges: readonly number[],
  present: number,
): number {
  let moved = 0;
  for (let i = 0; i < keys.length; i++) {
    const [lo, hi] = bucketOf(keys[i], bits);
    if (hi > lo && edges.some((edge) => lo <= edge && edge < hi)) moved += counts[i];
  }
  return moved / present;
}
