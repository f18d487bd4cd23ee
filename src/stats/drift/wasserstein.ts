/**
 * First Wasserstein (earth mover's) distance between two samples, equal to
 * scipy.stats.wasserstein_distance(u, v):  W1 = integral |F_u(x) - F_v(x)| dx,
 * computed in one merge of the sorted samples (Ramdas, Garcia & Cuturi 2017, "On Wasserstein
 * two-sample testing", eq. for 1-D). Units are those of the data.
 * Worked example: u = [0, 1, 3], v = [5, 6, 8]: every value moves by 5, so W1 = 5.
 *
 * The normalized distance divides W1 by the reference's population standard deviation, as
 * Evidently does, so 0.1 means "a tenth of a reference standard deviation" on any scale.
 * Summation is compensated (Neumaier, as summation.ts) so a million-row merge stays accurate.
 * Constant reference (std 0), a policy of ours rather than Evidently's fixed 0.001 floor (which
 * depends on the data's units): divide by the current standard deviation instead; if both are
 * constant, the distance is 0 when the values agree and Infinity when they do not.
 */
/** W1 between two samples already sorted ascending, without NaN. */
export function wassersteinDistanceSorted(u: Float64Array, v: Float64Array): number {
  const nu = u.length;
  const nv = v.length;
  if (nu === 0 || nv === 0) throw new Error("wassersteinDistance: both samples must be non-empty");
  // Neumaier-compensated sum, inlined: this loop runs once per distinct value.
  let sum = 0;
  let compensation = 0;
  let i = 0;
  let j = 0;
  let previous = Math.min(u[0], v[0]);
  for (;;) {
    while (i < nu && u[i] <= previous) i++;
    while (j < nv && v[j] <= previous) j++;
    if (i === nu && j === nv) break;
    const next = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
    const term = Math.abs(i / nu - j / nv) * (next - previous);
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    previous = next;
  }
  return sum + compensation;
}

/** W1 between two samples in any order (sorted copies are made). */
export function wassersteinDistance(u: Float64Array | readonly number[], v: Float64Array | readonly number[]): number {
  return wassersteinDistanceSorted(Float64Array.from(u).sort(), Float64Array.from(v).sort());
}

/** W1 in units of the reference standard deviation (see the policy for std 0 above). */
export function normalizeWasserstein(distance: number, referenceStd: number, currentStd: number): number {
  if (referenceStd > 0) return distance / referenceStd;
  if (currentStd > 0) return distance / currentStd;
  return distance === 0 ? 0 : Infinity;
}
