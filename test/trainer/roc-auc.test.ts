import { test } from "node:test";
import assert from "node:assert/strict";
import { rocAuc } from "../../src/trainer/roc-auc.ts";

test("the doc comment's example (scikit-learn's roc_auc_score documentation): 0.75", () => {
  assert.equal(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
});

test("tied scores count one half; perfect and reversed orders give 1 and 0", () => {
  assert.equal(rocAuc([1, 1], [0, 1]), 0.5);
  assert.equal(rocAuc([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]), 0.875); // pairs: (0.5,0.2) 1, (0.5,0.5) ½, (0.9,·) 2 → 3.5 / 4
  assert.equal(rocAuc([1, 2, 3], [0, 1, 1]), 1);
  assert.equal(rocAuc([3, 2, 1], [0, 1, 1]), 0);
});

test("undefined (NaN) when a class is absent", () => {
  assert.ok(Number.isNaN(rocAuc([0.1, 0.2], [1, 1])));
  assert.ok(Number.isNaN(rocAuc([], [])));
});
