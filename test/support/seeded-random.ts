/**
 * The seeded uniform stream for test and benchmark data (mulberry32, Tommy Ettinger's 32-bit
 * generator): tiny, fast, identical on every run and platform. Library code never uses it: it takes
 * its randomness from src/stats/random.ts, seeded by the caller.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
