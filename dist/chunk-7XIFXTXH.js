import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  sortFloat64
} from "./chunk-7NQOJBQY.js";
import {
  UserError
} from "./chunk-G5TKV47H.js";

// src/stats/numeric/summation.ts
var CompensatedSum = class {
  sum = 0;
  compensation = 0;
  add(value) {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }
  get value() {
    return this.sum + this.compensation;
  }
};

// src/stats/numeric/moments.ts
function moments(values) {
  const total = new CompensatedSum();
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    total.add(v);
    count += 1;
  }
  if (count === 0) return { count, mean: NaN, std: NaN };
  const mean = total.value / count;
  const squares = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    squares.add((v - mean) * (v - mean));
  }
  return { count, mean, std: Math.sqrt(squares.value / count) };
}

// src/stats/numeric/quantile.ts
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const t = position - below;
  const a = sorted[below];
  const b = sorted[above];
  if (a === b) return a;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

// src/stats/drift/psi.ts
var DEFAULT_PSI_BINS = 10;
var PSI_EMPTY_SHARE = 1e-4;
function psiBinEdges(sortedReference, bins = DEFAULT_PSI_BINS) {
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`psiBinEdges: bins must be an integer >= 2, got ${bins}`);
  const edges = [];
  if (sortedReference.length === 0) return edges;
  for (let k = 1; k < bins; k++) {
    const edge = quantileSorted(sortedReference, k / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}
function binCountsSorted(sortedValues2, edges) {
  const counts = new Array(edges.length + 1).fill(0);
  let bin = 0;
  for (let i = 0; i < sortedValues2.length; i++) {
    const v = sortedValues2[i];
    while (bin < edges.length && v > edges[bin]) bin++;
    counts[bin] += 1;
  }
  return counts;
}
function populationStabilityIndex(referenceCounts, currentCounts, emptyShare = PSI_EMPTY_SHARE) {
  if (referenceCounts.length !== currentCounts.length)
    throw new Error("populationStabilityIndex: count vectors differ in length");
  const referenceTotal = referenceCounts.reduce((a, b) => a + b, 0);
  const currentTotal = currentCounts.reduce((a, b) => a + b, 0);
  if (referenceTotal === 0 || currentTotal === 0) return NaN;
  let psi = 0;
  for (let i = 0; i < referenceCounts.length; i++) {
    const r = referenceCounts[i] / referenceTotal || emptyShare;
    const c = currentCounts[i] / currentTotal || emptyShare;
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}

// src/stats/drift/column-summary.ts
function sortedNonMissing(values) {
  let missing = 0;
  let sorted = true;
  let previous = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      missing += 1;
      continue;
    }
    if (v < previous) sorted = false;
    previous = v;
  }
  const present = new Float64Array(values.length - missing);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[k++] = values[i];
  return sorted ? present : sortFloat64(present);
}
function summarizeNumeric(column, options = {}) {
  const sortedValues2 = sortedNonMissing(column.values);
  let psi;
  if (options.psiBins !== void 0) {
    const edges = psiBinEdges(sortedValues2, options.psiBins);
    psi = { edges, counts: binCountsSorted(sortedValues2, edges) };
  }
  const rowCount = column.values.length;
  return { ...exactNumericSummary(column.name, rowCount, rowCount - sortedValues2.length, sortedValues2), psi };
}
function exactNumericSummary(name, rowCount, missingCount, sortedValues2) {
  const { mean, std } = moments(sortedValues2);
  const n = sortedValues2.length;
  return {
    kind: "numeric",
    name,
    rowCount,
    missingCount,
    sortedValues: sortedValues2,
    sampled: false,
    mean,
    std,
    min: n ? sortedValues2[0] : NaN,
    max: n ? sortedValues2[n - 1] : NaN
  };
}
function summarizeCategorical(column) {
  const countsByCode = new Float64Array(column.categories.length);
  let missingCount = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    if (code < 0 || code >= countsByCode.length) missingCount += 1;
    else countsByCode[code] += 1;
  }
  const categories = [];
  const counts = [];
  const indexByLabel = /* @__PURE__ */ new Map();
  column.categories.forEach((label, code) => {
    if (countsByCode[code] === 0) return;
    const existing = indexByLabel.get(label);
    if (existing === void 0) {
      indexByLabel.set(label, categories.length);
      categories.push(label);
      counts.push(countsByCode[code]);
    } else {
      counts[existing] += countsByCode[code];
    }
  });
  return { kind: "categorical", name: column.name, rowCount: column.codes.length, missingCount, categories, counts };
}
function summarizeColumn(column, options = {}) {
  return column.kind === "numeric" ? summarizeNumeric(column, options) : summarizeCategorical(column);
}
function isConstant(summary) {
  if (summary.kind === "numeric") return presentCount(summary) > 0 && summary.min === summary.max;
  return summary.categories.length === 1;
}
function presentCount(summary) {
  return summary.rowCount - summary.missingCount;
}

// src/stats/drift/categorical-counts.ts
function alignCategories(reference, current) {
  const categories = [...reference.categories];
  const referenceCounts = [...reference.counts];
  const currentCounts = new Array(categories.length).fill(0);
  const index = new Map(categories.map((c, i) => [c, i]));
  current.categories.forEach((category, i) => {
    let k = index.get(category);
    if (k === void 0) {
      k = categories.length;
      index.set(category, k);
      categories.push(category);
      referenceCounts.push(0);
      currentCounts.push(0);
    }
    currentCounts[k] += current.counts[i];
  });
  return { categories, reference: referenceCounts, current: currentCounts };
}
function unseenCategories(aligned) {
  const total = aligned.current.reduce((a, b) => a + b, 0);
  const unseen = [];
  aligned.categories.forEach((category, i) => {
    if (aligned.reference[i] === 0 && aligned.current[i] > 0)
      unseen.push({ category, count: aligned.current[i], share: aligned.current[i] / total });
  });
  return unseen.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1));
}
function splitSparseCategories(aligned, minimumExpected = 5) {
  const referenceTotal = aligned.reference.reduce((a, b) => a + b, 0);
  const currentTotal = aligned.current.reduce((a, b) => a + b, 0);
  const total = referenceTotal + currentTotal;
  const smaller = Math.min(referenceTotal, currentTotal);
  const dense = { categories: [], reference: [], current: [] };
  const sparse = { categories: [], reference: [], current: [] };
  let sparseCount = 0;
  aligned.categories.forEach((category, i) => {
    const count = aligned.reference[i] + aligned.current[i];
    if (count === 0) return;
    const target = smaller * count / total < minimumExpected ? sparse : dense;
    if (target === sparse) sparseCount += count;
    target.categories.push(category);
    target.reference.push(aligned.reference[i]);
    target.current.push(aligned.current[i]);
  });
  return { dense, sparse, sparseExpected: total > 0 ? smaller * sparseCount / total : 0 };
}

// src/stats/distributions/gamma.ts
var HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
var STIRLING_THRESHOLD = 10;
function stirlingCorrection(x) {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360))))));
}
function logGamma(x) {
  if (!(x > 0)) return NaN;
  if (x >= STIRLING_THRESHOLD) return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
  let shift = 0;
  let product = 1;
  let y = x;
  while (y < STIRLING_THRESHOLD) {
    product *= y;
    y += 1;
    if (product > 1e280) {
      shift += Math.log(product);
      product = 1;
    }
  }
  return logGamma(y) - shift - Math.log(product);
}
function log1pMinusT(t) {
  if (Math.abs(t) > 0.4) return Math.log1p(t) - t;
  let sum = 0;
  let power = t;
  for (let k = 2; k < 200; k++) {
    power *= -t;
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return sum;
}
function logPrefactor(a, x) {
  if (a >= STIRLING_THRESHOLD) {
    return a * log1pMinusT((x - a) / a) + 0.5 * Math.log(a) - HALF_LOG_2PI - stirlingCorrection(a);
  }
  return a * Math.log(x) - x - logGamma(a);
}
var TINY = 1e-300;
var EPS = 1e-16;
var MAX_ITERATIONS = 1e5;
function upperIncompleteGammaRatio(a, x) {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const logFactor = logPrefactor(a, x);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(logFactor)));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, Math.max(0, Math.exp(logFactor) * h));
}
function chiSquaredSurvival(statistic, degreesOfFreedom) {
  if (degreesOfFreedom <= 0) return NaN;
  return upperIncompleteGammaRatio(degreesOfFreedom / 2, statistic / 2);
}

// src/stats/tests/chi-squared-contingency.ts
function chiSquaredContingency(table, correction = true) {
  const rows = table.length;
  const columns = rows > 0 ? table[0].length : 0;
  if (rows === 0 || columns === 0) throw new Error("chiSquaredContingency: empty table");
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: columns }, (_, j) => table.reduce((sum, row) => sum + row[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (rowSums.some((s) => s === 0) || columnSums.some((s) => s === 0)) {
    throw new Error("chiSquaredContingency: a row or column sums to zero; drop it first");
  }
  const degreesOfFreedom = rows * columns - rows - columns + 1;
  if (degreesOfFreedom === 0) return { statistic: 0, pValue: 1, degreesOfFreedom };
  const statistic = new CompensatedSum();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const expected = rowSums[i] * columnSums[j] / total;
      let observed = table[i][j];
      if (degreesOfFreedom === 1 && correction) {
        const difference = expected - observed;
        observed += Math.sign(difference) * Math.min(0.5, Math.abs(difference));
      }
      statistic.add((observed - expected) * (observed - expected) / expected);
    }
  }
  const value = statistic.value;
  return { statistic: value, pValue: chiSquaredSurvival(value, degreesOfFreedom), degreesOfFreedom };
}

// src/stats/tests/fisher-exact.ts
var TIE_TOLERANCE = 1 + 1e-7;
function fisherExactTwoSided(a, b, c, d) {
  for (const v of [a, b, c, d]) {
    if (!Number.isInteger(v) || v < 0)
      throw new Error(`fisherExactTwoSided: counts must be non-negative integers, got ${v}`);
  }
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) return 1;
  const K = a + b;
  const N = a + b + c + d;
  const n = a + c;
  const low = Math.max(0, n - (N - K));
  const high = Math.min(K, n);
  const mode = Math.min(high, Math.max(low, Math.floor((n + 1) * (K + 1) / (N + 2))));
  const ratioUp = (x) => (K - x) * (n - x) / ((x + 1) * (N - K - n + x + 1));
  const weights = /* @__PURE__ */ new Map();
  weights.set(mode, 1);
  let w = 1;
  for (let x = mode; x < high; x++) {
    w *= ratioUp(x);
    if (w === 0) break;
    weights.set(x + 1, w);
  }
  w = 1;
  for (let x = mode; x > low; x--) {
    w /= ratioUp(x - 1);
    if (w === 0) break;
    weights.set(x - 1, w);
  }
  const observed = weights.get(a) ?? 0;
  let total = 0;
  let extreme = 0;
  const sorted = [...weights.values()].sort((p, q) => p - q);
  for (const weight of sorted) {
    total += weight;
    if (weight <= observed * TIE_TOLERANCE) extreme += weight;
  }
  if (observed === 0) return 0;
  return Math.min(1, extreme / total);
}

// src/stats/drift/categorical-significance.ts
var MINIMUM_EXPECTED_COUNT = 5;
function categoricalSignificance(reference, current) {
  const { dense, sparse, sparseExpected } = splitSparseCategories(
    alignCategories(reference, current),
    MINIMUM_EXPECTED_COUNT
  );
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const table = [[...dense.reference], [...dense.current]];
  const poolJoins = sparse.categories.length > 0 && sparseExpected >= MINIMUM_EXPECTED_COUNT;
  if (poolJoins) {
    table[0].push(sum(sparse.reference));
    table[1].push(sum(sparse.current));
  }
  const chi2 = table[0].length >= 2 ? chiSquaredContingency(table) : null;
  const pooledNote = poolJoins ? ` (${sparse.categories.length} sparse categories pooled)` : "";
  if (poolJoins || sparse.categories.length === 0) {
    if (!chi2) return { pValue: 1, statistic: 0, degreesOfFreedom: 0, detail: "one category" };
    return {
      pValue: chi2.pValue,
      statistic: chi2.statistic,
      degreesOfFreedom: chi2.degreesOfFreedom,
      detail: `chi-squared, df = ${chi2.degreesOfFreedom}${pooledNote}`
    };
  }
  const referenceTotal = sum(reference.counts);
  const currentTotal = sum(current.counts);
  const sparseReference = sum(sparse.reference);
  const sparseCurrent = sum(sparse.current);
  const fisher = fisherExactTwoSided(
    sparseReference,
    referenceTotal - sparseReference,
    sparseCurrent,
    currentTotal - sparseCurrent
  );
  const fisherNote = `Fisher's exact test on ${sparse.categories.length} sparse categories`;
  if (!chi2) return { pValue: fisher, statistic: NaN, degreesOfFreedom: 0, detail: fisherNote };
  return {
    pValue: Math.min(1, 2 * Math.min(chi2.pValue, fisher)),
    statistic: chi2.statistic,
    degreesOfFreedom: chi2.degreesOfFreedom,
    detail: `chi-squared, df = ${chi2.degreesOfFreedom}, and ${fisherNote} (Bonferroni)`
  };
}

// src/stats/drift/jensen-shannon.ts
function jensenShannonDistance(p, q, base = 2) {
  if (p.length !== q.length) throw new Error("jensenShannonDistance: vectors differ in length");
  const pTotal = p.reduce((a, b) => a + b, 0);
  const qTotal = q.reduce((a, b) => a + b, 0);
  if (!(pTotal > 0) || !(qTotal > 0)) return NaN;
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / pTotal;
    const qi = q[i] / qTotal;
    const mi = (pi + qi) / 2;
    if (pi > 0) left += pi * Math.log(pi / mi);
    if (qi > 0) right += qi * Math.log(qi / mi);
  }
  const divergence = (left + right) / Math.log(base);
  return Math.sqrt(Math.max(0, divergence) / 2);
}

// src/stats/distributions/ks-exact.ts
function probabilityOutsideSquare(n, h) {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}
function probabilityOutsideBand(mIn, nIn, g, h) {
  const m = Math.max(mIn, nIn);
  const n = Math.min(mIn, nIn);
  const mg = Math.trunc(m / g);
  const ng = Math.trunc(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxj - minj;
  const lengthA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lengthA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastMinj = minj;
    const lastLength = currentLength;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (A[jj + minj - lastMinj] * i + value * j) / (i + j);
      A[jj] = value;
    }
    currentLength = maxj - minj;
    if (lastLength > currentLength) {
      A.fill(1, maxj - minj, Math.min(maxj - minj + (lastLength - currentLength), lengthA));
    }
  }
  return A[maxj - minj - 1];
}

// src/stats/numeric/double-double.ts
var DD_ZERO = { hi: 0, lo: 0 };
var DD_ONE = { hi: 1, lo: 0 };
function fromNumber(value) {
  return { hi: value, lo: 0 };
}
function toNumber(value) {
  return value.hi + value.lo;
}
function twoSum(a, b) {
  const s = a + b;
  const bb = s - a;
  const e = a - (s - bb) + (b - bb);
  return { hi: s, lo: e };
}
function quickTwoSum(a, b) {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}
var SPLITTER = 134217729;
var SPLIT_THRESHOLD = 669692879491417e285;
var SPLIT_SCALE_DOWN = 37252902984e-19;
var SPLIT_SCALE_UP = 268435456;
function split(a) {
  if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
    const scaled = a * SPLIT_SCALE_DOWN;
    const t2 = SPLITTER * scaled;
    const hi2 = t2 - (t2 - scaled);
    const lo = scaled - hi2;
    return [hi2 * SPLIT_SCALE_UP, lo * SPLIT_SCALE_UP];
  }
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
function twoProduct(a, b) {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return { hi: p, lo: e };
}
function add(a, b) {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = quickTwoSum(s.hi, s.lo + t.hi);
  r = quickTwoSum(r.hi, r.lo + t.lo);
  return r;
}
function addNumber(a, b) {
  const s = twoSum(a.hi, b);
  return quickTwoSum(s.hi, s.lo + a.lo);
}
function sumOfNumbers(a, b) {
  return twoSum(a, b);
}
function negate(a) {
  return { hi: -a.hi, lo: -a.lo };
}
function subtract(a, b) {
  return add(a, negate(b));
}
function multiply(a, b) {
  const p = twoProduct(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
function multiplyNumber(a, b) {
  const p = twoProduct(a.hi, b);
  return quickTwoSum(p.hi, p.lo + a.lo * b);
}
function divide(a, b) {
  const q1 = a.hi / b.hi;
  let r = subtract(a, multiplyNumber(b, q1));
  const q2 = r.hi / b.hi;
  r = subtract(r, multiplyNumber(b, q2));
  const q3 = r.hi / b.hi;
  return addNumber(quickTwoSum(q1, q2), q3);
}
function divideNumbers(a, b) {
  const q1 = a / b;
  const p = twoProduct(q1, b);
  const d = twoSum(a, -p.hi);
  const q2 = (d.hi + (d.lo - p.lo)) / b;
  return quickTwoSum(q1, q2);
}
function floor(a) {
  const hi = Math.floor(a.hi);
  if (hi !== a.hi) return { hi, lo: 0 };
  return quickTwoSum(hi, Math.floor(a.lo));
}
var POWERS_OF_TWO = (() => {
  const table = new Float64Array(2046);
  for (let e = -1022; e <= 1023; e++) table[e + 1022] = 2 ** e;
  return table;
})();
function ldexpNumber(x, exponent) {
  if (exponent >= -1022 && exponent <= 1023) return x * POWERS_OF_TWO[exponent + 1022];
  let result = x;
  let e = exponent;
  while (e > 1023) {
    result *= POWERS_OF_TWO[1023 + 1022];
    e -= 1023;
  }
  while (e < -1022) {
    result *= POWERS_OF_TWO[0];
    e += 1022;
  }
  return result * POWERS_OF_TWO[e + 1022];
}
var FREXP_BUFFER = new Float64Array(1);
var FREXP_WORDS = new Uint32Array(FREXP_BUFFER.buffer);
var HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
function frexpNumber(x) {
  if (x === 0 || !Number.isFinite(x)) return { mantissa: x, exponent: 0 };
  FREXP_BUFFER[0] = x;
  const biased = FREXP_WORDS[HIGH_WORD] >>> 20 & 2047;
  if (biased === 0) {
    const scaled = frexpNumber(x * POWERS_OF_TWO[64 + 1022]);
    return { mantissa: scaled.mantissa, exponent: scaled.exponent - 64 };
  }
  const exponent = biased - 1022;
  return { mantissa: x * POWERS_OF_TWO[-exponent + 1022], exponent };
}
function frexp(a) {
  const { mantissa, exponent } = frexpNumber(a.hi);
  return { mantissa: { hi: mantissa, lo: ldexpNumber(a.lo, -exponent) }, exponent };
}
function ldexp(a, exponent) {
  return { hi: ldexpNumber(a.hi, exponent), lo: ldexpNumber(a.lo, exponent) };
}

// src/stats/distributions/smirnov.ts
var MINLOG = -745.1332191019412;
var SMIRNOV_MAX_COMPUTE_N = 1e6;
var SM_UPPER_MAX_TERMS = 3;
var SM_UPPERSUM_MIN_N = 10;
var SM_MAX_EXPONENT = 960;
var EPSILON = Number.EPSILON;
function smirnovSurvival(n, d) {
  return smirnovProbabilities(n, d).sf;
}
function smirnovProbabilities(n, x) {
  if (!(n > 0 && x >= 0 && x <= 1) || !Number.isInteger(n)) return { sf: NaN, cdf: NaN };
  if (n === 1) return { sf: 1 - x, cdf: x };
  if (x === 0) return { sf: 1, cdf: 0 };
  if (x === 1) return { sf: 0, cdf: 1 };
  const { alpha, nxFloor } = fractionalPartOfNX(n, x);
  let lowerLast = n - nxFloor - (alpha === 0 ? 0 : 1);
  let upperFirst = n - nxFloor;
  if (alpha === 0) {
    lowerLast -= 1;
    upperFirst += 1;
  }
  if (nxFloor === 0 || nxFloor === 1 && alpha === 0) {
    const t = powOfSum(1, x, n - 1);
    const cdf = x * t;
    return { sf: 1 - cdf, cdf };
  }
  if (-2 * n * x * x < MINLOG) return { sf: 0, cdf: 1 };
  if (nxFloor >= n - 1) {
    const sf = powOfSum(1, -x, n);
    return { sf, cdf: 1 - sf };
  }
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    if (logp < -Math.LN2) {
      const sf = Math.exp(logp);
      return { sf, cdf: 1 - sf };
    }
    const cdf = -Math.expm1(logp);
    return { sf: 1 - cdf, cdf };
  }
  const upperTermCount = n - upperFirst + 1;
  const useUpperSum = upperTermCount <= 1 && x < 0.5 || n >= SM_UPPERSUM_MIN_N && upperTermCount <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n);
  let start = 0;
  let step = 1;
  let termCount = lowerLast + 1;
  let binomialMantissa = DD_ONE;
  let binomialExponent = 0;
  let term;
  if (useUpperSum) {
    start = n;
    step = -1;
    termCount = n - upperFirst + 1;
    term = powDD(sumOfNumbers(1, x), n - 1);
  } else {
    term = divide(powDD(sumOfNumbers(1, -x), n), fromNumber(x));
  }
  let sum = add(DD_ZERO, term);
  ({ mantissa: binomialMantissa, exponent: binomialExponent } = nextBinomial(binomialMantissa, binomialExponent, n, 0));
  const vmid = Math.trunc(n / 2);
  for (let j = 1; j < termCount; j++) {
    const v = start + j * step;
    term = smirnovTerm(n, x, v, binomialMantissa, binomialExponent);
    const termValue = toNumber(term);
    if (Number.isFinite(termValue) && termValue !== 0) sum = add(sum, term);
    if (termValue !== 0) {
      if (4 * (termCount - j) * Math.abs(term.hi) < EPSILON * sum.hi && j !== termCount - 1) break;
    } else if (j > vmid) {
      break;
    }
    ({ mantissa: binomialMantissa, exponent: binomialExponent } = nextBinomial(
      binomialMantissa,
      binomialExponent,
      n,
      j
    ));
  }
  const prob = toNumber(multiply(fromNumber(x), sum));
  const clip2 = (p) => Math.min(1, Math.max(0, p));
  if (step < 0) return { sf: clip2(1 - prob), cdf: clip2(prob) };
  return { sf: clip2(prob), cdf: clip2(1 - prob) };
}
function fractionalPartOfNX(n, x) {
  const nx = twoProduct(n, x);
  const nxFloorDD = floor(nx);
  let alpha = subtract(nx, nxFloorDD).hi;
  let nxFloor = Math.trunc(nxFloorDD.hi);
  if (alpha === 1) {
    nxFloor += 1;
    alpha = 0;
  }
  return { alpha, nxFloor };
}
function nextBinomial(mantissa, exponent, n, j) {
  const ratio = divideNumbers(n - j, j + 1);
  const scaled = frexp(multiply(mantissa, ratio));
  return { mantissa: scaled.mantissa, exponent: exponent + scaled.exponent };
}
function powDD(a, m) {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return divide(DD_ONE, powDD(a, -m));
  }
  if (a.hi === 0 && a.lo === 0) return DD_ZERO;
  const ans = Math.pow(a.hi, m);
  const r = a.lo / a.hi;
  let adjustment = m * r;
  if (Math.abs(adjustment) > 1e-8) {
    if (Math.abs(adjustment) < 1e-4) {
      adjustment += m * r * ((m - 1) / 2 * r);
    } else {
      adjustment = Math.expm1(m * Math.log1p(r));
    }
  }
  return sumOfNumbers(ans, ans * adjustment);
}
function powOfSum(a, b, m) {
  return toNumber(powDD(sumOfNumbers(a, b), m));
}
function nextPowerOf2(x) {
  const q = x * 2 ** -52;
  return Math.abs(q + x);
}
function powScaled(a, m) {
  if (m <= 0) {
    if (m === 0) return { mantissa: DD_ONE, exponent: 0 };
    const inner = powScaled(a, -m);
    const inverted = frexp(divide(DD_ONE, inner.mantissa));
    return { mantissa: inverted.mantissa, exponent: -inner.exponent + inverted.exponent };
  }
  const { mantissa: y, exponent: yExponent } = frexp(a);
  if (m === 1) return { mantissa: y, exponent: yExponent };
  let maxExponent = SM_MAX_EXPONENT;
  if (m * (y.hi - 1) / y.hi < -SM_MAX_EXPONENT * Math.LN2) {
    const log2y = Math.log(y.hi) / Math.LN2;
    if (m * log2y <= -SM_MAX_EXPONENT) {
      maxExponent = Math.trunc(nextPowerOf2(-SM_MAX_EXPONENT / log2y + 1) / 2);
    }
  }
  if (m <= maxExponent) {
    const scaled2 = frexp(powDD(y, m));
    return { mantissa: scaled2.mantissa, exponent: scaled2.exponent + m * yExponent };
  }
  const q = Math.trunc(m / maxExponent);
  const r = m % maxExponent;
  const yToR = powScaled(y, r);
  const yToMax = powScaled(y, maxExponent);
  const yToMaxToQ = powScaled(yToMax.mantissa, q);
  const scaled = frexp(multiply(yToR.mantissa, yToMaxToQ.mantissa));
  const exponent = scaled.exponent + yToMaxToQ.exponent + yToMax.exponent * q + yToR.exponent + m * yExponent;
  return { mantissa: scaled.mantissa, exponent };
}
function smirnovTerm(n, x, v, binomialMantissa, binomialExponent) {
  const lowerBase = addNumber(divideNumbers(n - v, n), -x);
  const lower = powScaled(lowerBase, n - v);
  const upperBase = addNumber(divideNumbers(v, n), x);
  const upper = powScaled(upperBase, v - 1);
  const product = multiply(multiply(upper.mantissa, lower.mantissa), binomialMantissa);
  return ldexp(product, binomialExponent + upper.exponent + lower.exponent);
}

// src/stats/distributions/kolmogorov-two-sided.ts
var E128 = 128;
var EP128 = 2 ** 128;
var EM128 = 2 ** -128;
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var LOG_2PI = Math.log(2 * Math.PI);
var MIN_LOG = -708;
var SQRT3 = Math.sqrt(3);
var PI_SQUARED = Math.PI ** 2;
var PI_FOUR = Math.PI ** 4;
var PI_SIX = Math.PI ** 6;
var STIRLING_COEFFICIENTS = [
  -0.029550653594771242,
  0.00641025641025641,
  -0.0019175269175269176,
  8417508417508417e-19,
  -5952380952380953e-19,
  7936507936507937e-19,
  -0.002777777777777778,
  0.08333333333333333
];
var clip = (p) => Math.min(1, Math.max(0, p));
function kstwoSurvival(n, d) {
  if (Number.isNaN(d) || Number.isNaN(n)) return NaN;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  return kolmogorovN(n, d, false);
}
function select(cdfProbability, sfProbability, wantCdf) {
  return clip(wantCdf ? cdfProbability : sfProbability);
}
function logFactorialOverPower(n) {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING_COEFFICIENTS) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
function kolmogorovN(n, x, wantCdf) {
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return select(0, 1, wantCdf);
    let prob;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return select(prob, 1 - prob, wantCdf);
  }
  if (t >= n - 1) {
    const prob = 2 * Math.pow(1 - x, n);
    return select(1 - prob, prob, wantCdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSurvival(n, x);
    return select(1 - prob, prob, wantCdf);
  }
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) {
      const prob2 = durbinMatrixCdf(n, x);
      return select(prob2, 1 - prob2, wantCdf);
    }
    if (nxSquared <= 4) {
      const prob2 = pomeranzCdf(n, x);
      return select(prob2, 1 - prob2, wantCdf);
    }
    const prob = 2 * smirnovSurvival(n, x);
    return select(1 - prob, prob, wantCdf);
  }
  if (!wantCdf) {
    if (nxSquared >= 370) return 0;
    if (nxSquared >= 2.2) return clip(2 * smirnovSurvival(n, x));
  }
  let cdf;
  if (nxSquared >= 18) cdf = 1;
  else if (n <= 1e5 && n * x ** 1.5 <= 1.4) cdf = durbinMatrixCdf(n, x);
  else cdf = pelzGoodCdf(n, x);
  return select(cdf, 1 - cdf, wantCdf);
}
function matmul(a, b, m) {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * m;
      const rowOut = i * m;
      for (let j = 0; j < m; j++) out[rowOut + j] += aik * b[rowB + j];
    }
  }
  return out;
}
function durbinMatrixCdf(n, d) {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] *= factorial;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * factorial;
  let H = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let row = i - 1; row < m; row++) H[row * m + i] = w[row - (i - 1)];
  }
  for (let row = 0; row < m; row++) H[row * m] = v[row];
  for (let col = 0; col < m; col++) H[(m - 1) * m + col] = v[m - 1 - col];
  let power = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let remaining = n;
  let exponent = 0;
  let hExponent = 0;
  while (remaining > 0) {
    if (remaining % 2) {
      power = matmul(power, H, m);
      exponent += hExponent;
    }
    H = matmul(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExponent += E128;
    }
    remaining = Math.floor(remaining / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      exponent -= E128;
    }
  }
  if (exponent !== 0) p = ldexpNumber(p, exponent);
  return clip(p);
}
function pomeranzBounds(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    const odd = (i + 1) % 2;
    if (odd === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function pomeranzCdf(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const powerCount = 2 * (ll + 1);
  const gPower = new Float64Array(powerCount);
  const twoGPower = new Float64Array(powerCount);
  const oneMinusTwoGPower = new Float64Array(powerCount);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  let exponent = 0;
  const gOverN = g / n;
  const twoGOverN = 2 * g / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < powerCount; m++) {
    gPower[m] = gPower[m - 1] * gOverN / m;
    twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
    oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
  }
  let V0 = new Float64Array(powerCount);
  let V1 = new Float64Array(powerCount);
  V1[0] = 1;
  let V0start = 0;
  let V1start = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0start, V1start] = [V1start, V0start];
    V1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const powers = i === 1 || i === 2 * n + 1 ? gPower : i % 2 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length > 0) {
      const offset = k1 - V0start;
      const sliceLength = Math.max(0, Math.min(length, V0.length - offset));
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      let max = 0;
      for (let c = 0; c < convLength; c++) {
        const index = convStart + c;
        let sum = 0;
        const lo = Math.max(0, index - (length - 1));
        const hi = Math.min(index, sliceLength - 1);
        for (let a = lo; a <= hi; a++) sum += V0[offset + a] * powers[index - a];
        V1[c] = sum;
        if (sum > max) max = sum;
      }
      if (max > 0 && max < EM128) {
        for (let c = 0; c < convLength; c++) V1[c] *= EP128;
        exponent -= E128;
      }
      V1start = V0start + j1 - k1;
    }
  }
  let answer = V1[n - V1start];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > EP128) {
      answer *= EM128;
      exponent += E128;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexpNumber(answer, exponent);
  return clip(answer);
}
function pelzGoodCdf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
  const k2c = PI_FOUR * (1 - 2 * z2) / 16;
  const k3d = PI_SIX * (5 - 30 * z2) / 64;
  const k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
  const k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coefficients[i];
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q * SQRT_2PI / divisors[i];
  q = Math.exp(-PI_SQUARED / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qPowerK2 = q ** k2;
    const kpi = Math.PI * k;
    k2extra += k2 * qPowerK2;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qPowerK2;
  }
  K[2] += k2extra * (PI_SQUARED * SQRT_2PI / (-36 * z3));
  K[3] += k3extra * (PI_SQUARED * SQRT_2PI / (216 * z6));
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

// src/stats/tests/ks-two-sample.ts
var KS_MAX_EXACT_SIZE = 1e4;
var INT32_MAX = 2147483647;
function sortedValues(values) {
  const array = values instanceof Float64Array ? values : Float64Array.from(values);
  for (let i = 0; i < array.length; i++) {
    if (Number.isNaN(array[i])) throw new Error("ksTwoSample: values must not contain NaN; drop missing values first");
  }
  if (isSorted(array)) return array;
  return Float64Array.from(array).sort();
}
function isSorted(values) {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}
function ksTwoSample(a, b, method = "auto") {
  return ksTwoSampleSorted(sortedValues(a), sortedValues(b), method);
}
function ksTwoSampleSorted(a, b, method = "auto") {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new Error("ksTwoSample: both samples must be non-empty");
  return ksFromGaps(largestGap(a, b), n1, n2, method);
}
function ksFromGaps(gap, n1, n2, method = "auto") {
  let d;
  let location;
  let sign;
  if (gap.minusGap > gap.plusGap) {
    d = gap.minusGap;
    location = gap.minusLocation;
    sign = -1;
  } else {
    d = gap.plusGap;
    location = gap.plusLocation;
    sign = 1;
  }
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let mode;
  if (method === "auto") mode = Math.max(n1, n2) <= KS_MAX_EXACT_SIZE ? "exact" : "asymptotic";
  else if (method === "exact") mode = n1g >= INT32_MAX / n2g ? "asymptotic" : "exact";
  else mode = "asymptotic";
  let pValue = NaN;
  if (mode === "exact") {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) {
      pValue = 1;
    } else {
      const prob = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideBand(n1, n2, g, h);
      if (prob >= 0 && prob <= 1) pValue = prob;
      else mode = "asymptotic";
    }
  }
  if (mode === "asymptotic") {
    const larger = Math.max(n1, n2);
    const smaller = Math.min(n1, n2);
    const en = larger * smaller / (larger + smaller);
    pValue = kstwoSurvival(roundHalfEven(en), d);
  }
  return { statistic: d, pValue: Math.min(1, Math.max(0, pValue)), method: mode, location, sign };
}
function largestGap(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let plusGap = -Infinity;
  let plusLocation = NaN;
  let minusGap = -Infinity;
  let minusLocation = NaN;
  while (i < n1 || j < n2) {
    const value = j >= n2 || i < n1 && a[i] <= b[j] ? a[i] : b[j];
    while (i < n1 && a[i] <= value) i++;
    while (j < n2 && b[j] <= value) j++;
    const diff = i / n1 - j / n2;
    if (diff > plusGap) {
      plusGap = diff;
      plusLocation = value;
    }
    const negated = -diff;
    if (negated > minusGap) {
      minusGap = negated;
      minusLocation = value;
    }
  }
  return { plusGap, plusLocation, minusGap: Math.min(1, Math.max(0, minusGap)), minusLocation };
}
function gcd(a, b) {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
function roundHalfEven(x) {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

// src/stats/drift/wasserstein.ts
function wassersteinDistanceSorted(u, v) {
  const nu = u.length;
  const nv = v.length;
  if (nu === 0 || nv === 0) throw new Error("wassersteinDistance: both samples must be non-empty");
  let sum = 0;
  let compensation = 0;
  let i = 0;
  let j = 0;
  let previous = Math.min(u[0], v[0]);
  for (; ; ) {
    while (i < nu && u[i] <= previous) i++;
    while (j < nv && v[j] <= previous) j++;
    if (i === nu && j === nv) break;
    const next = j >= nv || i < nu && u[i] <= v[j] ? u[i] : v[j];
    const term = Math.abs(i / nu - j / nv) * (next - previous);
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    previous = next;
  }
  return sum + compensation;
}
function normalizeWasserstein(distance, referenceStd, currentStd) {
  if (referenceStd > 0) return distance / referenceStd;
  if (currentStd > 0) return distance / currentStd;
  return distance === 0 ? 0 : Infinity;
}

// src/stats/drift/registry.ts
var DRIFT_TEST_NAMES = ["ks", "wasserstein", "psi", "chi2", "jensenshannon", "missing"];
function bothNumeric(reference, current) {
  if (reference.kind !== "numeric" || current.kind !== "numeric") return null;
  if (reference.sortedValues.length === 0 || presentCount(current) === 0) return null;
  return [reference, current];
}
function measuredAgainst(reference, current) {
  const measured = current.measured;
  if (measured && measured.reference !== reference)
    throw new Error(`drift: column "${current.name}" was measured against another reference`);
  return measured;
}
function bothCategorical(reference, current) {
  if (reference.kind !== "categorical" || current.kind !== "categorical") return null;
  if (presentCount(reference) === 0 || presentCount(current) === 0) return null;
  return [reference, current];
}
var DEFINITIONS = {
  ks: {
    name: "ks",
    title: "Kolmogorov\u2013Smirnov",
    columnKinds: ["numeric"],
    scale: "p-value",
    defaultThreshold: 0.05,
    measure(reference, current) {
      const pair = bothNumeric(reference, current);
      if (!pair) return null;
      const measured = measuredAgainst(pair[0], pair[1]);
      const result = measured ? ksFromGaps(measured.gaps, pair[0].sortedValues.length, presentCount(pair[1])) : ksTwoSampleSorted(pair[0].sortedValues, pair[1].sortedValues);
      const detail = measured?.ksError ? `${result.method}; D within ${formatNumber(measured.ksError)} (${measured.by})` : result.method;
      return { value: result.pValue, statistic: result.statistic, detail };
    }
  },
  wasserstein: {
    name: "wasserstein",
    title: "Wasserstein distance (in reference standard deviations)",
    columnKinds: ["numeric"],
    scale: "distance",
    defaultThreshold: 0.1,
    measure(reference, current) {
      const pair = bothNumeric(reference, current);
      if (!pair) return null;
      const measured = measuredAgainst(pair[0], pair[1]);
      const distance = measured ? measured.wasserstein : wassersteinDistanceSorted(pair[0].sortedValues, pair[1].sortedValues);
      const value = normalizeWasserstein(distance, pair[0].std, pair[1].std);
      if (!measured || measured.wassersteinError === 0) return { value, statistic: distance };
      const error = normalizeWasserstein(measured.wassersteinError, pair[0].std, pair[1].std);
      return { value, statistic: distance, detail: `within ${formatNumber(error)} sd (${measured.by})` };
    }
  },
  psi: {
    name: "psi",
    title: "Population Stability Index",
    columnKinds: ["numeric", "categorical"],
    scale: "distance",
    defaultThreshold: 0.1,
    measure(reference, current) {
      const numeric = bothNumeric(reference, current);
      if (numeric) {
        const bins = numeric[0].psi;
        if (!bins) return null;
        const measured = measuredAgainst(numeric[0], numeric[1]);
        if (measured && !measured.psiCounts) return null;
        const currentCounts = measured ? [...measured.psiCounts] : binCountsSorted(numeric[1].sortedValues, bins.edges);
        const detail = measured?.psiMovedShare ? `${bins.counts.length} bins; up to ${formatNumber(measured.psiMovedShare * 100)}% of the window may sit in a neighbouring bin (${measured.by})` : `${bins.counts.length} bins`;
        return { value: populationStabilityIndex(bins.counts, currentCounts), detail };
      }
      const categorical = bothCategorical(reference, current);
      if (!categorical) return null;
      const aligned = alignCategories(categorical[0], categorical[1]);
      return {
        value: populationStabilityIndex(aligned.reference, aligned.current),
        detail: `${aligned.categories.length} categories`
      };
    }
  },
  chi2: {
    name: "chi2",
    title: "Chi-squared",
    columnKinds: ["categorical"],
    scale: "p-value",
    defaultThreshold: 0.05,
    measure(reference, current) {
      const pair = bothCategorical(reference, current);
      if (!pair) return null;
      const result = categoricalSignificance(pair[0], pair[1]);
      return { value: result.pValue, statistic: result.statistic, detail: result.detail };
    }
  },
  jensenshannon: {
    name: "jensenshannon",
    title: "Jensen\u2013Shannon distance",
    columnKinds: ["categorical"],
    scale: "distance",
    defaultThreshold: 0.1,
    measure(reference, current) {
      const pair = bothCategorical(reference, current);
      if (!pair) return null;
      const aligned = alignCategories(pair[0], pair[1]);
      return { value: jensenShannonDistance(aligned.reference, aligned.current) };
    }
  },
  missing: {
    name: "missing",
    title: "Missing-value share (Fisher's exact test)",
    columnKinds: ["numeric", "categorical"],
    scale: "p-value",
    defaultThreshold: 0.05,
    measure(reference, current) {
      if (reference.rowCount === 0 || current.rowCount === 0) return null;
      const value = fisherExactTwoSided(
        reference.missingCount,
        presentCount(reference),
        current.missingCount,
        presentCount(current)
      );
      const share = (s) => s.missingCount / s.rowCount;
      return { value, statistic: share(current) - share(reference) };
    }
  }
};
var DRIFT_TESTS = DRIFT_TEST_NAMES.map((name) => DEFINITIONS[name]);
function findDriftTest(name, where) {
  if (DRIFT_TEST_NAMES.includes(name)) return DEFINITIONS[name];
  throw new UserError(
    `Unknown drift test "${name}". Use one of: ${DRIFT_TEST_NAMES.join(", ")} (or leave it out for the calibrated default).`,
    where
  );
}
function driftTestsFor(kind) {
  return DRIFT_TESTS.filter((test) => test.columnKinds.includes(kind));
}
function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(1);
  return value.toPrecision(2).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}
function evaluateDriftTest(definition, metric, threshold = definition.defaultThreshold) {
  const base = { test: definition.name, title: definition.title, scale: definition.scale, threshold };
  if (!metric || Number.isNaN(metric.value)) {
    return {
      ...base,
      value: null,
      status: "not applicable",
      sentence: `${definition.title}: not applicable (no non-missing values on one side).`
    };
  }
  const { value } = metric;
  const drift = definition.scale === "p-value" ? value < threshold : value >= threshold;
  const sentence = definition.scale === "p-value" ? drift ? `${definition.title} p-value ${formatNumber(value)} is below ${formatNumber(threshold)}: the distributions differ.` : `${definition.title} p-value ${formatNumber(value)} is not below ${formatNumber(threshold)}: no evidence of change.` : drift ? `${definition.title} ${formatNumber(value)} is at or above ${formatNumber(threshold)}: the distributions differ by more than the threshold.` : `${definition.title} ${formatNumber(value)} is below ${formatNumber(threshold)}.`;
  return {
    ...base,
    value,
    statistic: metric.statistic,
    detail: metric.detail,
    status: drift ? "drift" : "no drift",
    sentence
  };
}

// src/monitor/column-jobs.ts
function runColumnJob(job) {
  if (job.op === "summarize") return summarizeNumeric(job.column, { psiBins: job.psiBins });
  if (job.op === "sort") return sortedNonMissing(job.values);
  const metrics = {};
  for (const test of driftTestsFor("numeric")) metrics[test.name] = test.measure(job.reference, job.current);
  return metrics;
}
function jobSize(job) {
  if (job.op === "summarize") return job.column.values.length;
  if (job.op === "sort") return job.values.length;
  return job.reference.sortedValues.length + job.current.sortedValues.length;
}
function transferables(result) {
  if (result instanceof Float64Array) return [result.buffer];
  if ("sortedValues" in result && result.sortedValues instanceof Float64Array)
    return [result.sortedValues.buffer];
  return [];
}

export {
  moments,
  quantileSorted,
  DEFAULT_PSI_BINS,
  sortedNonMissing,
  summarizeNumeric,
  exactNumericSummary,
  summarizeCategorical,
  summarizeColumn,
  isConstant,
  presentCount,
  alignCategories,
  unseenCategories,
  ksTwoSample,
  ksFromGaps,
  normalizeWasserstein,
  findDriftTest,
  driftTestsFor,
  formatNumber,
  evaluateDriftTest,
  runColumnJob,
  jobSize,
  transferables
};
