import { test } from "node:test";
import assert from "node:assert/strict";
import { quantileSorted } from "../../../src/stats/numeric/quantile.ts";
import { reference } from "../drift/fixture.ts";

test("equals numpy.quantile(method='linear') bit for bit", () => {
  for (const c of reference.quantiles) {
    const sorted = Float64Array.from(c.sorted);
    c.q.forEach((q: number, i: number) => assert.equal(quantileSorted(sorted, q), c.quantiles[i], `${c.name} q=${q}`));
  }
});

test("worked example and empty input", () => {
  assert.equal(quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5), 2.5);
  assert.ok(Number.isNaN(quantileSorted(new Float64Array(0), 0.5)));
});
