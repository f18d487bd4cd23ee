import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readModelSummary, recordedClassLabels, recordedFeatureNames } from "../../src/model/onnx-summary.ts";
import { encodeModel, ElemType, floatTensor, tensorType, type Node } from "../../src/model/onnx-proto.ts";
import { exportMultinomialLogisticRegression } from "../../src/model/export/multinomial-logistic-regression.ts";
import { fixture } from "./helpers.ts";

test("reads a fixture's header, metadata, inputs, outputs and operators", () => {
  const summary = readModelSummary(readFileSync(fixture("binary-per-feature.onnx")));
  assert.equal(summary.irVersion, 8);
  assert.equal(summary.producerName, "modelkeeper");
  assert.deepEqual(summary.opsetImports, [{ domain: "", version: 17 }]);
  assert.deepEqual(summary.metadata, [
    ["modelkeeper.features", '["amount","hour","distance"]'],
    ["modelkeeper.task", "binary"],
  ]);
  assert.equal(summary.graphName, "binary_logistic_regression");
  assert.deepEqual(
    summary.inputs.map((input) => [input.name, input.type]),
    ["amount", "hour", "distance"].map((name) => [name, { kind: "tensor", elemType: ElemType.FLOAT, shape: ["N", 1] }]),
  );
  assert.deepEqual(summary.outputs, [
    { name: "label", type: { kind: "tensor", elemType: ElemType.INT64, shape: ["N"] } },
    { name: "probabilities", type: { kind: "tensor", elemType: ElemType.FLOAT, shape: ["N", 2] } },
  ]);
  assert.deepEqual(
    summary.nodes.map((node) => node.opType),
    ["Concat", "Sub", "Div", "Gemm", "Sigmoid", "Sub", "Concat", "ArgMax"],
  );
  assert.deepEqual(recordedFeatureNames(summary), ["amount", "hour", "distance"]);
});

test("a ZipMap output decodes as sequence(map(int64, float)) and the ML opset is imported", () => {
  const summary = readModelSummary(readFileSync(fixture("binary-zipmap.onnx")));
  assert.deepEqual(summary.opsetImports, [
    { domain: "", version: 17 },
    { domain: "ai.onnx.ml", version: 3 },
  ]);
  assert.deepEqual(summary.outputs[1], {
    name: "output_probability",
    type: {
      kind: "sequence",
      elem: { kind: "map", keyType: ElemType.INT64, value: { kind: "tensor", elemType: ElemType.FLOAT, shape: [] } },
    },
  });
  assert.deepEqual(summary.nodes.at(-1), { opType: "ZipMap", domain: "ai.onnx.ml" });
});

test("initializers that old exporters also list as graph inputs are not run-time inputs", () => {
  const bytes = encodeModel({
    opsetImports: [{ domain: "", version: 17 }],
    metadata: [["modelkeeper.features", "not json"]],
    graph: {
      name: "g",
      nodes: [{ opType: "Add", inputs: ["x", "bias"], outputs: ["y"] }],
      initializers: [floatTensor("bias", [1], [1])],
      inputs: [
        { name: "x", type: tensorType(ElemType.FLOAT, ["N", 1]) },
        { name: "bias", type: tensorType(ElemType.FLOAT, [1]) },
      ],
      outputs: [{ name: "y", type: tensorType(ElemType.FLOAT, ["N", 1]) }],
    },
  });
  const summary = readModelSummary(bytes);
  assert.deepEqual(
    summary.inputs.map((input) => input.name),
    ["x"],
  );
  assert.equal(recordedFeatureNames(summary), undefined);
});

test("bytes that are not a ModelProto are rejected", () => {
  assert.throws(() => readModelSummary(new Uint8Array(0)), {
    name: "ProtoDecodeError",
    message: /no ir_version or graph field/,
  });
  assert.throws(() => readModelSummary(new TextEncoder().encode("a,b\n1,2\n")), { name: "ProtoDecodeError" });
  // Valid protobuf, wrong message: a lone varint field 1.
  assert.throws(() => readModelSummary(Uint8Array.from([0x08, 0x08])), { message: /no ir_version or graph field/ });
});

/** A one-node ai.onnx.ml model (or ai.onnx with mlDomain false) with the given attributes and metadata. */
function classifierModel(
  attributes: Node["attributes"],
  metadata: Array<[string, string]> = [],
  mlDomain = true,
): Uint8Array {
  return encodeModel({
    opsetImports: [{ domain: "", version: 17 }, ...(mlDomain ? [{ domain: "ai.onnx.ml", version: 3 }] : [])],
    metadata,
    graph: {
      name: "g",
      nodes: [
        {
          opType: mlDomain ? "ZipMap" : "Identity",
          domain: mlDomain ? "ai.onnx.ml" : "",
          inputs: ["x"],
          outputs: ["y"],
          attributes,
        },
      ],
      initializers: [],
      inputs: [{ name: "x", type: tensorType(ElemType.FLOAT, ["N", 3]) }],
      outputs: [{ name: "y", type: tensorType(ElemType.FLOAT, ["N", 3]) }],
    },
  });
}

test("class labels: classlabels_ints and int64s (negative too) as decimal text, classlabels_strings as they are", () => {
  const labels = (attributes: Node["attributes"]) => recordedClassLabels(readModelSummary(classifierModel(attributes)));
  assert.deepEqual(labels([{ name: "classlabels_ints", kind: "ints", value: [1, 2, 3] }]), ["1", "2", "3"]);
  assert.deepEqual(labels([{ name: "classlabels_int64s", kind: "ints", value: [-1, 0, 9007199254740993n] }]), [
    "-1",
    "0",
    "9007199254740993",
  ]);
  assert.deepEqual(labels([{ name: "classlabels_strings", kind: "strings", value: ["legit", "fraud", "Ünïcode"] }]), [
    "legit",
    "fraud",
    "Ünïcode",
  ]);
  // Other ints attributes beside it are not class labels.
  assert.deepEqual(
    labels([
      { name: "keepdims", kind: "ints", value: [7] },
      { name: "classlabels_ints", kind: "ints", value: [4, 5] },
    ]),
    ["4", "5"],
  );
});

test("class labels: metadata modelkeeper.classes when no operator declares any; the operator's win over it", () => {
  const metadata: Array<[string, string]> = [["modelkeeper.classes", '["1","2","3"]']];
  assert.deepEqual(recordedClassLabels(readModelSummary(classifierModel([], metadata))), ["1", "2", "3"]);
  assert.deepEqual(
    recordedClassLabels(
      readModelSummary(classifierModel([{ name: "classlabels_ints", kind: "ints", value: [0, 1, 2] }], metadata)),
    ),
    ["0", "1", "2"],
  );
  // An exporter's metadata round-trips through finishModel's classes option.
  const exported = exportMultinomialLogisticRegression({
    featureNames: ["a"],
    weights: [1, 0, -1],
    intercepts: [0, 0, 0],
    classes: ["low", "mid", "high"],
  });
  assert.deepEqual(recordedClassLabels(readModelSummary(exported)), ["low", "mid", "high"]);
});

test("class labels: none without the attribute or the key, from a node outside ai.onnx.ml, or in unreadable metadata", () => {
  assert.equal(recordedClassLabels(readModelSummary(classifierModel([]))), undefined);
  assert.equal(
    recordedClassLabels(
      readModelSummary(classifierModel([{ name: "classlabels_ints", kind: "ints", value: [1, 2] }], [], false)),
    ),
    undefined,
  );
  assert.equal(
    recordedClassLabels(readModelSummary(classifierModel([], [["modelkeeper.classes", "not json"]]))),
    undefined,
  );
  assert.equal(recordedClassLabels(readModelSummary(readFileSync(fixture("binary-per-feature.onnx")))), undefined);
});
