/**
 * A numeric column of a current window of any size, kept in memory proportional to the
 * reference, not to the window: counts of the current values on the reference's own distinct
 * values u_0 < … < u_{K-1}. For each u_j the number of current values equal to it, and for each
 * open gap between neighbours (plus the two outer ones) the count and the sum of the values'
 * offsets from the gap's left end.
 *
 * Why that is enough (exact, not a sketch):
 * - KS: between two reference values F_ref is constant and F_cur only rises, so F_ref - F_cur is
 *   largest at u_j itself and smallest just before u_{j+1}; both are counts we keep. D is formed
 *   with the same i/n - j/m operations as ks-two-sample.ts, so it is equal bit for bit.
 * - PSI: the bins' edges are known before the window is read, so the bin counts are counted
 *   directly (psi.ts's right-closed rule).
 * - Wasserstein (integral of |F_ref - F_cur|): on a gap where F_cur stays on one side of F_ref
 *   the integral is linear in the values, and the offset sums give it exactly. Only on a gap
 *   where the two CDFs cross is it bracketed: between |signed integral| and that plus twice the
 *   smaller side's area. The midpoint is used and the half-width summed into `wassersteinError`,
 *   a stated bound. It is at most (gap width) x (share of the window in crossing gaps), i.e. of
 *   the order of the reference's spacing, 1/n_ref of its range: ~1e-6 sd at a 1M-row reference,
 *   three orders below the sampling noise floor (~1e-3 sd at n_eff = 1M, sampling-noise.ts).
 * Worked example: reference [0, 1], window [0.5, 0.5, 2]: gaps (−inf,0):0, (0,1): 2 values with
 * offsets 1.0, (1,inf): 1 value offset 1; D = max(|1/2 − 0|, |1/2 - 2/3|, |1 - 2/3|) = 1/2 ...
 * the test file works it through against ks-two-sample.ts.
 */
import { sortFloat64 } from "../numeric/radix-sort.ts";
import type { Gaps } from "../tests/ks-two-sample.ts";

export interface BinnedWindow {
  /** The reference's distinct non-missing values, ascending (the grid). */
  readonly grid: Float64Array;
  /** Current values equal to grid[j]. */
  readonly equal: Float64Array;
  /** Current values in gap g: g = 0 below grid[0], g = j + 1 between grid[j] and grid[j + 1], g = K above the last. */
  readonly gapCount: Float64Array;
  /** Sum over gap g's values of (value - left end); for g = 0, of (grid[0] - value). */
  readonly gapOffset: Float64Array;
  /** Non-missing current values counted. */
  count: number;
}

/** Distinct values of an ascending array. */
function distinctSorted(sorted: Float64Array): Float64Array {
  let k = 0;
  const out = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out[k++] = sorted[i];
  return out.slice(0, k);
}

export function emptyBinnedWindow(referenceSorted: Float64Array): BinnedWindow {
  const grid = distinctSorted(referenceSorted);
  const k = grid.length;
  return {
    grid,
    equal: new Float64Array(k),
    gapCount: new Float64Array(k + 1),
    gapOffset: new Float64Array(k + 1),
    count: 0,
  };
}

/**
 * Counts non-missing values (NaN skipped) into the window. The values are sorted first (radix,
 * in a copy), so the grid is walked forwards with a galloping search: O(b log(K/b)) for a batch
 * of b values, and cache-friendly.
 */
export function addToBinnedWindow(window: BinnedWindow, values: Float64Array): void {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present++;
  if (present === 0) return;
  const sorted = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[k++] = values[i];
  sortFloat64(sorted);
  const { grid, equal, gapCount, gapOffset } = window;
  const size = grid.length;
  let at = 0; // first grid index with grid[at] >= the current value
  for (let i = 0; i < present; i++) {
    const v = sorted[i];
    if (at < size && grid[at] < v) at = gallop(grid, v, at);
    if (at < size && grid[at] === v) {
      equal[at] += 1;
    } else {
      gapCount[at] += 1;
      gapOffset[at] += at === 0 ? grid[0] - v : v - grid[at - 1];
    }
  }
  window.count += present;
}

/**
 * Counts values given as distinct ascending keys with how many times each occurs (a window
 * profile's counts): the same counts as adding every occurrence one by one.
 */
export function addCountsToBinnedWindow(window: BinnedWindow, keys: Float64Array, counts: Float64Array): void {
  const { grid, equal, gapCount, gapOffset } = window;
  const size = grid.length;
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i];
    const n = counts[i];
    if (n === 0) continue;
    if (at < size && grid[at] < v) at = gallop(grid, v, at);
    if (at < size && grid[at] === v) equal[at] += n;
    else {
      gapCount[at] += n;
      gapOffset[at] += n * (at === 0 ? grid[0] - v : v - grid[at - 1]);
    }
    window.count += n;
  }
}

/** First index >= from whose grid value is >= v (grid[from] < v on entry). */
function gallop(grid: Float64Array, v: number, from: number): number {
  let step = 1;
  let lo = from; // grid[lo] < v
  let hi = from + 1;
  while (hi < grid.length && grid[hi] < v) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > grid.length) hi = grid.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid] < v) lo = mid;
    else hi = mid;
  }
  return hi;
}

export interface BinnedComparison {
  /** The KS gaps, as ks-two-sample.ts's merge would find them on the values. */
  readonly gaps: Gaps;
  /** W1 between the reference and the window (not normalized). */
  readonly wasserstein: number;
  /** Largest possible |error| of `wasserstein` (crossing gaps only; 0 when none). */
  readonly wassersteinError: number;
}

/**
 * KS gaps and W1 between the reference (sorted, the grid's source) and the window.
 * Requires window.count > 0 and a non-empty reference.
 */
export function compareBinnedWindow(referenceSorted: Float64Array, window: BinnedWindow): BinnedComparison {
  const { grid, equal, gapCount, gapOffset } = window;
  const n1 = referenceSorted.length;
  const n2 = window.count;
  const size = grid.length;
  let plusGap = -Infinity;
  let plusLocation = NaN;
  let minusGap = -Infinity;
  let minusLocation = NaN;
  const consider = (diff: number, location: number) => {
    if (diff > plusGap) {
      plusGap = diff;
      plusLocation = location;
    }
    if (-diff > minusGap) {
      minusGap = -diff;
      minusLocation = location;
    }
  };
  let sum = 0;
  let compensation = 0;
  let errorBound = 0;
  const add = (term: number) => {
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  };

  let below = 0; // current values counted so far (< or <= the grid point being handled)
  // Left of the grid: F_ref = 0. The merge evaluates after the last value there.
  if (gapCount[0] > 0) {
    below = gapCount[0];
    consider(0 / n1 - below / n2, grid[0]);
    add(gapOffset[0] / n2);
  }
  let i = 0; // reference values <= grid[j]
  for (let j = 0; j < size; j++) {
    const u = grid[j];
    while (i < n1 && referenceSorted[i] <= u) i++;
    below += equal[j];
    const fRef = i / n1;
    consider(fRef - below / n2, u);
    const inGap = gapCount[j + 1];
    if (j + 1 < size) {
      const width = grid[j + 1] - u;
      const start = below / n2 - fRef; // F_cur - F_ref just after u
      if (inGap > 0) {
        const end = (below + inGap) / n2 - fRef; // just before grid[j + 1]
        consider(fRef - (below + inGap) / n2, u);
        // signed integral of F_cur - F_ref over the gap: start*width + (count*width - offsets)/n2
        const signed = start * width + (inGap * width - gapOffset[j + 1]) / n2;
        if (start >= 0) add(signed);
        else if (end <= 0) add(-signed);
        else {
          const low = Math.abs(signed);
          const high = Math.min(signed + 2 * -start * width, -signed + 2 * end * width);
          add((low + high) / 2);
          errorBound += (high - low) / 2;
        }
      } else {
        add(Math.abs(start) * width);
      }
    } else if (inGap > 0) {
      // Right of the grid: F_ref = 1; the integral of (1 - F_cur) is the offsets over n2.
      below += inGap;
      consider(1 - below / n2, u);
      add(gapOffset[j + 1] / n2);
    }
    if (j + 1 < size) below += inGap;
  }
  return {
    gaps: { plusGap, plusLocation, minusGap: Math.min(1, Math.max(0, minusGap)), minusLocation },
    wasserstein: sum + compensation,
    wassersteinError: errorBound,
  };
}
