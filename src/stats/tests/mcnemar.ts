/**
 * McNemar's test on per-row correctness of two classifiers scored on the same rows
 * (Q. McNemar 1947, Psychometrika 12:153-157), exact form: only discordant rows matter,
 *   b = rows the champion gets right and the challenger wrong,
 *   c = rows the challenger gets right and the champion wrong;
 * under H0 (equal accuracy) b ~ Binomial(b + c, 1/2). With k = min(b, c), n = b + c:
 *   exact two-sided p = min(1, 2 P(X <= k))  (= scipy.stats.binomtest(k, n, 0.5).pvalue),
 *   mid-p = 2 P(X < k) + P(X = k) = 2 P(X <= k) - P(X = k), capped at 1
 * (Fagerland, Lydersen & Laake 2013, BMC Medical Research Methodology 13:91, who recommend the
 * mid-p version: closer to nominal size, still valid in practice). n = 0 gives p = 1.
 * Worked example: b = 2, c = 8: P(X <= 2) = 56 / 1024, p = 0.109375, mid-p = 0.0654296875.
 */
import { UserError } from "../../errors.ts";
import { binomialCdf, binomialPmf } from "../distributions/binomial.ts";

export interface McnemarResult {
  /** Champion right, challenger wrong. */
  readonly b: number;
  /** Challenger right, champion wrong. */
  readonly c: number;
  readonly pValue: number;
  readonly midP: number;
}

/** McNemar's exact test from the two discordant counts. */
export function mcnemarFromCounts(b: number, c: number): McnemarResult {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`discordant counts must be non-negative integers, got b = ${b}, c = ${c}`);
  }
  const n = b + c;
  if (n === 0 || b === c) return { b, c, pValue: 1, midP: 1 };
  const k = Math.min(b, c);
  const tail = binomialCdf(k, n, 0.5);
  return { b, c, pValue: Math.min(1, 2 * tail), midP: Math.min(1, 2 * tail - binomialPmf(k, n, 0.5)) };
}

/** McNemar's exact test from per-row correctness (1 = right, 0 = wrong) of both models. */
export function mcnemarTest(championCorrect: Uint8Array, challengerCorrect: Uint8Array): McnemarResult {
  if (championCorrect.length !== challengerCorrect.length) {
    throw new UserError(
      `McNemar's test needs both models scored on the same rows (got ${championCorrect.length} and ${challengerCorrect.length}).`,
    );
  }
  let b = 0;
  let c = 0;
  for (let i = 0; i < championCorrect.length; i++) {
    if (championCorrect[i] && !challengerCorrect[i]) b++;
    else if (!championCorrect[i] && challengerCorrect[i]) c++;
  }
  return mcnemarFromCounts(b, c);
}
