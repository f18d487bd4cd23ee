import { test } from "node:test";
import assert from "node:assert/strict";
import {
  cdfSpreadIntegral,
  effectiveSampleSize,
  expectedNullJensenShannonDivergence,
  expectedNullWasserstein,
  poissonDeviationFactor,
} from "../../../src/stats/drift/sampling-noise.ts";
import { jensenShannonDistance } from "../../../src/stats/drift/jensen-shannon.ts";
import { wassersteinDistanceSorted } from "../../../src/stats/drift/wasserstein.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";
import { generateColumn, inverseNormal, sortedUniforms } from "./simulate.ts";

test("the CDF-spread integral of a large normal sample approaches 1.61474 (scipy.integrate.quad)", () => {
  const sample = sortedUniforms(200000, createPrng(11)).map(inverseNormal);
  assert.ok(Math.abs(cdfSpreadIntegral(sample) - 1.61474) < 0.01, `${cdfSpreadIntegral(sample)}`);
  assert.equal(cdfSpreadIntegral(new Float64Array([2, 2, 2])), 0);
});

test("worked examples", () => {
  assert.equal(effectiveSampleSize(100, 100), 50);
  assert.ok(Math.abs(Math.sqrt(2 / (Math.PI * 100)) * 1.61474 - 0.1288) < 1e-4);
  assert.ok(Math.abs(expectedNullJensenShannonDivergence(5, 200, 200) - 4 / (8 * 100 * Math.LN2)) < 1e-15);
  assert.equal(expectedNullJensenShannonDivergence(1, 200, 200), 0);
});

test("Poisson deviation factor: exact for small lambda, sqrt(2/pi) for large", () => {
  assert.equal(poissonDeviationFactor(0), 0);
  assert.ok(Math.abs(poissonDeviationFactor(1) - 2 / Math.E) < 1e-15); // E|X - 1| = 2/e for Poisson(1)
  assert.ok(Math.abs(poissonDeviationFactor(0.1) - 2 * Math.sqrt(0.1) * Math.exp(-0.1)) < 1e-15);
  assert.equal(poissonDeviationFactor(1000), Math.sqrt(2 / Math.PI));
  assert.ok(Math.abs(poissonDeviationFactor(39.5) - Math.sqrt(2 / Math.PI)) < 0.01);
});

test("the Wasserstein noise estimate is within 15% of the simulated mean for normal and skewed data", () => {
  const prng = createPrng(12);
  for (const quantile of [inverseNormal, (u: number) => Math.exp(inverseNormal(u))]) {
    const reference = sortedUniforms(20000, prng).map(quantile);
    let total = 0;
    const reps = 200;
    for (let r = 0; r < reps; r++)
      total += wassersteinDistanceSorted(reference, sortedUniforms(100, prng).map(quantile));
    const simulated = total / reps;
    const predicted = expectedNullWasserstein(reference, 20000, 100);
    assert.ok(Math.abs(predicted / simulated - 1) < 0.15, `predicted ${predicted}, simulated ${simulated}`);
  }
});

test("the Jensen-Shannon noise estimate is within 20% of the simulated mean divergence", () => {
  const prng = createPrng(13);
  const feature = {
    kind: "categorical" as const,
    name: "c",
    categories: ["a", "b", "c", "d", "e"],
    probabilities: [0.3, 0.25, 0.2, 0.15, 0.1],
    missingShare: 0,
  };
  const counts = (column: ReturnType<typeof generateColumn>) => {
    const out = new Array(5).fill(0);
    if (column.kind === "categorical") for (const code of column.codes) out[code] += 1;
    return out;
  };
  let total = 0;
  const reps = 300;
  for (let r = 0; r < reps; r++) {
    const js = jensenShannonDistance(
      counts(generateColumn(feature, 20000, prng)),
      counts(generateColumn(feature, 200, prng)),
    );
    total += js * js;
  }
  const predicted = expectedNullJensenShannonDivergence(5, 20000, 200);
  assert.ok(Math.abs(predicted / (total / reps) - 1) < 0.2, `predicted ${predicted}, simulated ${total / reps}`);
});
