import type { Column } from "../data/table.ts";
import { sortFloat64 } from "../stats/numeric/radix-sort.ts";

/** Reference and current shares per bin (numeric) or per category, for the report's charts. Pure. */
export interface Histogram {
  kind: "numeric" | "categorical";
  labels: string[];
  reference: number[];
  current: number[];
}

const BINS = 20;
const MAX_CATEGORIES = 15;

/**
 * Numeric: equal-width bins spanning the reference's 0.5%–99.5% range (outliers fall in the
 * end bins), so one extreme value cannot flatten the chart. Categorical: the most frequent
 * categories of either side, the rest as "(other)". Shares, not counts: the sides differ in size.
 */
export function histogramOf(reference: Column, current: Column): Histogram | undefined {
  if (reference.kind === "numeric" && current.kind === "numeric") {
    const sorted = sortFloat64(reference.values.filter(Number.isFinite));
    if (sorted.length === 0) return undefined;
    let lo = sorted[Math.floor(0.005 * (sorted.length - 1))];
    let hi = sorted[Math.ceil(0.995 * (sorted.length - 1))];
    if (hi <= lo) {
      lo -= 0.5;
      hi += 0.5;
    }
    const width = (hi - lo) / BINS;
    const count = (values: Float64Array) => {
      const bins = new Array(BINS).fill(0);
      let n = 0;
      for (const v of values) {
        if (!Number.isFinite(v)) continue;
        bins[Math.min(BINS - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
        n++;
      }
      return bins.map((b) => (n ? b / n : 0));
    };
    return {
      kind: "numeric",
      labels: Array.from({ length: BINS }, (_, i) => formatEdge(lo + i * width)),
      reference: count(reference.values),
      current: count(current.values),
    };
  }
  if (reference.kind === "categorical" && current.kind === "categorical") {
    const shares = (column: typeof reference) => {
      const counts = new Map<string, number>();
      let n = 0;
      for (const code of column.codes) {
        if (code < 0) continue;
        const name = column.categories[code];
        counts.set(name, (counts.get(name) ?? 0) + 1);
        n++;
      }
      return { counts, n };
    };
    const a = shares(reference);
    const b = shares(current);
    const all = new Set([...a.counts.keys(), ...b.counts.keys()]);
    const ranked = [...all].sort(
      (x, y) =>
        (b.counts.get(y) ?? 0) / (b.n || 1) +
        (a.counts.get(y) ?? 0) / (a.n || 1) -
        ((b.counts.get(x) ?? 0) / (b.n || 1) + (a.counts.get(x) ?? 0) / (a.n || 1)),
    );
    const shown = ranked.slice(0, MAX_CATEGORIES);
    const other = ranked.length > MAX_CATEGORIES;
    const share = (side: { counts: Map<string, number>; n: number }) => {
      const values = shown.map((c) => (side.n ? (side.counts.get(c) ?? 0) / side.n : 0));
      if (other) values.push(1 - values.reduce((s, v) => s + v, 0));
      return values;
    };
    return {
      kind: "categorical",
      labels: other ? [...shown, "(other)"] : shown,
      reference: share(a),
      current: share(b),
    };
  }
  return undefined;
}

function formatEdge(value: number): string {
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 0.01 || abs >= 1e5) ? value.toExponential(1) : Number(value.toPrecision(3)).toString();
}
