/**
 * Counts of a numeric column's values in bounded memory, mergeable exactly: the server's profile
 * of a window (window-profile.ts).
 *
 * Values are counted exactly (one key per distinct value) until a column has more than `cap`
 * distinct keys; then every key is truncated to fewer significant bits (mantissa bits cleared,
 * toward zero) to the most bits at which they fit. Truncation nests (truncating to q bits a value
 * already truncated to p >= q bits is truncating it to q bits), so the result is a function of
 * the multiset of values alone: the largest precision at which all of them fit in `cap` keys.
 * Whatever the order values arrive in, however they are split across replicas and merged, the
 * counts come out identical. A key then stands for a bucket of values between it and the value
 * with the cleared bits set (bucketEnd), whose width is known: that is the stated error drift
 * carries (profile-window.ts).
 *
 * At 0 bits only sign and exponent remain (at most 4,095 keys), so a cap of at least
 * MIN_VALUE_CAP always holds.
 */

/** Significant bits of a float64's mantissa: a key with these many bits is the value itself. */
export const EXACT_BITS = 52;
export const MIN_VALUE_CAP = 4096;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Float64Array and Uint32Array share the platform's byte order, so this finds the low word.
const LOW = new Uint8Array(new Float64Array([1]).buffer)[0] === 0 ? 0 : 1;
const HIGH = 1 - LOW;

/** v with all but `bits` mantissa bits cleared (toward zero); v itself at EXACT_BITS. */
export function truncateBits(v: number, bits: number): number {
  if (bits >= EXACT_BITS || !Number.isFinite(v)) return v;
  scratch[0] = v;
  const drop = EXACT_BITS - bits;
  if (drop >= 32) {
    words[LOW] = 0;
    words[HIGH] = (words[HIGH] & ~((1 << (drop - 32)) - 1)) >>> 0;
  } else {
    words[LOW] = (words[LOW] & ~((2 ** drop - 1) >>> 0)) >>> 0;
  }
  return scratch[0];
}

/** The far end (from zero) of the bucket a key truncated to `bits` stands for: its cleared bits set. */
function bucketEnd(key: number, bits: number): number {
  if (bits >= EXACT_BITS || !Number.isFinite(key)) return key;
  scratch[0] = key;
  const drop = EXACT_BITS - bits;
  if (drop >= 32) {
    words[LOW] = 0xffffffff;
    words[HIGH] = (words[HIGH] | ((1 << (drop - 32)) - 1)) >>> 0;
  } else {
    words[LOW] = (words[LOW] | (2 ** drop - 1)) >>> 0;
  }
  return scratch[0];
}

/** Closed interval of the values a key may stand for (the key of 0 holds tiny values of both signs). */
export function bucketOf(key: number, bits: number): [number, number] {
  const end = bucketEnd(key, bits);
  if (key === 0) return [-end, end];
  return key > 0 ? [key, end] : [end, key];
}

export class ValueCounts {
  private counts = new Map<number, number>();
  bits = EXACT_BITS;

  constructor(private readonly cap: number) {
    if (!Number.isInteger(cap) || cap < MIN_VALUE_CAP)
      throw new Error(`ValueCounts: cap must be an integer >= ${MIN_VALUE_CAP}, got ${cap}`);
  }

  /** Counts `count` occurrences of a finite value. */
  add(value: number, count = 1): void {
    const key = truncateBits(value, this.bits);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    if (this.counts.size > this.cap) this.coarsen(this.bits - 1);
  }

  /** Adds other counts (kept at `bits`); the result is as if every value had been added here. */
  merge(keys: ArrayLike<number>, counts: ArrayLike<number>, bits: number): void {
    if (bits < this.bits) this.coarsen(bits);
    for (let i = 0; i < keys.length; i++) this.add(keys[i], counts[i]);
  }

  /**
   * Truncates every key to at most `bits`, and further until they fit the cap: to the largest
   * precision <= `bits` at which the keys fit (0 if none), as dropping one bit at a time would.
   * Truncation nests, so the number of distinct keys only falls as bits do, and it is monotone
   * (toward zero on each side of 0), so over the sorted keys equal truncated keys are adjacent: a
   * binary search over the bit count, counting runs, finds the precision, and the map is rebuilt
   * once. Dropping one bit at a time, a column of continuous values rebuilt it ~40 times.
   */
  private coarsen(bits: number): void {
    const keys = Float64Array.from(this.counts.keys()).sort();
    let lo = 0; // the answer if nothing fits
    let hi = Math.max(0, bits);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.fits(keys, mid)) lo = mid;
      else hi = mid - 1;
    }
    const next = new Map<number, number>();
    for (const [key, count] of this.counts) {
      const k = truncateBits(key, lo);
      next.set(k, (next.get(k) ?? 0) + count);
    }
    this.counts = next;
    this.bits = lo;
  }

  /** Whether the sorted keys truncated to `bits` are at most `cap` distinct (-0 and 0 are one key, as in a Map). */
  private fits(sorted: Float64Array, bits: number): boolean {
    let distinct = 0;
    let last = NaN;
    for (let i = 0; i < sorted.length; i++) {
      const k = truncateBits(sorted[i], bits);
      if (k !== last && ++distinct > this.cap) return false;
      last = k;
    }
    return true;
  }

  /** Keys ascending with their counts. */
  sorted(): { keys: Float64Array; counts: Float64Array } {
    const keys = Float64Array.from(this.counts.keys()).sort();
    const counts = Float64Array.from(keys, (k) => this.counts.get(k)!);
    return { keys, counts };
  }
}
