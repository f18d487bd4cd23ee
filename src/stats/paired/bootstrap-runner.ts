/**
 * The resample loop shared by the main thread and the worker threads. Resamples are handed out
 * in chunks through an atomic counter in shared memory, so a fast thread takes more chunks and a
 * worker that starts late (or never) costs nothing; resample r always uses random stream r, so
 * the values do not depend on which thread ran it.
 */
import { xoshiroState } from "../random.ts";
import { addMultinomialCounts } from "./multinomial-counts.ts";
import { warmUpKernel } from "./kernel-warm-up.ts";
import type { KernelId, PairedKernel } from "./paired-kernel.ts";

/** Jobs at least this large (rows x resamples) warm the kernel up first (kernel-warm-up.ts). */
export const WARM_UP_THRESHOLD = 10_000_000;

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
  readonly chunkSize: number;
  /** [0]: the next chunk to claim. */
  readonly nextChunk: Int32Array;
  /** Per chunk: 1 once its values are written. */
  readonly chunkDone: Int32Array;
  /** Resample r's champion value at [2r], challenger value at [2r + 1]. */
  readonly values: Float64Array;
}

export function chunkCount(job: Pick<ResampleJob, "resamples" | "chunkSize">): number {
  return Math.ceil(job.resamples / job.chunkSize);
}

/** Scratch space of one thread: counts for `lanes` interleaved resamples and their outputs. */
export interface ResampleScratch {
  readonly counts: Uint8Array;
  readonly out: Float64Array;
}

export function createScratch(job: ResampleJob, kernel: PairedKernel<unknown>): ResampleScratch {
  return { counts: new Uint8Array(job.rowCount * kernel.lanes), out: new Float64Array(2 * kernel.lanes) };
}

/** Runs one chunk of resamples, `kernel.lanes` at a time. */
export function runChunk(job: ResampleJob, kernel: PairedKernel<unknown>, chunk: number, scratch: ResampleScratch): void {
  const { counts, out } = scratch;
  const lanes = kernel.lanes;
  const first = chunk * job.chunkSize;
  const last = Math.min(job.resamples, first + job.chunkSize);
  for (let r = first; r < last; r += lanes) {
    const used = Math.min(lanes, last - r);
    const streams = Array.from({ length: used }, (_, lane) => xoshiroState(job.seed, r + lane));
    if (kernel.resample && used === lanes) {
      kernel.resample(job.state, counts, streams, out);
    } else {
      counts.fill(0);
      streams.forEach((stream, lane) => addMultinomialCounts(counts, job.rowCount, stream, lanes, lane));
      kernel.evaluate(job.state, counts, out);
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
