import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);

// src/stats/numeric/radix-sort.ts
var SORT_DIGIT_BITS = 16;
var ARGSORT_DIGIT_BITS = 11;
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
var HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;
var SMALL = 512;
function sortFloat64(values) {
  const n = values.length;
  if (n < SMALL) {
    for (let i = 0; i < n; i++) if (values[i] === 0) values[i] = 0;
    return values.sort();
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  encodeKeys(words, high, low);
  const sorted = sortKeys(high, low, void 0, SORT_DIGIT_BITS);
  for (let i = 0; i < n; i++) {
    const h = sorted.high[i];
    const negative = !(h >>> 31);
    words[2 * i + HIGH_WORD] = (negative ? ~h : h ^ 2147483648) >>> 0;
    words[2 * i + LOW_WORD] = (negative ? ~sorted.low[i] : sorted.low[i]) >>> 0;
  }
  return values;
}
function radixArgsort(values, startOrder) {
  const n = startOrder.length;
  if (n !== values.length) throw new RangeError("radixArgsort: startOrder must be a permutation of the rows");
  const gathered = new Float64Array(n);
  for (let i = 0; i < n; i++) gathered[i] = values[startOrder[i]];
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  encodeKeys(new Uint32Array(gathered.buffer), high, low);
  return sortKeys(high, low, Int32Array.from(startOrder), ARGSORT_DIGIT_BITS).order;
}
function encodeKeys(words, high, low) {
  for (let i = 0; i < high.length; i++) {
    const h = words[2 * i + HIGH_WORD];
    const l = words[2 * i + LOW_WORD];
    if (h >>> 31 && (h !== 2147483648 || l !== 0)) {
      high[i] = ~h >>> 0;
      low[i] = ~l >>> 0;
    } else {
      high[i] = (h | 2147483648) >>> 0;
      low[i] = l;
    }
  }
}
function sortKeys(high, low, order, digitBits) {
  const n = high.length;
  const mask = (1 << digitBits) - 1;
  const shifts = [];
  for (let shift = 0; shift < 32; shift += digitBits) shifts.push(shift);
  let nextHigh = new Uint32Array(n);
  let nextLow = new Uint32Array(n);
  let nextOrder = order && new Int32Array(n);
  const counts = new Int32Array(mask + 1);
  for (const shift of shifts) {
    if (!histogram(low, shift, mask, counts)) continue;
    if (order && nextOrder) {
      for (let i = 0; i < n; i++) {
        const at = counts[low[i] >>> shift & mask]++;
        nextHigh[at] = high[i];
        nextLow[at] = low[i];
        nextOrder[at] = order[i];
      }
      [order, nextOrder] = [nextOrder, order];
    } else {
      for (let i = 0; i < n; i++) {
        const at = counts[low[i] >>> shift & mask]++;
        nextHigh[at] = high[i];
        nextLow[at] = low[i];
      }
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
  }
  for (const shift of shifts) {
    if (!histogram(high, shift, mask, counts)) continue;
    if (order && nextOrder) {
      for (let i = 0; i < n; i++) {
        const at = counts[high[i] >>> shift & mask]++;
        nextHigh[at] = high[i];
        nextOrder[at] = order[i];
      }
      [order, nextOrder] = [nextOrder, order];
    } else {
      for (let i = 0; i < n; i++) {
        const at = counts[high[i] >>> shift & mask]++;
        nextHigh[at] = high[i];
        nextLow[at] = low[i];
      }
      [low, nextLow] = [nextLow, low];
    }
    [high, nextHigh] = [nextHigh, high];
  }
  return { high, low, order };
}
function histogram(keys, shift, mask, counts) {
  const n = keys.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i] >>> shift & mask]++;
  let start = 0;
  for (let bucket = 0; bucket <= mask; bucket++) {
    const count = counts[bucket];
    if (count === n) return false;
    counts[bucket] = start;
    start += count;
  }
  return true;
}

export {
  sortFloat64,
  radixArgsort
};
