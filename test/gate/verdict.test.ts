import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decideVerdict,
  decideFirstModel,
  type PrimaryComparison,
  type GuardrailResult,
} from "../../src/gate/verdict.ts";
import type { Reason } from "../../src/gate/reasons.ts";

const auc = (ciLow: number, ciHigh: number): PrimaryComparison => ({
  metric: "roc_auc",
  direction: "higher",
  champion: 0.8,
  challenger: 0.8 + (ciLow + ciHigh) / 2,
  delta: (ciLow + ciHigh) / 2,
  ciLow,
  ciHigh,
  confidence: 0.95,
});
const logLoss = (ciLow: number, ciHigh: number): PrimaryComparison => ({
  ...auc(ciLow, ciHigh),
  metric: "log_loss",
  direction: "lower",
});
const slow = { code: "size-ratio", ratio: 2.1 } as const;
const failing: GuardrailResult = { name: "max_size_ratio", status: "fail", limit: 1.5, finding: slow };
const interval = (metric: string, low: number, high: number) => ({ metric, confidence: 0.95, low, high });

const table: Array<[string, PrimaryComparison, GuardrailResult[], number, string, Reason]> = [
  [
    "better beyond 0",
    auc(0.004, 0.019),
    [],
    0,
    "promote",
    { code: "challenger-better", ...interval("roc_auc", 0.004, 0.019), threshold: 0 },
  ],
  [
    "straddles 0",
    auc(-0.004, 0.019),
    [],
    0,
    "inconclusive",
    { code: "no-reliable-difference", ...interval("roc_auc", -0.004, 0.019), threshold: 0 },
  ],
  [
    "worse",
    auc(-0.03, -0.01),
    [],
    0,
    "reject",
    { code: "challenger-worse", ...interval("roc_auc", -0.03, -0.01), threshold: 0 },
  ],
  [
    "better but not by the required 0.01",
    auc(0.004, 0.019),
    [],
    0.01,
    "inconclusive",
    { code: "no-reliable-difference", ...interval("roc_auc", 0.004, 0.019), threshold: 0.01 },
  ],
  [
    "non-inferior within a −0.01 margin though slightly worse",
    auc(-0.008, -0.002),
    [],
    -0.01,
    "promote",
    { code: "challenger-non-inferior", ...interval("roc_auc", -0.008, -0.002), margin: -0.01 },
  ],
  [
    "worse beyond the −0.01 margin",
    auc(-0.03, -0.015),
    [],
    -0.01,
    "reject",
    { code: "challenger-worse", ...interval("roc_auc", -0.03, -0.015), threshold: -0.01 },
  ],
  [
    "better, but a guardrail fails",
    auc(0.004, 0.019),
    [failing],
    0,
    "reject",
    { code: "guardrail-failed", guardrail: "max_size_ratio", finding: slow },
  ],
  [
    "log_loss lower is better: Δ < 0 is an improvement",
    logLoss(-0.03, -0.01),
    [],
    0,
    "promote",
    { code: "challenger-better", ...interval("log_loss", 0.01, 0.03), threshold: 0 },
  ],
  [
    "log_loss higher is worse",
    logLoss(0.01, 0.03),
    [],
    0,
    "reject",
    { code: "challenger-worse", ...interval("log_loss", -0.03, -0.01), threshold: 0 },
  ],
  [
    "an interval that could not be computed",
    auc(NaN, NaN),
    [],
    0,
    "inconclusive",
    { code: "interval-not-computed", metric: "roc_auc", confidence: 0.95 },
  ],
];

for (const [name, primary, guardrails, minImprovement, expected, reason] of table) {
  test(`verdict: ${name} → ${expected}`, () => {
    const decision = decideVerdict(primary, guardrails, minImprovement);
    assert.equal(decision.verdict, expected);
    assert.deepEqual(decision.reasons, [reason]);
  });
}

test("a guardrail that passes is no reason; every failing one is", () => {
  const passing: GuardrailResult = {
    ...failing,
    name: "max_size_mb",
    status: "pass",
    finding: { code: "size-mb", megabytes: 1 },
  };
  const second: GuardrailResult = { ...failing, name: "slice segment=web" };
  const decision = decideVerdict(auc(0.004, 0.019), [passing, failing, second], 0);
  assert.deepEqual(
    decision.reasons.map((r) => (r.code === "guardrail-failed" ? r.guardrail : r.code)),
    ["max_size_ratio", "slice segment=web"],
  );
});

test("the improvement interval is oriented so positive means the challenger is better", () => {
  const d = decideVerdict(logLoss(-0.03, -0.01), [], 0);
  assert.deepEqual([d.improvementLow, d.improvementHigh], [0.01, 0.03]);
});

const floorCases: Array<
  [string, Parameters<typeof decideFirstModel>[0], Record<string, number>, string, Reason[], string[]]
> = [
  [
    "a floor that holds",
    { roc_auc: { value: 0.85, direction: "higher" } },
    { roc_auc: 0.8 },
    "promote",
    [{ code: "first-model-floors-hold" }],
    ["metric-meets-floor"],
  ],
  [
    "a floor missed",
    { roc_auc: { value: 0.75, direction: "higher" } },
    { roc_auc: 0.8 },
    "reject",
    [{ code: "metric-misses-floor", metric: "roc_auc", value: 0.75, floor: 0.8, direction: "higher" }],
    ["metric-misses-floor"],
  ],
  [
    "a lower-is-better ceiling that holds",
    { log_loss: { value: 0.3, direction: "lower" } },
    { log_loss: 0.4 },
    "promote",
    [{ code: "first-model-floors-hold" }],
    ["metric-meets-floor"],
  ],
  [
    "a lower-is-better ceiling missed",
    { log_loss: { value: 0.5, direction: "lower" } },
    { log_loss: 0.4 },
    "reject",
    [{ code: "metric-misses-floor", metric: "log_loss", value: 0.5, floor: 0.4, direction: "lower" }],
    ["metric-misses-floor"],
  ],
  [
    "a metric that cannot be computed fails its floor",
    { roc_auc: { value: NaN, direction: "higher" } },
    { roc_auc: 0.8 },
    "reject",
    [{ code: "floor-not-computed", metric: "roc_auc", floor: 0.8 }],
    ["floor-not-computed"],
  ],
  [
    "a floor on a metric the task lacks fails",
    {},
    { r2: 0.5 },
    "reject",
    [{ code: "floor-not-computed", metric: "r2", floor: 0.5 }],
    ["floor-not-computed"],
  ],
  ["no floors: nothing to gate on", {}, {}, "promote", [{ code: "first-model-no-floors" }], []],
];

for (const [name, values, floors, verdict, reasons, findings] of floorCases) {
  test(`first model: ${name} → ${verdict}`, () => {
    const decided = decideFirstModel(values, floors);
    assert.equal(decided.verdict, verdict);
    assert.deepEqual(decided.reasons, reasons);
    assert.deepEqual(
      decided.floors.map((f) => f.finding.code),
      findings,
    );
  });
}
