/**
 * Maps a table's feature columns onto a model's inputs, the two layouts DESIGN.md promises:
 * one float matrix [N, F] with columns in `features` order, or one input per feature, found by name
 * (each [N, 1] or [N]; these may also be int64 or string, as skl2onnx pipelines with encoders
 * export them). Every mismatch is a UserError that names the column or input and how to fix it.
 *
 * Missing values: NaN in a numeric column is passed to float inputs unchanged (trees and imputers
 * inside the model may handle it; a plain linear model will output NaN). A missing category is
 * passed to a string input as "". An int64 input cannot hold NaN, so a missing value there is an error.
 */
import { UserError } from "../errors.ts";
import type { Column, Table } from "../data/table.ts";
import { describeValue, type ModelSignature, type ValueSignature } from "./signature.ts";

export type FeedElement = "float32" | "float64" | "int64" | "string";

export interface FeedSpec {
  inputName: string;
  element: FeedElement;
  /** The columns that fill this input, in order: all F features for a matrix, one otherwise. */
  columns: Column[];
  /** Shape after the batch dimension: [F] for a matrix, [1] or [] for a per-feature input. */
  innerDims: number[];
}

export interface InputPlan {
  layout: "matrix" | "per-feature";
  feeds: FeedSpec[];
  /** The model's batch size when it is fixed (not symbolic); batches are padded up to it. */
  fixedBatch?: number;
}

export interface ModelContext {
  /** The model file, for messages. */
  path: string;
  /** Feature names recorded in the model's metadata by the exporter, if any. */
  recordedFeatures?: readonly string[];
}

const FLOAT_TYPES = new Set(["float32", "float64"]);
const PER_FEATURE_TYPES = new Set(["float32", "float64", "int64", "string"]);

export function planInputs(
  signature: ModelSignature,
  features: readonly string[],
  table: Table,
  model: ModelContext,
): InputPlan {
  if (features.length === 0)
    throw new UserError("no features are configured; list them under features in modelkeeper.yml", { key: "features" });
  const inputs = signature.inputs;
  if (inputs.length === 0)
    throw new UserError(`${model.path} has no inputs; re-export the model with its feature input(s)`, {
      file: model.path,
    });
  const byName = new Set(features);
  const perFeature = inputs.length > 1 || byName.has(inputs[0].name);
  const plan = perFeature
    ? planPerFeature(inputs, features, table, model)
    : planMatrix(inputs[0], features, table, model);
  const batchSizes = new Set(
    inputs.map((input) => input.dims[0]).filter((dim): dim is number => typeof dim === "number" && dim > 0),
  );
  if (batchSizes.size > 1) {
    throw new UserError(
      `${model.path}: inputs have different fixed batch sizes (${[...batchSizes].join(", ")}); re-export with a symbolic batch dimension`,
      { file: model.path },
    );
  }
  const [fixedBatch] = batchSizes;
  return fixedBatch === undefined ? plan : { ...plan, fixedBatch };
}

function planMatrix(input: ValueSignature, features: readonly string[], table: Table, model: ModelContext): InputPlan {
  if (input.kind !== "tensor" || !FLOAT_TYPES.has(input.type)) {
    throw new UserError(
      `${model.path}: input ${describeValue(input)} is not a float tensor. modelkeeper feeds one float [N, F] matrix ` +
        `in features order, or one input per feature named after its column; re-export the model with one of these inputs.`,
      { file: model.path },
    );
  }
  if (input.dims.length !== 0 && input.dims.length !== 2) {
    throw new UserError(
      `${model.path}: input ${describeValue(input)} has rank ${input.dims.length}; a feature matrix must be [N, F]. ` +
        `Re-export the model with a 2-D float input, or with one input per feature.`,
      { file: model.path },
    );
  }
  const width = input.dims[1];
  if (typeof width === "number" && width !== features.length) {
    const recorded =
      model.recordedFeatures?.length === width
        ? ` The model records its features as ${JSON.stringify(model.recordedFeatures)}.`
        : "";
    throw new UserError(
      `${model.path}: input "${input.name}" takes ${width} features per row, but ${features.length} are configured ` +
        `(${features.join(", ")}). Set features in modelkeeper.yml to the ${width} columns the model was trained on, in training order.${recorded}`,
      { file: model.path, key: "features" },
    );
  }
  if (model.recordedFeatures && !sameList(model.recordedFeatures, features)) {
    throw new UserError(
      `${model.path} was exported for features ${JSON.stringify(model.recordedFeatures)} (in this order), but modelkeeper.yml ` +
        `configures ${JSON.stringify(features)}. A matrix input depends on column order: set features to the recorded list, or re-export the model.`,
      { file: model.path, key: "features" },
    );
  }
  const element = input.type as FeedElement;
  const columns = features.map((feature) => numericColumn(table, feature, input.name, model));
  return { layout: "matrix", feeds: [{ inputName: input.name, element, columns, innerDims: [features.length] }] };
}

function planPerFeature(
  inputs: readonly ValueSignature[],
  features: readonly string[],
  table: Table,
  model: ModelContext,
): InputPlan {
  const inputNames = new Set(inputs.map((input) => input.name));
  const unknownInputs = inputs.filter((input) => !features.includes(input.name)).map((input) => input.name);
  const unusedFeatures = features.filter((feature) => !inputNames.has(feature));
  if (unknownInputs.length > 0 || unusedFeatures.length > 0) {
    const parts = [];
    if (unknownInputs.length > 0)
      parts.push(`model inputs ${JSON.stringify(unknownInputs)} match no configured feature`);
    if (unusedFeatures.length > 0) parts.push(`features ${JSON.stringify(unusedFeatures)} match no model input`);
    throw new UserError(
      `${model.path} takes one input per feature (${inputs.map((input) => input.name).join(", ")}), but ${parts.join(" and ")}. ` +
        `Set features in modelkeeper.yml to exactly the model's input names, or re-export the model with a single [N, F] float input.`,
      { file: model.path, key: "features" },
    );
  }
  const feeds = inputs.map((input): FeedSpec => {
    if (input.kind !== "tensor" || !PER_FEATURE_TYPES.has(input.type)) {
      throw new UserError(
        `${model.path}: input ${describeValue(input)} has a type modelkeeper cannot fill; per-feature inputs must be float, double, int64 or string tensors. Re-export the model with one of these.`,
        { file: model.path },
      );
    }
    if (
      input.dims.length > 2 ||
      (input.dims.length === 2 && typeof input.dims[1] === "number" && input.dims[1] !== 1)
    ) {
      throw new UserError(
        `${model.path}: per-feature input ${describeValue(input)} must be [N, 1] or [N]; re-export it with one column per feature input.`,
        { file: model.path },
      );
    }
    const element = input.type as FeedElement;
    const column =
      element === "string" ? anyColumn(table, input.name) : numericColumn(table, input.name, input.name, model);
    return { inputName: input.name, element, columns: [column], innerDims: input.dims.length === 1 ? [] : [1] };
  });
  return { layout: "per-feature", feeds };
}

function anyColumn(table: Table, name: string): Column {
  const found = table.columns.find((column) => column.name === name);
  if (!found) {
    const available = table.columns.map((column) => column.name).join(", ");
    throw new UserError(
      `column "${name}" is not in ${table.source} (columns: ${available}). Add it to the data, or remove it from features in modelkeeper.yml and re-export the model without it.`,
      { file: table.source, column: name, key: "features" },
    );
  }
  return found;
}

/**
 * A feature column holds text where the model takes numbers. The table no longer knows which cell
 * did it; a caller with the files (gate/name-bad-cells.ts) finds it and says so.
 */
export class TextForNumericInput extends UserError {
  constructor(
    message: string,
    where: UserError["where"],
    readonly column: string,
    readonly inputName: string,
    readonly modelPath: string,
  ) {
    super(message, where);
  }
}

function numericColumn(table: Table, name: string, inputName: string, model: ModelContext): Column {
  const found = anyColumn(table, name);
  if (found.kind === "categorical") {
    const example = found.categories.length > 0 ? ` such as ${JSON.stringify(found.categories[0])}` : "";
    throw new TextForNumericInput(
      `column "${name}" in ${table.source} holds text${example}, but model input "${inputName}" of ${model.path} takes numbers. ` +
        `Encode the column inside the model (e.g. a OneHotEncoder in the exported pipeline, with a string input for this column) ` +
        `or encode it as numbers in the data.`,
      { file: table.source, column: name },
      name,
      inputName,
      model.path,
    );
  }
  return found;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The bytes of one batch for one input, ready to wrap in an onnxruntime Tensor. */
export interface FeedData {
  element: FeedElement;
  data: Float32Array | Float64Array | BigInt64Array | string[];
  dims: number[];
}

/**
 * Fills one batch of every input from the plan's columns. Numeric buffers are allocated once for
 * the largest batch and reused, so memory stays bounded by batch size, not table size.
 */
export class BatchPacker {
  private readonly buffers = new Map<string, Float32Array | Float64Array | BigInt64Array>();

  constructor(
    private readonly plan: InputPlan,
    private readonly maxBatch: number,
  ) {}

  /**
   * Rows [start, start + count) of the table, padded with zeros (or "") up to `paddedCount` rows
   * for models with a fixed batch size. `rowOf(i)` maps a batch position to a table row, so timing
   * runs can cycle through a small table.
   */
  pack(
    start: number,
    count: number,
    paddedCount = count,
    rowOf: (i: number) => number = (i) => start + i,
  ): Record<string, FeedData> {
    const feeds: Record<string, FeedData> = {};
    for (const spec of this.plan.feeds) {
      const width = spec.columns.length;
      const dims = [paddedCount, ...spec.innerDims];
      if (spec.element === "string") {
        const column = spec.columns[0];
        const strings: string[] = new Array(paddedCount).fill("");
        if (column.kind === "categorical") {
          for (let i = 0; i < count; i++) {
            const code = column.codes[rowOf(i)];
            strings[i] = code < 0 ? "" : column.categories[code];
          }
        } else {
          for (let i = 0; i < count; i++) {
            const value = column.values[rowOf(i)];
            strings[i] = Number.isNaN(value) ? "" : String(value);
          }
        }
        feeds[spec.inputName] = { element: "string", data: strings, dims };
        continue;
      }
      const buffer = this.buffer(spec, width).subarray(0, paddedCount * width);
      buffer.fill(spec.element === "int64" ? (0n as never) : (0 as never));
      spec.columns.forEach((column, f) => {
        const values = (column as Extract<Column, { kind: "numeric" }>).values;
        if (spec.element === "int64") {
          const ints = buffer as BigInt64Array;
          for (let i = 0; i < count; i++) ints[i * width + f] = toInt64(values[rowOf(i)], column.name, rowOf(i));
        } else {
          const floats = buffer as Float32Array | Float64Array;
          for (let i = 0; i < count; i++) floats[i * width + f] = values[rowOf(i)];
        }
      });
      feeds[spec.inputName] = { element: spec.element, data: buffer, dims };
    }
    return feeds;
  }

  private buffer(spec: FeedSpec, width: number): Float32Array | Float64Array | BigInt64Array {
    let buffer = this.buffers.get(spec.inputName);
    if (!buffer) {
      const length = this.maxBatch * width;
      buffer =
        spec.element === "float32"
          ? new Float32Array(length)
          : spec.element === "float64"
            ? new Float64Array(length)
            : new BigInt64Array(length);
      this.buffers.set(spec.inputName, buffer);
    }
    return buffer;
  }
}

function toInt64(value: number, column: string, row: number): bigint {
  if (!Number.isInteger(value)) {
    const what = Number.isNaN(value) ? "a missing value" : `the non-integer ${value}`;
    throw new UserError(
      `column "${column}" has ${what} at data row ${row + 1}, but the model's input "${column}" is int64. ` +
        `Fill or round the column in the data, or re-export the model with a float input for it.`,
      { column },
    );
  }
  return BigInt(value);
}
