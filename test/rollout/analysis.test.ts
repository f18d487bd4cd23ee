// The rollout's signals against references computed independently (scipy's Wilson intervals into
// Newcombe's formula, scipy.stats.binom order-statistic ranks, scipy.stats.ks_2samp) from
// scripts/references/rollout_references.py, and each signal's breach rule on hand-built windows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { newcombeDifference } from "../../src/rollout/newcombe-interval.ts";
import { medianRankInterval } from "../../src/gate/latency.ts";
import { analyseWindows } from "../../src/rollout/analysis.ts";
import { addObservation, emptyWindow, type EndpointWindow } from "../../src/rollout/endpoint-window.ts";
import { lookAlpha, lookAt } from "../../src/rollout/look-budget.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/stats/rollout.json", import.meta.url), "utf8"));
const thresholds = { error_rate_margin: 0.005, latency_median_ratio: 1.5, prediction_ks: 0.1 };

test("Newcombe's hybrid score interval equals the scipy-based reference (and Newcombe's own 0.0524–0.3339)", () => {
  for (const c of fixture.newcombe) {
    const d = newcombeDifference(c.k1, c.n1, c.k2, c.n2, c.confidence);
    for (const key of ["difference", "low", "high"] as const)
      assert.ok(Math.abs(d[key] - c[key]) < 1e-9, `${JSON.stringify(c)} ${key}: ${d[key]}`);
  }
  assert.ok(Number.isNaN(newcombeDifference(0, 0, 1, 10, 0.95).low), "no requests: no interval");
});

test("the median's order-statistic ranks equal scipy.stats.binom's", () => {
  for (const c of fixture.median_ranks)
    assert.deepEqual(medianRankInterval(c.n, c.confidence), c.ranks, `n ${c.n} at ${c.confidence}`);
});

function window(requests: number, errors: number, latencies: number[], scores: number[]): EndpointWindow {
  return {
    requests,
    errors,
    latencyMs: latencies,
    latencySeen: latencies.length,
    scores,
    scoresSeen: scores.length,
    labelled: { labels: [], predictions: [], seen: 0 },
  };
}

const evidence = (stable: EndpointWindow, canary: EndpointWindow, alpha = 0.001) =>
  Object.fromEntries(analyseWindows(stable, canary, thresholds, alpha).map((e) => [e.signal, e]));

test("prediction mix: the KS figures equal scipy's ks_2samp; a real, large shift breaches, the same mix does not", () => {
  for (const c of fixture.ks) {
    const e = evidence(
      window(c.stable.length, 0, [], c.stable),
      window(c.canary.length, 0, [], c.canary),
    ).prediction_mix;
    assert.ok(Math.abs(e.figures.statistic - c.statistic) < 1e-12, `${c.name} statistic`);
    assert.ok(
      Math.abs(e.figures.p_value - c.p_value) <= 1e-9 * Math.max(c.p_value, 1e-300) + 1e-300,
      `${c.name} p ${e.figures.p_value} vs ${c.p_value}`,
    );
    assert.equal(e.breached, c.name === "positive", c.name);
  }
  // Statistic past the threshold but p above the look's alpha: not beyond doubt, no breach.
  const small = evidence(
    window(5, 0, [], [0.1, 0.2, 0.3, 0.4, 0.5]),
    window(3, 0, [], [0.35, 0.45, 0.55]),
  ).prediction_mix;
  assert.ok(small.figures.statistic > 0.1 && !small.breached);
});

test("error rate: breach only when Newcombe's lower bound of canary − stable passes the margin", () => {
  const rows = [
    { canary: [30, 300], stable: [19, 1900], breached: true }, // 10% vs 1%
    { canary: [4, 300], stable: [19, 1900], breached: false }, // 1.3% vs 1%: within noise
    { canary: [0, 300], stable: [0, 1900], breached: false },
  ];
  for (const row of rows) {
    const e = evidence(
      window(row.stable[1], row.stable[0], [], []),
      window(row.canary[1], row.canary[0], [], []),
    ).error_rate;
    const reference = newcombeDifference(row.canary[0], row.canary[1], row.stable[0], row.stable[1], 1 - 2 * 0.001);
    assert.equal(e.figures.low, reference.low);
    assert.equal(e.breached, row.breached, JSON.stringify(row));
    if (row.breached) assert.match(e.detail, /^error_rate: canary 10\.00% \(30\/300\) vs stable 1\.00% \(19\/1900\)/);
  }
});

test("latency: breach only when the canary median's lower bound passes ratio × the stable median's upper bound", () => {
  const random = createRandom(7);
  const around = (centre: number, n: number) =>
    Array.from({ length: n }, () => centre * (0.8 + 0.4 * random.nextFloat()));
  const stable = window(1000, 0, around(2, 1000), []);
  assert.equal(evidence(stable, window(200, 0, around(2, 200), [])).latency.breached, false, "same latency");
  assert.equal(
    evidence(stable, window(200, 0, around(2.6, 200), [])).latency.breached,
    false,
    "1.3× slower: within 1.5×",
  );
  const slow = evidence(stable, window(200, 0, around(5, 200), [])).latency;
  assert.equal(slow.breached, true, "2.5× slower");
  assert.ok(slow.figures.canary_low_ms > 1.5 * slow.figures.stable_high_ms);
  assert.equal(evidence(stable, window(0, 0, [], [])).latency.breached, false, "no canary samples yet");
  // The medians are numpy's (linear interpolation): 2.5 of [4, 1, 3, 2], 2 of [3, 1, 2].
  const medians = evidence(window(4, 0, [4, 1, 3, 2], []), window(3, 0, [3, 1, 2], [])).latency.figures;
  assert.equal(medians.stable_median_ms, 2.5);
  assert.equal(medians.canary_median_ms, 2);
});

test("the look budget: scheduled at 100·2^k, and all looks of all steps and the four signals (live quality on its own looks) spend at most alpha", () => {
  assert.deepEqual([0, 1, 2, 3].map(lookAt), [100, 200, 400, 800]);
  let total = 0;
  // error_rate, latency, prediction_mix at the request looks; live_quality at its own looks.
  for (let step = 0; step < 4; step++)
    for (let k = 0; k < 60; k++) total += 3 * lookAlpha(0.01, 4, k) + lookAlpha(0.01, 4, k);
  assert.ok(total <= 0.01 && total > 0.0099, String(total));
});

test("a window keeps every count but a bounded uniform sample", () => {
  const random = createRandom(3);
  const w = emptyWindow();
  for (let i = 0; i < 10_000; i++)
    addObservation(
      w,
      { ok: i % 10 !== 0, latencyMs: i, scores: i % 10 === 0 ? undefined : [i] },
      () => random.nextFloat(),
      500,
    );
  assert.equal(w.requests, 10_000);
  assert.equal(w.errors, 1000);
  assert.equal(w.latencyMs.length, 500);
  assert.equal(w.scores.length, 500);
  assert.equal(w.scoresSeen, 9000);
  // Uniform over the whole stream, not the first 500: the sample's mean is near the stream's.
  const meanLatency = w.latencyMs.reduce((a, b) => a + b, 0) / 500;
  assert.ok(Math.abs(meanLatency - 5000) < 500, String(meanLatency));
});
