/**
 * The body of `GET /v2/models/{model}/rollout`: the rollout's state, step and percent, the latest
 * look's evidence per signal and the reason, plus `verdict` and `ok` for tools that only read one
 * field (Argo Rollouts' Web metric: jsonPath "{$.ok}", successCondition "result == true"). And the
 * status for `/v2/models/{model}/rollout/gate`, for callers that read the HTTP status (Flagger's
 * webhooks count any non-2xx as a failed check). Pure.
 */
import type { RolloutConfig } from "../config/types.ts";
import type { SignalEvidence } from "./analysis.ts";
import type { LabelCounts, RolloutStatus } from "./state.ts";

export interface RolloutVerdict {
  model: string;
  /** pending: running with no breach so far; pass: every step passed; fail: reverted. */
  verdict: "pending" | "pass" | "fail";
  ok: boolean;
  state: RolloutStatus["state"];
  canary: { sha256: string; commit?: string; version?: string };
  stable?: { sha256: string; version?: string };
  steps: RolloutConfig["steps"];
  step: number;
  percent: RolloutStatus["percent"];
  step_started_at: string;
  requests: { stable: number; canary: number };
  looks: number;
  evidence: SignalEvidence[];
  reason?: string;
  /** Labels posted since this process started (joined, unknown, outside_window, …) and the labelled rows per endpoint in this step. */
  labels: LabelCounts;
  /** false when the canary has no commit (a PATH): nothing is written to git, a restart starts over. */
  recorded: boolean;
}

export function rolloutVerdict(
  input: {
    model: string;
    canary: RolloutVerdict["canary"];
    stable?: RolloutVerdict["stable"];
    steps: RolloutConfig["steps"];
    recorded: boolean;
  },
  status: RolloutStatus,
): RolloutVerdict {
  const verdict = status.state === "reverted" ? "fail" : status.state === "completed" ? "pass" : "pending";
  return {
    model: input.model,
    verdict,
    ok: verdict !== "fail",
    state: status.state,
    canary: input.canary,
    ...(input.stable ? { stable: input.stable } : {}),
    steps: input.steps,
    step: status.step,
    percent: status.percent,
    step_started_at: status.stepStartedAt,
    requests: { stable: status.requests.stable, canary: status.requests.challenger },
    looks: status.looks,
    evidence: status.evidence,
    labels: status.labels,
    ...(status.reason !== undefined ? { reason: status.reason } : {}),
    recorded: input.recorded,
  };
}

/** 200 while the canary is pending or passed, 412 once it was reverted (same body either way). */
export function gateHttpStatus(verdict: RolloutVerdict): 200 | 412 {
  return verdict.ok ? 200 : 412;
}
