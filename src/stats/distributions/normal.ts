/**
 * Standard normal CDF, upper tail and quantile to double precision (they agree with
 * scipy.special.ndtr / ndtri to ~1e-15 relative), for DeLong's p-value, the BCa interval and
 * the detectable-difference helper. simple-statistics' table-based versions are too coarse here.
 *
 * Sources: erf/erfc by W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Math. Comp. 23 (1969) 631-637 (the CALERF routine, max relative error ~1e-16 for doubles);
 * quantile by M. J. Wichura, "Algorithm AS 241: the percentage points of the normal
 * distribution", Applied Statistics 37 (1988) 477-484 (PPND16, ~1e-16 relative).
 * Worked examples: normalCdf(1.959963984540054) = 0.975; normalQuantile(0.975) = 1.959963984540054;
 * normalUpperTail(5) = 2.866515718791939e-7.
 */

const SQRT_HALF = Math.SQRT1_2;
const ONE_OVER_SQRT_PI = 0.56418958354775628695;

const ERF_A = [3.1611237438705656, 113.86415415105016, 377.48523768530202, 3209.3775891384695, 0.18577770618460315];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391706];
const ERFC_C = [
  0.56418849698867009, 8.8831497943883759, 66.119190637141634, 298.63513819740013, 881.95222124176909,
  1712.0476126340706, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.18110186200986, 1621.3895745666903, 3290.7992357334597, 4362.6190901432471,
  3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122925, 0.016083785148742275, 6.5874916152983678e-4,
  0.016315387137302097,
];
const ERFC_Q = [
  2.5685201922898682, 1.8729528499234604, 0.52790510295142842, 0.060518341312441319, 0.0023352049762686918,
];

/** exp(-y^2) computed in two parts so the rounding of y^2 does not cost relative accuracy (Cody). */
function expMinusSquare(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  const remainder = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded) * Math.exp(-remainder);
}

/** Complementary error function erfc(x) = 1 - erf(x), accurate in the tails. */
function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.5) {
    const ysq = y * y;
    let numerator = ERF_A[4] * ysq;
    let denominator = ysq;
    for (let i = 0; i < 3; i++) {
      numerator = (numerator + ERF_A[i]) * ysq;
      denominator = (denominator + ERF_B[i]) * ysq;
    }
    return 1 - (x * (numerator + ERF_A[3])) / (denominator + ERF_B[3]);
  } else if (y <= 4) {
    let numerator = ERFC_C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + ERFC_C[i]) * y;
      denominator = (denominator + ERFC_D[i]) * y;
    }
    result = (expMinusSquare(y) * (numerator + ERFC_C[7])) / (denominator + ERFC_D[7]);
  } else if (y >= 26.543) {
    result = 0;
  } else {
    const ysq = 1 / (y * y);
    let numerator = ERFC_P[5] * ysq;
    let denominator = ysq;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + ERFC_P[i]) * ysq;
      denominator = (denominator + ERFC_Q[i]) * ysq;
    }
    const tail = (ysq * (numerator + ERFC_P[4])) / (denominator + ERFC_Q[4]);
    result = (expMinusSquare(y) * (ONE_OVER_SQRT_PI - tail)) / y;
  }
  return x < 0 ? 2 - result : result;
}

/** P(Z <= x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT_HALF);
}

/** P(Z > x) = 1 - normalCdf(x), without cancellation for large x. */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x * SQRT_HALF);
}

const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = coefficients[coefficients.length - 1];
  for (let i = coefficients.length - 2; i >= 0; i--) value = value * x + coefficients[i];
  return value;
}

/** The x with normalCdf(x) = p; -Infinity at 0, Infinity at 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    value = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -value : value;
}
