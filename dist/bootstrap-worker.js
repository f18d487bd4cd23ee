import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  kernelFor,
  runClaimedChunks
} from "./chunk-3DG2FFFF.js";
import "./chunk-B2QWUM32.js";
import "./chunk-7NQOJBQY.js";
import "./chunk-G5TKV47H.js";
import "./chunk-4YKUQJNZ.js";
import "./chunk-O7XNMCZ6.js";

// src/threads/bootstrap-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
var chunks = runClaimedChunks(job, kernelFor(job.kernel));
parentPort?.postMessage({ chunks });
