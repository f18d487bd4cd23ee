// examples/fraud/ as a user gets it: committed sample data, a valid modelkeeper.yml, and a train.mjs
// that runs against the bundled trainer ("modelkeeper/trainer") and writes a working ONNX model.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { fraudExampleData, FRAUD_EXAMPLE_DIR } from "../../scripts/make-fraud-example.ts";
import { parseConfig } from "../../src/config/parse.ts";
import { FRAUD_LABEL, TRANSACTION_FEATURES } from "../../src/demo/transactions.ts";
import { readTable } from "../../src/data/read-table.ts";
import { closeModel, loadModel, predict } from "../../src/model/runner.ts";
import { rocAuc, trainLogisticModel } from "../../src/trainer/index.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "fraud-example-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the committed sample data is what scripts/make-fraud-example.ts generates", () => {
  for (const [path, content] of Object.entries(fraudExampleData())) {
    assert.equal(
      readFileSync(join(FRAUD_EXAMPLE_DIR, path), "utf8"),
      content,
      `${path} is stale: run node --import tsx scripts/make-fraud-example.ts`,
    );
  }
});

test("modelkeeper.yml is valid and lists the generator's columns", () => {
  const config = parseConfig(readFileSync(join(FRAUD_EXAMPLE_DIR, "modelkeeper.yml"), "utf8"), "modelkeeper.yml");
  const [model] = config.models;
  assert.equal(model.name, "fraud");
  assert.equal(model.label, FRAUD_LABEL);
  assert.deepEqual(model.features, [...TRANSACTION_FEATURES]);
  assert.equal(model.artifact, "models/fraud.onnx");
  assert.deepEqual(model.data, { train: ["data/train.csv"], holdout: ["data/holdout.csv"] });
  assert.deepEqual(model.evaluate.slices, ["device"]);
  assert.equal(model.evaluate.metric, "roc_auc");
  assert.deepEqual(model.drift.reference, ["data/train.csv"]);
});

test("node train.mjs, with modelkeeper/trainer bundled as the package will ship it, writes a model that scores the holdout", async () => {
  const repo = join(dir, "fraud");
  cpSync(FRAUD_EXAMPLE_DIR, repo, {
    recursive: true,
    filter: (source) => !source.includes(`${join("fraud", ".github")}`),
  });
  const modelkeeper = join(repo, "node_modules", "modelkeeper");
  mkdirSync(modelkeeper, { recursive: true });
  writeFileSync(
    join(modelkeeper, "package.json"),
    JSON.stringify({ name: "modelkeeper", type: "module", exports: { "./trainer": "./dist/trainer.js" } }),
  );
  await build({
    entryPoints: [join(ROOT, "src/trainer/index.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: join(modelkeeper, "dist/trainer.js"),
    logLevel: "silent",
  });
  symlinkSync(join(ROOT, "node_modules", "yaml"), join(repo, "node_modules", "yaml"), "dir");

  const output = execFileSync(process.execPath, ["train.mjs"], { cwd: repo, encoding: "utf8" });
  assert.match(output, /^trained on 3000 rows \(89 fraud\); training AUC 0\.\d{3}\n/);
  assert.match(output, /wrote models\/fraud\.onnx \(\d+ bytes\)\n$/);

  // The script is the library call with the example's parameters: the same bytes.
  const bytes = readFileSync(join(repo, "models", "fraud.onnx"));
  const table = await readTable(join(FRAUD_EXAMPLE_DIR, "data/train.csv"));
  const expected = trainLogisticModel({
    table,
    label: FRAUD_LABEL,
    features: [...TRANSACTION_FEATURES],
    l2: 1,
    maxCategories: 50,
    description: "fraud: logistic regression trained by train.mjs",
  });
  assert.deepEqual(new Uint8Array(bytes), expected.model);

  const handle = await loadModel(join(repo, "models", "fraud.onnx"));
  try {
    const holdout = await readTable(join(FRAUD_EXAMPLE_DIR, "data/holdout.csv"));
    const prediction = await predict(handle, holdout, TRANSACTION_FEATURES, "binary");
    const labels = (holdout.columns.find((c) => c.name === FRAUD_LABEL) as { values: Float64Array }).values;
    const auc = rocAuc(prediction.scores, labels);
    assert.ok(auc >= 0.85 && auc <= 0.95, `holdout AUC ${auc}: the generator's baseline model should score 0.85-0.95`);
  } finally {
    await closeModel(handle);
  }
});
