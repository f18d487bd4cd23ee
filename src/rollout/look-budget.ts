/**
 * False-alarm control for looking again and again at a growing window (an alpha-spending rule):
 * a step is looked at when the canary's (or shadow's) request count reaches 100·2^k, and once
 * more when the step's minimums are met. Look k of a step spends
 *   alpha / (analysed steps · signals) · 2^−(k+1)
 * per signal, so over any number of looks, every signal and every step the chance that a canary
 * that behaves exactly like the stable model is reverted stays ≤ alpha (a union bound:
 * Σ_k 2^−(k+1) < 1). The fourth signal, live quality, counts its own looks k (when the canary's
 * labelled rows reach 100·2^k, and at the step's last look) and spends from its own quarter the
 * same way, so labels arriving at any pace cannot raise the false-alarm rate. Pure.
 */

/** error_rate, latency, prediction_mix, live_quality. */
const SIGNAL_COUNT = 4;
const FIRST_LOOK_REQUESTS = 100;

/** The significance level one signal gets at look k (0-based) of a step. */
export function lookAlpha(alpha: number, analysedSteps: number, look: number): number {
  return (alpha / (Math.max(1, analysedSteps) * SIGNAL_COUNT)) * 2 ** -(look + 1);
}

/** The request count at which scheduled look k happens. */
export function lookAt(look: number): number {
  return FIRST_LOOK_REQUESTS * 2 ** look;
}
