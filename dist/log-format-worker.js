import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  formatRecords
} from "./chunk-CVDLFXB7.js";
import "./chunk-4YKUQJNZ.js";
import "./chunk-O7XNMCZ6.js";

// src/serve/log-format-worker.ts
import { parentPort } from "node:worker_threads";
var encoder = new TextEncoder();
parentPort.on("message", ({ id, batches }) => {
  try {
    const bytes = encoder.encode(batches.map(formatRecords).join(""));
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error.message });
  }
});
