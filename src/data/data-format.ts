import { extname } from "node:path";
import { UserError } from "../errors.ts";
import type { BatchReadOptions, ColumnBatch } from "./column-batch.ts";
import { csvBatches } from "./csv-reader.ts";
import { jsonlBatches } from "./jsonl-reader.ts";
import { parquetBatches } from "./parquet-reader.ts";

export type DataFormat = "csv" | "jsonl" | "parquet";

const EXTENSIONS: Readonly<Record<string, DataFormat>> = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet",
};

/** The format of a data file, by its extension (any letter case). */
export function dataFormat(path: string): DataFormat {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new UserError(
      `${path}: unknown data file type "${extname(path) || "(no extension)"}"; modelkeeper reads .csv (with a header row), .jsonl / .ndjson (JSON Lines) and .parquet files.`,
      { file: path },
    );
  }
  return format;
}

/** The batch reader for a file's format. */
export function batchesOf(path: string, options: BatchReadOptions): AsyncGenerator<ColumnBatch> {
  switch (dataFormat(path)) {
    case "csv":
      return csvBatches(path, options);
    case "jsonl":
      return jsonlBatches(path, options);
    case "parquet":
      return parquetBatches(path, options);
  }
}
