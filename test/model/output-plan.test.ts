import { test } from "node:test";
import assert from "node:assert/strict";
import { planOutputs, PredictionCollector } from "../../src/model/output-plan.ts";
import type { ModelSignature, ValueSignature } from "../../src/model/signature.ts";

const MODEL = { path: "m.onnx" };
const tensor = (name: string, type: string, dims: ValueSignature["dims"]): ValueSignature => ({
  name,
  kind: "tensor",
  type,
  dims,
});
const signature = (...outputs: ValueSignature[]): ModelSignature => ({ inputs: [], outputs });

test("the probabilities tensor is picked over other float outputs, the integer label alongside", () => {
  const plan = planOutputs(
    signature(
      tensor("logits", "float32", ["N", 2]),
      tensor("output_label", "int64", ["N"]),
      tensor("output_probability", "float32", ["N", 2]),
    ),
    "binary",
    MODEL,
  );
  assert.equal(plan.value.name, "output_probability");
  assert.equal(plan.label?.name, "output_label");
  assert.equal(
    planOutputs(signature(tensor("variable", "float64", ["N"]), tensor("x", "float32", ["N"])), "regression", MODEL)
      .value.name,
    "variable",
  );
  assert.equal(planOutputs(signature(tensor("y", "float32", [])), "regression", MODEL).label, undefined);
});

test("no float output: a non-tensor one gets the ZipMap advice, otherwise the expected layout is named", () => {
  assert.throws(
    () =>
      planOutputs(
        signature(tensor("label", "int64", ["N"]), { name: "probs", kind: "map", type: "", dims: [] }),
        "binary",
        MODEL,
      ),
    {
      message: /output "probs" \(map\) is a map, not a tensor.*'zipmap': False/,
    },
  );
  assert.throws(() => planOutputs(signature(tensor("label", "string", ["N"])), "multiclass", MODEL), {
    message: /m\.onnx has no float output to read probabilities or scores from \(outputs: "label" \(string \[N\]\)\)/,
  });
});

test("the collector takes column 1 of [N, 2], the only column of [N, 1] and [N], and checks shapes at run time", () => {
  const binary = planOutputs(signature(tensor("p", "float32", [])), "binary", MODEL);
  const collector = new PredictionCollector(binary, 4, MODEL);
  collector.add(0, 2, { p: { dims: [2, 2], data: [0.9, 0.1, 0.3, 0.7] } });
  collector.add(2, 1, { p: { dims: [1, 1], data: [0.25] } });
  collector.add(3, 1, { p: { dims: [2], data: [0.5, 99] } }); // a padded batch: only the first row is real
  assert.deepEqual(Array.from(collector.finish().scores), [0.1, 0.7, 0.25, 0.5]);
  assert.throws(() => collector.add(0, 1, { p: { dims: [1, 3], data: [1, 2, 3] } }), {
    message: /output "p" has shape \[1, 3\]; a binary model must output probabilities/,
  });
  assert.throws(() => collector.add(0, 2, { p: { dims: [1, 2], data: [1, 2] } }), {
    message: /shape \[1, 2\] for a batch of 2 rows/,
  });
});

test("multiclass keeps the class count of the first batch and refuses a change", () => {
  const plan = planOutputs(
    signature(tensor("probabilities", "float32", ["N", "C"]), tensor("label", "int64", ["N"])),
    "multiclass",
    MODEL,
  );
  const collector = new PredictionCollector(plan, 2, MODEL);
  collector.add(0, 1, { probabilities: { dims: [1, 3], data: [0.2, 0.5, 0.3] }, label: { dims: [1], data: [7n] } });
  assert.throws(
    () => collector.add(1, 1, { probabilities: { dims: [1, 2], data: [0.5, 0.5] }, label: { dims: [1], data: [0n] } }),
    { message: /changed from 3 to 2 columns/ },
  );
  collector.add(1, 1, { probabilities: { dims: [1, 3], data: [0.6, 0.3, 0.1] }, label: { dims: [1], data: [0n] } });
  const prediction = collector.finish();
  assert.equal(prediction.classCount, 3);
  assert.deepEqual(Array.from(prediction.probabilities!), [0.2, 0.5, 0.3, 0.6, 0.3, 0.1]);
  assert.deepEqual(Array.from(prediction.scores), [0.5, 0.6]);
  assert.deepEqual(Array.from(prediction.predictedLabel!), [7, 0]);
  assert.deepEqual(prediction.outputs, { value: "probabilities", label: "label" });
});

test("static shapes that cannot fit the task are refused before running", () => {
  assert.throws(() => planOutputs(signature(tensor("y", "float32", ["N", 2])), "regression", MODEL), {
    message: /has 2 columns; a regression model must output one prediction per row/,
  });
  assert.throws(() => planOutputs(signature(tensor("y", "float32", ["N", 2, 2])), "binary", MODEL), {
    message: /has rank 3/,
  });
});
