/**
 * Worker-thread entry of the column pool (column-pool.ts): runs each job it is sent and posts the
 * result back, its buffers transferred. Shipped as dist/column-worker.js (scripts/bundle.mjs).
 */
import { parentPort } from "node:worker_threads";
import { runColumnJob, transferables, type ColumnJob } from "./column-jobs.ts";

parentPort!.on("message", ({ id, job }: { id: number; job: ColumnJob }) => {
  try {
    const result = runColumnJob(job);
    parentPort!.postMessage({ id, result }, transferables(result));
  } catch (error) {
    parentPort!.postMessage({ id, failed: error instanceof Error ? error.message : String(error) });
  }
});
