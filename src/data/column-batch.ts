import type { ColumnType, Promotion } from "./column-builder.ts";
import type { Column } from "./table.ts";

/** A run of consecutive rows of one file, as columns: what every format reader yields. */
export interface ColumnBatch {
  readonly columns: readonly Column[];
  readonly rowCount: number;
  /** Line (CSV, JSON Lines) or 1-based row (Parquet) of the batch's first row; 0 when empty. */
  readonly firstLine: number;
  /** Columns that turned categorical inside this batch after holding numbers. */
  readonly promotions: readonly Promotion[];
  /** With `withLines`: the line (CSV, JSON Lines) of each row; Parquet rows are firstLine + index. */
  readonly lines?: readonly number[];
}

/** Options every format reader takes. */
export interface BatchReadOptions {
  /** Read only these columns. */
  columns?: readonly string[];
  /** With `columns`: false tolerates a named column the file lacks (it is then left out). */
  requireColumns?: boolean;
  /** Column types that override inference. */
  types?: Readonly<Record<string, ColumnType>>;
  /** Rows per batch; Infinity (the default) for one batch holding the whole file. */
  batchRows?: number;
  /** The longest row held before the read fails with a UserError (record-limit.ts); lowered by tests. */
  maxRecordBytes?: number;
  /** Keep missing-value texts ("NA", "n/a", "") of categorical columns as written, for messages that quote a cell. */
  verbatim?: boolean;
  /** Report each row's line (`lines`), for messages that name the line of a row. */
  withLines?: boolean;
}
