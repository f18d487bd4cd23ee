import { test } from "node:test";
import assert from "node:assert/strict";
import { addFeatureInput, finishModel, GraphBuilder } from "../../../src/model/export/graph-parts.ts";
import { readModelSummary } from "../../../src/model/onnx-summary.ts";

test("feature names must be present and distinct", () => {
  assert.throws(() => addFeatureInput(new GraphBuilder(), { featureNames: [] }), {
    name: "UserError",
    message: /at least one feature/,
  });
  assert.throws(() => addFeatureInput(new GraphBuilder(), { featureNames: ["a", "a"] }), {
    name: "UserError",
    message: /must be distinct; got \["a","a"\]/,
  });
});

test("standardisation parameters are checked: length, finiteness, non-zero scale", () => {
  const check = (mean: number[], scale: number[]) => () =>
    addFeatureInput(new GraphBuilder(), { featureNames: ["a", "b"], standardization: { mean, scale } });
  assert.throws(check([0], [1, 1]), /standardization\.mean has 1 values; expected 2/);
  assert.throws(check([0, NaN], [1, 1]), /standardization\.mean\[1\] is NaN; every parameter must be a finite number/);
  assert.throws(
    check([0, 0], [1, 0]),
    /standardization\.scale\[1\] \(feature "b"\) is 0; use 1 for a constant feature/,
  );
});

test("a matrix input is [batch, F]; a fixed batch size is kept", () => {
  const graph = new GraphBuilder();
  assert.equal(addFeatureInput(graph, { featureNames: ["a", "b", "c"], batchDim: 8 }), "input");
  assert.deepEqual(graph.inputs, [{ name: "input", type: { kind: "tensor", elemType: 1, shape: [8, 3] } }]);
  assert.deepEqual(graph.nodes, []);
});

test("the ai.onnx.ml opset is imported only when an ML operator is used", () => {
  const plain = new GraphBuilder();
  plain.node({ opType: "Identity", inputs: ["x"], outputs: ["y"] });
  assert.deepEqual(readModelSummary(finishModel(plain, "g", "binary", { featureNames: ["x"] })).opsetImports, [
    { domain: "", version: 17 },
  ]);
  const ml = new GraphBuilder();
  ml.node({ opType: "Normalizer", domain: "ai.onnx.ml", inputs: ["x"], outputs: ["y"] });
  assert.deepEqual(readModelSummary(finishModel(ml, "g", "binary", { featureNames: ["x"] })).opsetImports, [
    { domain: "", version: 17 },
    { domain: "ai.onnx.ml", version: 3 },
  ]);
});
