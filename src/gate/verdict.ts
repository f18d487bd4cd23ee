/**
 * The promotion verdict: decided on the confidence interval of the paired difference, not on
 * point estimates, because on a few hundred held-out rows a retrained model "wins" by noise. Pure.
 */
import type { FloorMiss, GuardrailFinding, Reason } from "./reasons.ts";

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
  /** The figures behind the status; report/reason-text.ts says them. */
  finding: GuardrailFinding;
}

export interface VerdictDecision {
  verdict: Verdict;
  /** The interval of the improvement (positive = challenger better), whatever the metric's direction. */
  improvementLow: number;
  improvementHigh: number;
  reasons: Reason[];
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
  const failed = guardrails.filter((g) => g.status === "fail");
  const decided = (verdict: Verdict, reasons: Reason[]): VerdictDecision => ({
    verdict,
    improvementLow,
    improvementHigh,
    reasons,
  });
  const { metric, confidence } = primary;
  if (!Number.isFinite(improvementLow) || !Number.isFinite(improvementHigh))
    return decided("inconclusive", [{ code: "interval-not-computed", metric, confidence }]);
  if (failed.length)
    return decided(
      "reject",
      failed.map((g) => ({ code: "guardrail-failed", guardrail: g.name, finding: g.finding })),
    );
  const interval = { metric, confidence, low: improvementLow, high: improvementHigh };
  if (improvementLow > minImprovement)
    return decided("promote", [
      minImprovement < 0
        ? { code: "challenger-non-inferior", ...interval, margin: minImprovement }
        : { code: "challenger-better", ...interval, threshold: minImprovement },
    ]);
  if (improvementHigh < Math.min(0, minImprovement))
    return decided("reject", [{ code: "challenger-worse", ...interval, threshold: Math.min(0, minImprovement) }]);
  return decided("inconclusive", [{ code: "no-reliable-difference", ...interval, threshold: minImprovement }]);
}

/** A first model has nothing to beat: it passes when every configured absolute floor holds. */
export function decideFirstModel(
  values: Record<string, { value: number; direction: Direction } | undefined>,
  floors: Record<string, number>,
): { verdict: Verdict; reasons: Reason[]; floors: GuardrailResult[] } {
  const results: GuardrailResult[] = Object.entries(floors).map(([metric, floor]) => {
    const v = values[metric];
    if (!v || !Number.isFinite(v.value)) {
      return {
        name: `min_value.${metric}`,
        status: "fail",
        limit: floor,
        finding: { code: "floor-not-computed", metric, floor },
      };
    }
    const ok = v.direction === "higher" ? v.value >= floor : v.value <= floor;
    return {
      name: `min_value.${metric}`,
      status: ok ? "pass" : "fail",
      challenger: v.value,
      limit: floor,
      finding: {
        code: ok ? "metric-meets-floor" : "metric-misses-floor",
        metric,
        value: v.value,
        floor,
        direction: v.direction,
      },
    };
  });
  const missed = results.map((r) => r.finding).filter((f): f is FloorMiss => isFloorMiss(f));
  const reasons: Reason[] = missed.length
    ? missed
    : [{ code: results.length ? "first-model-floors-hold" : "first-model-no-floors" }];
  return { verdict: missed.length ? "reject" : "promote", reasons, floors: results };
}

function isFloorMiss(f: GuardrailFinding): f is FloorMiss {
  return f.code === "metric-misses-floor" || f.code === "floor-not-computed";
}
