/**
 * Labels end to end: real ONNX models run by onnxruntime, `evaluate` in a real git repository, and
 * metrics checked against scikit-learn (scripts/references/multiclass_labels.py). Wine-style labels
 * 1, 2, 3 must be mapped through the model's classes (classlabels_ints) or `classes:`, never read
 * as column indices, also when class 3 is absent from the held-out set.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createTestRepo } from "../support/git-repo.ts";
import { ElemType, ONNX_ML_DOMAIN, tensorType } from "../../src/model/onnx-proto.ts";
import { addFeatureInput, finishModel, GraphBuilder } from "../../src/model/export/graph-parts.ts";
import { exportMultinomialLogisticRegression } from "../../src/model/export/multinomial-logistic-regression.ts";
import { exportBinaryLogisticRegression } from "../../src/model/export/logistic-regression.ts";

interface HeldOutSet {
  x: number[][];
  y: number[];
  expected: { accuracy: number; log_loss: number; macro_f1: number };
  as_indices_accuracy: number;
}
const fixture: {
  features: string[];
  classes: number[];
  coefficients: number[];
  intercepts: number[];
  sets: Record<string, HeldOutSet>;
} = JSON.parse(readFileSync(new URL("../fixtures/stats/multiclass-labels.json", import.meta.url), "utf8"));

/** An ai.onnx.ml LinearClassifier as skl2onnx writes one: label int64 [N] (the class value) and probabilities [N, C]. */
function linearClassifier(classLabels: number[]): Buffer {
  const graph = new GraphBuilder();
  const x = addFeatureInput(graph, { featureNames: fixture.features });
  graph.node({
    opType: "LinearClassifier",
    domain: ONNX_ML_DOMAIN,
    inputs: [x],
    outputs: ["label", "probabilities"],
    attributes: [
      { name: "coefficients", kind: "floats", value: fixture.coefficients },
      { name: "intercepts", kind: "floats", value: fixture.intercepts },
      { name: "classlabels_ints", kind: "ints", value: classLabels },
      { name: "post_transform", kind: "string", value: "SOFTMAX" },
      { name: "multi_class", kind: "int", value: 0 },
    ],
  });
  graph.outputs.push({ name: "label", type: tensorType(ElemType.INT64, ["N"]) });
  graph.outputs.push({ name: "probabilities", type: tensorType(ElemType.FLOAT, ["N", classLabels.length]) });
  return Buffer.from(finishModel(graph, "linear_classifier", "multiclass", { featureNames: fixture.features }));
}

/** The same weights with no class labels anywhere in the model: Gemm + Softmax, weights [F, C]. */
function bareSoftmax(): Buffer {
  const classes = fixture.intercepts.length;
  const features = fixture.features.length;
  const weights = Array.from(
    { length: features * classes },
    (_, i) => fixture.coefficients[(i % classes) * features + Math.floor(i / classes)],
  );
  return Buffer.from(
    exportMultinomialLogisticRegression({ featureNames: fixture.features, weights, intercepts: fixture.intercepts }),
  );
}

function csv(set: HeldOutSet): string {
  return (
    [[...fixture.features, "cultivar"].join(","), ...set.x.map((row, i) => [...row, set.y[i]].join(","))].join("\n") +
    "\n"
  );
}

function modelEntry(name: string, artifact: string, extra = ""): string {
  return `  ${name}:\n    task: multiclass\n    artifact: ${artifact}\n    label: cultivar\n${extra}    data:\n      train: holdout.csv\n      holdout: holdout.csv\n    evaluate:\n      metric: log_loss\n`;
}

for (const name of ["all_classes", "class_3_absent"]) {
  test(`labels 1, 2, 3 (${name}): evaluate's metrics equal scikit-learn's, through the model's classes or classes:`, async (t) => {
    const set = fixture.sets[name];
    const repo = await createTestRepo({
      "modelkeeper.yml":
        "models:\n" +
        modelEntry("onnx_classes", "classifier.onnx") +
        modelEntry("config_classes", "bare.onnx", "    classes: [1, 2, 3]\n") +
        modelEntry("no_classes", "bare.onnx"),
      "holdout.csv": csv(set),
      "classifier.onnx": linearClassifier(fixture.classes),
      "bare.onnx": bareSoftmax(),
    });
    t.after(() => repo.cleanup());
    await repo.commit();
    const result = await repo.cli("evaluate", "--json", "--no-comment");
    const models = Object.fromEntries(JSON.parse(result.stdout).models.map((m: any) => [m.model, m]));

    for (const model of [models.onnx_classes, models.config_classes]) {
      assert.equal(model.kind, "first-model", `${model.model}: ${model.errors}`);
      const holdout = model.holdouts[0];
      const metric = (m: string) => holdout.metrics.find((row: any) => row.name === m).challenger;
      for (const [m, expected] of Object.entries(set.expected)) {
        assert.ok(
          Math.abs(metric(m) - expected) < 1e-6,
          `${model.model} ${m}: ${metric(m)}, scikit-learn says ${expected}`,
        );
      }
      assert.notEqual(metric("accuracy"), set.as_indices_accuracy);
      assert.deepEqual(holdout.confusion.labels, ["1", "2", "3"]);
    }
    // No class list anywhere: refused with the fix, instead of reading 1, 2, 3 as indices.
    assert.equal(models.no_classes.kind, "error");
    assert.match(
      models.no_classes.errors.join("\n"),
      /cannot be read as the model's column indices 0\.\.2.*Set models\.no_classes\.classes/s,
    );
    assert.equal(result.code, 2, "an error in one model is exit 2");
  });
}

test("a model whose classes are [3, 2, 1] gets the same labels mapped to its own columns", async (t) => {
  // Reversed class labels with the same weights: column 0 now means class 3, so the metrics change,
  // and a configured classes: [1, 2, 3] that disagrees with the model is refused.
  const set = fixture.sets.all_classes;
  const repo = await createTestRepo({
    "modelkeeper.yml":
      "models:\n" +
      modelEntry("reversed", "reversed.onnx") +
      modelEntry("contradicted", "reversed.onnx", "    classes: [1, 2, 3]\n"),
    "holdout.csv": csv(set),
    "reversed.onnx": linearClassifier([3, 2, 1]),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("evaluate", "--json", "--no-comment");
  const models = Object.fromEntries(JSON.parse(result.stdout).models.map((m: any) => [m.model, m]));
  assert.deepEqual(models.reversed.holdouts[0].confusion.labels, ["3", "2", "1"]);
  const accuracy = models.reversed.holdouts[0].metrics.find((row: any) => row.name === "accuracy").challenger;
  assert.ok(accuracy < set.expected.accuracy - 0.2, `accuracy ${accuracy}: the columns now mean other classes`);
  assert.equal(models.contradicted.kind, "error");
  assert.match(
    models.contradicted.errors.join("\n"),
    /models\.contradicted\.classes \["1","2","3"\] and the challenger .* \["3","2","1"\] disagree/,
  );
});

test("a held-out set with one class: no verdict on roc_auc, said at the top, and no other metric stands in", async (t) => {
  const rows = ["x,y", ...Array.from({ length: 60 }, (_, i) => `${(i - 30) / 10},0`)];
  const repo = await createTestRepo({
    "modelkeeper.yml":
      "models:\n  m:\n    task: binary\n    artifact: model.onnx\n    label: y\n    data:\n      train: holdout.csv\n      holdout: holdout.csv\n    evaluate:\n      metric: roc_auc\n",
    "holdout.csv": rows.join("\n") + "\n",
    "model.onnx": Buffer.from(exportBinaryLogisticRegression({ featureNames: ["x"], weights: [0.1], intercept: -3 })),
    "champion.onnx": Buffer.from(exportBinaryLogisticRegression({ featureNames: ["x"], weights: [1], intercept: 0 })),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("evaluate", "--champion", "champion.onnx", "--json", "--no-comment");
  const model = JSON.parse(result.stdout).models[0];
  assert.equal(model.verdict, "inconclusive", result.stderr);
  assert.equal(result.code, 1);
  assert.match(model.warningText.join("\n"), /roc_auc, the primary metric, cannot be computed on .* no verdict on it/);
  assert.equal(model.holdouts[0].paired, undefined, "no paired comparison on a stand-in metric");
  // The challenger is far better on log_loss here; a fallback would have promoted it.
  const logLoss = model.holdouts[0].metrics.find((row: any) => row.name === "log_loss");
  assert.ok(logLoss.challenger < logLoss.champion - 0.5);
});
