import { test } from "node:test";
import assert from "node:assert/strict";
import { delongTest } from "../../../src/stats/tests/delong.ts";
import { assertClose, f64, reference } from "../metrics/fixture.ts";

test("equals a direct O(N^2) implementation of DeLong et al. (1988) on every reference data set", () => {
  let compared = 0;
  for (const c of reference.binary) {
    const result = delongTest(
      { task: "binary", labels: f64(c.labels), scores: f64(c.champion) },
      { task: "binary", labels: f64(c.labels), scores: f64(c.challenger) },
    );
    if (c.delong === null) {
      assert.ok(Number.isNaN(result.pValue), `${c.name}: undefined`);
      assert.match(result.undefinedReason!, /at least 2 positives and 2 negatives/);
      continue;
    }
    const e = c.delong;
    for (const key of [
      "championAuc",
      "challengerAuc",
      "difference",
      "variance",
      "z",
      "pValue",
      "ciLow",
      "ciHigh",
    ] as const) {
      assertClose(result[key], e[key], `${c.name} ${key}`, 1e-10, 1e-15);
    }
    for (const [i, j] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]) {
      assertClose(result.covariance[i][j], e.covariance[i][j], `${c.name} covariance[${i}][${j}]`, 1e-10, 1e-17);
    }
    assert.equal(result.confidence, 0.95);
    assertClose(result.standardError, Math.sqrt(e.variance), `${c.name} se`, 1e-10);
    compared++;
  }
  assert.equal(compared, 4);
});

test("identical models: zero variance is reported as undefined, not as p = 0", () => {
  const labels = f64([0, 1, 0, 1, 1, 0]);
  const scores = f64([0.1, 0.9, 0.3, 0.6, 0.4, 0.5]);
  const result = delongTest({ task: "binary", labels, scores }, { task: "binary", labels, scores });
  assert.equal(result.difference, 0);
  assert.ok(Number.isNaN(result.pValue));
  assert.match(result.undefinedReason!, /zero variance/);
});

test("different labels are refused", () => {
  assert.throws(
    () =>
      delongTest(
        { task: "binary", labels: f64([0, 1]), scores: f64([0.1, 0.2]) },
        { task: "binary", labels: f64([1, 0]), scores: f64([0.1, 0.2]) },
      ),
    /same rows with the same labels/,
  );
});
