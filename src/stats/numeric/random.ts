/**
 * Seeded pseudo-random numbers for the bootstrap, jackknife grouping and simulations: library code
 * never calls Math.random, so every interval is reproducible from the seed recorded with it.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", 2021; reference C at https://prng.di.unimi.it/xoshiro128starstar.c): 128 bits of
 * state, period 2^128 - 1, passes BigCrush, and needs only 32-bit integer operations, which
 * JavaScript does quickly (Math.imul, shifts).
 *
 * Streams: `createRandom(seed, stream)` hashes (seed, stream) through SplitMix32-style finalisers
 * into the 128-bit state, so resample r of a bootstrap gets stream r. A resample's draws then do
 * not depend on which thread runs it or in which order, and the result is identical for any
 * number of worker threads.
 *
 * Worked example: createRandom(1).nextUint32() is 0x814b3b3b (2169191227) on every platform
 * (see test/stats/numeric/random.test.ts).
 */

/** A source of uniform random numbers (what the bootstrap and simulations take). */
export interface RandomSource {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Uniform integer in [0, bound), bound <= 2^32, by multiply-shift (bias below bound / 2^32). */
  nextBelow(bound: number): number;
}

/** The four 32-bit state words (signed int32 view), for hot loops that inline the generator. */
export type XoshiroState = [number, number, number, number];

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The initial state of stream `stream` under `seed`: four consecutive SplitMix32 outputs from a
 * starting point that mixes both numbers. Never all zero (the one state xoshiro cannot leave).
 */
export function xoshiroState(seed: number, stream = 0): XoshiroState {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  }
  if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_POW_32) {
    throw new RangeError(`stream must be an integer in [0, 2^32), got ${stream}`);
  }
  let counter = mix32(mix32(seed | 0) ^ Math.imul(stream | 0, 0x9e3779b9) ^ 0x6a09e667);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    counter = (counter + 0x9e3779b9) | 0;
    words.push(mix32(counter ^ (counter >>> 15)));
  }
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return [words[0], words[1], words[2], words[3]];
}

/** xoshiro128** as an object; see the module comment. */
export class Xoshiro128 implements RandomSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: XoshiroState) {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const scrambled = Math.imul(s1, 5);
    const result = Math.imul((scrambled << 7) | (scrambled >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  nextBelow(bound: number): number {
    return Math.floor((this.nextUint32() * bound) / TWO_POW_32);
  }

  /** The current state, to continue the same sequence in an inlined loop. */
  state(): XoshiroState {
    return [this.s0, this.s1, this.s2, this.s3];
  }
}

/** Stream `stream` of the generator seeded with `seed` (an integer in [0, 2^32)). */
export function createRandom(seed: number, stream = 0): Xoshiro128 {
  return new Xoshiro128(xoshiroState(seed, stream));
}
