/**
 * Encoders for the ONNX messages modelkeeper writes, so a model trained in TypeScript can be saved
 * as a real `.onnx` file without Python's `onnx` package.
 *
 * Field numbers follow onnx/onnx.proto (stable since IR version 3; the file is proto2, whose
 * parsers accept packed repeated scalars, which are what we write). Only the subset needed for
 * small classical models is covered: float and int64 initializers (raw_data), attributes of kind
 * float, int, floats, ints, string, strings and tensor, tensor / sequence / map value types.
 */
import { ProtoWriter } from "./protobuf-wire.ts";

/** TensorProto.DataType values used here (decoded types may carry any other code). */
export const ElemType = { FLOAT: 1, INT32: 6, INT64: 7, STRING: 8, DOUBLE: 11 } as const;
export type ElemTypeCode = (typeof ElemType)[keyof typeof ElemType];

const DEFAULT_IR_VERSION = 8;
export const ONNX_ML_DOMAIN = "ai.onnx.ml";

/** A dimension: a fixed size, or a symbolic name such as "N" for the batch. */
export type Dim = number | string;

export type ValueType =
  | { kind: "tensor"; elemType: number; shape: readonly Dim[] }
  | { kind: "sequence"; elem: ValueType }
  | { kind: "map"; keyType: number; value: ValueType };

export interface ValueInfo {
  name: string;
  type: ValueType;
  docString?: string;
}

/** A constant tensor (graph initializer or tensor attribute). Stored as little-endian raw_data. */
export type TensorValue =
  | { name?: string; dataType: typeof ElemType.FLOAT; dims: readonly number[]; values: ArrayLike<number> }
  | { name?: string; dataType: typeof ElemType.INT64; dims: readonly number[]; values: ArrayLike<number | bigint> };

type Attribute =
  | { name: string; kind: "float"; value: number }
  | { name: string; kind: "int"; value: number | bigint }
  | { name: string; kind: "floats"; value: ArrayLike<number> }
  | { name: string; kind: "ints"; value: ArrayLike<number | bigint> }
  | { name: string; kind: "string"; value: string }
  | { name: string; kind: "strings"; value: readonly string[] }
  | { name: string; kind: "tensor"; value: TensorValue };

export interface Node {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  /** "" (default) for ai.onnx, "ai.onnx.ml" for the classical-ML operators. */
  domain?: string;
  attributes?: readonly Attribute[];
}

interface Graph {
  name: string;
  nodes: readonly Node[];
  initializers: readonly TensorValue[];
  inputs: readonly ValueInfo[];
  outputs: readonly ValueInfo[];
  docString?: string;
}

export interface OpsetImport {
  domain: string;
  version: number;
}

export interface Model {
  graph: Graph;
  opsetImports: readonly OpsetImport[];
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  /** Written in this order as ModelProto.metadata_props. */
  metadata?: ReadonlyArray<readonly [string, string]>;
}

/** AttributeProto.AttributeType values. */
const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

/** Serialises a model to the bytes of a `.onnx` file. */
export function encodeModel(model: Model): Uint8Array {
  const writer = new ProtoWriter();
  writer.varint(1, model.irVersion ?? DEFAULT_IR_VERSION); // ir_version
  writer.string(2, model.producerName ?? "modelkeeper"); // producer_name
  if (model.producerVersion) writer.string(3, model.producerVersion); // producer_version
  if (model.docString) writer.string(6, model.docString); // doc_string
  writer.message(7, (w) => writeGraph(w, model.graph)); // graph
  for (const opset of model.opsetImports) {
    writer.message(8, (w) => {
      // OperatorSetIdProto: domain = 1, version = 2
      if (opset.domain) w.string(1, opset.domain);
      w.varint(2, opset.version);
    });
  }
  for (const [key, value] of model.metadata ?? []) {
    writer.message(14, (w) => w.string(1, key).string(2, value)); // StringStringEntryProto
  }
  return writer.finish();
}

function writeGraph(writer: ProtoWriter, graph: Graph): void {
  for (const node of graph.nodes) writer.message(1, (w) => writeNode(w, node));
  writer.string(2, graph.name);
  for (const tensor of graph.initializers) writer.message(5, (w) => writeTensor(w, tensor));
  if (graph.docString) writer.string(10, graph.docString);
  for (const input of graph.inputs) writer.message(11, (w) => writeValueInfo(w, input));
  for (const output of graph.outputs) writer.message(12, (w) => writeValueInfo(w, output));
}

function writeNode(writer: ProtoWriter, node: Node): void {
  for (const input of node.inputs) writer.string(1, input);
  for (const output of node.outputs) writer.string(2, output);
  if (node.name) writer.string(3, node.name);
  writer.string(4, node.opType);
  for (const attribute of node.attributes ?? []) writer.message(5, (w) => writeAttribute(w, attribute));
  if (node.domain) writer.string(7, node.domain);
}

function writeAttribute(writer: ProtoWriter, attribute: Attribute): void {
  writer.string(1, attribute.name);
  switch (attribute.kind) {
    case "float":
      writer.float(2, attribute.value).varint(20, AttributeType.FLOAT);
      break;
    case "int":
      writer.varint(3, attribute.value).varint(20, AttributeType.INT);
      break;
    case "string":
      writer.string(4, attribute.value).varint(20, AttributeType.STRING);
      break;
    case "tensor":
      writer.message(5, (w) => writeTensor(w, attribute.value)).varint(20, AttributeType.TENSOR);
      break;
    case "floats":
      writer.packedFloats(7, attribute.value).varint(20, AttributeType.FLOATS);
      break;
    case "ints":
      writer.packedVarints(8, attribute.value).varint(20, AttributeType.INTS);
      break;
    case "strings":
      for (const value of attribute.value) writer.string(9, value);
      writer.varint(20, AttributeType.STRINGS);
      break;
  }
}

function writeTensor(writer: ProtoWriter, tensor: TensorValue): void {
  const elementCount = tensor.dims.reduce((product, dim) => product * dim, 1);
  if (elementCount !== tensor.values.length) {
    throw new Error(
      `tensor ${tensor.name ?? "(unnamed)"}: dims [${tensor.dims}] hold ${elementCount} values, got ${tensor.values.length}`,
    );
  }
  writer.packedVarints(1, tensor.dims); // dims
  writer.varint(2, tensor.dataType); // data_type
  if (tensor.name) writer.string(8, tensor.name);
  writer.bytes(9, rawData(tensor)); // raw_data: fixed-width little-endian
}

function rawData(tensor: TensorValue): Uint8Array {
  if (tensor.dataType === ElemType.FLOAT) {
    const bytes = new Uint8Array(tensor.values.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < tensor.values.length; i++) view.setFloat32(i * 4, tensor.values[i], true);
    return bytes;
  }
  const bytes = new Uint8Array(tensor.values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < tensor.values.length; i++) view.setBigInt64(i * 8, BigInt(tensor.values[i]), true);
  return bytes;
}

function writeValueInfo(writer: ProtoWriter, info: ValueInfo): void {
  writer.string(1, info.name);
  writer.message(2, (w) => writeType(w, info.type));
  if (info.docString) writer.string(3, info.docString);
}

function writeType(writer: ProtoWriter, type: ValueType): void {
  switch (type.kind) {
    case "tensor":
      // TypeProto.tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 { dim_value = 1 | dim_param = 2 } } }
      writer.message(1, (tensor) => {
        tensor.varint(1, type.elemType);
        tensor.message(2, (shape) => {
          for (const dim of type.shape) {
            shape.message(1, (d) => (typeof dim === "number" ? d.varint(1, dim) : d.string(2, dim)));
          }
        });
      });
      break;
    case "sequence":
      writer.message(4, (sequence) => sequence.message(1, (elem) => writeType(elem, type.elem)));
      break;
    case "map":
      writer.message(5, (map) => {
        map.varint(1, type.keyType);
        map.message(2, (value) => writeType(value, type.value));
      });
      break;
  }
}

/** Shorthands that keep graph builders readable. */
export const tensorType = (elemType: ElemTypeCode, shape: readonly Dim[]): ValueType => ({
  kind: "tensor",
  elemType,
  shape,
});
export const floatTensor = (name: string, dims: readonly number[], values: ArrayLike<number>): TensorValue => ({
  name,
  dataType: ElemType.FLOAT,
  dims,
  values,
});
export const int64Tensor = (
  name: string,
  dims: readonly number[],
  values: ArrayLike<number | bigint>,
): TensorValue => ({
  name,
  dataType: ElemType.INT64,
  dims,
  values,
});
