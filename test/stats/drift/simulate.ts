/**
 * Fast simulation of reference and current tables for the drift goal tests.
 *
 * Speed trick: a sorted uniform sample of size n is generated directly in O(n) from exponential
 * spacings (U_(k) = S_k / S_{n+1}, S_k a running sum of Exp(1) draws; Devroye 1986, §V.3), then
 * mapped through a monotone quantile function, so columns arrive sorted and the drift code
 * skips its sorts. Categorical columns map sorted uniforms through cumulative probabilities, which
 * is a multinomial sample in category order. Row order is irrelevant to every drift statistic.
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from "../../../src/data/table.ts";
import type { SeededRandom as Prng } from "../../support/seeded-random.ts";

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const [a0, a1, a2, a3, a4, a5] = A;
const [b0, b1, b2, b3, b4] = B;
const [c0, c1, c2, c3, c4, c5] = C;
const [d0, d1, d2, d3] = D;

/** Acklam's inverse normal CDF (relative error < 1.2e-9), enough for simulation. */
export function inverseNormal(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** n sorted uniforms in (0, 1), O(n). */
export function sortedUniforms(n: number, prng: Prng): Float64Array {
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum -= Math.log(prng.uniform32());
    out[i] = sum;
  }
  const total = sum - Math.log(prng.uniform32());
  for (let i = 0; i < n; i++) out[i] /= total;
  return out;
}

/** Binomial(n, p) by counting Bernoulli draws (exact; O(n)). */
function binomial(n: number, p: number, prng: Prng): number {
  if (p <= 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) if (prng.uniform32() < p) count++;
  return count;
}

interface NumericFeature {
  readonly kind: "numeric";
  readonly name: string;
  /** Monotone quantile function of the distribution. */
  readonly quantile: (u: number) => number;
  readonly missingShare: number;
}

interface CategoricalFeature {
  readonly kind: "categorical";
  readonly name: string;
  readonly categories: readonly string[];
  readonly probabilities: readonly number[];
  readonly missingShare: number;
}

export type Feature = NumericFeature | CategoricalFeature;

export function generateColumn(feature: Feature, n: number, prng: Prng): Column {
  const missing = binomial(n, feature.missingShare, prng);
  const present = n - missing;
  // Running sums of Exp(1) draws, scaled by the (present+1)-th sum, are sorted uniforms.
  const sums = new Float64Array(n).fill(NaN);
  let sum = 0;
  for (let i = 0; i < present; i++) {
    sum -= Math.log(prng.uniform32());
    sums[i] = sum;
  }
  const scale = 1 / (sum - Math.log(prng.uniform32()));
  if (feature.kind === "numeric") {
    const { quantile } = feature;
    for (let i = 0; i < present; i++) sums[i] = quantile(sums[i] * scale);
    return { kind: "numeric", name: feature.name, values: sums } satisfies NumericColumn;
  }
  const codes = new Int32Array(n).fill(-1);
  let category = 0;
  let cumulative = feature.probabilities[0];
  for (let i = 0; i < present; i++) {
    const u = sums[i] * scale;
    while (u >= cumulative && category < feature.probabilities.length - 1)
      cumulative += feature.probabilities[++category];
    codes[i] = category;
  }
  return { kind: "categorical", name: feature.name, codes, categories: feature.categories } satisfies CategoricalColumn;
}

export function generateTable(features: readonly Feature[], n: number, prng: Prng, source: string): Table {
  return { source, rowCount: n, columns: features.map((f) => generateColumn(f, n, prng)) };
}

const normal = (mean: number, sd: number) => (u: number) => mean + sd * inverseNormal(u);
const discrete = (probabilities: readonly number[]) => (u: number) => {
  let cumulative = 0;
  for (let k = 0; k < probabilities.length; k++) {
    cumulative += probabilities[k];
    if (u < cumulative) return k;
  }
  return probabilities.length - 1;
};
const zipf = (k: number) => {
  const weights = Array.from({ length: k }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
};
const labels = (prefix: string, k: number) => Array.from({ length: k }, (_, i) => `${prefix}${i}`);

/**
 * Twenty features of mixed kinds and shapes: symmetric, skewed, bounded, heavy-tailed,
 * discrete with heavy ties, with missing values, and categorical ones from binary to 30 levels
 * with rare categories (0.2% shares) that stress the chi-squared approximation.
 */
export function twentyFeatures(): Feature[] {
  const poisson3 = [
    0.0498, 0.1494, 0.224, 0.224, 0.168, 0.1008, 0.0504, 0.0216, 0.0081, 0.0027, 0.0008, 0.0002, 0.0004,
  ];
  const numeric: NumericFeature[] = [
    { kind: "numeric", name: "normal", quantile: normal(0, 1), missingShare: 0 },
    { kind: "numeric", name: "amount", quantile: normal(250, 40), missingShare: 0 },
    { kind: "numeric", name: "lognormal", quantile: (u) => Math.exp(inverseNormal(u)), missingShare: 0 },
    { kind: "numeric", name: "uniform", quantile: (u) => u, missingShare: 0 },
    { kind: "numeric", name: "exponential_missing", quantile: (u) => -Math.log(1 - u), missingShare: 0.1 },
    { kind: "numeric", name: "count_ties", quantile: discrete(poisson3), missingShare: 0 },
    { kind: "numeric", name: "hour", quantile: (u) => Math.floor(24 * u), missingShare: 0 },
    { kind: "numeric", name: "pareto", quantile: (u) => (1 - u) ** (-1 / 3), missingShare: 0 },
    { kind: "numeric", name: "normal_rare_missing", quantile: normal(5, 2), missingShare: 0.01 },
    { kind: "numeric", name: "score", quantile: (u) => 1 / (1 + Math.exp(-2 * inverseNormal(u))), missingShare: 0 },
    { kind: "numeric", name: "binary_numeric", quantile: (u) => (u < 0.3 ? 0 : 1), missingShare: 0 },
    { kind: "numeric", name: "weibull", quantile: (u) => (-Math.log(1 - u)) ** 0.5, missingShare: 0 },
    {
      kind: "numeric",
      name: "zero_inflated",
      quantile: (u) => (u < 0.6 ? 0 : -Math.log((1 - u) / 0.4)),
      missingShare: 0,
    },
    { kind: "numeric", name: "normal_wide", quantile: normal(-1000, 300), missingShare: 0.02 },
  ];
  const categorical: CategoricalFeature[] = [
    { kind: "categorical", name: "binary", categories: ["no", "yes"], probabilities: [0.8, 0.2], missingShare: 0 },
    { kind: "categorical", name: "color", categories: labels("c", 3), probabilities: [0.5, 0.3, 0.2], missingShare: 0 },
    { kind: "categorical", name: "region", categories: labels("r", 8), probabilities: zipf(8), missingShare: 0.05 },
    { kind: "categorical", name: "merchant", categories: labels("m", 30), probabilities: zipf(30), missingShare: 0 },
    {
      kind: "categorical",
      name: "device",
      categories: labels("d", 6),
      probabilities: [0.45, 0.3, 0.2, 0.044, 0.004, 0.002],
      missingShare: 0,
    },
    {
      kind: "categorical",
      name: "plan",
      categories: labels("p", 4),
      probabilities: [0.25, 0.25, 0.25, 0.25],
      missingShare: 0.005,
    },
  ];
  return [...numeric, ...categorical];
}

/** The same features with one numeric feature's mean moved by `shiftInSd` standard deviations. */
export function withMeanShift(features: readonly Feature[], name: string, shiftInSd: number, sd: number): Feature[] {
  return features.map((f) =>
    f.name === name && f.kind === "numeric" ? { ...f, quantile: (u: number) => f.quantile(u) + shiftInSd * sd } : f,
  );
}

/** The same features with a new category taking `share` of a categorical feature. */
export function withNewCategory(
  features: readonly Feature[],
  name: string,
  category: string,
  share: number,
): Feature[] {
  return features.map((f) =>
    f.name === name && f.kind === "categorical"
      ? {
          ...f,
          categories: [...f.categories, category],
          probabilities: [...f.probabilities.map((p) => p * (1 - share)), share],
        }
      : f,
  );
}
