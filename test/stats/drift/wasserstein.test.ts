import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeWasserstein, wassersteinDistance } from "../../../src/stats/drift/wasserstein.ts";
import { assertClose, reference } from "./fixture.ts";

test("equals scipy.stats.wasserstein_distance, and the normalized value divides by np.std(reference)", () => {
  for (const c of reference.wasserstein) {
    const distance = wassersteinDistance(c.u, c.v);
    assertClose(distance, c.distance, `${c.name}`, 1e-10);
    assertClose(normalizeWasserstein(distance, c.referenceStd, 1), c.normalized, `${c.name} normalized`, 1e-10);
  }
});

test("worked example: every value moves by 5", () => {
  assert.equal(wassersteinDistance([0, 1, 3], [5, 6, 8]), 5);
});

test("constant reference: normalize by the current std, or 0 / Infinity when both are constant", () => {
  assert.equal(normalizeWasserstein(0.5, 0, 2), 0.25);
  assert.equal(normalizeWasserstein(0, 0, 0), 0);
  assert.equal(normalizeWasserstein(1, 0, 0), Infinity);
});
