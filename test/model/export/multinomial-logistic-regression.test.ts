import { test } from "node:test";
import assert from "node:assert/strict";
import { exportMultinomialLogisticRegression } from "../../../src/model/export/multinomial-logistic-regression.ts";
import { readModelSummary } from "../../../src/model/onnx-summary.ts";
import { runOnnx } from "../helpers.ts";

test("the doc comment's example: logits [2, 0, 0] give [0.7870, 0.1065, 0.1065], label 0", async () => {
  const bytes = exportMultinomialLogisticRegression({
    featureNames: ["a", "b"],
    weights: [1, 0, 0, 0, 1, 0],
    intercepts: [0, 0, 0],
  });
  const out = await runOnnx(bytes, { input: { data: [2, 0, 0, 3], dims: [2, 2] } });
  assert.deepEqual(out.label, { dims: [2], data: [0, 1] });
  const e2 = Math.exp(2);
  const e3 = Math.exp(3);
  const expected = [e2 / (e2 + 2), 1 / (e2 + 2), 1 / (e2 + 2), 1 / (e3 + 2), e3 / (e3 + 2), 1 / (e3 + 2)];
  assert.deepEqual(out.probabilities.dims, [2, 3]);
  out.probabilities.data.forEach((p, i) => assert.ok(Math.abs(p - expected[i]) < 1e-6, `${i}: ${p} vs ${expected[i]}`));
  assert.ok(Math.abs(expected[0] - 0.787) < 1e-3);
  assert.deepEqual(readModelSummary(bytes).metadata[1], ["modelkeeper.task", "multiclass"]);
});

test("fewer than two classes or a weight matrix of the wrong size is refused", () => {
  assert.throws(
    () => exportMultinomialLogisticRegression({ featureNames: ["a"], weights: [1], intercepts: [0] }),
    /at least 2 classes; got 1/,
  );
  assert.throws(
    () => exportMultinomialLogisticRegression({ featureNames: ["a", "b"], weights: [1, 2, 3], intercepts: [0, 0] }),
    /weights has 3 values; expected 4/,
  );
});
