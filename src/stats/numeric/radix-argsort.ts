/**
 * Stable argsort of doubles by least-significant-digit radix sort on their IEEE-754 bits:
 * O(N) with six passes of 11 bits, about 10x faster than a comparison sort with a callback on
 * a million scores, which matters because ranking metrics and DeLong sort every model's scores.
 *
 * The bits become an unsigned key that orders like the numbers (Herf, "Radix tricks", 2001):
 * flip every bit of a negative number, only the sign bit of a positive one. -0 is read as +0 so
 * that numerically equal scores stay one tie group. NaN must not occur (callers validate).
 *
 * Worked example: values [0.5, -1, 0.5, 0] with start order [0, 1, 2, 3] sort to [1, 3, 0, 2]
 * (stable: row 0 stays before row 2 among the two 0.5s).
 */

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/**
 * The permutation that sorts `values` ascending, stable with respect to `startOrder` (a
 * permutation of 0..N-1; ties keep their order in it). Returns row indices.
 */
export function radixArgsort(values: Float64Array, startOrder: Int32Array): Int32Array {
  const n = startOrder.length;
  if (n !== values.length) throw new RangeError("radixArgsort: startOrder must be a permutation of the rows");
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[startOrder[i]];
    copy[i] = value === 0 ? 0 : value; // -0 -> +0
  }
  const words = new Uint32Array(copy.buffer);
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_WORD];
    const l = words[2 * i + LOW_WORD];
    if (h & 0x80000000) {
      high[i] = ~h >>> 0;
      low[i] = ~l >>> 0;
    } else {
      high[i] = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
  }
  let order = Int32Array.from(startOrder);
  let nextHigh = new Uint32Array(n);
  let nextLow = new Uint32Array(n);
  let nextOrder = new Int32Array(n);
  const counts = new Int32Array(BUCKETS);

  // Low word: three passes carrying both words.
  for (const shift of [0, 11, 22]) {
    if (!histogram(low, shift, counts, n)) continue;
    for (let i = 0; i < n; i++) {
      const destination = counts[(low[i] >>> shift) & MASK]++;
      nextHigh[destination] = high[i];
      nextLow[destination] = low[i];
      nextOrder[destination] = order[i];
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
    [order, nextOrder] = [nextOrder, order];
  }
  // High word: three passes; the low word is no longer needed.
  for (const shift of [0, 11, 22]) {
    if (!histogram(high, shift, counts, n)) continue;
    for (let i = 0; i < n; i++) {
      const destination = counts[(high[i] >>> shift) & MASK]++;
      nextHigh[destination] = high[i];
      nextOrder[destination] = order[i];
    }
    [high, nextHigh] = [nextHigh, high];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

/**
 * Fills `counts` with each bucket's start offset for the digit at `shift`; false when every key
 * has the same digit (the pass would not move anything).
 */
function histogram(keys: Uint32Array, shift: number, counts: Int32Array, n: number): boolean {
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & MASK]++;
  let start = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const count = counts[bucket];
    if (count === n) return false;
    counts[bucket] = start;
    start += count;
  }
  return true;
}
