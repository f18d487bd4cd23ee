import { test } from "node:test";
import assert from "node:assert/strict";
import { binCountsSorted, populationStabilityIndex, psiBinEdges } from "../../../src/stats/drift/psi.ts";
import { assertClose, reference } from "./fixture.ts";

const sorted = (values: number[]) => Float64Array.from(values).sort();

test("edges, counts and PSI equal the numpy reference (quantile edges, merged ties, right-closed bins)", () => {
  for (const c of reference.psi) {
    const edges = psiBinEdges(sorted(c.reference));
    assert.deepEqual(edges, c.edges, `${c.name} edges`);
    const referenceCounts = binCountsSorted(sorted(c.reference), edges);
    const currentCounts = binCountsSorted(sorted(c.current), edges);
    assert.deepEqual(referenceCounts, c.referenceCounts, `${c.name} reference counts`);
    assert.deepEqual(currentCounts, c.currentCounts, `${c.name} current counts`);
    assertClose(populationStabilityIndex(referenceCounts, currentCounts), c.psi, `${c.name} psi`, 1e-12);
  }
});

test("worked example: shares (0.5, 0.5) -> (0.6, 0.4)", () => {
  assertClose(populationStabilityIndex([50, 50], [60, 40]), 0.04054651081081641, "psi", 1e-12);
});

test("an empty bin costs a finite amount through the 1e-4 share", () => {
  const psi = populationStabilityIndex([50, 50, 0], [50, 40, 10]);
  const expected = (0.5 - 0.5) * 0 + (0.5 - 0.4) * Math.log(0.5 / 0.4) + (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
  assertClose(psi, expected, "psi", 1e-12);
});

test("heavy ties merge edges: 60% zeros leave one edge at 0", () => {
  const data = sorted([...Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)]);
  const edges = psiBinEdges(data);
  assert.equal(edges[0], 0);
  assert.equal(edges.length, 5); // 0 (from the 0.1..0.5 quantiles, merged), then about 0.4, 10.3, 20.2, 30.1
  assert.equal(binCountsSorted(data, edges)[0], 60);
});
