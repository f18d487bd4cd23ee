import { test } from "node:test";
import assert from "node:assert/strict";
import { rocAuc } from "../../../src/stats/metrics/roc-auc.ts";
import { rankScores } from "../../../src/stats/metrics/score-ranking.ts";
import { resolveMetricOptions } from "../../../src/stats/metrics/types.ts";
import { fillPoissonWeights, groupKeys } from "../../../src/stats/bootstrap/poisson-weights.ts";
import { genericKernel } from "../../../src/stats/bootstrap/paired-kernel.ts";
import { rocAucKernel } from "../../../src/stats/bootstrap/roc-auc-kernel.ts";
import { rocAucImplementation } from "../../../src/stats/metrics/roc-auc.ts";
import { createRandom } from "../../../src/stats/numeric/random.ts";
import { assertClose, f64, reference } from "../metrics/fixture.ts";

test("worked example: midrank AUC 0.875 with a mixed tie group", () => {
  const labels = f64([0, 1, 0, 1]);
  const prepared = rocAucKernel.prepare(
    { task: "binary", labels, scores: f64([0.1, 0.5, 0.5, 0.9]) },
    { task: "binary", labels, scores: f64([0.2, 0.3, 0.1, 0.8]) },
    resolveMetricOptions(),
  );
  const out = new Float64Array(2);
  rocAucKernel.evaluate(prepared.state, Uint8Array.from([1, 1, 1, 1]), out);
  assert.deepEqual([...out], [0.875, 1]);
  rocAucKernel.evaluate(prepared.state, Uint8Array.from([0, 0, 0, 0]), out);
  assert.ok(Number.isNaN(out[0]) && Number.isNaN(out[1]), "no row drawn: undefined");
  assert.deepEqual(prepared.full, [0.875, 1]);
});

test("on resample weights, equals ROC AUC of the rows repeated by their weights (ties in both models)", () => {
  for (const c of reference.binary.filter((b) => b.name !== "one_class")) {
    const labels = f64(c.labels);
    const champion = { task: "binary" as const, labels, scores: f64(c.champion) };
    const challenger = { task: "binary" as const, labels, scores: f64(c.challenger) };
    const prepared = rocAucKernel.prepare(champion, challenger, resolveMetricOptions());
    const generic = genericKernel(rocAucImplementation);
    const genericPrepared = generic.prepare(champion, challenger, resolveMetricOptions());
    const order = rankScores(labels, champion.scores).order; // canonical position -> row
    const n = labels.length;
    for (let group = 0; group < 3; group++) {
      const [key1, key2] = groupKeys(4, group);
      for (const lane of [0, 1, 2, 3]) {
        const weights = new Uint8Array(n);
        fillPoissonWeights(weights, n, key1, key2, lane);
        const out = new Float64Array(2);
        rocAucKernel.evaluate(prepared.state, weights, out);
        const rows: number[] = [];
        const byRow = new Uint8Array(n);
        for (let p = 0; p < n; p++) {
          byRow[order[p]] = weights[p];
          for (let k = 0; k < weights[p]; k++) rows.push(order[p]);
        }
        const drawnLabels = f64(rows.map((i) => c.labels[i]));
        const expectedChampion = rocAuc(drawnLabels, f64(rows.map((i) => c.champion[i]))).value;
        const expectedChallenger = rocAuc(drawnLabels, f64(rows.map((i) => c.challenger[i]))).value;
        assertClose(out[0], expectedChampion, `${c.name} group ${group} lane ${lane} champion`, 1e-14);
        assertClose(out[1], expectedChallenger, `${c.name} group ${group} lane ${lane} challenger`, 1e-14);
        const genericOut = new Float64Array(2);
        generic.evaluate(genericPrepared.state, byRow, genericOut);
        assert.deepEqual(
          [...genericOut].map((v) => v.toPrecision(14)),
          [...out].map((v) => v.toPrecision(14)),
        );
      }
    }
  }
});

test("the fused four-resample pass equals fillPoissonWeights + evaluate for each lane exactly", () => {
  for (const n of [9, 4097, 30001]) {
    const random = createRandom(n);
    const labels = f64(Array.from({ length: n }, () => (random.nextFloat() < 0.35 ? 1 : 0)));
    const scores = () => f64([...labels].map((y) => Math.round((0.3 * y + 0.7 * random.nextFloat()) * 200) / 200));
    const prepared = rocAucKernel.prepare(
      { task: "binary", labels, scores: scores() },
      { task: "binary", labels, scores: scores() },
      resolveMetricOptions(),
    );
    const [key1, key2] = groupKeys(9, 0);
    const fused = new Float64Array(8);
    rocAucKernel.resampleGroup!(prepared.state, key1, key2, fused);
    const separate = new Float64Array(8);
    const weights = new Uint8Array(n);
    for (let lane = 0; lane < 4; lane++) {
      fillPoissonWeights(weights, n, key1, key2, lane);
      rocAucKernel.evaluate(prepared.state, weights, separate.subarray(2 * lane, 2 * lane + 2));
    }
    assert.deepEqual([...fused], [...separate], `n = ${n}`);
    assert.ok(fused.every(Number.isFinite));
  }
});

test("leave-one-out values in canonical order equal AUC without that row", () => {
  const c = reference.binary.find((b) => b.name === "small_ties")!;
  const labels = f64(c.labels);
  const prepared = rocAucKernel.prepare(
    { task: "binary", labels, scores: f64(c.champion) },
    { task: "binary", labels, scores: f64(c.challenger) },
    resolveMetricOptions(),
  );
  const leftOut = prepared.leaveOneOut()!;
  const order = rankScores(labels, f64(c.champion)).order;
  for (let p = 0; p < labels.length; p++) {
    const keep = c.labels.map((_, i) => i).filter((i) => i !== order[p]);
    const y = f64(keep.map((i) => c.labels[i]));
    assertClose(
      leftOut.champion[p],
      rocAuc(y, f64(keep.map((i) => c.champion[i]))).value,
      `champion without row ${order[p]}`,
      1e-13,
    );
    assertClose(
      leftOut.challenger[p],
      rocAuc(y, f64(keep.map((i) => c.challenger[i]))).value,
      `challenger without row ${order[p]}`,
      1e-13,
    );
  }
});
