/**
 * Turns an Open Inference Protocol v2 infer request (parsed JSON) into a table of the model's
 * feature columns, or says exactly what does not fit, before anything reaches the model. Two forms:
 * the model's own input tensor by name (one [N, F] matrix), or one tensor per feature by feature
 * name ([N] or [N, 1]; text features as BYTES). Pure: no I/O.
 */
import type { Column, Table } from "../data/table.ts";
import type { FeatureKind } from "./served-model.ts";

export interface ModelInterface {
  readonly features: readonly string[];
  readonly featureKinds: ReadonlyMap<string, FeatureKind>;
  readonly matrixInput?: { name: string };
}

export interface InferRequest {
  id?: string;
  table: Table;
}

/** A request the model cannot take: answered with `status` and `message`, never run. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

const NUMERIC_TYPES = new Set([
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP16",
  "FP32",
  "FP64",
]);
const ALL_TYPES = new Set([...NUMERIC_TYPES, "BOOL", "BYTES"]);

interface TensorInput {
  name: string;
  datatype: string;
  shape: number[];
  data: unknown[];
}

export function parseInferRequest(body: unknown, model: ModelInterface, maxRows: number): InferRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new RequestError(
      400,
      `the body must be a JSON object like {"inputs": [{"name": ..., "shape": [...], "datatype": ..., "data": [...]}]}`,
    );
  }
  const request = body as Record<string, unknown>;
  if (request.id !== undefined && typeof request.id !== "string") throw new RequestError(400, `"id" must be a string`);
  if (!Array.isArray(request.inputs) || request.inputs.length === 0) {
    throw new RequestError(400, `"inputs" must be a non-empty array of tensors; this model takes ${expected(model)}`);
  }
  const inputs = request.inputs.map((input, i) => tensorInput(input, i));
  const table =
    model.matrixInput && inputs.length === 1 && inputs[0].name === model.matrixInput.name
      ? matrixTable(inputs[0], model, maxRows)
      : featureTable(inputs, model, maxRows);
  return { ...(request.id !== undefined ? { id: request.id as string } : {}), table };
}

function tensorInput(value: unknown, index: number): TensorInput {
  const where = `inputs[${index}]`;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new RequestError(400, `${where} must be an object with name, shape, datatype and data`);
  const input = value as Record<string, unknown>;
  if (typeof input.name !== "string") throw new RequestError(400, `${where}: "name" must be a string`);
  const named = `input "${input.name}"`;
  if (typeof input.datatype !== "string" || !ALL_TYPES.has(input.datatype)) {
    throw new RequestError(
      400,
      `${named}: "datatype" must be one of ${[...ALL_TYPES].join(", ")}, got ${JSON.stringify(input.datatype)}`,
    );
  }
  if (!Array.isArray(input.shape) || !input.shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new RequestError(
      400,
      `${named}: "shape" must be an array of whole numbers >= 0, got ${JSON.stringify(input.shape)}`,
    );
  }
  if (!Array.isArray(input.data)) throw new RequestError(400, `${named}: "data" must be an array`);
  const data = input.data.some(Array.isArray) ? (input.data.flat(input.shape.length) as unknown[]) : input.data;
  const size = (input.shape as number[]).reduce((a, b) => a * b, 1);
  if (data.length !== size)
    throw new RequestError(
      400,
      `${named}: shape [${input.shape.join(", ")}] holds ${size} values but "data" has ${data.length}`,
    );
  return { name: input.name, datatype: input.datatype, shape: input.shape as number[], data };
}

function matrixTable(input: TensorInput, model: ModelInterface, maxRows: number): Table {
  const width = model.features.length;
  if (input.shape.length !== 2 || input.shape[1] !== width) {
    throw new RequestError(
      400,
      `input "${input.name}": expected shape [N, ${width}] (features ${model.features.join(", ")}), got [${input.shape.join(", ")}]`,
    );
  }
  if (!NUMERIC_TYPES.has(input.datatype))
    throw new RequestError(
      400,
      `input "${input.name}": expected a numeric datatype such as FP32, got ${input.datatype}`,
    );
  const rows = rowCount(input.shape[0], maxRows);
  const columns: Column[] = model.features.map((feature, f) => {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++)
      values[i] = number(
        input.data[i * width + f],
        input.name,
        i * width + f,
        model.featureKinds.get(feature) === "int64",
      );
    return { kind: "numeric", name: feature, values };
  });
  return { source: "the request", rowCount: rows, columns };
}

function featureTable(inputs: TensorInput[], model: ModelInterface, maxRows: number): Table {
  const byName = new Map<string, TensorInput>();
  for (const input of inputs) {
    if (!model.featureKinds.has(input.name))
      throw new RequestError(
        400,
        `input "${input.name}": no such input or feature; this model takes ${expected(model)}`,
      );
    if (byName.has(input.name)) throw new RequestError(400, `input "${input.name}" appears twice`);
    byName.set(input.name, input);
  }
  const missing = model.features.filter((feature) => !byName.has(feature));
  if (missing.length > 0)
    throw new RequestError(
      400,
      `missing feature${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; this model takes ${expected(model)}`,
    );
  let rows: number | undefined;
  const columns = model.features.map((feature): Column => {
    const input = byName.get(feature)!;
    if (input.shape.length === 0 || input.shape.length > 2 || (input.shape.length === 2 && input.shape[1] !== 1)) {
      throw new RequestError(400, `input "${feature}": expected shape [N] or [N, 1], got [${input.shape.join(", ")}]`);
    }
    const n = input.shape[0];
    if (rows !== undefined && n !== rows)
      throw new RequestError(
        400,
        `input "${feature}" has ${n} rows but the inputs before it have ${rows}; every feature needs one value per row`,
      );
    rows = rowCount(n, maxRows);
    const kind = model.featureKinds.get(feature)!;
    if (kind === "string") {
      if (input.datatype !== "BYTES")
        throw new RequestError(
          400,
          `input "${feature}": this feature is text; send it as datatype BYTES with string data, got ${input.datatype}`,
        );
      return categorical(feature, input.data);
    }
    if (!NUMERIC_TYPES.has(input.datatype))
      throw new RequestError(
        400,
        `input "${feature}": this feature is numeric (${kind === "int64" ? "INT64" : "FP32/FP64"}), got datatype ${input.datatype}`,
      );
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = number(input.data[i], feature, i, kind === "int64");
    return { kind: "numeric", name: feature, values };
  });
  return { source: "the request", rowCount: rows!, columns };
}

function rowCount(rows: number, maxRows: number): number {
  if (rows === 0) throw new RequestError(400, `the request has no rows`);
  if (rows > maxRows)
    throw new RequestError(
      413,
      `the request has ${rows} rows; this server takes at most ${maxRows} per request (serve.max_rows): split it`,
    );
  return rows;
}

function number(value: unknown, input: string, position: number, integer: boolean): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    // String(), not JSON: a literal too large for a double (1e999) parses to Infinity, which JSON would call null.
    const shown = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
    throw new RequestError(
      400,
      `input "${input}": data[${position}] is ${shown}; expected a finite number (missing values are not accepted)`,
    );
  }
  if (integer && !Number.isInteger(value))
    throw new RequestError(
      400,
      `input "${input}": data[${position}] is ${value}; this model input is INT64, expected a whole number`,
    );
  return value;
}

function categorical(name: string, data: unknown[]): Column {
  const codes = new Int32Array(data.length);
  const categories: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (typeof value !== "string")
      throw new RequestError(400, `input "${name}": data[${i}] is ${JSON.stringify(value)}; expected a string (BYTES)`);
    let code = index.get(value);
    if (code === undefined) {
      code = categories.length;
      categories.push(value);
      index.set(value, code);
    }
    codes[i] = code;
  }
  return { kind: "categorical", name, codes, categories };
}

function expected(model: ModelInterface): string {
  const perFeature = `one tensor per feature, shape [N]: ${model.features.map((f) => `${f} (${model.featureKinds.get(f) === "string" ? "BYTES" : model.featureKinds.get(f) === "int64" ? "INT64" : "FP32"})`).join(", ")}`;
  return model.matrixInput
    ? `"${model.matrixInput.name}" FP32 [N, ${model.features.length}], or ${perFeature}`
    : perFeature;
}
