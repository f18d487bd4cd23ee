/**
 * What the gate's rules decide, as data: each reason, guardrail finding and warning is a code
 * with its figures. The sentences a user reads are rendered in `report/reason-text.ts`; the JSON
 * carries both. Add a code here and its sentence there (the renderer's switch is exhaustive).
 */
import type { KeyChange } from "../provenance/config-section.ts";

type Direction = "higher" | "lower";

/** The interval of the primary metric's improvement (positive = challenger better), at a level. */
interface ImprovementInterval {
  metric: string;
  confidence: number;
  low: number;
  high: number;
}

/** An absolute floor (evaluate.min_value) that did not hold. */
export type FloorMiss =
  | { code: "metric-misses-floor"; metric: string; value: number; floor: number; direction: Direction }
  | { code: "floor-not-computed"; metric: string; floor: number };

/** The primary metric has no value on a held-out set (one class in the labels, say): no verdict on it. */
export interface PrimaryUndefined {
  code: "primary-metric-undefined";
  metric: string;
  holdout: string;
  /** The metric's own reason ("only one class in the labels"), or "undefined". */
  why: string;
}

/** The figures behind one guardrail's pass or fail. */
export type GuardrailFinding =
  | {
      code: "latency-median-ratio";
      /** Median over interleaved rounds of challenger/champion time, and its interval. */
      ratio: number;
      low: number;
      high: number;
      rounds: number;
      confidence: number;
      limit: number;
      exceeds: boolean;
      challengerMicrosPerRow: number;
      championMicrosPerRow: number;
    }
  | { code: "size-mb"; megabytes: number }
  | { code: "size-ratio"; ratio: number }
  | { code: "metric-not-worse"; metric: string }
  | { code: "metric-worse-by"; metric: string; worsening: number }
  | { code: "metric-not-computed"; metric: string }
  | { code: "unknown-metric"; metric: string }
  | { code: "metric-meets-floor"; metric: string; value: number; floor: number; direction: Direction }
  | FloorMiss
  | { code: "slice-worse"; metric: string; delta: number; rows: number; margin: number };

/** Why a verdict (or the absence of one) was reached. */
export type Reason =
  | { code: "interval-not-computed"; metric: string; confidence: number }
  | { code: "guardrail-failed"; guardrail: string; finding: GuardrailFinding }
  | ({ code: "challenger-non-inferior"; margin: number } & ImprovementInterval)
  | ({ code: "challenger-better"; threshold: number } & ImprovementInterval)
  | ({ code: "challenger-worse"; threshold: number } & ImprovementInterval)
  | ({ code: "no-reliable-difference"; threshold: number } & ImprovementInterval)
  | { code: "first-model-floors-hold" }
  | { code: "first-model-no-floors" }
  | FloorMiss
  | PrimaryUndefined
  | { code: "challenger-is-champion" };

/** A reason of one held-out set, named when the model was judged on more than one. */
export type HoldoutReason = Reason & { judgedOn?: string };

/** Said beside the verdict; never decides it. */
export type Warning =
  | PrimaryUndefined
  | { code: "slice-column-missing"; column: string }
  | { code: "slice-column-too-many-values"; column: string; distinct: number }
  /** models.<model>.evaluate.guardrails.latency_p95_ratio: the old name of latency_median_ratio. */
  | { code: "latency-p95-ratio-renamed"; model: string }
  | { code: "gate-settings-changed"; changes: KeyChange[]; judgedWith: "base" | "branch" }
  /** A sentence from a module that still writes its own (gate/holdouts.ts: the held-out set changed). */
  | { code: "holdout-notice"; text: string }
  | { code: "champion-tag-ignored"; tag: string; why: string }
  | { code: "retrained-unknown"; error: string }
  | { code: "inputs-changed-artifact-did-not" };
