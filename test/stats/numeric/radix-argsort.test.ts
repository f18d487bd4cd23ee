import { test } from "node:test";
import assert from "node:assert/strict";
import { radixArgsort } from "../../../src/stats/numeric/radix-argsort.ts";
import { createRandom } from "../../../src/stats/numeric/random.ts";

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

test("worked example: stable ascending order", () => {
  assert.deepEqual([...radixArgsort(Float64Array.from([0.5, -1, 0.5, 0]), identity(4))], [1, 3, 0, 2]);
});

test("matches a stable comparison sort on awkward doubles (negatives, -0, subnormals, huge, ties)", () => {
  const random = createRandom(11);
  const special = [0, -0, 5e-324, -5e-324, 1e308, -1e308, Infinity, -Infinity, 1, -1, 0.1, 0.1];
  const values = Float64Array.from({ length: 5000 }, (_, i) =>
    i < special.length
      ? special[i]
      : random.nextFloat() < 0.3
        ? Math.round(random.nextFloat() * 20) / 4 - 2
        : (random.nextFloat() - 0.5) * 10 ** Math.floor(random.nextFloat() * 20 - 10),
  );
  const start = identity(values.length).reverse();
  const expected = [...start].sort((a, b) => values[a] - values[b] || start.indexOf(a) - start.indexOf(b));
  assert.deepEqual([...radixArgsort(values, start)], expected);
});

test("-0 and +0 tie (they keep their start order)", () => {
  assert.deepEqual([...radixArgsort(Float64Array.from([0, -0, 0]), Int32Array.from([2, 0, 1]))], [2, 0, 1]);
});
