/**
 * Average precision, equal to sklearn.metrics.average_precision_score: the step-function
 * (not interpolated, not trapezoidal) area under the precision-recall curve.
 *
 * Formula (sklearn user guide, "Precision, recall and F-measures"): with thresholds at each
 * distinct score, from high to low,  AP = sum_k (R_k - R_{k-1}) * P_k,  where P_k and R_k are
 * precision and recall counting every row scored >= the k-th threshold (tied rows enter together).
 * With row weights every count becomes a sum of weights.
 * Worked example (sklearn's docstring): labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]:
 * thresholds 0.8 (P=1, R=0.5), 0.4 (P=0.5, R=0.5), 0.35 (P=2/3, R=1), 0.1 ->
 * AP = 0.5 * 1 + 0 * 0.5 + 0.5 * 2/3 = 0.8333...
 * Undefined (NaN) with no rows or no positives; sklearn warns and returns 0 for the latter.
 */
import { computeWith } from "./compute-metric.ts";
import { rankScoresCached, type ScoreRanking } from "./score-ranking.ts";
import type { MetricImplementation, MetricResult, RowWeights } from "./types.ts";
import { checkBinary, expectTask } from "./validate-inputs.ts";

export interface AveragePrecisionState {
  readonly ranking: ScoreRanking;
}

/** Weighted average precision from a ranking (NaN when the positives have zero total weight). */
function averagePrecisionFromRanking(ranking: ScoreRanking, weights: RowWeights): number {
  const { order, sortedLabels, groupEnds } = ranking;
  let sum = 0; // sum over thresholds of (true positives gained) * precision
  let truePositives = 0;
  let falsePositives = 0;
  let end = order.length;
  for (let g = groupEnds.length - 2; g >= -1; g--) {
    const start = g >= 0 ? groupEnds[g] : 0;
    let groupPositives = 0;
    let groupNegatives = 0;
    for (let i = start; i < end; i++) {
      const weight = weights === null ? 1 : weights[order[i]];
      if (sortedLabels[i] === 1) groupPositives += weight;
      else groupNegatives += weight;
    }
    truePositives += groupPositives;
    falsePositives += groupNegatives;
    if (groupPositives > 0) sum += (groupPositives * truePositives) / (truePositives + falsePositives);
    end = start;
  }
  return truePositives === 0 ? NaN : sum / truePositives;
}

export const averagePrecisionImplementation: MetricImplementation<AveragePrecisionState> = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, undefined, cache);
    return { ranking: rankScoresCached(binary.labels, binary.scores, cache) };
  },
  weighted: (state, weights) => averagePrecisionFromRanking(state.ranking, weights),
  explain(state) {
    if (state.ranking.order.length === 0) return { undefinedReason: "there are no rows" };
    if (state.ranking.positives === 0) {
      return {
        undefinedReason:
          "no positives (label 1) in the labels, so recall is undefined (scikit-learn warns and reports 0)",
      };
    }
    return {};
  },
};

/** Average precision of one model's binary predictions. */
export function averagePrecision(labels: Float64Array, scores: Float64Array): MetricResult {
  return computeWith(averagePrecisionImplementation, { task: "binary", labels, scores });
}
