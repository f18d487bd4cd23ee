/**
 * Paired bootstrap of the difference delta = challenger - champion on one metric, the core of the
 * evaluate gate (Efron & Tibshirani 1993, ch. 6 and 13-14; "paired" as in Koehn 2004 and
 * scipy.stats.bootstrap(..., paired=True)): every resample draws the SAME rows for both models,
 * so what both models get right or wrong together cancels and the interval reflects only their
 * difference on this held-out set.
 *
 * Resamples: `resamples` (default 2,000) Poisson bootstrap resamples (every row an independent
 * Poisson(1) weight computed from a hash of the row, poisson-weights.ts); resample r depends only
 * on `seed` (recorded in the result) and r, so the interval is reproducible and independent of
 * the number of threads.
 * Interval: BCa by default (second-order accurate, corrects bias and skew, bca-interval.ts),
 * the percentile interval is always reported too and replaces BCa when BCa is undefined.
 * Resamples where the metric is undefined (e.g. a resample with no positive) are left out and
 * counted in `undefinedResamples`.
 * Speed: the metric is prepared once (sorted once); each resample is one sequential O(N) pass per
 * model (the ROC AUC kernel evaluates four resamples per pass); resamples run on the calling
 * thread plus the helper threads it is handed (`threads`, default: every core, when the work is
 * large enough). No thread is started here: the helpers come from threads/bootstrap-threads.ts.
 * Worked example: identical champion and challenger give delta = 0 and the interval [0, 0].
 */
import { UserError } from "../../errors.ts";
import { findMetric } from "../metrics/registry.ts";
import {
  createPreparationCache,
  resolveMetricOptions,
  type Direction,
  type EvaluationData,
  type MetricOptions,
  type PreparationCache,
} from "../metrics/types.ts";
import { bcaInterval } from "./bca-interval.ts";
import {
  chunkCount,
  createScratch,
  runChunk,
  runClaimedChunks,
  type ResampleHelpers,
  type ResampleJob,
} from "./bootstrap-runner.ts";
import { pairedJackknife } from "./jackknife.ts";
import { kernelFor, rowCount, type KernelId, type PairedKernel, type PreparedPair } from "./paired-kernel.ts";
import { percentileInterval } from "./percentile-interval.ts";
import { GROUP_LANES } from "./poisson-weights.ts";

const DEFAULT_RESAMPLES = 2000;
const DEFAULT_SEED = 20240229;
const DEFAULT_CONFIDENCE = 0.95;
/** Below this many row-resamples (N x B), starting a worker costs more than it saves. */
const WORKER_THRESHOLD = 20_000_000;

type IntervalMethod = "bca" | "percentile";

export interface PairedBootstrapOptions {
  /** Registered metric name, e.g. "roc_auc". */
  readonly metric: string;
  readonly metricOptions?: MetricOptions;
  readonly resamples?: number;
  /** Integer in [0, 2^32). */
  readonly seed?: number;
  /** Two-sided confidence level of the interval, e.g. 0.95. */
  readonly confidence?: number;
  /** Interval reported as ciLow/ciHigh; default "bca". */
  readonly method?: IntervalMethod;
  /** Threads to use, the calling one included when callerRuns; default: the helpers' `available`. */
  readonly threads?: number;
  /**
   * Whether the calling thread also runs resamples (default true). false keeps its event loop
   * free while workers compute, e.g. inside the bot; then `threads` workers are started.
   */
  readonly callerRuns?: boolean;
  /** Shares the sort by score with other metrics/tests of the same predictions. */
  readonly cache?: PreparationCache;
}

export interface PairedBootstrapResult {
  readonly metric: string;
  readonly direction: Direction;
  /** The metric on all rows. */
  readonly champion: number;
  readonly challenger: number;
  /** challenger - champion on all rows. */
  readonly delta: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** The method that produced ciLow/ciHigh (percentile when BCa was requested but undefined). */
  readonly method: IntervalMethod;
  readonly confidence: number;
  readonly resamples: number;
  /** Resamples where the metric was undefined for either model (left out of the interval). */
  readonly undefinedResamples: number;
  readonly seed: number;
  /** Standard deviation of the bootstrap differences. */
  readonly standardError: number;
  readonly percentile: { readonly low: number; readonly high: number };
  readonly bca?: {
    readonly low: number;
    readonly high: number;
    readonly biasCorrection: number;
    readonly acceleration: number;
  };
  /** How the BCa acceleration was estimated (see jackknife.ts). */
  readonly jackknife: "exact" | "grouped";
  /** Threads that ran resamples (1 = only the calling thread). */
  readonly threadsUsed: number;
  /** Why a worker thread failed, if one did (the calling thread then ran its resamples). */
  readonly workerError?: string;
  /** Why the requested method was not used, or why the result is undefined. */
  readonly note?: string;
}

/**
 * The paired bootstrap, with `helpers` running resamples beside this thread when `threads` asks
 * for them or, by default, when the input is large enough (N x resamples >= WORKER_THRESHOLD) for
 * them to pay off. Without helpers, everything runs here.
 */
export async function pairedBootstrap(
  champion: EvaluationData,
  challenger: EvaluationData,
  options: PairedBootstrapOptions,
  helpers?: ResampleHelpers,
): Promise<PairedBootstrapResult> {
  const setup = prepare(champion, challenger, options);
  const callerRuns = options.callerRuns ?? true;
  const threads = helpers ? Math.max(1, Math.floor(options.threads ?? helpers.available)) : 1;
  const workerCount = callerRuns ? threads - 1 : threads;
  const worthIt = options.threads !== undefined || setup.prepared.rowCount * setup.resamples >= WORKER_THRESHOLD;
  const useWorkers = workerCount > 0 && worthIt;
  const job = createJob(setup, useWorkers);
  const workers = useWorkers ? helpers!.start(job, workerCount) : [];
  const jackknife = pairedJackknife(setup.kernel, setup.prepared, setup.seed);
  const ranHere = callerRuns || !useWorkers ? runClaimedChunks(job, setup.kernel) : 0;
  const outcomes = await Promise.all(workers);
  const finishedHere = finishMissingChunks(job, setup.kernel);
  const threadsUsed = (ranHere + finishedHere > 0 ? 1 : 0) + outcomes.filter((outcome) => outcome.chunks > 0).length;
  const workerError = outcomes.find((outcome) => outcome.error)?.error;
  return summarize(setup, job.values, jackknife, threadsUsed, workerError);
}

/** The same computation on the calling thread only (identical result for the same seed). */
export function pairedBootstrapSync(
  champion: EvaluationData,
  challenger: EvaluationData,
  options: PairedBootstrapOptions,
): PairedBootstrapResult {
  const setup = prepare(champion, challenger, options);
  const job = createJob(setup, false);
  const jackknife = pairedJackknife(setup.kernel, setup.prepared, setup.seed);
  runClaimedChunks(job, setup.kernel);
  return summarize(setup, job.values, jackknife, 1, undefined);
}

interface Setup {
  readonly metric: string;
  readonly direction: Direction;
  readonly kernelId: KernelId;
  readonly kernel: PairedKernel<unknown>;
  readonly prepared: PreparedPair<unknown>;
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
  readonly method: IntervalMethod;
}

function prepare(champion: EvaluationData, challenger: EvaluationData, options: PairedBootstrapOptions): Setup {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const method = options.method ?? "bca";
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  requireSameRows(champion, challenger);
  const { definition } = findMetric(options.metric, champion.task);
  const kernelId: KernelId = { metric: options.metric, task: champion.task };
  const kernel = kernelFor(kernelId);
  const prepared = kernel.prepare(
    champion,
    challenger,
    resolveMetricOptions(options.metricOptions),
    options.cache ?? createPreparationCache(),
  );
  return {
    metric: options.metric,
    direction: definition.direction,
    kernelId,
    kernel,
    prepared,
    resamples,
    seed,
    confidence,
    method,
  };
}

/** Both models must have been scored on the same held-out rows, in the same order. */
function requireSameRows(champion: EvaluationData, challenger: EvaluationData): void {
  if (champion.task !== challenger.task) {
    throw new UserError(
      `the champion is a ${champion.task} model but the challenger is ${challenger.task}; both must solve the same task.`,
    );
  }
  const a = champion.task === "regression" ? champion.targets : champion.labels;
  const b =
    challenger.task === "regression"
      ? challenger.targets
      : (challenger as Exclude<EvaluationData, { task: "regression" }>).labels;
  if (rowCount(champion) !== rowCount(challenger)) {
    throw new UserError(
      `the champion has ${rowCount(champion)} held-out rows but the challenger ${rowCount(challenger)}; evaluate both on the same held-out file.`,
    );
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) {
      throw new UserError(
        `the champion's and the challenger's labels differ at row ${i} (0-based); a paired comparison needs both models scored on the same rows in the same order.`,
      );
    }
  }
}

function createJob(setup: Setup, shared: boolean): ResampleJob {
  // whole groups (poisson-weights.ts), so a group is never split across chunks
  const chunkSize = GROUP_LANES * Math.max(1, Math.min(4, Math.ceil(setup.resamples / 64 / GROUP_LANES)));
  const chunks = Math.ceil(setup.resamples / chunkSize);
  const int32 = (length: number) =>
    shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length);
  return {
    kernel: setup.kernelId,
    // The state is copied into each worker (structured clone, ~15 MB for a million rows): V8
    // compiled the passes about 2x slower over SharedArrayBuffer-backed arrays in a worker.
    state: setup.prepared.state,
    rowCount: setup.prepared.rowCount,
    seed: setup.seed,
    resamples: setup.resamples,
    chunkSize,
    nextChunk: int32(1),
    chunkDone: int32(chunks),
    values: shared
      ? new Float64Array(new SharedArrayBuffer(16 * setup.resamples))
      : new Float64Array(2 * setup.resamples),
  };
}

/** Runs any chunk a failed worker claimed but did not finish; returns how many. */
function finishMissingChunks(job: ResampleJob, kernel: PairedKernel<unknown>): number {
  let scratch: ReturnType<typeof createScratch> | undefined;
  let ran = 0;
  for (let chunk = 0; chunk < chunkCount(job); chunk++) {
    if (Atomics.load(job.chunkDone, chunk) === 1) continue;
    scratch ??= createScratch(job, kernel);
    runChunk(job, kernel, chunk, scratch);
    ran++;
  }
  return ran;
}

function summarize(
  setup: Setup,
  values: Float64Array,
  jackknife: { values: Float64Array; kind: "exact" | "grouped" },
  threadsUsed: number,
  workerError: string | undefined,
): PairedBootstrapResult {
  const [champion, challenger] = setup.prepared.full;
  const delta = challenger - champion;
  const deltas: number[] = [];
  for (let r = 0; r < setup.resamples; r++) {
    const difference = values[2 * r + 1] - values[2 * r];
    if (Number.isFinite(difference)) deltas.push(difference);
  }
  const sorted = Float64Array.from(deltas).sort();
  const base = {
    metric: setup.metric,
    direction: setup.direction,
    champion,
    challenger,
    delta,
    confidence: setup.confidence,
    resamples: setup.resamples,
    undefinedResamples: setup.resamples - sorted.length,
    seed: setup.seed,
    jackknife: jackknife.kind,
    threadsUsed,
    ...(workerError ? { workerError } : {}),
  };
  if (!Number.isFinite(delta) || sorted.length < 2) {
    return {
      ...base,
      ciLow: NaN,
      ciHigh: NaN,
      method: setup.method,
      standardError: NaN,
      percentile: { low: NaN, high: NaN },
      note: !Number.isFinite(delta)
        ? `${setup.metric} is undefined on the held-out rows for ${Number.isFinite(champion) ? "the challenger" : "the champion"}`
        : `${setup.metric} was undefined in all but ${sorted.length} of ${setup.resamples} resamples`,
    };
  }
  const percentile = percentileInterval(sorted, setup.confidence);
  const bca = bcaInterval(sorted, delta, jackknife.values, setup.confidence);
  const standardError = standardDeviation(sorted);
  const useBca = setup.method === "bca" && bca !== undefined;
  return {
    ...base,
    ciLow: useBca ? bca.low : percentile.low,
    ciHigh: useBca ? bca.high : percentile.high,
    method: useBca ? "bca" : "percentile",
    standardError,
    percentile,
    ...(bca
      ? { bca: { low: bca.low, high: bca.high, biasCorrection: bca.biasCorrection, acceleration: bca.acceleration } }
      : {}),
    ...(setup.method === "bca" && !bca
      ? {
          note: "BCa is undefined here (every resampled difference lies on one side of the observed one); the percentile interval is reported",
        }
      : {}),
  };
}

function standardDeviation(values: Float64Array): number {
  let mean = 0;
  for (const value of values) mean += value;
  mean /= values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  return Math.sqrt(squares / (values.length - 1));
}
