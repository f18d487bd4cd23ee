import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetScan,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
  type SchemaTree,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { UserError } from "../errors.ts";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import { ColumnBuilder, type ColumnType } from "./column-builder.ts";
import { unreadableFile } from "./open-file.ts";
import { storeValue } from "./store-value.ts";

/**
 * Reads a Parquet file as column batches with hyparquet, one row group at a time (memory: one row
 * group of the selected columns). Plain and dictionary-encoded columns decode alike; nulls are
 * missing. Column kinds come from the schema: numeric physical types (and dates and timestamps, as
 * epoch milliseconds) are numeric; strings, booleans ("true"/"false") and other byte arrays are
 * categorical. Nested columns (lists, maps, structs) are an error unless left out with `columns`.
 * Codecs: uncompressed, snappy, gzip, zstd (Polars' default), brotli, lz4 and lz4_raw
 * (hyparquet-compressors); LZO, which no current writer uses, is reported as unreadable.
 */
export async function* parquetBatches(path: string, options: BatchReadOptions = {}): AsyncGenerator<ColumnBatch> {
  let file: AsyncBuffer;
  try {
    file = await asyncBufferFromFile(path);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw corrupt(path, error);
  }
  const fields = parquetSchema(metadata).children;
  const names = fields.map((field) => field.element.name);
  const wanted = options.columns;
  if (wanted && options.requireColumns !== false) {
    const missing = wanted.filter((name) => !names.includes(name));
    if (missing.length > 0) {
      throw new UserError(
        `${path}: no column named ${missing.map((m) => `"${m}"`).join(", ")} in the Parquet schema (columns: ${names.join(", ")}); fix the column name or the file.`,
        { file: path, column: missing[0] },
      );
    }
  }
  const selected = fields.filter((field) => !wanted || wanted.includes(field.element.name));
  for (const field of selected) {
    if (isNested(field)) {
      throw new UserError(
        `${path}: column "${field.element.name}" is nested (a list, map or struct); modelkeeper reads flat columns of numbers and strings: flatten the column when writing the file, or read only other columns.`,
        { file: path, column: field.element.name },
      );
    }
  }
  const batchRows = options.batchRows ?? Infinity;
  const totalRows = Number(metadata.num_rows);
  const builders = selected.map(
    (field) =>
      new ColumnBuilder(
        field.element.name,
        options.types?.[field.element.name] ?? schemaKind(field),
        Math.min(batchRows, totalRows),
      ),
  );
  const columnNames = builders.map((b) => b.name);
  let scan: Awaited<ReturnType<typeof parquetScan>>;
  try {
    scan = await parquetScan({
      file,
      metadata,
      compressors,
      columns: columnNames.length > 0 ? columnNames : undefined,
    });
  } catch (error) {
    throw corrupt(path, error);
  }

  let row = 0;
  let firstRow = 0;
  const emit = (): ColumnBatch => {
    const promotions = builders.flatMap((b) => (b.promotion ? [b.promotion] : []));
    const next = batchRows === Infinity ? 0 : Math.min(batchRows, totalRows);
    const batch = {
      columns: builders.map((b) => b.finish(row, next)),
      rowCount: row,
      firstLine: row > 0 ? firstRow : 0,
      promotions,
    };
    row = 0;
    return batch;
  };

  for (const range of scan.ranges) {
    const data: ArrayLike<unknown>[] = [];
    for (const name of columnNames) {
      try {
        data.push(await scan.readColumn({ column: name, rowStart: range.rowStart, rowEnd: range.rowEnd }));
      } catch (error) {
        throw corrupt(path, error, `rows ${range.rowStart + 1}–${range.rowEnd} of column "${name}"`);
      }
    }
    for (let i = 0; i < range.rowEnd - range.rowStart;) {
      if (row === 0) firstRow = range.rowStart + i + 1;
      const take = Math.min(range.rowEnd - range.rowStart - i, batchRows - row);
      builders.forEach((builder, c) => {
        if (builder.capacity < row + take) builder.grow(row + take, row);
        copyValues(builder, row, data[c], i, take, path, range.rowStart);
      });
      row += take;
      i += take;
      if (row === batchRows) yield emit();
    }
  }
  if (row > 0 || batchRows === Infinity) yield emit();
}

function copyValues(
  builder: ColumnBuilder,
  row: number,
  source: ArrayLike<unknown>,
  from: number,
  count: number,
  file: string,
  rangeStart: number,
): void {
  if (
    builder.kind === "numeric" &&
    (source instanceof Float64Array ||
      source instanceof Float32Array ||
      source instanceof Int32Array ||
      source instanceof Uint32Array ||
      source instanceof Uint8Array)
  ) {
    builder.values.set(source.subarray(from, from + count), row);
    return;
  }
  for (let i = 0; i < count; i++) {
    storeValue(builder, row + i, source[from + i], { file, line: rangeStart + from + i + 1, unit: "row" });
  }
}

/** Text-like columns are categorical from the start; everything else starts numeric. */
function schemaKind(field: SchemaTree): ColumnType | undefined {
  const { type, converted_type: converted, logical_type: logical } = field.element;
  if (type === "BOOLEAN") return "categorical";
  if (type === "BYTE_ARRAY" || type === "FIXED_LEN_BYTE_ARRAY") {
    return converted === "DECIMAL" || logical?.type === "DECIMAL" || logical?.type === "FLOAT16"
      ? undefined
      : "categorical";
  }
  return undefined;
}

function isNested(field: SchemaTree): boolean {
  return field.children.length > 0 || field.element.repetition_type === "REPEATED";
}

function corrupt(path: string, error: unknown, what?: string): UserError {
  const message = error instanceof Error ? error.message : String(error);
  return new UserError(
    `${path}: not a readable Parquet file${what ? ` (${what})` : ""}: ${message}. The file may be truncated or written with an unsupported codec (LZO); write it again (zstd, snappy, gzip or uncompressed).`,
    { file: path },
  );
}
