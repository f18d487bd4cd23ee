import { test } from "node:test";
import assert from "node:assert/strict";
import { rocAuc } from "../../../src/stats/metrics/roc-auc.ts";
import { rankScores } from "../../../src/stats/metrics/score-ranking.ts";
import { resolveMetricOptions } from "../../../src/stats/metrics/types.ts";
import { addMultinomialCounts } from "../../../src/stats/paired/multinomial-counts.ts";
import { genericKernel } from "../../../src/stats/paired/paired-kernel.ts";
import { rocAucKernel } from "../../../src/stats/paired/roc-auc-kernel.ts";
import { rocAucImplementation } from "../../../src/stats/metrics/roc-auc.ts";
import { createRandom, xoshiroState } from "../../../src/stats/random.ts";
import { assertClose, f64, reference } from "../metrics/fixture.ts";

test("worked example: midrank AUC 0.875 with a mixed tie group", () => {
  const labels = f64([0, 1, 0, 1]);
  const prepared = rocAucKernel.prepare(
    { task: "binary", labels, scores: f64([0.1, 0.5, 0.5, 0.9]) },
    { task: "binary", labels, scores: f64([0.2, 0.3, 0.1, 0.8]) },
    resolveMetricOptions(),
  );
  assert.equal(rocAucKernel.lanes, 2);
  const out = new Float64Array(4);
  // lane 0: every row once; lane 1: no row drawn
  rocAucKernel.evaluate(prepared.state, Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 0]), out);
  assert.deepEqual([...out.subarray(0, 2)], [0.875, 1]);
  assert.ok(Number.isNaN(out[2]) && Number.isNaN(out[3]));
  assert.deepEqual(prepared.full, [0.875, 1]);
});

test("on resampled counts (two lanes), equals ROC AUC of the rows actually drawn (ties in both models)", () => {
  for (const c of reference.binary.filter((b) => b.name !== "one_class")) {
    const labels = f64(c.labels);
    const champion = { task: "binary" as const, labels, scores: f64(c.champion) };
    const challenger = { task: "binary" as const, labels, scores: f64(c.challenger) };
    const prepared = rocAucKernel.prepare(champion, challenger, resolveMetricOptions());
    const generic = genericKernel(rocAucImplementation);
    const genericPrepared = generic.prepare(champion, challenger, resolveMetricOptions());
    const order = rankScores(labels, champion.scores).order; // canonical position -> row
    const n = labels.length;
    for (let r = 0; r < 10; r += 2) {
      const counts = new Uint8Array(2 * n);
      addMultinomialCounts(counts, n, xoshiroState(4, r), 2, 0);
      addMultinomialCounts(counts, n, xoshiroState(4, r + 1), 2, 1);
      const out = new Float64Array(4);
      rocAucKernel.evaluate(prepared.state, counts, out);
      for (const lane of [0, 1]) {
        const rows: number[] = [];
        const byRow = new Uint8Array(n);
        for (let p = 0; p < n; p++) {
          const count = counts[2 * p + lane];
          byRow[order[p]] = count;
          for (let k = 0; k < count; k++) rows.push(order[p]);
        }
        const drawnLabels = f64(rows.map((i) => c.labels[i]));
        const expectedChampion = rocAuc(drawnLabels, f64(rows.map((i) => c.champion[i]))).value;
        const expectedChallenger = rocAuc(drawnLabels, f64(rows.map((i) => c.challenger[i]))).value;
        assertClose(out[2 * lane], expectedChampion, `${c.name} resample ${r + lane} champion`, 1e-14);
        assertClose(out[2 * lane + 1], expectedChallenger, `${c.name} resample ${r + lane} challenger`, 1e-14);
        const genericOut = new Float64Array(2);
        generic.evaluate(genericPrepared.state, byRow, genericOut);
        assert.deepEqual([...genericOut].map((v) => v.toPrecision(14)), [...out.subarray(2 * lane, 2 * lane + 2)].map((v) => v.toPrecision(14)));
      }
    }
  }
});

test("the fused resample path equals zeroing + addMultinomialCounts + evaluate exactly", () => {
  for (const n of [9, 4097, 2 * 8192 + 1001]) {
    const random = createRandom(n);
    const labels = f64(Array.from({ length: n }, () => (random.nextFloat() < 0.35 ? 1 : 0)));
    const scores = () => f64([...labels].map((y) => Math.round((0.3 * y + 0.7 * random.nextFloat()) * 200) / 200));
    const prepared = rocAucKernel.prepare({ task: "binary", labels, scores: scores() }, { task: "binary", labels, scores: scores() }, resolveMetricOptions());
    const streams = [xoshiroState(9, 0), xoshiroState(9, 1)];
    const fused = new Float64Array(4);
    rocAucKernel.resample!(prepared.state, new Uint8Array(2 * n).fill(7), streams, fused);
    const counts = new Uint8Array(2 * n);
    streams.forEach((stream, lane) => addMultinomialCounts(counts, n, stream, 2, lane));
    const separate = new Float64Array(4);
    rocAucKernel.evaluate(prepared.state, counts, separate);
    assert.deepEqual([...fused], [...separate], `n = ${n}`);
    assert.ok(fused.every(Number.isFinite));
  }
});

test("leave-one-out values in canonical order equal AUC without that row", () => {
  const c = reference.binary.find((b) => b.name === "small_ties")!;
  const labels = f64(c.labels);
  const prepared = rocAucKernel.prepare({ task: "binary", labels, scores: f64(c.champion) }, { task: "binary", labels, scores: f64(c.challenger) }, resolveMetricOptions());
  const leftOut = prepared.leaveOneOut()!;
  const order = rankScores(labels, f64(c.champion)).order;
  for (let p = 0; p < labels.length; p++) {
    const keep = c.labels.map((_, i) => i).filter((i) => i !== order[p]);
    const y = f64(keep.map((i) => c.labels[i]));
    assertClose(leftOut.champion[p], rocAuc(y, f64(keep.map((i) => c.champion[i]))).value, `champion without row ${order[p]}`, 1e-13);
    assertClose(leftOut.challenger[p], rocAuc(y, f64(keep.map((i) => c.challenger[i]))).value, `challenger without row ${order[p]}`, 1e-13);
  }
});
