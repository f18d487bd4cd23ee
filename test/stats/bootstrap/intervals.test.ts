import { test } from "node:test";
import assert from "node:assert/strict";
import { bcaInterval, jackknifeAcceleration } from "../../../src/stats/bootstrap/bca-interval.ts";
import { percentileInterval } from "../../../src/stats/bootstrap/percentile-interval.ts";
import { smallestDetectableDifference } from "../../../src/stats/tests/smallest-detectable-difference.ts";
import { assertClose, reference } from "../metrics/fixture.ts";

const sorted = (values: number[]) => Float64Array.from(values).sort();

test("percentile interval: the alpha/2 and 1 - alpha/2 quantiles, as scipy.stats.bootstrap", () => {
  // By hand: 80% of [1..5] -> positions 0.4 and 3.6 -> 1 + 0.4 = 1.4 and 4 + 0.6 = 4.6.
  const worked = percentileInterval(sorted([1, 2, 3, 4, 5]), 0.8);
  assertClose(worked.low, 1.4, "worked low", 1e-15);
  assertClose(worked.high, 4.6, "worked high", 1e-15);
  const e = reference.bca;
  const interval = percentileInterval(sorted(e.bootstrap), e.confidence);
  assertClose(interval.low, e.percentileLow, "percentile low");
  assertClose(interval.high, e.percentileHigh, "percentile high");
});

test("BCa equals scipy's formulas (z0 with ties counted half, jackknife acceleration)", () => {
  const e = reference.bca;
  const result = bcaInterval(sorted(e.bootstrap), e.estimate, Float64Array.from(e.jackknife), e.confidence)!;
  assertClose(result.biasCorrection, e.biasCorrection, "z0");
  assertClose(result.acceleration, e.acceleration, "a", 1e-11);
  assertClose(result.low, e.low, "low", 1e-11);
  assertClose(result.high, e.high, "high", 1e-11);
});

test("symmetric case: z0 = 0, a = 0, BCa = percentile interval", () => {
  const values = sorted([-2, -1, 0, 1, 2]);
  const result = bcaInterval(values, 0, Float64Array.from([-1, 0, 1]), 0.5)!;
  assert.equal(result.biasCorrection, 0);
  assert.equal(result.acceleration, 0);
  assert.deepEqual([result.low, result.high], [-1, 1]);
});

test("degenerate distributions: all equal gives [x, x]; all on one side is undefined", () => {
  const same = bcaInterval(sorted([0.1, 0.1, 0.1]), 0.1, Float64Array.from([0.1, 0.1]), 0.95)!;
  assert.deepEqual([same.low, same.high, same.acceleration], [0.1, 0.1, 0]);
  assert.equal(bcaInterval(sorted([1, 2, 3]), 0, Float64Array.from([0, 1]), 0.95), undefined);
  assert.equal(jackknifeAcceleration(Float64Array.from([NaN, 1])), 0);
});

test("smallest detectable difference: (z_0.975 + z_0.8) * SE", () => {
  assertClose(smallestDetectableDifference(0.004), (1.959963984540054 + 0.8416212335729143) * 0.004, "mdd");
  assertClose(smallestDetectableDifference(1, { confidence: 0.9, power: 0.5 }), 1.6448536269514722, "90%, power 0.5");
  assert.throws(() => smallestDetectableDifference(1, { power: 1 }), /power must be in \(0, 1\)/);
});
