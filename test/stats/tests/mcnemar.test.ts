import { test } from "node:test";
import assert from "node:assert/strict";
import { mcnemarFromCounts, mcnemarTest } from "../../../src/stats/tests/mcnemar.ts";
import { rowCorrectness } from "../../../src/stats/metrics/row-correctness.ts";
import { assertClose, f64, reference } from "../metrics/fixture.ts";

test("exact p equals scipy.stats.binomtest; mid-p equals 2 P(X <= k) - P(X = k)", () => {
  for (const e of reference.mcnemarCounts) {
    const result = mcnemarFromCounts(e.b, e.c);
    assert.equal(result.b, e.b);
    assert.equal(result.c, e.c);
    assertClose(result.pValue, e.pValue, `b=${e.b} c=${e.c} p`, 1e-11, 1e-300);
    assertClose(result.midP, e.midP, `b=${e.b} c=${e.c} mid-p`, 1e-11, 1e-300);
  }
});

test("worked example b = 2, c = 8", () => {
  const result = mcnemarFromCounts(2, 8);
  assertClose(result.pValue, 112 / 1024, "p", 1e-14);
  assertClose(result.midP, 67 / 1024, "mid-p", 1e-14);
  assert.deepEqual(mcnemarFromCounts(0, 0), { b: 0, c: 0, pValue: 1, midP: 1 });
  assert.deepEqual(mcnemarFromCounts(7, 7), { b: 7, c: 7, pValue: 1, midP: 1 });
});

test("from per-row correctness of the reference models (threshold 0.5 / argmax)", () => {
  for (const c of reference.binary) {
    const correct = (scores: number[]) =>
      rowCorrectness({ task: "binary", labels: f64(c.labels), scores: f64(scores) });
    const result = mcnemarTest(correct(c.champion), correct(c.challenger));
    assert.deepEqual([result.b, result.c], [c.mcnemar.b, c.mcnemar.c], c.name);
    assertClose(result.pValue, c.mcnemar.pValue, `${c.name} p`, 1e-12);
    assertClose(result.midP, c.mcnemar.midP, `${c.name} mid-p`, 1e-12);
  }
  for (const c of reference.multiclass) {
    const correct = (p: number[]) =>
      rowCorrectness({ task: "multiclass", labels: f64(c.labels), probabilities: f64(p), classCount: c.classCount });
    const result = mcnemarTest(correct(c.champion), correct(c.challenger));
    assert.deepEqual([result.b, result.c], [c.mcnemar.b, c.mcnemar.c], c.name);
  }
});
