/**
 * Summarizes a current window batch by batch, in memory bounded by the reference rather than by
 * the window, into the column summaries the drift tests take (column-summary.ts).
 *
 * Numeric columns keep their values while the window is small (all of them, sorted at the end:
 * exactly today's computation) and switch, once they pass `exactValues`, to counts on the
 * reference's distinct values (binned-window.ts): KS and PSI stay exact, Wasserstein carries a
 * stated error bound far below the sampling noise the verdict removes. Moments, range and the
 * missing count are exact either way. Categorical columns are counted per category (memory grows
 * with the number of distinct categories, not with rows).
 *
 * A column absent from some batches (a file that lacks it) is missing in those rows, as when the
 * files are read whole. A column whose kind differs from the reference is remembered and reported
 * by the verdict (assess-drift.ts fails closed on it).
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from "../../data/table.ts";
import { addToBinnedWindow, compareBinnedWindow, emptyBinnedWindow, type BinnedWindow } from "./binned-window.ts";
import {
  exactNumericSummary,
  sortedNonMissing,
  type CategoricalSummary,
  type ColumnSummary,
  type NumericSummary,
} from "./column-summary.ts";
import { moments } from "../numeric/moments.ts";
import type { RandomSource } from "./reservoir-sample.ts";

/** Default numeric values kept exactly, over all columns (8 bytes each: 256 MiB). */
const DEFAULT_EXACT_VALUES = 1 << 25;
/** Values per column kept for the HTML report's histograms once the window is binned. */
const HISTOGRAM_SAMPLE_SIZE = 20000;

export interface WindowSummaryOptions {
  /** Numeric values kept exactly over all monitored columns before switching to counts. */
  readonly exactValues?: number;
  /** Keep a uniform sample of each column for histograms (with this random source). */
  readonly sampleFor?: RandomSource;
}

export interface WindowSummary {
  readonly rowCount: number;
  /** Summaries of the monitored columns the window has, of the reference's kind. */
  readonly columns: Map<string, ColumnSummary>;
  /** Monitored columns seen with another kind than the reference's (name -> kind seen). */
  readonly kindChanges: Map<string, Column["kind"]>;
  /** Columns of the window (all of them, for messages). */
  readonly seen: readonly string[];
  /** A small uniform sample per monitored column, as columns, for histograms (when asked). */
  readonly samples: Map<string, Column>;
}

interface Accumulator {
  add(column: Column | undefined, rows: number): void;
  finish(rowCount: number, sorted?: Float64Array): ColumnSummary;
  sample(): Column | undefined;
}

export class WindowSummarizer {
  private rowCount = 0;
  private readonly accumulators = new Map<string, Accumulator>();
  private readonly kindChanges = new Map<string, Column["kind"]>();
  private readonly seen = new Set<string>();
  private readonly sawColumn = new Set<string>();

  constructor(
    private readonly references: ReadonlyMap<string, ColumnSummary>,
    options: WindowSummaryOptions = {},
  ) {
    const numeric = [...references.values()].filter((s) => s.kind === "numeric").length;
    const perColumn = Math.max(1, Math.floor((options.exactValues ?? DEFAULT_EXACT_VALUES) / Math.max(1, numeric)));
    for (const [name, reference] of references) {
      this.accumulators.set(
        name,
        reference.kind === "numeric"
          ? new NumericAccumulator(name, reference, perColumn, options.sampleFor)
          : new CategoricalAccumulator(name, options.sampleFor),
      );
    }
  }

  /** Adds one batch of rows (a Table over any columns). */
  add(batch: Table): void {
    const byName = new Map(batch.columns.map((c) => [c.name, c]));
    for (const c of batch.columns) this.seen.add(c.name);
    for (const [name, accumulator] of this.accumulators) {
      const column = byName.get(name);
      const reference = this.references.get(name)!;
      if (column && column.kind !== reference.kind) {
        if (!this.kindChanges.has(name)) this.kindChanges.set(name, column.kind);
        continue;
      }
      if (column) this.sawColumn.add(name);
      accumulator.add(column, batch.rowCount);
    }
    this.rowCount += batch.rowCount;
  }

  /**
   * The values numeric columns kept exactly, unsorted, by column: a caller may sort them
   * elsewhere (sortedNonMissing, on other threads) and hand them to finish().
   */
  keptValues(): Map<string, Float64Array> {
    const kept = new Map<string, Float64Array>();
    for (const [name, accumulator] of this.accumulators) {
      const values = accumulator instanceof NumericAccumulator ? accumulator.kept() : undefined;
      if (values && this.sawColumn.has(name) && !this.kindChanges.has(name)) kept.set(name, values);
    }
    return kept;
  }

  /** The summaries; `sorted` holds keptValues() passed through sortedNonMissing, by column. */
  finish(sorted?: ReadonlyMap<string, Float64Array>): WindowSummary {
    const columns = new Map<string, ColumnSummary>();
    const samples = new Map<string, Column>();
    for (const [name, accumulator] of this.accumulators) {
      if (!this.sawColumn.has(name) || this.kindChanges.has(name)) continue;
      columns.set(name, accumulator.finish(this.rowCount, sorted?.get(name)));
      const sample = accumulator.sample();
      if (sample) samples.set(name, sample);
    }
    return { rowCount: this.rowCount, columns, kindChanges: this.kindChanges, seen: [...this.seen], samples };
  }
}

class NumericAccumulator implements Accumulator {
  private buffer: Float64Array | undefined = new Float64Array(1024);
  private buffered = 0;
  private binned: BinnedWindow | undefined;
  private psiCounts: number[] | undefined;
  private present = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly reservoir: Reservoir<number> | undefined;

  constructor(
    private readonly name: string,
    private readonly reference: NumericSummary,
    private readonly exactLimit: number,
    random: RandomSource | undefined,
  ) {
    this.reservoir = random ? new Reservoir<number>(HISTOGRAM_SAMPLE_SIZE, random) : undefined;
  }

  add(column: Column | undefined, _rows: number): void {
    if (!column || column.kind !== "numeric") return;
    const values = column.values;
    this.addMoments(values);
    if (this.reservoir)
      for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) this.reservoir.offer(values[i]);
    if (this.buffer && this.buffered + values.length <= this.exactLimit) {
      this.append(values);
      return;
    }
    if (this.buffer) this.switchToCounts();
    addToBinnedWindow(this.binned!, values);
    this.countPsi(values);
  }

  private append(values: Float64Array): void {
    let buffer = this.buffer!;
    if (this.buffered + values.length > buffer.length) {
      const grown = new Float64Array(
        Math.min(this.exactLimit, Math.max(buffer.length * 2, this.buffered + values.length)),
      );
      grown.set(buffer.subarray(0, this.buffered));
      buffer = this.buffer = grown;
    }
    buffer.set(values, this.buffered);
    this.buffered += values.length;
  }

  private switchToCounts(): void {
    this.binned = emptyBinnedWindow(this.reference.sortedValues);
    this.psiCounts = this.reference.psi ? new Array<number>(this.reference.psi.edges.length + 1).fill(0) : undefined;
    const kept = this.buffer!.subarray(0, this.buffered);
    addToBinnedWindow(this.binned, kept);
    this.countPsi(kept);
    this.buffer = undefined;
  }

  /** psi.ts's right-closed bins: a value goes to the first bin whose edge it does not exceed. */
  private countPsi(values: Float64Array): void {
    const counts = this.psiCounts;
    const edges = this.reference.psi?.edges;
    if (!counts || !edges) return;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v > edges[mid]) lo = mid + 1;
        else hi = mid;
      }
      counts[lo] += 1;
    }
  }

  /** Chan et al.'s pairwise update of count, mean and M2 with one batch's exact two-pass moments. */
  private addMoments(values: Float64Array): void {
    const batch = moments(values);
    if (batch.count === 0) return;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
    }
    const batchM2 = batch.std * batch.std * batch.count;
    const total = this.present + batch.count;
    const delta = batch.mean - this.mean;
    this.mean += (delta * batch.count) / total;
    this.m2 += batchM2 + (delta * delta * this.present * batch.count) / total;
    this.present = total;
  }

  /** The values kept exactly (undefined once the window switched to counts). */
  kept(): Float64Array | undefined {
    return this.buffer?.subarray(0, this.buffered);
  }

  finish(rowCount: number, sorted?: Float64Array): NumericSummary {
    const base = { kind: "numeric" as const, name: this.name, rowCount, missingCount: rowCount - this.present };
    if (this.buffer) {
      const sortedValues = sorted ?? sortedNonMissing(this.buffer.subarray(0, this.buffered));
      return exactNumericSummary(this.name, rowCount, base.missingCount, sortedValues);
    }
    const empty = this.present === 0;
    const summary: NumericSummary = {
      ...base,
      sortedValues: new Float64Array(0),
      sampled: false,
      mean: empty ? NaN : this.mean,
      std: empty ? NaN : Math.sqrt(this.m2 / this.present),
      min: empty ? NaN : this.min,
      max: empty ? NaN : this.max,
    };
    if (empty || this.reference.sortedValues.length === 0) return summary;
    const comparison = compareBinnedWindow(this.reference.sortedValues, this.binned!);
    return {
      ...summary,
      measured: {
        reference: this.reference,
        ...comparison,
        psiCounts: this.psiCounts,
        by: "counted on the reference's values",
      },
    };
  }

  sample(): NumericColumn | undefined {
    if (!this.reservoir) return undefined;
    return { kind: "numeric", name: this.name, values: Float64Array.from(this.reservoir.items) };
  }
}

class CategoricalAccumulator implements Accumulator {
  private readonly counts = new Map<string, number>();
  private missing = 0;
  private rows = 0;
  private readonly reservoir: Reservoir<string> | undefined;

  constructor(
    private readonly name: string,
    random: RandomSource | undefined,
  ) {
    this.reservoir = random ? new Reservoir<string>(HISTOGRAM_SAMPLE_SIZE, random) : undefined;
  }

  add(column: Column | undefined, rows: number): void {
    this.rows += rows;
    if (!column || column.kind !== "categorical") {
      this.missing += rows;
      return;
    }
    const byCode = new Float64Array(column.categories.length);
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i];
      if (code < 0 || code >= byCode.length) this.missing += 1;
      else {
        byCode[code] += 1;
        this.reservoir?.offer(column.categories[code]);
      }
    }
    column.categories.forEach((label, code) => {
      if (byCode[code] > 0) this.counts.set(label, (this.counts.get(label) ?? 0) + byCode[code]);
    });
  }

  finish(rowCount: number): CategoricalSummary {
    const missingCount = this.missing + (rowCount - this.rows);
    return {
      kind: "categorical",
      name: this.name,
      rowCount,
      missingCount,
      categories: [...this.counts.keys()],
      counts: [...this.counts.values()],
    };
  }

  sample(): CategoricalColumn | undefined {
    if (!this.reservoir) return undefined;
    const categories = [...new Set(this.reservoir.items)];
    const index = new Map(categories.map((c, i) => [c, i]));
    return {
      kind: "categorical",
      name: this.name,
      categories,
      codes: Int32Array.from(this.reservoir.items, (c) => index.get(c)!),
    };
  }
}

/** Algorithm R over a stream (reservoir-sample.ts does it for one array). */
class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  constructor(
    private readonly size: number,
    private readonly random: RandomSource,
  ) {}
  offer(item: T): void {
    if (this.items.length < this.size) this.items.push(item);
    else {
      const slot = Math.floor(this.random() * (this.seen + 1));
      if (slot < this.size) this.items[slot] = item;
    }
    this.seen++;
  }
}
