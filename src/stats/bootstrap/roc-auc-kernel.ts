/**
 * ROC AUC of both models for four bootstrap resamples at a time, in one sequential O(N) pass per
 * model: the hot loop of the evaluate gate (2,000 resamples x millions of rows).
 *
 * Layout (built once by prepare):
 *  - canonical row order = the champion's ascending score order (ties: negatives first); a row's
 *    bootstrap weight is a function of its canonical position (poisson-weights.ts);
 *  - each model has an order array: entry i = canonical position of its i-th lowest-scored row,
 *    with that row's label in bit 31 (for the champion simply i, plus the label);
 *  - a label (0/1) becomes a double through a two-entry table, so the passes multiply instead of
 *    branching and never mix integer and floating-point sums (which V8 compiles badly).
 * The pass walks a model's order and computes each row's four weights from one hash of its
 * canonical position: the only memory it reads is its own order array, front to back, so the
 * cost per row stays the same however large N grows (a counts array read in the challenger's
 * order stopped fitting in the cache at about a million rows and cost 3x per row at 5M).
 * With negatives first inside each tie group, accumulating
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
import { allLaneWeights, GROUP_LANES, POISSON_BY_BUCKET, rowHash, SALT1, SALT2 } from "./poisson-weights.ts";

export interface RocAucPairState {
  readonly rowCount: number;
  /** i (the canonical position of the champion's i-th lowest score), its label in bit 31. */
  readonly championOrder: Int32Array;
  /** [start, end) positions (champion order) of the champion's tie groups holding both classes. */
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
    const championOrder = new Int32Array(n);
    for (let i = 0; i < n; i++) championOrder[i] = i | (championRanking.sortedLabels[i] << 31);
    const challengerOrder = new Int32Array(n);
    for (let i = 0; i < n; i++)
      challengerOrder[i] = canonicalOfRow[challengerRanking.order[i]] | (challengerRanking.sortedLabels[i] << 31);
    const state: RocAucPairState = {
      rowCount: n,
      championOrder,
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
  evaluate(state, weights, out) {
    out[0] = weightedAuc(state.championOrder, state.championMixedGroups, weights);
    out[1] = weightedAuc(state.challengerOrder, state.challengerMixedGroups, weights);
  },
  resampleGroup(state, key1, key2, out) {
    poissonPass(state.championOrder, state.championMixedGroups, key1, key2, out, 0);
    poissonPass(state.challengerOrder, state.challengerMixedGroups, key1, key2, out, 1);
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

/** One model's midrank AUC with canonical row p counted weights[p] times. */
function weightedAuc(order: Int32Array, mixedGroups: Int32Array, weights: Uint8Array): number {
  let below = 0;
  let sum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; i++) {
    const entry = order[i];
    const weight = weights[entry & POSITION_MASK];
    const positive = weight * LABEL_VALUE[entry >>> 31];
    sum += positive * below;
    below += weight - positive;
    positives += positive;
  }
  let tied = 0;
  for (let g = 0; g < mixedGroups.length; g += 2) {
    let positive = 0;
    let total = 0;
    for (let k = mixedGroups[g]; k < mixedGroups[g + 1]; k++) {
      const entry = order[k];
      const weight = weights[entry & POSITION_MASK];
      positive += weight * LABEL_VALUE[entry >>> 31];
      total += weight;
    }
    tied += positive * (total - positive);
  }
  return midrankAuc(sum, tied, positives, below);
}

/**
 * One model's AUC in the four resamples of a group: lane k's value goes to out[2k + model].
 * The two hashes are rowHash (poisson-weights.ts) written out, so that V8 keeps everything in
 * registers; the rare straddling buckets (about 0.05% of rows) fetch all four weights through
 * laneScratch.
 */
function poissonPass(
  order: Int32Array,
  mixedGroups: Int32Array,
  key1: number,
  key2: number,
  out: Float64Array,
  model: number,
): void {
  let below0 = 0;
  let sum0 = 0;
  let positives0 = 0;
  let below1 = 0;
  let sum1 = 0;
  let positives1 = 0;
  let below2 = 0;
  let sum2 = 0;
  let positives2 = 0;
  let below3 = 0;
  let sum3 = 0;
  let positives3 = 0;
  const key3 = key1 ^ SALT1;
  const key4 = (key2 + SALT2) | 0;
  for (let i = 0; i < order.length; i++) {
    const entry = order[i];
    const row = entry & POSITION_MASK;
    const y = LABEL_VALUE[entry >>> 31];
    let h = row ^ key1;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h = ((h ^ (h >>> 16)) + key2) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h ^= h >>> 16;
    let g = row ^ key3;
    g = Math.imul(g ^ (g >>> 16), 0x7feb352d);
    g = Math.imul(g ^ (g >>> 15), 0x846ca68b);
    g = ((g ^ (g >>> 16)) + key4) | 0;
    g = Math.imul(g ^ (g >>> 16), 0x7feb352d);
    g = Math.imul(g ^ (g >>> 15), 0x846ca68b);
    g ^= g >>> 16;
    let w0 = POISSON_BY_BUCKET[h >>> 16];
    let w1 = POISSON_BY_BUCKET[h & 65535];
    let w2 = POISSON_BY_BUCKET[g >>> 16];
    let w3 = POISSON_BY_BUCKET[g & 65535];
    if (w0 < 0 || w1 < 0 || w2 < 0 || w3 < 0) {
      allLaneWeights(h, g, row, key1, key2, laneScratch);
      w0 = laneScratch[0];
      w1 = laneScratch[1];
      w2 = laneScratch[2];
      w3 = laneScratch[3];
    }
    const q0 = w0 * y;
    const q1 = w1 * y;
    const q2 = w2 * y;
    const q3 = w3 * y;
    sum0 += q0 * below0;
    below0 += w0 - q0;
    positives0 += q0;
    sum1 += q1 * below1;
    below1 += w1 - q1;
    positives1 += q1;
    sum2 += q2 * below2;
    below2 += w2 - q2;
    positives2 += q2;
    sum3 += q3 * below3;
    below3 += w3 - q3;
    positives3 += q3;
  }
  const tied = tieCorrections(order, mixedGroups, key1, key2);
  out[model] = midrankAuc(sum0, tied[0], positives0, below0);
  out[2 + model] = midrankAuc(sum1, tied[1], positives1, below1);
  out[4 + model] = midrankAuc(sum2, tied[2], positives2, below2);
  out[6 + model] = midrankAuc(sum3, tied[3], positives3, below3);
}

/** The four weights of a row whose buckets do not decide them all (see poissonPass). */
const laneScratch = new Float64Array(GROUP_LANES);
const tiedScratch = new Float64Array(GROUP_LANES);

/** Per lane, the sum over mixed tie groups of (positive weight) x (negative weight). */
function tieCorrections(order: Int32Array, mixedGroups: Int32Array, key1: number, key2: number): Float64Array {
  let tied0 = 0;
  let tied1 = 0;
  let tied2 = 0;
  let tied3 = 0;
  const key3 = key1 ^ SALT1;
  const key4 = (key2 + SALT2) | 0;
  for (let group = 0; group < mixedGroups.length; group += 2) {
    let positive0 = 0;
    let total0 = 0;
    let positive1 = 0;
    let total1 = 0;
    let positive2 = 0;
    let total2 = 0;
    let positive3 = 0;
    let total3 = 0;
    for (let k = mixedGroups[group]; k < mixedGroups[group + 1]; k++) {
      const entry = order[k];
      const row = entry & POSITION_MASK;
      const y = LABEL_VALUE[entry >>> 31];
      const h = rowHash(row, key1, key2);
      const g = rowHash(row, key3, key4);
      let w0 = POISSON_BY_BUCKET[h >>> 16];
      let w1 = POISSON_BY_BUCKET[h & 65535];
      let w2 = POISSON_BY_BUCKET[g >>> 16];
      let w3 = POISSON_BY_BUCKET[g & 65535];
      if (w0 < 0 || w1 < 0 || w2 < 0 || w3 < 0) {
        allLaneWeights(h, g, row, key1, key2, laneScratch);
        w0 = laneScratch[0];
        w1 = laneScratch[1];
        w2 = laneScratch[2];
        w3 = laneScratch[3];
      }
      positive0 += w0 * y;
      total0 += w0;
      positive1 += w1 * y;
      total1 += w1;
      positive2 += w2 * y;
      total2 += w2;
      positive3 += w3 * y;
      total3 += w3;
    }
    tied0 += positive0 * (total0 - positive0);
    tied1 += positive1 * (total1 - positive1);
    tied2 += positive2 * (total2 - positive2);
    tied3 += positive3 * (total3 - positive3);
  }
  tiedScratch[0] = tied0;
  tiedScratch[1] = tied1;
  tiedScratch[2] = tied2;
  tiedScratch[3] = tied3;
  return tiedScratch;
}

/** (2 S - ties) / (2 P N), NaN when a class has no weight. */
function midrankAuc(sum: number, tied: number, positives: number, negatives: number): number {
  return positives === 0 || negatives === 0 ? NaN : (2 * sum - tied) / (2 * positives * negatives);
}
