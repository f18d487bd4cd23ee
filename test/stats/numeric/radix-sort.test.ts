import { test } from "node:test";
import assert from "node:assert/strict";
import { sortFloat64 } from "../../../src/stats/numeric/radix-sort.ts";
import { seededRandom as prng } from "../../support/seeded-random.ts";

test("sorts like TypedArray.prototype.sort: negatives, zeros, infinities, ties, subnormals, wide exponents", () => {
  const random = prng(3);
  const special = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 1, 1];
  for (const n of [600, 5000, 100_000]) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++)
      values[i] = i < special.length ? special[i] : (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
    const expected = Float64Array.from(values).sort();
    const actual = sortFloat64(Float64Array.from(values));
    for (let i = 0; i < n; i++)
      assert.ok(Object.is(actual[i], expected[i]), `n=${n}, position ${i}: ${actual[i]} vs ${expected[i]}`);
  }
});

test("small arrays, constant arrays and the worked example", () => {
  assert.deepEqual([...sortFloat64(Float64Array.of(3, -1, 0, -Infinity))], [-Infinity, -1, 0, 3]);
  assert.deepEqual(
    [...sortFloat64(new Float64Array(1000).fill(2.5))].every((v) => v === 2.5),
    true,
  );
});
