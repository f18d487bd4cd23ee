/**
 * Jackknife values of the paired difference (challenger - champion) for the BCa acceleration.
 *
 * - exact: when the kernel knows a closed form for leaving one row out (ROC AUC through DeLong's
 *   placements, means, confusion-matrix metrics), all N values cost O(N);
 * - exact by recomputation: otherwise, for N <= EXACT_LIMIT, N weighted passes;
 * - grouped (delete-a-group jackknife, Efron & Tibshirani 1993, 11.5; Shao & Tu 1995, 2.3):
 *   otherwise, rows are split at random (seeded) into GROUPS groups of near-equal size and each
 *   value leaves out one group. The acceleration a = sum d^3 / (6 (sum d^2)^1.5) is unchanged in
 *   expectation, because the group influence values are sums of the row influence values, and
 *   both the cubic and the square sums then scale alike; its cost is GROUPS passes instead of N.
 * Worked example: differences of row means, values [1, 2, 3] -> leave-one-out means
 * [2.5, 2, 1.5].
 */
import { createRandom } from "../numeric/random.ts";
import type { PairedKernel, PreparedPair } from "./paired-kernel.ts";

const EXACT_LIMIT = 1000;
export const GROUPS = 200;

export interface JackknifeValues {
  /** One difference per left-out row (exact) or group (grouped). */
  readonly values: Float64Array;
  readonly kind: "exact" | "grouped";
}

export function pairedJackknife<State>(
  kernel: PairedKernel<State>,
  prepared: PreparedPair<State>,
  seed: number,
): JackknifeValues {
  const closedForm = prepared.leaveOneOut();
  if (closedForm) {
    const values = new Float64Array(closedForm.champion.length);
    for (let i = 0; i < values.length; i++) values[i] = closedForm.challenger[i] - closedForm.champion[i];
    return { values, kind: "exact" };
  }
  const n = prepared.rowCount;
  const groups = n <= EXACT_LIMIT ? n : GROUPS;
  const groupOf = new Int32Array(n);
  if (groups === n) {
    for (let i = 0; i < n; i++) groupOf[i] = i;
  } else {
    // a seeded random permutation (Fisher-Yates), cut into `groups` near-equal runs
    const permutation = new Int32Array(n);
    for (let i = 0; i < n; i++) permutation[i] = i;
    const random = createRandom(seed, 0xffffffff);
    for (let i = n - 1; i > 0; i--) {
      const j = random.nextBelow(i + 1);
      const swap = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swap;
    }
    for (let k = 0; k < n; k++) groupOf[permutation[k]] = Math.floor((k * groups) / n);
  }
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) members[groupOf[i]].push(i);
  const weights = new Uint8Array(n).fill(1);
  const out = new Float64Array(2);
  const values = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    for (const i of members[g]) weights[i] = 0;
    kernel.evaluate(prepared.state, weights, out);
    values[g] = out[1] - out[0];
    for (const i of members[g]) weights[i] = 1;
  }
  return { values, kind: groups === n ? "exact" : "grouped" };
}
