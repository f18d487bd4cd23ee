import { UserError } from "../errors.ts";
import { otherDelimiter } from "./delimiter-hint.ts";
import { ColumnBuilder, type ColumnType } from "./column-builder.ts";
import { isMissingBytes, isMissingText } from "./missing-values.ts";
import { parseNumberBytes, parseNumberText, parsePlainDecimal } from "./parse-number.ts";
import type { ColumnBatch } from "./column-batch.ts";
import { recordTooLong } from "./record-limit.ts";

/**
 * An incremental RFC 4180 parser that writes straight into typed columns. It is fed byte chunks and
 * parses only whole records, so the caller keeps the unconsumed tail and prepends it to the next
 * chunk; no string is built for a number and each byte is looked at once.
 *
 * Dialect: comma separator; fields may be quoted with `"`, a quote inside is written `""`, and quoted
 * fields may hold commas and line breaks; records end with LF, CRLF or a lone CR; a UTF-8 byte order
 * mark is skipped; blank lines are skipped (as pandas does); the first record is the header.
 * Lines in messages are physical, 1-based lines of the file, the header being line 1.
 */

export interface CsvParserOptions {
  /** Read only these columns. Default: every column. */
  columns?: readonly string[];
  /** With `columns`: false tolerates a named column the header lacks. Default true. */
  requireColumns?: boolean;
  /** Column types that override inference. */
  types?: Readonly<Record<string, ColumnType>>;
  /** Rows per batch; Infinity for one batch holding the whole file. */
  batchRows: number;
  /** File size in bytes, to size the columns once instead of growing them repeatedly. */
  sizeHint?: number;
  /** Receives each full batch (and the last, partial one on `finish`). */
  onBatch(batch: ColumnBatch): void;
  /**
   * The header, when the bytes fed start after it (a byte range from the middle of a file); line
   * numbers then count from 1 at the range start and the caller adds the offset.
   */
  header?: readonly string[];
  /** False keeps spare capacity at the end of each column (the caller appends to it). Default true. */
  trim?: boolean;
  /** See BatchReadOptions. */
  verbatim?: boolean;
  withLines?: boolean;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const MAX_EXACT_INTEGER = 9007199254740991;
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const INITIAL_CAPACITY = 4096;

export class CsvParser {
  /** Header names, once the header has been read. */
  header: string[] | undefined;
  /** Builders for the selected columns, in file order. */
  builders: ColumnBuilder[] = [];
  private slots = new Int32Array(0); // file column → builder index, −1 when not selected
  private row = 0;
  private line = 1; // line of the next record
  private batchFirstLine = 0;
  private bytesConsumed = 0;
  private rowsSeen = 0;
  private started = false;
  /** Physical line breaks inside the quoted field parsed last. */
  private quotedBreaks = 0;
  private quotedText = "";
  /** With `withLines`: the line of each row of the current batch. */
  private lines: number[] | undefined;

  constructor(
    readonly file: string,
    private readonly options: CsvParserOptions,
  ) {
    if (options.withLines) this.lines = [];
    if (options.header) {
      this.setHeader([...options.header], 1);
      this.started = true;
    }
  }

  /** The line the next record starts on (after the last consumed record). */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Parses the whole records in bytes[0, dataEnd) and returns how many bytes it consumed; the
   * caller keeps the rest for the next call. With `eof`, everything must be consumed, so `bytes`
   * needs one spare byte after dataEnd (a line break is written there if the file lacks a last one).
   */
  consume(bytes: Buffer, dataEnd: number, eof: boolean): number {
    let p = 0;
    if (!this.started) {
      if (dataEnd < 3 && !eof) return 0;
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) p = 3;
    }
    if (eof && dataEnd > p && bytes[dataEnd - 1] !== LF && bytes[dataEnd - 1] !== CR) {
      bytes[dataEnd++] = LF; // every record now ends with a line break
    }
    let safeEnd: number; // records that start before safeEnd end before it, unless a quote spans it
    if (eof) {
      safeEnd = dataEnd;
    } else {
      safeEnd = bytes.lastIndexOf(LF, dataEnd - 1) + 1;
      if (safeEnd <= p && dataEnd >= 2) safeEnd = bytes.lastIndexOf(CR, dataEnd - 2) + 1; // CR-only files
      if (safeEnd <= p) return this.consumed(p); // no whole line yet (p is 3 after a byte order mark)
    }
    if (this.header === undefined) {
      const start = p;
      p = this.readHeader(bytes, p, safeEnd, eof);
      if (p < 0) return this.consumed(start); // the header continues in the next chunk
    }
    return this.consumed(this.readRecords(bytes, p, safeEnd, eof));
  }

  private consumed(bytes: number): number {
    this.bytesConsumed += bytes;
    return bytes;
  }

  /** Emits the last batch; call after the final `consume(…, eof=true)`. */
  finish(): void {
    if (this.header === undefined) {
      throw new UserError(`${this.file}: the file is empty; a CSV file needs a header row naming its columns.`, {
        file: this.file,
        line: 1,
      });
    }
    if (this.row > 0 || this.rowsSeen === 0) this.emitBatch();
  }

  private readHeader(bytes: Buffer, start: number, safeEnd: number, eof: boolean): number {
    let p = start;
    let headerLine = this.line;
    while (p < safeEnd && (bytes[p] === LF || bytes[p] === CR)) {
      // blank lines before the header
      p = skipLineBreak(bytes, p);
      headerLine++;
    }
    if (p >= safeEnd) {
      if (eof)
        throw new UserError(`${this.file}: the file is empty; a CSV file needs a header row naming its columns.`, {
          file: this.file,
          line: 1,
        });
      return -1;
    }
    const fields: string[] = [];
    let breaks = 0;
    for (;;) {
      let text: string;
      if (bytes[p] === QUOTE) {
        const end = this.readQuoted(bytes, p, safeEnd, eof, headerLine + breaks, fields.length + 1, "header");
        if (end < 0) return -1;
        text = this.quotedText;
        breaks += this.quotedBreaks;
        p = end;
      } else {
        const s = p;
        while (bytes[p] !== COMMA && bytes[p] !== LF && bytes[p] !== CR) p++;
        text = bytes.toString("utf8", s, p);
      }
      fields.push(text);
      if (bytes[p] === COMMA) {
        p++;
        continue;
      }
      p = skipLineBreak(bytes, p);
      break;
    }
    this.line = headerLine + breaks + 1;
    this.setHeader(fields, headerLine);
    return p;
  }

  private setHeader(names: string[], line: number): void {
    const other = otherDelimiter(names);
    if (other) {
      throw new UserError(
        `${this.file}:${line}: the header is one column, "${names[0]}", which looks like ${other.shown}-separated (${other.names.length} columns: ${other.names.slice(0, 5).join(", ")}${other.names.length > 5 ? ", ..." : ""}). ` +
          `modelkeeper reads comma-separated CSV (RFC 4180): write the file with commas (pandas: df.to_csv(path, index=False); Excel: "CSV UTF-8 (Comma delimited)").`,
        { file: this.file, line, column: 1 },
      );
    }
    const seen = new Map<string, number>();
    names.forEach((name, i) => {
      if (name.trim() === "") {
        throw new UserError(
          `${this.file}:${line}: column ${i + 1} of the header has no name; give every column a name in the first row.`,
          { file: this.file, line, column: i + 1 },
        );
      }
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        throw new UserError(
          `${this.file}:${line}: column ${i + 1} of the header repeats the name "${name}" of column ${earlier + 1}; rename one of them.`,
          { file: this.file, line, column: i + 1 },
        );
      }
      seen.set(name, i);
    });
    const wanted = this.options.columns;
    if (wanted && this.options.requireColumns !== false) {
      const missing = wanted.filter((name) => !seen.has(name));
      if (missing.length > 0) {
        throw new UserError(
          `${this.file}:${line}: no column named ${missing.map((m) => `"${m}"`).join(", ")} in the header (columns: ${names.join(", ")}); fix the column name or the file.`,
          { file: this.file, line, column: missing[0] },
        );
      }
    }
    const selected = wanted ? new Set(wanted) : undefined;
    this.header = names;
    this.slots = new Int32Array(names.length).fill(-1);
    const capacity = Math.min(this.options.batchRows, INITIAL_CAPACITY);
    names.forEach((name, i) => {
      if (selected && !selected.has(name)) return;
      this.slots[i] = this.builders.length;
      this.builders.push(new ColumnBuilder(name, this.options.types?.[name], capacity, this.options.verbatim));
    });
  }

  /** The hot loop: whole records from p until safeEnd (or a record that runs past it). */
  private readRecords(bytes: Buffer, start: number, safeEnd: number, eof: boolean): number {
    const slots = this.slots;
    const builders = this.builders;
    const columnCount = slots.length;
    const batchRows = this.options.batchRows;
    let p = start;
    let row = this.row;
    let line = this.line;
    let capacity = builders.length > 0 ? builders[0].capacity : Infinity;

    while (p < safeEnd) {
      const recordStart = p;
      let b = bytes[p];
      if (b === LF || b === CR) {
        // a blank line
        p = skipLineBreak(bytes, p);
        line++;
        continue;
      }
      if (row === capacity) capacity = this.growColumns(row, p - start);
      if (row === 0) this.batchFirstLine = line;
      if (this.lines) this.lines[row] = line;
      let breaks = 0; // line breaks inside quoted fields of this record
      let column = 0;
      for (;;) {
        if (column === columnCount) this.fieldCountError(bytes, recordStart, safeEnd, line);
        const slot = slots[column];
        if (b === QUOTE) {
          const end = this.readQuoted(bytes, p, safeEnd, eof, line + breaks, column + 1, undefined);
          if (end < 0) {
            // the record continues in the next chunk
            this.row = row;
            this.line = line;
            return recordStart;
          }
          if (slot >= 0) this.storeText(builders[slot], row, this.quotedText, line + breaks, column);
          breaks += this.quotedBreaks;
          p = end;
          b = bytes[p];
        } else if (slot < 0) {
          while (b !== COMMA && b !== LF && b !== CR) b = bytes[++p];
        } else if (builders[slot].kind === "categorical") {
          const fieldStart = p;
          while (b !== COMMA && b !== LF && b !== CR) b = bytes[++p];
          builders[slot].codes[row] = builders[slot].codeOfBytes(bytes, fieldStart, p);
        } else {
          // Inline fast path for [-]digits[.digits] with an exactly representable mantissa.
          const fieldStart = p;
          let negative = false;
          if (b === MINUS) {
            negative = true;
            b = bytes[++p];
          }
          const digitsStart = p;
          let mantissa = 0;
          while (b >= 48 && b <= 57) {
            mantissa = mantissa * 10 + (b - 48);
            b = bytes[++p];
          }
          let fractionDigits = 0;
          let digitCount = p - digitsStart;
          if (b === DOT) {
            b = bytes[++p];
            const fractionStart = p;
            while (b >= 48 && b <= 57) {
              mantissa = mantissa * 10 + (b - 48);
              b = bytes[++p];
            }
            fractionDigits = p - fractionStart;
            digitCount += fractionDigits;
          }
          const builder = builders[slot];
          if (
            (b === COMMA || b === LF || b === CR) &&
            digitCount > 0 &&
            mantissa <= MAX_EXACT_INTEGER &&
            fractionDigits <= 22 &&
            builder.kind === "numeric"
          ) {
            const magnitude = fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
            builder.values[row] = negative ? -magnitude : magnitude;
          } else if ((b === COMMA || b === LF || b === CR) && digitCount > 0 && builder.kind === "numeric") {
            const magnitude = parsePlainDecimal(bytes, digitsStart, p, fractionDigits); // a long mantissa
            builder.values[row] = negative ? -magnitude : magnitude;
          } else {
            while (b !== COMMA && b !== LF && b !== CR) b = bytes[++p];
            this.storeBytes(builder, row, bytes, fieldStart, p, line + breaks, column);
          }
        }
        column++;
        if (b === COMMA) {
          b = bytes[++p];
          continue;
        }
        p = skipLineBreak(bytes, p);
        break;
      }
      if (column !== columnCount) this.fieldCountError(bytes, recordStart, safeEnd, line);
      line += 1 + breaks;
      row++;
      this.rowsSeen++;
      if (row === batchRows) {
        this.row = row;
        this.line = line;
        this.emitBatch();
        row = 0;
        capacity = builders.length > 0 ? builders[0].capacity : Infinity;
      }
    }
    this.row = row;
    this.line = line;
    return p;
  }

  /**
   * Reads the quoted field starting at p (on its opening quote) into `quotedText` and returns the
   * index just after the closing quote, or −1 when the field runs past safeEnd (more data needed).
   */
  private readQuoted(
    bytes: Buffer,
    p: number,
    safeEnd: number,
    eof: boolean,
    line: number,
    column: number,
    where: string | undefined,
  ): number {
    const open = p;
    let breaks = 0;
    let escapes = false;
    p++;
    for (;;) {
      const next = bytes.indexOf(QUOTE, p);
      const stop = next < 0 || next >= safeEnd ? safeEnd : next;
      for (let i = p; i < stop; i++) {
        const c = bytes[i];
        if (c === LF) breaks++;
        else if (c === CR && bytes[i + 1] !== LF) breaks++;
      }
      if (stop === safeEnd) {
        if (!eof) return -1;
        throw new UserError(
          `${this.file}:${line}: the quoted field in column ${this.columnLabel(column, where)} is never closed; add the closing quote (") or double any quote inside the field ("").`,
          { file: this.file, line, column: this.columnName(column) },
        );
      }
      p = next + 1;
      if (bytes[p] === QUOTE) {
        // an escaped quote
        escapes = true;
        p++;
        continue;
      }
      const after = bytes[p];
      if (after !== COMMA && after !== LF && after !== CR) {
        throw new UserError(
          `${this.file}:${line + breaks}: unexpected text after the closing quote in column ${this.columnLabel(column, where)}; a quote inside a quoted field must be doubled ("").`,
          { file: this.file, line: line + breaks, column: this.columnName(column) },
        );
      }
      let text = bytes.toString("utf8", open + 1, next);
      if (escapes) text = text.replaceAll('""', '"');
      this.quotedText = text;
      this.quotedBreaks = breaks;
      return p;
    }
  }

  /** The general path for an unquoted field: missing, any number form, or text. */
  private storeBytes(
    builder: ColumnBuilder,
    row: number,
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    column: number,
  ): void {
    if (builder.kind === "numeric") {
      const value = parseNumberBytes(bytes, start, end);
      if (value === value || isMissingBytes(bytes, start, end)) {
        builder.values[row] = value;
        return;
      }
      this.notANumber(builder, row, bytes.toString("utf8", start, end), line, column);
    }
    builder.codes[row] = builder.codeOfBytes(bytes, start, end);
  }

  /** The same for a quoted field's text. */
  private storeText(builder: ColumnBuilder, row: number, text: string, line: number, column: number): void {
    if (builder.kind === "numeric") {
      const value = parseNumberText(text);
      if (value === value || isMissingText(text)) {
        builder.values[row] = value;
        return;
      }
      this.notANumber(builder, row, text, line, column);
    }
    builder.codes[row] = builder.codeOfText(text);
  }

  /** A non-number in a numeric column: an error when forced numeric, else the column turns categorical. */
  private notANumber(builder: ColumnBuilder, row: number, text: string, line: number, column: number): void {
    if (builder.forced === "numeric") {
      throw new UserError(
        `${this.file}:${line}: column ${column + 1} ("${builder.name}") holds ${JSON.stringify(text)}, which is not a number, but its type is set to numeric; fix the value, leave it empty for a missing value, or set the column's type to categorical.`,
        { file: this.file, line, column: builder.name },
      );
    }
    builder.promote(row, line, text);
  }

  private growColumns(row: number, bytesInChunk: number): number {
    const batchRows = this.options.batchRows;
    let target = row * 2;
    const sizeHint = this.options.sizeHint;
    const consumed = this.bytesConsumed + bytesInChunk;
    if (sizeHint !== undefined && consumed > 0 && row > 0) {
      const projected = Math.ceil(((row * sizeHint) / consumed) * 1.05) + 1024;
      target = Math.max(projected, Math.ceil(row * 1.25));
    }
    target = Math.min(Math.max(target, INITIAL_CAPACITY), batchRows);
    for (const builder of this.builders) builder.grow(target, row);
    return target;
  }

  private emitBatch(): void {
    const rowCount = this.row;
    const nextCapacity = this.options.batchRows === Infinity ? 0 : Math.min(this.options.batchRows, INITIAL_CAPACITY);
    const promotions = this.builders.flatMap((builder) => (builder.promotion ? [builder.promotion] : []));
    const columns = this.builders.map((builder) => builder.finish(rowCount, nextCapacity, this.options.trim !== false));
    const lines = this.lines ? { lines: this.lines.slice(0, rowCount) } : {};
    this.options.onBatch({
      columns,
      rowCount,
      firstLine: rowCount > 0 ? this.batchFirstLine : 0,
      promotions,
      ...lines,
    });
    this.row = 0;
  }

  private fieldCountError(bytes: Buffer, recordStart: number, safeEnd: number, line: number): never {
    const fields = countFields(bytes, recordStart, safeEnd);
    const expected = this.slots.length;
    throw new UserError(
      `${this.file}:${line}: this row has ${fields} field${fields === 1 ? "" : "s"} but the header has ${expected}; ${fields > expected ? "quote fields that contain commas" : "add the missing fields (leave them empty for missing values)"} so every row has ${expected}.`,
      { file: this.file, line },
    );
  }

  /**
   * The error for bytes[0, end): the start of one record (or the header) that reached `limit`
   * bytes without ending. Names its line and the field still going at the end.
   */
  recordTooLong(bytes: Buffer, end: number, limit: number): UserError {
    if (this.header === undefined) return recordTooLong(this.file, this.line, limit, "the header row");
    let p = 0;
    if (this.rowsSeen === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) p = 3;
    let line = this.line;
    while (p < end && (bytes[p] === LF || bytes[p] === CR)) {
      // blank lines before the record
      p = skipLineBreak(bytes, p);
      line++;
    }
    const column = countFields(bytes, p, end);
    return recordTooLong(
      this.file,
      line,
      limit,
      `the field in column ${this.columnLabel(column, undefined)}`,
      this.columnName(column),
    );
  }

  private columnName(column: number): string | number {
    return this.header?.[column - 1] ?? column;
  }

  private columnLabel(column: number, where: string | undefined): string {
    const name = this.header?.[column - 1];
    return name === undefined ? `${column}${where ? ` of the ${where}` : ""}` : `${column} ("${name}")`;
  }
}

function skipLineBreak(bytes: Buffer, p: number): number {
  if (bytes[p] === CR && bytes[p + 1] === LF) return p + 2;
  return p + 1;
}

/** Fields in the record at p, honouring quotes (for error messages only). */
function countFields(bytes: Buffer, p: number, end: number): number {
  let fields = 1;
  let quoted = false;
  for (; p < end; p++) {
    const c = bytes[p];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === COMMA) fields++;
    else if (!quoted && (c === LF || c === CR)) break;
  }
  return fields;
}
