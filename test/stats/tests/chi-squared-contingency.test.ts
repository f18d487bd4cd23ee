import { test } from "node:test";
import assert from "node:assert/strict";
import { chiSquaredContingency } from "../../../src/stats/tests/chi-squared-contingency.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("equals scipy.stats.chi2_contingency (Yates' correction when df = 1)", () => {
  for (const c of reference.chi2Contingency) {
    const result = chiSquaredContingency(c.table);
    assert.equal(result.degreesOfFreedom, c.dof);
    assertClose(result.statistic, c.statistic, `${JSON.stringify(c.table)} statistic`);
    assertClose(result.pValue, c.pvalue, `${JSON.stringify(c.table)} p`);
  }
});

test("worked example [[10, 20], [20, 10]]: X^2 = 5.4", () => {
  const result = chiSquaredContingency([
    [10, 20],
    [20, 10],
  ]);
  assertClose(result.statistic, 5.4, "X^2", 1e-14);
  assertClose(result.pValue, 0.02013675155034633, "p");
});

test("a zero column is refused; one column means df = 0", () => {
  assert.throws(
    () =>
      chiSquaredContingency([
        [1, 0],
        [2, 0],
      ]),
    /sums to zero/,
  );
  assert.deepEqual(chiSquaredContingency([[5], [7]]), { statistic: 0, pValue: 1, degreesOfFreedom: 0 });
});
