/**
 * The smallest true difference this held-out set would reliably detect, from the bootstrap
 * standard error of the paired difference (a normal approximation, as in power analysis for a
 * two-sided z-test; Chow, Shao & Wang, "Sample Size Calculations in Clinical Research", 2008, 3.1):
 *   MDD = (z_{1 - alpha/2} + z_{power}) * SE,   alpha = 1 - confidence.
 * With the gate's defaults (confidence 0.95, power 0.8): MDD = (1.95996 + 0.84162) * SE = 2.8016 SE.
 * A challenger whose true gain is below this will often come out "inconclusive": that says the
 * holdout is too small, not that the models are equal.
 * Worked example: SE = 0.004 -> MDD = 0.011206...
 */
import { normalQuantile } from "../distributions/normal.ts";

export function smallestDetectableDifference(
  standardError: number,
  options: { confidence?: number; power?: number } = {},
): number {
  const confidence = options.confidence ?? 0.95;
  const power = options.power ?? 0.8;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  return (normalQuantile(1 - (1 - confidence) / 2) + normalQuantile(power)) * standardError;
}
