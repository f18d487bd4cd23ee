import { test } from "node:test";
import assert from "node:assert/strict";
import { jensenShannonDistance } from "../../../src/stats/drift/jensen-shannon.ts";
import { assertClose, reference } from "./fixture.ts";

test("equals scipy.spatial.distance.jensenshannon(p, q, base=2)", () => {
  for (const { p, q, distance } of reference.jensenShannon)
    assertClose(jensenShannonDistance(p, q), distance, `${p} vs ${q}`, 1e-12);
});

test("worked example and bounds: disjoint supports give 1, identical 0", () => {
  assertClose(jensenShannonDistance([1, 0], [0.5, 0.5]), 0.5579230452841438, "example", 1e-12);
  assert.equal(jensenShannonDistance([3, 0], [0, 5]), 1);
  assert.equal(jensenShannonDistance([2, 2], [5, 5]), 0);
  assert.ok(Number.isNaN(jensenShannonDistance([0, 0], [1, 1])));
});
