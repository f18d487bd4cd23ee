import { test } from "node:test";
import assert from "node:assert/strict";
import { macroF1 } from "../../../src/stats/metrics/macro-f1.ts";
import { argmaxRows } from "../../../src/stats/metrics/multiclass-argmax.ts";
import { multiclassAccuracy } from "../../../src/stats/metrics/multiclass-accuracy.ts";
import { multiclassLogLoss } from "../../../src/stats/metrics/multiclass-log-loss.ts";
import { assertClose, f64, reference } from "./fixture.ts";

const functions = { accuracy: multiclassAccuracy, macro_f1: macroF1, log_loss: multiclassLogLoss };

test("multiclass accuracy, macro F1 and log loss equal scikit-learn", () => {
  let compared = 0;
  for (const c of reference.multiclass) {
    for (const model of ["champion", "challenger"] as const) {
      for (const [key, expected] of Object.entries(c.metrics[model])) {
        const result = functions[key as keyof typeof functions](f64(c.labels), f64(c[model]), c.classCount);
        assertClose(result.value, expected!, `${c.name} ${model} ${key}`);
        compared++;
      }
    }
  }
  assert.equal(compared, 12);
});

test("worked examples: argmax takes the first maximum; macro F1 averages the classes present", () => {
  assert.deepEqual([...argmaxRows(f64([0.2, 0.5, 0.3, 0.4, 0.4, 0.2]), 3)], [1, 0]);
  // labels [0, 1, 2, 2], predictions [0, 2, 2, 2]
  const probabilities = f64([0.8, 0.1, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.8, 0.2, 0.2, 0.6]);
  assertClose(macroF1(f64([0, 1, 2, 2]), probabilities, 3).value, 0.6, "macro F1");
  assert.equal(multiclassAccuracy(f64([0, 2]), f64([0.7, 0.2, 0.1, 0.5, 0.2, 0.3]), 3).value, 0.5);
  assertClose(
    multiclassLogLoss(f64([0, 2]), f64([0.7, 0.2, 0.1, 0.1, 0.3, 0.6]), 3).value,
    (-Math.log(0.7) - Math.log(0.6)) / 2,
    "log loss",
  );
});

test("labels outside 0..C-1 and wrongly shaped probabilities are user errors naming the row", () => {
  assert.throws(
    () => multiclassAccuracy(f64([0, 3]), f64([0.5, 0.5, 0, 0, 0, 1]), 3),
    /row 1 \(0-based\) is 3.*0\.\.2/,
  );
  assert.throws(() => macroF1(f64([0, 1]), f64([0.5, 0.5, 0]), 3), /expected 2 rows x 3 classes = 6/);
  assert.throws(() => multiclassLogLoss(f64([0]), f64([0.5, NaN, 0.5]), 3), /row 0, class 1/);
});
