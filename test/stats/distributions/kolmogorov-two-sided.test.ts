import { test } from "node:test";
import assert from "node:assert/strict";
import { kstwoCdf, kstwoSurvival } from "../../../src/stats/distributions/kolmogorov-two-sided.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("kstwoSurvival equals scipy.stats.kstwo.sf across every algorithm branch", () => {
  for (const { n, x, sf } of reference.kstwoSf) assertClose(kstwoSurvival(n, x), sf, `kstwo.sf(${x}, ${n})`);
});

test("worked example: Ruben-Gambino closed form for n = 1", () => {
  assert.equal(kstwoSurvival(1, 0.75), 0.5);
});

test("boundaries and invalid input", () => {
  assert.equal(kstwoSurvival(10, 0), 1);
  assert.equal(kstwoSurvival(10, 1), 0);
  assert.equal(kstwoCdf(10, 1), 1);
  assert.ok(Number.isNaN(kstwoSurvival(2.5, 0.3)));
  assert.ok(Number.isNaN(kstwoSurvival(10, NaN)));
});

test("cdf and survival add up to one", () => {
  for (const [n, x] of [
    [5, 0.3],
    [100, 0.08],
    [1000, 0.03],
    [50, 0.6],
  ]) {
    assertClose(kstwoCdf(n, x) + kstwoSurvival(n, x), 1, `n=${n} x=${x}`, 1e-14);
  }
});
