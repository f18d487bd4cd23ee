/**
 * Reads the parts of an ONNX file that modelkeeper checks before running it: metadata_props (the
 * feature names an export recorded), opsets, graph inputs and outputs with their types, and the
 * operators used. onnxruntime-node does not expose custom metadata, hence this small decoder.
 * Field numbers: see onnx-proto.ts; unknown fields are skipped, so any valid model decodes.
 */
import { type Dim, type OpsetImport, type ValueInfo, type ValueType } from "./onnx-proto.ts";
import { decodePackedVarints, decodeUtf8, ProtoDecodeError, readFields, toSignedInt64 } from "./protobuf-wire.ts";

export interface ModelSummary {
  irVersion: number;
  producerName: string;
  opsetImports: OpsetImport[];
  /** metadata_props in file order. */
  metadata: Array<[string, string]>;
  graphName: string;
  /** Graph inputs that are fed at run time (initializers listed as inputs, as old IR did, are left out). */
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: Array<{ opType: string; domain: string }>;
  /**
   * The class labels a classifier operator declares (ai.onnx.ml `classlabels_ints`,
   * `classlabels_int64s` or `classlabels_strings` of e.g. LinearClassifier, TreeEnsembleClassifier,
   * SVMClassifier, ZipMap), in the order of its probability columns; integers as decimal strings.
   */
  classLabels?: string[];
}

export { ProtoDecodeError };

/** Decodes a model's summary; throws ProtoDecodeError when the bytes are not an ONNX ModelProto. */
export function readModelSummary(bytes: Uint8Array): ModelSummary {
  const summary: ModelSummary = {
    irVersion: 0,
    producerName: "",
    opsetImports: [],
    metadata: [],
    graphName: "",
    inputs: [],
    outputs: [],
    nodes: [],
  };
  let sawGraph = false;
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.wireType === 0) summary.irVersion = Number(f.value);
    else if (f.field === 2 && f.wireType === 2) summary.producerName = decodeUtf8(f.value);
    else if (f.field === 7 && f.wireType === 2) {
      sawGraph = true;
      readGraph(f.value, summary);
    } else if (f.field === 8 && f.wireType === 2) summary.opsetImports.push(readOpset(f.value));
    else if (f.field === 14 && f.wireType === 2) summary.metadata.push(readStringPair(f.value));
  }
  // Any byte string may parse as *some* protobuf; an ONNX model must at least carry these two.
  if (summary.irVersion <= 0 || !sawGraph) {
    throw new ProtoDecodeError("no ir_version or graph field: this is not an ONNX ModelProto");
  }
  return summary;
}

function readGraph(bytes: Uint8Array, summary: ModelSummary): void {
  const initializerNames = new Set<string>();
  const inputs: ValueInfo[] = [];
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) {
      const node = readNode(f.value);
      summary.nodes.push({ opType: node.opType, domain: node.domain });
      if (node.classLabels && !summary.classLabels) summary.classLabels = node.classLabels;
    } else if (f.field === 2) summary.graphName = decodeUtf8(f.value);
    else if (f.field === 5) initializerNames.add(readTensorName(f.value));
    else if (f.field === 11) inputs.push(readValueInfo(f.value));
    else if (f.field === 12) summary.outputs.push(readValueInfo(f.value));
  }
  summary.inputs = inputs.filter((input) => !initializerNames.has(input.name));
}

const CLASS_LABEL_ATTRIBUTES = new Set(["classlabels_ints", "classlabels_int64s", "classlabels_strings"]);

function readNode(bytes: Uint8Array): { opType: string; domain: string; classLabels?: string[] } {
  let opType = "";
  let domain = "";
  let classLabels: string[] | undefined;
  for (const f of readFields(bytes)) {
    if (f.field === 4 && f.wireType === 2) opType = decodeUtf8(f.value);
    else if (f.field === 7 && f.wireType === 2) domain = decodeUtf8(f.value);
    else if (f.field === 5 && f.wireType === 2) classLabels ??= readClassLabels(f.value);
  }
  return domain === "ai.onnx.ml" && classLabels?.length ? { opType, domain, classLabels } : { opType, domain };
}

/** AttributeProto: name = 1, ints = 8 (packed or not), strings = 9; undefined for other attributes. */
function readClassLabels(bytes: Uint8Array): string[] | undefined {
  let name = "";
  const values: string[] = [];
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.wireType === 2) name = decodeUtf8(f.value);
    else if (f.field === 8 && f.wireType === 2) values.push(...decodePackedVarints(f.value).map(String));
    else if (f.field === 8 && f.wireType === 0) values.push(String(toSignedInt64(f.value)));
    else if (f.field === 9 && f.wireType === 2) values.push(decodeUtf8(f.value));
  }
  return CLASS_LABEL_ATTRIBUTES.has(name) ? values : undefined;
}

function readTensorName(bytes: Uint8Array): string {
  for (const f of readFields(bytes)) if (f.field === 8 && f.wireType === 2) return decodeUtf8(f.value);
  return "";
}

function readOpset(bytes: Uint8Array): OpsetImport {
  const opset: OpsetImport = { domain: "", version: 0 };
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.wireType === 2) opset.domain = decodeUtf8(f.value);
    else if (f.field === 2 && f.wireType === 0) opset.version = Number(f.value);
  }
  return opset;
}

function readStringPair(bytes: Uint8Array): [string, string] {
  let key = "";
  let value = "";
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.wireType === 2) key = decodeUtf8(f.value);
    else if (f.field === 2 && f.wireType === 2) value = decodeUtf8(f.value);
  }
  return [key, value];
}

function readValueInfo(bytes: Uint8Array): ValueInfo {
  let name = "";
  let type: ValueType | undefined;
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.wireType === 2) name = decodeUtf8(f.value);
    else if (f.field === 2 && f.wireType === 2) type = readType(f.value);
  }
  // A value without a type is legal in sub-graphs; describe it as a tensor of unknown shape.
  return { name, type: type ?? { kind: "tensor", elemType: 0, shape: [] } };
}

function readType(bytes: Uint8Array): ValueType | undefined {
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) return readTensorType(f.value);
    if (f.field === 4) {
      for (const g of readFields(f.value)) {
        if (g.field === 1 && g.wireType === 2) {
          const elem = readType(g.value);
          if (elem) return { kind: "sequence", elem };
        }
      }
    }
    if (f.field === 5) {
      let keyType = 0;
      let value: ValueType | undefined;
      for (const g of readFields(f.value)) {
        if (g.field === 1 && g.wireType === 0) keyType = Number(g.value);
        else if (g.field === 2 && g.wireType === 2) value = readType(g.value);
      }
      if (value) return { kind: "map", keyType, value };
    }
  }
  return undefined;
}

function readTensorType(bytes: Uint8Array): ValueType {
  let elemType = 0;
  const shape: Dim[] = [];
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.wireType === 0) elemType = Number(f.value);
    else if (f.field === 2 && f.wireType === 2) {
      for (const dim of readFields(f.value)) {
        if (dim.field !== 1 || dim.wireType !== 2) continue;
        let value: Dim = "?";
        for (const g of readFields(dim.value)) {
          if (g.field === 1 && g.wireType === 0) value = Number(toSignedInt64(g.value));
          else if (g.field === 2 && g.wireType === 2) value = decodeUtf8(g.value);
        }
        shape.push(value);
      }
    }
  }
  return { kind: "tensor", elemType, shape };
}

/** The feature names an export recorded under metadata key `modelkeeper.features`, if any. */
export const FEATURES_METADATA_KEY = "modelkeeper.features";

export function recordedFeatureNames(summary: ModelSummary): string[] | undefined {
  return stringListMetadata(summary, FEATURES_METADATA_KEY);
}

/** The class labels an export recorded under metadata key `modelkeeper.classes` (a JSON array). */
export const CLASSES_METADATA_KEY = "modelkeeper.classes";

/** The model's classes in probability-column order: its classifier operator's, else the metadata's. */
export function recordedClassLabels(summary: ModelSummary): string[] | undefined {
  return summary.classLabels ?? stringListMetadata(summary, CLASSES_METADATA_KEY);
}

function stringListMetadata(summary: ModelSummary, key: string): string[] | undefined {
  const entry = summary.metadata.find(([name]) => name === key);
  if (!entry) return undefined;
  try {
    const parsed: unknown = JSON.parse(entry[1]);
    if (Array.isArray(parsed) && parsed.every((name) => typeof name === "string")) return parsed;
  } catch {
    // fall through: a malformed entry is treated as absent
  }
  return undefined;
}
