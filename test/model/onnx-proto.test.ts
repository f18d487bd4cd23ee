import { test } from "node:test";
import assert from "node:assert/strict";
import {
  encodeModel,
  ElemType,
  floatTensor,
  ONNX_ML_DOMAIN,
  tensorType,
  type Model,
} from "../../src/model/onnx-proto.ts";
import { readFields } from "../../src/model/protobuf-wire.ts";
import { loadOrt } from "../../src/model/ort.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const emptyGraph = { name: "g", nodes: [], initializers: [], inputs: [], outputs: [] };

test("a minimal ModelProto has ir_version 8, producer modelkeeper, the graph and the opset", () => {
  const bytes = encodeModel({ graph: emptyGraph, opsetImports: [{ domain: "", version: 17 }] });
  assert.equal(
    hex(bytes),
    "0808" + // ir_version (1) = 8
      "120b" +
      Buffer.from("modelkeeper").toString("hex") + // producer_name (2)
      "3a03120167" + // graph (7) { name (2) = "g" }
      "42021011", // opset_import (8) { version (2) = 17 }
  );
});

test("metadata_props (14) are key/value pairs in the given order; doc_string is field 6", () => {
  const bytes = encodeModel({
    graph: emptyGraph,
    opsetImports: [],
    docString: "d",
    metadata: [
      ["k", "v"],
      ["a", "b"],
    ],
  });
  const fields = [...readFields(bytes)].filter((f) => f.field === 14 || f.field === 6);
  assert.deepEqual(
    fields.map((f) => [f.field, hex(f.value as Uint8Array)]),
    [
      [6, "64"],
      [14, "0a016b120176"],
      [14, "0a0161120162"],
    ],
  );
});

test("initializers are TensorProto with packed dims, data_type and little-endian raw_data", () => {
  const bytes = encodeModel({
    graph: { ...emptyGraph, initializers: [floatTensor("w", [2], [1, -2])] },
    opsetImports: [],
  });
  const graph = [...readFields(bytes)].find((f) => f.field === 7)!.value as Uint8Array;
  const tensor = [...readFields(graph)].find((f) => f.field === 5)!.value as Uint8Array;
  assert.equal(hex(tensor), "0a0102" + "1001" + "420177" + "4a080000803f000000c0");
  assert.throws(
    () => encodeModel({ graph: { ...emptyGraph, initializers: [floatTensor("bad", [3], [1])] }, opsetImports: [] }),
    /dims \[3\] hold 3 values, got 1/,
  );
});

test("attributes of every kind run in onnxruntime with their documented meaning", async () => {
  // y = Normalizer_L1(LeakyRelu(Scaler(x) + Constant, alpha = 0.1)), row-wise.
  const model: Model = {
    opsetImports: [
      { domain: "", version: 17 },
      { domain: ONNX_ML_DOMAIN, version: 3 },
    ],
    graph: {
      name: "attributes",
      initializers: [],
      inputs: [{ name: "x", type: tensorType(ElemType.FLOAT, ["N", 2]) }],
      outputs: [{ name: "y", type: tensorType(ElemType.FLOAT, ["N", 2]) }],
      nodes: [
        {
          opType: "Scaler",
          domain: ONNX_ML_DOMAIN,
          inputs: ["x"],
          outputs: ["scaled"],
          attributes: [
            { name: "offset", kind: "floats", value: [1, 2] },
            { name: "scale", kind: "floats", value: [2, 0.5] },
          ],
        },
        {
          opType: "Constant",
          inputs: [],
          outputs: ["c"],
          attributes: [{ name: "value", kind: "tensor", value: floatTensor("", [2], [10, 20]) }],
        },
        { opType: "Add", inputs: ["scaled", "c"], outputs: ["shifted"] },
        {
          opType: "LeakyRelu",
          inputs: ["shifted"],
          outputs: ["leaky"],
          attributes: [{ name: "alpha", kind: "float", value: 0.1 }],
        },
        {
          opType: "Normalizer",
          domain: ONNX_ML_DOMAIN,
          inputs: ["leaky"],
          outputs: ["y"],
          attributes: [{ name: "norm", kind: "string", value: "L1" }],
        },
      ],
    },
  };
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(encodeModel(model));
  const result = await session.run({ x: new ort.Tensor("float32", Float32Array.from([3, -100]), [1, 2]) });
  // scaled = [(3-1)·2, (-100-2)·0.5] = [4, -51]; +[10, 20] = [14, -31]; leaky = [14, -3.1]; / 17.1
  const y = Array.from(result.y.data as Float32Array);
  assert.ok(Math.abs(y[0] - 14 / 17.1) < 1e-6 && Math.abs(y[1] - -3.1 / 17.1) < 1e-6, `got ${y}`);
  await session.release();
});
