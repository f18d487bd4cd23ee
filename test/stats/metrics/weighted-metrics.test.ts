// The bootstrap and the jackknife evaluate metrics with row weights instead of copied rows.
// These tests pin that down: weighted(state, counts) must equal the metric of the rows repeated
// counts[i] times, and leaveOneOut must equal the metric with one row removed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeMetric, findMetric, metricNames } from "../../../src/stats/metrics/registry.ts";
import { resolveMetricOptions, type EvaluationData, type Task } from "../../../src/stats/metrics/types.ts";
import { createRandom } from "../../../src/stats/numeric/random.ts";
import { assertClose, f64, reference } from "./fixture.ts";

function datasets(): EvaluationData[] {
  const b = reference.binary.find((c) => c.name === "small_ties")!;
  const m = reference.multiclass[0];
  const r = reference.regression[0];
  return [
    { task: "binary", labels: f64(b.labels), scores: f64(b.challenger) },
    { task: "multiclass", labels: f64(m.labels), probabilities: f64(m.champion), classCount: m.classCount },
    { task: "regression", targets: f64(r.targets), predictions: f64(r.champion) },
  ];
}

function rowsOf(data: EvaluationData): number {
  return data.task === "regression" ? data.targets.length : data.labels.length;
}

/** The data with row i repeated weights[i] times. */
function expand(data: EvaluationData, weights: ArrayLike<number>): EvaluationData {
  const rows: number[] = [];
  for (let i = 0; i < weights.length; i++) for (let k = 0; k < weights[i]; k++) rows.push(i);
  if (data.task === "binary")
    return {
      task: "binary",
      labels: f64(rows.map((i) => data.labels[i])),
      scores: f64(rows.map((i) => data.scores[i])),
    };
  if (data.task === "regression")
    return {
      task: "regression",
      targets: f64(rows.map((i) => data.targets[i])),
      predictions: f64(rows.map((i) => data.predictions[i])),
    };
  const c = data.classCount;
  return {
    task: "multiclass",
    classCount: c,
    labels: f64(rows.map((i) => data.labels[i])),
    probabilities: f64(rows.flatMap((i) => [...data.probabilities.subarray(i * c, (i + 1) * c)])),
  };
}

test("weighted(state, counts) equals the metric on the rows repeated counts[i] times", () => {
  const random = createRandom(3);
  for (const data of datasets()) {
    const n = rowsOf(data);
    for (const name of metricNames(data.task)) {
      const { implementation } = findMetric(name, data.task as Task);
      const state = implementation.prepare(data, resolveMetricOptions());
      for (let trial = 0; trial < 5; trial++) {
        const counts = new Uint8Array(n);
        for (let k = 0; k < n; k++) counts[random.nextBelow(n)]++;
        const expected = computeMetric(name, expand(data, counts)).value;
        assertClose(
          implementation.weighted(state, counts),
          expected,
          `${data.task} ${name} trial ${trial}`,
          1e-12,
          1e-14,
        );
      }
    }
  }
});

test("leaveOneOut (where a metric has one) equals the metric without that row", () => {
  let checked = 0;
  for (const data of datasets()) {
    const n = rowsOf(data);
    for (const name of metricNames(data.task)) {
      const { implementation } = findMetric(name, data.task as Task);
      if (!implementation.leaveOneOut) continue;
      const leftOut = implementation.leaveOneOut(implementation.prepare(data, resolveMetricOptions()));
      for (let i = 0; i < n; i++) {
        const weights = new Uint8Array(n).fill(1);
        weights[i] = 0;
        assertClose(
          leftOut[i],
          computeMetric(name, expand(data, weights)).value,
          `${data.task} ${name} without row ${i}`,
          1e-12,
          1e-14,
        );
      }
      checked++;
    }
  }
  // roc_auc, log_loss, brier, accuracy, precision, recall, f1 | log_loss, accuracy | rmse, mae
  assert.equal(checked, 11);
});
