/**
 * Exact decimal-to-double parsing straight from bytes, so the CSV reader never builds a string for
 * an ordinary number. Every result is the double `Number(text)` gives (the correctly rounded one):
 * the fast paths below are exact by construction, and anything they cannot prove falls back to
 * `Number()` itself.
 *
 * Accepted text (what pandas' C parser accepts as a float, minus locale quirks):
 *   [spaces] [+|-] (digits [. digits*] | . digits) [(e|E) [+|-] digits] [spaces]
 *   [spaces] [+|-] (inf | infinity)  (any letter case)  → ±Infinity
 * Anything else (hex, "1_000", "NaN", "") is not a number: the result is NaN, and the caller decides
 * whether the text is a missing-value token or a category.
 *
 * Formula source: W. D. Clinger, "How to read floating point numbers accurately" (PLDI 1990),
 * fast path: when the decimal mantissa w ≤ 2^53 and |q| ≤ 22, both w and 10^|q| are exact doubles,
 * so the single IEEE operation w·10^q or w/10^-q is correctly rounded. For 16–19-digit mantissas
 * (what `repr` of a float64 usually prints) a candidate r is checked exactly with Dekker's
 * error-free products: r is accepted only when |w·10^q − r| < ulp(r)/2 holds with a wide margin.
 *
 * Worked example: "-12.5e-1" → w = 125, q = −2, result −125/100 = −1.25.
 * "0.17486937902867794" → w = 17486937902867794 (17 digits > 2^53), q = −17: the long path.
 */

const MAX_EXACT_INTEGER = 9007199254740991; // 2^53 − 1
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const SPLITTER = 134217729; // 2^27 + 1, Dekker's split constant

/** Dekker halves of each power of ten (high + low = 10^i exactly, each with ≤ 26 significant bits). */
const POWER_HIGH: readonly number[] = POWERS_OF_TEN.map((p) => SPLITTER * p - (SPLITTER * p - p));
const POWER_LOW: readonly number[] = POWERS_OF_TEN.map((p, i) => p - POWER_HIGH[i]);

const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Parses bytes[start, end) as a number; NaN when the text is not a number (see the grammar above). */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
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
  if (c === 105 || c === 73) return isInfinityWord(bytes, p, end) ? (negative ? -Infinity : Infinity) : NaN;

  // The first 15 significant digits go to `high` and the next 4 to `low`, both exact integers;
  // the mantissa is high·10^lowDigits + low. More than 19 significant digits: Number() decides.
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
      } else exponent++; // digit beyond the 19th: remembered only by its count, forces the fallback
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
      if (written < 100000) written = written * 10 + (c - ZERO);
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

/**
 * The value of bytes[start, end) known to be plain decimal digits with at most one ".", holding
 * `fractionDigits` digits after it and at least one digit: the CSV reader's shortcut for long
 * mantissas it has already scanned (same result as parseNumberBytes on the same text).
 */
export function parsePlainDecimal(bytes: Uint8Array, start: number, end: number, fractionDigits: number): number {
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let significant = 0;
  for (let p = start; p < end; p++) {
    const c = bytes[p];
    if (c === DOT || (significant === 0 && c === ZERO)) continue;
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

/**
 * The correctly rounded value of (high·10^lowDigits + low)·10^exponent for a mantissa w in
 * (2^53, 10^19) and |exponent| ≤ 22, or NaN when it lies too close to a rounding tie to be sure.
 *
 * Method: w = s + t exactly (s a double, t a small integer); q0 = fl(s ∘ P) with P = 10^|exponent|;
 * the correction q1 = (exact − q0) is computed with error-free products to ~2^-43 of an ulp; then
 * r = fl(q0 + q1) is the correctly rounded result unless q0 + q1 sits within 2^-20 ulp of a tie,
 * which the test `r + e·(1 + 2^-20) === r` (e the exact rounding error of q0 + q1) detects.
 */
function longMantissaValue(high: number, lowDigits: number, low: number, exponent: number): number {
  const scale = POWERS_OF_TEN[lowDigits];
  const product = high * scale;
  let split = SPLITTER * high;
  const highHigh = split - (split - high);
  const productError = highHigh * scale - product + (high - highHigh) * scale; // exact: scale < 2^14
  const s = product + low;
  const t = product - s + low + productError; // exact: all terms are integers below 2^53

  const index = exponent < 0 ? -exponent : exponent;
  const power = POWERS_OF_TEN[index];
  const powerHigh = POWER_HIGH[index];
  const powerLow = POWER_LOW[index];
  let q0: number;
  let q1: number;
  if (exponent < 0) {
    q0 = s / power;
    const qp = q0 * power;
    split = SPLITTER * q0;
    const q0High = split - (split - q0);
    const q0Low = q0 - q0High;
    const qpError = q0High * powerHigh - qp + q0High * powerLow + q0Low * powerHigh + q0Low * powerLow;
    q1 = (s - qp - qpError + t) / power; // s − qp is exact (Sterbenz)
  } else {
    q0 = s * power;
    split = SPLITTER * s;
    const sHigh = split - (split - s);
    const sLow = s - sHigh;
    const spError = sHigh * powerHigh - q0 + sHigh * powerLow + sLow * powerHigh + sLow * powerLow;
    q1 = spError + t * power;
  }
  const r = q0 + q1;
  const e = q1 - (r - q0); // exact (Fast2Sum, |q1| ≤ |q0|)
  return r + e * 1.00000095367431640625 === r ? r : NaN;
}

/** "inf" or "infinity" in any letter case, as pandas reads them. */
function isInfinityWord(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length !== 3 && length !== 8) return false;
  const word = "infinity";
  for (let i = 0; i < length; i++) {
    if ((bytes[start + i] | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** The bytes as text (one char per byte); Buffer decodes any length, unlike fromCharCode.apply. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}

/** Parses a JavaScript string with the same grammar (for JSON string values forced numeric). */
export function parseNumberText(text: string): number {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return NaN;
    bytes[i] = code;
  }
  return parseNumberBytes(bytes, 0, bytes.length);
}
