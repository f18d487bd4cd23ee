import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { modelSlug, recordPathOfBranch, retrainBranch, retrainRecordPath } from "../../bot/retrain-branch.ts";

describe("retrain branch and record names", () => {
  it("keeps config-style names and rewrites what git refuses in a ref", () => {
    const cases: Array<[string, string]> = [
      ["fraud", "fraud"],
      ["fraud_v2.1-b", "fraud_v2.1-b"],
      ["fraud..v2.", "fraud.v2"],
      ["model.lock", "model-lock"],
      ["../../etc/passwd", "etc-passwd"],
      ["a b~c^d:e?f*g[h\\i", "a-b-c-d-e-f-g-h-i"],
      ["...", "model"],
      ["x".repeat(80), "x".repeat(64)],
    ];
    for (const [model, slug] of cases) assert.equal(modelSlug(model), slug, model);
    assert.equal(retrainBranch("fraud"), "modelkeeper/retrain/fraud");
    assert.equal(retrainRecordPath("fraud..v2"), ".modelkeeper/retrain/fraud.v2.json");
  });

  it("maps a retrain branch back to its record, and nothing else", () => {
    assert.equal(recordPathOfBranch("modelkeeper/retrain/churn"), ".modelkeeper/retrain/churn.json");
    assert.equal(recordPathOfBranch("modelkeeper/retrain/"), undefined);
    assert.equal(recordPathOfBranch("modelkeeper/retrain/a/../b"), undefined);
    assert.equal(recordPathOfBranch("feature/retrain/churn"), undefined);
  });
});
