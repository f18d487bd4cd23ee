import { test } from "node:test";
import assert from "node:assert/strict";
import { ksTwoSample, ksTwoSampleSorted, roundHalfEven, sortedValues } from "../../../src/stats/tests/ks-two-sample.ts";
import { assertClose, reference } from "../drift/fixture.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";
import { inverseNormal, sortedUniforms } from "../drift/simulate.ts";

test("statistic and p-value equal scipy.stats.ks_2samp(method='auto') on every fixture case", () => {
  const large: number[] = reference.ksLarge;
  for (const c of reference.ks) {
    const a: number[] = c.a ?? large.slice(0, c.aLargePrefix);
    const result = ksTwoSample(a, c.b);
    assert.equal(result.method, c.method, c.name);
    // The statistic is computed with scipy's own floating-point operations: bit-identical.
    assert.equal(result.statistic, c.statistic, `${c.name}: statistic`);
    assertClose(result.pValue, c.pvalue, `${c.name}: p-value`);
  }
});

test("worked example: [1,2,3] vs [4,5,6] has D = 1 and p = 2/20", () => {
  const result = ksTwoSample([1, 2, 3], [4, 5, 6]);
  assert.equal(result.statistic, 1);
  assertClose(result.pValue, 0.1, "p");
  assert.equal(result.sign, 1);
  assert.equal(result.location, 3);
});

test("the sign says which sample is smaller, and the result is symmetric in D and p", () => {
  const a = [0.1, 0.4, 0.45, 0.9, 1.3];
  const b = [0.5, 0.8, 1.7, 2.2, 2.4, 3.1];
  const ab = ksTwoSample(a, b);
  const ba = ksTwoSample(b, a);
  assert.equal(ab.statistic, ba.statistic);
  assert.equal(ab.pValue, ba.pValue);
  assert.equal(ab.sign, 1);
  assert.equal(ba.sign, -1);
});

test("method='asymptotic' and 'exact' can be forced, as in scipy", () => {
  const a = [0.1, 0.4, 0.45, 0.9, 1.3, 1.4, 2.0];
  const b = [0.5, 0.8, 1.7, 2.2, 2.4, 3.1];
  assert.equal(ksTwoSample(a, b, "asymptotic").method, "asymptotic");
  assert.equal(ksTwoSample(a, b, "exact").method, "exact");
});

test("missing values are refused (callers drop them), empty samples too", () => {
  assert.throws(() => ksTwoSample([1, NaN], [2]), /NaN/);
  assert.throws(() => ksTwoSample([], [2]), /non-empty/);
});

test("sortedValues returns already-sorted input without copying", () => {
  const sorted = new Float64Array([1, 2, 2, 5]);
  assert.equal(sortedValues(sorted), sorted);
  assert.deepEqual(Array.from(sortedValues([3, 1, 2])), [1, 2, 3]);
});

test("roundHalfEven matches numpy.round", () => {
  assert.deepEqual([0.5, 1.5, 2.5, 3.49, 99.5, 100.5].map(roundHalfEven), [0, 2, 2, 3, 100, 100]);
});

test("one million against one million sorted values: the asymptotic method, a small statistic", () => {
  const prng = createPrng(7);
  const a = sortedUniforms(1_000_000, prng).map(inverseNormal);
  const b = sortedUniforms(1_000_000, prng).map(inverseNormal);
  const result = ksTwoSampleSorted(a, b);
  assert.equal(result.method, "asymptotic");
  assert.ok(result.statistic > 0 && result.statistic < 0.005, `D = ${result.statistic}`);
  assert.ok(result.pValue > 0 && result.pValue <= 1, `p = ${result.pValue}`);
});
