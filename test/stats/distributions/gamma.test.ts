import { test } from "node:test";
import assert from "node:assert/strict";
import { chiSquaredSurvival, logGamma, upperIncompleteGammaRatio } from "../../../src/stats/distributions/gamma.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("chiSquaredSurvival equals scipy.stats.chi2.sf", () => {
  for (const { statistic, dof, sf } of reference.chi2Sf)
    assertClose(chiSquaredSurvival(statistic, dof), sf, `chi2.sf(${statistic}, ${dof})`);
});

test("worked example: Q(1, x) = exp(-x)", () => {
  assertClose(chiSquaredSurvival(2, 2), Math.exp(-1), "chi2.sf(2, 2)", 1e-14);
  assertClose(upperIncompleteGammaRatio(1, 30), Math.exp(-30), "Q(1, 30)", 1e-14);
});

test("logGamma matches factorials and Gamma(1/2) = sqrt(pi)", () => {
  assertClose(logGamma(5), Math.log(24), "lgamma(5)", 1e-15);
  assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), "lgamma(0.5)", 1e-14);
  assertClose(logGamma(171), 706.5730622457874, "lgamma(171)", 1e-15);
  assert.ok(Number.isNaN(logGamma(0)));
});
