/**
 * Binomial probabilities: McNemar's exact test needs accurate probabilities for up to millions of
 * discordant pairs.
 *
 * Probability mass: C. Loader, "Fast and accurate computation of binomial probabilities" (2000),
 * the saddle-point form R's dbinom uses,
 *   P(X = k) = exp(-(stirlerr(n) - stirlerr(k) - stirlerr(n-k)) - bd0(k, np) - bd0(n-k, nq))
 *              * sqrt(n / (2 pi k (n - k))),
 * which keeps ~1e-15 relative accuracy where lgamma differences lose digits.
 * Worked example: binomialPmf(3, 10, 0.5) = 120 / 1024 = 0.1171875.
 */

const LN_2PI = 1.837877066409345483560659472811;

/** stirlerr(n) = ln(n!) - ((n + 1/2) ln n - n + ln sqrt(2 pi)) for n = 1..15, from 60-digit arithmetic. */
const STIRLING_ERRORS = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/** The error of Stirling's formula for ln(n!), n a non-negative integer (Loader's stirlerr). */
function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERRORS[n];
  const nn = n * n;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** Loader's deviance term bd0(x, m) = x ln(x / m) + m - x, computed without cancellation. */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for X ~ Binomial(n, p), integers 0 <= k <= n. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n || !Number.isInteger(k)) return 0;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q));
  }
  if (k === n) return Math.exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p));
  const logCore =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  const logFactor = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(logCore - 0.5 * logFactor);
}

/**
 * P(X <= k) for X ~ Binomial(n, p), summing the mass downward from k with the ratio
 * P(j-1) / P(j) = j q / ((n - j + 1) p) until the terms no longer change the sum.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let term = binomialPmf(k, n, p);
  let sum = term;
  const ratio = (1 - p) / p;
  for (let j = k; j > 0 && term > sum * 1e-17; j--) {
    term *= (j / (n - j + 1)) * ratio;
    sum += term;
  }
  return Math.min(1, sum);
}
