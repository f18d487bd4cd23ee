import { test } from "node:test";
import assert from "node:assert/strict";
import {
  isConstant,
  sortedNonMissing,
  summarizeCategorical,
  summarizeNumeric,
} from "../../../src/stats/drift/column-summary.ts";

test("numeric summary: sorted non-missing values, moments, range and PSI bins", () => {
  const s = summarizeNumeric(
    { kind: "numeric", name: "x", values: new Float64Array([4, NaN, 1, 3, 2, NaN]) },
    { psiBins: 2 },
  );
  assert.deepEqual(Array.from(s.sortedValues), [1, 2, 3, 4]);
  assert.equal(s.rowCount, 6);
  assert.equal(s.missingCount, 2);
  assert.equal(s.mean, 2.5);
  assert.equal(s.min, 1);
  assert.equal(s.max, 4);
  assert.deepEqual(s.psi, { edges: [2.5], counts: [2, 2] });
  assert.equal(isConstant(s), false);
});

test("already sorted input is not re-sorted but still copied without NaN", () => {
  assert.deepEqual(Array.from(sortedNonMissing(new Float64Array([1, 2, NaN, 2, 5]))), [1, 2, 2, 5]);
});

test("categorical summary: counts by label, unused dictionary entries dropped, duplicate labels merged", () => {
  const s = summarizeCategorical({
    kind: "categorical",
    name: "c",
    codes: Int32Array.from([0, 2, 2, -1, 3, 0]),
    categories: ["a", "unused", "b", "a"],
  });
  assert.deepEqual(s.categories, ["a", "b"]);
  assert.deepEqual(s.counts, [3, 2]);
  assert.equal(s.missingCount, 1);
  assert.equal(
    isConstant(
      summarizeCategorical({
        kind: "categorical",
        name: "k",
        codes: Int32Array.from([1, 1, -1]),
        categories: ["x", "y"],
      }),
    ),
    true,
  );
});
