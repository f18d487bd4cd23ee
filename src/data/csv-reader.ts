import { UserError } from "../errors.ts";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import { CsvParser } from "./csv-parser.ts";
import { openDataFile, unreadableFile } from "./open-file.ts";

export interface CsvReadOptions extends BatchReadOptions {
  /** Bytes read per system call; the parser's working memory is about this size. */
  chunkBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * Reads a CSV file as column batches, in bounded memory: one chunk buffer (grown only for a record
 * longer than a chunk) plus the batch being filled. Yields the header names first via `header`.
 */
export async function* csvBatches(path: string, options: CsvReadOptions = {}): AsyncGenerator<ColumnBatch & { header: readonly string[] }> {
  const { handle, size } = await openDataFile(path);
  const batchRows = options.batchRows ?? Infinity;
  const ready: ColumnBatch[] = [];
  const parser = new CsvParser(path, {
    columns: options.columns,
    requireColumns: options.requireColumns,
    types: options.types,
    batchRows,
    sizeHint: batchRows === Infinity ? size : undefined,
    onBatch: (batch) => ready.push(batch),
  });
  let buffer = Buffer.allocUnsafe(Math.min(options.chunkBytes ?? DEFAULT_CHUNK_BYTES, size + 16) + 1);
  let kept = 0;
  try {
    for (;;) {
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(buffer, kept, buffer.length - 1 - kept, null));
      } catch (error) {
        throw unreadableFile(path, error);
      }
      const eof = read === 0;
      const dataEnd = kept + read;
      const consumed = parser.consume(buffer, dataEnd, eof);
      while (ready.length > 0) yield { ...ready.shift()!, header: parser.header! };
      if (eof) break;
      kept = dataEnd - consumed;
      if (consumed > 0) {
        buffer.copy(buffer, 0, consumed, dataEnd);
      } else if (kept === buffer.length - 1) { // one record longer than the buffer
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
    }
    parser.finish();
    while (ready.length > 0) yield { ...ready.shift()!, header: parser.header! };
  } finally {
    await handle.close();
  }
}

/** The header of a CSV file (reads only as far as the header ends). */
export async function csvHeader(path: string): Promise<readonly string[]> {
  for await (const batch of csvBatches(path, { batchRows: 1, columns: [] })) return batch.header;
  throw new UserError(`${path}: the file is empty; a CSV file needs a header row naming its columns.`, { file: path, line: 1 });
}
