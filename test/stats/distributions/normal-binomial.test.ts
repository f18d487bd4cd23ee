import { test } from "node:test";
import assert from "node:assert/strict";
import { binomialCdf, binomialPmf } from "../../../src/stats/distributions/binomial.ts";
import { normalCdf, normalQuantile, normalUpperTail } from "../../../src/stats/distributions/normal.ts";
import { assertClose, reference } from "../metrics/fixture.ts";

const d = reference.distributions;

test("normal CDF, upper tail and quantile equal scipy.special.ndtr / norm.sf / ndtri", () => {
  for (const [x, p] of d.normalCdf) assertClose(normalCdf(x), p, `ndtr(${x})`, 1e-13, 1e-300);
  for (const [x, p] of d.normalUpperTail) assertClose(normalUpperTail(x), p, `sf(${x})`, 1e-13, 1e-300);
  for (const [p, x] of d.normalQuantile) assertClose(normalQuantile(p), x, `ndtri(${p})`, 1e-14, 1e-15);
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test("binomial pmf and cdf equal scipy.stats.binom", () => {
  for (const [k, n, p, expected] of d.binomialPmf)
    assertClose(binomialPmf(k, n, p), expected, `pmf(${k}; ${n}, ${p})`, 1e-12, 1e-300);
  for (const [k, n, p, expected] of d.binomialCdf)
    assertClose(binomialCdf(k, n, p), expected, `cdf(${k}; ${n}, ${p})`, 1e-11, 1e-300);
  assertClose(binomialPmf(3, 10, 0.5), 120 / 1024, "worked example", 1e-14);
});
