import { test } from "node:test";
import assert from "node:assert/strict";
import {
  primaryUndefinedReason,
  metricMarginGuardrails,
  sizeGuardrails,
  sliceStatus,
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
  assert.equal(
    primaryUndefinedReason("roc_auc", "holdout", oneClass, { roc_auc: v(NaN), log_loss: v(0.4) }),
    "roc_auc, the primary metric, cannot be computed on holdout (only one class in the labels), so there is no verdict on it: the champion stays. Add rows of every class to the held-out set.",
  );
  assert.match(
    primaryUndefinedReason("rmse", "holdout", { rmse: v(1) }, {}) ?? "",
    /rmse, the primary metric, cannot be computed on holdout \(undefined\)/,
  );
});

test("size guardrails: off unless configured, fail above the limit", () => {
  assert.deepEqual(sizeGuardrails(G, 5e6, 1e6), []);
  const [mb, ratio] = sizeGuardrails({ ...G, max_size_mb: 4, max_size_ratio: 6 }, 5e6, 1e6);
  assert.deepEqual([mb.status, mb.challenger, mb.unit, ratio.status], ["fail", 5, "MB", "pass"]);
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
    rows.map((r) => [r.name, r.status, r.detail]),
    [
      ["ece not worse by more than 0.02", "fail", "worse by 0.0300"],
      ["brier not worse by more than 0.01", "pass", "not worse"],
      ["recall not worse by more than 0.05", "pass", "worse by 0.0200"],
      ["nonsense not worse by more than 0.1", "fail", 'unknown metric "nonsense"'],
    ],
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
