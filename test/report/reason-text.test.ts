// The sentences of the gate's structured reasons: one row per code, the exact text a user reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findingText, reasonText, warningText } from "../../src/report/reason-text.ts";
import { evaluationJson } from "../../src/report/evaluate-json.ts";
import type { GuardrailFinding, HoldoutReason, Warning } from "../../src/gate/reasons.ts";
import type { ModelEvaluation } from "../../src/gate/result.ts";

const improvement = { metric: "roc_auc", confidence: 0.95, low: 0.004, high: 0.0190001 };

const reasons: Array<[HoldoutReason, string]> = [
  [
    { code: "interval-not-computed", metric: "roc_auc", confidence: 0.95 },
    "the 95% interval of the roc_auc difference could not be computed",
  ],
  [
    { code: "challenger-better", ...improvement, threshold: 0 },
    "the challenger is better: the 95% interval of the roc_auc improvement [0.004, 0.019] lies above 0",
  ],
  [
    { code: "challenger-non-inferior", ...improvement, low: -0.008, margin: -0.01 },
    "the challenger is non-inferior: the 95% interval of the roc_auc improvement [-0.008, 0.019] stays above the margin -0.01",
  ],
  [
    { code: "challenger-worse", ...improvement, low: -0.03, high: -0.01, threshold: 0 },
    "the challenger is worse: the 95% interval of the roc_auc improvement [-0.03, -0.01] lies below 0",
  ],
  [
    { code: "no-reliable-difference", ...improvement, low: -0.004, threshold: 0.01 },
    "the 95% interval of the roc_auc improvement [-0.004, 0.019] includes 0.01: no reliable difference, the champion stays",
  ],
  [
    { code: "guardrail-failed", guardrail: "max_size_mb", finding: { code: "size-mb", megabytes: 5.123 } },
    "guardrail max_size_mb failed: 5.12 MB",
  ],
  [{ code: "first-model-floors-hold" }, "no champion yet, and every absolute floor (evaluate.min_value) holds"],
  [
    { code: "first-model-no-floors" },
    "no champion yet and no absolute floors configured (evaluate.min_value): nothing to gate on",
  ],
  [
    { code: "metric-misses-floor", metric: "roc_auc", value: 0.71234, floor: 0.99, direction: "higher" },
    "roc_auc 0.7123 misses the floor ≥ 0.99",
  ],
  [
    { code: "floor-not-computed", metric: "r2", floor: 0.5 },
    "r2 could not be computed, so the floor 0.5 cannot be checked",
  ],
  [
    { code: "primary-metric-undefined", metric: "roc_auc", holdout: "holdout", why: "only one class in the labels" },
    "roc_auc, the primary metric, cannot be computed on holdout (only one class in the labels), so there is no verdict on it: the champion stays. Add rows of every class to the held-out set.",
  ],
  [{ code: "challenger-is-champion" }, "the challenger is the champion's artifact"],
  [
    { code: "challenger-better", ...improvement, threshold: 0, judgedOn: "base holdout" },
    "base holdout: the challenger is better: the 95% interval of the roc_auc improvement [0.004, 0.019] lies above 0",
  ],
];

const findings: Array<[GuardrailFinding, string]> = [
  [
    {
      code: "latency-median-ratio",
      ratio: 2.956,
      low: 2.5,
      high: 3.1,
      rounds: 25,
      confidence: 0.99,
      limit: 1.5,
      exceeds: true,
      challengerMicrosPerRow: 29.3,
      championMicrosPerRow: 9.876,
    },
    "median challenger/champion latency ratio 2.96 over 25 interleaved rounds (99% CI 2.5–3.1) exceeds the limit 1.5; median 29.3 µs/row vs 9.88 µs/row",
  ],
  [{ code: "size-ratio", ratio: 2.1 }, "2.1× the champion's size"],
  [{ code: "metric-not-worse", metric: "brier" }, "not worse"],
  [{ code: "metric-worse-by", metric: "ece", worsening: 0.030000000000000002 }, "worse by 0.03"],
  [{ code: "metric-not-computed", metric: "recall" }, "recall could not be computed"],
  [{ code: "unknown-metric", metric: "nonsense" }, 'unknown metric "nonsense"'],
  [
    { code: "metric-meets-floor", metric: "log_loss", value: 0.3, floor: 0.4, direction: "lower" },
    "log_loss 0.3 meets the floor ≤ 0.4",
  ],
  [
    { code: "slice-worse", metric: "roc_auc", delta: -0.08123, rows: 500, margin: 0.02 },
    "roc_auc -0.0812 on 500 rows: the whole interval is worse than the margin 0.02",
  ],
  [
    { code: "slice-worse", metric: "rmse", delta: 0.5, rows: 300, margin: 0.1 },
    "rmse +0.5 on 300 rows: the whole interval is worse than the margin 0.1",
  ],
];

const warnings: Array<[Warning, string]> = [
  [
    { code: "slice-column-missing", column: "segment" },
    'slice column "segment" is not in the held-out set: not reported.',
  ],
  [
    { code: "slice-column-too-many-values", column: "amount", distinct: 912 },
    'slice column "amount" is numeric with 912 distinct values: bin it into a categorical column to slice on it.',
  ],
  [
    { code: "latency-p95-ratio-renamed", model: "fraud" },
    "models.fraud.evaluate.guardrails.latency_p95_ratio is the old name of latency_median_ratio (the gate decides on the median latency ratio): rename it.",
  ],
  [
    {
      code: "gate-settings-changed",
      changes: [{ key: "evaluate.min_improvement", before: 0, after: -0.05 }],
      judgedWith: "base",
    },
    "this pull request changes how the model is judged (evaluate.min_improvement: 0 → -0.05). It is judged here with the base branch's settings, but once merged, promote judges every later model with the new ones: review them like code.",
  ],
  [
    {
      code: "gate-settings-changed",
      changes: [
        { key: "data.holdout", before: ["a.csv"], after: ["b.csv"] },
        ...Array.from({ length: 6 }, (_, i) => ({ key: `evaluate.k${i}`, before: i, after: undefined })),
      ],
      judgedWith: "branch",
    },
    'this pull request changes how the model is judged (data.holdout: ["a.csv"] → ["b.csv"]; evaluate.k0: 0 → null; evaluate.k1: 1 → null; evaluate.k2: 2 → null; evaluate.k3: 3 → null; evaluate.k4: 4 → null and 1 more). It is judged here with this branch\'s settings (but on the base\'s held-out set): review them like code.',
  ],
  [{ code: "holdout-notice", text: "the held-out set changed" }, "the held-out set changed"],
  [
    { code: "champion-tag-ignored", tag: "modelkeeper/fraud/v3", why: "a lightweight tag" },
    "modelkeeper/fraud/v3 is not a champion modelkeeper made (a lightweight tag): ignored.",
  ],
  [
    { code: "retrained-unknown", error: "no manifest abc" },
    "whether the model was retrained is not known: a record line cannot be read (no manifest abc).",
  ],
  [
    { code: "inputs-changed-artifact-did-not" },
    "the recorded inputs (data, code or config) changed but the artifact did not: was the model retrained? Run the train command and commit the new artifact.",
  ],
];

for (const [reason, text] of reasons)
  test(`reason ${reason.code}${reason.judgedOn ? " (named held-out set)" : ""}`, () =>
    assert.equal(reasonText(reason), text));
for (const [finding, text] of findings) test(`finding ${finding.code}`, () => assert.equal(findingText(finding), text));
for (const [warning, text] of warnings) test(`warning ${warning.code}`, () => assert.equal(warningText(warning), text));

test("the JSON gives each structured value beside its sentence", () => {
  const floor: GuardrailFinding = {
    code: "metric-misses-floor",
    metric: "roc_auc",
    value: 0.7,
    floor: 0.9,
    direction: "higher",
  };
  const e: ModelEvaluation = {
    model: "fraud",
    task: "binary",
    metric: "roc_auc",
    direction: "higher",
    kind: "first-model",
    verdict: "reject",
    reasons: [floor as HoldoutReason],
    warnings: [{ code: "slice-column-missing", column: "segment" }],
    notices: [],
    errors: [],
    challenger: { label: "working tree", sha256: "0".repeat(64), bytes: 10 },
    holdouts: [
      {
        name: "holdout",
        files: {},
        rows: 10,
        metrics: [],
        guardrails: [{ name: "min_value.roc_auc", status: "fail", challenger: 0.7, limit: 0.9, finding: floor }],
        slices: [],
        decision: { verdict: "reject", improvementLow: NaN, improvementHigh: NaN, reasons: [floor as HoldoutReason] },
      },
    ],
    seed: 1,
    resamples: 10,
    confidence: 0.95,
    minImprovement: 0,
  };
  const json = JSON.parse(JSON.stringify(evaluationJson(e)));
  assert.deepEqual(json.reasons, [floor]);
  assert.deepEqual(json.reasonText, ["roc_auc 0.7 misses the floor ≥ 0.9"]);
  assert.deepEqual(json.warningText, ['slice column "segment" is not in the held-out set: not reported.']);
  assert.deepEqual(json.noticeText, []);
  assert.deepEqual(json.holdouts[0].guardrails[0].detail, "roc_auc 0.7 misses the floor ≥ 0.9");
  assert.deepEqual(json.holdouts[0].guardrails[0].finding, floor);
  assert.deepEqual(json.holdouts[0].decision.reasonText, ["roc_auc 0.7 misses the floor ≥ 0.9"]);
});
