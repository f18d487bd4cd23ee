// monitor: labels that came back, joined to a prediction log by request id, in a real repository.
// The labelled rows are the live-quality fixture's, so the expected values are scikit-learn's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createTestRepo } from "../support/git-repo.ts";
import { gateConfig } from "../support/gate-fixtures.ts";
import { WindowProfileBuilder } from "../../src/stats/drift/window-profile.ts";

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/stats/live-quality.json", import.meta.url), "utf8"),
).binary;

function logAndLabels() {
  const log: string[] = [];
  fixture.scores.forEach((score: number, i: number) => {
    log.push(
      JSON.stringify({
        _id: `req-${i}`,
        _time: "2026-12-01T00:00:00Z",
        _model: "fraud",
        _version: "v1",
        _endpoint: "stable",
        x1: 0.5,
        x2: 1,
        prediction: score,
      }),
    );
    if (i % 10 === 0) log.push(JSON.stringify({ _id: `other-${i}`, _model: "churn", x1: 0, prediction: 0.9 }));
  });
  for (let i = 0; i < 40; i++)
    log.push(JSON.stringify({ _id: `unlabelled-${i}`, _model: "fraud", x1: 1, x2: 2, prediction: 0.3 }));
  // Labels arrive in another order, some for requests this log does not hold.
  const labels = [
    "request,is_fraud",
    ...fixture.labels.map((y: number, i: number) => `req-${i},${y}`).reverse(),
    "req-gone-1,1",
    "req-gone-2,0",
  ];
  return { log: log.join("\n") + "\n", labels: labels.join("\n") + "\n" };
}

test("live quality on labelled log rows equals scikit-learn's, with the join counted", async (t) => {
  const { log, labels } = logAndLabels();
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig("      min_value: { roc_auc: 0.8 }"),
    "logs/2026-12-01.jsonl": log,
    "labels/2026-12-01.csv": labels,
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli(
    "monitor",
    "--log",
    "logs",
    "--labels",
    "labels/2026-12-01.csv",
    "--id",
    "request",
    "--json",
  );
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const [model] = JSON.parse(result.stdout).models;
  assert.deepEqual([model.logRows, model.labelled, model.unlabelled, model.unmatchedLabels], [1540, 1500, 40, 2]);
  const auc = model.quality.metrics.find((m: any) => m.name === "roc_auc");
  assert.ok(Math.abs(auc.value - fixture.expected.roc_auc.value) < 1e-9);
  assert.ok(Math.abs(auc.low - fixture.expected.roc_auc.interval[0]) < 1e-9);
  assert.deepEqual([auc.floor, auc.status], [0.8, "ok"]);
  const recall = model.quality.metrics.find((m: any) => m.name === "recall");
  assert.ok(Math.abs(recall.value - fixture.expected.recall.value) < 1e-9);
});

test("a floor the whole interval lies below fails the step (exit 1) and the report says which", async (t) => {
  const { log, labels } = logAndLabels();
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig("      min_value: { roc_auc: 0.9 }"),
    "log.jsonl": log,
    "labels.csv": labels,
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli(
    "monitor",
    "--log",
    "log.jsonl",
    "--labels",
    "labels.csv",
    "--id",
    "request",
    "--report-md",
    "live.md",
  );
  assert.equal(result.code, 1, result.stderr + result.stdout);
  assert.match(result.stdout, /fraud: LIVE QUALITY BELOW THE FLOOR on roc_auc/);
  assert.match(result.stdout, /roc_auc\s+0\.845 \[0\.8244, 0\.8657\] \(DeLong\)\s+BELOW the floor 0\.9/);
  assert.match(
    readFileSync(`${repo.dir}/live.md`, "utf8"),
    /\| roc_auc \| 0\.845 \| \[0\.8244, 0\.8657\] DeLong \| ❌ 0\.9 \|/,
  );
});

test("labels without the id column or the label column are refused, naming the column", async (t) => {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "log.jsonl": '{"_id":"a","prediction":0.2}\n',
    "labels.csv": "id,is_fraud\na,1\n",
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("monitor", "--log", "log.jsonl", "--labels", "labels.csv");
  assert.equal(result.code, 2);
  assert.match(result.stderr + result.stdout, /--labels .*labels\.csv: no column "_id"\. Columns there: id, is_fraud/);
});

test("window profiles serve writes beside the log (and a killed writer's temp file) are left out of --log", async (t) => {
  const { log, labels } = logAndLabels();
  const builder = new WindowProfileBuilder("fraud");
  builder.describe({ start: "2026-12-01T00:00:00.000Z", end: "2026-12-01T01:00:00.000Z" });
  builder.add(
    { source: "t", rowCount: 2, columns: [{ kind: "numeric", name: "x1", values: Float64Array.of(0.5, 1) }] },
    "v1",
  );
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "logs/2026-12-01.jsonl": log,
    "logs/profile-20261201T000000Z-7-ab12.json": JSON.stringify(builder.build()),
    "logs/.profile-20261201T000000Z-7-ab12.json.tmp": '{"format": "modelkeeper-window-prof',
    "labels/2026-12-01.csv": labels,
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli(
    "monitor",
    "--log",
    "logs",
    "--labels",
    "labels/2026-12-01.csv",
    "--id",
    "request",
    "--json",
  );
  assert.equal(result.code, 0, result.stderr + result.stdout);
  assert.equal(JSON.parse(result.stdout).models[0].logRows, 1540);
  assert.match(result.stderr, /left out 2 window profile file\(s\) in --log/);
});
