/**
 * Worker threads for the paired bootstrap (stats/bootstrap/paired-bootstrap.ts stays pure and is
 * handed these). Each worker claims chunks of the shared job until none is left; one that fails
 * to start or dies reports why, and the caller runs whatever it left undone.
 */
import { availableParallelism } from "node:os";
import type { ResampleHelpers, HelperOutcome } from "../stats/bootstrap/bootstrap-runner.ts";
import { startWorker } from "./start-worker.ts";

const ENTRY = { bundled: "bootstrap-worker", source: new URL("./bootstrap-worker.ts", import.meta.url) };

export const bootstrapThreads: ResampleHelpers = {
  available: availableParallelism(),
  start: (job, count) => Array.from({ length: count }, () => runWorker(job)),
};

async function runWorker(job: unknown): Promise<HelperOutcome> {
  const worker = await startWorker(ENTRY, job);
  if (!worker) return { chunks: 0, error: "no worker thread could be started" };
  return new Promise((resolve) => {
    let chunks = 0;
    let error: string | undefined;
    worker.on("message", (message: { chunks: number }) => (chunks = message.chunks));
    worker.on("error", (caught) => (error = caught instanceof Error ? caught.message : String(caught)));
    worker.on("exit", () => resolve(error ? { chunks, error } : { chunks }));
  });
}
