import { isMissingBytes, isMissingText } from "./missing-values.ts";
import type { Column } from "./table.ts";

/** A column type a caller can force (`types` option), overriding inference. */
export type ColumnType = "numeric" | "categorical";

/** Where an inferred-numeric column met its first non-number and became categorical. */
export interface Promotion {
  readonly column: string;
  /** 1-based line (CSV, JSON Lines) or 1-based row (Parquet) of the first non-number. */
  readonly line: number;
  /** The text that was not a number. */
  readonly value: string;
  /** How many numbers earlier rows of the same batch held (they were rendered as text). */
  readonly numbersBefore: number;
}

/**
 * Accumulates one column row by row into typed arrays. Type inference lives here: a column starts
 * numeric and stays numeric while every non-missing value is a number; the first other value
 * promotes it to categorical (unless the caller forced numeric, in which case the reader reports an
 * error instead). Numbers already in the batch are then rendered as text with `String(x)`; callers
 * that need the file's own text (readTable) re-read the column forced categorical.
 */
export class ColumnBuilder {
  kind: ColumnType;
  readonly forced: ColumnType | undefined;
  values: Float64Array;
  codes: Int32Array;
  categories: string[] = [];
  private index = new Map<string, number>();
  private byteIndex = new Map<number, { bytes: Uint8Array; code: number }>();
  capacity: number;
  /** Set when this column turned categorical during the current batch after holding numbers. */
  promotion: Promotion | undefined;
  /** Whether an earlier batch delivered this column numeric with at least one value. */
  private deliveredNumbers = false;

  /** `verbatim`: missing-value texts become categories as written (see BatchReadOptions). */
  constructor(
    readonly name: string,
    forced: ColumnType | undefined,
    capacity: number,
    private readonly verbatim = false,
  ) {
    this.forced = forced;
    this.kind = forced ?? "numeric";
    this.capacity = capacity;
    this.values = this.kind === "numeric" ? new Float64Array(capacity) : EMPTY_VALUES;
    this.codes = this.kind === "categorical" ? new Int32Array(capacity) : EMPTY_CODES;
  }

  /** Makes room for at least `rows` rows, keeping the first `used`. */
  grow(rows: number, used: number): void {
    if (rows <= this.capacity) return;
    if (this.kind === "numeric") {
      const values = new Float64Array(rows);
      values.set(this.values.subarray(0, used));
      this.values = values;
    } else {
      const codes = new Int32Array(rows);
      codes.set(this.codes.subarray(0, used));
      this.codes = codes;
    }
    this.capacity = rows;
  }

  /** The code of a whole field's text: −1 for a missing-value token unless verbatim. */
  codeOfText(text: string): number {
    return !this.verbatim && isMissingText(text) ? -1 : this.code(text);
  }

  /** The dictionary code of `text`, adding it on first sight (codes follow first appearance). */
  code(text: string): number {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.categories.length;
      this.categories.push(text);
      this.index.set(text, code);
    }
    return code;
  }

  /**
   * The code of the text in bytes[start, end) (UTF-8), or −1 for a missing-value token. Repeated
   * values are recognised by a hash of their bytes, so a category costs one string only once.
   */
  codeOfBytes(bytes: Buffer, start: number, end: number): number {
    let hash = 0x811c9dc5; // FNV-1a
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
    const known = this.byteIndex.get(hash);
    if (known !== undefined && known.bytes.length === end - start) {
      const stored = known.bytes;
      let same = true;
      for (let i = 0; i < stored.length; i++) {
        if (stored[i] !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return known.code;
    }
    const code =
      !this.verbatim && isMissingBytes(bytes, start, end) ? -1 : this.code(bytes.toString("utf8", start, end));
    if (known === undefined)
      this.byteIndex.set(hash, { bytes: Uint8Array.prototype.slice.call(bytes, start, end), code });
    return code;
  }

  /** Turns this numeric column categorical at `row` (rows before it already hold numbers). */
  promote(row: number, line: number, value: string): void {
    const codes = new Int32Array(this.capacity);
    let numbersBefore = 0;
    for (let i = 0; i < row; i++) {
      const x = this.values[i];
      if (x === x) {
        codes[i] = this.code(String(x));
        numbersBefore++;
      } else {
        codes[i] = -1;
      }
    }
    this.codes = codes;
    this.values = EMPTY_VALUES;
    this.kind = "categorical";
    // Only a column that has held numbers changes type in a way worth reporting.
    if (numbersBefore > 0 || this.deliveredNumbers) this.promotion = { column: this.name, line, value, numbersBefore };
  }

  /** The finished column for rows [0, rowCount); the builder starts an empty batch afterwards. */
  finish(rowCount: number, nextCapacity: number, trimSpare = true): Column {
    let column: Column;
    if (this.kind === "numeric") {
      column = {
        kind: "numeric",
        name: this.name,
        values: trimSpare ? trim(this.values, rowCount) : this.values.subarray(0, rowCount),
      };
      if (!this.deliveredNumbers) this.deliveredNumbers = column.values.some((x) => x === x);
      this.values = new Float64Array(nextCapacity);
    } else {
      column = {
        kind: "categorical",
        name: this.name,
        codes: trimSpare ? trim(this.codes, rowCount) : this.codes.subarray(0, rowCount),
        categories: this.categories,
      };
      this.codes = new Int32Array(nextCapacity);
      this.categories = [];
      this.index = new Map();
      this.byteIndex = new Map();
    }
    this.capacity = nextCapacity;
    this.promotion = undefined;
    return column;
  }
}

const EMPTY_VALUES = new Float64Array(0);
const EMPTY_CODES = new Int32Array(0);

/** A view when little is wasted, a copy when the spare capacity would hold on to much memory. */
function trim<T extends Float64Array | Int32Array>(array: T, length: number): T {
  if (array.length === length) return array;
  if (array.length - length <= array.length / 8) return array.subarray(0, length) as T;
  return array.slice(0, length) as T;
}
