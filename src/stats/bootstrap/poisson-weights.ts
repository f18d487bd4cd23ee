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
 * never on threads or chunking. h = rowHash(p, keys) is two rounds of a murmur3-style finaliser
 * (a bijection of p for fixed keys); lane k of the group takes byte k of h as the top 8 bits of
 * its 32-bit uniform u, and the weight is the Poisson(1) quantile of u / 2^32 (inverse CDF, exact
 * to 2^-32 per probability: the largest weight is 12, P(X > 12) < 2^-32). 251 of 256 top bytes
 * already fix the weight (POISSON_BY_BYTE); the other 5 (probability 2.1% per lane) take the low
 * 24 bits from a second, lane-salted hash of the row (refinedWeight).
 * Worked example: with keys (1, 2), row 0 has h = rowHash(0, 1, 2) and lane 0's weight is
 * POISSON_BY_BYTE[h >>> 24] unless that entry is -1.
 */
import { Xoshiro128, xoshiroState } from "../numeric/random.ts";

/** Resamples drawn from one hash per row. */
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

/** The weight fixed by a uniform's top byte, or -1 where the byte straddles a threshold. */
export const POISSON_BY_BYTE: Float64Array = (() => {
  const table = new Float64Array(256);
  for (let byte = 0; byte < 256; byte++) {
    const low = weightOfUniform(byte * 16777216);
    table[byte] = low === weightOfUniform(byte * 16777216 + 16777215) ? low : -1;
  }
  return table;
})();

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

/** Top byte of lane `lane`'s uniform in h. */
function laneByte(h: number, lane: number): number {
  return (h >>> (24 - 8 * lane)) & 255;
}

/** The weight when the top byte alone does not decide it: the low 24 bits from a second hash. */
function refinedWeight(row: number, key1: number, key2: number, lane: number, byte: number): number {
  const low = rowHash(row, key2 ^ Math.imul(lane + 1, 0x9e3779b9), key1) >>> 8;
  return weightOfUniform(byte * 16777216 + low);
}

/** Lane `lane`'s weight of a row whose hash is h. */
function laneWeight(h: number, row: number, key1: number, key2: number, lane: number): number {
  const byte = laneByte(h, lane);
  const weight = POISSON_BY_BYTE[byte];
  return weight >= 0 ? weight : refinedWeight(row, key1, key2, lane, byte);
}

/**
 * All GROUP_LANES weights of a row whose hash is h, into out[0..3]. The hot passes call it only
 * when a top byte straddles a threshold, and read the weights back from the Float64Array: a call
 * returning a small integer on one branch and a table's double on the other made V8 merge the
 * weights as tagged values, which tripled the cost of the whole pass.
 */
export function allLaneWeights(h: number, row: number, key1: number, key2: number, out: Float64Array): void {
  for (let lane = 0; lane < GROUP_LANES; lane++) out[lane] = laneWeight(h, row, key1, key2, lane);
}

/** Writes the weights of rows 0..n-1 for one lane of a group into `weights` (one byte per row). */
export function fillPoissonWeights(weights: Uint8Array, n: number, key1: number, key2: number, lane: number): void {
  const shift = 24 - 8 * lane;
  for (let row = 0; row < n; row++) {
    const byte = (rowHash(row, key1, key2) >>> shift) & 255;
    const weight = POISSON_BY_BYTE[byte];
    weights[row] = weight >= 0 ? weight : refinedWeight(row, key1, key2, lane, byte);
  }
}
