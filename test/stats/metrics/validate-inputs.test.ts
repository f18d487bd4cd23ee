import { test } from "node:test";
import assert from "node:assert/strict";
import { isUserError } from "../../../src/errors.ts";
import { checkBinary, checkRegression } from "../../../src/stats/metrics/validate-inputs.ts";
import { f64 } from "./fixture.ts";

test("binary labels must be 0 or 1; the message names the row and the fix", () => {
  assert.throws(
    () => checkBinary({ task: "binary", labels: f64([0, 1, 2]), scores: f64([0, 0, 0]) }),
    (error: unknown) => {
      assert.ok(isUserError(error));
      assert.equal(
        error.message,
        "the label at row 2 (0-based) is 2, but a binary task needs labels 0 or 1. Encode the positive class as 1 and the other as 0, or set task: multiclass.",
      );
      return true;
    },
  );
  assert.throws(
    () => checkBinary({ task: "binary", labels: f64([NaN]), scores: f64([0]) }),
    /is NaN.*Fill or drop rows whose label is missing/,
  );
});

test("infinite scores, length mismatches and non-probabilities are refused", () => {
  assert.throws(
    () =>
      checkBinary({
        task: "binary",
        labels: f64([0, 1]),
        scores: f64([0.3, Infinity]),
        source: "champion predictions",
      }),
    /^UserError: champion predictions: the score at row 1 \(0-based\) is Infinity; it must be a finite number/,
  );
  assert.throws(
    () => checkBinary({ task: "binary", labels: f64([0, 1]), scores: f64([0.3]) }),
    /the label column has 2 rows but the scores has 1/,
  );
  assert.throws(
    () => checkBinary({ task: "binary", labels: f64([0, 1]), scores: f64([0.3, 1.2]) }, "log_loss"),
    /row 1 \(0-based\) is 1.2, but log_loss needs probabilities in \[0, 1\]/,
  );
  assert.throws(
    () => checkRegression({ task: "regression", targets: f64([1, NaN]), predictions: f64([1, 2]) }),
    /the target at row 1 \(0-based\) is NaN/,
  );
});
