import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import type { ColumnType, Promotion } from "./column-builder.ts";
import { CsvParser } from "./csv-parser.ts";
import { DEFAULT_CHUNK_BYTES, feedRange } from "./csv-reader.ts";
import { openDataFile } from "./open-file.ts";
import { startWorker } from "../threads/start-worker.ts";
import type { CategoricalColumn, Column, NumericColumn } from "./table.ts";

/** What the worker needs to parse the second half of a file. */
export interface CsvRangeTask {
  path: string;
  start: number;
  end: number;
  header: readonly string[];
  columns: readonly string[] | undefined;
  types: Readonly<Record<string, ColumnType>> | undefined;
  chunkBytes: number;
}

/**
 * When to use the second thread: decided by the work's size alone, so that the same file is read
 * the same way on every run (a load-average check made it depend on what else the machine did).
 */
export interface ParallelPolicy {
  /** Smaller files are read by one thread: a worker's start-up (~0.1 s) would cost more than it saves. */
  minBytes: number;
}

export const DEFAULT_POLICY: ParallelPolicy = { minBytes: 32 * 1024 * 1024 };

/**
 * Reads a whole CSV file with two threads: this one parses the first half, a worker the second,
 * split at the first line break after the middle. Returns undefined, so that the caller reads the
 * file sequentially, whenever the shortcut cannot be sure of giving the same answer: one core, a
 * small file, no worker available, a quoted field spanning the split (the first half then ends inside quotes), or any
 * error at all (the sequential read then reports it with the right line numbers).
 *
 * Why the split is safe: the first half is parsed from the start with full quote tracking, so it
 * ends outside quotes exactly when the split is a record boundary; only then is the worker's
 * result used. A column whose halves disagree on its type is reported as a promotion after
 * numbers, so readTable re-reads it as text, as it does for a type change in one thread.
 */
export async function readCsvParallel(
  path: string,
  options: Pick<BatchReadOptions, "columns" | "requireColumns" | "types">,
  policy: ParallelPolicy = DEFAULT_POLICY,
): Promise<ColumnBatch | undefined> {
  const cores = availableParallelism();
  if (cores < 2) return undefined;
  const { handle, size } = await openDataFile(path);
  let worker: Worker | undefined;
  try {
    if (size < policy.minBytes || size < 2) return undefined;
    const split = await lineStartAfter(handle, Math.floor(size / 2), size);
    if (split === undefined) return undefined;

    const ready: ColumnBatch[] = [];
    const parser = new CsvParser(path, {
      ...options,
      batchRows: Infinity,
      sizeHint: size,
      trim: false,
      onBatch: (b) => ready.push(b),
    });
    // Parse up to the header first, so the worker can be told the column names.
    const headerProbe = Buffer.allocUnsafe(Math.min(size, 1 << 16) + 1);
    const { bytesRead } = await handle.read(headerProbe, 0, headerProbe.length - 1, 0);
    const headerParser = new CsvParser(path, { ...options, batchRows: 1, onBatch: () => {} });
    try {
      headerParser.consume(headerProbe, bytesRead, bytesRead === size);
    } catch {
      return undefined;
    }
    const header = headerParser.header;
    if (header === undefined) return undefined; // a very long header: not worth the trouble

    const task: CsvRangeTask = {
      path,
      start: split,
      end: size,
      header,
      columns: options.columns,
      types: options.types,
      chunkBytes: DEFAULT_CHUNK_BYTES,
    };
    const started = await startRangeWorker(task);
    if (started === undefined) return undefined;
    worker = started.worker;
    let first: ColumnBatch | undefined;
    try {
      for await (const batch of feedRange(handle, path, parser, ready, 0, split, DEFAULT_CHUNK_BYTES)) first = batch;
    } catch {
      return undefined; // includes "quoted field never closed" at a split inside quotes
    }
    const second = await started.result;
    if (first === undefined || second === undefined) return undefined;
    return merge(first, second.batch, parser.nextLine - 1);
  } finally {
    await worker?.terminate();
    await handle.close();
  }
}

/** The offset just after the first line break at or after `from`, if there is one before the end. */
async function lineStartAfter(
  handle: import("node:fs/promises").FileHandle,
  from: number,
  size: number,
): Promise<number | undefined> {
  const window = Buffer.allocUnsafe(1 << 16);
  for (let position = from; position < size; position += window.length) {
    const { bytesRead } = await handle.read(window, 0, window.length, position);
    const newline = window.subarray(0, bytesRead).indexOf(10);
    if (newline >= 0) return position + newline + 1 < size ? position + newline + 1 : undefined;
    if (bytesRead === 0) return undefined;
  }
  return undefined;
}

async function startRangeWorker(
  task: CsvRangeTask,
): Promise<{ worker: Worker; result: Promise<{ batch: ColumnBatch; lines: number } | undefined> } | undefined> {
  const worker = await startWorker(
    { bundled: "csv-range-worker", source: new URL("./csv-range-worker.ts", import.meta.url) },
    task,
  );
  if (!worker) return undefined;
  const result = new Promise<{ batch: ColumnBatch; lines: number } | undefined>((resolve) => {
    worker.once("message", (message: { batch?: ColumnBatch; lines?: number; failed?: string }) => {
      resolve(message.batch ? { batch: message.batch, lines: message.lines ?? 0 } : undefined);
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return { worker, result };
}

/** The two halves as one batch; `linesBefore` = physical lines in the first half (header included). */
function merge(first: ColumnBatch, second: ColumnBatch, linesBefore: number): ColumnBatch {
  const rowCount = first.rowCount + second.rowCount;
  const promotions: Promotion[] = [...first.promotions];
  for (const p of second.promotions) promotions.push({ ...p, line: p.line + linesBefore });
  const columns = first.columns.map((a, i): Column => {
    const b = second.columns[i];
    if (a.kind === "numeric" && b.kind === "numeric") return appendNumeric(a, b, rowCount);
    if (a.kind === "categorical" && b.kind === "categorical") return appendCategorical(a, b, rowCount);
    // The halves disagree: the numeric half's numbers need their text, which only a re-read gives.
    const numeric = (a.kind === "numeric" ? a : b) as NumericColumn;
    const numbers = numeric.values.reduce((count, x) => (x === x ? count + 1 : count), 0);
    if (numbers > 0) {
      promotions.push({ column: a.name, line: second.firstLine + linesBefore, value: "", numbersBefore: numbers });
    }
    const text = (a.kind === "categorical" ? a : b) as CategoricalColumn;
    const codes = new Int32Array(rowCount).fill(-1);
    codes.set(text.codes, a.kind === "categorical" ? 0 : first.rowCount);
    return { kind: "categorical", name: a.name, codes, categories: text.categories };
  });
  return { columns, rowCount, firstLine: first.firstLine, promotions };
}

function appendNumeric(a: NumericColumn, b: NumericColumn, rowCount: number): NumericColumn {
  return { kind: "numeric", name: a.name, values: appendInto(a.values, b.values, rowCount, Float64Array) };
}

function appendCategorical(a: CategoricalColumn, b: CategoricalColumn, rowCount: number): CategoricalColumn {
  const categories = [...a.categories];
  const index = new Map(categories.map((c, i) => [c, i]));
  const remap = b.categories.map((c) => {
    let code = index.get(c);
    if (code === undefined) {
      code = categories.length;
      categories.push(c);
      index.set(c, code);
    }
    return code;
  });
  const codes = new Int32Array(b.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = b.codes[i] < 0 ? -1 : remap[b.codes[i]];
  return { kind: "categorical", name: a.name, codes: appendInto(a.codes, codes, rowCount, Int32Array), categories };
}

/** a followed by b, in a's spare capacity when it has room (the usual case), else in a new array. */
function appendInto<T extends Float64Array | Int32Array>(
  a: T,
  b: T,
  rowCount: number,
  Kind: { new (length: number): T; new (buffer: ArrayBufferLike, offset: number, length: number): T },
): T {
  const room = (a.buffer.byteLength - a.byteOffset) / a.BYTES_PER_ELEMENT;
  const out = room >= rowCount ? new Kind(a.buffer, a.byteOffset, rowCount) : copyPrefix(a, rowCount, Kind);
  out.set(b, a.length);
  if (room > rowCount * 1.25) return out.slice() as T; // do not hold on to a much larger buffer
  return out;
}

function copyPrefix<T extends Float64Array | Int32Array>(a: T, rowCount: number, Kind: { new (length: number): T }): T {
  const out = new Kind(rowCount);
  out.set(a);
  return out;
}
