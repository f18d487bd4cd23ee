/**
 * Recognises the model outputs that carry predictions, in the layouts DESIGN.md promises:
 * probabilities [N, C] (binary: column 1 is P(class 1)), a single score [N] or [N, 1], or a label
 * plus probabilities (the zipmap-free export of skl2onnx and onnxmltools, where the float tensor is
 * picked). Sequence-of-map outputs (skl2onnx's default ZipMap) are refused with the export option
 * that avoids them.
 */
import { UserError } from "../errors.ts";
import type { ModelContext } from "./input-plan.ts";
import { describeValue, type ModelSignature, type Task, type ValueSignature } from "./signature.ts";

export interface OutputPlan {
  task: Task;
  /** The float output holding probabilities, the score or the regression prediction. */
  value: ValueSignature;
  /** The model's own integer label output, when it has one. */
  label?: ValueSignature;
}

const FLOAT_TYPES = new Set(["float32", "float64"]);
const LABEL_TYPES = new Set(["int64", "int32"]);

const ZIPMAP_ADVICE =
  "Re-export the classifier without ZipMap so probabilities come out as a float tensor [N, C]: with skl2onnx, " +
  "to_onnx(model, X, options={'zipmap': False}) or convert_sklearn(..., options={id(model): {'zipmap': False}}); " +
  "with onnxmltools, remove the ZipMap node.";

export function planOutputs(signature: ModelSignature, task: Task, model: ModelContext): OutputPlan {
  const floats = signature.outputs.filter((output) => output.kind === "tensor" && FLOAT_TYPES.has(output.type));
  const nonTensors = signature.outputs.filter((output) => output.kind !== "tensor");
  if (floats.length === 0) {
    if (nonTensors.length > 0) {
      throw new UserError(
        `${model.path}: output ${describeValue(nonTensors[0])} is a ${nonTensors[0].kind === "sequence" ? "sequence of maps (a ZipMap)" : nonTensors[0].kind}, ` +
          `not a tensor, and modelkeeper cannot read predictions from it. ${ZIPMAP_ADVICE}`,
        { file: model.path },
      );
    }
    const described = signature.outputs.map(describeValue).join(", ") || "none";
    throw new UserError(
      `${model.path} has no float output to read ${task === "regression" ? "predictions" : "probabilities or scores"} from (outputs: ${described}). ` +
        `Export the model so it outputs ${task === "regression" ? "a float prediction [N] or [N, 1]" : "float probabilities [N, C] or a score [N, 1]"}.`,
      { file: model.path },
    );
  }
  const value = pick(floats, task === "regression" ? /variable|predict|output/i : /prob/i);
  checkStaticShape(value, task, model);
  if (task === "regression") return { task, value };
  const labels = signature.outputs.filter((output) => output.kind === "tensor" && LABEL_TYPES.has(output.type));
  const label = labels.length > 0 ? pick(labels, /label/i) : undefined;
  return label ? { task, value, label } : { task, value };
}

function pick(candidates: ValueSignature[], preferred: RegExp): ValueSignature {
  return candidates.find((output) => preferred.test(output.name)) ?? candidates[0];
}

function checkStaticShape(value: ValueSignature, task: Task, model: ModelContext): void {
  const dims = value.dims;
  if (dims.length === 0) return; // unknown shape: checked on the first batch instead
  const columns = dims.length === 1 ? 1 : dims[1];
  if (dims.length > 2) throw shapeError(value, task, model, `has rank ${dims.length}`);
  if (typeof columns !== "number") return;
  if (task === "binary" && columns > 2) throw shapeError(value, task, model, `has ${columns} columns`);
  if (task === "multiclass" && columns < 2) throw shapeError(value, task, model, `has ${columns} column`);
  if (task === "regression" && columns !== 1) throw shapeError(value, task, model, `has ${columns} columns`);
}

function shapeError(value: ValueSignature | string, task: Task, model: ModelContext, problem: string): UserError {
  const name = typeof value === "string" ? `"${value}"` : describeValue(value);
  const expected = {
    binary:
      "probabilities [N, 2] (P(0), P(1)), or a single score [N] / [N, 1]; if the model has more classes, set task: multiclass",
    multiclass: "probabilities [N, C] with C >= 2 classes; if the model scores one class, set task: binary",
    regression: "one prediction per row, [N] or [N, 1]",
  }[task];
  return new UserError(`${model.path}: output ${name} ${problem}; a ${task} model must output ${expected}.`, {
    file: model.path,
    key: "task",
  });
}

/** A fetched output: dims and the flat row-major data onnxruntime returned. */
export interface OutputData {
  dims: readonly number[];
  data: ArrayLike<number | bigint>;
}

export interface Prediction {
  rowCount: number;
  /**
   * One number per row. binary: P(class 1), or the model's single score as is (a probability or a
   * logit, whichever the model outputs); regression: the prediction; multiclass: the probability
   * of the most probable class.
   */
  scores: Float64Array;
  /** multiclass only: row-major N × classCount probabilities. */
  probabilities?: Float64Array;
  classCount?: number;
  /** The model's own label output (class values as the model encodes them), when it has one. */
  predictedLabel?: Int32Array;
  /** Which outputs were read, for reports. */
  outputs: { value: string; label?: string };
}

/** Copies each batch's outputs into preallocated result arrays, checking shapes as it goes. */
export class PredictionCollector {
  private readonly scores: Float64Array;
  private probabilities?: Float64Array;
  private classCount?: number;
  private readonly labels?: Int32Array;

  constructor(
    private readonly plan: OutputPlan,
    private readonly rowCount: number,
    private readonly model: ModelContext,
  ) {
    this.scores = new Float64Array(rowCount);
    if (plan.label) this.labels = new Int32Array(rowCount);
  }

  add(start: number, count: number, outputs: Record<string, OutputData>): void {
    const value = outputs[this.plan.value.name];
    const columns = this.columnsOf(value, count);
    const data = value.data;
    if (this.plan.task === "multiclass") {
      if (columns < 2)
        throw shapeError(this.plan.value.name, "multiclass", this.model, `has shape [${value.dims.join(", ")}]`);
      if (this.classCount === undefined) {
        this.classCount = columns;
        this.probabilities = new Float64Array(this.rowCount * columns);
      } else if (this.classCount !== columns) {
        throw shapeError(
          this.plan.value.name,
          "multiclass",
          this.model,
          `changed from ${this.classCount} to ${columns} columns between batches`,
        );
      }
      const probabilities = this.probabilities!;
      for (let i = 0; i < count; i++) {
        let best = -Infinity;
        for (let k = 0; k < columns; k++) {
          const p = Number(data[i * columns + k]);
          probabilities[(start + i) * columns + k] = p;
          if (p > best) best = p;
        }
        this.scores[start + i] = best;
      }
    } else {
      if (columns > (this.plan.task === "binary" ? 2 : 1)) {
        throw shapeError(this.plan.value.name, this.plan.task, this.model, `has shape [${value.dims.join(", ")}]`);
      }
      const column = columns === 2 ? 1 : 0;
      for (let i = 0; i < count; i++) this.scores[start + i] = Number(data[i * columns + column]);
    }
    if (this.plan.label && this.labels) {
      const label = outputs[this.plan.label.name];
      const labelColumns = this.columnsOf(label, count);
      if (labelColumns !== 1) {
        throw new UserError(
          `${this.model.path}: label output "${this.plan.label.name}" has shape [${label.dims.join(", ")}]; a label must be [N] or [N, 1]. Re-export the model with a per-row label or without a label output.`,
          { file: this.model.path },
        );
      }
      for (let i = 0; i < count; i++) this.labels[start + i] = Number(label.data[i]);
    }
  }

  /** Columns per row of an output with at least `count` rows; [N] counts as one column. */
  private columnsOf(output: OutputData, count: number): number {
    const rows = output.dims[0] ?? 0;
    if (output.dims.length === 0 || rows < count) {
      throw new UserError(
        `${this.model.path}: an output has shape [${output.dims.join(", ")}] for a batch of ${count} rows; outputs must have one row per input row.`,
        { file: this.model.path },
      );
    }
    return output.dims.slice(1).reduce((product, dim) => product * dim, 1);
  }

  finish(): Prediction {
    const prediction: Prediction = {
      rowCount: this.rowCount,
      scores: this.scores,
      outputs: this.plan.label
        ? { value: this.plan.value.name, label: this.plan.label.name }
        : { value: this.plan.value.name },
    };
    if (this.plan.task === "multiclass") {
      prediction.probabilities = this.probabilities ?? new Float64Array(0);
      prediction.classCount =
        this.classCount ?? (typeof this.plan.value.dims[1] === "number" ? this.plan.value.dims[1] : 0);
    }
    if (this.labels) prediction.predictedLabel = this.labels;
    return prediction;
  }
}
