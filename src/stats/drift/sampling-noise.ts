/**
 * How large a distance sampling noise alone produces when nothing has changed, so that the
 * practical-size gate of the drift verdict judges the change beyond noise, not the noise itself.
 * At 100-row windows the plain Wasserstein and Jensen–Shannon distances between two samples of
 * one distribution are already near Evidently's 0.1 thresholds; at a million rows they are ~0.
 *
 * Wasserstein (Ramdas, Garcia & Cuturi 2017; del Barrio, Giné & Matrán 1999): W1 is the
 * integral of |F_n(x) - G_m(x)|, and under the null F_n(x) - G_m(x) is roughly normal with
 * variance F(1-F)(1/n + 1/m), whose mean absolute value is sqrt(2/pi) times its sd, so
 *   E[W1] ~ sqrt(2 / (pi n_eff)) * integral sqrt(F(x)(1 - F(x))) dx,  n_eff = n m / (n + m),
 * the integral taken over the reference's empirical CDF. Example: for a standard normal the
 * integral is 1.61474 (scipy.integrate.quad), so at n_eff = 100 the expected noise is
 * sqrt(2 / (100 pi)) * 1.61474 = 0.129 standard deviations - above Evidently's 0.1 on its own.
 * In the tails, where only a few of the n_eff values lie beyond x, the count is Poisson rather
 * than normal and sqrt(2/pi) overstates its mean absolute deviation; there the factor is the
 * exact Poisson one, E|X - lambda| / sqrt(lambda) = 2 e^-lambda lambda^(k+1/2) / k!, k = floor
 * lambda (de Moivre), with lambda = n_eff min(F, 1 - F). Without it a skewed column's noise
 * would be overstated by about 20% at 100 rows.
 *
 * Jensen–Shannon: expanding KL around m, JSD (nats) ~ (1/8) sum (p_i - q_i)^2 / p_i, and the
 * sum has expectation (K - 1)/n_eff for K categories (the chi-squared approximation), so
 *   E[JSD in bits] ~ (K - 1) / (8 n_eff ln 2).
 * Example: K = 5, n_eff = 100 -> 0.0072 bits, i.e. a JS distance of sqrt(0.0072) = 0.085.
 */

/** Harmonic effective size n m / (n + m) of a two-sample comparison. */
export function effectiveSampleSize(referenceSize: number, currentSize: number): number {
  return (referenceSize * currentSize) / (referenceSize + currentSize);
}

/** integral sqrt(F (1 - F)) dx over the empirical CDF of sorted values (0 for constant data). */
export function cdfSpreadIntegral(sorted: Float64Array): number {
  const n = sorted.length;
  let integral = 0;
  for (let i = 1; i < n; i++) {
    const gap = sorted[i] - sorted[i - 1];
    if (gap === 0) continue;
    const F = i / n;
    integral += Math.sqrt(F * (1 - F)) * gap;
  }
  return integral;
}

const NORMAL_MEAN_ABSOLUTE_DEVIATION = Math.sqrt(2 / Math.PI);
const POISSON_EXACT_BELOW = 40;
const LOG_FACTORIALS = (() => {
  const table = new Float64Array(POISSON_EXACT_BELOW + 1);
  for (let k = 1; k <= POISSON_EXACT_BELOW; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
})();

/** E|X - lambda| / sqrt(lambda) for X ~ Poisson(lambda); tends to sqrt(2/pi) for large lambda. */
export function poissonDeviationFactor(lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda >= POISSON_EXACT_BELOW) return NORMAL_MEAN_ABSOLUTE_DEVIATION;
  const k = Math.floor(lambda);
  return 2 * Math.exp(-lambda + (k + 0.5) * Math.log(lambda) - LOG_FACTORIALS[k]);
}

/** Expected W1 between the reference and a current sample of the same distribution. */
export function expectedNullWasserstein(
  sortedReference: Float64Array,
  referenceSize: number,
  currentSize: number,
): number {
  const nEff = effectiveSampleSize(referenceSize, currentSize);
  const n = sortedReference.length;
  let integral = 0;
  for (let i = 1; i < n; i++) {
    const gap = sortedReference[i] - sortedReference[i - 1];
    if (gap === 0) continue;
    const F = i / n;
    const tail = Math.min(F, 1 - F);
    integral += Math.sqrt(F * (1 - F)) * poissonDeviationFactor(nEff * tail) * gap;
  }
  return integral / Math.sqrt(nEff);
}

/** Expected Jensen–Shannon divergence (bits, the square of the distance) under no change. */
export function expectedNullJensenShannonDivergence(
  categoryCount: number,
  referenceSize: number,
  currentSize: number,
): number {
  if (categoryCount < 2) return 0;
  const nEff = effectiveSampleSize(referenceSize, currentSize);
  return (categoryCount - 1) / (8 * nEff * Math.LN2);
}
