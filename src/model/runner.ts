/**
 * Runs ONNX models on tables with onnxruntime (./ort.ts picks the WebAssembly or native build): load (with checks that turn a wrong file into a
 * message saying what to do), predict in bounded-memory batches, and time a fixed-size batch for
 * latency guardrails. The only module that touches onnxruntime, through ./ort.ts so telemetry is
 * off before the runtime starts.
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { UserError } from "../errors.ts";
import type { Table } from "../data/table.ts";
import { loadOrt } from "./ort.ts";
import {
  readModelSummary,
  recordedClassLabels,
  recordedFeatureNames,
  ProtoDecodeError,
  type ModelSummary,
} from "./onnx-summary.ts";
import type { ValueType } from "./onnx-proto.ts";
import { BatchPacker, planInputs, type FeedData, type InputPlan } from "./input-plan.ts";
import { planOutputs, PredictionCollector, type OutputData, type OutputPlan, type Prediction } from "./output-plan.ts";
import type { ModelSignature, Task, ValueSignature } from "./signature.ts";

export type { Prediction, Task };

export interface ModelHandle {
  readonly path: string;
  readonly signature: ModelSignature;
  /** metadata_props of the file, e.g. "modelkeeper.features" (a JSON array) for models exported here. */
  readonly metadata: ReadonlyMap<string, string>;
  /** Feature names the exporter recorded, if it did; checked against the configured features. */
  readonly recordedFeatures?: readonly string[];
  /**
   * The classes of the probability columns, in column order, when the model says: a classifier
   * operator's classlabels_* attribute, or metadata "modelkeeper.classes" of models exported here.
   */
  readonly classLabels?: readonly string[];
  readonly producerName: string;
  /** @internal the onnxruntime session; use predict / timeInference / closeModel. */
  readonly session: InferenceSession;
}

export interface LoadOptions {
  /**
   * Threads for one operator. Default 1: evaluation runs beside other jobs on small CI runners,
   * and single-threaded timings are steadier for the latency guardrail.
   */
  threads?: number;
}

const LFS_POINTER_PREFIX = "version https://git-lfs.github.com/spec/";

export async function loadModel(path: string, options: LoadOptions = {}): Promise<ModelHandle> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UserError(
        `model file ${path} does not exist. Run the model's train command to create it, or fix artifact in modelkeeper.yml.`,
        { file: path, key: "artifact" },
      );
    }
    throw new UserError(`cannot read model file ${path}: ${(error as Error).message}`, { file: path });
  }
  const summary = summarize(path, bytes);
  const ort = await loadOrt();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      logSeverityLevel: 3,
    });
  } catch (error) {
    throw new UserError(
      `onnxruntime cannot load ${path}: ${firstLine(error)}. Re-export it with standard ONNX operators and an opset this onnxruntime (${ort.env.versions.common ?? "1.30"}) supports, and check the file is complete.`,
      { file: path },
    );
  }
  const recordedFeatures = recordedFeatureNames(summary);
  const classLabels = recordedClassLabels(summary);
  return {
    path,
    signature: {
      inputs: session.inputMetadata.map((m) => toSignature(m, summary.inputs)),
      outputs: session.outputMetadata.map((m) => toSignature(m, summary.outputs)),
    },
    metadata: new Map(summary.metadata),
    ...(recordedFeatures ? { recordedFeatures } : {}),
    ...(classLabels ? { classLabels } : {}),
    producerName: summary.producerName,
    session,
  };
}

function summarize(path: string, bytes: Uint8Array): ModelSummary {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (head.startsWith(LFS_POINTER_PREFIX)) {
    throw new UserError(
      `${path} is a Git LFS pointer, not the model itself. Run \`git lfs pull\` (or check out with lfs: true) before evaluating.`,
      { file: path },
    );
  }
  try {
    return readModelSummary(bytes);
  } catch (error) {
    if (!(error instanceof ProtoDecodeError)) throw error;
    throw new UserError(
      `${path} is not an ONNX model (${error.message}). Point artifact in modelkeeper.yml at the .onnx file your train command writes ` +
        `(e.g. exported with skl2onnx, torch.onnx.export or tf2onnx), and check it is not truncated.`,
      { file: path, key: "artifact" },
    );
  }
}

function toSignature(
  meta: InferenceSession.ValueMetadata,
  declared: ReadonlyArray<{ name: string; type: ValueType }>,
): ValueSignature {
  if (meta.isTensor) return { name: meta.name, kind: "tensor", type: meta.type, dims: [...meta.shape] };
  const kind = declared.find((value) => value.name === meta.name)?.type.kind;
  return { name: meta.name, kind: kind === "sequence" || kind === "map" ? kind : "other", type: "", dims: [] };
}

export async function closeModel(handle: ModelHandle): Promise<void> {
  await handle.session.release();
}

export interface PredictOptions {
  /** Rows per onnxruntime call; memory use is bounded by this, not by the table size. */
  batchRows?: number;
}

/** Upper bound on float elements per input batch (64 MB of float32), whatever batchRows says. */
const MAX_BATCH_ELEMENTS = 1 << 24;

/**
 * Scores every row of `table` with the model. `features` are the configured feature columns (in
 * training order for a matrix input). NaN in a numeric feature is passed to the model unchanged.
 */
export async function predict(
  handle: ModelHandle,
  table: Table,
  features: readonly string[],
  task: Task,
  options: PredictOptions = {},
): Promise<Prediction> {
  const context = { path: handle.path, recordedFeatures: handle.recordedFeatures };
  const inputs = planInputs(handle.signature, features, table, context);
  const outputs = planOutputs(handle.signature, task, context);
  const batchRows = batchSize(inputs, options.batchRows ?? 65_536);
  const packer = new BatchPacker(inputs, batchRows);
  const collector = new PredictionCollector(outputs, table.rowCount, context);
  const ort = await loadOrt();
  for (let start = 0; start < table.rowCount; start += batchRows) {
    const count = Math.min(batchRows, table.rowCount - start);
    const feeds = packer.pack(start, count, inputs.fixedBatch ?? count);
    collector.add(start, count, await run(handle, ort, feeds, outputs));
  }
  return collector.finish();
}

function batchSize(plan: InputPlan, requested: number): number {
  if (plan.fixedBatch !== undefined) return plan.fixedBatch;
  const width = plan.feeds.reduce((sum, feed) => sum + feed.columns.length, 0);
  return Math.max(1, Math.min(Math.floor(requested), Math.floor(MAX_BATCH_ELEMENTS / width)));
}

type Ort = Awaited<ReturnType<typeof loadOrt>>;

async function run(
  handle: ModelHandle,
  ort: Ort,
  feeds: Record<string, FeedData>,
  plan: OutputPlan,
): Promise<Record<string, OutputData>> {
  const tensors: Record<string, Tensor> = {};
  for (const [name, feed] of Object.entries(feeds)) tensors[name] = new ort.Tensor(feed.element, feed.data, feed.dims);
  // Fetch only the outputs we read: onnxruntime-node cannot return sequence/map outputs at all.
  const fetches = plan.label ? [plan.value.name, plan.label.name] : [plan.value.name];
  let results: InferenceSession.ReturnType;
  try {
    results = await handle.session.run(tensors, fetches);
  } catch (error) {
    throw new UserError(
      `onnxruntime failed running ${handle.path}: ${firstLine(error)}. Check the model's input types and shapes against the data.`,
      { file: handle.path },
    );
  }
  const outputs: Record<string, OutputData> = {};
  for (const name of fetches)
    outputs[name] = { dims: results[name].dims, data: results[name].data as OutputData["data"] };
  return outputs;
}

export interface InferenceTiming {
  /** Rows in each timed batch. */
  rows: number;
  /** Wall-clock milliseconds of each timed run, in run order (warm-up runs excluded). */
  millis: number[];
}

/**
 * Times `repeats` runs of one batch of `rows` rows (the table's rows, cycled if it has fewer),
 * after `warmup` untimed runs, for latency guardrails. Only tensor outputs are fetched.
 */
export async function timeInference(
  handle: ModelHandle,
  table: Table,
  features: readonly string[],
  rows: number,
  options: { repeats?: number; warmup?: number } = {},
): Promise<InferenceTiming> {
  if (table.rowCount === 0)
    throw new UserError(`${table.source} has no rows to time the model on`, { file: table.source });
  const context = { path: handle.path, recordedFeatures: handle.recordedFeatures };
  const inputs = planInputs(handle.signature, features, table, context);
  const batch = inputs.fixedBatch ?? Math.max(1, Math.floor(rows));
  const feeds = new BatchPacker(inputs, batch).pack(0, batch, batch, (i) => i % table.rowCount);
  const fetches = handle.signature.outputs.filter((output) => output.kind === "tensor").map((output) => output.name);
  if (fetches.length === 0) throw new UserError(`${handle.path} has no tensor outputs to time`, { file: handle.path });
  const ort = await loadOrt();
  const tensors: Record<string, Tensor> = {};
  for (const [name, feed] of Object.entries(feeds)) tensors[name] = new ort.Tensor(feed.element, feed.data, feed.dims);
  const millis: number[] = [];
  const warmup = options.warmup ?? 1;
  const repeats = options.repeats ?? 5;
  for (let i = 0; i < warmup + repeats; i++) {
    const started = performance.now();
    await handle.session.run(tensors, fetches);
    if (i >= warmup) millis.push(performance.now() - started);
  }
  return { rows: batch, millis };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
