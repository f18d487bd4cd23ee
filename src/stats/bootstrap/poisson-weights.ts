/**
 * The resampling of the paired bootstrap: a Poisson bootstrap with counter-based weights.
 *
 * Method (Hanley & MacGibbon 2006, "Creating non-parametric bootstrap samples using Poisson
 * frequencies"; Chamandy, Muralidharan, Najmi & Naidu 2012, "Estimating uncertainty for massive
 * data streams"): in resample r every row gets an independent Poisson(1) weight, instead of the
 * Multinomial(N; 1/N, ...) counts of N draws with replacement. Each row then still counts 1 on
 * average with variance 1 (the multinomial's is 1 - 1/N), and for metrics normalised by the
 * total weight (AUC, accuracy, mean losses) both give the same bootstrap distribution up to
 * O(1/N); test/stats/bootstrap/bootstrap-equivalence.test.ts checks it against a textbook
 * multinomial bootstrap and scipy's BCa.
 *
 * Why: independent weights can be computed rather than stored. The weight of row p in resample r
 * is a pure function of (p, the resample's keys), so a pass over the rows in ANY order (the
 * challenger's score order of the ROC AUC kernel) gets the same weight for the same row without
 * reading a counts array at random: nothing grows out of the cache as N grows.
 *
 * Draw: resamples come in groups of GROUP_LANES = 4; group g's two 32-bit keys are the first
 * outputs of random stream g of the seed (random.ts), so resample r depends only on (seed, r),
 * never on threads or chunking. A row p gets two 32-bit hashes, h = rowHash(p, key1, key2) and
 * g = rowHash(p, key1 ^ SALT1, key2 + SALT2) (two rounds of a murmur3-style finaliser each, a
 * bijection of p for fixed keys); lanes 0 and 1 take the high and low 16 bits of h, lanes 2 and 3
 * those of g, as the top 16 bits of their 32-bit uniform u, and the weight is the Poisson(1)
 * quantile of u / 2^32 (inverse CDF, exact to 2^-32 per probability: the largest weight is 12,
 * P(X > 12) < 2^-32). 65,528 of 65,536 top halves already fix the weight (POISSON_BY_BUCKET);
 * the other 8 (probability 0.012% per lane) take the low 16 bits from a third, lane-salted hash
 * of the row (refinedWeight). 16 bits per lane, not 8, so the hot pass almost never leaves its
 * straight line (with bytes, 8% of rows took the slow path and the pass cost 1.8x as much).
 * Worked example: with keys (1, 2), row 0 has h = rowHash(0, 1, 2) and lane 0's weight is
 * POISSON_BY_BUCKET[h >>> 16] unless that entry is -1.
 */
import { Xoshiro128, xoshiroState } from "../numeric/random.ts";

/** Resamples drawn from a row's two hashes (16 bits each). */
export const GROUP_LANES = 4;

/** Largest weight at 32-bit resolution. */
const MAX_WEIGHT = 12;

/** ceil(P(X <= k) * 2^32) for X ~ Poisson(1), k = 0..MAX_WEIGHT - 1: weight = #{k : u >= T[k]}. */
const POISSON_THRESHOLDS: readonly number[] = (() => {
  const thresholds: number[] = [];
  let probability = Math.exp(-1);
  let cumulative = 0;
  for (let k = 0; k < MAX_WEIGHT; k++) {
    cumulative += probability;
    thresholds.push(Math.min(4294967296, Math.ceil(cumulative * 4294967296)));
    probability /= k + 1;
  }
  return thresholds;
})();

function weightOfUniform(u: number): number {
  let weight = 0;
  while (weight < MAX_WEIGHT && u >= POISSON_THRESHOLDS[weight]) weight++;
  return weight;
}

/** The weight fixed by a uniform's top 16 bits, or -1 where that bucket straddles a threshold. */
export const POISSON_BY_BUCKET: Float32Array = (() => {
  const table = new Float32Array(65536);
  for (let bucket = 0; bucket < 65536; bucket++) {
    const low = weightOfUniform(bucket * 65536);
    table[bucket] = low === weightOfUniform(bucket * 65536 + 65535) ? low : -1;
  }
  return table;
})();

/** Salts of the second hash of a row, which gives lanes 2 and 3. */
export const SALT1 = 0x5bd1e995;
export const SALT2 = 0x68e31da4;

/** The two 32-bit keys of resample group `group` under `seed`. */
export function groupKeys(seed: number, group: number): [number, number] {
  const random = new Xoshiro128(xoshiroState(seed, group));
  return [random.nextUint32() | 0, random.nextUint32() | 0];
}

/** 32 pseudo-random bits of row `row` in a group; a bijection of row for fixed keys. */
export function rowHash(row: number, key1: number, key2: number): number {
  let h = row ^ key1;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h = ((h ^ (h >>> 16)) + key2) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

/** The 16-bit bucket of lane `lane`, from the row's two hashes h and g. */
function laneBucket(h: number, g: number, lane: number): number {
  const bits = lane < 2 ? h : g;
  return lane % 2 === 0 ? bits >>> 16 : bits & 65535;
}

/** The weight when the bucket alone does not decide it: the low 16 bits from a third hash. */
function refinedWeight(row: number, key1: number, key2: number, lane: number, bucket: number): number {
  const low = rowHash(row, key2 ^ Math.imul(lane + 1, 0x9e3779b9), key1) >>> 16;
  return weightOfUniform(bucket * 65536 + low);
}

/**
 * All GROUP_LANES weights of a row whose hashes are h and g, into out[0..3]. The hot passes call
 * it only when a bucket straddles a threshold, and read the weights back from the Float64Array:
 * a call returning a small integer on one branch and a table's double on the other made V8 merge
 * the weights as tagged values, which tripled the cost of the whole pass.
 */
export function allLaneWeights(h: number, g: number, row: number, key1: number, key2: number, out: Float64Array): void {
  for (let lane = 0; lane < GROUP_LANES; lane++) {
    const bucket = laneBucket(h, g, lane);
    const weight = POISSON_BY_BUCKET[bucket];
    out[lane] = weight >= 0 ? weight : refinedWeight(row, key1, key2, lane, bucket);
  }
}

/** Writes the weights of rows 0..n-1 for one lane of a group into `weights` (one byte per row). */
export function fillPoissonWeights(weights: Uint8Array, n: number, key1: number, key2: number, lane: number): void {
  const [k1, k2] = lane < 2 ? [key1, key2] : [key1 ^ SALT1, (key2 + SALT2) | 0];
  const shift = lane % 2 === 0 ? 16 : 0;
  for (let row = 0; row < n; row++) {
    const bucket = (rowHash(row, k1, k2) >>> shift) & 65535;
    const weight = POISSON_BY_BUCKET[bucket];
    weights[row] = weight >= 0 ? weight : refinedWeight(row, key1, key2, lane, bucket);
  }
}
