import { aucPlacements } from "../metrics/auc-placements.ts";
import { rankScores } from "../metrics/score-ranking.ts";
import { normalQuantile } from "../distributions/normal.ts";

/**
 * A confidence interval for one ROC AUC from DeLong's variance: the AUC is the mean of the
 * positives' placements (V10) and of the negatives' (V01), so var(AUC) = var(V10)/m + var(V01)/n
 * (DeLong, DeLong & Clarke-Pearson 1988, Biometrics 44:837-845), normal interval clipped to
 * [0, 1]. Undefined with one class. Pure.
 */
export function aucInterval(
  labels: Float64Array,
  scores: Float64Array,
  confidence: number,
): { auc: number; low: number; high: number } | undefined {
  const estimate = aucVariance(labels, scores);
  if (!estimate) return undefined;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(estimate.variance);
  return { auc: estimate.auc, low: Math.max(0, estimate.auc - half), high: Math.min(1, estimate.auc + half) };
}

/** The AUC and DeLong's variance of it (for one AUC's interval, or two independent AUCs' difference). Undefined with one class. */
export function aucVariance(
  labels: Float64Array,
  scores: Float64Array,
): { auc: number; variance: number; positives: number; negatives: number } | undefined {
  const ranking = rankScores(labels, scores);
  if (ranking.positives === 0 || ranking.negatives === 0) return undefined;
  const placements = aucPlacements(ranking);
  const positive = { sum: 0, squares: 0, n: 0 };
  const negative = { sum: 0, squares: 0, n: 0 };
  for (let i = 0; i < labels.length; i++) {
    const side = labels[i] === 1 ? positive : negative;
    side.sum += placements[i];
    side.n++;
  }
  const auc = positive.sum / positive.n;
  const negativeMean = negative.sum / negative.n;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) positive.squares += (placements[i] - auc) ** 2;
    else negative.squares += (placements[i] - negativeMean) ** 2;
  }
  const variance =
    (positive.n > 1 ? positive.squares / (positive.n - 1) / positive.n : 0) +
    (negative.n > 1 ? negative.squares / (negative.n - 1) / negative.n : 0);
  return { auc, variance, positives: positive.n, negatives: negative.n };
}
