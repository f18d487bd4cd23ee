import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decideVerdict,
  decideFirstModel,
  type PrimaryComparison,
  type GuardrailResult,
} from "../../src/gate/verdict.ts";

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
const failing: GuardrailResult = { name: "latency_p95", status: "fail", detail: "p95 ratio 2.1 > 1.5" };

const table: Array<[string, PrimaryComparison, GuardrailResult[], number, string]> = [
  ["better beyond 0", auc(0.004, 0.019), [], 0, "promote"],
  ["straddles 0", auc(-0.004, 0.019), [], 0, "inconclusive"],
  ["worse", auc(-0.03, -0.01), [], 0, "reject"],
  ["better but not by the required 0.01", auc(0.004, 0.019), [], 0.01, "inconclusive"],
  ["non-inferior within a −0.01 margin though slightly worse", auc(-0.008, -0.002), [], -0.01, "promote"],
  ["worse beyond the −0.01 margin", auc(-0.03, -0.015), [], -0.01, "reject"],
  ["better, but a guardrail fails", auc(0.004, 0.019), [failing], 0, "reject"],
  ["log_loss lower is better: Δ < 0 is an improvement", logLoss(-0.03, -0.01), [], 0, "promote"],
  ["log_loss higher is worse", logLoss(0.01, 0.03), [], 0, "reject"],
  ["an interval that could not be computed", auc(NaN, NaN), [], 0, "inconclusive"],
];

for (const [name, primary, guardrails, minImprovement, expected] of table) {
  test(`verdict: ${name} → ${expected}`, () => {
    const decision = decideVerdict(primary, guardrails, minImprovement);
    assert.equal(decision.verdict, expected);
    assert.ok(decision.reasons.length > 0);
  });
}

test("the improvement interval is oriented so positive means the challenger is better", () => {
  const d = decideVerdict(logLoss(-0.03, -0.01), [], 0);
  assert.deepEqual([d.improvementLow, d.improvementHigh], [0.01, 0.03]);
});

test("a first model passes only when every floor holds; a metric that cannot be computed fails its floor", () => {
  assert.equal(
    decideFirstModel({ roc_auc: { value: 0.85, direction: "higher" } }, { roc_auc: 0.8 }).verdict,
    "promote",
  );
  assert.equal(decideFirstModel({ roc_auc: { value: 0.75, direction: "higher" } }, { roc_auc: 0.8 }).verdict, "reject");
  assert.equal(
    decideFirstModel({ log_loss: { value: 0.3, direction: "lower" } }, { log_loss: 0.4 }).verdict,
    "promote",
  );
  const missing = decideFirstModel({ roc_auc: { value: NaN, direction: "higher" } }, { roc_auc: 0.8 });
  assert.equal(missing.verdict, "reject");
  assert.match(missing.reasons[0], /could not be computed/);
  assert.match(decideFirstModel({}, {}).reasons[0], /no absolute floors configured/);
});
