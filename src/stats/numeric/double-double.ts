/**
 * Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles, giving about
 * 106 bits of significand. The one-sided Smirnov distribution (smirnov.ts) needs it to sum
 * binomial terms without losing the last digits, exactly as scipy's cephes port does.
 *
 * Algorithms: Dekker (1971) and Knuth's error-free transformations, as in the QD library of
 * Hida, Li and Bailey ("Library for double-double and quad-double arithmetic", 2007).
 * Worked example: add(fromNumber(1), fromNumber(1e-20)) is { hi: 1, lo: 1e-20 }, which a
 * plain double would round to 1.
 */

export interface DoubleDouble {
  readonly hi: number;
  readonly lo: number;
}

export const DD_ZERO: DoubleDouble = { hi: 0, lo: 0 };
export const DD_ONE: DoubleDouble = { hi: 1, lo: 0 };

export function fromNumber(value: number): DoubleDouble {
  return { hi: value, lo: 0 };
}

export function toNumber(value: DoubleDouble): number {
  return value.hi + value.lo;
}

/** s + e == a + b exactly, with |e| <= ulp(s)/2 (Knuth's TwoSum). */
function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  const e = a - (s - bb) + (b - bb);
  return { hi: s, lo: e };
}

/** Like twoSum, but requires |a| >= |b| (Dekker's FastTwoSum). */
function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_THRESHOLD = 6.69692879491417e299; // 2^996
const SPLIT_SCALE_DOWN = 3.7252902984e-9; // 2^-28
const SPLIT_SCALE_UP = 268435456; // 2^28

/** Splits a into two 26-bit halves so their products are exact (Veltkamp). */
function split(a: number): [number, number] {
  if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
    const scaled = a * SPLIT_SCALE_DOWN;
    const t = SPLITTER * scaled;
    const hi = t - (t - scaled);
    const lo = scaled - hi;
    return [hi * SPLIT_SCALE_UP, lo * SPLIT_SCALE_UP];
  }
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

/** p + e == a * b exactly (Dekker's TwoProduct; JavaScript has no fused multiply-add). */
export function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return { hi: p, lo: e };
}

export function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = quickTwoSum(s.hi, s.lo + t.hi);
  r = quickTwoSum(r.hi, r.lo + t.lo);
  return r;
}

export function addNumber(a: DoubleDouble, b: number): DoubleDouble {
  const s = twoSum(a.hi, b);
  return quickTwoSum(s.hi, s.lo + a.lo);
}

/** The exact sum of two doubles as a double-double. */
export function sumOfNumbers(a: number, b: number): DoubleDouble {
  return twoSum(a, b);
}

function negate(a: DoubleDouble): DoubleDouble {
  return { hi: -a.hi, lo: -a.lo };
}

export function subtract(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  return add(a, negate(b));
}

export function multiply(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const p = twoProduct(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

export function multiplyNumber(a: DoubleDouble, b: number): DoubleDouble {
  const p = twoProduct(a.hi, b);
  return quickTwoSum(p.hi, p.lo + a.lo * b);
}

export function divide(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const q1 = a.hi / b.hi;
  let r = subtract(a, multiplyNumber(b, q1));
  const q2 = r.hi / b.hi;
  r = subtract(r, multiplyNumber(b, q2));
  const q3 = r.hi / b.hi;
  return addNumber(quickTwoSum(q1, q2), q3);
}

/** The correctly rounded double-double quotient of two doubles. */
export function divideNumbers(a: number, b: number): DoubleDouble {
  const q1 = a / b;
  const p = twoProduct(q1, b);
  const d = twoSum(a, -p.hi);
  const q2 = (d.hi + (d.lo - p.lo)) / b;
  return quickTwoSum(q1, q2);
}

export function floor(a: DoubleDouble): DoubleDouble {
  const hi = Math.floor(a.hi);
  if (hi !== a.hi) return { hi, lo: 0 };
  return quickTwoSum(hi, Math.floor(a.lo));
}

/** 2^e for every e a normal double can hold, so ldexp is one multiplication. */
const POWERS_OF_TWO = (() => {
  const table = new Float64Array(2046);
  for (let e = -1022; e <= 1023; e++) table[e + 1022] = 2 ** e;
  return table;
})();

/** x * 2^exponent without intermediate overflow or underflow (C's ldexp). */
export function ldexpNumber(x: number, exponent: number): number {
  if (exponent >= -1022 && exponent <= 1023) return x * POWERS_OF_TWO[exponent + 1022];
  let result = x;
  let e = exponent;
  while (e > 1023) {
    result *= POWERS_OF_TWO[1023 + 1022];
    e -= 1023;
  }
  while (e < -1022) {
    result *= POWERS_OF_TWO[0];
    e += 1022;
  }
  return result * POWERS_OF_TWO[e + 1022];
}

const FREXP_BUFFER = new Float64Array(1);
const FREXP_WORDS = new Uint32Array(FREXP_BUFFER.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1

/** C's frexp: x = mantissa * 2^exponent with 0.5 <= |mantissa| < 1 (mantissa 0 for x = 0). */
export function frexpNumber(x: number): { mantissa: number; exponent: number } {
  if (x === 0 || !Number.isFinite(x)) return { mantissa: x, exponent: 0 };
  FREXP_BUFFER[0] = x;
  const biased = (FREXP_WORDS[HIGH_WORD] >>> 20) & 0x7ff;
  if (biased === 0) {
    // Subnormal: scale into the normal range first.
    const scaled = frexpNumber(x * POWERS_OF_TWO[64 + 1022]);
    return { mantissa: scaled.mantissa, exponent: scaled.exponent - 64 };
  }
  const exponent = biased - 1022;
  return { mantissa: x * POWERS_OF_TWO[-exponent + 1022], exponent };
}

export function frexp(a: DoubleDouble): { mantissa: DoubleDouble; exponent: number } {
  const { mantissa, exponent } = frexpNumber(a.hi);
  return { mantissa: { hi: mantissa, lo: ldexpNumber(a.lo, -exponent) }, exponent };
}

export function ldexp(a: DoubleDouble, exponent: number): DoubleDouble {
  return { hi: ldexpNumber(a.hi, exponent), lo: ldexpNumber(a.lo, exponent) };
}
