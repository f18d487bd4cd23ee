import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  runColumnJob,
  transferables
} from "./chunk-7XIFXTXH.js";
import "./chunk-7NQOJBQY.js";
import "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";

// src/monitor/column-worker.ts
import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ id, job }) => {
  try {
    const result = runColumnJob(job);
    parentPort.postMessage({ id, result }, transferables(result));
  } catch (error) {
    parentPort.postMessage({ id, failed: error instanceof Error ? error.message : String(error) });
  }
});
