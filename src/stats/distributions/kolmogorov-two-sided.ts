/**
 * The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, i.e.
 * scipy.stats.kstwo(n). ks_2samp's asymptotic branch takes its p-value as
 * kstwo.sf(D, round(n1*n2/(n1+n2))), so this is what the two-sample test calls for large samples.
 *
 * Which algorithm runs where follows Simard & L'Ecuyer (2011), "Computing the Two-Sided
 * Kolmogorov-Smirnov Distribution", J. Stat. Software 39(11), exactly as scipy's `_ksstats.py`:
 *   - Ruben–Gambino closed forms for n*d <= 1 and n*d >= n - 1,
 *   - 2 * smirnov(n, d) for d >= 0.5 (exact) and in the far upper tail,
 *   - Durbin's matrix (Marsaglia, Tsang & Wang 2003) for small n*d^2 (or n*d^1.5),
 *   - Pomeranz's recursion (1974) for n <= 140 in the middle,
 *   - the Pelz–Good (1976) asymptotic series otherwise.
 * Worked example: kstwoSurvival(1, 0.75) = 2 * (1 - 0.75)^1 = 0.5 (Ruben–Gambino: n*d >= n - 1).
 */
import { ldexpNumber } from "../numeric/double-double.ts";
import { smirnovSurvival } from "./smirnov.ts";

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
/** Stirling-series coefficients B_2j / (2j (2j - 1)) for j = 8 .. 1. */
const STIRLING_COEFFICIENTS = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

const clip = (p: number) => Math.min(1, Math.max(0, p));

/** scipy.stats.kstwo.sf(d, n): P(D_n >= d) for the two-sided one-sample statistic. */
export function kstwoSurvival(n: number, d: number): number {
  if (Number.isNaN(d) || Number.isNaN(n)) return NaN;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  return kolmogorovN(n, d, false);
}

/** scipy.stats.kstwo.cdf(d, n): P(D_n <= d). */
export function kstwoCdf(n: number, d: number): number {
  if (Number.isNaN(d) || Number.isNaN(n)) return NaN;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (d >= 1) return 1;
  if (d <= 0) return 0;
  return kolmogorovN(n, d, true);
}

function select(cdfProbability: number, sfProbability: number, wantCdf: boolean): number {
  return clip(wantCdf ? cdfProbability : sfProbability);
}

/** log(n! / n^n) by Stirling's series with n log n removed up front. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING_COEFFICIENTS) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function kolmogorovN(n: number, x: number, wantCdf: boolean): number {
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return select(0, 1, wantCdf);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return select(prob, 1 - prob, wantCdf);
  }
  if (t >= n - 1) {
    const prob = 2 * Math.pow(1 - x, n);
    return select(1 - prob, prob, wantCdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSurvival(n, x);
    return select(1 - prob, prob, wantCdf);
  }
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) {
      const prob = durbinMatrixCdf(n, x);
      return select(prob, 1 - prob, wantCdf);
    }
    if (nxSquared <= 4) {
      const prob = pomeranzCdf(n, x);
      return select(prob, 1 - prob, wantCdf);
    }
    const prob = 2 * smirnovSurvival(n, x);
    return select(1 - prob, prob, wantCdf);
  }
  if (!wantCdf) {
    if (nxSquared >= 370) return 0;
    if (nxSquared >= 2.2) return clip(2 * smirnovSurvival(n, x));
  }
  let cdf: number;
  if (nxSquared >= 18) cdf = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = durbinMatrixCdf(n, x);
  else cdf = pelzGoodCdf(n, x);
  return select(cdf, 1 - cdf, wantCdf);
}

/** Dense square matrix product (row-major, size m). */
function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * m;
      const rowOut = i * m;
      for (let j = 0; j < m; j++) out[rowOut + j] += aik * b[rowB + j];
    }
  }
  return out;
}

/**
 * P(D_n <= d) by Durbin's matrix: with d = (k - h)/n, the (k,k) entry of H^n times n!/n^n,
 * H being (2k-1)x(2k-1). Powers by repeated squaring, rescaled by 2^128 to avoid overflow.
 */
function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] *= factorial;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * factorial;

  let H = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let row = i - 1; row < m; row++) H[row * m + i] = w[row - (i - 1)];
  }
  for (let row = 0; row < m; row++) H[row * m] = v[row];
  for (let col = 0; col < m; col++) H[(m - 1) * m + col] = v[m - 1 - col];

  let power = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let remaining = n;
  let exponent = 0;
  let hExponent = 0;
  while (remaining > 0) {
    if (remaining % 2) {
      power = matmul(power, H, m);
      exponent += hExponent;
    }
    H = matmul(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExponent += E128;
    }
    remaining = Math.floor(remaining / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      exponent -= E128;
    }
  }
  if (exponent !== 0) p = ldexpNumber(p, exponent);
  return clip(p);
}

/** The interval of non-zero entries in row i of Pomeranz's recursion. */
function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    const odd = (i + 1) % 2;
    if (odd === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** P(D_n <= d) by Pomeranz's recursion: 2n+1 convolutions with Poisson-like weights. */
function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const powerCount = 2 * (ll + 1);
  const gPower = new Float64Array(powerCount);
  const twoGPower = new Float64Array(powerCount);
  const oneMinusTwoGPower = new Float64Array(powerCount);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  let exponent = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < powerCount; m++) {
    gPower[m] = (gPower[m - 1] * gOverN) / m;
    twoGPower[m] = (twoGPower[m - 1] * twoGOverN) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN) / m;
  }

  let V0 = new Float64Array(powerCount);
  let V1 = new Float64Array(powerCount);
  V1[0] = 1;
  let V0start = 0;
  let V1start = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0start, V1start] = [V1start, V0start];
    V1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const powers = i === 1 || i === 2 * n + 1 ? gPower : i % 2 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length > 0) {
      const offset = k1 - V0start;
      const sliceLength = Math.max(0, Math.min(length, V0.length - offset));
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      // Entries convStart .. convStart+convLength-1 of the full convolution of
      // V0[offset .. offset+length-1] with powers[0 .. length-1].
      let max = 0;
      for (let c = 0; c < convLength; c++) {
        const index = convStart + c;
        let sum = 0;
        const lo = Math.max(0, index - (length - 1));
        const hi = Math.min(index, sliceLength - 1);
        for (let a = lo; a <= hi; a++) sum += V0[offset + a] * powers[index - a];
        V1[c] = sum;
        if (sum > max) max = sum;
      }
      if (max > 0 && max < EM128) {
        for (let c = 0; c < convLength; c++) V1[c] *= EP128;
        exponent -= E128;
      }
      V1start = V0start + j1 - k1;
    }
  }
  let answer = V1[n - V1start];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > EP128) {
      answer *= EM128;
      exponent += E128;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexpNumber(answer, exponent);
  return clip(answer);
}

/**
 * P(D_n <= x) by the Pelz–Good asymptotic series: Li-Chien/Korolyuk's expansion
 * K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5 (z = x sqrt(n)), rewritten via Jacobi theta
 * functions so it converges for small z.
 */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);

  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coefficients[i];
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT_2PI) / divisors[i];

  q = Math.exp(-PI_SQUARED / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qPowerK2 = q ** k2;
    const kpi = Math.PI * k;
    k2extra += k2 * qPowerK2;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qPowerK2;
  }
  K[2] += k2extra * ((PI_SQUARED * SQRT_2PI) / (-36 * z3));
  K[3] += k3extra * ((PI_SQUARED * SQRT_2PI) / (216 * z6));
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}
