/**
 * The rollout's verdict on one look: the canary (or shadow) against the stable model on the same
 * step's window, three signals, each tested at the look's significance level `alpha` (one-sided:
 * only "the canary is worse" reverts):
 * Each evidence's `detail` starts with the signal's name, so a revert reason names it.
 *   - error_rate: Newcombe's interval of (canary − stable) error rate; breach when its lower bound
 *     exceeds error_rate_margin.
 *   - latency: distribution-free order-statistic interval of each median (as evaluate's latency
 *     guardrail); breach when the canary median's lower bound exceeds latency_median_ratio × the
 *     stable median's upper bound.
 *   - prediction_mix: two-sample Kolmogorov–Smirnov on the scores (or predicted classes); breach when
 *     the statistic exceeds prediction_ks and its p-value is below alpha (a real and a large shift).
 * The fourth signal, live quality on the rows whose labels came back, is live-quality-signal.ts;
 * it has its own looks (state.ts), as labels arrive on their own schedule.
 * A shadow's latency is not compared: its runs are fitted in after the answers, sharing the event
 * loop with the next request, so their times measure the server's load as much as the model.
 * Pure: windows and thresholds in, evidence out.
 */
import type { RolloutConfig } from "../config/types.ts";
import type { EndpointWindow } from "./endpoint-window.ts";
import { newcombeDifference } from "./newcombe-interval.ts";
import { medianRankInterval } from "../gate/latency.ts";
import { ksTwoSample } from "../stats/tests/ks-two-sample.ts";

export type Signal = "error_rate" | "latency" | "prediction_mix" | "live_quality";

export interface SignalEvidence {
  signal: Signal;
  breached: boolean;
  /** The significance level this look spent on the signal. */
  alpha: number;
  /** live_quality: the metric compared (roc_auc, misclassification, mae). */
  metric?: string;
  /** The numbers behind the decision (rates, bounds, statistic), for the record and the endpoint. */
  figures: Record<string, number>;
  /** One sentence naming the figures, used as the revert reason. */
  detail: string;
}

export type Thresholds = Pick<RolloutConfig, "error_rate_margin" | "latency_median_ratio" | "prediction_ks">;

export function analyseWindows(
  stable: EndpointWindow,
  challenger: EndpointWindow,
  thresholds: Thresholds,
  alpha: number,
  options: { shadow?: boolean } = {},
): SignalEvidence[] {
  const time = options.shadow
    ? {
        signal: "latency" as const,
        breached: false,
        alpha,
        figures: {},
        detail:
          "latency: not compared in shadow (the shadow runs after the answers, so its times are not the ones clients see)",
      }
    : latency(stable, challenger, thresholds.latency_median_ratio, alpha);
  return [
    errorRate(stable, challenger, thresholds.error_rate_margin, alpha),
    time,
    predictionMix(stable, challenger, thresholds.prediction_ks, alpha),
  ];
}

/** A two-sided interval at 1 − 2α has a one-sided bound at level α. */
const twoSided = (alpha: number) => 1 - 2 * alpha;

function errorRate(stable: EndpointWindow, challenger: EndpointWindow, margin: number, alpha: number): SignalEvidence {
  const d = newcombeDifference(challenger.errors, challenger.requests, stable.errors, stable.requests, twoSided(alpha));
  const figures = {
    canary_errors: challenger.errors,
    canary_requests: challenger.requests,
    stable_errors: stable.errors,
    stable_requests: stable.requests,
    difference: d.difference,
    low: d.low,
    high: d.high,
    margin,
  };
  if (!Number.isFinite(d.low))
    return { signal: "error_rate", breached: false, alpha, figures, detail: "error_rate: no requests yet on one side" };
  const breached = d.low > margin;
  return {
    signal: "error_rate",
    breached,
    alpha,
    figures,
    detail:
      `error_rate: canary ${rate(challenger)} (${challenger.errors}/${challenger.requests}) vs stable ${rate(stable)} (${stable.errors}/${stable.requests}): ` +
      `difference ${pct(d.difference)}, lower bound ${pct(d.low)} ${breached ? ">" : "≤"} margin ${pct(margin)} (α ${alpha.toExponential(2)})`,
  };
}

function latency(stable: EndpointWindow, challenger: EndpointWindow, ratio: number, alpha: number): SignalEvidence {
  const s = medianInterval(stable.latencyMs, alpha);
  const c = medianInterval(challenger.latencyMs, alpha);
  const figures = {
    canary_median_ms: c.median,
    canary_low_ms: c.low,
    canary_high_ms: c.high,
    stable_median_ms: s.median,
    stable_low_ms: s.low,
    stable_high_ms: s.high,
    ratio,
  };
  if (!Number.isFinite(s.high) || !Number.isFinite(c.low))
    return { signal: "latency", breached: false, alpha, figures, detail: "latency: no samples yet on one side" };
  const breached = c.low > ratio * s.high;
  return {
    signal: "latency",
    breached,
    alpha,
    figures,
    detail:
      `latency: canary median ${ms(c.median)} (lower bound ${ms(c.low)}) vs stable ${ms(s.median)} (upper bound ${ms(s.high)}): ` +
      `${breached ? "above" : "within"} ${ratio}× the stable upper bound ${ms(ratio * s.high)} (α ${alpha.toExponential(2)})`,
  };
}

function medianInterval(values: number[], alpha: number): { median: number; low: number; high: number } {
  if (values.length === 0) return { median: NaN, low: NaN, high: NaN };
  const sorted = Float64Array.from(values).sort();
  const [lo, hi] = rankInterval(sorted.length, twoSided(alpha));
  const n = sorted.length;
  return { median: (sorted[(n - 1) >> 1] + sorted[n >> 1]) / 2, low: sorted[lo], high: sorted[hi] };
}

/**
 * medianRankInterval costs O(n²) (a log-binomial per rank), and looks repeat the same few
 * (window size, level) pairs: at capacity the size is fixed and the levels are the look budget's.
 */
const rankCache = new Map<string, [number, number]>();
function rankInterval(n: number, confidence: number): [number, number] {
  const key = `${n}:${confidence}`;
  let ranks = rankCache.get(key);
  if (!ranks) {
    if (rankCache.size > 512) rankCache.clear();
    ranks = medianRankInterval(n, confidence);
    rankCache.set(key, ranks);
  }
  return ranks;
}

function predictionMix(
  stable: EndpointWindow,
  challenger: EndpointWindow,
  threshold: number,
  alpha: number,
): SignalEvidence {
  if (stable.scores.length === 0 || challenger.scores.length === 0) {
    return {
      signal: "prediction_mix",
      breached: false,
      alpha,
      figures: { canary_scores: challenger.scores.length, stable_scores: stable.scores.length, threshold },
      detail: "prediction_mix: no scores yet on one side",
    };
  }
  const ks = ksTwoSample(challenger.scores, stable.scores);
  const breached = ks.statistic > threshold && ks.pValue < alpha;
  const figures = {
    statistic: ks.statistic,
    p_value: ks.pValue,
    threshold,
    canary_scores: challenger.scores.length,
    stable_scores: stable.scores.length,
    canary_mean: mean(challenger.scores),
    stable_mean: mean(stable.scores),
  };
  return {
    signal: "prediction_mix",
    breached,
    alpha,
    figures,
    detail:
      `prediction_mix: KS statistic ${ks.statistic.toFixed(3)} ${ks.statistic > threshold ? ">" : "≤"} ${threshold}, p ${ks.pValue.toExponential(2)} ${ks.pValue < alpha ? "<" : "≥"} α ${alpha.toExponential(2)} ` +
      `(mean score ${figures.canary_mean.toFixed(3)} on ${challenger.scores.length} canary rows vs ${figures.stable_mean.toFixed(3)} on ${stable.scores.length} stable rows)`,
  };
}

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

const rate = (w: EndpointWindow) => pct(w.errors / w.requests);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ms = (x: number) => `${x.toFixed(2)} ms`;
