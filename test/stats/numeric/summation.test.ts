import { test } from "node:test";
import assert from "node:assert/strict";
import { CompensatedSum } from "../../../src/stats/numeric/summation.ts";

test("keeps small terms next to large ones: 1 + 1e100 + 1 - 1e100 = 2", () => {
  const sum = new CompensatedSum();
  for (const v of [1, 1e100, 1, -1e100]) sum.add(v);
  assert.equal(sum.value, 2);
});

test("a million copies of fl(0.1) sum to the correctly rounded 100000 where a naive loop drifts", () => {
  const sum = new CompensatedSum();
  let naive = 0;
  for (let i = 0; i < 1_000_000; i++) {
    sum.add(0.1);
    naive += 0.1;
  }
  // Exact sum: 100000.0000000000055511..., which rounds to 100000.
  assert.equal(sum.value, 100000);
  assert.notEqual(naive, sum.value);
});
