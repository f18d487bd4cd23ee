/**
 * A small seeded PRNG for tests (xoshiro128**, Blackman & Vigna 2018), seeded through
 * splitmix32 so nearby seeds give unrelated streams. uniform() has 53 random bits.
 * Tests only: library code receives its randomness injected.
 */
export interface Prng {
  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number;
  /** Uniform in (0, 1), 32 random bits: half the cost, plenty for simulation. */
  uniform32(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createPrng(seed: number): Prng {
  const next = splitmix32(seed);
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    uniform() {
      const high = nextUint32() >>> 5; // 27 bits
      const low = nextUint32() >>> 6; // 26 bits
      return (high * 67108864 + low) / 9007199254740992;
    },
    uniform32() {
      return (nextUint32() + 0.5) / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
