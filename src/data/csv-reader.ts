import type { FileHandle } from "node:fs/promises";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import { CsvParser } from "./csv-parser.ts";
import { openDataFile, unreadableFile } from "./open-file.ts";
import { MAX_RECORD_BYTES } from "./record-limit.ts";

export interface CsvReadOptions extends BatchReadOptions {
  /** Bytes read per system call; the parser's working memory is about this size. */
  chunkBytes?: number;
}

export const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * Reads a CSV file as column batches, in bounded memory: one chunk buffer (grown only for a record
 * longer than a chunk) plus the batch being filled. Each batch also carries the header names.
 */
export async function* csvBatches(
  path: string,
  options: CsvReadOptions = {},
): AsyncGenerator<ColumnBatch & { header: readonly string[] }> {
  const { handle, size } = await openDataFile(path);
  const batchRows = options.batchRows ?? Infinity;
  const ready: ColumnBatch[] = [];
  const parser = new CsvParser(path, {
    columns: options.columns,
    requireColumns: options.requireColumns,
    types: options.types,
    verbatim: options.verbatim,
    withLines: options.withLines,
    batchRows,
    sizeHint: batchRows === Infinity ? size : undefined,
    onBatch: (batch) => ready.push(batch),
  });
  try {
    for await (const batch of feedRange(
      handle,
      path,
      parser,
      ready,
      0,
      size,
      options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      options.maxRecordBytes,
    )) {
      yield { ...batch, header: parser.header! };
    }
  } finally {
    await handle.close();
  }
}

/**
 * Feeds bytes [start, end) of an open file to `parser` chunk by chunk, treating `end` as the end of
 * the file, and yields the batches the parser hands to `ready` as they complete.
 */
export async function* feedRange(
  handle: FileHandle,
  path: string,
  parser: CsvParser,
  ready: ColumnBatch[],
  start: number,
  end: number,
  chunkBytes: number,
  maxRecordBytes = MAX_RECORD_BYTES,
): AsyncGenerator<ColumnBatch> {
  let buffer = Buffer.allocUnsafe(Math.max(4, Math.min(chunkBytes, end - start + 16)) + 1);
  let kept = 0;
  let position = start;
  for (;;) {
    const want = Math.min(buffer.length - 1 - kept, end - position);
    let read = 0;
    if (want > 0) {
      try {
        ({ bytesRead: read } = await handle.read(buffer, kept, want, position));
      } catch (error) {
        throw unreadableFile(path, error);
      }
      position += read;
    }
    const eof = read === 0;
    const dataEnd = kept + read;
    const consumed = parser.consume(buffer, dataEnd, eof);
    while (ready.length > 0) yield ready.shift()!;
    if (eof) break;
    kept = dataEnd - consumed;
    if (consumed > 0) {
      buffer.copy(buffer, 0, consumed, dataEnd);
    } else if (kept === buffer.length - 1) {
      // one record longer than the buffer
      if (kept >= maxRecordBytes) throw parser.recordTooLong(buffer, kept, maxRecordBytes);
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxRecordBytes + 1));
      buffer.copy(larger, 0, 0, kept);
      buffer = larger;
    }
  }
  parser.finish();
  while (ready.length > 0) yield ready.shift()!;
}
