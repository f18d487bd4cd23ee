import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { radixArgsort, sortFloat64 } from "../../../src/stats/numeric/radix-sort.ts";
import { seededRandom as prng } from "../../support/seeded-random.ts";

// numpy.sort and numpy.argsort(kind="stable") outputs (scripts/references/numeric_references.py).
const numeric = JSON.parse(readFileSync(new URL("../../fixtures/stats/numeric.json", import.meta.url), "utf8")) as {
  sorts: { name: string; values: (number | string)[]; sorted: (number | string)[]; argsort: number[] }[];
};
const decode = (values: (number | string)[]) =>
  Float64Array.from(values, (v) => (typeof v === "string" ? Number(v) : v));
const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Equal as numbers, and a zero is +0 (the in-place sort's rule for the two zeros). */
function assertSortedAs(actual: Float64Array, expected: ArrayLike<number>, message: string): void {
  assert.equal(actual.length, expected.length, message);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(actual[i] === expected[i], `${message}, position ${i}: ${actual[i]} vs ${expected[i]}`);
    if (actual[i] === 0) assert.ok(Object.is(actual[i], 0), `${message}, position ${i}: −0 must come out as +0`);
  }
}

test("in place: numpy.sort's order on awkward doubles (both zeros, subnormals, huge, infinities, ties)", () => {
  for (const c of numeric.sorts) assertSortedAs(sortFloat64(decode(c.values)), decode(c.sorted), c.name);
});

test("argsort: numpy.argsort(kind='stable'), so −0 and +0 tie and keep their input order", () => {
  for (const c of numeric.sorts) {
    const values = decode(c.values);
    assert.deepEqual([...radixArgsort(values, identity(values.length))], c.argsort, c.name);
  }
});

test("in place: the order of TypedArray.prototype.sort on wide exponents, both paths", () => {
  const random = prng(3);
  const special = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 1, 1];
  for (const n of [100, 600, 5000, 100_000]) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++)
      values[i] = i < special.length ? special[i] : (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
    assertSortedAs(sortFloat64(Float64Array.from(values)), Float64Array.from(values).sort(), `n=${n}`);
  }
});

test("argsort is stable with respect to the start order (a comparison sort on the same keys)", () => {
  const random = prng(11);
  const special = [0, -0, 5e-324, -5e-324, 1e308, -1e308, Infinity, -Infinity, 1, -1, 0.1, 0.1];
  const values = Float64Array.from({ length: 5000 }, (_, i) =>
    i < special.length
      ? special[i]
      : random() < 0.3
        ? Math.round(random() * 20) / 4 - 2
        : (random() - 0.5) * 10 ** Math.floor(random() * 20 - 10),
  );
  const start = identity(values.length).reverse();
  const rank = new Int32Array(values.length);
  start.forEach((row, i) => (rank[row] = i));
  // values[a] - values[b] is 0 for −0 and +0: the built-in sort ties them too.
  const expected = [...start].sort((a, b) => values[a] - values[b] || rank[a] - rank[b]);
  assert.deepEqual([...radixArgsort(values, start)], expected);
});

test("worked examples; constant input; −0 and +0 tie", () => {
  assert.deepEqual([...sortFloat64(Float64Array.of(3, -1, 0, -Infinity))], [-Infinity, -1, 0, 3]);
  assert.ok([...sortFloat64(new Float64Array(1000).fill(2.5))].every((v) => v === 2.5));
  assert.deepEqual([...radixArgsort(Float64Array.from([0.5, -1, 0.5, 0]), identity(4))], [1, 3, 0, 2]);
  assert.deepEqual([...radixArgsort(Float64Array.from([0, -0, 0]), Int32Array.from([2, 0, 1]))], [2, 0, 1]);
  assert.throws(() => radixArgsort(Float64Array.of(1, 2), Int32Array.of(0)), RangeError);
});
