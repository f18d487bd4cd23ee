/**
 * Log-gamma and the regularized upper incomplete gamma function Q(a, x), which give the
 * chi-squared survival function: chi2.sf(s, k) = Q(k/2, s/2) (scipy.special.gammaincc).
 *
 * Sources: Numerical Recipes 3rd ed. §6.2 (series for P when x < a + 1, Lentz's continued
 * fraction for Q otherwise); the prefactor x^a e^-x / Gamma(a) is computed through
 * a * log1pmx((x - a)/a) and Stirling's series (as in Temme / DiDonato & Morris) so its relative
 * error stays near machine precision even when a and x are in the thousands.
 * Worked example: Q(1, x) = e^-x, so chiSquaredSurvival(2, 2) = Q(1, 1) = e^-1 = 0.36787944117144233.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const STIRLING_THRESHOLD = 10;

/** Stirling's correction S(x) = lnGamma(x) - [(x - 1/2) ln x - x + ln(2 pi)/2], for x >= 10. */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360))))));
}

/** ln Gamma(x) for x > 0 (relative error about 1e-15). Example: logGamma(5) = ln 24. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= STIRLING_THRESHOLD) return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
  let shift = 0;
  let product = 1;
  let y = x;
  while (y < STIRLING_THRESHOLD) {
    product *= y;
    y += 1;
    if (product > 1e280) {
      shift += Math.log(product);
      product = 1;
    }
  }
  return logGamma(y) - shift - Math.log(product);
}

/** log(1 + t) - t without cancellation for small t. */
function log1pMinusT(t: number): number {
  if (Math.abs(t) > 0.4) return Math.log1p(t) - t;
  // -t^2/2 + t^3/3 - t^4/4 + ...
  let sum = 0;
  let power = t;
  for (let k = 2; k < 200; k++) {
    power *= -t;
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return sum;
}

/** ln( x^a e^-x / Gamma(a) ), the common prefactor of P(a, x) and Q(a, x). */
function logPrefactor(a: number, x: number): number {
  if (a >= STIRLING_THRESHOLD) {
    return a * log1pMinusT((x - a) / a) + 0.5 * Math.log(a) - HALF_LOG_2PI - stirlingCorrection(a);
  }
  return a * Math.log(x) - x - logGamma(a);
}

const TINY = 1e-300;
const EPS = 1e-16;
const MAX_ITERATIONS = 100000;

/** Q(a, x) = Gamma(a, x) / Gamma(a), the regularized upper incomplete gamma function. */
export function upperIncompleteGammaRatio(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const logFactor = logPrefactor(a, x);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(logFactor)));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, Math.max(0, Math.exp(logFactor) * h));
}

/** scipy.stats.chi2.sf(statistic, degreesOfFreedom). */
export function chiSquaredSurvival(statistic: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 0) return NaN;
  return upperIncompleteGammaRatio(degreesOfFreedom / 2, statistic / 2);
}
