// The gate's decisions on a scored held-out set, with no files, no models and no git: each rule
// is driven by a hand-built ScoredHoldout whose expected outcome is known by construction.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseConfig } from "../../src/config/parse.ts";
import { judgeHoldout } from "../../src/gate/judge-holdout.ts";
import type { ScoredHoldout } from "../../src/gate/score-holdout.ts";
import type { CategoricalColumn } from "../../src/data/table.ts";
import { gateConfig } from "../support/gate-fixtures.ts";
import { seededRandom as createPrng } from "../support/seeded-random.ts";

const N = 2000;

/** The scores here are not calibrated, so the calibration margins are off unless a case sets guardrails. */
const RELAXED = "      guardrails: { ece_margin: 1, brier_margin: 1 }";

function modelConfig(extra = RELAXED) {
  return parseConfig(gateConfig(extra), "modelkeeper.yml").models[0];
}

/** Labels 40% positive; each model's score is label * separation + noise, so AUC grows with separation. */
function scored(options: {
  champion?: number;
  challenger: number;
  positives?: boolean;
  segmentWorse?: boolean;
  latencyRatio?: number;
}): ScoredHoldout {
  const prng = createPrng(11);
  const gauss = () => Math.sqrt(-2 * Math.log(prng.uniform32())) * Math.cos(2 * Math.PI * prng.uniform32());
  const labels = Float64Array.from({ length: N }, () =>
    options.positives === false ? 0 : prng.uniform() < 0.4 ? 1 : 0,
  );
  const segment: CategoricalColumn = {
    kind: "categorical",
    name: "segment",
    categories: ["store", "web"],
    codes: Int32Array.from({ length: N }, (_, i) => (i % 4 === 0 ? 1 : 0)),
  };
  const scores = (separation: number, worseOnWeb = false) =>
    Float64Array.from(labels, (y, i) => {
      const s = (worseOnWeb && segment.codes[i] === 1 ? -1 : 1) * y * separation + gauss();
      return 1 / (1 + Math.exp(-s));
    });
  const rounds = 25;
  return {
    name: "holdout",
    files: { "data/holdout.csv": "0".repeat(64) },
    rows: N,
    labels,
    challenger: { task: "binary", labels, scores: scores(options.challenger, options.segmentWorse) },
    champion: options.champion === undefined ? undefined : { task: "binary", labels, scores: scores(options.champion) },
    sliceColumns: [segment],
    missingSliceColumns: [],
    latency:
      options.champion === undefined
        ? undefined
        : {
            champion: new Array(rounds).fill(10),
            challenger: new Array(rounds).fill(10 * (options.latencyRatio ?? 1)),
            rowsPerBatch: 1024,
          },
  };
}

const bytes = { challenger: 1000, champion: 1000 };

const cases: Array<{
  name: string;
  extra?: string;
  input: Parameters<typeof scored>[0];
  bytes?: typeof bytes;
  verdict: string;
  /** The codes of the decision's reasons (a failed guardrail: its finding's code). */
  reasons: string[];
  failing?: RegExp;
  warning?: string;
}> = [
  {
    name: "a clearly better challenger is promoted",
    input: { champion: 0.5, challenger: 2 },
    verdict: "promote",
    reasons: ["challenger-better"],
  },
  {
    name: "a clearly worse challenger is rejected on the interval",
    input: { champion: 2, challenger: 0.5 },
    verdict: "reject",
    // Worse everywhere, so both slices fail too; a failed guardrail is the reason before the interval.
    reasons: ["slice-worse", "slice-worse"],
  },
  {
    name: "a winner whose calibration got worse is rejected by the default ECE margin",
    extra: "",
    input: { champion: 0.5, challenger: 2 },
    verdict: "reject",
    reasons: ["metric-worse-by"],
    failing: /^ece/,
  },
  {
    name: "the same model twice is inconclusive",
    input: { champion: 1, challenger: 1 },
    verdict: "inconclusive",
    reasons: ["no-reliable-difference"],
  },
  {
    name: "a first model that clears its floor is promoted",
    extra: RELAXED + "\n      min_value: { roc_auc: 0.7 }",
    input: { challenger: 2 },
    verdict: "promote",
    reasons: ["first-model-floors-hold"],
  },
  {
    name: "a first model below its floor is rejected",
    extra: RELAXED + "\n      min_value: { roc_auc: 0.99 }",
    input: { challenger: 0.5 },
    verdict: "reject",
    reasons: ["metric-misses-floor"],
    failing: /roc_auc/,
  },
  {
    name: "a winner that fails a slice is rejected",
    input: { champion: 0.5, challenger: 2, segmentWorse: true },
    verdict: "reject",
    reasons: ["slice-worse"],
    failing: /^slice segment=web$/,
  },
  {
    name: "a winner three times slower is rejected",
    input: { champion: 0.5, challenger: 2, latencyRatio: 3 },
    verdict: "reject",
    reasons: ["latency-median-ratio"],
    failing: /^latency_median_ratio$/,
  },
  {
    name: "a winner over the size limit is rejected",
    extra: "      guardrails: { ece_margin: 1, brier_margin: 1, max_size_mb: 1 }",
    input: { champion: 0.5, challenger: 2 },
    bytes: { challenger: 2e6, champion: 1000 },
    verdict: "reject",
    reasons: ["size-mb"],
    failing: /max_size_mb/,
  },
  {
    name: "a winner with a margin on an unknown metric is rejected",
    extra: "      guardrails: { ece_margin: 1, brier_margin: 1, metrics: { not_a_metric: 0.1 } }",
    input: { champion: 0.5, challenger: 2 },
    verdict: "reject",
    reasons: ["unknown-metric"],
    failing: /not_a_metric/,
  },
  {
    name: "one class: no verdict on roc_auc, said, and no other metric decides",
    input: { champion: 0.5, challenger: 2, positives: false },
    verdict: "inconclusive",
    reasons: ["primary-metric-undefined"],
    warning: "primary-metric-undefined",
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const model = modelConfig(c.extra);
    const { evaluation, warnings } = await judgeHoldout(model, "roc_auc", scored(c.input), c.bytes ?? bytes);
    assert.equal(evaluation.decision?.verdict, c.verdict, JSON.stringify(evaluation.decision));
    assert.deepEqual(
      evaluation.decision?.reasons.map((r) => (r.code === "guardrail-failed" ? r.finding.code : r.code)),
      c.reasons,
    );
    const failing = evaluation.guardrails.filter((g) => g.status === "fail").map((g) => g.name);
    const failingSlices = evaluation.slices
      .filter((s) => s.status === "fail")
      .map((s) => `slice ${s.column}=${s.value}`);
    if (c.failing)
      assert.ok(
        [...failing, ...failingSlices].some((name) => c.failing!.test(name)),
        `failing: ${[...failing, ...failingSlices].join(", ")}`,
      );
    else if (c.verdict !== "reject") assert.deepEqual([...failing, ...failingSlices], []);
    if (c.warning)
      assert.ok(
        warnings.some((w) => w.code === c.warning),
        JSON.stringify(warnings),
      );
    if (c.verdict === "promote" && c.input.champion !== undefined) assert.ok(evaluation.paired!.ciLow > 0);
    if (c.verdict === "reject" && !c.failing) assert.ok(evaluation.paired!.ciHigh < 0, "rejected on its interval");
  });
}

test("a configured slice column the held-out set lacks is warned about, once, and nothing else changes", async () => {
  const input = { ...scored({ champion: 0.5, challenger: 2 }), sliceColumns: [], missingSliceColumns: ["segment"] };
  const { evaluation, warnings } = await judgeHoldout(modelConfig(), "roc_auc", input, bytes);
  assert.deepEqual(warnings, [{ code: "slice-column-missing", column: "segment" }]);
  assert.deepEqual([evaluation.decision?.verdict, evaluation.slices.length], ["promote", 0]);
});

test("the same scored set always gives the same judgement (seeded)", async () => {
  const model = modelConfig();
  const a = await judgeHoldout(model, "roc_auc", scored({ champion: 1, challenger: 1.3 }), bytes);
  const b = await judgeHoldout(model, "roc_auc", scored({ champion: 1, challenger: 1.3 }), bytes);
  assert.deepEqual(a, b);
});
