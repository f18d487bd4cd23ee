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

/** Everything a thread needs; typed arrays live in SharedArrayBuffers. */
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

/** Runs one chunk of resamples. */
export function runChunk(job: ResampleJob, kernel: PairedKernel<unknown>, chunk: number, counts: Uint8Array, out: Float64Array): void {
  const first = chunk * job.chunkSize;
  const last = Math.min(job.resamples, first + job.chunkSize);
  for (let r = first; r < last; r++) {
    counts.fill(0);
    addMultinomialCounts(counts, job.rowCount, xoshiroState(job.seed, r));
    kernel.evaluate(job.state, counts, out);
    job.values[2 * r] = out[0];
    job.values[2 * r + 1] = out[1];
  }
  Atomics.store(job.chunkDone, chunk, 1);
}

/** Claims and runs chunks until none is left; returns how many this thread ran. */
export function runClaimedChunks(job: ResampleJob, kernel: PairedKernel<unknown>): number {
  if (job.rowCount * job.resamples >= WARM_UP_THRESHOLD) warmUpKernel(job.kernel, kernel);
  const counts = new Uint8Array(job.rowCount);
  const out = new Float64Array(2);
  const total = chunkCount(job);
  let ran = 0;
  for (;;) {
    const chunk = Atomics.add(job.nextChunk, 0, 1);
    if (chunk >= total) return ran;
    runChunk(job, kernel, chunk, counts, out);
    ran++;
  }
}
