import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  CsvParser,
  feedRange,
  openDataFile
} from "./chunk-ET2GZXVJ.js";
import "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";

// src/data/csv-range-worker.ts
import { parentPort, workerData } from "node:worker_threads";
async function parseRange(task) {
  const { handle } = await openDataFile(task.path);
  try {
    const ready = [];
    const parser = new CsvParser(task.path, {
      header: task.header,
      columns: task.columns,
      requireColumns: false,
      types: task.types,
      batchRows: Infinity,
      sizeHint: task.end - task.start,
      onBatch: (batch2) => ready.push(batch2)
    });
    let batch;
    for await (const done of feedRange(handle, task.path, parser, ready, task.start, task.end, task.chunkBytes))
      batch = done;
    return { batch, lines: parser.nextLine - 1 };
  } finally {
    await handle.close();
  }
}
parseRange(workerData).then(
  ({ batch, lines }) => {
    const buffers = batch.columns.map(
      (c) => c.kind === "numeric" ? c.values.buffer : c.codes.buffer
    );
    parentPort.postMessage({ batch, lines }, [...new Set(buffers)]);
  },
  (error) => parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) })
);
