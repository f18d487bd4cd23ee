/**
 * What a loaded model takes and returns, in plain data, so the input and output plans can be
 * built and tested without onnxruntime.
 */
import type { Dim } from "./onnx-proto.ts";

export type Task = "binary" | "multiclass" | "regression";

export interface ValueSignature {
  name: string;
  /** "tensor", or the container of a non-tensor value (a skl2onnx ZipMap output is a "sequence"). */
  kind: "tensor" | "sequence" | "map" | "other";
  /** onnxruntime's element type name ("float32", "float64", "int64", "string", ...); "" for non-tensors. */
  type: string;
  /** Fixed sizes are numbers, symbolic ones (the batch "N") strings; [] when unknown or not a tensor. */
  dims: Dim[];
}

export interface ModelSignature {
  inputs: ValueSignature[];
  outputs: ValueSignature[];
}

export function describeValue(value: ValueSignature): string {
  if (value.kind !== "tensor") return `"${value.name}" (${value.kind})`;
  return `"${value.name}" (${value.type} [${value.dims.join(", ")}])`;
}
