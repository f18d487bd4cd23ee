import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeModel, loadModel, predict, timeInference, type ModelHandle } from "../../src/model/runner.ts";
import { buildTestModels, TEST_MODEL_PARAMS as P } from "../../scripts/make-test-models.ts";
import { encodeModel, ElemType, tensorType } from "../../src/model/onnx-proto.ts";
import { assertClose, featureRows, fixture, FIXTURES, makeTable, sigmoid, standardizedLinear } from "./helpers.ts";

const FEATURES = ["amount", "hour", "distance"];
const ROWS = featureRows(300);
const TABLE = makeTable(ROWS);
const rowValues = (i: number) => [ROWS.amount[i], ROWS.hour[i], ROWS.distance[i]];
const expectedBinary = Float64Array.from(ROWS.amount, (_, i) =>
  sigmoid(standardizedLinear(rowValues(i), P.binary.weights, P.binary.intercept, P.binary.standardization)),
);

const handles: ModelHandle[] = [];
async function open(name: string): Promise<ModelHandle> {
  const handle = await loadModel(fixture(name));
  handles.push(handle);
  return handle;
}
after(async () => {
  for (const handle of handles) await closeModel(handle);
});

test("the committed fixtures are exactly what scripts/make-test-models.ts builds", () => {
  const built = buildTestModels();
  for (const [name, bytes] of Object.entries(built)) {
    assert.deepEqual(
      new Uint8Array(readFileSync(join(FIXTURES, name))),
      bytes,
      `${name} is stale: run node --import tsx scripts/make-test-models.ts`,
    );
  }
});

test("loadModel reads the signature from the session and the metadata from the file", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  assert.deepEqual(handle.signature, {
    inputs: [{ name: "input", kind: "tensor", type: "float32", dims: ["N", 3] }],
    outputs: [
      { name: "label", kind: "tensor", type: "int64", dims: ["N"] },
      { name: "probabilities", kind: "tensor", type: "float32", dims: ["N", 2] },
    ],
  });
  assert.deepEqual(handle.recordedFeatures, FEATURES);
  assert.equal(handle.metadata.get("modelkeeper.task"), "binary");
  assert.equal(handle.producerName, "modelkeeper");
});

test("binary label + probabilities: scores are P(class 1) = sigmoid(w·x' + b) to 1e-6, in batches", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  const prediction = await predict(handle, TABLE, FEATURES, "binary", { batchRows: 64 });
  assert.equal(prediction.rowCount, 300);
  assertClose(prediction.scores, expectedBinary, 1e-6, "scores");
  assert.deepEqual(prediction.outputs, { value: "probabilities", label: "label" });
  assert.equal(prediction.probabilities, undefined);
  const labels = prediction.predictedLabel!;
  let checked = 0;
  expectedBinary.forEach((p, i) => {
    if (Math.abs(p - 0.5) < 1e-5) return;
    assert.equal(labels[i], p > 0.5 ? 1 : 0, `label of row ${i}`);
    checked++;
  });
  assert.ok(checked > 250);
  // Batch size changes nothing.
  const oneBatch = await predict(handle, TABLE, FEATURES, "binary");
  assert.deepEqual(oneBatch.scores, prediction.scores);
});

for (const [name, labelled] of [
  ["binary-probabilities.onnx", false],
  ["binary-score.onnx", false],
  ["binary-score-vector.onnx", false],
  ["binary-per-feature.onnx", true],
  ["binary-fixed-batch.onnx", false],
] as const) {
  test(`binary layout ${name}: same scores as the formula`, async () => {
    const handle = await open(name);
    const prediction = await predict(handle, TABLE, FEATURES, "binary", { batchRows: 50 });
    assertClose(prediction.scores, expectedBinary, 1e-6, name);
    assert.equal(prediction.predictedLabel !== undefined, labelled);
  });
}

test("fixed batch size models get padded batches and only real rows back", async () => {
  const handle = await open("binary-fixed-batch.onnx");
  assert.deepEqual(handle.signature.inputs[0].dims, [4, 3]);
  const table = makeTable({
    amount: ROWS.amount.slice(0, 10),
    hour: ROWS.hour.slice(0, 10),
    distance: ROWS.distance.slice(0, 10),
  });
  const prediction = await predict(handle, table, FEATURES, "binary");
  assert.equal(prediction.scores.length, 10);
  assertClose(prediction.scores, expectedBinary.subarray(0, 10), 1e-6, "padded");
});

test("one input per feature may be a string input encoded inside the model", async () => {
  const handle = await open("binary-string-input.onnx");
  assert.deepEqual(
    handle.signature.inputs.map((input) => [input.name, input.type]),
    [
      ["amount", "float32"],
      ["city", "string"],
    ],
  );
  const cities = ["oslo", "paris", "rome", null, "lima", "oslo"];
  const amounts = [10, 20.5, 30, 40, 55.25, 0];
  const table = makeTable({ city: cities, amount: amounts });
  const prediction = await predict(handle, table, ["amount", "city"], "binary");
  const p = P.categorical;
  const expected = amounts.map((amount, i) => {
    const code = p.cities.indexOf(cities[i] as (typeof p.cities)[number]); // unknown and missing map to -1
    return sigmoid(p.weights[0] * amount + p.weights[1] * code + p.intercept);
  });
  assertClose(prediction.scores, expected, 1e-6, "string input");
});

test("multiclass: probabilities are softmax(W x' + b) to 1e-6, scores the top probability", async () => {
  const handle = await open("multiclass-softmax.onnx");
  const prediction = await predict(handle, TABLE, FEATURES, "multiclass", { batchRows: 128 });
  assert.equal(prediction.classCount, 3);
  const { weights, intercepts, standardization } = P.multiclass;
  const expected: number[] = [];
  const top: number[] = [];
  const argmax: number[] = [];
  for (let i = 0; i < TABLE.rowCount; i++) {
    const logits = [0, 1, 2].map((k) =>
      standardizedLinear(
        rowValues(i),
        [0, 1, 2].map((f) => weights[f * 3 + k]),
        intercepts[k],
        standardization,
      ),
    );
    const exps = logits.map((z) => Math.exp(z - Math.max(...logits)));
    const total = exps.reduce((a, b) => a + b, 0);
    const probabilities = exps.map((e) => e / total);
    expected.push(...probabilities);
    top.push(Math.max(...probabilities));
    argmax.push(probabilities.indexOf(Math.max(...probabilities)));
  }
  assertClose(prediction.probabilities!, expected, 1e-6, "probabilities");
  assertClose(prediction.scores, top, 1e-6, "scores");
  assert.deepEqual(Array.from(prediction.predictedLabel!), argmax);
});

test("regression: the prediction is w·x + b (float32, relative 1e-6)", async () => {
  const handle = await open("linear-regression.onnx");
  assert.deepEqual(handle.signature.outputs, [{ name: "variable", kind: "tensor", type: "float32", dims: ["N", 1] }]);
  const prediction = await predict(handle, TABLE, FEATURES, "regression", { batchRows: 1000 });
  const expected = ROWS.amount.map((_, i) =>
    standardizedLinear(rowValues(i), P.regression.weights, P.regression.intercept),
  );
  assertClose(prediction.scores, expected, 1e-6, "regression");
  assert.equal(prediction.predictedLabel, undefined);
});

test("a missing value reaches the model as NaN (a linear model then predicts NaN for that row only)", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  const table = makeTable({ amount: [10, null, 30], hour: [1, 2, 3], distance: [1, 2, 3] });
  const prediction = await predict(handle, table, FEATURES, "binary");
  assert.ok(Number.isNaN(prediction.scores[1]));
  assertClose(
    [prediction.scores[0], prediction.scores[2]],
    [0, 2].map((i) =>
      sigmoid(
        standardizedLinear(
          [[10, 1, 1], [NaN], [30, 3, 3]][i],
          P.binary.weights,
          P.binary.intercept,
          P.binary.standardization,
        ),
      ),
    ),
    1e-6,
    "others",
  );
});

test("timeInference times a fixed-size batch, cycling a small table", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  const small = makeTable({ amount: [1, 2], hour: [3, 4], distance: [5, 6] });
  const timing = await timeInference(handle, small, FEATURES, 256, { repeats: 3, warmup: 1 });
  assert.equal(timing.rows, 256);
  assert.equal(timing.millis.length, 3);
  assert.ok(timing.millis.every((ms) => ms >= 0 && ms < 10_000));
});

// ---- errors: each names the culprit and says how to fix it ----

async function rejects(promise: Promise<unknown>, ...fragments: RegExp[]): Promise<void> {
  await assert.rejects(promise, (error: Error) => {
    assert.equal(error.name, "UserError", error.message);
    for (const fragment of fragments) assert.match(error.message, fragment);
    return true;
  });
}

test("error: a feature column missing from the data", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  const table = makeTable({ amount: [1], distance: [2] });
  await rejects(
    predict(handle, table, FEATURES, "binary"),
    /column "hour" is not in test-table\.csv \(columns: amount, distance\)/,
    /Add it to the data/,
  );
});

test("error: input width differs from the number of features", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  await rejects(
    predict(handle, TABLE, ["amount", "hour"], "binary"),
    /input "input" takes 3 features per row, but 2 are configured \(amount, hour\)/,
    /Set features in modelkeeper\.yml/,
    /records its features as \["amount","hour","distance"\]/,
  );
});

test("error: features in another order than the model recorded", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  await rejects(
    predict(handle, TABLE, ["hour", "amount", "distance"], "binary"),
    /was exported for features \["amount","hour","distance"\]/,
    /depends on column order/,
  );
});

test("error: a categorical column where the model needs a float", async () => {
  const handle = await open("binary-label-probabilities.onnx");
  const table = makeTable({ amount: [1, 2], hour: ["night", "day"], distance: [3, 4] });
  await rejects(
    predict(handle, table, FEATURES, "binary"),
    /column "hour" in test-table\.csv holds text such as "night"/,
    /Encode the column inside the model/,
    /or encode it as numbers in the data/,
  );
});

test("error: per-feature inputs that do not match the features", async () => {
  const handle = await open("binary-per-feature.onnx");
  await rejects(
    predict(handle, TABLE, ["amount", "hour", "speed"], "binary"),
    /model inputs \["distance"\] match no configured feature and features \["speed"\] match no model input/,
  );
});

test("error: a ZipMap (sequence of maps) output says to export with zipmap False", async () => {
  const handle = await open("binary-zipmap.onnx");
  assert.deepEqual(handle.signature.outputs[1], { name: "output_probability", kind: "sequence", type: "", dims: [] });
  await rejects(
    predict(handle, TABLE, FEATURES, "binary"),
    /output "output_probability" \(sequence\) is a sequence of maps \(a ZipMap\)/,
    /options=\{'zipmap': False\}/,
  );
});

test("error: a multiclass model evaluated as binary", async () => {
  const handle = await open("multiclass-softmax.onnx");
  await rejects(
    predict(handle, TABLE, FEATURES, "binary"),
    /output "probabilities" \(float32 \[N, 3\]\) has 3 columns/,
    /set task: multiclass/,
  );
});

test("error: a regression model evaluated as multiclass", async () => {
  const handle = await open("linear-regression.onnx");
  await rejects(
    predict(handle, TABLE, FEATURES, "multiclass"),
    /has 1 column; a multiclass model must output probabilities \[N, C\]/,
  );
});

const scratch = mkdtempSync(join(tmpdir(), "modelkeeper-runner-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("error: a corrupt or non-ONNX file is named", async () => {
  const text = join(scratch, "garbage.onnx");
  writeFileSync(text, "this is a CSV file,not a model\n1,2\n");
  await rejects(
    loadModel(text),
    new RegExp(`${text.replace(/[.]/g, "\\.")} is not an ONNX model`),
    /Point artifact in modelkeeper\.yml at the \.onnx file/,
  );
  const truncated = join(scratch, "truncated.onnx");
  writeFileSync(truncated, readFileSync(fixture("binary-label-probabilities.onnx")).subarray(0, 300));
  await rejects(loadModel(truncated), /truncated\.onnx is not an ONNX model \(.*runs past the end/);
  const empty = join(scratch, "empty.onnx");
  writeFileSync(empty, "");
  await rejects(loadModel(empty), /empty\.onnx is not an ONNX model \(no ir_version or graph field/);
});

test("error: a valid ONNX file onnxruntime cannot load (an unknown operator)", async () => {
  const path = join(scratch, "unknown-op.onnx");
  writeFileSync(
    path,
    encodeModel({
      opsetImports: [{ domain: "", version: 17 }],
      graph: {
        name: "g",
        nodes: [{ opType: "NoSuchOperator", inputs: ["input"], outputs: ["y"] }],
        initializers: [],
        inputs: [{ name: "input", type: tensorType(ElemType.FLOAT, ["N", 1]) }],
        outputs: [{ name: "y", type: tensorType(ElemType.FLOAT, ["N", 1]) }],
      },
    }),
  );
  await rejects(
    loadModel(path),
    /onnxruntime cannot load .*unknown-op\.onnx: .*NoSuchOperator/,
    /Re-export it with standard ONNX operators/,
  );
});

test("error: a Git LFS pointer and a missing file", async () => {
  const pointer = join(scratch, "lfs.onnx");
  writeFileSync(pointer, "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n");
  await rejects(loadModel(pointer), /is a Git LFS pointer/, /git lfs pull/);
  await rejects(loadModel(join(scratch, "nope.onnx")), /nope\.onnx does not exist/, /Run the model's train command/);
});

test("the fixture folder holds only what the script builds plus reference data", () => {
  const built = new Set(Object.keys(buildTestModels()));
  const extra = readdirSync(FIXTURES).filter((name) => !built.has(name));
  assert.deepEqual(extra, ["logistic-regression-sklearn.json"]);
});
