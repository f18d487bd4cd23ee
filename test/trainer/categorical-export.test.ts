// The exporter extension the trainer relies on (src/model/export/one-hot.ts, graph-parts.ts):
// string inputs one-hot encoded inside the graph, checked against the formula in TypeScript.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportBinaryLogisticRegression } from "../../src/model/export/logistic-regression.ts";
import { exportLinearRegression } from "../../src/model/export/linear-regression.ts";
import { encodedColumnNames } from "../../src/model/export/one-hot.ts";
import { addFeatureInput, GraphBuilder } from "../../src/model/export/graph-parts.ts";
import { readModelSummary } from "../../src/model/onnx-summary.ts";
import { loadOrt } from "../../src/model/ort.ts";
import { closeModel, loadModel, predict } from "../../src/model/runner.ts";
import { assertClose, makeTable, sigmoid } from "../model/helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "categorical-export-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// Encoded columns: amount, device=chip, device=online, hour.
const MODEL = {
  featureNames: ["amount", "device", "hour"],
  categories: { device: ["chip", "online"] },
  weights: [0.8, -0.5, 1.25, -0.3],
  intercept: -1.5,
  standardization: { mean: [40, 0.6, 0.3, 12], scale: [20, 0.5, 0.4, 6] },
};

/** The same formula in float64 on float32-rounded numbers: sigmoid(Σ w_j (x_j − m_j) / s_j + b). */
function expectedProbability(amount: number, device: string | null, hour: number): number {
  const encoded = [Math.fround(amount), device === "chip" ? 1 : 0, device === "online" ? 1 : 0, Math.fround(hour)];
  let z = MODEL.intercept;
  encoded.forEach(
    (x, j) => (z += (MODEL.weights[j] * (x - MODEL.standardization.mean[j])) / MODEL.standardization.scale[j]),
  );
  return sigmoid(z);
}

const AMOUNTS = [12.5, 80, 35.25, 300, 5, 50, 50];
const DEVICES = ["chip", "online", "virtual_card", null, "online", "virtual_card", null];
const HOURS = [3, 14, 23, 9, 0, 10, 10];

test("encoded columns: a numeric feature is one column, a categorical one a column per category", () => {
  assert.deepEqual(encodedColumnNames(["amount", "device"], { device: ["chip", "online"] }), [
    "amount",
    "device=chip",
    "device=online",
  ]);
  assert.deepEqual(encodedColumnNames(["amount", "hour"]), ["amount", "hour"]);
});

test("a categorical feature is a string [N, 1] input; onnxruntime's output equals the formula; unseen and missing encode to zeros", async () => {
  const bytes = exportBinaryLogisticRegression(MODEL);
  const summary = readModelSummary(bytes);
  assert.deepEqual(
    summary.inputs.map((input) => [input.name, input.type]),
    [
      ["amount", { kind: "tensor", elemType: 1, shape: ["N", 1] }],
      ["device", { kind: "tensor", elemType: 8, shape: ["N", 1] }],
      ["hour", { kind: "tensor", elemType: 1, shape: ["N", 1] }],
    ],
  );
  assert.deepEqual(summary.opsetImports, [
    { domain: "", version: 17 },
    { domain: "ai.onnx.ml", version: 3 },
  ]);
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(bytes);
  try {
    const n = AMOUNTS.length;
    const out = await session.run({
      amount: new ort.Tensor("float32", Float32Array.from(AMOUNTS), [n, 1]),
      device: new ort.Tensor(
        "string",
        DEVICES.map((d) => d ?? ""),
        [n, 1],
      ),
      hour: new ort.Tensor("float32", Float32Array.from(HOURS), [n, 1]),
    });
    assert.deepEqual(out.probabilities.dims, [n, 2]);
    const positive = Array.from(out.probabilities.data as Float32Array).filter((_, i) => i % 2 === 1);
    assertClose(
      positive,
      AMOUNTS.map((a, i) => expectedProbability(a, DEVICES[i], HOURS[i])),
      1e-6,
      "P(1)",
    );
    // An unseen value and a missing one ("") both encode to device=chip = device=online = 0.
    assert.equal(positive[5], positive[6]);
    assert.deepEqual(
      Array.from(out.label.data as BigInt64Array, Number),
      positive.map((p) => (p > 0.5 ? 1 : 0)),
    );
  } finally {
    await session.release();
  }
});

test("predict() scores a Table with a categorical column end to end (missing code -1 and unseen values included)", async () => {
  const path = join(dir, "categorical.onnx");
  writeFileSync(path, exportBinaryLogisticRegression(MODEL));
  const handle = await loadModel(path);
  try {
    // Column order in the table differs from the model's inputs: they are matched by name.
    const table = makeTable({ hour: HOURS, device: DEVICES, amount: AMOUNTS });
    const prediction = await predict(handle, table, MODEL.featureNames, "binary");
    assertClose(
      prediction.scores,
      AMOUNTS.map((a, i) => expectedProbability(a, DEVICES[i], HOURS[i])),
      1e-6,
      "scores",
    );
  } finally {
    await closeModel(handle);
  }
});

test("other exporters take categorical features too: a linear regression", async () => {
  const bytes = exportLinearRegression({
    featureNames: ["device", "amount"],
    categories: { device: ["a", "b", "c"] },
    weights: [1, 2, 3, 0.5],
    intercept: 10,
  });
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({
      device: new ort.Tensor("string", ["a", "c", "z"], [3, 1]),
      amount: new ort.Tensor("float32", Float32Array.from([4, 4, 4]), [3, 1]),
    });
    assert.deepEqual(Array.from(out.variable.data as Float32Array), [13, 15, 12]); // 10 + w_device + 0.5·4
  } finally {
    await session.release();
  }
});

test("bad category lists and layouts are UserErrors that say what to change", () => {
  const add = (options: Parameters<typeof addFeatureInput>[1]) => () => addFeatureInput(new GraphBuilder(), options);
  assert.throws(add({ featureNames: ["a", "d"], categories: { d: ["x"] }, inputLayout: "matrix" }), {
    name: "UserError",
    message: /categorical features \(d\) need inputLayout "per-feature"/,
  });
  assert.throws(add({ featureNames: ["a"], categories: { d: ["x"] } }), {
    name: "UserError",
    message: /categories are given for "d", which is not one of the features \["a"\]/,
  });
  assert.throws(add({ featureNames: ["d"], categories: { d: [] } }), {
    name: "UserError",
    message: /categorical feature "d" has no categories/,
  });
  assert.throws(add({ featureNames: ["d"], categories: { d: ["x", "x"] } }), {
    name: "UserError",
    message: /categories of "d" must be distinct; got \["x","x"\]/,
  });
  assert.throws(add({ featureNames: ["d"], categories: { d: ["x", ""] } }), {
    name: "UserError",
    message: /include "", which stands for a missing value/,
  });
  // Standardisation covers the encoded columns: 1 + 2 here, not 2 features.
  assert.throws(
    add({ featureNames: ["a", "d"], categories: { d: ["x", "y"] }, standardization: { mean: [0, 0], scale: [1, 1] } }),
    { message: /standardization\.mean has 2 values; expected 3/ },
  );
  assert.throws(
    add({
      featureNames: ["a", "d"],
      categories: { d: ["x", "y"] },
      standardization: { mean: [0, 0, 0], scale: [1, 0, 1] },
    }),
    { message: /standardization\.scale\[1\] \(feature "d=x"\) is 0/ },
  );
});
