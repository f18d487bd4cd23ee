import { test } from "node:test";
import assert from "node:assert/strict";
import { categoricalSignificance } from "../../../src/stats/drift/categorical-significance.ts";
import type { CategoricalSummary } from "../../../src/stats/drift/column-summary.ts";
import { assertClose } from "./fixture.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";
import { generateColumn } from "./simulate.ts";
import { summarizeCategorical } from "../../../src/stats/drift/column-summary.ts";

const summary = (categories: string[], counts: number[], missingCount = 0): CategoricalSummary => ({
  kind: "categorical",
  name: "c",
  rowCount: counts.reduce((a, b) => a + b, 0) + missingCount,
  missingCount,
  categories,
  counts,
});

test("worked example: chi-squared on dense categories, Fisher on the sparse pool, Bonferroni (scipy values)", () => {
  const result = categoricalSignificance(
    summary(["a", "b", "rare"], [5000, 4990, 10]),
    summary(["a", "b", "new"], [300, 280, 20]),
  );
  // scipy: chi2_contingency([[5000,4990],[300,280]]).pvalue = 0.4585696277126773,
  //        fisher_exact([[10,9990],[20,580]]) = 1.4811177672198008e-18
  assertClose(result.pValue, 2 * 1.4811177672198008e-18, "p", 1e-10);
  assert.equal(result.degreesOfFreedom, 1);
  assert.match(result.detail, /Fisher/);
});

test("without sparse categories it is exactly chi2_contingency", () => {
  const result = categoricalSignificance(
    summary(["a", "b", "c"], [120, 30, 50]),
    summary(["a", "b", "c"], [100, 45, 55]),
  );
  // scipy.stats.chi2_contingency([[120, 30, 50], [100, 45, 55]])
  assertClose(result.pValue, 0.07980744140868698, "p", 1e-10);
  assert.equal(result.detail, "chi-squared, df = 2");
});

test("a sparse pool expected at least 5 times joins the table as one column", () => {
  const result = categoricalSignificance(
    summary(["a", "b", "r1", "r2", "r3"], [5000, 4000, 40, 40, 40]),
    summary(["a", "b", "r1", "r2", "r3"], [250, 200, 2, 2, 1]),
  );
  assert.equal(result.degreesOfFreedom, 2);
  assert.match(result.detail, /3 sparse categories pooled/);
});

test("rare categories do not make false alarms at 100-row windows: the p-value is not too small too often", () => {
  const feature = {
    kind: "categorical" as const,
    name: "device",
    categories: ["a", "b", "c", "d", "e", "f"],
    probabilities: [0.45, 0.3, 0.2, 0.044, 0.004, 0.002],
    missingShare: 0,
  };
  const prng = createPrng(21);
  let below001 = 0;
  const reps = 2000;
  const reference = summarizeCategorical(generateColumn(feature, 20000, prng) as never);
  for (let r = 0; r < reps; r++) {
    const current = summarizeCategorical(generateColumn(feature, 100, prng) as never);
    if (categoricalSignificance(reference, current).pValue < 0.01) below001 += 1;
  }
  // A valid p-value is below 0.01 at most 1% of the time (20 of 2000); allow sampling error.
  assert.ok(below001 <= 32, `${below001} of ${reps} below 0.01`);
});
