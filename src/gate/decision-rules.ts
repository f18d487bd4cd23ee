/**
 * The gate's decision rules apart from any I/O: no verdict when the primary metric is undefined,
 * the size and metric-margin guardrails, and when a slice fails. Pure.
 */
import type { EvaluateConfig, Task } from "../config/types.ts";
import type { GuardrailResult, Direction } from "./verdict.ts";
import type { GuardrailFinding, PrimaryUndefined } from "./reasons.ts";

type Values = Record<string, { value: number; undefinedReason?: string } | undefined>;

/**
 * Why the primary metric cannot decide on this held-out set, or undefined when it can. When either
 * model has no value for it (one class in the labels, say), there is no verdict: the gate never
 * switches to another metric, which would decide on something the config did not choose.
 */
export function primaryUndefinedReason(
  metric: string,
  holdoutName: string,
  challenger: Values,
  champion: Values,
): PrimaryUndefined | undefined {
  if (Number.isFinite(challenger[metric]?.value) && Number.isFinite(champion[metric]?.value)) return undefined;
  const why = challenger[metric]?.undefinedReason ?? champion[metric]?.undefinedReason ?? "undefined";
  return { code: "primary-metric-undefined", metric, holdout: holdoutName, why };
}

/** max_size_mb and max_size_ratio, when configured. */
export function sizeGuardrails(
  g: EvaluateConfig["guardrails"],
  challengerBytes: number,
  championBytes: number,
): GuardrailResult[] {
  const out: GuardrailResult[] = [];
  if (g.max_size_mb !== undefined) {
    const mb = challengerBytes / 1e6;
    out.push({
      name: "max_size_mb",
      status: mb <= g.max_size_mb ? "pass" : "fail",
      champion: championBytes / 1e6,
      challenger: mb,
      unit: "MB",
      limit: g.max_size_mb,
      finding: { code: "size-mb", megabytes: mb },
    });
  }
  if (g.max_size_ratio !== undefined) {
    const ratio = challengerBytes / Math.max(1, championBytes);
    out.push({
      name: "max_size_ratio",
      status: ratio <= g.max_size_ratio ? "pass" : "fail",
      limit: g.max_size_ratio,
      finding: { code: "size-ratio", ratio },
    });
  }
  return out;
}

/**
 * "Not worse by more than a margin" for ece and brier (binary) and every metric in
 * guardrails.metrics. A configured metric that is unknown or cannot be computed fails the gate.
 */
export function metricMarginGuardrails(
  task: Task,
  g: EvaluateConfig["guardrails"],
  challenger: Values,
  champion: Values,
  directionOf: (metric: string) => Direction | undefined,
): GuardrailResult[] {
  const margins: Record<string, number> =
    task === "binary" ? { ece: g.ece_margin, brier: g.brier_margin, ...g.metrics } : { ...g.metrics };
  return Object.entries(margins).map(([name, margin]): GuardrailResult => {
    const direction = directionOf(name);
    const after = challenger[name]?.value;
    const before = champion[name]?.value;
    if (
      !direction ||
      after === undefined ||
      before === undefined ||
      !Number.isFinite(after) ||
      !Number.isFinite(before)
    ) {
      return {
        name: `${name} not worse by more than ${margin}`,
        status: "fail",
        limit: margin,
        finding: { code: direction ? "metric-not-computed" : "unknown-metric", metric: name },
      };
    }
    const worsening = direction === "higher" ? before - after : after - before;
    return {
      name: `${name} not worse by more than ${margin}`,
      status: worsening <= margin ? "pass" : "fail",
      champion: before,
      challenger: after,
      limit: margin,
      finding:
        worsening <= 0
          ? { code: "metric-not-worse", metric: name }
          : { code: "metric-worse-by", metric: name, worsening },
    };
  });
}

/** The guardrail a failing slice adds to the verdict's list: it rejects like any other. */
export function failingSliceGuardrail(
  slice: { column: string; value: string; rows: number; delta: number },
  metric: string,
  margin: number,
): GuardrailResult {
  const finding: GuardrailFinding = { code: "slice-worse", metric, delta: slice.delta, rows: slice.rows, margin };
  return { name: `slice ${slice.column}=${slice.value}`, status: "fail", finding };
}

/**
 * A slice fails only when it is large enough to gate and the challenger is confidently worse
 * there by more than the margin: the whole interval of the difference lies beyond −margin.
 */
export function sliceStatus(
  slice: { rows: number; ciLow?: number; ciHigh?: number },
  direction: Direction,
  minRows: number,
  margin: number,
): "pass" | "fail" | "not-gated" {
  if (slice.rows < minRows || slice.ciLow === undefined || slice.ciHigh === undefined) return "not-gated";
  const sign = direction === "higher" ? 1 : -1;
  const worstPlausible = Math.max(sign * slice.ciLow, sign * slice.ciHigh);
  return worstPlausible < -margin ? "fail" : "pass";
}
