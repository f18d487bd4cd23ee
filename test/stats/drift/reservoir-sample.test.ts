import { test } from "node:test";
import assert from "node:assert/strict";
import { reservoirSample } from "../../../src/stats/drift/reservoir-sample.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";

test("keeps everything, in order, when there are at most k values (missing skipped)", () => {
  const values = new Float64Array([3, NaN, 1, 2]);
  assert.deepEqual(Array.from(reservoirSample(values, 5, () => 0.5)), [3, 1, 2]);
});

test("the same seed gives the same sample; a different seed a different one", () => {
  const values = Float64Array.from({ length: 10000 }, (_, i) => i);
  const a = reservoirSample(values, 100, createPrng(1).uniform);
  const b = reservoirSample(values, 100, createPrng(1).uniform);
  const c = reservoirSample(values, 100, createPrng(2).uniform);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.equal(new Set(a).size, 100);
});

test("every value is equally likely to be kept (chi-squared over 20 slots of inclusion counts)", () => {
  const values = Float64Array.from({ length: 20 }, (_, i) => i);
  const prng = createPrng(3);
  const kept = new Array(20).fill(0);
  const trials = 5000;
  for (let t = 0; t < trials; t++) for (const v of reservoirSample(values, 5, prng.uniform)) kept[v] += 1;
  const expected = (trials * 5) / 20;
  const chi2 = kept.reduce((sum, k) => sum + (k - expected) ** 2 / expected, 0);
  assert.ok(chi2 < 43.8, `chi2 = ${chi2} (df 19, 0.1% critical value 43.8)`);
});
