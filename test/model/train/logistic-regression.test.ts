import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { trainLogisticRegression } from "../../../src/model/train/logistic-regression.ts";
import { exportBinaryLogisticRegression } from "../../../src/model/export/logistic-regression.ts";
import { assertClose, fixture, makeTable, runOnnx, seededRandom, sigmoid, standardizedLinear } from "../helpers.ts";

/** AUC by the rank-sum (Mann–Whitney) formula: (Σ ranks of positives − n₊(n₊+1)/2) / (n₊ n₋), ties averaged. */
function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from(scores, (score, i) => ({ score, label: labels[i] })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j].score === order[i].score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k].label !== 1) continue;
      rankSum += averageRank;
      positives++;
    }
    i = j;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

test("the rank formula gives the textbook AUC", () => {
  assert.equal(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  assert.equal(auc([1, 1], [0, 1]), 0.5);
});

test("converges on a seeded, nearly separable data set: AUC > 0.9 on fresh rows of the same process", () => {
  const make = (seed: number, n: number) => {
    const random = seededRandom(seed);
    const x1: number[] = [],
      x2: number[] = [],
      noise: number[] = [],
      y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = random() * 200 - 50;
      const b = random() * 24;
      x1.push(a);
      x2.push(b);
      noise.push(random());
      y.push(random() < sigmoid(0.08 * (a - 50) - 0.4 * (b - 12)) ? 1 : 0);
    }
    return makeTable({ amount: x1, hour: x2, noise, label: y });
  };
  const train = make(1, 400);
  const model = trainLogisticRegression(train, ["amount", "hour", "noise"], "label");
  assert.equal(model.converged, true);
  assert.ok(model.iterations < 15, `iterations ${model.iterations}`);
  const holdout = make(2, 400);
  const column = (name: string) => (holdout.columns.find((c) => c.name === name) as { values: Float64Array }).values;
  const scores = Array.from(column("label"), (_, i) =>
    sigmoid(
      standardizedLinear(
        [column("amount")[i], column("hour")[i], column("noise")[i]],
        model.weights,
        model.intercept,
        model.standardization,
      ),
    ),
  );
  const value = auc(scores, column("label"));
  assert.ok(value > 0.9, `AUC ${value}`);
  // The signs the generating process implies; noise carries little weight.
  assert.ok(model.weights[0] > 0 && model.weights[1] < 0 && Math.abs(model.weights[2]) < Math.abs(model.weights[1]));
});

const reference = JSON.parse(readFileSync(fixture("logistic-regression-sklearn.json"), "utf8")) as {
  features: string[];
  label: string;
  columns: Record<string, number[]>;
  fits: Array<{
    l2: number;
    mean: number[];
    scale: number[];
    weights: number[];
    intercept: number;
    probabilityFirstRows: number[];
  }>;
};

for (const fit of reference.fits) {
  test(`matches scikit-learn StandardScaler + LogisticRegression(C = ${1 / fit.l2}) to 1e-8`, () => {
    const model = trainLogisticRegression(makeTable(reference.columns), reference.features, reference.label, {
      l2: fit.l2,
    });
    assert.equal(model.converged, true);
    assertClose(model.standardization.mean, fit.mean, 1e-12, "mean");
    assertClose(model.standardization.scale, fit.scale, 1e-12, "scale");
    assertClose(model.weights, fit.weights, 1e-8, "weights");
    assertClose([model.intercept], [fit.intercept], 1e-8, "intercept");
  });
}

test("the trained model exports to ONNX and reproduces scikit-learn's probabilities (float32, 1e-6)", async () => {
  const fit = reference.fits[0];
  const model = trainLogisticRegression(makeTable(reference.columns), reference.features, reference.label, {
    l2: fit.l2,
  });
  const rows = [0, 1, 2, 3, 4].flatMap((i) => reference.features.map((name) => reference.columns[name][i]));
  const out = await runOnnx(exportBinaryLogisticRegression(model), { input: { data: rows, dims: [5, 3] } });
  assertClose(
    out.probabilities.data.filter((_, i) => i % 2 === 1),
    fit.probabilityFirstRows,
    1e-6,
    "P(1)",
  );
});

test("bad training input is a UserError naming the column", () => {
  const table = makeTable({ x: [1, 2, null], text: ["a", "b", "c"], y: [0, 1, 2] });
  assert.throws(() => trainLogisticRegression(table, ["x"], "y"), {
    name: "UserError",
    message: /label column "y" has the value 2 at data row 3; a binary label must be 0 or 1/,
  });
  const ok = makeTable({ x: [1, 2, null], text: ["a", "b", "c"], y: [0, 1, 1] });
  assert.throws(() => trainLogisticRegression(ok, ["x"], "y"), {
    message: /feature column "x" has a missing value at data row 3/,
  });
  assert.throws(() => trainLogisticRegression(ok, ["text"], "y"), {
    message: /feature column "text" in test-table\.csv holds text/,
  });
  assert.throws(() => trainLogisticRegression(ok, ["nope"], "y"), {
    message: /feature column "nope" is not in test-table\.csv \(columns: x, text, y\)/,
  });
  assert.throws(() => trainLogisticRegression(ok, ["x"], "y", { l2: 0 }), { message: /l2 must be > 0/ });
});

test("a constant feature keeps scale 1, as StandardScaler does, and gets weight 0", () => {
  const model = trainLogisticRegression(
    makeTable({ c: [5, 5, 5, 5], x: [0, 1, 2, 3], y: [0, 0, 1, 1] }),
    ["c", "x"],
    "y",
  );
  assert.deepEqual(model.standardization, { mean: [5, 1.5], scale: [1, Math.sqrt(1.25)] });
  assert.equal(model.weights[0], 0);
  assert.ok(Math.abs(model.weights[1] - 0.9440730815658491) < 1e-9); // the doc comment's example, c aside
});
