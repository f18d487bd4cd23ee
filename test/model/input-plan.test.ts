import { test } from "node:test";
import assert from "node:assert/strict";
import { BatchPacker, planInputs } from "../../src/model/input-plan.ts";
import type { ModelSignature, ValueSignature } from "../../src/model/signature.ts";
import { makeTable } from "./helpers.ts";

const MODEL = { path: "m.onnx" };
const tensor = (name: string, type: string, dims: ValueSignature["dims"]): ValueSignature => ({
  name,
  kind: "tensor",
  type,
  dims,
});
const signature = (...inputs: ValueSignature[]): ModelSignature => ({ inputs, outputs: [] });
const TABLE = makeTable({ a: [1, 2, 3], b: [4, 5, 6], c: ["x", null, "y"] });

test("a single float input not named after a feature is the [N, F] matrix; rows are packed row-major", () => {
  const plan = planInputs(signature(tensor("float_input", "float64", ["batch", 2])), ["b", "a"], TABLE, MODEL);
  assert.equal(plan.layout, "matrix");
  assert.equal(plan.fixedBatch, undefined);
  const feeds = new BatchPacker(plan, 2).pack(1, 2);
  assert.deepEqual(feeds.float_input.dims, [2, 2]);
  assert.deepEqual(Array.from(feeds.float_input.data as Float64Array), [5, 2, 6, 3]);
  assert.ok(feeds.float_input.data instanceof Float64Array);
});

test('per-feature inputs may be float, int64 ([N]) or string; a missing category becomes ""', () => {
  const plan = planInputs(
    signature(tensor("a", "int64", ["N"]), tensor("c", "string", ["N", 1]), tensor("b", "float32", ["N", 1])),
    ["a", "b", "c"],
    TABLE,
    MODEL,
  );
  assert.equal(plan.layout, "per-feature");
  const feeds = new BatchPacker(plan, 3).pack(0, 3);
  assert.deepEqual(feeds.a, { element: "int64", data: BigInt64Array.from([1n, 2n, 3n]), dims: [3] });
  assert.deepEqual(feeds.c, { element: "string", data: ["x", "", "y"], dims: [3, 1] });
  assert.deepEqual(feeds.b, { element: "float32", data: Float32Array.from([4, 5, 6]), dims: [3, 1] });
});

test("padding to a fixed batch fills zeros after the real rows", () => {
  const plan = planInputs(signature(tensor("input", "float32", [4, 2])), ["a", "b"], TABLE, MODEL);
  assert.equal(plan.fixedBatch, 4);
  const feeds = new BatchPacker(plan, 4).pack(0, 3, 4);
  assert.deepEqual(Array.from(feeds.input.data as Float32Array), [1, 4, 2, 5, 3, 6, 0, 0]);
});

test("an int64 input cannot take a missing or fractional value", () => {
  const table = makeTable({ a: [1, null], b: [1.5, 2] });
  const plan = planInputs(
    signature(tensor("a", "int64", ["N", 1]), tensor("b", "int64", ["N", 1])),
    ["a", "b"],
    table,
    MODEL,
  );
  assert.throws(() => new BatchPacker(plan, 2).pack(0, 2), {
    name: "UserError",
    message: /column "a" has a missing value at data row 2, but the model's input "a" is int64/,
  });
  const onlyB = planInputs(signature(tensor("b", "int64", ["N", 1])), ["b"], table, MODEL);
  assert.throws(() => new BatchPacker(onlyB, 2).pack(0, 2), {
    message: /column "b" has the non-integer 1\.5 at data row 1/,
  });
});

test("inputs modelkeeper cannot fill are refused with what to export instead", () => {
  assert.throws(() => planInputs(signature(tensor("input", "int64", ["N", 2])), ["a", "b"], TABLE, MODEL), {
    message: /input "input" \(int64 \[N, 2\]\) is not a float tensor/,
  });
  assert.throws(() => planInputs(signature(tensor("images", "float32", ["N", 3, 2])), ["a", "b"], TABLE, MODEL), {
    message: /has rank 3; a feature matrix must be \[N, F\]/,
  });
  assert.throws(
    () =>
      planInputs(
        signature(tensor("a", "float32", ["N", 2]), tensor("b", "float32", ["N", 1])),
        ["a", "b"],
        TABLE,
        MODEL,
      ),
    {
      message: /per-feature input "a" \(float32 \[N, 2\]\) must be \[N, 1\] or \[N\]/,
    },
  );
  assert.throws(
    () =>
      planInputs(signature(tensor("a", "bool", ["N", 1]), tensor("b", "float32", ["N", 1])), ["a", "b"], TABLE, MODEL),
    {
      message: /must be float, double, int64 or string tensors/,
    },
  );
  assert.throws(
    () =>
      planInputs(signature(tensor("a", "float32", [2, 1]), tensor("b", "float32", [3, 1])), ["a", "b"], TABLE, MODEL),
    {
      message: /different fixed batch sizes \(2, 3\)/,
    },
  );
  assert.throws(() => planInputs(signature(), ["a"], TABLE, MODEL), { message: /m\.onnx has no inputs/ });
  assert.throws(() => planInputs(signature(tensor("input", "float32", ["N", 1])), [], TABLE, MODEL), {
    message: /no features are configured/,
  });
});

test("a numeric column may feed a string input (as its decimal text)", () => {
  const plan = planInputs(signature(tensor("a", "string", ["N", 1])), ["a"], TABLE, MODEL);
  assert.deepEqual(new BatchPacker(plan, 3).pack(0, 3).a.data, ["1", "2", "3"]);
});
