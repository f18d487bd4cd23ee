/**
 * The one-sided Smirnov distribution: the survival function of D+_n = sup (F(x) - F_n(x)),
 * i.e. scipy.special.smirnov(n, d). The two-sided KS p-value (kolmogorov-two-sided.ts) uses
 * 2 * smirnov(n, d) in its upper tail, where that doubling is exact or nearly so.
 *
 * Formula (Smirnov 1944; Birnbaum & Tingey 1951):
 *   P(D+_n >= d) = d * sum_{v=0}^{floor(n(1-d))} C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v).
 * Ported from scipy's cephes `kolmogorov.c` (van Mulbregt 2018, arXiv:1802.06966): terms in
 * double-double arithmetic with a separate binary exponent so that C(n,v) never overflows, a
 * short "upper sum" when only a few terms lie above n(1-d), early exit once the remaining terms
 * cannot change the sum, and an approximation for n above one million.
 * Worked example: smirnov(5, 0.5) sums v = 0, 1, 2:
 *   0.5 * (2 * 0.5^5 + 5 * 0.3^4 + 10 * 0.9 * 0.1^3) = 0.5 * (0.0625 + 0.0405 + 0.009) = 0.056.
 */
import {
  add,
  addNumber,
  DD_ONE,
  DD_ZERO,
  divide,
  divideNumbers,
  floor,
  fromNumber,
  frexp,
  ldexp,
  multiply,
  subtract,
  sumOfNumbers,
  toNumber,
  twoProduct,
  type DoubleDouble,
} from "../numeric/double-double.ts";

/** Cephes MINLOG: log(2^-1075); exp() of anything smaller is 0. */
const MINLOG = -7.451332191019412076235e2;
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
const SM_MAX_EXPONENT = 960;
const EPSILON = Number.EPSILON;

export interface SmirnovProbabilities {
  /** P(D+_n >= d) */
  readonly sf: number;
  /** P(D+_n < d) */
  readonly cdf: number;
}

/** scipy.special.smirnov(n, d): P(D+_n >= d). */
export function smirnovSurvival(n: number, d: number): number {
  return smirnovProbabilities(n, d).sf;
}

export function smirnovProbabilities(n: number, x: number): SmirnovProbabilities {
  if (!(n > 0 && x >= 0 && x <= 1) || !Number.isInteger(n)) return { sf: NaN, cdf: NaN };
  if (n === 1) return { sf: 1 - x, cdf: x };
  if (x === 0) return { sf: 1, cdf: 0 };
  if (x === 1) return { sf: 0, cdf: 1 };

  const { alpha, nxFloor } = fractionalPartOfNX(n, x);
  let lowerLast = n - nxFloor - (alpha === 0 ? 0 : 1); // floor(n(1-x)), exclusive of an exact hit
  let upperFirst = n - nxFloor; // ceil(n(1-x))
  if (alpha === 0) {
    lowerLast -= 1;
    upperFirst += 1;
  }

  // x <= 1/n: a single term.
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    const t = powOfSum(1, x, n - 1);
    const cdf = x * t;
    return { sf: 1 - cdf, cdf };
  }
  // The survival function underflows.
  if (-2 * n * x * x < MINLOG) return { sf: 0, cdf: 1 };
  // x >= 1 - 1/n: a single term.
  if (nxFloor >= n - 1) {
    const sf = powOfSum(1, -x, n);
    return { sf, cdf: 1 - sf };
  }
  // Too many terms: Miller's approximation p ~ exp(-(6nx+1)^2 / 18n).
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    if (logp < -Math.LN2) {
      const sf = Math.exp(logp);
      return { sf, cdf: 1 - sf };
    }
    const cdf = -Math.expm1(logp);
    return { sf: 1 - cdf, cdf };
  }

  const upperTermCount = n - upperFirst + 1;
  const useUpperSum =
    (upperTermCount <= 1 && x < 0.5) ||
    (n >= SM_UPPERSUM_MIN_N && upperTermCount <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  let start = 0;
  let step = 1;
  let termCount = lowerLast + 1;
  let binomialMantissa: DoubleDouble = DD_ONE;
  let binomialExponent = 0;
  let term: DoubleDouble;
  if (useUpperSum) {
    start = n;
    step = -1;
    termCount = n - upperFirst + 1;
    term = powDD(sumOfNumbers(1, x), n - 1);
  } else {
    term = divide(powDD(sumOfNumbers(1, -x), n), fromNumber(x));
  }
  let sum = add(DD_ZERO, term);
  ({ mantissa: binomialMantissa, exponent: binomialExponent } = nextBinomial(binomialMantissa, binomialExponent, n, 0));

  const vmid = Math.trunc(n / 2);
  for (let j = 1; j < termCount; j++) {
    const v = start + j * step;
    term = smirnovTerm(n, x, v, binomialMantissa, binomialExponent);
    const termValue = toNumber(term);
    if (Number.isFinite(termValue) && termValue !== 0) sum = add(sum, term);
    if (termValue !== 0) {
      if (4 * (termCount - j) * Math.abs(term.hi) < EPSILON * sum.hi && j !== termCount - 1) break;
    } else if (j > vmid) {
      break;
    }
    ({ mantissa: binomialMantissa, exponent: binomialExponent } = nextBinomial(
      binomialMantissa,
      binomialExponent,
      n,
      j,
    ));
  }
  const prob = toNumber(multiply(fromNumber(x), sum));
  const clip = (p: number) => Math.min(1, Math.max(0, p));
  if (step < 0) return { sf: clip(1 - prob), cdf: clip(prob) };
  return { sf: clip(prob), cdf: clip(1 - prob) };
}

/** floor(n*x) and its remainder computed exactly (n*x as a double-double). */
function fractionalPartOfNX(n: number, x: number): { alpha: number; nxFloor: number } {
  const nx = twoProduct(n, x);
  const nxFloorDD = floor(nx);
  let alpha = subtract(nx, nxFloorDD).hi;
  let nxFloor = Math.trunc(nxFloorDD.hi);
  if (alpha === 1) {
    nxFloor += 1;
    alpha = 0;
  }
  return { alpha, nxFloor };
}

/** C(n, j+1) from C(n, j), kept as mantissa in [0.5, 1) times 2^exponent. */
function nextBinomial(
  mantissa: DoubleDouble,
  exponent: number,
  n: number,
  j: number,
): { mantissa: DoubleDouble; exponent: number } {
  const ratio = divideNumbers(n - j, j + 1);
  const scaled = frexp(multiply(mantissa, ratio));
  return { mantissa: scaled.mantissa, exponent: exponent + scaled.exponent };
}

/** a^m for a double-double a: pow() of the high part, corrected for the low part. */
function powDD(a: DoubleDouble, m: number): DoubleDouble {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return divide(DD_ONE, powDD(a, -m));
  }
  if (a.hi === 0 && a.lo === 0) return DD_ZERO;
  const ans = Math.pow(a.hi, m);
  const r = a.lo / a.hi;
  let adjustment = m * r;
  if (Math.abs(adjustment) > 1e-8) {
    if (Math.abs(adjustment) < 1e-4) {
      adjustment += m * r * (((m - 1) / 2) * r);
    } else {
      adjustment = Math.expm1(m * Math.log1p(r));
    }
  }
  return sumOfNumbers(ans, ans * adjustment);
}

/** (a + b)^m rounded to a double. */
function powOfSum(a: number, b: number, m: number): number {
  return toNumber(powDD(sumOfNumbers(a, b), m));
}

/** cephes nextPowerOf2 (despite its name, |x| rounded up by one part in 2^52). */
function nextPowerOf2(x: number): number {
  const q = x * 2 ** -52;
  return Math.abs(q + x);
}

/** a^m as mantissa * 2^exponent, splitting the power so no intermediate underflows. */
function powScaled(a: DoubleDouble, m: number): { mantissa: DoubleDouble; exponent: number } {
  if (m <= 0) {
    if (m === 0) return { mantissa: DD_ONE, exponent: 0 };
    const inner = powScaled(a, -m);
    const inverted = frexp(divide(DD_ONE, inner.mantissa));
    return { mantissa: inverted.mantissa, exponent: -inner.exponent + inverted.exponent };
  }
  const { mantissa: y, exponent: yExponent } = frexp(a);
  if (m === 1) return { mantissa: y, exponent: yExponent };
  let maxExponent = SM_MAX_EXPONENT;
  if ((m * (y.hi - 1)) / y.hi < -SM_MAX_EXPONENT * Math.LN2) {
    const log2y = Math.log(y.hi) / Math.LN2;
    if (m * log2y <= -SM_MAX_EXPONENT) {
      maxExponent = Math.trunc(nextPowerOf2(-SM_MAX_EXPONENT / log2y + 1) / 2);
    }
  }
  if (m <= maxExponent) {
    const scaled = frexp(powDD(y, m));
    return { mantissa: scaled.mantissa, exponent: scaled.exponent + m * yExponent };
  }
  const q = Math.trunc(m / maxExponent);
  const r = m % maxExponent;
  const yToR = powScaled(y, r);
  const yToMax = powScaled(y, maxExponent);
  const yToMaxToQ = powScaled(yToMax.mantissa, q);
  const scaled = frexp(multiply(yToR.mantissa, yToMaxToQ.mantissa));
  const exponent = scaled.exponent + yToMaxToQ.exponent + yToMax.exponent * q + yToR.exponent + m * yExponent;
  return { mantissa: scaled.mantissa, exponent };
}

/** One term C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v) as a double-double. */
function smirnovTerm(
  n: number,
  x: number,
  v: number,
  binomialMantissa: DoubleDouble,
  binomialExponent: number,
): DoubleDouble {
  const lowerBase = addNumber(divideNumbers(n - v, n), -x);
  const lower = powScaled(lowerBase, n - v);
  const upperBase = addNumber(divideNumbers(v, n), x);
  const upper = powScaled(upperBase, v - 1);
  const product = multiply(multiply(upper.mantissa, lower.mantissa), binomialMantissa);
  return ldexp(product, binomialExponent + upper.exponent + lower.exponent);
}
