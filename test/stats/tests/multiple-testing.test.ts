import { test } from "node:test";
import assert from "node:assert/strict";
import { adjustPValues, benjaminiHochberg, bonferroni } from "../../../src/stats/tests/multiple-testing.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("Benjamini-Hochberg equals the numpy reference (statsmodels fdr_bh definition)", () => {
  for (const { p, adjusted } of reference.benjaminiHochberg) {
    benjaminiHochberg(p).forEach((value, i) => assertClose(value, adjusted[i], `p=${p[i]}`, 1e-14));
  }
});

test("worked example", () => {
  const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
  assertClose(adjusted[0], 0.04, "0", 1e-15);
  assertClose(adjusted[1], 0.16 / 3, "1", 1e-15);
  assertClose(adjusted[2], 0.16 / 3, "2", 1e-15);
  assertClose(adjusted[3], 0.2, "3", 1e-15);
});

test("NaN p-values are left out of the family", () => {
  const adjusted = adjustPValues([0.01, NaN, 0.02], "benjamini-hochberg");
  assert.ok(Number.isNaN(adjusted[1]));
  assert.deepEqual([adjusted[0], adjusted[2]], [0.02, 0.02]);
  assert.deepEqual(
    bonferroni([0.01, NaN, 0.6]).map((p) => (Number.isNaN(p) ? "NaN" : p)),
    [0.02, "NaN", 1],
  );
});
