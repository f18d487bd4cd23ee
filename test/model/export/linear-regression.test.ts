import { test } from "node:test";
import assert from "node:assert/strict";
import { exportLinearRegression } from "../../../src/model/export/linear-regression.ts";
import { readModelSummary } from "../../../src/model/onnx-summary.ts";
import { runOnnx } from "../helpers.ts";

test("the doc comment's example: 0.5·4 - 1·1 + 3 = 4, output variable [N, 1]", async () => {
  const bytes = exportLinearRegression({ featureNames: ["a", "b"], weights: [0.5, -1], intercept: 3 });
  const out = await runOnnx(bytes, { input: { data: [4, 1, 0, 0], dims: [2, 2] } });
  assert.deepEqual(out.variable, { dims: [2, 1], data: [4, 3] });
  const summary = readModelSummary(bytes);
  assert.deepEqual(summary.outputs, [{ name: "variable", type: { kind: "tensor", elemType: 1, shape: ["N", 1] } }]);
  assert.deepEqual(summary.metadata, [
    ["modelkeeper.features", '["a","b"]'],
    ["modelkeeper.task", "regression"],
  ]);
});
