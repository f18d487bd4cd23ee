/**
 * The one seeded PRNG for test and benchmark data: xoshiro128** (Blackman & Vigna 2018), seeded
 * through splitmix32 so nearby seeds give unrelated streams. Identical on every run and platform.
 * Written apart from src/stats/numeric/random.ts on purpose: test data must not come from the code under
 * test. Library code never uses this; it takes its randomness injected.
 * Why not mulberry32: its 32-bit outputs tie (a million draws repeat about a hundred values),
 * which a KS test on 10^6 samples notices, and it can return exactly 0, which log() does not take.
 */
export interface SeededRandom {
  /** Uniform in [0, 1), 53 random bits (the same as uniform()). */
  (): number;
  /** Uniform in [0, 1), 53 random bits. Detached calls are fine: `random: prng.uniform`. */
  uniform(): number;
  /** Uniform in (0, 1), 32 random bits: half the cost, never 0 (safe under log). */
  uniform32(): number;
}

export function seededRandom(seed: number): SeededRandom {
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
  const uniform = (): number => {
    const high = nextUint32() >>> 5; // 27 bits
    const low = nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  };
  const uniform32 = (): number => (nextUint32() + 0.5) / 4294967296;
  return Object.assign(() => uniform(), { uniform, uniform32 });
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

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
