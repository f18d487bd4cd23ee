import { test } from "node:test";
import assert from "node:assert/strict";
import { choleskySolve } from "../../../src/model/train/cholesky-solve.ts";

test("the doc comment's example: [[4, 2], [2, 3]] x = [2, 1] gives x = [0.5, 0]", () => {
  assert.deepEqual(Array.from(choleskySolve([4, 2, 2, 3], [2, 1], 2)!), [0.5, 0]);
});

test("a 3 × 3 system solves to its known answer", () => {
  // A = [[25, 15, -5], [15, 18, 0], [-5, 0, 11]] (L = [[5,0,0],[3,3,0],[-1,1,3]]), x = [1, -2, 3] → b = A x
  const a = [25, 15, -5, 15, 18, 0, -5, 0, 11];
  const b = [25 - 30 - 15, 15 - 36, -5 + 33];
  const x = choleskySolve(a, b, 3)!;
  [1, -2, 3].forEach((expected, i) => assert.ok(Math.abs(x[i] - expected) < 1e-12, `${x}`));
});

test("a matrix that is not positive definite gives undefined", () => {
  assert.equal(choleskySolve([1, 2, 2, 1], [1, 1], 2), undefined);
  assert.equal(choleskySolve([0, 0, 0, 0], [1, 1], 2), undefined);
});
