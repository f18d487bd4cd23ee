import { UserError } from "../errors.ts";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import { ColumnBuilder } from "./column-builder.ts";
import { openDataFile, unreadableFile } from "./open-file.ts";
import { storeValue, type ValueOrigin } from "./store-value.ts";
import { MAX_RECORD_BYTES, recordTooLong } from "./record-limit.ts";

/**
 * Reads a JSON Lines file (.jsonl / .ndjson: one JSON object per line) as column batches, in bounded
 * memory. Columns appear in the order their keys are first seen; a key absent from a line, or null,
 * is a missing value. Numbers are numeric, strings and booleans categorical (see store-value.ts).
 * Blank lines are skipped. Python's json.dumps writes NaN / Infinity / -Infinity for non-finite
 * floats, which is not JSON; such a line is still read (NaN as missing, ±Infinity as numbers).
 */
export async function* jsonlBatches(path: string, options: BatchReadOptions = {}): AsyncGenerator<ColumnBatch> {
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const { handle, size } = await openDataFile(path);
  const batchRows = options.batchRows ?? Infinity;
  const wanted = options.columns ? new Set(options.columns) : undefined;
  const builders: ColumnBuilder[] = [];
  const byName = new Map<string, { builder: ColumnBuilder; stamp: number }>();
  const keysSeen = new Set<string>(); // for messages about keys no record has
  let capacity = Math.min(batchRows, 4096);
  let row = 0;
  let rowsRead = 0;
  let firstLine = 0;
  let line = 0;
  let buffer = Buffer.allocUnsafe(Math.min(1 << 20, size + 16));
  let kept = 0;
  let atStart = true;
  let lines: number[] | undefined = options.withLines ? [] : undefined;

  const emit = (): ColumnBatch => {
    const promotions = builders.flatMap((b) => (b.promotion ? [b.promotion] : []));
    const next = batchRows === Infinity ? 0 : Math.min(batchRows, 4096);
    const batch = {
      columns: builders.map((b) => b.finish(row, next)),
      rowCount: row,
      firstLine: row > 0 ? firstLine : 0,
      promotions,
      ...(lines ? { lines } : {}),
    };
    if (lines) lines = [];
    capacity = next;
    row = 0;
    return batch;
  };

  const addLine = (start: number, end: number): void => {
    line++;
    if (atStart) {
      atStart = false;
      if (buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf) start += 3;
    }
    if (end > start && buffer[end - 1] === 13) end--;
    let first = start;
    while (first < end && (buffer[first] === 32 || buffer[first] === 9)) first++;
    if (first === end) return; // blank line
    const record = parseLine(buffer.toString("utf8", start, end), path, line);
    if (row === capacity) {
      capacity = Math.min(Math.max(capacity * 2, 4096), batchRows);
      for (const b of builders) b.grow(capacity, row);
    }
    if (row === 0) firstLine = line;
    if (lines) lines[row] = line;
    const origin: ValueOrigin = { file: path, line, unit: "line" };
    const stamp = rowsRead + 1;
    let written = 0;
    for (const key in record) {
      if (wanted && !wanted.has(key)) {
        keysSeen.add(key);
        continue;
      }
      let entry = byName.get(key);
      if (entry === undefined) {
        const builder = new ColumnBuilder(key, options.types?.[key], capacity);
        if (builder.kind === "numeric") builder.values.fill(NaN, 0, row);
        else builder.codes.fill(-1, 0, row);
        entry = { builder, stamp: 0 };
        byName.set(key, entry);
        builders.push(builder);
      }
      storeValue(entry.builder, row, record[key], origin);
      entry.stamp = stamp;
      written++;
    }
    if (written < builders.length) {
      for (const entry of byName.values()) {
        if (entry.stamp !== stamp) storeValue(entry.builder, row, null, origin);
      }
    }
    row++;
    rowsRead++;
  };

  try {
    for (;;) {
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(buffer, kept, buffer.length - kept, null));
      } catch (error) {
        throw unreadableFile(path, error);
      }
      const dataEnd = kept + read;
      let start = 0;
      for (;;) {
        const newline = buffer.indexOf(10, start);
        if (newline < 0 || newline >= dataEnd) break;
        addLine(start, newline);
        start = newline + 1;
        if (row === batchRows) yield emit();
      }
      if (read === 0) {
        if (start < dataEnd) addLine(start, dataEnd);
        break;
      }
      kept = dataEnd - start;
      if (start > 0) buffer.copy(buffer, 0, start, dataEnd);
      else if (kept === buffer.length) {
        // one line longer than the buffer
        if (kept >= maxRecordBytes) throw recordTooLong(path, line + 1, maxRecordBytes, "the line");
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxRecordBytes));
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
    }
    if (rowsRead === 0) {
      throw new UserError(
        `${path}: the file has no records; a JSON Lines file holds one JSON object per line, like {"amount": 12.5, "country": "DE"}.`,
        { file: path, line: 1 },
      );
    }
    if (wanted && options.requireColumns !== false) {
      const missing = [...wanted].filter((name) => !byName.has(name));
      if (missing.length > 0) {
        throw new UserError(
          `${path}: no record has the key ${missing.map((m) => `"${m}"`).join(", ")} (keys: ${[...new Set([...byName.keys(), ...keysSeen])].join(", ") || "none"}); fix the column name or the file.`,
          { file: path, key: missing[0] },
        );
      }
    }
    if (row > 0) yield emit();
  } finally {
    await handle.close();
  }
}

/** One line as a flat object, with the line and column of any syntax error. */
function parseLine(text: string, file: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const repaired = /NaN|Infinity/.test(text) ? withoutPythonLiterals(text) : undefined;
    try {
      if (repaired === undefined) throw error;
      value = JSON.parse(repaired);
    } catch {
      const message = (error as Error).message;
      const position = /position (\d+)/.exec(message);
      const column = position ? Number(position[1]) + 1 : undefined;
      throw new UserError(
        `${file}:${line}${column ? `:${column}` : ""}: invalid JSON (${message}); each line must be one complete JSON object, like {"amount": 12.5, "country": "DE"}.`,
        { file, line, column },
      );
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UserError(
      `${file}:${line}: the line holds ${Array.isArray(value) ? "an array" : JSON.stringify(value)}, not a JSON object; write each record as an object of column names to values, like {"amount": 12.5}.`,
      { file, line },
    );
  }
  return value as Record<string, unknown>;
}

/** Replaces Python's bare NaN / Infinity / -Infinity outside strings by null / ±1e999 (= ±Infinity). */
function withoutPythonLiterals(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (text.startsWith("NaN", i)) {
      out += "null";
      i += 2;
    } else if (text.startsWith("-Infinity", i)) {
      out += "-1e999";
      i += 8;
    } else if (text.startsWith("Infinity", i)) {
      out += "1e999";
      i += 7;
    } else {
      out += c;
    }
  }
  return out;
}
