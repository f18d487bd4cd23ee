import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo } from "../support/git-repo.ts";
import { gaussian, prng } from "../support/gate-fixtures.ts";
import { exportLinearRegression } from "../../src/model/export/linear-regression.ts";
import { exportMultinomialLogisticRegression } from "../../src/model/export/multinomial-logistic-regression.ts";
import { exactMcnemarP } from "../support/exact-mcnemar.ts";

function config(task: string, metric: string): string {
  return `models:\n  m:\n    task: ${task}\n    artifact: model.onnx\n    label: y\n    features: [x1, x2]\n    data:\n      train: data.csv\n      holdout: data.csv\n    evaluate:\n      metric: ${metric}\n      resamples: 400\n`;
}

test("regression: a challenger with the true coefficients beats a biased champion on rmse (lower is better)", async (t) => {
  const gauss = gaussian(5);
  const rows = ["x1,x2,y"];
  for (let i = 0; i < 2000; i++) {
    const x1 = gauss();
    const x2 = gauss();
    rows.push(`${x1},${x2},${3 * x1 - 2 * x2 + 1 + 0.5 * gauss()}`);
  }
  const repo = await createTestRepo({
    "modelkeeper.yml": config("regression", "rmse"),
    "data.csv": rows.join("\n") + "\n",
    "model.onnx": Buffer.from(exportLinearRegression({ featureNames: ["x1", "x2"], weights: [3, -2], intercept: 1 })),
    "champion.onnx": Buffer.from(
      exportLinearRegression({ featureNames: ["x1", "x2"], weights: [2.5, -2], intercept: 1.3 }),
    ),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("evaluate", "--champion", "champion.onnx", "--json");
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const model = JSON.parse(result.stdout).models[0];
  assert.equal(model.verdict, "promote");
  const rmse = model.holdouts[0].metrics.find((m: any) => m.name === "rmse");
  assert.ok(rmse.challenger < rmse.champion);
  assert.ok(model.holdouts[0].paired.ciHigh < 0, "Δ rmse is negative: an improvement");
  assert.equal(model.holdouts[0].mcnemar, undefined);
});

test("multiclass: the true softmax model beats a blurred one on log_loss; confusion matrices are 3×3", async (t) => {
  const random = prng(9);
  const gauss = gaussian(10);
  const weights = [2, 0, -2, 0, 2, -1]; // [F=2, C=3] row-major
  const intercepts = [0, 0.2, -0.2];
  const rows = ["x1,x2,y"];
  for (let i = 0; i < 2000; i++) {
    const x = [gauss(), gauss()];
    const logits = [0, 1, 2].map((k) => intercepts[k] + x[0] * weights[k] + x[1] * weights[3 + k]);
    const max = Math.max(...logits);
    const p = logits.map((l) => Math.exp(l - max));
    const total = p.reduce((a, b) => a + b, 0);
    let u = random() * total;
    let y = 0;
    while (u > p[y] && y < 2) u -= p[y++];
    rows.push(`${x[0]},${x[1]},${y}`);
  }
  const repo = await createTestRepo({
    "modelkeeper.yml": config("multiclass", "log_loss"),
    "data.csv": rows.join("\n") + "\n",
    "model.onnx": Buffer.from(exportMultinomialLogisticRegression({ featureNames: ["x1", "x2"], weights, intercepts })),
    "champion.onnx": Buffer.from(
      exportMultinomialLogisticRegression({
        featureNames: ["x1", "x2"],
        weights: weights.map((w) => w * 0.3),
        intercepts,
      }),
    ),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("evaluate", "--champion", "champion.onnx", "--json");
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const model = JSON.parse(result.stdout).models[0];
  assert.equal(model.verdict, "promote");
  const holdout = model.holdouts[0];
  assert.deepEqual(holdout.metrics.map((m: any) => m.name).sort(), ["accuracy", "log_loss", "macro_f1"]);
  assert.equal(holdout.confusion.challenger.length, 3);
  assert.equal(
    holdout.confusion.challenger.flat().reduce((a: number, b: number) => a + b, 0),
    2000,
  );
  // The discordant counts decide McNemar's test; its p-value is checked against the definition.
  assert.ok(
    Math.abs(
      holdout.mcnemar.pExact -
        exactMcnemarP(holdout.mcnemar.championOnlyCorrect, holdout.mcnemar.challengerOnlyCorrect),
    ) < 1e-9,
  );
});
