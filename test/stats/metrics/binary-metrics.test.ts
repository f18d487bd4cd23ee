import { test } from "node:test";
import assert from "node:assert/strict";
import { accuracy } from "../../../src/stats/metrics/accuracy.ts";
import { averagePrecision } from "../../../src/stats/metrics/average-precision.ts";
import { brierScore } from "../../../src/stats/metrics/brier-score.ts";
import { expectedCalibrationError } from "../../../src/stats/metrics/expected-calibration-error.ts";
import { f1Score } from "../../../src/stats/metrics/f1-score.ts";
import { logLoss } from "../../../src/stats/metrics/log-loss.ts";
import { precision } from "../../../src/stats/metrics/precision.ts";
import { recall } from "../../../src/stats/metrics/recall.ts";
import { rocAuc } from "../../../src/stats/metrics/roc-auc.ts";
import type { MetricResult } from "../../../src/stats/metrics/types.ts";
import { assertClose, f64, reference } from "./fixture.ts";

type BinaryMetric = (labels: Float64Array, scores: Float64Array) => MetricResult;

const byFixtureKey: Record<string, BinaryMetric> = {
  roc_auc: rocAuc,
  average_precision: averagePrecision,
  log_loss: logLoss,
  brier: brierScore,
  ece: expectedCalibrationError,
  ece_5_bins: (y, s) => expectedCalibrationError(y, s, { calibrationBins: 5 }),
  accuracy,
  precision,
  recall,
  f1: f1Score,
  "accuracy_at_0.3": (y, s) => accuracy(y, s, { threshold: 0.3 }),
  "precision_at_0.3": (y, s) => precision(y, s, { threshold: 0.3 }),
  "recall_at_0.3": (y, s) => recall(y, s, { threshold: 0.3 }),
  "f1_at_0.3": (y, s) => f1Score(y, s, { threshold: 0.3 }),
};

test("every binary metric equals scikit-learn (numpy for ECE) on every reference data set", () => {
  let compared = 0;
  for (const c of reference.binary) {
    for (const model of ["champion", "challenger"] as const) {
      for (const [key, expected] of Object.entries(c.metrics[model])) {
        const result = byFixtureKey[key](f64(c.labels), f64(c[model]));
        if (expected === null) {
          assert.ok(Number.isNaN(result.value), `${c.name} ${model} ${key}: expected undefined`);
          assert.ok(result.undefinedReason, `${c.name} ${model} ${key}: undefined needs a reason`);
        } else {
          assertClose(result.value, expected, `${c.name} ${model} ${key}`);
          assert.equal(result.undefinedReason, undefined);
        }
        compared++;
      }
    }
  }
  assert.equal(compared, reference.binary.length * 2 * Object.keys(byFixtureKey).length);
});

test("worked examples from the doc comments", () => {
  const y = f64([0, 0, 1, 1]);
  const s = f64([0.1, 0.4, 0.35, 0.8]);
  assert.equal(rocAuc(y, s).value, 0.75);
  assertClose(averagePrecision(y, s).value, 0.8333333333333333, "AP");
  assertClose(logLoss(f64([1, 0]), f64([0.9, 0.2])).value, (-Math.log(0.9) - Math.log(0.8)) / 2, "log loss");
  assertClose(brierScore(f64([0, 1, 1, 0]), f64([0.1, 0.9, 0.8, 0.3])).value, 0.0375, "brier");
  assertClose(expectedCalibrationError(f64([0, 1, 1, 0]), f64([0.1, 0.15, 0.8, 0.9])).value, 0.4625, "ece");
  const labels = f64([1, 0, 1, 0]);
  const scores = f64([0.9, 0.6, 0.4, 0.1]);
  for (const metric of [accuracy, precision, recall, f1Score]) assert.equal(metric(labels, scores).value, 0.5);
});

test("ROC AUC and average precision are undefined, with a reason, for one class or no rows", () => {
  const zeros = f64([0, 0, 0]);
  const scores = f64([0.2, 0.5, 0.9]);
  assert.match(rocAuc(zeros, scores).undefinedReason!, /only one class/);
  assert.match(rocAuc(f64([1, 1, 1]), scores).undefinedReason!, /no negatives/);
  assert.match(averagePrecision(zeros, scores).undefinedReason!, /no positives/);
  for (const metric of [
    rocAuc,
    averagePrecision,
    logLoss,
    brierScore,
    accuracy,
    expectedCalibrationError,
  ] as BinaryMetric[]) {
    const empty = metric(f64([]), f64([]));
    assert.ok(Number.isNaN(empty.value));
    assert.equal(empty.undefinedReason, "there are no rows");
  }
});

test("zero_division: precision, recall and F1 are 0 with a note, as scikit-learn's default", () => {
  const labels = f64([0, 0, 1]);
  const none = f64([0.1, 0.2, 0.3]); // nothing predicted positive
  assert.deepEqual(precision(labels, none), {
    value: 0,
    note: "no row is predicted positive, so precision is 0 by scikit-learn's zero_division convention",
  });
  assert.equal(recall(labels, none).value, 0);
  assert.equal(recall(labels, none).note, undefined); // TP / (TP + FN) = 0 / 1 is a real 0
  const noPositives = f64([0, 0, 0]);
  assert.match(recall(noPositives, none).note!, /no positive/);
  assert.match(f1Score(noPositives, none).note!, /neither|no positive label and no positive prediction/);
  assert.equal(f1Score(noPositives, none).value, 0);
});

test("the threshold rule is score >= threshold", () => {
  const labels = f64([1, 0]);
  const scores = f64([0.5, 0.4999999999999999]);
  assert.equal(accuracy(labels, scores).value, 1);
  assert.equal(accuracy(labels, scores, { threshold: 0.6 }).value, 0.5);
});

test("log loss clips probabilities 0 and 1 to machine epsilon like scikit-learn 1.2", () => {
  const value = logLoss(f64([1]), f64([0])).value;
  assertClose(value, -Math.log(Number.EPSILON), "clipped log loss", 1e-15);
  assert.equal(logLoss(f64([1]), f64([1])).value, -Math.log(1 - Number.EPSILON));
});
