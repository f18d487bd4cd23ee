/**
 * Drift's per-column statistics on both cores: sorting each column, the reference's PSI bins, and
 * every numeric test (KS with its p-value, Wasserstein, PSI) are independent per column, so a pool
 * of worker threads runs them side by side (issue 17 item 3).
 *
 * The thread decision is made on the work's size alone (values to read, known before the work
 * starts), never on the machine's load: the same window runs the same way on every run. Below
 * MIN_POOLED_VALUES the jobs run on this thread (a worker's start-up, ~50 ms, would cost more).
 * Every job runs the same functions wherever it runs (column-jobs.ts), so the results are the
 * same bit for bit; a worker that cannot be started or fails leaves its job to this thread.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../threads/start-worker.ts";
import type { NumericColumn } from "../data/table.ts";
import type { NumericSummary } from "../stats/drift/column-summary.ts";
import { jobSize, runColumnJob, type ColumnJob, type ColumnJobResult, type ColumnMetrics } from "./column-jobs.ts";

/** Values (over all jobs of one call) from which the work goes to worker threads. */
export const MIN_POOLED_VALUES = 1 << 19;

export interface PoolPolicy {
  readonly minValues: number;
  readonly threads: number;
}

const DEFAULT_POOL_POLICY: PoolPolicy = { minValues: MIN_POOLED_VALUES, threads: availableParallelism() };

interface Pending {
  worker: Worker;
  resolve(result: ColumnJobResult): void;
  reject(error: Error): void;
}

export class ColumnPool {
  private workers: Promise<Worker[]> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private readonly dead = new Set<Worker>();
  /** Threads used by the last call (0: this thread alone), for tests and benchmarks. */
  lastThreads = 0;

  constructor(private readonly policy: PoolPolicy = DEFAULT_POOL_POLICY) {}

  summarize(columns: readonly NumericColumn[], psiBins?: number): Promise<NumericSummary[]> {
    return this.run(columns.map((column) => ({ op: "summarize", column, psiBins }))) as Promise<NumericSummary[]>;
  }

  sort(values: readonly Float64Array[]): Promise<Float64Array[]> {
    return this.run(values.map((v) => ({ op: "sort", values: v }))) as Promise<Float64Array[]>;
  }

  measure(pairs: readonly { reference: NumericSummary; current: NumericSummary }[]): Promise<ColumnMetrics[]> {
    return this.run(pairs.map((p) => ({ op: "measure", ...p }))) as Promise<ColumnMetrics[]>;
  }

  /** Runs the jobs, results in their order. */
  async run(jobs: readonly ColumnJob[]): Promise<ColumnJobResult[]> {
    const total = jobs.reduce((sum, job) => sum + jobSize(job), 0);
    const wanted = Math.min(this.policy.threads, jobs.length);
    const workers = wanted >= 2 && total >= this.policy.minValues ? (await this.start()).slice(0, wanted) : [];
    this.lastThreads = workers.length;
    if (workers.length === 0) return jobs.map(runColumnJob);
    const results = new Array<ColumnJobResult>(jobs.length);
    // Largest first, each worker taking the next job when it is done: the two finish together.
    const order = jobs.map((_, i) => i).sort((a, b) => jobSize(jobs[b]) - jobSize(jobs[a]));
    let next = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < order.length) {
          const i = order[next++];
          results[i] = await this.send(worker, jobs[i]).catch(() => runColumnJob(jobs[i]));
        }
      }),
    );
    return results;
  }

  async close(): Promise<void> {
    const workers = this.workers ? await this.workers : [];
    this.workers = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private start(): Promise<Worker[]> {
    this.workers ??= (async () => {
      const entry = { bundled: "column-worker", source: new URL("./column-worker.ts", import.meta.url) };
      const started = await Promise.all(Array.from({ length: this.policy.threads }, () => startWorker(entry)));
      const workers = started.filter((w): w is Worker => w !== undefined);
      for (const worker of workers) {
        worker.unref();
        worker.on("message", ({ id, result, failed }: { id: number; result?: ColumnJobResult; failed?: string }) => {
          const pending = this.pending.get(id);
          this.pending.delete(id);
          if (failed !== undefined) pending?.reject(new Error(failed));
          else pending?.resolve(result!);
        });
        worker.on("error", (error) => this.fail(worker, error));
        worker.on("exit", () => this.fail(worker, new Error("column worker exited")));
      }
      return workers.length >= 2 ? workers : (await Promise.all(workers.map((w) => w.terminate())), []);
    })();
    return this.workers;
  }

  private send(worker: Worker, job: ColumnJob): Promise<ColumnJobResult> {
    const id = this.nextId++;
    if (this.dead.has(worker)) return Promise.reject(new Error("column worker exited"));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      // Copied, not transferred: the caller keeps its arrays (and a failed job is rerun here).
      worker.postMessage({ id, job: compactJob(job) });
    });
  }

  /** A worker that failed or exited: its jobs go back to the callers (who run them here). */
  private fail(worker: Worker, error: Error): void {
    this.dead.add(worker);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}

/** A view posts its whole buffer: send only the values it shows. */
function compact(values: Float64Array): Float64Array {
  return values.byteOffset === 0 && values.byteLength === values.buffer.byteLength ? values : values.slice();
}

function compactJob(job: ColumnJob): ColumnJob {
  if (job.op === "summarize") return { ...job, column: { ...job.column, values: compact(job.column.values) } };
  if (job.op === "sort") return { op: "sort", values: compact(job.values) };
  return {
    op: "measure",
    reference: { ...job.reference, sortedValues: compact(job.reference.sortedValues) },
    current: { ...job.current, sortedValues: compact(job.current.sortedValues) },
  };
}
