import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CATEGORICAL_TRANSACTION_FEATURES,
  FRAUD_LABEL,
  generateTransactions,
  NEW_SCAM_CATEGORY,
  NEW_SCAM_DEVICE,
  toCsv,
  TRANSACTION_FEATURES,
  type TransactionOptions,
} from "../../src/demo/transactions.ts";
import type { CategoricalColumn, NumericColumn, Table } from "../../src/data/table.ts";
import { concatTables } from "../../src/data/concat-tables.ts";
import { readTable } from "../../src/data/read-table.ts";
import { closeModel, loadModel, predict } from "../../src/model/runner.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";
import { trainLogisticModel } from "../../src/trainer/index.ts";
import { rocAuc } from "../../src/trainer/roc-auc.ts";

const dir = mkdtempSync(join(tmpdir(), "transactions-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const numeric = (table: Table, name: string) => (table.columns.find((c) => c.name === name) as NumericColumn).values;
const categorical = (table: Table, name: string) => table.columns.find((c) => c.name === name) as CategoricalColumn;
const valueAt = (column: CategoricalColumn, row: number) =>
  column.codes[row] < 0 ? null : column.categories[column.codes[row]];
const mean = (values: ArrayLike<number>) => Array.from(values).reduce((sum, v) => sum + v, 0) / values.length;
const generated = new Map<string, Table>();
/** Memoised: several tests look at the same 20,000-row tables. */
const generate = (options: TransactionOptions) => {
  const key = JSON.stringify(options);
  if (!generated.has(key)) generated.set(key, generateTransactions(options));
  return generated.get(key)!;
};
const assertCloseTo = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test("the same seed gives the same rows, on every platform (a snapshot of seed 1)", () => {
  assert.deepEqual(
    generateTransactions({ rows: 500, seed: 7, scenario: "new_scam" }),
    generateTransactions({ rows: 500, seed: 7, scenario: "new_scam" }),
  );
  assert.notDeepEqual(
    numeric(generate({ rows: 50, seed: 7 }), "amount"),
    numeric(generate({ rows: 50, seed: 8 }), "amount"),
  );
  assert.equal(
    toCsv(generate({ rows: 4, seed: 1 })),
    "amount,merchant_category,hour,country,device,velocity_1h,velocity_24h,amount_vs_avg,is_fraud\n" +
      "86.93,restaurants,9,US,chip,0,4,1.281,0\n23.15,retail,22,US,mobile_wallet,0,0,0.678,0\n" +
      "9.46,fuel,9,US,contactless,0,1,1.01,0\n57.09,retail,14,US,chip,0,1,0.677,0\n",
  );
});

test("columns, types and value ranges", () => {
  const table = generate({ rows: 5000, seed: 3, scenario: "new_scam" });
  assert.equal(table.rowCount, 5000);
  assert.deepEqual(
    table.columns.map((c) => c.name),
    [...TRANSACTION_FEATURES, FRAUD_LABEL],
  );
  assert.deepEqual(
    table.columns.filter((c) => c.kind === "categorical").map((c) => c.name),
    [...CATEGORICAL_TRANSACTION_FEATURES],
  );
  const hour = numeric(table, "hour");
  const v1h = numeric(table, "velocity_1h");
  const v24h = numeric(table, "velocity_24h");
  for (let i = 0; i < table.rowCount; i++) {
    assert.ok(Number.isInteger(hour[i]) && hour[i] >= 0 && hour[i] <= 23, `hour ${hour[i]}`);
    assert.ok(Number.isInteger(v1h[i]) && v1h[i] >= 0 && v24h[i] >= v1h[i], `velocities ${v1h[i]}, ${v24h[i]}`);
    assert.ok(numeric(table, "amount")[i] >= 0.5 && numeric(table, "amount_vs_avg")[i] > 0);
    assert.ok(numeric(table, FRAUD_LABEL)[i] === 0 || numeric(table, FRAUD_LABEL)[i] === 1);
    for (const name of CATEGORICAL_TRANSACTION_FEATURES)
      assert.ok(categorical(table, name).codes[i] >= 0, `${name} is never missing`);
  }
  assert.deepEqual(categorical(generate({ rows: 10, seed: 1 }), "device").categories, [
    "chip",
    "contactless",
    "online",
    "mobile_wallet",
  ]);
  assert.ok(categorical(table, "country").categories.includes("US"));
  assert.throws(
    () => generate({ rows: 10, seed: 1, newScamShare: 1.5, scenario: "new_scam" }),
    /newScamShare must be in \[0, 1\], got 1.5/,
  );
  assert.throws(() => generate({ rows: -1, seed: 1 }), /rows must be a non-negative integer/);
});

test("fraud is 2-3% of transactions; the new scam adds some", () => {
  assert.equal(mean(numeric(generate({ rows: 20000, seed: 5 }), FRAUD_LABEL)), 0.0243);
  assert.equal(mean(numeric(generate({ rows: 20000, seed: 5, scenario: "new_scam" }), FRAUD_LABEL)), 0.02965);
});

test("new_scam holds the new device and category, mostly in fraud; baseline never does", () => {
  const baseline = generate({ rows: 20000, seed: 5 });
  assert.ok(!categorical(baseline, "device").categories.includes(NEW_SCAM_DEVICE));
  assert.ok(!categorical(baseline, "merchant_category").categories.includes(NEW_SCAM_CATEGORY));
  const share = (table: Table, fraud: number) => {
    const device = categorical(table, "device");
    const label = numeric(table, FRAUD_LABEL);
    let hits = 0;
    let rows = 0;
    for (let i = 0; i < table.rowCount; i++) {
      if (label[i] !== fraud) continue;
      rows++;
      if (valueAt(device, i) === NEW_SCAM_DEVICE) hits++;
    }
    return hits / rows;
  };
  const production = generate({ rows: 20000, seed: 5, scenario: "new_scam" });
  assert.ok(categorical(production, "merchant_category").categories.includes(NEW_SCAM_CATEGORY));
  assert.equal(share(production, 1).toFixed(3), "0.366"); // ≈ newScamShare 0.5 × 80% of card testing on virtual cards
  assert.equal(share(production, 0).toFixed(3), "0.049"); // some honest cardholders adopt virtual cards too
  assert.equal(share(generate({ rows: 20000, seed: 5, scenario: "new_scam", newScamShare: 0 }), 1), 0);
  // Numeric drift: legitimate velocity_24h rises, and the card-testing amounts are tiny.
  assert.ok(mean(numeric(production, "velocity_24h")) > mean(numeric(baseline, "velocity_24h")) + 0.5);
});

test("toCsv writes RFC 4180: the doc comment's example, quoting, and a round trip through readTable", async () => {
  const small: Table = {
    source: "example",
    rowCount: 2,
    columns: [
      { kind: "numeric", name: "amount", values: Float64Array.from([12.5, NaN]) },
      { kind: "categorical", name: "country", codes: Int32Array.from([0, 1]), categories: ["US", "a,b"] },
    ],
  };
  assert.equal(toCsv(small), 'amount,country\n12.5,US\n,"a,b"\n');
  const quoted: Table = {
    source: "q",
    rowCount: 2,
    columns: [{ kind: "categorical", name: 'say "hi"', codes: Int32Array.from([0, -1]), categories: ['x"y\nz'] }],
  };
  assert.equal(toCsv(quoted, { lineEnding: "\r\n" }), '"say ""hi"""\r\n"x""y\nz"\r\n\r\n');

  const table = generate({ rows: 300, seed: 9, scenario: "new_scam" });
  const path = join(dir, "transactions.csv");
  writeFileSync(path, toCsv(table));
  const read = await readTable(path);
  assert.deepEqual(
    read.columns.map((c) => [c.name, c.kind]),
    table.columns.map((c) => [c.name, c.kind]),
  );
  for (const original of table.columns) {
    const copy = read.columns.find((c) => c.name === original.name)!;
    if (original.kind === "numeric")
      assert.deepEqual(copy.kind === "numeric" && copy.values, original.values, original.name);
    else {
      const decoded = (column: CategoricalColumn) => Array.from(column.codes, (_, row) => valueAt(column, row));
      assert.deepEqual(decoded(copy as CategoricalColumn), decoded(original), original.name);
    }
  }
});

/**
 * AUC of challenger − champion with a 95% percentile paired bootstrap: each resample draws row
 * counts once and weighs both models' rows by them. Rows are sorted once per model, so a resample
 * costs one pass: AUC = Σ_groups pos_g (neg_below + neg_g / 2) / (pos · neg) with weighted counts.
 */
function pairedAucDifference(
  champion: ArrayLike<number>,
  challenger: ArrayLike<number>,
  labels: ArrayLike<number>,
  resamples: number,
) {
  const n = labels.length;
  const sorted = (scores: ArrayLike<number>) =>
    Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const weightedAuc = (scores: ArrayLike<number>, order: Uint32Array, weight: ArrayLike<number>) => {
    let area = 0;
    let negativesBelow = 0;
    let positives = 0;
    for (let start = 0; start < n;) {
      let end = start;
      let groupPositives = 0;
      let groupNegatives = 0;
      for (; end < n && scores[order[end]] === scores[order[start]]; end++) {
        if (labels[order[end]] === 1) groupPositives += weight[order[end]];
        else groupNegatives += weight[order[end]];
      }
      area += groupPositives * (negativesBelow + groupNegatives / 2);
      negativesBelow += groupNegatives;
      positives += groupPositives;
      start = end;
    }
    return area / (positives * negativesBelow);
  };
  const championOrder = sorted(champion);
  const challengerOrder = sorted(challenger);
  const ones = new Float64Array(n).fill(1);
  const random = createRandom(2024);
  const counts = new Float64Array(n);
  const deltas: number[] = [];
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[random.nextBelow(n)]++;
    deltas.push(weightedAuc(challenger, challengerOrder, counts) - weightedAuc(champion, championOrder, counts));
  }
  deltas.sort((p, q) => p - q);
  return {
    delta: weightedAuc(challenger, challengerOrder, ones) - weightedAuc(champion, championOrder, ones),
    low: deltas[Math.floor(0.025 * resamples)],
    high: deltas[Math.ceil(0.975 * resamples) - 1],
  };
}

async function scores(model: Uint8Array, table: Table, name: string): Promise<Float64Array> {
  const path = join(dir, `${name}.onnx`);
  writeFileSync(path, model);
  const handle = await loadModel(path);
  try {
    return Float64Array.from((await predict(handle, table, TRANSACTION_FEATURES, "binary")).scores);
  } finally {
    await closeModel(handle);
  }
}

test("the story: v1 (baseline) does well on baseline, misses the new scam; v2 (retrained on fresh data) significantly beats it", async () => {
  const features = [...TRANSACTION_FEATURES];
  const train = generate({ rows: 6000, seed: 11 });
  const holdout = generate({ rows: 4000, seed: 12 });
  const production = generate({ rows: 6000, seed: 13, scenario: "new_scam" });
  const freshHoldout = generate({ rows: 4000, seed: 14, scenario: "new_scam" });
  const v1 = trainLogisticModel({ table: train, label: FRAUD_LABEL, features, l2: 1 });
  const v2 = trainLogisticModel({
    table: concatTables([train, production], "baseline + production"),
    label: FRAUD_LABEL,
    features,
    l2: 1,
  });
  assert.ok(v1.summary.converged && v2.summary.converged);
  assert.ok(
    !v1.summary.categories.device.includes(NEW_SCAM_DEVICE) && v2.summary.categories.device.includes(NEW_SCAM_DEVICE),
  );

  const baselineLabels = numeric(holdout, FRAUD_LABEL);
  const freshLabels = numeric(freshHoldout, FRAUD_LABEL);
  const v1Baseline = rocAuc(await scores(v1.model, holdout, "v1"), baselineLabels);
  const v1Fresh = await scores(v1.model, freshHoldout, "v1");
  const v2Fresh = await scores(v2.model, freshHoldout, "v2");
  assert.ok(v1Baseline >= 0.85 && v1Baseline <= 0.95, `v1 on a baseline holdout: AUC ${v1Baseline}`);
  const v1FreshAuc = rocAuc(v1Fresh, freshLabels);
  assert.ok(v1FreshAuc < v1Baseline - 0.15, `v1 on the new scam: AUC ${v1FreshAuc} (baseline ${v1Baseline})`);
  const v2FreshAuc = rocAuc(v2Fresh, freshLabels);
  assert.ok(v2FreshAuc > v1FreshAuc + 0.15, `v2 ${v2FreshAuc} vs v1 ${v1FreshAuc} on the fresh holdout`);
  const { delta, low } = pairedAucDifference(v1Fresh, v2Fresh, freshLabels, 1000);
  assertCloseTo(delta, v2FreshAuc - v1FreshAuc, 1e-12);
  assert.ok(low > 0.1, `the 95% interval of the AUC gain starts at ${low}`);
});
