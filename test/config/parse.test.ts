import { test } from "node:test";
import assert from "node:assert/strict";
import { parseConfig } from "../../src/config/parse.ts";
import { UserError } from "../../src/errors.ts";

const VALID = `models:
  fraud:
    task: binary
    artifact: models/fraud.onnx
    train: node train.mjs
    label: is_fraud
    features: [amount, hour]
    data:
      train: [data/train.csv]
      holdout: data/holdout.csv
    code: ["train.mjs", "src/**/*.py"]
    config: [params.yaml]
    evaluate:
      metric: roc_auc
      min_improvement: 0
      confidence: 0.95
    drift:
      reference: data/train.csv
`;

function errorOf(text: string): UserError {
  try {
    parseConfig(text, "modelkeeper.yml");
  } catch (error) {
    assert.ok(error instanceof UserError, `expected a UserError, got ${error}`);
    return error;
  }
  assert.fail("expected the config to be rejected");
}

test("the DESIGN.md example config loads, with lists normalised and defaults filled", () => {
  const config = parseConfig(VALID, "modelkeeper.yml");
  assert.equal(config.models.length, 1);
  const model = config.models[0];
  assert.equal(model.name, "fraud");
  assert.deepEqual(model.data, { train: ["data/train.csv"], holdout: ["data/holdout.csv"] });
  assert.deepEqual(model.drift.reference, ["data/train.csv"]);
  assert.equal(model.evaluate.resamples, 2000);
  assert.equal(model.evaluate.threshold, 0.5);
  assert.equal(model.evaluate.guardrails.latency_median_ratio, 1.5);
  assert.equal(model.reproduce.tolerance, 0.001);
  assert.equal(model.drift.alpha, 0.005);
});

test("an unknown key names the key, the file and its line, and lists the allowed keys", () => {
  const error = errorOf(VALID.replace("      confidence: 0.95\n", "      confidence: 0.95\n      colour: red\n"));
  assert.match(error.message, /^modelkeeper\.yml:17: unknown key "models\.fraud\.evaluate\.colour"/);
  assert.match(error.message, /Allowed here: metric, min_improvement, confidence/);
  assert.equal(error.where?.line, 17);
});

test("a wrong enum value names the key and the allowed values", () => {
  const error = errorOf(VALID.replace("task: binary", "task: binry"));
  assert.match(
    error.message,
    /modelkeeper\.yml:3: models\.fraud\.task: must be one of "binary", "multiclass", "regression"/,
  );
});

test("a missing required key is named with the model's line", () => {
  const error = errorOf(VALID.replace("    label: is_fraud\n", ""));
  assert.match(error.message, /modelkeeper\.yml:3: models\.fraud: missing required key "label"/);
});

test("invalid YAML reports line and column", () => {
  const error = errorOf("models:\n  fraud: [\n");
  assert.match(error.message, /^modelkeeper\.yml:\d+:\d+: invalid YAML: Flow sequence/);
});

test("a path key of the wrong type says a path or a list of paths is expected", () => {
  const error = errorOf(VALID.replace("holdout: data/holdout.csv", "holdout: 3"));
  assert.match(error.message, /modelkeeper\.yml:10: models\.fraud\.data\.holdout: must be a path or a list of paths/);
});

test("a model name that cannot be part of a tag or branch is refused", () => {
  const error = errorOf(VALID.replace("  fraud:", '  "../evil name":'));
  assert.match(error.message, /the model name "\.\.\/evil name" is not allowed: it may contain only ASCII letters/);
});

test("an empty file says models is required", () => {
  const error = errorOf("");
  assert.match(error.message, /missing required key "models"/);
});

test("duplicate keys are a YAML error", () => {
  const error = errorOf(VALID.replace("    label: is_fraud\n", "    label: is_fraud\n    label: other\n"));
  assert.match(error.message, /invalid YAML/);
});

test("classes and positive are read as label text; a short or repeated class list names its line", () => {
  const withKeys = (keys: string) =>
    VALID.replace("    features: [amount, hour]\n", `    features: [amount, hour]\n${keys}`);
  const model = parseConfig(withKeys("    classes: [1, 2.0, legit]\n    positive: 1\n"), "modelkeeper.yml").models[0];
  assert.deepEqual([model.classes, model.positive], [["1", "2", "legit"], "1"]);
  assert.match(
    errorOf(withKeys("    classes: [1]\n")).message,
    /modelkeeper\.yml:8: models\.fraud\.classes: must NOT have fewer than 2 items/,
  );
  assert.match(
    errorOf(withKeys("    classes: [a, a]\n")).message,
    /modelkeeper\.yml:8: models\.fraud\.classes: must NOT have duplicate items/,
  );
  assert.match(
    errorOf(withKeys("    positive: [a]\n")).message,
    /modelkeeper\.yml:8: models\.fraud\.positive: must be a string,number,boolean/,
  );
});

const CONFIG_OF = (names: string[]) =>
  `models:\n${names.map((n) => `  ${JSON.stringify(n)}:\n    task: binary\n    artifact: m.onnx\n    label: y\n    data:\n      train: a.csv\n      holdout: b.csv\n`).join("")}`;

test("the config error names the key, line, column, value and the rule", () => {
  const error = errorOf(CONFIG_OF(["fraud", "fraud.lock"]));
  assert.match(
    error.message,
    /^modelkeeper\.yml:9:3: models: the model name "fraud\.lock" is not allowed: it must not end with "\.lock"/,
  );
  assert.match(error.message, /rename the model/);
  assert.deepEqual(error.where, { file: "modelkeeper.yml", line: 9, column: 3, key: "models" });
  assert.equal(error.message.split("\n").length, 1, "said once");
  assert.match(errorOf(CONFIG_OF(["a..b"])).message, /^modelkeeper\.yml:2:3: .*"a\.\.b" .*must not contain "\.\."/);
});

test("two names equal but for letter case are refused, naming the later one's line and column", () => {
  const error = errorOf(CONFIG_OF(["Fraud", "fraud"]));
  assert.match(
    error.message,
    /^modelkeeper\.yml:9:3: models: the model name "fraud" differs from "Fraud" only in letter case/,
  );
});
