/**
 * DeLong's test for the difference of two correlated ROC AUCs (both models scored on the same
 * rows): E. R. DeLong, D. M. DeLong & D. L. Clarke-Pearson (1988), "Comparing the areas under two
 * or more correlated receiver operating characteristic curves: a nonparametric approach",
 * Biometrics 44:837-845; computed in O(N log N) from one sort per model as in X. Sun & W. Xu
 * (2014), "Fast implementation of DeLong's algorithm for comparing the areas under correlated
 * receiver operating characteristic curves", IEEE Signal Processing Letters 21(11):1389-1393.
 *
 *   V10[r](i), V01[r](j): placements of positive i / negative j under model r (auc-placements.ts)
 *   S10 = sample covariance (n-1 denominator) over positives of (V10[champion], V10[challenger])
 *   S01 = the same over negatives,  S = S10 / n_pos + S01 / n_neg  (2x2)
 *   Var(AUC_challenger - AUC_champion) = S11 + S22 - 2 S12,  z = difference / sqrt(Var)
 *   p = 2 (1 - Phi(|z|)),  CI = difference -/+ z_{1-alpha/2} sqrt(Var)
 * Worked example: see test/stats/tests/delong.test.ts (checked against a direct O(N^2)
 * implementation of the 1988 formulas in scripts/references/evaluate_references.py).
 * Undefined (NaN, with the reason) when a class is missing or has a single row (no covariance),
 * or when the variance is 0 (e.g. identical models).
 */
import { aucPlacements } from "../metrics/auc-placements.ts";
import { rocAucFromRanking } from "../metrics/roc-auc.ts";
import { rankScoresCached } from "../metrics/score-ranking.ts";
import type { BinaryPredictions, PreparationCache } from "../metrics/types.ts";
import { checkBinary } from "../metrics/validate-inputs.ts";
import { UserError } from "../../errors.ts";
import { normalQuantile, normalUpperTail } from "../distributions/normal.ts";

export interface DelongResult {
  readonly championAuc: number;
  readonly challengerAuc: number;
  /** challengerAuc - championAuc. */
  readonly difference: number;
  /** [[Var(champion), Cov], [Cov, Var(challenger)]] of the two AUC estimates. */
  readonly covariance: readonly [readonly [number, number], readonly [number, number]];
  /** Var(difference) and its square root. */
  readonly variance: number;
  readonly standardError: number;
  readonly z: number;
  /** Two-sided p-value for H0: equal AUCs. */
  readonly pValue: number;
  readonly confidence: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly undefinedReason?: string;
}

export function delongTest(
  champion: BinaryPredictions,
  challenger: BinaryPredictions,
  options: { confidence?: number; cache?: PreparationCache } = {},
): DelongResult {
  const confidence = options.confidence ?? 0.95;
  checkBinary(champion, undefined, options.cache);
  checkBinary(challenger, undefined, options.cache);
  const labels = champion.labels;
  if (challenger.labels.length !== labels.length || challenger.labels.some((label, i) => label !== labels[i])) {
    throw new UserError(
      "DeLong's test needs both models scored on the same rows with the same labels, in the same order.",
    );
  }
  const rankingA = rankScoresCached(labels, champion.scores, options.cache);
  const rankingB = rankScoresCached(challenger.labels, challenger.scores, options.cache);
  const positives = rankingA.positives;
  const negatives = rankingA.negatives;
  const championAuc = positives && negatives ? rocAucFromRanking(rankingA, null) : NaN;
  const challengerAuc = positives && negatives ? rocAucFromRanking(rankingB, null) : NaN;
  const difference = challengerAuc - championAuc;
  const undefinedResult = (
    reason: string,
    covariance: DelongResult["covariance"] = [
      [NaN, NaN],
      [NaN, NaN],
    ],
    variance = NaN,
  ): DelongResult => ({
    championAuc,
    challengerAuc,
    difference,
    covariance,
    variance,
    standardError: Math.sqrt(variance),
    z: NaN,
    pValue: NaN,
    confidence,
    ciLow: NaN,
    ciHigh: NaN,
    undefinedReason: reason,
  });
  if (positives < 2 || negatives < 2) {
    return undefinedResult(
      `DeLong's test needs at least 2 positives and 2 negatives (got ${positives} and ${negatives})`,
    );
  }
  const placementsA = aucPlacements(rankingA);
  const placementsB = aucPlacements(rankingB);
  const positiveCovariance = covariance2(placementsA, placementsB, labels, 1);
  const negativeCovariance = covariance2(placementsA, placementsB, labels, 0);
  const s = [0, 1, 2].map((k) => positiveCovariance[k] / positives + negativeCovariance[k] / negatives);
  const covariance: DelongResult["covariance"] = [
    [s[0], s[1]],
    [s[1], s[2]],
  ];
  const variance = s[0] + s[2] - 2 * s[1];
  if (!(variance > 0)) {
    return undefinedResult(
      "the AUC difference has zero variance (the two models rank every positive-negative pair the same way)",
      covariance,
      variance,
    );
  }
  const standardError = Math.sqrt(variance);
  const z = difference / standardError;
  const half = normalQuantile(1 - (1 - confidence) / 2) * standardError;
  return {
    championAuc,
    challengerAuc,
    difference,
    covariance,
    variance,
    standardError,
    z,
    pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))),
    confidence,
    ciLow: difference - half,
    ciHigh: difference + half,
  };
}

/** [Var(a), Cov(a, b), Var(b)] over the rows with the given label (n - 1 denominator). */
function covariance2(a: Float64Array, b: Float64Array, labels: Float64Array, label: number): [number, number, number] {
  let count = 0;
  let aa = 0;
  let ab = 0;
  let bb = 0;
  let sumA = 0; // two passes: means first, then centred products
  let sumB = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== label) continue;
    sumA += a[i];
    sumB += b[i];
    count++;
  }
  const centerA = sumA / count;
  const centerB = sumB / count;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== label) continue;
    const da = a[i] - centerA;
    const db = b[i] - centerB;
    aa += da * da;
    ab += da * db;
    bb += db * db;
  }
  return [aa / (count - 1), ab / (count - 1), bb / (count - 1)];
}
