import { test } from "node:test";
import assert from "node:assert/strict";
import { computeMetric, findMetric } from "../../../src/stats/metrics/registry.ts";
import { resolveMetricOptions, type RegressionPredictions } from "../../../src/stats/metrics/types.ts";
import { GROUPS, pairedJackknife } from "../../../src/stats/bootstrap/jackknife.ts";
import { genericKernel } from "../../../src/stats/bootstrap/paired-kernel.ts";
import { createRandom } from "../../../src/stats/numeric/random.ts";
import { assertClose, f64 } from "../metrics/fixture.ts";

function regression(n: number, seed: number): { champion: RegressionPredictions; challenger: RegressionPredictions } {
  const random = createRandom(seed);
  const targets = f64(Array.from({ length: n }, () => random.nextFloat() * 10));
  const noisy = (scale: number) => f64([...targets].map((t) => t + (random.nextFloat() - 0.5) * scale));
  return {
    champion: { task: "regression", targets, predictions: noisy(4) },
    challenger: { task: "regression", targets, predictions: noisy(3) },
  };
}

function without(data: RegressionPredictions, row: number): RegressionPredictions {
  const keep = (values: Float64Array) => values.filter((_, i) => i !== row);
  return { task: "regression", targets: keep(data.targets), predictions: keep(data.predictions) };
}

function jackknife(metric: string, data: ReturnType<typeof regression>, seed = 1) {
  const kernel = genericKernel(findMetric(metric, "regression").implementation);
  return pairedJackknife(kernel, kernel.prepare(data.champion, data.challenger, resolveMetricOptions()), seed);
}

test("closed form (MAE): one value per row, challenger minus champion without that row", () => {
  const data = regression(30, 2);
  const result = jackknife("mae", data);
  assert.equal(result.kind, "exact");
  assert.equal(result.values.length, 30);
  for (const row of [0, 17, 29]) {
    const expected =
      computeMetric("mae", without(data.challenger, row)).value -
      computeMetric("mae", without(data.champion, row)).value;
    assertClose(result.values[row], expected, `row ${row}`, 1e-12, 1e-15);
  }
});

test("no closed form (R^2), small N: recomputed without each row", () => {
  const data = regression(40, 3);
  const result = jackknife("r2", data);
  assert.equal(result.kind, "exact");
  for (const row of [0, 20, 39]) {
    const expected =
      computeMetric("r2", without(data.challenger, row)).value - computeMetric("r2", without(data.champion, row)).value;
    assertClose(result.values[row], expected, `row ${row}`, 1e-12, 1e-15);
  }
});

test("no closed form, large N: GROUPS seeded random groups, deterministic", () => {
  const data = regression(5000, 4);
  const result = jackknife("r2", data, 9);
  assert.equal(result.kind, "grouped");
  assert.equal(result.values.length, GROUPS);
  assert.deepEqual(jackknife("r2", data, 9).values, result.values);
  assert.notDeepEqual(jackknife("r2", data, 10).values, result.values);
  const full = computeMetric("r2", data.challenger).value - computeMetric("r2", data.champion).value;
  const mean = result.values.reduce((a, b) => a + b, 0) / GROUPS;
  // leaving out 25 of 5000 rows moves the difference by O(1/200) of its spread
  assert.ok(Math.abs(mean - full) < 1e-3, `mean ${mean} vs full ${full}`);
});
