/**
 * ROC AUC of training-set scores, for the summary the train script prints: the rank-sum
 * (Mann-Whitney) form, AUC = (Σ ranks of positives − n₊(n₊+1)/2) / (n₊·n₋) with tied scores given
 * their average rank, equal to sklearn.metrics.roc_auc_score. NaN when a class is absent.
 * (Self-contained so the bundled trainer stays small; evaluate uses src/stats/metrics/roc-auc.ts.)
 *
 * Example: labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → ranks of positives 2 and 4,
 * (6 − 3) / (2·2) = 0.75.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k]] === 1) {
        rankSum += averageRank;
        positives++;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
