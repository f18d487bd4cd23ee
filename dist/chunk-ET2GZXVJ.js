import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-G5TKV47H.js";

// src/data/delimiter-hint.ts
var CANDIDATES = [
  { char: ";", shown: "';'" },
  { char: "	", shown: "tab" },
  { char: "|", shown: "'|'" }
];
function otherDelimiter(header) {
  if (header.length !== 1) return void 0;
  for (const { char, shown } of CANDIDATES) {
    const names = header[0].split(char).map((n) => n.trim());
    if (names.length >= 2 && names.every((n) => n !== "")) return { shown, names };
  }
  return void 0;
}

// src/data/missing-values.ts
var MISSING_VALUE_TEXTS = /* @__PURE__ */ new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null"
]);
var LONGEST = 8;
function isMissingText(text) {
  return text.length <= LONGEST && MISSING_VALUE_TEXTS.has(text);
}
function isMissingBytes(bytes, start, end) {
  const length = end - start;
  if (length === 0) return true;
  if (length > LONGEST) return false;
  return MISSING_VALUE_TEXTS.has(String.fromCharCode.apply(null, bytes.subarray(start, end)));
}

// src/data/column-builder.ts
var ColumnBuilder = class {
  /** `verbatim`: missing-value texts become categories as written (see BatchReadOptions). */
  constructor(name, forced, capacity, verbatim = false) {
    this.name = name;
    this.verbatim = verbatim;
    this.forced = forced;
    this.kind = forced ?? "numeric";
    this.capacity = capacity;
    this.values = this.kind === "numeric" ? new Float64Array(capacity) : EMPTY_VALUES;
    this.codes = this.kind === "categorical" ? new Int32Array(capacity) : EMPTY_CODES;
  }
  name;
  verbatim;
  kind;
  forced;
  values;
  codes;
  categories = [];
  index = /* @__PURE__ */ new Map();
  byteIndex = /* @__PURE__ */ new Map();
  capacity;
  /** Set when this column turned categorical during the current batch after holding numbers. */
  promotion;
  /** Whether an earlier batch delivered this column numeric with at least one value. */
  deliveredNumbers = false;
  /** Makes room for at least `rows` rows, keeping the first `used`. */
  grow(rows, used) {
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
  codeOfText(text) {
    return !this.verbatim && isMissingText(text) ? -1 : this.code(text);
  }
  /** The dictionary code of `text`, adding it on first sight (codes follow first appearance). */
  code(text) {
    let code = this.index.get(text);
    if (code === void 0) {
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
  codeOfBytes(bytes, start, end) {
    let hash = 2166136261;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
    const known = this.byteIndex.get(hash);
    if (known !== void 0 && known.bytes.length === end - start) {
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
    const code = !this.verbatim && isMissingBytes(bytes, start, end) ? -1 : this.code(bytes.toString("utf8", start, end));
    if (known === void 0)
      this.byteIndex.set(hash, { bytes: Uint8Array.prototype.slice.call(bytes, start, end), code });
    return code;
  }
  /** Turns this numeric column categorical at `row` (rows before it already hold numbers). */
  promote(row, line, value) {
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
    if (numbersBefore > 0 || this.deliveredNumbers) this.promotion = { column: this.name, line, value, numbersBefore };
  }
  /** The finished column for rows [0, rowCount); the builder starts an empty batch afterwards. */
  finish(rowCount, nextCapacity, trimSpare = true) {
    let column;
    if (this.kind === "numeric") {
      column = {
        kind: "numeric",
        name: this.name,
        values: trimSpare ? trim(this.values, rowCount) : this.values.subarray(0, rowCount)
      };
      if (!this.deliveredNumbers) this.deliveredNumbers = column.values.some((x) => x === x);
      this.values = new Float64Array(nextCapacity);
    } else {
      column = {
        kind: "categorical",
        name: this.name,
        codes: trimSpare ? trim(this.codes, rowCount) : this.codes.subarray(0, rowCount),
        categories: this.categories
      };
      this.codes = new Int32Array(nextCapacity);
      this.categories = [];
      this.index = /* @__PURE__ */ new Map();
      this.byteIndex = /* @__PURE__ */ new Map();
    }
    this.capacity = nextCapacity;
    this.promotion = void 0;
    return column;
  }
};
var EMPTY_VALUES = new Float64Array(0);
var EMPTY_CODES = new Int32Array(0);
function trim(array, length) {
  if (array.length === length) return array;
  if (array.length - length <= array.length / 8) return array.subarray(0, length);
  return array.slice(0, length);
}

// src/data/parse-number.ts
var MAX_EXACT_INTEGER = 9007199254740991;
var POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
var SPLITTER = 134217729;
var POWER_HIGH = POWERS_OF_TEN.map((p) => SPLITTER * p - (SPLITTER * p - p));
var POWER_LOW = POWERS_OF_TEN.map((p, i) => p - POWER_HIGH[i]);
var SPACE = 32;
var TAB = 9;
var PLUS = 43;
var MINUS = 45;
var DOT = 46;
var ZERO = 48;
var NINE = 57;
function parseNumberBytes(bytes, start, end) {
  let p = start;
  while (p < end && (bytes[p] === SPACE || bytes[p] === TAB)) p++;
  while (end > p && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  if (p === end) return NaN;
  const textStart = p;
  let negative = false;
  let c = bytes[p];
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    if (++p === end) return NaN;
    c = bytes[p];
  }
  if (c === 105 || c === 73) return isInfinityWord(bytes, p, end) ? negative ? -Infinity : Infinity : NaN;
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let significant = 0;
  let exponent = 0;
  let digits = 0;
  while (p < end && (c = bytes[p]) >= ZERO && c <= NINE) {
    if (significant > 0 || c !== ZERO) {
      if (significant < 15) high = high * 10 + (c - ZERO);
      else if (significant < 19) {
        low = low * 10 + (c - ZERO);
        lowDigits++;
      } else exponent++;
      significant++;
    }
    digits++;
    p++;
  }
  if (p < end && bytes[p] === DOT) {
    p++;
    while (p < end && (c = bytes[p]) >= ZERO && c <= NINE) {
      if (significant > 0 || c !== ZERO) {
        if (significant < 15) high = high * 10 + (c - ZERO);
        else if (significant < 19) {
          low = low * 10 + (c - ZERO);
          lowDigits++;
        } else exponent++;
        significant++;
      }
      exponent--;
      digits++;
      p++;
    }
  }
  if (digits === 0) return NaN;
  if (p < end && (bytes[p] === 101 || bytes[p] === 69)) {
    p++;
    let exponentNegative = false;
    if (p < end && (bytes[p] === MINUS || bytes[p] === PLUS)) exponentNegative = bytes[p++] === MINUS;
    const exponentStart = p;
    let written = 0;
    while (p < end && (c = bytes[p]) >= ZERO && c <= NINE) {
      if (written < 1e5) written = written * 10 + (c - ZERO);
      p++;
    }
    if (p === exponentStart) return NaN;
    exponent += exponentNegative ? -written : written;
  }
  if (p !== end) return NaN;
  if (significant === 0) return negative ? -0 : 0;
  let magnitude = NaN;
  if (significant <= 19 && exponent >= -22 && exponent <= 22) {
    const mantissa = lowDigits === 0 ? high : high * POWERS_OF_TEN[lowDigits] + low;
    if (mantissa <= MAX_EXACT_INTEGER) {
      magnitude = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
    } else {
      magnitude = longMantissaValue(high, lowDigits, low, exponent);
    }
  }
  if (magnitude !== magnitude) {
    return Number(latin1(bytes, textStart, end));
  }
  return negative ? -magnitude : magnitude;
}
function parsePlainDecimal(bytes, start, end, fractionDigits) {
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let significant = 0;
  for (let p = start; p < end; p++) {
    const c = bytes[p];
    if (c === DOT || significant === 0 && c === ZERO) continue;
    if (significant < 15) high = high * 10 + (c - ZERO);
    else if (significant < 19) {
      low = low * 10 + (c - ZERO);
      lowDigits++;
    }
    significant++;
  }
  if (significant === 0) return 0;
  if (significant <= 19 && fractionDigits <= 22) {
    const mantissa = lowDigits === 0 ? high : high * POWERS_OF_TEN[lowDigits] + low;
    if (mantissa <= MAX_EXACT_INTEGER) return mantissa / POWERS_OF_TEN[fractionDigits];
    const value = longMantissaValue(high, lowDigits, low, -fractionDigits);
    if (value === value) return value;
  }
  return Number(latin1(bytes, start, end));
}
function longMantissaValue(high, lowDigits, low, exponent) {
  const scale = POWERS_OF_TEN[lowDigits];
  const product = high * scale;
  let split = SPLITTER * high;
  const highHigh = split - (split - high);
  const productError = highHigh * scale - product + (high - highHigh) * scale;
  const s = product + low;
  const t = product - s + low + productError;
  const index = exponent < 0 ? -exponent : exponent;
  const power = POWERS_OF_TEN[index];
  const powerHigh = POWER_HIGH[index];
  const powerLow = POWER_LOW[index];
  let q0;
  let q1;
  if (exponent < 0) {
    q0 = s / power;
    const qp = q0 * power;
    split = SPLITTER * q0;
    const q0High = split - (split - q0);
    const q0Low = q0 - q0High;
    const qpError = q0High * powerHigh - qp + q0High * powerLow + q0Low * powerHigh + q0Low * powerLow;
    q1 = (s - qp - qpError + t) / power;
  } else {
    q0 = s * power;
    split = SPLITTER * s;
    const sHigh = split - (split - s);
    const sLow = s - sHigh;
    const spError = sHigh * powerHigh - q0 + sHigh * powerLow + sLow * powerHigh + sLow * powerLow;
    q1 = spError + t * power;
  }
  const r = q0 + q1;
  const e = q1 - (r - q0);
  return r + e * 1.0000009536743164 === r ? r : NaN;
}
function isInfinityWord(bytes, start, end) {
  const length = end - start;
  if (length !== 3 && length !== 8) return false;
  const word = "infinity";
  for (let i = 0; i < length; i++) {
    if ((bytes[start + i] | 32) !== word.charCodeAt(i)) return false;
  }
  return true;
}
function latin1(bytes, start, end) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
function parseNumberText(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return NaN;
    bytes[i] = code;
  }
  return parseNumberBytes(bytes, 0, bytes.length);
}

// src/data/record-limit.ts
var MAX_RECORD_BYTES = 128 * 1024 * 1024;
function formatBytes(bytes) {
  return bytes >= 1 << 20 ? `${+(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1 << 10 ? `${+(bytes / (1 << 10)).toFixed(1)} KiB` : `${bytes} bytes`;
}
function recordTooLong(file, line, limit, what, column) {
  return new UserError(
    `${file}:${line}: ${what} is longer than ${formatBytes(limit)} and has not ended: modelkeeper reads rows of up to ${formatBytes(limit)}. If it should be short, a quote is probably left open at or before this line: close it (a quote inside a quoted field is written ""). Otherwise shorten the field, or leave the column out of the file.`,
    { file, line, column }
  );
}

// src/data/csv-parser.ts
var COMMA = 44;
var QUOTE = 34;
var LF = 10;
var CR = 13;
var MINUS2 = 45;
var DOT2 = 46;
var MAX_EXACT_INTEGER2 = 9007199254740991;
var POWERS_OF_TEN2 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
var INITIAL_CAPACITY = 4096;
var CsvParser = class {
  constructor(file, options) {
    this.file = file;
    this.options = options;
    if (options.withLines) this.lines = [];
    if (options.header) {
      this.setHeader([...options.header], 1);
      this.started = true;
    }
  }
  file;
  options;
  /** Header names, once the header has been read. */
  header;
  /** Builders for the selected columns, in file order. */
  builders = [];
  slots = new Int32Array(0);
  // file column → builder index, −1 when not selected
  row = 0;
  line = 1;
  // line of the next record
  batchFirstLine = 0;
  bytesConsumed = 0;
  rowsSeen = 0;
  started = false;
  /** Physical line breaks inside the quoted field parsed last. */
  quotedBreaks = 0;
  quotedText = "";
  /** With `withLines`: the line of each row of the current batch. */
  lines;
  /** The line the next record starts on (after the last consumed record). */
  get nextLine() {
    return this.line;
  }
  /**
   * Parses the whole records in bytes[0, dataEnd) and returns how many bytes it consumed; the
   * caller keeps the rest for the next call. With `eof`, everything must be consumed, so `bytes`
   * needs one spare byte after dataEnd (a line break is written there if the file lacks a last one).
   */
  consume(bytes, dataEnd, eof) {
    let p = 0;
    if (!this.started) {
      if (dataEnd < 3 && !eof) return 0;
      this.started = true;
      if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) p = 3;
    }
    if (eof && dataEnd > p && bytes[dataEnd - 1] !== LF && bytes[dataEnd - 1] !== CR) {
      bytes[dataEnd++] = LF;
    }
    let safeEnd;
    if (eof) {
      safeEnd = dataEnd;
    } else {
      safeEnd = bytes.lastIndexOf(LF, dataEnd - 1) + 1;
      if (safeEnd <= p && dataEnd >= 2) safeEnd = bytes.lastIndexOf(CR, dataEnd - 2) + 1;
      if (safeEnd <= p) return this.consumed(p);
    }
    if (this.header === void 0) {
      const start = p;
      p = this.readHeader(bytes, p, safeEnd, eof);
      if (p < 0) return this.consumed(start);
    }
    return this.consumed(this.readRecords(bytes, p, safeEnd, eof));
  }
  consumed(bytes) {
    this.bytesConsumed += bytes;
    return bytes;
  }
  /** Emits the last batch; call after the final `consume(…, eof=true)`. */
  finish() {
    if (this.header === void 0) {
      throw new UserError(`${this.file}: the file is empty; a CSV file needs a header row naming its columns.`, {
        file: this.file,
        line: 1
      });
    }
    if (this.row > 0 || this.rowsSeen === 0) this.emitBatch();
  }
  readHeader(bytes, start, safeEnd, eof) {
    let p = start;
    let headerLine = this.line;
    while (p < safeEnd && (bytes[p] === LF || bytes[p] === CR)) {
      p = skipLineBreak(bytes, p);
      headerLine++;
    }
    if (p >= safeEnd) {
      if (eof)
        throw new UserError(`${this.file}: the file is empty; a CSV file needs a header row naming its columns.`, {
          file: this.file,
          line: 1
        });
      return -1;
    }
    const fields = [];
    let breaks = 0;
    for (; ; ) {
      let text;
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
  setHeader(names, line) {
    const other = otherDelimiter(names);
    if (other) {
      throw new UserError(
        `${this.file}:${line}: the header is one column, "${names[0]}", which looks like ${other.shown}-separated (${other.names.length} columns: ${other.names.slice(0, 5).join(", ")}${other.names.length > 5 ? ", ..." : ""}). modelkeeper reads comma-separated CSV (RFC 4180): write the file with commas (pandas: df.to_csv(path, index=False); Excel: "CSV UTF-8 (Comma delimited)").`,
        { file: this.file, line, column: 1 }
      );
    }
    const seen = /* @__PURE__ */ new Map();
    names.forEach((name, i) => {
      if (name.trim() === "") {
        throw new UserError(
          `${this.file}:${line}: column ${i + 1} of the header has no name; give every column a name in the first row.`,
          { file: this.file, line, column: i + 1 }
        );
      }
      const earlier = seen.get(name);
      if (earlier !== void 0) {
        throw new UserError(
          `${this.file}:${line}: column ${i + 1} of the header repeats the name "${name}" of column ${earlier + 1}; rename one of them.`,
          { file: this.file, line, column: i + 1 }
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
          { file: this.file, line, column: missing[0] }
        );
      }
    }
    const selected = wanted ? new Set(wanted) : void 0;
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
  readRecords(bytes, start, safeEnd, eof) {
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
        p = skipLineBreak(bytes, p);
        line++;
        continue;
      }
      if (row === capacity) capacity = this.growColumns(row, p - start);
      if (row === 0) this.batchFirstLine = line;
      if (this.lines) this.lines[row] = line;
      let breaks = 0;
      let column = 0;
      for (; ; ) {
        if (column === columnCount) this.fieldCountError(bytes, recordStart, safeEnd, line);
        const slot = slots[column];
        if (b === QUOTE) {
          const end = this.readQuoted(bytes, p, safeEnd, eof, line + breaks, column + 1, void 0);
          if (end < 0) {
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
          const fieldStart = p;
          let negative = false;
          if (b === MINUS2) {
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
          if (b === DOT2) {
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
          if ((b === COMMA || b === LF || b === CR) && digitCount > 0 && mantissa <= MAX_EXACT_INTEGER2 && fractionDigits <= 22 && builder.kind === "numeric") {
            const magnitude = fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN2[fractionDigits];
            builder.values[row] = negative ? -magnitude : magnitude;
          } else if ((b === COMMA || b === LF || b === CR) && digitCount > 0 && builder.kind === "numeric") {
            const magnitude = parsePlainDecimal(bytes, digitsStart, p, fractionDigits);
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
  readQuoted(bytes, p, safeEnd, eof, line, column, where) {
    const open2 = p;
    let breaks = 0;
    let escapes = false;
    p++;
    for (; ; ) {
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
          { file: this.file, line, column: this.columnName(column) }
        );
      }
      p = next + 1;
      if (bytes[p] === QUOTE) {
        escapes = true;
        p++;
        continue;
      }
      const after = bytes[p];
      if (after !== COMMA && after !== LF && after !== CR) {
        throw new UserError(
          `${this.file}:${line + breaks}: unexpected text after the closing quote in column ${this.columnLabel(column, where)}; a quote inside a quoted field must be doubled ("").`,
          { file: this.file, line: line + breaks, column: this.columnName(column) }
        );
      }
      let text = bytes.toString("utf8", open2 + 1, next);
      if (escapes) text = text.replaceAll('""', '"');
      this.quotedText = text;
      this.quotedBreaks = breaks;
      return p;
    }
  }
  /** The general path for an unquoted field: missing, any number form, or text. */
  storeBytes(builder, row, bytes, start, end, line, column) {
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
  storeText(builder, row, text, line, column) {
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
  notANumber(builder, row, text, line, column) {
    if (builder.forced === "numeric") {
      throw new UserError(
        `${this.file}:${line}: column ${column + 1} ("${builder.name}") holds ${JSON.stringify(text)}, which is not a number, but its type is set to numeric; fix the value, leave it empty for a missing value, or set the column's type to categorical.`,
        { file: this.file, line, column: builder.name }
      );
    }
    builder.promote(row, line, text);
  }
  growColumns(row, bytesInChunk) {
    const batchRows = this.options.batchRows;
    let target = row * 2;
    const sizeHint = this.options.sizeHint;
    const consumed = this.bytesConsumed + bytesInChunk;
    if (sizeHint !== void 0 && consumed > 0 && row > 0) {
      const projected = Math.ceil(row * sizeHint / consumed * 1.05) + 1024;
      target = Math.max(projected, Math.ceil(row * 1.25));
    }
    target = Math.min(Math.max(target, INITIAL_CAPACITY), batchRows);
    for (const builder of this.builders) builder.grow(target, row);
    return target;
  }
  emitBatch() {
    const rowCount = this.row;
    const nextCapacity = this.options.batchRows === Infinity ? 0 : Math.min(this.options.batchRows, INITIAL_CAPACITY);
    const promotions = this.builders.flatMap((builder) => builder.promotion ? [builder.promotion] : []);
    const columns = this.builders.map((builder) => builder.finish(rowCount, nextCapacity, this.options.trim !== false));
    const lines = this.lines ? { lines: this.lines.slice(0, rowCount) } : {};
    this.options.onBatch({
      columns,
      rowCount,
      firstLine: rowCount > 0 ? this.batchFirstLine : 0,
      promotions,
      ...lines
    });
    this.row = 0;
  }
  fieldCountError(bytes, recordStart, safeEnd, line) {
    const fields = countFields(bytes, recordStart, safeEnd);
    const expected = this.slots.length;
    throw new UserError(
      `${this.file}:${line}: this row has ${fields} field${fields === 1 ? "" : "s"} but the header has ${expected}; ${fields > expected ? "quote fields that contain commas" : "add the missing fields (leave them empty for missing values)"} so every row has ${expected}.`,
      { file: this.file, line }
    );
  }
  /**
   * The error for bytes[0, end): the start of one record (or the header) that reached `limit`
   * bytes without ending. Names its line and the field still going at the end.
   */
  recordTooLong(bytes, end, limit) {
    if (this.header === void 0) return recordTooLong(this.file, this.line, limit, "the header row");
    let p = 0;
    if (this.rowsSeen === 0 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) p = 3;
    let line = this.line;
    while (p < end && (bytes[p] === LF || bytes[p] === CR)) {
      p = skipLineBreak(bytes, p);
      line++;
    }
    const column = countFields(bytes, p, end);
    return recordTooLong(
      this.file,
      line,
      limit,
      `the field in column ${this.columnLabel(column, void 0)}`,
      this.columnName(column)
    );
  }
  columnName(column) {
    return this.header?.[column - 1] ?? column;
  }
  columnLabel(column, where) {
    const name = this.header?.[column - 1];
    return name === void 0 ? `${column}${where ? ` of the ${where}` : ""}` : `${column} ("${name}")`;
  }
};
function skipLineBreak(bytes, p) {
  if (bytes[p] === CR && bytes[p + 1] === LF) return p + 2;
  return p + 1;
}
function countFields(bytes, p, end) {
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

// src/data/open-file.ts
import { open } from "node:fs/promises";
async function openDataFile(path) {
  let handle;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    return { handle, size: stat.size };
  } catch (error) {
    await handle?.close();
    throw unreadableFile(path, error);
  }
}
function unreadableFile(path, error) {
  const code = error?.code;
  const reason = code === "ENOENT" ? "no such file; check the path (it is relative to the current directory) or create the file" : code === "EACCES" || code === "EPERM" ? "permission denied; make the file readable" : code === "EISDIR" ? "it is a directory; name a data file (.csv, .jsonl, .ndjson or .parquet) instead" : `it cannot be read (${error?.message ?? String(error)})`;
  return new UserError(`${path}: ${reason}.`, { file: path });
}

// src/data/csv-reader.ts
var DEFAULT_CHUNK_BYTES = 1 << 20;
async function* csvBatches(path, options = {}) {
  const { handle, size } = await openDataFile(path);
  const batchRows = options.batchRows ?? Infinity;
  const ready = [];
  const parser = new CsvParser(path, {
    columns: options.columns,
    requireColumns: options.requireColumns,
    types: options.types,
    verbatim: options.verbatim,
    withLines: options.withLines,
    batchRows,
    sizeHint: batchRows === Infinity ? size : void 0,
    onBatch: (batch) => ready.push(batch)
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
      options.maxRecordBytes
    )) {
      yield { ...batch, header: parser.header };
    }
  } finally {
    await handle.close();
  }
}
async function* feedRange(handle, path, parser, ready, start, end, chunkBytes, maxRecordBytes = MAX_RECORD_BYTES) {
  let buffer = Buffer.allocUnsafe(Math.max(4, Math.min(chunkBytes, end - start + 16)) + 1);
  let kept = 0;
  let position = start;
  for (; ; ) {
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
    while (ready.length > 0) yield ready.shift();
    if (eof) break;
    kept = dataEnd - consumed;
    if (consumed > 0) {
      buffer.copy(buffer, 0, consumed, dataEnd);
    } else if (kept === buffer.length - 1) {
      if (kept >= maxRecordBytes) throw parser.recordTooLong(buffer, kept, maxRecordBytes);
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxRecordBytes + 1));
      buffer.copy(larger, 0, 0, kept);
      buffer = larger;
    }
  }
  parser.finish();
  while (ready.length > 0) yield ready.shift();
}

export {
  MISSING_VALUE_TEXTS,
  isMissingText,
  ColumnBuilder,
  parseNumberText,
  MAX_RECORD_BYTES,
  recordTooLong,
  CsvParser,
  openDataFile,
  unreadableFile,
  DEFAULT_CHUNK_BYTES,
  csvBatches,
  feedRange
};
