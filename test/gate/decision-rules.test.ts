import { test } from "node:test";
import assert from "node:assert/strict";
import {
  primaryUndefinedReason,
  metricMarginGuardrails,
  sizeGuardrails,
  sliceStatus,
  failingSliceGuardrail,
} from "../../src/gate/decision-rules.ts";

const G = { latency_median_ratio: 1.5, ece_margin: 0.02, brier_margin: 0.01, metrics: {} as Record<string, number> };
const v = (value: number) => ({ value });
const dir = (m: string) =>
  (
    ({ roc_auc: "higher", log_loss: "lower", ece: "lower", brier: "lower", recall: "higher" }) as Record<
      string,
      "higher" | "lower"
    >
  )[m];

test("an undefined primary metric gives no verdict and says why; no other metric stands in", () => {
  assert.equal(primaryUndefinedReason("roc_auc", "holdout", { roc_auc: v(0.9) }, { roc_auc: v(0.8) }), undefined);
  const oneClass = { roc_auc: { value: NaN, undefinedReason: "only one class in the labels" }, log_loss: v(0.3) };
  const cases: Array<[string, Parameters<typeof primaryUndefinedReason>, ReturnType<typeof primaryUndefinedReason>]> = [
    ["both defined", ["roc_auc", "holdout", { roc_auc: v(0.9) }, { roc_auc: v(0.8) }], undefined],
    [
      "the challenger's reason is named",
      ["roc_auc", "holdout", oneClass, { roc_auc: v(NaN), log_loss: v(0.4) }],
      { code: "primary-metric-undefined", metric: "roc_auc", holdout: "holdout", why: "only one class in the labels" },
    ],
    [
      "the champion's reason when the challenger has none",
      ["roc_auc", "base holdout", { roc_auc: v(0.9) }, oneClass],
      {
        code: "primary-metric-undefined",
        metric: "roc_auc",
        holdout: "base holdout",
        why: "only one class in the labels",
      },
    ],
    [
      "missing on one side, no reason given",
      ["rmse", "holdout", { rmse: v(1) }, {}],
      { code: "primary-metric-undefined", metric: "rmse", holdout: "holdout", why: "undefined" },
    ],
  ];
  for (const [name, args, expected] of cases) assert.deepEqual(primaryUndefinedReason(...args), expected, name);
});

test("size guardrails: off unless configured, fail above the limit", () => {
  assert.deepEqual(sizeGuardrails(G, 5e6, 1e6), []);
  const [mb, ratio] = sizeGuardrails({ ...G, max_size_mb: 4, max_size_ratio: 6 }, 5e6, 1e6);
  assert.deepEqual([mb.status, mb.challenger, mb.unit, ratio.status], ["fail", 5, "MB", "pass"]);
  assert.deepEqual(
    [mb.finding, ratio.finding],
    [
      { code: "size-mb", megabytes: 5 },
      { code: "size-ratio", ratio: 5 },
    ],
  );
  const [within] = sizeGuardrails({ ...G, max_size_ratio: 1.5 }, 2e6, 0);
  assert.deepEqual(
    [within.status, within.finding],
    ["fail", { code: "size-ratio", ratio: 2e6 }],
    "an empty champion counts as 1 byte",
  );
});

test("metric margins: oriented by direction; an unknown or uncomputable metric fails", () => {
  const rows = metricMarginGuardrails(
    "binary",
    { ...G, metrics: { recall: 0.05, nonsense: 0.1 } },
    { ece: v(0.05), brier: v(0.1), recall: v(0.7) },
    { ece: v(0.02), brier: v(0.1), recall: v(0.72) },
    dir,
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.status, r.finding]),
    [
      ["ece not worse by more than 0.02", "fail", { code: "metric-worse-by", metric: "ece", worsening: 0.05 - 0.02 }],
      ["brier not worse by more than 0.01", "pass", { code: "metric-not-worse", metric: "brier" }],
      [
        "recall not worse by more than 0.05",
        "pass",
        { code: "metric-worse-by", metric: "recall", worsening: 0.72 - 0.7 },
      ],
      ["nonsense not worse by more than 0.1", "fail", { code: "unknown-metric", metric: "nonsense" }],
    ],
  );
  const [uncomputed] = metricMarginGuardrails(
    "multiclass",
    { ...G, metrics: { recall: 0.05 } },
    {},
    { recall: v(0.7) },
    dir,
  );
  assert.deepEqual(
    [uncomputed.status, uncomputed.finding],
    ["fail", { code: "metric-not-computed", metric: "recall" }],
  );
  assert.equal(metricMarginGuardrails("regression", G, {}, {}, dir).length, 0, "ece and brier gate binary models only");
});

test("a slice fails only when large enough and its whole interval is beyond the margin", () => {
  const cases: Array<[{ rows: number; ciLow?: number; ciHigh?: number }, "higher" | "lower", string]> = [
    [{ rows: 50, ciLow: -0.5, ciHigh: -0.4 }, "higher", "not-gated"],
    [{ rows: 500, ciLow: -0.1, ciHigh: -0.05 }, "higher", "fail"],
    [{ rows: 500, ciLow: -0.1, ciHigh: 0.01 }, "higher", "pass"],
    [{ rows: 500, ciLow: 0.05, ciHigh: 0.1 }, "lower", "fail"],
    [{ rows: 500 }, "higher", "not-gated"],
  ];
  for (const [slice, direction, expected] of cases)
    assert.equal(sliceStatus(slice, direction, 200, 0.02), expected, JSON.stringify(slice));
});

test("a failing slice becomes a failing guardrail that names the slice and its figures", () => {
  assert.deepEqual(
    failingSliceGuardrail({ column: "segment", value: "web", rows: 500, delta: -0.08 }, "roc_auc", 0.02),
    {
      name: "slice segment=web",
      status: "fail",
      finding: { code: "slice-worse", metric: "roc_auc", delta: -0.08, rows: 500, margin: 0.02 },
    },
  );
});
