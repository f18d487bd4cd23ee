import { test } from "node:test";
import assert from "node:assert/strict";
import { fisherExactTwoSided } from "../../../src/stats/tests/fisher-exact.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("equals scipy.stats.fisher_exact two-sided p-values", () => {
  for (const { table, pvalue } of reference.fisherExact) {
    const [[a, b], [c, d]] = table;
    assertClose(fisherExactTwoSided(a, b, c, d), pvalue, JSON.stringify(table), 1e-10);
  }
});

test("worked example [[3, 1], [1, 3]] = 34/70", () => {
  assertClose(fisherExactTwoSided(3, 1, 1, 3), 34 / 70, "p", 1e-14);
});

test("a million-row window is exact", () => {
  // 40-digit mpmath sum of hypergeometric terms: 0.20954418847739055795. scipy 1.10 (Boost
  // hypergeom cdf) gives 0.20954418849383682, 8e-11 off; the ratio walk here is closer.
  const p = fisherExactTwoSided(1000, 19000, 52000, 948000);
  assertClose(p, 0.20954418847739055795, "p", 1e-13);
});

test("rejects non-integer counts", () => {
  assert.throws(() => fisherExactTwoSided(1.5, 1, 1, 1), /integers/);
});
