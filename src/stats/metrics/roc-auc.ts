/**
 * Area under the ROC curve for binary labels, equal to sklearn.metrics.roc_auc_score.
 *
 * Formula (Mann-Whitney form, Hanley & McNeil 1982): AUC = P(score of a random positive >
 * score of a random negative) + P(tie) / 2, i.e.
 *   AUC = sum over tie groups g of  pos_g * (neg_below_g + neg_g / 2)  /  (n_pos * n_neg),
 * which is exactly the trapezoidal area under sklearn's ROC curve (ties give a diagonal segment).
 * With row weights w (bootstrap counts) every count becomes a sum of weights.
 * Worked example: labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]: 3 of 4 positive-negative
 * pairs are ordered correctly, AUC = 0.75 (the sklearn documentation's example).
 * Undefined (NaN, with the reason) when the labels hold only one class or there are no rows,
 * where sklearn raises.
 */
import { aucPlacements } from "./auc-placements.ts";
import { rankScoresCached, type ScoreRanking } from "./score-ranking.ts";
import { computeWith } from "./compute-metric.ts";
import type { MetricImplementation, MetricResult, RowWeights } from "./types.ts";
import { checkBinary, expectTask } from "./validate-inputs.ts";

export interface RocAucState {
  readonly ranking: ScoreRanking;
}

/** Weighted AUC from a ranking (NaN when either class has zero total weight). */
export function rocAucFromRanking(ranking: ScoreRanking, weights: RowWeights): number {
  const { order, sortedLabels, groupEnds } = ranking;
  let numeratorTwice = 0; // 2 * sum pos_g * (neg_below + neg_g / 2), an exact integer
  let negativesBelow = 0;
  let positiveTotal = 0;
  let start = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const end = groupEnds[g];
    let groupPositives = 0;
    let groupNegatives = 0;
    for (let i = start; i < end; i++) {
      const weight = weights === null ? 1 : weights[order[i]];
      if (sortedLabels[i] === 1) groupPositives += weight;
      else groupNegatives += weight;
    }
    numeratorTwice += groupPositives * (2 * negativesBelow + groupNegatives);
    negativesBelow += groupNegatives;
    positiveTotal += groupPositives;
    start = end;
  }
  if (positiveTotal === 0 || negativesBelow === 0) return NaN;
  return numeratorTwice / (2 * positiveTotal * negativesBelow);
}

function explainRocAuc(ranking: ScoreRanking): { undefinedReason?: string } {
  if (ranking.order.length === 0) return { undefinedReason: "there are no rows" };
  if (ranking.positives === 0)
    return { undefinedReason: "only one class in the labels (no positives, label 1); ROC AUC needs both classes" };
  if (ranking.negatives === 0)
    return { undefinedReason: "only one class in the labels (no negatives, label 0); ROC AUC needs both classes" };
  return {};
}

export const rocAucImplementation: MetricImplementation<RocAucState> = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, undefined, cache);
    return { ranking: rankScoresCached(binary.labels, binary.scores, cache) };
  },
  weighted: (state, weights) => rocAucFromRanking(state.ranking, weights),
  explain: (state) => explainRocAuc(state.ranking),
  /**
   * Removing positive i gives (n1 * AUC - V10_i) / (n1 - 1); removing negative j gives
   * (n0 * AUC - V01_j) / (n0 - 1) (placements, auc-placements.ts). NaN where a class would vanish.
   */
  leaveOneOut(state) {
    const { ranking } = state;
    const auc = rocAucFromRanking(ranking, null);
    const placements = aucPlacements(ranking);
    const { positives, negatives } = ranking;
    const leftOut = new Float64Array(placements.length);
    for (let g = 0; g < ranking.order.length; g++) {
      const row = ranking.order[g];
      const isPositive = ranking.sortedLabels[g] === 1;
      const remaining = (isPositive ? positives : negatives) - 1;
      leftOut[row] = remaining === 0 ? NaN : ((remaining + 1) * auc - placements[row]) / remaining;
    }
    return leftOut;
  },
};

/** ROC AUC of one model's binary predictions. */
export function rocAuc(labels: Float64Array, scores: Float64Array): MetricResult {
  return computeWith(rocAucImplementation, { task: "binary", labels, scores });
}
