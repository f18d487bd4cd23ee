import { test } from "node:test";
import assert from "node:assert/strict";
import { exportBinaryLogisticRegression } from "../../../src/model/export/logistic-regression.ts";
import { readModelSummary } from "../../../src/model/onnx-summary.ts";
import { runOnnx } from "../helpers.ts";

test("the doc comment's example: w = [2], b = -1, x = [1] gives P(1) = sigmoid(1) = 0.7311, label 1", async () => {
  const bytes = exportBinaryLogisticRegression({ featureNames: ["x"], weights: [2], intercept: -1 });
  const out = await runOnnx(bytes, { input: { data: [1, -1], dims: [2, 1] } });
  assert.deepEqual(out.label, { dims: [2], data: [1, 0] });
  assert.deepEqual(out.probabilities.dims, [2, 2]);
  const expected = [1 - 0.7310585786, 0.7310585786, 1 - 0.0474258732, 0.0474258732]; // sigmoid(1), sigmoid(-3)
  out.probabilities.data.forEach((p, i) => assert.ok(Math.abs(p - expected[i]) < 1e-6, `${i}: ${p}`));
});

test("standardisation happens inside the graph: (x - mean) / scale", async () => {
  const bytes = exportBinaryLogisticRegression({
    featureNames: ["a", "b"],
    weights: [1, 1],
    intercept: 0,
    standardization: { mean: [10, -4], scale: [2, 4] },
    outputLayout: "score",
  });
  const out = await runOnnx(bytes, { input: { data: [12, 0], dims: [1, 2] } });
  // z = (12 - 10) / 2 + (0 + 4) / 4 = 2
  assert.deepEqual(out.score.dims, [1, 1]);
  assert.ok(Math.abs(out.score.data[0] - 0.880797078) < 1e-6);
});

test("each output layout declares the outputs a converter would", () => {
  const base = { featureNames: ["a", "b"], weights: [1, 2], intercept: 0 };
  const outputs = (layout: Parameters<typeof exportBinaryLogisticRegression>[0]["outputLayout"]) =>
    readModelSummary(exportBinaryLogisticRegression({ ...base, outputLayout: layout })).outputs.map((o) => [
      o.name,
      o.type,
    ]);
  assert.deepEqual(outputs("label+probabilities"), [
    ["label", { kind: "tensor", elemType: 7, shape: ["N"] }],
    ["probabilities", { kind: "tensor", elemType: 1, shape: ["N", 2] }],
  ]);
  assert.deepEqual(outputs("probabilities"), [["probabilities", { kind: "tensor", elemType: 1, shape: ["N", 2] }]]);
  assert.deepEqual(outputs("score"), [["score", { kind: "tensor", elemType: 1, shape: ["N", 1] }]]);
  assert.deepEqual(outputs("score-vector"), [["score", { kind: "tensor", elemType: 1, shape: ["N"] }]]);
});

test("per-feature inputs are [N, 1] each, named by feature, concatenated in feature order", async () => {
  const bytes = exportBinaryLogisticRegression({
    featureNames: ["a", "b"],
    weights: [1, -1],
    intercept: 0,
    inputLayout: "per-feature",
    outputLayout: "score",
  });
  assert.deepEqual(
    readModelSummary(bytes).inputs.map((i) => [i.name, i.type]),
    [
      ["a", { kind: "tensor", elemType: 1, shape: ["N", 1] }],
      ["b", { kind: "tensor", elemType: 1, shape: ["N", 1] }],
    ],
  );
  const out = await runOnnx(bytes, { a: { data: [3], dims: [1, 1] }, b: { data: [1], dims: [1, 1] } });
  assert.ok(Math.abs(out.score.data[0] - 0.880797078) < 1e-6); // sigmoid(3 - 1)
});
