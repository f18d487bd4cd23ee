import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { quantileSorted } from "../../../src/stats/numeric/quantile.ts";
import { reference } from "../drift/fixture.ts";

// numpy.quantile(method="linear") outputs (scripts/references/numeric_references.py).
const numeric = JSON.parse(readFileSync(new URL("../../fixtures/stats/numeric.json", import.meta.url), "utf8")) as {
  quantiles: { name: string; sorted: number[]; q: number[]; quantiles: number[] }[];
};

test("equals numpy.quantile(method='linear') bit for bit", () => {
  for (const c of [...reference.quantiles, ...numeric.quantiles]) {
    const sorted = Float64Array.from(c.sorted);
    c.q.forEach((q: number, i: number) => assert.equal(quantileSorted(sorted, q), c.quantiles[i], `${c.name} q=${q}`));
  }
});

test("plain arrays give the same values as typed arrays", () => {
  for (const c of numeric.quantiles)
    c.q.forEach((q, i) => assert.equal(quantileSorted(c.sorted, q), c.quantiles[i], `${c.name} q=${q}`));
});

test("worked examples, by hand", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  const five = [1, 2, 3, 4, 5];
  assert.equal(quantileSorted(five, 0.25), 2); // position 1
  assert.equal(Math.abs(quantileSorted(five, 0.1) - 1.4) <= 1e-15, true); // position 0.4
  assert.equal(quantileSorted(five, 1), 5);
  assert.equal(quantileSorted([10, 20, 30, 40, 50], 0.95), 48); // position 3.8: 50 - 10 * 0.2
});

test("empty data and q outside [0, 1] give NaN", () => {
  assert.ok(Number.isNaN(quantileSorted(new Float64Array(0), 0.5)));
  for (const q of [-0.1, 1.1, NaN]) assert.ok(Number.isNaN(quantileSorted([1, 2], q)), `q=${q}`);
});

test("between equal neighbours: that value (where numpy gives NaN for infinities, +0 for the zeros)", () => {
  assert.equal(quantileSorted([1, Infinity, Infinity], 0.75), Infinity);
  assert.equal(quantileSorted([-Infinity, -Infinity, 0], 0.25), -Infinity);
  assert.ok(Object.is(quantileSorted([-0, 0], 0.5), -0));
  // Unequal neighbours follow numpy's _lerp, infinities included: inf - inf * 0.5 is NaN there too.
  assert.ok(Number.isNaN(quantileSorted([1, Infinity], 0.5)));
  assert.equal(quantileSorted([1, Infinity], 0.25), Infinity);
});
