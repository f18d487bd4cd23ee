/**
 * The latency guardrail, judged so timing noise cannot fail it. Batches are timed interleaved
 * (champion, challenger, champion, …) on the same rows, so drifts in machine load hit both
 * models alike; each round gives one ratio challenger/champion. The guardrail fails only when
 * the whole confidence interval of the median ratio lies above the limit: two models of the
 * same architecture (true ratio 1) would need a noise excursion past 1.5× in most rounds. Pure.
 */
import { quantileSorted } from "../stats/numeric/quantile.ts";
import type { GuardrailFinding } from "./reasons.ts";

export interface LatencySamples {
  /** Milliseconds per timed batch, one entry per round, in the order they ran. */
  champion: number[];
  challenger: number[];
  rowsPerBatch: number;
}

/** Milliseconds per batch of `rowsPerBatch` rows; the median is what the gate decides on, p95 is reported. */
export interface LatencyJudgement {
  championMedianMs: number;
  championP95Ms: number;
  challengerMedianMs: number;
  challengerP95Ms: number;
  /** Median over rounds of challenger/champion. */
  medianRatio: number;
  /** Distribution-free confidence interval of the median ratio (order statistics). */
  ratioLow: number;
  ratioHigh: number;
  limit: number;
  failed: boolean;
  finding: GuardrailFinding & { code: "latency-median-ratio" };
}

export function judgeLatency(samples: LatencySamples, limit: number, confidence = 0.99): LatencyJudgement {
  const rounds = Math.min(samples.champion.length, samples.challenger.length);
  if (rounds < 5) throw new Error("latency needs at least 5 interleaved rounds");
  const ratios = Array.from(
    { length: rounds },
    (_, i) => samples.challenger[i] / Math.max(samples.champion[i], 1e-9),
  ).sort((a, b) => a - b);
  const [lo, hi] = medianRankInterval(rounds, confidence);
  const ratioLow = ratios[lo];
  const ratioHigh = ratios[hi];
  const medianRatio = quantileSorted(ratios, 0.5);
  const failed = ratioLow > limit;
  const j = {
    championMedianMs: quantileSorted(sorted(samples.champion), 0.5),
    championP95Ms: quantileSorted(sorted(samples.champion), 0.95),
    challengerMedianMs: quantileSorted(sorted(samples.challenger), 0.5),
    challengerP95Ms: quantileSorted(sorted(samples.challenger), 0.95),
  };
  const microsPerRow = (ms: number) => (ms / samples.rowsPerBatch) * 1000;
  return {
    ...j,
    medianRatio,
    ratioLow,
    ratioHigh,
    limit,
    failed,
    finding: {
      code: "latency-median-ratio",
      ratio: medianRatio,
      low: ratioLow,
      high: ratioHigh,
      rounds,
      confidence,
      limit,
      exceeds: failed,
      challengerMicrosPerRow: microsPerRow(j.challengerMedianMs),
      championMicrosPerRow: microsPerRow(j.championMedianMs),
    },
  };
}

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * Ranks (0-based) of the order statistics bounding a confidence interval for the median:
 * with k the largest count such that P(Binomial(n, 1/2) ≤ k − 1) ≤ α/2, the interval is
 * [x_(k), x_(n−k+1)] in 1-based ranks. Too few rounds for the level: the whole range.
 */
export function medianRankInterval(n: number, confidence: number): [number, number] {
  const alpha = 1 - confidence;
  let cumulative = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const next = cumulative + binomialHalf(n, i);
    if (next > alpha / 2) break;
    cumulative = next;
    k = i + 1;
  }
  if (k === 0) return [0, n - 1];
  return [k - 1, n - k];
}

function binomialHalf(n: number, k: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logChoose - n * Math.LN2);
}
