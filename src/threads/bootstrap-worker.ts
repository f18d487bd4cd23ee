/**
 * Worker-thread entry of the paired bootstrap: takes the job from workerData, runs chunks until
 * none is left, reports how many it ran. Started by bootstrap-threads.ts (dist/bootstrap-worker.js
 * in the bundle).
 */
import { parentPort, workerData } from "node:worker_threads";
import { runClaimedChunks, type ResampleJob } from "../stats/bootstrap/bootstrap-runner.ts";
import { kernelFor } from "../stats/bootstrap/paired-kernel.ts";

const job = workerData as ResampleJob;
const chunks = runClaimedChunks(job, kernelFor(job.kernel));
parentPort?.postMessage({ chunks });
