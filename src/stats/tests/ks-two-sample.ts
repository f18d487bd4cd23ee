/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, equal to scipy.stats.ks_2samp(a, b,
 * method='auto') in statistic and p-value (scipy 1.10).
 *
 * D = max_x |F_a(x) - F_b(x)| over the merged sample, F being empirical CDFs (right-continuous,
 * so ties count together). The p-value is exact (lattice-path counting, ks-exact.ts) when both
 * samples have at most 10,000 values, otherwise kstwo.sf(D, round(n_a n_b / (n_a + n_b)))
 * (kolmogorov-two-sided.ts). As in scipy, the exact branch rounds D to a multiple of
 * 1/lcm(n_a, n_b) and falls back to the asymptotic one if the exact count is not a probability.
 * Cost: a sort of each sample (skipped when already sorted) and one merge, O(n log n).
 * Worked example: a = [1, 2, 3], b = [4, 5, 6]: F_a reaches 1 before F_b leaves 0, so D = 1,
 * and 2 of the C(6,3) = 20 orderings are that extreme: p = 0.1.
 * Ties and missing values: ties are fine (the p-value is then conservative, as in scipy);
 * NaN is not a value here - callers drop missing values first and test their share separately.
 */
import { probabilityOutsideBand, probabilityOutsideSquare } from "../distributions/ks-exact.ts";
import { kstwoSurvival } from "../distributions/kolmogorov-two-sided.ts";

export type KsMethod = "auto" | "exact" | "asymptotic";

export interface KsResult {
  /** max |F_a - F_b| (for the exact branch, rounded to a multiple of 1/lcm(n_a, n_b) as scipy does). */
  readonly statistic: number;
  readonly pValue: number;
  /** Which null distribution gave the p-value. */
  readonly method: "exact" | "asymptotic";
  /** A value where the largest gap occurs (the smallest such value). */
  readonly location: number;
  /** +1 when F_a exceeds F_b there (a tends to be smaller), -1 otherwise. */
  readonly sign: 1 | -1;
}

/** scipy's MAX_AUTO_N: 'auto' is exact when both samples have at most this many values. */
const KS_MAX_EXACT_SIZE = 10000;
const INT32_MAX = 2147483647;

/** Sorted copy of the values (ascending); returns the input itself when it is already sorted. */
export function sortedValues(values: Float64Array | readonly number[]): Float64Array {
  const array = values instanceof Float64Array ? values : Float64Array.from(values);
  for (let i = 0; i < array.length; i++) {
    if (Number.isNaN(array[i])) throw new Error("ksTwoSample: values must not contain NaN; drop missing values first");
  }
  if (isSorted(array)) return array;
  return Float64Array.from(array).sort();
}

function isSorted(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}

/** Two-sided two-sample KS test on any two non-empty samples without NaN. */
export function ksTwoSample(
  a: Float64Array | readonly number[],
  b: Float64Array | readonly number[],
  method: KsMethod = "auto",
): KsResult {
  return ksTwoSampleSorted(sortedValues(a), sortedValues(b), method);
}

/** As ksTwoSample, for samples already sorted ascending (not checked). */
export function ksTwoSampleSorted(a: Float64Array, b: Float64Array, method: KsMethod = "auto"): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new Error("ksTwoSample: both samples must be non-empty");
  return ksFromGaps(largestGap(a, b), n1, n2, method);
}

/**
 * The KS result from the largest gaps of the two empirical CDFs and the sample sizes, so a caller
 * that measured the gaps elsewhere (on counts: binned-window.ts; in SQL: sql/) gets the same
 * statistic and p-value as from the values themselves.
 */
export function ksFromGaps(gap: Gaps, n1: number, n2: number, method: KsMethod = "auto"): KsResult {
  let d: number;
  let location: number;
  let sign: 1 | -1;
  if (gap.minusGap > gap.plusGap) {
    d = gap.minusGap;
    location = gap.minusLocation;
    sign = -1;
  } else {
    d = gap.plusGap;
    location = gap.plusLocation;
    sign = 1;
  }
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let mode: "exact" | "asymptotic";
  if (method === "auto") mode = Math.max(n1, n2) <= KS_MAX_EXACT_SIZE ? "exact" : "asymptotic";
  else if (method === "exact") mode = n1g >= INT32_MAX / n2g ? "asymptotic" : "exact";
  else mode = "asymptotic";

  let pValue = NaN;
  if (mode === "exact") {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) {
      pValue = 1;
    } else {
      const prob = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideBand(n1, n2, g, h);
      if (prob >= 0 && prob <= 1) pValue = prob;
      else mode = "asymptotic";
    }
  }
  if (mode === "asymptotic") {
    const larger = Math.max(n1, n2);
    const smaller = Math.min(n1, n2);
    const en = (larger * smaller) / (larger + smaller);
    pValue = kstwoSurvival(roundHalfEven(en), d);
  }
  return { statistic: d, pValue: Math.min(1, Math.max(0, pValue)), method: mode, location, sign };
}

export interface Gaps {
  /** max (F_a - F_b) over the merged values. */
  plusGap: number;
  plusLocation: number;
  /** max (F_b - F_a), clipped at 0 as scipy does. */
  minusGap: number;
  minusLocation: number;
}

/**
 * One merge over both sorted samples, evaluating F_a - F_b after each distinct value, with the
 * same floating-point operations as scipy (i/n1 - j/n2) so the statistic matches bit for bit.
 */
function largestGap(a: Float64Array, b: Float64Array): Gaps {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let plusGap = -Infinity;
  let plusLocation = NaN;
  let minusGap = -Infinity;
  let minusLocation = NaN;
  while (i < n1 || j < n2) {
    const value = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] <= value) i++;
    while (j < n2 && b[j] <= value) j++;
    const diff = i / n1 - j / n2;
    if (diff > plusGap) {
      plusGap = diff;
      plusLocation = value;
    }
    const negated = -diff;
    if (negated > minusGap) {
      minusGap = negated;
      minusLocation = value;
    }
  }
  return { plusGap, plusLocation, minusGap: Math.min(1, Math.max(0, minusGap)), minusLocation };
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** numpy.round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}
