import { test } from "node:test";
import assert from "node:assert/strict";
import { isUserError } from "../../../src/errors.ts";
import {
  computeAllMetrics,
  computeMetric,
  findMetric,
  METRICS,
  metricNames,
} from "../../../src/stats/metrics/registry.ts";
import { assertClose, f64, reference } from "./fixture.ts";

test("names per task, with the direction that is better", () => {
  assert.deepEqual(metricNames("binary"), [
    "roc_auc",
    "average_precision",
    "log_loss",
    "brier",
    "accuracy",
    "precision",
    "recall",
    "f1",
    "ece",
  ]);
  assert.deepEqual(metricNames("multiclass"), ["log_loss", "accuracy", "macro_f1"]);
  assert.deepEqual(metricNames("regression"), ["rmse", "mae", "r2"]);
  const lower = [...METRICS.values()].filter((m) => m.direction === "lower").map((m) => m.name);
  assert.deepEqual(lower, ["log_loss", "brier", "ece", "rmse", "mae"]);
});

test("computeAllMetrics equals scikit-learn for every metric of a binary data set", () => {
  const c = reference.binary.find((b) => b.name === "small_ties")!;
  const results = computeAllMetrics({ task: "binary", labels: f64(c.labels), scores: f64(c.challenger) });
  assert.deepEqual(Object.keys(results), metricNames("binary"));
  for (const [name, result] of Object.entries(results)) {
    assertClose(result.value, c.metrics.challenger[name]!, name);
  }
});

test("computeMetric looks a metric up by name and task", () => {
  const c = reference.multiclass[0];
  const data = {
    task: "multiclass" as const,
    labels: f64(c.labels),
    probabilities: f64(c.champion),
    classCount: c.classCount,
  };
  assertClose(computeMetric("log_loss", data).value, c.metrics.champion.log_loss!, "multiclass log loss");
  const r = reference.regression[0];
  assertClose(
    computeMetric("r2", { task: "regression", targets: f64(r.targets), predictions: f64(r.challenger) }).value,
    r.metrics.challenger.r2!,
    "r2",
  );
});

test("an unknown or inapplicable metric is a user error listing the valid names", () => {
  assert.throws(
    () => findMetric("auc", "binary", "models.fraud.evaluate.metric"),
    (error: unknown) => {
      assert.ok(isUserError(error));
      assert.equal(
        error.message,
        'models.fraud.evaluate.metric: unknown metric "auc". Use one of: roc_auc, average_precision, log_loss, brier, accuracy, precision, recall, f1, ece.',
      );
      assert.equal(error.where?.key, "models.fraud.evaluate.metric");
      return true;
    },
  );
  assert.throws(
    () => findMetric("roc_auc", "regression"),
    /does not apply to task regression \(it applies to binary\)\. For regression use one of: rmse, mae, r2\./,
  );
});

test("raw scores outside [0, 1]: ranking metrics still computed, probability metrics undefined with the reason", () => {
  const results = computeAllMetrics({
    task: "binary",
    labels: f64([0, 1, 0, 1]),
    scores: f64([-2, 3, 0.5, 1.5]),
    source: "challenger predictions",
  });
  assert.equal(results.roc_auc.value, 1);
  for (const name of ["log_loss", "brier", "ece"]) {
    assert.ok(Number.isNaN(results[name].value));
    assert.match(
      results[name].undefinedReason!,
      /^challenger predictions: the score at row 0 \(0-based\) is -2, but .* needs probabilities in \[0, 1\]/,
    );
  }
});

test("NaN scores are refused with the row, not reported as undefined", () => {
  assert.throws(
    () => computeAllMetrics({ task: "binary", labels: f64([0, 1, 0]), scores: f64([0.1, 0.2, NaN]) }),
    /the score at row 2 \(0-based\) is NaN; it must be a finite number/,
  );
});
