/**
 * Bias-corrected and accelerated (BCa) bootstrap interval (Efron 1987, JASA 82:171-185;
 * Efron & Tibshirani 1993, ch. 14.3 and eq. 15.36), computed as scipy.stats.bootstrap does:
 *
 *   z0 = Phi^-1( (#{theta* < theta_hat} + #{theta* <= theta_hat}) / (2B) )   (ties count half)
 *   a  = sum d_i^3 / (6 (sum d_i^2)^(3/2)),  d_i = mean(theta_(.)) - theta_(i)  (jackknife values)
 *   alpha_1 = Phi(z0 + (z0 + z_{alpha/2}) / (1 - a (z0 + z_{alpha/2})))       (alpha_2 likewise
 *   with z_{1 - alpha/2}); the interval is the alpha_1 and alpha_2 percentiles of theta*.
 *
 * Why BCa is the gate's default: its coverage error is O(1/n) against O(1/sqrt(n)) for the
 * percentile interval, and it corrects the bias and skew that bounded metrics show near their
 * limits (an AUC near 1, a log loss near 0), exactly where a gate must not be fooled. The
 * acceleration works the same from grouped jackknife values (each value leaving out one group),
 * which is how large data sets get it cheaply (jackknife.ts).
 * Undefined when every bootstrap value lies on one side of the estimate (z0 infinite): the
 * caller then falls back to the percentile interval.
 * Worked example: bootstrap values symmetric around the estimate and a symmetric jackknife give
 * z0 = 0 and a = 0, and BCa equals the percentile interval.
 */
import { normalCdf, normalQuantile } from "../distributions/normal.ts";
import { quantileSorted } from "../numeric/quantile.ts";

export interface BcaInterval {
  readonly low: number;
  readonly high: number;
  /** z0, the median-bias correction. */
  readonly biasCorrection: number;
  /** a, the acceleration (skewness of the influence values / 6). */
  readonly acceleration: number;
  /** The percentile levels (0..1) actually read from the bootstrap distribution. */
  readonly levels: readonly [number, number];
}

/** The jackknife acceleration; 0 when the jackknife values do not vary (or fewer than 2 are finite). */
export function jackknifeAcceleration(jackknifeValues: Float64Array): number {
  let count = 0;
  let sum = 0;
  for (const value of jackknifeValues) {
    if (Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  if (count < 2) return 0;
  const mean = sum / count;
  let squares = 0;
  let cubes = 0;
  for (const value of jackknifeValues) {
    if (!Number.isFinite(value)) continue;
    const d = mean - value;
    squares += d * d;
    cubes += d * d * d;
  }
  return squares === 0 ? 0 : cubes / (6 * Math.pow(squares, 1.5));
}

/**
 * The BCa interval from sorted bootstrap values, the full-data estimate and jackknife values;
 * undefined when z0 is infinite or the levels are not finite.
 */
export function bcaInterval(
  sorted: Float64Array,
  estimate: number,
  jackknifeValues: Float64Array,
  confidence: number,
): BcaInterval | undefined {
  const b = sorted.length;
  if (b === 0) return undefined;
  let below = 0;
  let atOrBelow = 0;
  for (let i = 0; i < b; i++) {
    if (sorted[i] < estimate) below++;
    if (sorted[i] <= estimate) atOrBelow++;
  }
  const biasCorrection = normalQuantile((below + atOrBelow) / (2 * b));
  if (!Number.isFinite(biasCorrection)) return undefined;
  const acceleration = jackknifeAcceleration(jackknifeValues);
  const alpha = 1 - confidence;
  const level = (z: number): number =>
    normalCdf(biasCorrection + (biasCorrection + z) / (1 - acceleration * (biasCorrection + z)));
  const levels: [number, number] = [level(normalQuantile(alpha / 2)), level(normalQuantile(1 - alpha / 2))];
  if (!levels.every(Number.isFinite)) return undefined;
  return {
    low: quantileSorted(sorted, levels[0]),
    high: quantileSorted(sorted, levels[1]),
    biasCorrection,
    acceleration,
    levels,
  };
}
