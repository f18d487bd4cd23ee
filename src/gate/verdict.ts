/**
 * The promotion verdict: decided on the confidence interval of the paired difference, not on
 * point estimates, because on a few hundred held-out rows a retrained model "wins" by noise. Pure.
 */
import { formatNumber } from "../report/format-number.ts";

export type Verdict = "promote" | "reject" | "inconclusive";
export type Direction = "higher" | "lower";

export interface PrimaryComparison {
  metric: string;
  direction: Direction;
  champion: number;
  challenger: number;
  /** challenger − champion, in the metric's own units. */
  delta: number;
  ciLow: number;
  ciHigh: number;
  confidence: number;
}

type GuardrailStatus = "pass" | "fail" | "not-gated";

export interface GuardrailResult {
  name: string;
  status: GuardrailStatus;
  champion?: number;
  challenger?: number;
  limit?: number;
  /** The unit of champion, challenger and limit, when they have one (e.g. "ms per batch", "MB"). */
  unit?: string;
  detail: string;
}

export interface VerdictDecision {
  verdict: Verdict;
  /** The interval of the improvement (positive = challenger better), whatever the metric's direction. */
  improvementLow: number;
  improvementHigh: number;
  reasons: string[];
}

/**
 * promote: the lower bound of the improvement exceeds min_improvement and no guardrail fails.
 * reject: a guardrail fails, or the upper bound is below min(0, min_improvement): the challenger
 *   is significantly worse, beyond any non-inferiority margin.
 * inconclusive: otherwise; the champion stays.
 *
 * Example: roc_auc, Δ CI [0.004, 0.019], min_improvement 0 → promote. log_loss (lower is better),
 * Δ CI [0.010, 0.030] → improvement CI [−0.030, −0.010] → reject.
 */
export function decideVerdict(
  primary: PrimaryComparison,
  guardrails: GuardrailResult[],
  minImprovement: number,
): VerdictDecision {
  const sign = primary.direction === "higher" ? 1 : -1;
  const a = sign * primary.ciLow;
  const b = sign * primary.ciHigh;
  const improvementLow = Math.min(a, b);
  const improvementHigh = Math.max(a, b);
  const level = `${Math.round(primary.confidence * 100)}%`;
  const failed = guardrails.filter((g) => g.status === "fail");
  const reasons: string[] = [];
  const interval = `[${formatNumber(improvementLow)}, ${formatNumber(improvementHigh)}]`;
  if (!Number.isFinite(improvementLow) || !Number.isFinite(improvementHigh)) {
    return {
      verdict: "inconclusive",
      improvementLow,
      improvementHigh,
      reasons: [`the ${level} interval of the ${primary.metric} difference could not be computed`],
    };
  }
  if (failed.length) {
    reasons.push(...failed.map((g) => `guardrail ${g.name} failed: ${g.detail}`));
    return { verdict: "reject", improvementLow, improvementHigh, reasons };
  }
  if (improvementLow > minImprovement) {
    reasons.push(
      minImprovement < 0
        ? `the challenger is non-inferior: the ${level} interval of the ${primary.metric} improvement ${interval} stays above the margin ${formatNumber(minImprovement)}`
        : `the challenger is better: the ${level} interval of the ${primary.metric} improvement ${interval} lies above ${formatNumber(minImprovement)}`,
    );
    return { verdict: "promote", improvementLow, improvementHigh, reasons };
  }
  if (improvementHigh < Math.min(0, minImprovement)) {
    reasons.push(
      `the challenger is worse: the ${level} interval of the ${primary.metric} improvement ${interval} lies below ${formatNumber(Math.min(0, minImprovement))}`,
    );
    return { verdict: "reject", improvementLow, improvementHigh, reasons };
  }
  reasons.push(
    `the ${level} interval of the ${primary.metric} improvement ${interval} includes ${formatNumber(minImprovement)}: no reliable difference, the champion stays`,
  );
  return { verdict: "inconclusive", improvementLow, improvementHigh, reasons };
}

/** A first model has nothing to beat: it passes when every configured absolute floor holds. */
export function decideFirstModel(
  values: Record<string, { value: number; direction: Direction } | undefined>,
  floors: Record<string, number>,
): { verdict: Verdict; reasons: string[]; floors: GuardrailResult[] } {
  const results: GuardrailResult[] = Object.entries(floors).map(([metric, floor]) => {
    const v = values[metric];
    if (!v || !Number.isFinite(v.value)) {
      return {
        name: `min_value.${metric}`,
        status: "fail",
        limit: floor,
        detail: `${metric} could not be computed, so the floor ${floor} cannot be checked`,
      };
    }
    const ok = v.direction === "higher" ? v.value >= floor : v.value <= floor;
    return {
      name: `min_value.${metric}`,
      status: ok ? "pass" : "fail",
      challenger: v.value,
      limit: floor,
      detail: `${metric} ${formatNumber(v.value)} ${ok ? "meets" : "misses"} the floor ${v.direction === "higher" ? "≥" : "≤"} ${floor}`,
    };
  });
  const failed = results.filter((r) => r.status === "fail");
  const reasons = failed.length
    ? failed.map((f) => f.detail)
    : [
        results.length
          ? "no champion yet, and every absolute floor (evaluate.min_value) holds"
          : "no champion yet and no absolute floors configured (evaluate.min_value): nothing to gate on",
      ];
  return { verdict: failed.length ? "reject" : "promote", reasons, floors: results };
}
