import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  kernelFor,
  runClaimedChunks
} from "./chunk-5K3K24JN.js";
import "./chunk-66AUG6B5.js";
import "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";

// src/stats/paired/bootstrap-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
var chunks = runClaimedChunks(job, kernelFor(job.kernel));
parentPort?.postMessage({ chunks });
