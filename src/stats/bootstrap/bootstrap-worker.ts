/**
 * Worker-thread entry of the paired bootstrap: takes the job from workerData, runs chunks until
 * none is left, reports how many it ran. Loaded by paired-bootstrap.ts through
 * new URL("./bootstrap-worker.js", import.meta.url) when bundled (the bundle must emit this file
 * as bootstrap-worker.js next to the bundle) or through bootstrap-worker-from-source.mjs under tsx.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runClaimedChunks, type ResampleJob } from "./bootstrap-runner.ts";
import { kernelFor } from "./paired-kernel.ts";

const job = workerData as ResampleJob;
const chunks = runClaimedChunks(job, kernelFor(job.kernel));
parentPort?.postMessage({ chunks });
