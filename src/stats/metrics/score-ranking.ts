/**
 * One model's rows sorted by score, with tie groups: the single O(N log N)-free sort (radix) that
 * ROC AUC, average precision, DeLong's test and the bootstrap all reuse.
 *
 * Order: ascending score; inside a group of equal scores, negatives (label 0) before positives,
 * then by row. Putting negatives first lets the bootstrap count AUC ties with one running sum plus
 * a correction over the few "mixed" groups that hold both classes (see bootstrap/roc-auc-kernel.ts).
 *
 * Worked example: labels [1, 0, 1, 0], scores [0.8, 0.8, 0.3, 0.1] give order [3, 2, 1, 0],
 * groupEnds [1, 2, 4] (groups {row 3}, {row 2}, {rows 1, 0}), mixedGroups [2, 4].
 */
import { radixArgsort } from "../numeric/radix-sort.ts";
import { cached, type PreparationCache } from "./types.ts";

export interface ScoreRanking {
  /** Row indices in ascending score order (negatives first within ties). */
  readonly order: Int32Array;
  /** The label (0 or 1) of each position of `order`. */
  readonly sortedLabels: Uint8Array;
  /** The score of each position of `order`. */
  readonly sortedScores: Float64Array;
  /** Exclusive end position of each tie group, ascending; the last equals N. */
  readonly groupEnds: Int32Array;
  /** [start, end) position pairs of the tie groups that contain both labels. */
  readonly mixedGroups: Int32Array;
  readonly positives: number;
  readonly negatives: number;
}

/** Sorts binary labels (0/1, already validated) by score. */
export function rankScores(labels: Float64Array, scores: Float64Array): ScoreRanking {
  const n = labels.length;
  const start = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 0) start[next++] = i;
  const negatives = next;
  for (let i = 0; i < n; i++) if (labels[i] !== 0) start[next++] = i;
  const order = radixArgsort(scores, start);

  const sortedLabels = new Uint8Array(n);
  const sortedScores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = order[i];
    sortedLabels[i] = labels[row];
    sortedScores[i] = scores[row];
  }
  const ends = new Int32Array(n);
  let groupCount = 0;
  const mixed: number[] = [];
  let groupStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || sortedScores[i] !== sortedScores[groupStart]) {
      ends[groupCount++] = i;
      // negatives come first, so a group is mixed when it starts with 0 and ends with 1
      if (sortedLabels[groupStart] === 0 && sortedLabels[i - 1] === 1) mixed.push(groupStart, i);
      groupStart = i;
    }
  }
  return {
    order,
    sortedLabels,
    sortedScores,
    groupEnds: ends.slice(0, groupCount),
    mixedGroups: Int32Array.from(mixed),
    positives: n - negatives,
    negatives,
  };
}

/** rankScores, computed once per (labels, scores) pair within a preparation cache. */
export function rankScoresCached(labels: Float64Array, scores: Float64Array, cache?: PreparationCache): ScoreRanking {
  const byLabels = cached(cache, "score-ranking", scores, () => new WeakMap<Float64Array, ScoreRanking>());
  let ranking = byLabels.get(labels);
  if (!ranking) {
    ranking = rankScores(labels, scores);
    byLabels.set(labels, ranking);
  }
  return ranking;
}
