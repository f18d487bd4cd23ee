import { test } from "node:test";
import assert from "node:assert/strict";
import { rocAuc } from "../../../src/stats/metrics/roc-auc.ts";
import { rankScores } from "../../../src/stats/metrics/score-ranking.ts";
import { resolveMetricOptions } from "../../../src/stats/metrics/types.ts";
import { addMultinomialCounts } from "../../../src/stats/paired/multinomial-counts.ts";
import { genericKernel } from "../../../src/stats/paired/paired-kernel.ts";
import { rocAucKernel } from "../../../src/stats/paired/roc-auc-kernel.ts";
import { rocAucImplementation } from "../../../src/stats/metrics/roc-auc.ts";
import { xoshiroState } from "../../../src/stats/random.ts";
import { assertClose, f64, reference } from "../metrics/fixture.ts";

test("worked example: midrank AUC 0.875 with a mixed tie group", () => {
  const labels = f64([0, 1, 0, 1]);
  const prepared = rocAucKernel.prepare(
    { task: "binary", labels, scores: f64([0.1, 0.5, 0.5, 0.9]) },
    { task: "binary", labels, scores: f64([0.2, 0.3, 0.1, 0.8]) },
    resolveMetricOptions(),
  );
  const out = new Float64Array(2);
  rocAucKernel.evaluate(prepared.state, new Uint8Array(4).fill(1), out);
  assert.deepEqual([...out], [0.875, 1]);
  assert.deepEqual(prepared.full, [0.875, 1]);
});

test("on resampled counts, equals ROC AUC of the rows actually drawn (ties in both models)", () => {
  for (const c of reference.binary.filter((b) => b.name !== "one_class")) {
    const labels = f64(c.labels);
    const champion = { task: "binary" as const, labels, scores: f64(c.champion) };
    const challenger = { task: "binary" as const, labels, scores: f64(c.challenger) };
    const prepared = rocAucKernel.prepare(champion, challenger, resolveMetricOptions());
    const generic = genericKernel(rocAucImplementation);
    const genericPrepared = generic.prepare(champion, challenger, resolveMetricOptions());
    const order = rankScores(labels, champion.scores).order; // canonical position -> row
    const n = labels.length;
    for (let r = 0; r < 10; r++) {
      const counts = new Uint8Array(n);
      addMultinomialCounts(counts, n, xoshiroState(4, r));
      const out = new Float64Array(2);
      rocAucKernel.evaluate(prepared.state, counts, out);
      const rows: number[] = [];
      const byRow = new Uint8Array(n);
      for (let p = 0; p < n; p++) {
        byRow[order[p]] = counts[p];
        for (let k = 0; k < counts[p]; k++) rows.push(order[p]);
      }
      const drawnLabels = f64(rows.map((i) => c.labels[i]));
      const expectedChampion = rocAuc(drawnLabels, f64(rows.map((i) => c.champion[i]))).value;
      const expectedChallenger = rocAuc(drawnLabels, f64(rows.map((i) => c.challenger[i]))).value;
      assertClose(out[0], expectedChampion, `${c.name} resample ${r} champion`, 1e-14);
      assertClose(out[1], expectedChallenger, `${c.name} resample ${r} challenger`, 1e-14);
      const genericOut = new Float64Array(2);
      generic.evaluate(genericPrepared.state, byRow, genericOut);
      assert.deepEqual([...genericOut].map((v) => v.toPrecision(14)), [...out].map((v) => v.toPrecision(14)));
    }
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
