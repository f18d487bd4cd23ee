/**
 * Sorts finite-or-infinite doubles (no NaN) ascending, in place, by an LSD radix sort on their
 * IEEE-754 bits: 4 passes of 16 bits over the two 32-bit halves, O(n). On a million values it is
 * several times faster than TypedArray.prototype.sort (a comparison sort), which dominated drift's
 * run time. The result is the same order: −Infinity … −0, +0 … +Infinity.
 *
 * Key: for a non-negative double flip the sign bit; for a negative one flip every bit. The keys
 * then compare as unsigned 64-bit integers in the order of the doubles.
 * Worked example: [3, −1, 0, −Infinity] → [−Infinity, −1, 0, 3].
 */
const SMALL = 512;

export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // Little-endian: word 2i is the low half, 2i + 1 the high half with the sign bit.
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    const mask = h >>> 31 ? 0xffffffff : 0x80000000;
    hi[i] = (h ^ mask) >>> 0;
    lo[i] = (words[2 * i] ^ (h >>> 31 ? 0xffffffff : 0)) >>> 0;
  }
  let loOut = new Uint32Array(n);
  let hiOut = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i] >>> shift) & 0xffff]++;
    // A digit every value shares moves nothing: skip the pass.
    if (counts[(key[0] >>> shift) & 0xffff] === n) continue;
    let total = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(key[i] >>> shift) & 0xffff]++;
      loOut[at] = lo[i];
      hiOut[at] = hi[i];
    }
    [lo, loOut] = [loOut, lo];
    [hi, hiOut] = [hiOut, hi];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    const negative = !(h >>> 31);
    words[2 * i + 1] = (negative ? ~h : h ^ 0x80000000) >>> 0;
    words[2 * i] = (negative ? ~lo[i] : lo[i]) >>> 0;
  }
  return values;
}
