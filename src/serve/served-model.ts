/**
 * One loaded, warmed model as the server uses it: what it takes (the model's own inputs and the
 * feature columns they are filled from) and one `score` call per request, built from the same
 * onnxruntime runner, input plan and output recognition as evaluate (src/model/*). Knows nothing
 * of HTTP.
 */
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { Tensor } from "onnxruntime-node";
import { loadModel, closeModel, type ModelHandle } from "../model/runner.ts";
import { loadOrt } from "../model/ort.ts";
import { BatchPacker, planInputs, type FeedElement, type InputPlan } from "../model/input-plan.ts";
import {
  planOutputs,
  PredictionCollector,
  type OutputData,
  type OutputPlan,
  type Prediction,
} from "../model/output-plan.ts";
import type { Column, Table } from "../data/table.ts";
import type { Task } from "../model/signature.ts";
import { UserError } from "../errors.ts";
import type { ChampionArtifact } from "./champion-source.ts";

/** How one feature column is filled from a request. */
export type FeatureKind = "float" | "int64" | "string";

export interface ServedModel {
  readonly name: string;
  readonly version: string;
  readonly sha256: string;
  /** Where it came from, for people ("tag modelkeeper/fraud/v3"). */
  readonly source: string;
  readonly task: Task;
  /** Feature columns in training order. */
  readonly features: readonly string[];
  readonly featureKinds: ReadonlyMap<string, FeatureKind>;
  /** The model's single [N, F] input, when it takes a matrix rather than one input per feature. */
  readonly matrixInput?: { name: string; element: FeedElement };
  readonly handle: ModelHandle;
  readonly outputPlan: OutputPlan;
  readonly loadedAt: Date;
}

export interface Scored {
  prediction: Prediction;
  /** The model's outputs as onnxruntime returned them, trimmed to the request's rows. */
  outputs: Array<{ name: string; element: string; dims: number[]; data: ArrayLike<number | bigint> }>;
}

/** Loads the artifact, checks it fits the features, and runs one row through it (readiness = warmed). */
export async function loadServedModel(
  name: string,
  artifact: ChampionArtifact,
  task: Task,
  configured: readonly string[] | undefined,
): Promise<ServedModel> {
  const handle = await loadModel(artifact.path);
  try {
    const features =
      configured ??
      handle.recordedFeatures ??
      (handle.signature.inputs.length > 1 ? handle.signature.inputs.map((input) => input.name) : undefined);
    if (!features) {
      throw new UserError(
        `${artifact.label}: the model takes one matrix input and neither modelkeeper.yml nor the model names its features; list them under models.${name}.features.`,
        { key: "features" },
      );
    }
    const template = warmUpTable(handle, features);
    const plan = planInputs(handle.signature, features, template, {
      path: artifact.label,
      recordedFeatures: handle.recordedFeatures,
    });
    const outputPlan = planOutputs(handle.signature, task, { path: artifact.label });
    const featureKinds = new Map<string, FeatureKind>();
    for (const feed of plan.feeds) {
      for (const column of feed.columns)
        featureKinds.set(
          column.name,
          feed.element === "string" ? "string" : feed.element === "int64" ? "int64" : "float",
        );
    }
    const model: ServedModel = {
      name,
      version: artifact.version,
      sha256: artifact.sha256,
      source: artifact.label,
      task,
      features,
      featureKinds,
      ...(plan.layout === "matrix"
        ? { matrixInput: { name: plan.feeds[0].inputName, element: plan.feeds[0].element } }
        : {}),
      handle,
      outputPlan,
      loadedAt: new Date(),
    };
    await scoreTable(model, template); // warm-up: the first run allocates onnxruntime's buffers
    return model;
  } catch (error) {
    await closeModel(handle).catch(() => {});
    throw error;
  } finally {
    // onnxruntime has read the file; a copy taken from git is not needed any more.
    if (artifact.commit) await rm(dirname(artifact.path), { recursive: true, force: true }).catch(() => {});
  }
}

export async function releaseServedModel(model: ServedModel): Promise<void> {
  await closeModel(model.handle);
}

/** Scores a table whose columns are the model's features (already checked against featureKinds). */
export async function scoreTable(model: ServedModel, table: Table): Promise<Scored> {
  const context = { path: model.source, recordedFeatures: model.handle.recordedFeatures };
  const plan: InputPlan = planInputs(model.handle.signature, model.features, table, context);
  const rows = table.rowCount;
  const batch = plan.fixedBatch ?? rows;
  const packer = new BatchPacker(plan, batch);
  const collector = new PredictionCollector(model.outputPlan, rows, context);
  const ort = await loadOrt();
  const fetches = model.outputPlan.label
    ? [model.outputPlan.value.name, model.outputPlan.label.name]
    : [model.outputPlan.value.name];
  const raw = new Map<string, { element: string; inner: number[]; parts: Array<ArrayLike<number | bigint>> }>();
  for (let start = 0; start < rows; start += batch) {
    const count = Math.min(batch, rows - start);
    const feeds = packer.pack(start, count, plan.fixedBatch ?? count);
    const tensors: Record<string, Tensor> = {};
    for (const [inputName, feed] of Object.entries(feeds))
      tensors[inputName] = new ort.Tensor(feed.element, feed.data, feed.dims);
    const results = await model.handle.session.run(tensors, fetches);
    const outputs: Record<string, OutputData> = {};
    for (const fetch of fetches) {
      const tensor = results[fetch];
      outputs[fetch] = { dims: tensor.dims, data: tensor.data as OutputData["data"] };
      const inner = tensor.dims.slice(1) as number[];
      const width = inner.reduce((a, b) => a * b, 1);
      const entry = raw.get(fetch) ?? { element: tensor.type, inner, parts: [] };
      entry.parts.push(
        (tensor.data as unknown as { subarray(a: number, b: number): ArrayLike<number | bigint> }).subarray(
          0,
          count * width,
        ),
      );
      raw.set(fetch, entry);
    }
    collector.add(start, count, outputs);
  }
  const outputs = [...raw].map(([outputName, entry]) => ({
    name: outputName,
    element: entry.element,
    dims: [rows, ...entry.inner],
    data: entry.parts.length === 1 ? entry.parts[0] : concat(entry.parts),
  }));
  return { prediction: collector.finish(), outputs };
}

function concat(parts: Array<ArrayLike<number | bigint>>): Array<number | bigint> {
  const out: Array<number | bigint> = [];
  for (const part of parts) for (let i = 0; i < part.length; i++) out.push(part[i]);
  return out;
}

/** One row of neutral values (0, "") in the model's input types, to plan and warm the model. */
function warmUpTable(handle: ModelHandle, features: readonly string[]): Table {
  const stringInputs = new Set(
    handle.signature.inputs.filter((input) => input.type === "string").map((input) => input.name),
  );
  const columns: Column[] = features.map((feature) =>
    stringInputs.has(feature)
      ? { kind: "categorical", name: feature, codes: Int32Array.of(0), categories: [""] }
      : { kind: "numeric", name: feature, values: Float64Array.of(0) },
  );
  return { source: "warm-up row", rowCount: 1, columns };
}
