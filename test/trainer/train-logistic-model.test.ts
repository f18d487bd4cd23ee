import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { trainLogisticModel } from "../../src/trainer/index.ts";
import { closeModel, loadModel, predict } from "../../src/model/runner.ts";
import { readModelSummary } from "../../src/model/onnx-summary.ts";
import { assertClose, makeTable } from "../model/helpers.ts";

interface Fit {
  l2: number;
  maxCategories: number;
  categories: Record<string, string[]>;
  columns: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  intercept: number;
  trainingAuc: number;
  scoringProbabilities: number[];
}
const reference = JSON.parse(
  readFileSync(fileURLToPath(new URL("../fixtures/trainer/one-hot-logistic-sklearn.json", import.meta.url)), "utf8"),
) as {
  features: string[];
  categorical: string[];
  label: string;
  columns: Record<string, Array<number | string>>;
  scoringRows: Record<string, Array<number | string>>;
  fits: Fit[];
};
const trainingTable = makeTable(reference.columns as Record<string, number[] | string[]>, "train.csv");
const scoringTable = makeTable(reference.scoringRows as Record<string, number[] | string[]>, "scoring.csv");
const dir = mkdtempSync(join(tmpdir(), "trainer-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const train = (fit: Fit) =>
  trainLogisticModel({
    table: trainingTable,
    label: reference.label,
    features: reference.features,
    categorical: ["store"],
    l2: fit.l2,
    maxCategories: fit.maxCategories,
  });

for (const fit of reference.fits) {
  test(`matches scikit-learn one-hot + StandardScaler + LogisticRegression (C = ${1 / fit.l2}, at most ${fit.maxCategories} categories) to 1e-8`, () => {
    const { summary } = train(fit);
    assert.equal(summary.converged, true);
    assert.equal(summary.rows, 300);
    assert.equal(summary.positives, 104);
    assert.deepEqual(summary.categories, fit.categories);
    // Our columns are in feature order with categories sorted by name, as the reference's; compare by name anyway.
    assert.deepEqual(
      summary.coefficients.map((c) => c.column),
      fit.columns,
    );
    const byName = new Map(summary.coefficients.map((c) => [c.column, c]));
    const pick = (key: "weight" | "mean" | "scale") => fit.columns.map((column) => byName.get(column)![key]);
    assertClose(pick("mean"), fit.mean, 1e-12, "mean");
    assertClose(pick("scale"), fit.scale, 1e-12, "scale");
    assertClose(pick("weight"), fit.weights, 1e-8, "weights");
    assertClose([summary.intercept], [fit.intercept], 1e-8, "intercept");
    assertClose([summary.trainingAuc], [fit.trainingAuc], 1e-12, "training AUC");
  });
}

test("the ONNX model takes one input per feature and reproduces scikit-learn's probabilities, unseen categories included (float32, 1e-6)", async () => {
  for (const [i, fit] of reference.fits.entries()) {
    const { model } = train(fit);
    assert.deepEqual(
      readModelSummary(model).inputs.map((input) => [input.name, input.type]),
      [
        ["amount", { kind: "tensor", elemType: 1, shape: ["N", 1] }],
        ["device", { kind: "tensor", elemType: 8, shape: ["N", 1] }],
        ["hour", { kind: "tensor", elemType: 1, shape: ["N", 1] }],
        ["country", { kind: "tensor", elemType: 8, shape: ["N", 1] }],
        ["store", { kind: "tensor", elemType: 8, shape: ["N", 1] }],
      ],
    );
    const path = join(dir, `fraud-${i}.onnx`);
    writeFileSync(path, model);
    const handle = await loadModel(path);
    try {
      assert.deepEqual(handle.recordedFeatures, reference.features);
      // The runner feeds the numeric store column to the string input as String(value): 7 → "7", unseen.
      const prediction = await predict(handle, scoringTable, reference.features, "binary");
      assertClose(prediction.scores, fit.scoringProbabilities, 1e-6, "P(fraud)");
    } finally {
      await closeModel(handle);
    }
  }
});

test("a text column is one-hot encoded without being listed as categorical; a numeric one only when listed", () => {
  const table = makeTable({
    amount: [1, 2, 3, 4, 5, 6],
    store: [1, 2, 1, 2, 1, 2],
    device: ["a", "b", "a", "b", "b", "a"],
    y: [0, 1, 0, 1, 1, 0],
  });
  const plain = trainLogisticModel({ table, label: "y", features: ["amount", "store", "device"] });
  assert.deepEqual(plain.summary.categories, { device: ["a", "b"] });
  assert.deepEqual(
    plain.summary.coefficients.map((c) => c.column),
    ["amount", "store", "device=a", "device=b"],
  );
  const listed = trainLogisticModel({
    table,
    label: "y",
    features: ["amount", "store", "device"],
    categorical: ["store"],
  });
  assert.deepEqual(
    listed.summary.coefficients.map((c) => c.column),
    ["amount", "store=1", "store=2", "device=a", "device=b"],
  );
});

test("bad options are UserErrors that say what to change", () => {
  const table = makeTable({ amount: [1, 2, 3], device: ["a", null, "b"], empty: [null, null, null], y: [0, 1, 1] });
  const base = { table, label: "y" };
  assert.throws(() => trainLogisticModel({ ...base, features: ["amount", "y"] }), {
    name: "UserError",
    message: /the label "y" is also listed as a feature/,
  });
  assert.throws(() => trainLogisticModel({ ...base, features: ["amount"], categorical: ["device"] }), {
    name: "UserError",
    message: /categorical column "device" is not one of the features \(amount\)/,
  });
  assert.throws(() => trainLogisticModel({ ...base, features: ["amount", "empty"], categorical: ["empty"] }), {
    name: "UserError",
    message: /categorical column "empty" has no values in test-table.csv/,
  });
  assert.throws(() => trainLogisticModel({ ...base, features: ["amount", "colour"] }), {
    name: "UserError",
    message: /column "colour" is not in test-table.csv \(columns: amount, device, empty, y\)/,
  });
  assert.throws(() => trainLogisticModel({ ...base, features: ["amount"], maxCategories: 0 }), {
    name: "UserError",
    message: /maxCategories must be a positive integer, got 0/,
  });
});
