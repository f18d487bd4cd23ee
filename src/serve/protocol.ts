/**
 * Open Inference Protocol v2 documents the server answers with: server and model metadata, and
 * the infer response. Pure: data in, plain objects out.
 */
import type { ServedModel, Scored } from "./served-model.ts";
import type { ValueSignature } from "../model/signature.ts";

const DATATYPES: Record<string, string> = {
  float32: "FP32",
  float64: "FP64",
  float16: "FP16",
  int8: "INT8",
  int16: "INT16",
  int32: "INT32",
  int64: "INT64",
  uint8: "UINT8",
  uint16: "UINT16",
  uint32: "UINT32",
  uint64: "UINT64",
  bool: "BOOL",
  string: "BYTES",
};

function datatypeOf(element: string): string {
  return DATATYPES[element] ?? element.toUpperCase();
}

export function serverMetadata(version: string): Record<string, unknown> {
  return { name: "modelkeeper", version, extensions: [] };
}

export function modelMetadata(model: ServedModel): Record<string, unknown> {
  const tensor = (value: ValueSignature) => ({
    name: value.name,
    datatype: datatypeOf(value.type),
    shape: value.dims.map((d) => (typeof d === "number" ? d : -1)),
  });
  return {
    name: model.name,
    versions: [model.version],
    platform: "onnxruntime_onnx",
    inputs: model.handle.signature.inputs.filter((v) => v.kind === "tensor").map(tensor),
    outputs: model.handle.signature.outputs.filter((v) => v.kind === "tensor").map(tensor),
    parameters: {
      task: model.task,
      sha256: model.sha256,
      source: model.source,
      // The tabular form: one tensor per feature by this name, [N] (text as BYTES).
      features: model.features.map((name) => ({
        name,
        datatype:
          model.featureKinds.get(name) === "string"
            ? "BYTES"
            : model.featureKinds.get(name) === "int64"
              ? "INT64"
              : "FP64",
      })),
    },
  };
}

export function inferResponse(model: ServedModel, id: string, scored: Scored): Record<string, unknown> {
  return {
    model_name: model.name,
    model_version: model.version,
    id,
    outputs: scored.outputs.map((output) => ({
      name: output.name,
      datatype: datatypeOf(output.element),
      shape: output.dims,
      data: Array.from(output.data as ArrayLike<number | bigint>, Number),
    })),
  };
}

export function errorBody(message: string): Record<string, unknown> {
  return { error: message };
}
