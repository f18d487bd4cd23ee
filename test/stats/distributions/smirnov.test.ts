import { test } from "node:test";
import assert from "node:assert/strict";
import { smirnovProbabilities, smirnovSurvival } from "../../../src/stats/distributions/smirnov.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("smirnovSurvival equals scipy.special.smirnov (lower sum, upper sum, n > 1e6 approximation)", () => {
  for (const { n, x, sf } of reference.smirnovSf) assertClose(smirnovSurvival(n, x), sf, `smirnov(${n}, ${x})`);
});

test("worked example: smirnov(5, 0.5) = 0.056", () => {
  assertClose(smirnovSurvival(5, 0.5), 0.056, "smirnov(5, 0.5)", 1e-14);
});

test("cdf is the complement, invalid input is NaN", () => {
  const p = smirnovProbabilities(40, 0.2);
  assertClose(p.cdf + p.sf, 1, "sum", 1e-15);
  assert.ok(Number.isNaN(smirnovSurvival(0, 0.1)));
  assert.ok(Number.isNaN(smirnovSurvival(5, 1.5)));
});
