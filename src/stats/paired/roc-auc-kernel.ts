/**
 * ROC AUC of both models for one bootstrap resample in two tight O(N) passes, the hot loop of
 * the evaluate gate (2,000 resamples x 1M rows must stay within seconds).
 *
 * Layout (built once by prepare):
 *  - canonical row order = the champion's ascending score order (ties: negatives first), so the
 *    champion's pass reads the counts sequentially;
 *  - `challengerOrder[i]` = canonical position of the challenger's i-th lowest-scored row, with
 *    that row's label in bit 31, so the challenger's pass gathers counts[position] and needs no
 *    separate label array;
 *  - the champion's labels are bytes in canonical order;
 *  - a label (0/1) becomes a double through a two-entry table, so the passes multiply instead of
 *    branching and never mix integer and floating-point sums (which V8 compiles badly).
 * The pass: with negatives first inside each tie group, accumulating
 *   S = sum over positives of weight_i * (weight of negatives before i)
 * counts each positive against all lower negatives and all tied ones; the midrank AUC needs
 * tied pairs at one half, so AUC = (2 S - sum over mixed tie groups of pos_g * neg_g) / (2 P N),
 * where only groups holding both classes contribute to the correction (usually few).
 * All sums are exact integers in doubles (< 2^53 for N up to 2^26 rows).
 * Worked example: labels [0, 1, 0, 1], champion scores [0.1, 0.5, 0.5, 0.9], every weight 1:
 * canonical order is rows 0, 2, 1, 3 (row 2, a negative, before its tied positive row 1);
 * S = 2 (row 1 after rows 0, 2) + 2 (row 3) = 4; the mixed group {2, 1} subtracts 1 * 1;
 * AUC = (2 * 4 - 1) / (2 * 2 * 2) = 0.875, the midrank AUC.
 */
import { rocAucFromRanking, rocAucImplementation } from "../metrics/roc-auc.ts";
import { rankScoresCached, type ScoreRanking } from "../metrics/score-ranking.ts";
import { checkBinary, expectTask } from "../metrics/validate-inputs.ts";
import type { PairedKernel } from "./paired-kernel.ts";

export interface RocAucPairState {
  readonly rowCount: number;
  /** Labels (0/1) in canonical order. */
  readonly championLabels: Uint8Array;
  /** [start, end) canonical positions of the champion's tie groups holding both classes. */
  readonly championMixedGroups: Int32Array;
  /** Canonical position of each row in the challenger's score order, its label in bit 31. */
  readonly challengerOrder: Int32Array;
  /** [start, end) positions (challenger order) of the challenger's mixed tie groups. */
  readonly challengerMixedGroups: Int32Array;
}

export const rocAucKernel: PairedKernel<RocAucPairState> = {
  prepare(championData, challengerData, _options, cache) {
    const champion = expectTask(championData, "binary");
    const challenger = expectTask(challengerData, "binary");
    checkBinary(champion, undefined, cache);
    checkBinary(challenger, undefined, cache);
    const championRanking = rankScoresCached(champion.labels, champion.scores, cache);
    const challengerRanking = rankScoresCached(challenger.labels, challenger.scores, cache);
    const n = champion.labels.length;
    const canonicalOfRow = new Int32Array(n);
    for (let position = 0; position < n; position++) canonicalOfRow[championRanking.order[position]] = position;
    const challengerOrder = new Int32Array(n);
    for (let i = 0; i < n; i++) challengerOrder[i] = canonicalOfRow[challengerRanking.order[i]] | (challengerRanking.sortedLabels[i] << 31);
    const state: RocAucPairState = {
      rowCount: n,
      championLabels: championRanking.sortedLabels,
      championMixedGroups: championRanking.mixedGroups,
      challengerOrder,
      challengerMixedGroups: challengerRanking.mixedGroups,
    };
    return {
      state,
      rowCount: n,
      full: [rocAucFromRanking(championRanking, null), rocAucFromRanking(challengerRanking, null)],
      leaveOneOut: () => ({
        champion: inCanonicalOrder(championRanking, canonicalOfRow),
        challenger: inCanonicalOrder(challengerRanking, canonicalOfRow),
      }),
    };
  },
  evaluate(state, counts, out) {
    out[0] = championAuc(state, counts);
    out[1] = challengerAuc(state, counts);
  },
};

function inCanonicalOrder(ranking: ScoreRanking, canonicalOfRow: Int32Array): Float64Array {
  const byRow = rocAucImplementation.leaveOneOut!({ ranking });
  const canonical = new Float64Array(byRow.length);
  for (let row = 0; row < byRow.length; row++) canonical[canonicalOfRow[row]] = byRow[row];
  return canonical;
}

/** Label 0/1 as a double. */
const LABEL_VALUE = new Float64Array([0, 1]);
const POSITION_MASK = 0x7fffffff;

/*
 * Both passes are unrolled by four with the running sums updated once per four rows: the
 * additions inside a group of four do not depend on each other, so the CPU overlaps them instead
 * of waiting on one long chain of floating-point additions (about 1.7x faster). The sums are exact
 * integers, so the changed order of additions changes nothing.
 */

export function championAuc(state: RocAucPairState, counts: Uint8Array): number {
  const n = state.rowCount;
  const labels = state.championLabels;
  let below = 0;
  let sum = 0;
  let positives = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const w0 = counts[i];
    const w1 = counts[i + 1];
    const w2 = counts[i + 2];
    const w3 = counts[i + 3];
    const p0 = w0 * LABEL_VALUE[labels[i]];
    const p1 = w1 * LABEL_VALUE[labels[i + 1]];
    const p2 = w2 * LABEL_VALUE[labels[i + 2]];
    const p3 = w3 * LABEL_VALUE[labels[i + 3]];
    const n0 = w0 - p0;
    const n01 = n0 + (w1 - p1);
    const n2 = w2 - p2;
    sum += p0 * below + p1 * (below + n0) + (p2 * (below + n01) + p3 * (below + (n01 + n2)));
    below += n01 + (n2 + (w3 - p3));
    positives += p0 + p1 + (p2 + p3);
  }
  for (; i < n; i++) {
    const weight = counts[i];
    const positive = weight * LABEL_VALUE[labels[i]];
    sum += positive * below;
    below += weight - positive;
    positives += positive;
  }
  const groups = state.championMixedGroups;
  let tied = 0;
  for (let g = 0; g < groups.length; g += 2) {
    let groupPositives = 0;
    let groupWeight = 0;
    for (let k = groups[g]; k < groups[g + 1]; k++) {
      groupPositives += counts[k] * LABEL_VALUE[labels[k]];
      groupWeight += counts[k];
    }
    tied += groupPositives * (groupWeight - groupPositives);
  }
  if (positives === 0 || below === 0) return NaN;
  return (2 * sum - tied) / (2 * positives * below);
}

export function challengerAuc(state: RocAucPairState, counts: Uint8Array): number {
  const n = state.rowCount;
  const order = state.challengerOrder;
  let below = 0;
  let sum = 0;
  let positives = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const e0 = order[i];
    const e1 = order[i + 1];
    const e2 = order[i + 2];
    const e3 = order[i + 3];
    const w0 = counts[e0 & POSITION_MASK];
    const w1 = counts[e1 & POSITION_MASK];
    const w2 = counts[e2 & POSITION_MASK];
    const w3 = counts[e3 & POSITION_MASK];
    const p0 = w0 * LABEL_VALUE[e0 >>> 31];
    const p1 = w1 * LABEL_VALUE[e1 >>> 31];
    const p2 = w2 * LABEL_VALUE[e2 >>> 31];
    const p3 = w3 * LABEL_VALUE[e3 >>> 31];
    const n0 = w0 - p0;
    const n01 = n0 + (w1 - p1);
    const n2 = w2 - p2;
    sum += p0 * below + p1 * (below + n0) + (p2 * (below + n01) + p3 * (below + (n01 + n2)));
    below += n01 + (n2 + (w3 - p3));
    positives += p0 + p1 + (p2 + p3);
  }
  for (; i < n; i++) {
    const entry = order[i];
    const weight = counts[entry & POSITION_MASK];
    const positive = weight * LABEL_VALUE[entry >>> 31];
    sum += positive * below;
    below += weight - positive;
    positives += positive;
  }
  const groups = state.challengerMixedGroups;
  let tied = 0;
  for (let g = 0; g < groups.length; g += 2) {
    let groupPositives = 0;
    let groupWeight = 0;
    for (let k = groups[g]; k < groups[g + 1]; k++) {
      const entry = order[k];
      const weight = counts[entry & POSITION_MASK];
      groupPositives += weight * LABEL_VALUE[entry >>> 31];
      groupWeight += weight;
    }
    tied += groupPositives * (groupWeight - groupPositives);
  }
  if (positives === 0 || below === 0) return NaN;
  return (2 * sum - tied) / (2 * positives * below);
}
