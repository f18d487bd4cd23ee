/**
 * The resample loop shared by the calling thread and its helpers. Resamples are handed out
 * in chunks through an atomic counter in shared memory, so a fast thread takes more chunks and a
 * worker that starts late (or never) costs nothing; resample r is always lane r mod 4 of group
 * floor(r / 4), whose keys come from random stream floor(r / 4) of the seed (poisson-weights.ts),
 * so the values do not depend on which thread ran it.
 */
import { warmUpKernel } from "./kernel-warm-up.ts";
import type { KernelId, PairedKernel } from "./paired-kernel.ts";
import { fillPoissonWeights, groupKeys, GROUP_LANES } from "./poisson-weights.ts";

/** Jobs at least this large (rows x resamples) warm the kernel up first (kernel-warm-up.ts). */
const WARM_UP_THRESHOLD = 10_000_000;

/**
 * Everything a thread needs. With workers, nextChunk, chunkDone and values live in
 * SharedArrayBuffers (every thread writes its resamples' values in place); the kernel state is
 * copied into each worker.
 */
export interface ResampleJob {
  readonly kernel: KernelId;
  readonly state: unknown;
  readonly rowCount: number;
  readonly seed: number;
  readonly resamples: number;
  /** Resamples per chunk, a multiple of GROUP_LANES. */
  readonly chunkSize: number;
  /** [0]: the next chunk to claim. */
  readonly nextChunk: Int32Array;
  /** Per chunk: 1 once its values are written. */
  readonly chunkDone: Int32Array;
  /** Resample r's champion value at [2r], challenger value at [2r + 1]. */
  readonly values: Float64Array;
}

/** How one helper thread ended: the chunks it ran, or why it stopped. */
export interface HelperOutcome {
  readonly chunks: number;
  readonly error?: string;
}

/**
 * Threads that run a job's chunks beside the caller (threads/bootstrap-threads.ts). Handed in,
 * so the statistics never start a thread themselves.
 */
export interface ResampleHelpers {
  /** Threads the machine has: the default number to use, the caller's included. */
  readonly available: number;
  /** Starts `count` helpers on the job (its arrays in SharedArrayBuffers). */
  start(job: ResampleJob, count: number): Promise<HelperOutcome>[];
}

export function chunkCount(job: Pick<ResampleJob, "resamples" | "chunkSize">): number {
  return Math.ceil(job.resamples / job.chunkSize);
}

/** Scratch space of one thread: one resample's weights (generic kernels) and a group's values. */
export interface ResampleScratch {
  readonly weights: Uint8Array;
  readonly out: Float64Array;
}

export function createScratch(job: ResampleJob, kernel: PairedKernel<unknown>): ResampleScratch {
  return { weights: new Uint8Array(kernel.resampleGroup ? 0 : job.rowCount), out: new Float64Array(2 * GROUP_LANES) };
}

/** Runs one chunk of resamples, a group of GROUP_LANES at a time. */
export function runChunk(
  job: ResampleJob,
  kernel: PairedKernel<unknown>,
  chunk: number,
  scratch: ResampleScratch,
): void {
  const { weights, out } = scratch;
  const first = chunk * job.chunkSize;
  const last = Math.min(job.resamples, first + job.chunkSize);
  for (let r = first; r < last; r += GROUP_LANES) {
    const used = Math.min(GROUP_LANES, last - r);
    const [key1, key2] = groupKeys(job.seed, r / GROUP_LANES);
    if (kernel.resampleGroup) {
      kernel.resampleGroup(job.state, key1, key2, out);
    } else {
      for (let lane = 0; lane < used; lane++) {
        fillPoissonWeights(weights, job.rowCount, key1, key2, lane);
        kernel.evaluate(job.state, weights, out.subarray(2 * lane, 2 * lane + 2));
      }
    }
    for (let lane = 0; lane < used; lane++) {
      job.values[2 * (r + lane)] = out[2 * lane];
      job.values[2 * (r + lane) + 1] = out[2 * lane + 1];
    }
  }
  Atomics.store(job.chunkDone, chunk, 1);
}

/** Claims and runs chunks until none is left; returns how many this thread ran. */
export function runClaimedChunks(job: ResampleJob, kernel: PairedKernel<unknown>): number {
  if (job.rowCount * job.resamples >= WARM_UP_THRESHOLD) warmUpKernel(job.kernel, kernel);
  const scratch = createScratch(job, kernel);
  const total = chunkCount(job);
  let ran = 0;
  for (;;) {
    const chunk = Atomics.add(job.nextChunk, 0, 1);
    if (chunk >= total) return ran;
    runChunk(job, kernel, chunk, scratch);
    ran++;
  }
}
