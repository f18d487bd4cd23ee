import { test } from "node:test";
import assert from "node:assert/strict";
import type { Table } from "../../../src/data/table.ts";
import { isUserError } from "../../../src/errors.ts";
import { assessDrift, assessPredictionDrift } from "../../../src/stats/drift/assess-drift.ts";
import { benjaminiHochberg, bonferroni } from "../../../src/stats/tests/multiple-testing.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";
import { generateTable, twentyFeatures, withMeanShift, withNewCategory, type Feature } from "./simulate.ts";

const features = twentyFeatures();

function scenario(seed: number, currentFeatures: Feature[] = features, rows = 5000) {
  const prng = createPrng(seed);
  return {
    reference: generateTable(features, 20000, prng, "train.csv"),
    current: generateTable(currentFeatures, rows, prng, "window.csv"),
  };
}

test("a shifted feature and a new category drift; the reason says why; the rest does not", () => {
  const { reference, current } = scenario(
    41,
    withNewCategory(withMeanShift(features, "amount", 0.5, 40), "region", "r_new", 0.08),
  );
  const result = assessDrift(reference, current);
  assert.equal(result.drifted, true);
  assert.deepEqual(result.driftedColumns, ["amount", "region"]);
  const [amount, region] = result.columns;
  assert.equal(amount.name, "amount");
  assert.equal(amount.significance?.test, "ks");
  assert.ok(amount.effect!.value > 0.45 && amount.effect!.value < 0.55, `W = ${amount.effect!.value}`);
  assert.match(
    amount.reason,
    /^Distribution changed: Wasserstein distance 0\.\d+ sd, 0\.\d+ sd beyond the 0\.0\d+ sd of sampling noise at this size \(threshold 0\.1 sd\); KS adjusted p = .* <= 0\.005\.$/,
  );
  assert.ok(amount.severity > region.severity && region.severity > 1);
  assert.equal(region.unseenCategories.length, 1);
  assert.equal(region.unseenCategories[0].category, "r_new");
  assert.ok(Math.abs(region.unseenCategories[0].share - 0.08) < 0.02);
  assert.match(
    region.reason,
    /^New category "r_new", not in the reference: \d\.\d% of current values\. Distribution changed: Jensen–Shannon distance/,
  );
  assert.equal(result.columns.length, 20);
  assert.equal(result.method.verdict, "calibrated");
});

test("adjusted p-values are Benjamini-Hochberg over every hypothesis of every column (or Bonferroni)", () => {
  const { reference, current } = scenario(42, withMeanShift(features, "normal", 0.1, 1), 2000);
  for (const [correction, adjust] of [
    ["benjamini-hochberg", benjaminiHochberg],
    ["bonferroni", bonferroni],
  ] as const) {
    const result = assessDrift(reference, current, { correction });
    const raw: number[] = [];
    const adjusted: number[] = [];
    for (const column of result.columns) {
      raw.push(column.significance!.pValue);
      adjusted.push(column.significance!.adjustedPValue);
      if (column.missing) {
        raw.push(column.missing.pValue);
        adjusted.push(column.missing.adjustedPValue);
      }
    }
    assert.equal(result.method.hypotheses, raw.length);
    assert.deepEqual(adjusted, adjust(raw));
  }
});

test("significant but small changes do not drift: a 0.03 sd shift at a million-row scale is only significant", () => {
  const prng = createPrng(43);
  const one = features.filter((f) => f.name === "normal");
  const reference = generateTable(one, 200000, prng, "train");
  const current = generateTable(withMeanShift(one, "normal", 0.03, 1), 200000, prng, "window");
  const [column] = assessDrift(reference, current).columns;
  assert.ok(column.significance!.adjustedPValue < 1e-10);
  assert.equal(column.drifted, false);
  assert.match(
    column.reason,
    /^A real but small change: KS adjusted p = .* <= 0\.005, but Wasserstein distance 0\.03\d* sd/,
  );
});

test("at 100 rows a large-looking distance is attributed to noise unless significant", () => {
  const prng = createPrng(44);
  const one = features.filter((f) => f.name === "lognormal");
  const reference = generateTable(one, 20000, prng, "train");
  const current = generateTable(one, 30, prng, "window");
  const [column] = assessDrift(reference, current).columns;
  assert.equal(column.drifted, false);
  assert.ok(column.effect!.noise > 0.15, `noise ${column.effect!.noise}`);
});

test("prediction columns come first and count for the dataset; assessPredictionDrift checks only them", () => {
  const shifted = withMeanShift(features, "score", 0.3, 0.31);
  const { reference, current } = scenario(45, shifted);
  const result = assessDrift(reference, current, { predictions: ["score", "binary"] });
  assert.deepEqual(
    result.columns.slice(0, 2).map((c) => [c.name, c.role]),
    [
      ["score", "prediction"],
      ["binary", "prediction"],
    ],
  );
  assert.equal(result.predictionDrifted, true);
  assert.equal(result.columns.filter((c) => c.role === "feature").length, 18);
  const predictionOnly = assessPredictionDrift(reference, current, { score: "score", predictedClass: "binary" });
  assert.deepEqual(
    predictionOnly.columns.map((c) => c.name),
    ["score", "binary"],
  );
  assert.equal(predictionOnly.drifted, true);
});

test("a missing-value surge drifts on its own; an empty current column says so", () => {
  const prng = createPrng(46);
  const one: Feature[] = [{ kind: "numeric", name: "x", quantile: (u) => u, missingShare: 0.01 }];
  const reference = generateTable(one, 20000, prng, "train");
  const surge = assessDrift(reference, generateTable([{ ...one[0], missingShare: 0.08 }], 3000, prng, "window"))
    .columns[0];
  assert.equal(surge.drifted, true);
  assert.ok(surge.missing!.cohensH > 0.2);
  assert.match(
    surge.reason,
    /Missing values 1\.0% in the reference, 8\.\d% now \(Cohen's h 0\.\d+, threshold 0\.2; Fisher adjusted p = .*\): the missing share changed\.$/,
  );
  const empty: Table = {
    source: "w",
    rowCount: 50,
    columns: [{ kind: "numeric", name: "x", values: new Float64Array(50).fill(NaN) }],
  };
  const gone = assessDrift(reference, empty).columns[0];
  assert.equal(gone.drifted, true);
  assert.equal(gone.significance, null);
  assert.match(gone.reason, /^The current window has no non-missing values in this column\./);
});

test("constant columns: stuck values and constants that start varying are named", () => {
  const reference: Table = {
    source: "train",
    rowCount: 400,
    columns: [
      { kind: "numeric", name: "flag", values: new Float64Array(400).fill(1) },
      { kind: "numeric", name: "sensor", values: Float64Array.from({ length: 400 }, (_, i) => i % 17) },
    ],
  };
  const current: Table = {
    source: "window",
    rowCount: 300,
    columns: [
      { kind: "numeric", name: "flag", values: Float64Array.from({ length: 300 }, (_, i) => (i % 2 ? 1 : 2)) },
      { kind: "numeric", name: "sensor", values: new Float64Array(300).fill(3) },
    ],
  };
  const result = assessDrift(reference, current);
  const flag = result.columns.find((c) => c.name === "flag")!;
  const sensor = result.columns.find((c) => c.name === "sensor")!;
  assert.equal(flag.reference.constant, true);
  assert.match(flag.reason, /^Constant \(1\) in the reference but varies now\./);
  assert.equal(flag.drifted, true);
  assert.match(sensor.reason, /^Stuck at one value \(3\) in the current window but varies in the reference\./);
  assert.equal(sensor.drifted, true);
  const same = assessDrift(reference, reference).columns.find((c) => c.name === "flag")!;
  assert.match(same.reason, /^Constant \(1\) in both\./);
  assert.equal(same.drifted, false);
});

test("columns that cannot be compared fail closed: one error naming every such column, no verdict", () => {
  const { reference, current } = scenario(47, features, 500);
  const broken: Table = {
    ...current,
    columns: current.columns
      .filter((c) => c.name !== "amount")
      .map((c) =>
        c.name === "hour"
          ? { kind: "categorical" as const, name: "hour", codes: new Int32Array(500), categories: ["x"] }
          : c,
      ),
  };
  assert.throws(
    () => assessDrift(reference, broken, { features: ["amount", "hour", "normal", "nope"] }),
    (error: any) => {
      assert.ok(isUserError(error));
      assert.deepEqual(
        (error as any).columns.map((e: any) => e.column),
        ["amount", "hour", "nope"],
      );
      assert.match(error.message, /3 monitored columns cannot be compared \("amount", "hour", "nope"\)/);
      assert.match(error.message, /"amount" is in the reference but missing from the current data \(window\.csv\)/);
      assert.match(error.message, /numeric in the reference but categorical in the current data .*drift\.types\.hour/);
      assert.match(error.message, /"nope" is not in the reference \(train\.csv\)/);
      return true;
    },
  );
});

test("a single registered test can decide instead of the calibrated verdict", () => {
  const { reference, current } = scenario(48, withMeanShift(features, "amount", 0.2, 40), 1000);
  const byPsi = assessDrift(reference, current, { test: "psi", threshold: 0.05, features: ["amount", "normal"] });
  const amount = byPsi.columns.find((c) => c.name === "amount")!;
  assert.equal(amount.verdictBy, "psi");
  const psi = amount.tests.find((t) => t.test === "psi")!;
  assert.equal(psi.threshold, 0.05);
  assert.equal(amount.drifted, psi.status === "drift");
  assert.ok(amount.reason.endsWith(psi.sentence));
  const mixed = assessDrift(reference, current, {
    features: ["amount", "color"],
    columnTests: { color: { test: "jensenshannon", threshold: 0.5 } },
  });
  assert.equal(mixed.columns.find((c) => c.name === "color")!.verdictBy, "jensenshannon");
  assert.equal(mixed.columns.find((c) => c.name === "amount")!.verdictBy, "calibrated");
  assert.throws(
    () => assessDrift(reference, current, { test: "energy" as never }),
    (e: unknown) => isUserError(e) && e.where?.key === "drift.test",
  );
});

test("exclude keeps the label out; default features are every other reference column", () => {
  const { reference, current } = scenario(49, features, 300);
  const result = assessDrift(reference, current, { exclude: ["binary"] });
  assert.equal(result.columns.length, 19);
  assert.ok(!result.columns.some((c) => c.name === "binary"));
});
