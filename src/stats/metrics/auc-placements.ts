/**
 * DeLong's structural components ("placements") of the ROC AUC: for each positive, the share of
 * negatives it outscores; for each negative, the share of positives that outscore it; ties count
 * one half. Their means are the AUC, their covariances give DeLong's variance, and removing one
 * row changes the AUC by a closed form, which gives an exact O(N) jackknife.
 *
 * Source: DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44:837-845, eqs. (3)-(4);
 * computed from one sort as in Sun & Xu (2014), IEEE Signal Processing Letters 21(11):1389-1393.
 *   V10(i) = (#neg below x_i + #neg tied / 2) / n0          (i positive)
 *   V01(j) = (#pos above y_j + #pos tied / 2) / n1          (j negative)
 *   AUC = mean(V10) = mean(V01)
 * Worked example: positives {0.8, 0.4}, negatives {0.4, 0.1}: V10 = [1, 0.75], V01 = [0.75, 1],
 * AUC = 0.875.
 */
import type { ScoreRanking } from "./score-ranking.ts";

/** The placement of every row (V10 for positives, V01 for negatives), indexed by row. */
export function aucPlacements(ranking: ScoreRanking): Float64Array {
  const { order, sortedLabels, groupEnds, positives, negatives } = ranking;
  const placements = new Float64Array(order.length);
  let start = 0;
  let negativesBelow = 0;
  let positivesBelow = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const end = groupEnds[g];
    let groupPositives = 0;
    for (let i = start; i < end; i++) groupPositives += sortedLabels[i];
    const groupNegatives = end - start - groupPositives;
    const positivePlacement = (negativesBelow + groupNegatives / 2) / negatives;
    const negativePlacement = (positives - positivesBelow - groupPositives / 2) / positives;
    for (let i = start; i < end; i++) {
      placements[order[i]] = sortedLabels[i] === 1 ? positivePlacement : negativePlacement;
    }
    negativesBelow += groupNegatives;
    positivesBelow += groupPositives;
    start = end;
  }
  return placements;
}
