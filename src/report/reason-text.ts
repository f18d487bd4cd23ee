/**
 * The sentences of the gate's structured reasons, guardrail findings and warnings
 * (`gate/reasons.ts`): the one place their wording lives. Pure.
 */
import type { GuardrailFinding, HoldoutReason, Reason, Warning } from "../gate/reasons.ts";
import { formatNumber } from "./format-number.ts";

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;
const interval = (low: number, high: number) => `[${formatNumber(low)}, ${formatNumber(high)}]`;
const signed = (value: number) => `${value > 0 ? "+" : ""}${formatNumber(value)}`;

/** One reason as the report says it; prefixed with its held-out set's name when it has one. */
export function reasonText(reason: HoldoutReason): string {
  const text = sentenceOf(reason);
  return reason.judgedOn === undefined ? text : `${reason.judgedOn}: ${text}`;
}

function sentenceOf(r: Reason): string {
  switch (r.code) {
    case "interval-not-computed":
      return `the ${percent(r.confidence)} interval of the ${r.metric} difference could not be computed`;
    case "guardrail-failed":
      return `guardrail ${r.guardrail} failed: ${findingText(r.finding)}`;
    case "challenger-non-inferior":
      return `the challenger is non-inferior: the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} stays above the margin ${formatNumber(r.margin)}`;
    case "challenger-better":
      return `the challenger is better: the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} lies above ${formatNumber(r.threshold)}`;
    case "challenger-worse":
      return `the challenger is worse: the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} lies below ${formatNumber(r.threshold)}`;
    case "no-reliable-difference":
      return `the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} includes ${formatNumber(r.threshold)}: no reliable difference, the champion stays`;
    case "first-model-floors-hold":
      return "no champion yet, and every absolute floor (evaluate.min_value) holds";
    case "first-model-no-floors":
      return "no champion yet and no absolute floors configured (evaluate.min_value): nothing to gate on";
    case "metric-misses-floor":
    case "floor-not-computed":
      return findingText(r);
    case "primary-metric-undefined":
      return primaryUndefinedText(r);
    case "challenger-is-champion":
      return "the challenger is the champion's artifact";
    default:
      return unknownCode(r);
  }
}

/** What a guardrail found, as the guardrail table's detail column says it. */
export function findingText(f: GuardrailFinding): string {
  switch (f.code) {
    case "latency-median-ratio": {
      const perRow = (micros: number) => `${formatNumber(micros, 2)} µs/row`;
      return (
        `median challenger/champion latency ratio ${formatNumber(f.ratio, 2)} over ${f.rounds} interleaved rounds ` +
        `(${percent(f.confidence)} CI ${formatNumber(f.low, 2)}–${formatNumber(f.high, 2)}) ${f.exceeds ? "exceeds" : "within"} the limit ${f.limit}; ` +
        `median ${perRow(f.challengerMicrosPerRow)} vs ${perRow(f.championMicrosPerRow)}`
      );
    }
    case "size-mb":
      return `${formatNumber(f.megabytes, 2)} MB`;
    case "size-ratio":
      return `${formatNumber(f.ratio, 2)}× the champion's size`;
    case "metric-not-worse":
      return "not worse";
    case "metric-worse-by":
      return `worse by ${formatNumber(f.worsening)}`;
    case "metric-not-computed":
      return `${f.metric} could not be computed`;
    case "unknown-metric":
      return `unknown metric "${f.metric}"`;
    case "metric-meets-floor":
    case "metric-misses-floor":
      return `${f.metric} ${formatNumber(f.value)} ${f.code === "metric-meets-floor" ? "meets" : "misses"} the floor ${f.direction === "higher" ? "≥" : "≤"} ${f.floor}`;
    case "floor-not-computed":
      return `${f.metric} could not be computed, so the floor ${f.floor} cannot be checked`;
    case "slice-worse":
      return `${f.metric} ${signed(f.delta)} on ${f.rows} rows: the whole interval is worse than the margin ${f.margin}`;
    default:
      return unknownCode(f);
  }
}

/** One warning as the report says it. */
export function warningText(w: Warning): string {
  switch (w.code) {
    case "primary-metric-undefined":
      return primaryUndefinedText(w);
    case "slice-column-missing":
      return `slice column "${w.column}" is not in the held-out set: not reported.`;
    case "slice-column-too-many-values":
      return `slice column "${w.column}" is numeric with ${w.distinct} distinct values: bin it into a categorical column to slice on it.`;
    case "latency-p95-ratio-renamed":
      return `models.${w.model}.evaluate.guardrails.latency_p95_ratio is the old name of latency_median_ratio (the gate decides on the median latency ratio): rename it.`;
    case "gate-settings-changed": {
      const shown = w.changes
        .slice(0, 6)
        .map((c) => `${c.key}: ${JSON.stringify(c.before ?? null)} → ${JSON.stringify(c.after ?? null)}`);
      const more = w.changes.length > shown.length ? ` and ${w.changes.length - shown.length} more` : "";
      return (
        `this pull request changes how the model is judged (${shown.join("; ")}${more}). ` +
        (w.judgedWith === "base"
          ? "It is judged here with the base branch's settings, but once merged, promote judges every later model with the new ones: review them like code."
          : `It is judged here with this branch's settings${w.changes.some((c) => c.key.startsWith("data.holdout")) ? " (but on the base's held-out set)" : ""}: review them like code.`)
      );
    }
    case "holdout-notice":
      return w.text;
    case "champion-tag-ignored":
      return `${w.tag} is not a champion modelkeeper made (${w.why}): ignored.`;
    case "retrained-unknown":
      return `whether the model was retrained is not known: a record line cannot be read (${w.error}).`;
    case "inputs-changed-artifact-did-not":
      return "the recorded inputs (data, code or config) changed but the artifact did not: was the model retrained? Run the train command and commit the new artifact.";
    default:
      return unknownCode(w);
  }
}

function primaryUndefinedText(r: { metric: string; holdout: string; why: string }): string {
  return `${r.metric}, the primary metric, cannot be computed on ${r.holdout} (${r.why}), so there is no verdict on it: the champion stays. Add rows of every class to the held-out set.`;
}

/** Unreachable while every code has a case (the compiler checks); a value from elsewhere still prints. */
function unknownCode(value: never): string {
  return JSON.stringify(value);
}
