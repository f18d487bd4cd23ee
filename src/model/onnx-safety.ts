/**
 * Checks that an ONNX file from an untrusted source (a fork's pull request) is self-contained data:
 * no tensor whose bytes live in an external file (a path in a model must not read the runner's
 * disk), and no operator domain onnxruntime would need a custom-op library for. Walks the
 * protobuf itself, subgraphs (If, Loop, Scan) and model-local functions included. Fails closed:
 * bytes it cannot walk completely are a problem ("not-onnx"), never a pass. Pure.
 */
import { readFields, decodeUtf8Lenient as decodeUtf8, ProtoDecodeError } from "./protobuf-wire.ts";

/** Operator domains onnxruntime runs without loading any library. */
const BUILT_IN_DOMAINS = new Set(["", "ai.onnx", "ai.onnx.ml", "com.microsoft", "ai.onnx.preview.training"]);

export interface OnnxSafetyProblem {
  kind: "external-data" | "custom-domain" | "not-onnx";
  detail: string;
}

/** Every reason to refuse the model; empty when it is safe to load. */
export function onnxSafetyProblems(bytes: Uint8Array): OnnxSafetyProblem[] {
  const problems: OnnxSafetyProblem[] = [];
  const localFunctionDomains = new Set<string>();
  const nodeDomains: Array<{ domain: string; opType: string }> = [];
  const opsetDomains: string[] = [];
  try {
    let sawGraph = false;
    for (const f of readFields(bytes)) {
      if (f.wireType !== 2) continue;
      if (f.field === 7) {
        sawGraph = true;
        walkGraph(f.value, "graph", problems, nodeDomains);
      } else if (f.field === 8) opsetDomains.push(opsetDomain(f.value));
      else if (f.field === 25) localFunctionDomains.add(walkFunction(f.value, problems, nodeDomains));
    }
    if (!sawGraph) return [{ kind: "not-onnx", detail: "no graph: not an ONNX model" }];
  } catch (error) {
    if (error instanceof ProtoDecodeError)
      return [{ kind: "not-onnx", detail: `not a valid ONNX protobuf (${error.message})` }];
    throw error;
  }
  const allowed = (domain: string) => BUILT_IN_DOMAINS.has(domain) || localFunctionDomains.has(domain);
  const seen = new Set<string>();
  for (const { domain, opType } of nodeDomains) {
    if (allowed(domain) || seen.has(domain)) continue;
    seen.add(domain);
    problems.push({
      kind: "custom-domain",
      detail: `operator ${JSON.stringify(opType)} is in the custom domain ${JSON.stringify(domain)}, which onnxruntime runs only with a custom-op library`,
    });
  }
  for (const domain of opsetDomains) {
    if (allowed(domain) || seen.has(domain)) continue;
    seen.add(domain);
    problems.push({
      kind: "custom-domain",
      detail: `the model imports the custom operator set ${JSON.stringify(domain)}`,
    });
  }
  return problems;
}

function walkGraph(
  bytes: Uint8Array,
  where: string,
  problems: OnnxSafetyProblem[],
  nodes: Array<{ domain: string; opType: string }>,
): void {
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) walkNode(f.value, where, problems, nodes);
    else if (f.field === 5) checkTensor(f.value, `${where} initializer`, problems);
    else if (f.field === 15) walkSparse(f.value, `${where} sparse initializer`, problems);
  }
}

function walkNode(
  bytes: Uint8Array,
  where: string,
  problems: OnnxSafetyProblem[],
  nodes: Array<{ domain: string; opType: string }>,
): void {
  let domain = "";
  let opType = "";
  const attributes: Uint8Array[] = [];
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 4) opType = decodeUtf8(f.value);
    else if (f.field === 7) domain = decodeUtf8(f.value);
    else if (f.field === 5) attributes.push(f.value);
  }
  nodes.push({ domain, opType });
  for (const attribute of attributes) {
    for (const f of readFields(attribute)) {
      if (f.wireType !== 2) continue;
      const at = `${where} > ${opType} attribute`;
      if (f.field === 5 || f.field === 10) checkTensor(f.value, at, problems);
      else if (f.field === 6 || f.field === 11) walkGraph(f.value, `${where} > ${opType} subgraph`, problems, nodes);
      else if (f.field === 22 || f.field === 23) walkSparse(f.value, at, problems);
    }
  }
}

function walkFunction(
  bytes: Uint8Array,
  problems: OnnxSafetyProblem[],
  nodes: Array<{ domain: string; opType: string }>,
): string {
  let domain = "";
  let name = "";
  const body: Uint8Array[] = [];
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) name = decodeUtf8(f.value);
    else if (f.field === 7) body.push(f.value);
    else if (f.field === 10) domain = decodeUtf8(f.value);
  }
  for (const node of body) walkNode(node, `function ${name}`, problems, nodes);
  return domain;
}

function walkSparse(bytes: Uint8Array, where: string, problems: OnnxSafetyProblem[]): void {
  for (const f of readFields(bytes))
    if (f.wireType === 2 && (f.field === 1 || f.field === 2)) checkTensor(f.value, where, problems);
}

/** TensorProto: data_location (14) EXTERNAL = 1, or any external_data (13) entry, points at a file. */
function checkTensor(bytes: Uint8Array, where: string, problems: OnnxSafetyProblem[]): void {
  let name = "";
  let external = false;
  let location = "";
  for (const f of readFields(bytes)) {
    if (f.field === 8 && f.wireType === 2) name = decodeUtf8(f.value);
    else if (f.field === 14 && f.wireType === 0 && f.value === 1n) external = true;
    else if (f.field === 13 && f.wireType === 2) {
      external = true;
      let key = "";
      let value = "";
      for (const entry of readFields(f.value)) {
        if (entry.wireType !== 2) continue;
        if (entry.field === 1) key = decodeUtf8(entry.value);
        else if (entry.field === 2) value = decodeUtf8(entry.value);
      }
      if (key === "location") location = value;
    }
  }
  if (external) {
    problems.push({
      kind: "external-data",
      detail: `${where} ${JSON.stringify(name)} keeps its data in an external file${location ? ` (${JSON.stringify(location)})` : ""}`,
    });
  }
}

function opsetDomain(bytes: Uint8Array): string {
  for (const f of readFields(bytes)) if (f.field === 1 && f.wireType === 2) return decodeUtf8(f.value);
  return "";
}
