import { test } from "node:test";
import assert from "node:assert/strict";
import {
  alignCategories,
  splitSparseCategories,
  unseenCategories,
} from "../../../src/stats/drift/categorical-counts.ts";
import { chiSquaredContingency } from "../../../src/stats/tests/chi-squared-contingency.ts";
import { summarizeCategorical } from "../../../src/stats/drift/column-summary.ts";
import { jensenShannonDistance } from "../../../src/stats/drift/jensen-shannon.ts";
import { populationStabilityIndex } from "../../../src/stats/drift/psi.ts";
import { assertClose, reference } from "./fixture.ts";

function column(name: string, labels: string[]) {
  const categories = [...new Set(labels)];
  const codes = Int32Array.from(labels.map((l) => categories.indexOf(l)));
  return summarizeCategorical({ kind: "categorical", name, codes, categories });
}

test("aligned counts, unseen categories, chi-squared, Jensen-Shannon and PSI equal the scipy fixture", () => {
  for (const c of reference.categorical) {
    const aligned = alignCategories(column("x", c.reference), column("x", c.current));
    assert.deepEqual(aligned.categories, c.categories, c.name);
    assert.deepEqual(aligned.reference, c.referenceCounts, c.name);
    assert.deepEqual(aligned.current, c.currentCounts, c.name);
    const chi2 = chiSquaredContingency([aligned.reference, aligned.current]);
    assertClose(chi2.statistic, c.chi2.statistic, `${c.name} chi2`);
    assertClose(chi2.pValue, c.chi2.pvalue, `${c.name} p`);
    assert.equal(chi2.degreesOfFreedom, c.chi2.dof);
    assertClose(jensenShannonDistance(aligned.reference, aligned.current), c.jensenshannon, `${c.name} JS`, 1e-12);
    assertClose(populationStabilityIndex(aligned.reference, aligned.current), c.psi, `${c.name} PSI`, 1e-12);
    const unseen = unseenCategories(aligned);
    assert.equal(unseen.length, c.unseen.length);
    for (const expected of c.unseen) {
      const found = unseen.find((u) => u.category === expected.category)!;
      assert.equal(found.count, expected.count);
      assertClose(found.share, expected.share, expected.category, 1e-15);
    }
  }
});

test("Cochran's rule splits categories expected fewer than 5 times in the smaller sample", () => {
  const aligned = {
    categories: ["a", "b", "rare", "new", "gone"],
    reference: [5000, 4990, 10, 0, 0],
    current: [300, 280, 0, 20, 0],
  };
  const split = splitSparseCategories(aligned);
  assert.deepEqual(split.dense, { categories: ["a", "b"], reference: [5000, 4990], current: [300, 280] });
  assert.deepEqual(split.sparse, { categories: ["rare", "new"], reference: [10, 0], current: [0, 20] });
  assertClose(split.sparseExpected, (600 * 30) / 10600, "expected", 1e-15);
});
