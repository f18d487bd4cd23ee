// Trains the fraud model: a logistic regression on the training data named in modelkeeper.yml,
// written as ONNX to the model's artifact path. Label and features come from modelkeeper.yml and
// hyperparameters from params.yaml, so each lives in one place.
//
//   npm install modelkeeper yaml   # once
//   node train.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parse } from "yaml";
import { readTables, trainLogisticModel } from "modelkeeper/trainer";

const config = parse(readFileSync("modelkeeper.yml", "utf8")).models.fraud;
const params = parse(readFileSync("params.yaml", "utf8"));

// data.train lists files here (modelkeeper also accepts folders and globs; this script does not expand them).
const table = await readTables([config.data.train].flat());
const { model, summary } = trainLogisticModel({
  table,
  label: config.label,
  features: config.features,
  l2: params.l2,
  maxCategories: params.max_categories,
  description: "fraud: logistic regression trained by train.mjs",
});

mkdirSync(dirname(config.artifact), { recursive: true });
writeFileSync(config.artifact, model);

const strongest = [...summary.coefficients].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 5);
console.log(
  `trained on ${summary.rows} rows (${summary.positives} fraud); training AUC ${summary.trainingAuc.toFixed(3)}`,
);
console.log(
  `strongest signals: ${strongest.map((c) => `${c.column} ${c.weight >= 0 ? "+" : ""}${c.weight.toFixed(2)}`).join(", ")}`,
);
console.log(`wrote ${config.artifact} (${model.length} bytes)`);
