// Live quality on labelled log rows: point values from scikit-learn and intervals computed
// independently (scipy's Wilson interval, a numpy DeLong variance, normal intervals of means),
// from scripts/references/live_quality.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { liveQuality } from "../../src/monitor/live-quality.ts";
import { joinByRequestId } from "../../src/monitor/join-labels.ts";
import { wilsonInterval } from "../../src/stats/intervals/wilson-interval.ts";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/stats/live-quality.json", import.meta.url), "utf8"));

function assertMetric(
  actual: { value: number; low?: number; high?: number },
  expected: { value: number; interval: [number, number] },
  name: string,
) {
  assert.ok(Math.abs(actual.value - expected.value) < 1e-9, `${name}: ${actual.value} vs ${expected.value}`);
  assert.ok(
    Math.abs(actual.low! - expected.interval[0]) < 1e-9,
    `${name} low: ${actual.low} vs ${expected.interval[0]}`,
  );
  assert.ok(
    Math.abs(actual.high! - expected.interval[1]) < 1e-9,
    `${name} high: ${actual.high} vs ${expected.interval[1]}`,
  );
}

test("binary: each metric and its interval equal the references", () => {
  const b = fixture.binary;
  const live = liveQuality(
    { task: "binary", labels: Float64Array.from(b.labels), scores: Float64Array.from(b.scores) },
    { threshold: b.threshold, confidence: 0.95, floors: {} },
  );
  for (const [name, expected] of Object.entries(b.expected) as Array<
    [string, { value: number; interval: [number, number] }]
  >) {
    const metric = live.metrics.find((m) => m.name === name);
    assert.ok(metric, name);
    assertMetric(metric, expected, name);
  }
  assert.equal(live.rows, b.labels.length);
});

test("regression: rmse and mae with their intervals equal the references", () => {
  const r = fixture.regression;
  const live = liveQuality(
    { task: "regression", targets: Float64Array.from(r.targets), predictions: Float64Array.from(r.predictions) },
    { threshold: 0.5, confidence: 0.95, floors: {} },
  );
  for (const name of ["rmse", "mae"])
    assertMetric(
      live.metrics.find((m) => m.name === name)!,
      r.expected[name],
      name,
    );
});

test("a floor is breached only when the whole interval is past it", () => {
  const b = fixture.binary;
  const outcomes = {
    task: "binary" as const,
    labels: Float64Array.from(b.labels),
    scores: Float64Array.from(b.scores),
  };
  const [low, high] = b.expected.roc_auc.interval as [number, number];
  const at = (floor: number) => liveQuality(outcomes, { threshold: 0.5, confidence: 0.95, floors: { roc_auc: floor } });
  assert.deepEqual(at(high + 0.001).breached, ["roc_auc"]);
  assert.deepEqual(at((low + high) / 2).breached, [], "a floor inside the interval is not a breach");
  assert.deepEqual(at(low - 0.001).breached, []);
  // Lower-is-better metrics: breached when the interval lies wholly above the floor.
  const [, brierHigh] = b.expected.brier.interval as [number, number];
  const [brierLow] = b.expected.brier.interval as [number, number];
  assert.deepEqual(
    liveQuality(outcomes, { threshold: 0.5, confidence: 0.95, floors: { brier: brierLow - 0.001 } }).breached,
    ["brier"],
  );
  assert.deepEqual(
    liveQuality(outcomes, { threshold: 0.5, confidence: 0.95, floors: { brier: brierHigh } }).breached,
    [],
  );
});

test("one class: roc_auc is undefined, never a breach", () => {
  const live = liveQuality(
    { task: "binary", labels: new Float64Array(50), scores: new Float64Array(50).fill(0.2) },
    { threshold: 0.5, confidence: 0.95, floors: { roc_auc: 0.9 } },
  );
  const auc = live.metrics.find((m) => m.name === "roc_auc")!;
  assert.equal(auc.status, "undefined");
  assert.deepEqual(live.breached, []);
});

test("multiclass from logged classes: accuracy with a Wilson interval", () => {
  const labels = Float64Array.from([0, 1, 2, 2, 1, 0, 2, 1, 0, 0]);
  const predicted = Float64Array.from([0, 1, 2, 1, 1, 0, 0, 1, 0, 2]);
  const [accuracy] = liveQuality(
    { task: "multiclass", labels, predictedClasses: predicted },
    { threshold: 0.5, confidence: 0.95, floors: {} },
  ).metrics;
  // 7 of 10 correct: scipy.stats.binomtest(7, 10).proportion_ci(method="wilson") = (0.3967781, 0.8922087)
  assert.equal(accuracy.value, 0.7);
  assert.ok(
    Math.abs(accuracy.low! - 0.39677815) < 1e-7 && Math.abs(accuracy.high! - 0.89220873) < 1e-7,
    `${accuracy.low} ${accuracy.high}`,
  );
});

test("Wilson stays inside [0, 1] at the edges", () => {
  const none = wilsonInterval(0, 20, 0.95);
  const all = wilsonInterval(20, 20, 0.95);
  assert.equal(none.low, 0);
  assert.equal(all.high, 1);
  // scipy.stats.binomtest(0, 20).proportion_ci(method="wilson").high = 0.16112515
  assert.ok(Math.abs(none.high - 0.16112515) < 1e-7, String(none.high));
});

test("labels join by request id, the k-th row of an id with its k-th label; the rest counted", () => {
  const join = joinByRequestId(["a", "b", "a", "c", undefined, "d"], ["a", "x", "a", "b", "a", undefined]);
  assert.deepEqual([...join.logRows], [0, 1, 2]);
  assert.deepEqual([...join.labelRows], [0, 3, 2]);
  assert.equal(join.unlabelled, 2, "c and d; the row without an id is not a request");
  assert.equal(join.unmatched, 3, "x, the third a, and a label without an id");
});
