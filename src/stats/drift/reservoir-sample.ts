/**
 * A uniform random sample without replacement of at most k non-missing values, in one pass
 * (Vitter 1985, "Random sampling with a reservoir", Algorithm R): value i (0-based) replaces a
 * random slot with probability k / (i + 1). Randomness is injected so profiles are repeatable.
 * Example: with k >= the number of values the sample is all of them, in input order.
 */

/** A source of uniform numbers in [0, 1), e.g. a seeded generator. */
export type RandomSource = () => number;

export function reservoirSample(values: Float64Array, k: number, random: RandomSource): Float64Array {
  const reservoir = new Float64Array(k);
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (seen < k) {
      reservoir[seen] = v;
    } else {
      const slot = Math.floor(random() * (seen + 1));
      if (slot < k) reservoir[slot] = v;
    }
    seen += 1;
  }
  return seen < k ? reservoir.slice(0, seen) : reservoir;
}
