/**
 * Worker-thread entry for csv-parallel.ts: parses bytes [start, end) of a CSV file that begin at a
 * record boundary after the header, and posts the columns back (their buffers transferred, not
 * copied). Any failure is posted as `{ failed }`; the main thread then reads the file itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ColumnBatch } from "./column-batch.ts";
import { CsvParser } from "./csv-parser.ts";
import { feedRange } from "./csv-reader.ts";
import type { CsvRangeTask } from "./csv-parallel.ts";
import { openDataFile } from "./open-file.ts";

async function parseRange(task: CsvRangeTask): Promise<{ batch: ColumnBatch; lines: number }> {
  const { handle } = await openDataFile(task.path);
  try {
    const ready: ColumnBatch[] = [];
    const parser = new CsvParser(task.path, {
      header: task.header,
      columns: task.columns,
      requireColumns: false,
      types: task.types,
      batchRows: Infinity,
      sizeHint: task.end - task.start,
      onBatch: (batch) => ready.push(batch),
    });
    let batch: ColumnBatch | undefined;
    for await (const done of feedRange(handle, task.path, parser, ready, task.start, task.end, task.chunkBytes))
      batch = done;
    return { batch: batch!, lines: parser.nextLine - 1 };
  } finally {
    await handle.close();
  }
}

parseRange(workerData as CsvRangeTask).then(
  ({ batch, lines }) => {
    const buffers = batch.columns.map((c) =>
      c.kind === "numeric" ? c.values.buffer : c.codes.buffer,
    ) as ArrayBuffer[];
    parentPort!.postMessage({ batch, lines }, [...new Set(buffers)]);
  },
  (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
);
