// The live-quality signal against references computed by scripts/references/rollout_live_quality.py
// (sklearn's roc_auc_score and a pairwise DeLong variance, scipy's Wilson intervals for Newcombe,
// scipy's normal quantile for the MAE bound), and the rules around them: margins, too few rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { emptyWindow, type EndpointWindow } from "../../src/rollout/endpoint-window.ts";
import { liveQualitySignal, MIN_CLASS_ROWS } from "../../src/rollout/live-quality-signal.ts";
import type { Task } from "../../src/config/types.ts";

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/stats/rollout-live-quality.json", import.meta.url), "utf8"),
);

function labelled(side: { labels: number[]; predictions: number[] }): EndpointWindow {
  return {
    ...emptyWindow(),
    labelled: { labels: side.labels, predictions: side.predictions, seen: side.labels.length },
  };
}

test("each task's figures equal the references (sklearn AUC + DeLong, Newcombe from scipy's Wilson, normal MAE bound) within 1e-9", () => {
  const metric: Record<Task, string> = { binary: "roc_auc", multiclass: "misclassification", regression: "mae" };
  for (const c of fixture.cases) {
    const e = liveQualitySignal(labelled(c.stable), labelled(c.canary), { task: c.task, margin: 0.02 }, c.alpha);
    assert.equal(e.signal, "live_quality");
    assert.equal(e.metric, metric[c.task as Task], c.name);
    for (const key of ["stable_value", "canary_value", "worse", "low"])
      assert.ok(Math.abs(e.figures[key] - c[key]) < 1e-9, `${c.name} ${key}: ${e.figures[key]} vs ${c[key]}`);
    assert.equal(e.breached, c.low > 0.02, `${c.name}: ${e.detail}`);
    assert.equal(e.figures.canary_labelled, c.canary.labels.length);
  }
  // The worse canaries breach and the same ones do not, in every task.
  assert.deepEqual(
    fixture.cases.map((c: any) => c.low > 0.02),
    [false, true, false, true, false, true],
  );
});

test("the margin: a canary worse beyond doubt but by less than quality_margin stays", () => {
  const c = fixture.cases.find((x: any) => x.name === "binary, backwards canary");
  const e = liveQualitySignal(labelled(c.stable), labelled(c.canary), { task: "binary", margin: 0.6 }, c.alpha);
  assert.equal(e.breached, false);
  assert.match(
    e.detail,
    /^live_quality: canary roc_auc 0\.201 on 200 labelled rows vs stable 0\.836 on 800: canary worse by 0\.635, lower bound 0\.516 ≤ margin 0\.6 \(α 1\.25e-3\)$/,
  );
});

test("too few labelled rows: no verdict, and it says what it waits for", () => {
  const none = liveQualitySignal(
    emptyWindow(),
    labelled({ labels: [1], predictions: [0.5] }),
    { task: "binary", margin: 0.02 },
    0.001,
  );
  assert.equal(none.breached, false);
  assert.match(
    none.detail,
    /no labelled rows yet on one side \(canary 1, stable 0\); POST them to \/v2\/models\/\{model\}\/labels/,
  );
  // A hopeless canary with only a few positives is not judged on an AUC that DeLong cannot bound.
  const few = (positives: number, flip: boolean) => {
    const labels = Array.from({ length: 400 }, (_, i) => (i < positives ? 1 : 0));
    return labelled({ labels, predictions: labels.map((y, i) => ((y === 1) !== flip ? 0.9 : 0.1) + i * 1e-6) });
  };
  const e = liveQualitySignal(few(50, false), few(MIN_CLASS_ROWS - 1, true), { task: "binary", margin: 0.02 }, 0.001);
  assert.equal(e.breached, false);
  assert.match(
    e.detail,
    /roc_auc needs 10 labelled rows of each class on each side \(canary 9 positive of 400, stable 50 of 400\)/,
  );
  assert.equal(
    liveQualitySignal(few(50, false), few(MIN_CLASS_ROWS, true), { task: "binary", margin: 0.02 }, 0.001).breached,
    true,
  );
});
