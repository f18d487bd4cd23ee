import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);

// src/stats/numeric/random.ts
var TWO_POW_32 = 4294967296;
var TWO_POW_53 = 9007199254740992;
function mix32(value) {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h | 0;
}
function xoshiroState(seed, stream = 0) {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  }
  if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_POW_32) {
    throw new RangeError(`stream must be an integer in [0, 2^32), got ${stream}`);
  }
  let counter = mix32(mix32(seed | 0) ^ Math.imul(stream | 0, 2654435769) ^ 1779033703);
  const words = [];
  for (let i = 0; i < 4; i++) {
    counter = counter + 2654435769 | 0;
    words.push(mix32(counter ^ counter >>> 15));
  }
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return [words[0], words[1], words[2], words[3]];
}
var Xoshiro128 = class {
  s0;
  s1;
  s2;
  s3;
  constructor(state) {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }
  nextUint32() {
    const s1 = this.s1;
    const scrambled = Math.imul(s1, 5);
    const result = Math.imul(scrambled << 7 | scrambled >>> 25, 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = this.s3 << 11 | this.s3 >>> 21;
    return result >>> 0;
  }
  nextFloat() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }
  nextBelow(bound) {
    return Math.floor(this.nextUint32() * bound / TWO_POW_32);
  }
  /** The current state, to continue the same sequence in an inlined loop. */
  state() {
    return [this.s0, this.s1, this.s2, this.s3];
  }
};
function createRandom(seed, stream = 0) {
  return new Xoshiro128(xoshiroState(seed, stream));
}

export {
  xoshiroState,
  Xoshiro128,
  createRandom
};
