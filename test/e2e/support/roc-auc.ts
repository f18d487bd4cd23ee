/**
 * ROC AUC as the Mann–Whitney statistic with tied scores counted one half, written out here so
 * the end-to-end test checks the gate's delta against an independent computation.
 * Source: Hanley & McNeil (1982), AUC = P(score of a positive > score of a negative).
 * Example: labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 3 of 4 pairs ordered → 0.75.
 */
export function rocAuc(labels: number[], scores: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPositives = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (labels[order[k]] === 1) rankSumPositives += averageRank;
    start = end + 1;
  }
  const positives = labels.filter((l) => l === 1).length;
  const negatives = labels.length - positives;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}
