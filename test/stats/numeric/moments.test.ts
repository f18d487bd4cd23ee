import { test } from "node:test";
import assert from "node:assert/strict";
import { moments } from "../../../src/stats/numeric/moments.ts";

test("worked example, NaN skipped", () => {
  assert.deepEqual(moments(new Float64Array([1, NaN, 2, 3, 4])), { count: 4, mean: 2.5, std: Math.sqrt(1.25) });
});

test("large offsets do not lose the spread (numpy: np.std([1e9+1, 1e9+2, 1e9+3]) = 0.816496580927726)", () => {
  const { std } = moments(new Float64Array([1e9 + 1, 1e9 + 2, 1e9 + 3]));
  assert.equal(std, 0.816496580927726);
});

test("empty input gives NaN", () => {
  const m = moments(new Float64Array([NaN]));
  assert.equal(m.count, 0);
  assert.ok(Number.isNaN(m.mean) && Number.isNaN(m.std));
});
