/**
 * A window profile: what a server saw in one time window (its inputs and predictions), in a few
 * kilobytes per column instead of one log line per row, mergeable across windows and replicas so
 * a fleet is judged as one window without shipping raw rows (`drift --current profile-*.json`).
 *
 * Per categorical column the exact count of every category; per numeric column the exact count of
 * every distinct value until the column has more than `maxValues` of them, then of values
 * truncated to fewer significant bits (value-counts.ts), with exact count, mean, M2, min and max
 * kept beside. Merging adds the counts, so merge(profile(A), profile(B)) has the very counts of
 * profile(A ∪ B): order and split do not matter. Missing values (null in the log, non-finite
 * numbers) are counted; a column a profile lacks is missing in that profile's rows, as when a log
 * file lacks it.
 *
 * Columns are a list of objects with a `name` field, never an object keyed by feature name: a
 * feature called "__proto__" or "constructor" is data like any other.
 */
import { UserError } from "../../errors.ts";
import type { Table } from "../../data/table.ts";
import { moments } from "../numeric/moments.ts";
import { EXACT_BITS, MIN_VALUE_CAP, ValueCounts } from "./value-counts.ts";

const FORMAT = "modelkeeper-window-profile";
const VERSION = 1;
export const DEFAULT_MAX_VALUES = 16384;

export interface NumericWindowColumn {
  readonly kind: "numeric";
  readonly name: string;
  readonly missingCount: number;
  /** Significant bits the keys keep (52: the values themselves). */
  readonly bits: number;
  /** Distinct keys ascending, and how many values each stands for. */
  readonly values: readonly number[];
  readonly counts: readonly number[];
  /** Of the non-missing values, exactly (null when there are none). */
  readonly mean: number | null;
  /** Sum of squared deviations from the mean. */
  readonly m2: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

interface CategoricalWindowColumn {
  readonly kind: "categorical";
  readonly name: string;
  readonly missingCount: number;
  readonly categories: readonly string[];
  readonly counts: readonly number[];
  /** Rows whose category arrived after maxValues categories were counted (drift refuses the column). */
  readonly overflowCount: number;
}

export type WindowProfileColumn = NumericWindowColumn | CategoricalWindowColumn;

export interface WindowProfile {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly model: string;
  /** Model versions whose rows are counted. */
  readonly versions: readonly string[];
  /** ISO 8601: the window's start (inclusive) and end (exclusive); merged: the span. */
  readonly start: string;
  readonly end: string;
  readonly rowCount: number;
  readonly maxValues: number;
  /** The threshold the binary `prediction: class` column was counted at, when there is one. */
  readonly classThreshold?: number;
  readonly columns: readonly WindowProfileColumn[];
}

interface NumericState {
  readonly kind: "numeric";
  missing: number;
  readonly values: ValueCounts;
  present: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

interface CategoricalState {
  readonly kind: "categorical";
  missing: number;
  readonly counts: Map<string, number>;
  overflow: number;
  /** The length of every category kept, summed (bounded by MAX_CATEGORY_CHARS). */
  chars: number;
}

/** The text of the categories one column keeps, in UTF-16 units; more goes to the overflow count. */
const MAX_CATEGORY_CHARS = 4 * 1024 * 1024;

/** Builds one window's profile row batch by row batch, or by merging profiles. */
export class WindowProfileBuilder {
  private rowCount = 0;
  private readonly columns = new Map<string, NumericState | CategoricalState>();
  private readonly versions = new Set<string>();
  private start = "";
  private end = "";
  private classThreshold: number | undefined;

  constructor(
    private readonly model: string,
    private readonly maxValues = DEFAULT_MAX_VALUES,
  ) {
    if (!Number.isInteger(maxValues) || maxValues < MIN_VALUE_CAP)
      throw new UserError(`the profile's max_values must be a whole number >= ${MIN_VALUE_CAP}, got ${maxValues}.`);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** The window this builder counts (ISO times) and the binary class threshold, if any. */
  describe(span: { start: string; end: string }, classThreshold?: number): void {
    this.widen(span.start, span.end);
    if (classThreshold !== undefined) this.classThreshold = classThreshold;
  }

  /** Counts rows `rows` (default: all) of a table; `version` is the model version that scored them. */
  add(table: Table, version: string, rows?: Uint32Array): void {
    const count = rows ? rows.length : table.rowCount;
    if (count === 0) return;
    // Every column's kind is checked before anything is counted, so a refused batch leaves the
    // profile as it was (its counts still add up to its rows).
    for (const column of table.columns) {
      const kind = this.columns.get(column.name)?.kind;
      if (kind !== undefined && kind !== column.kind)
        throw new UserError(
          `profile: column ${JSON.stringify(column.name)} is ${column.kind} in this batch but ${kind} earlier in the window; these rows are not profiled.`,
        );
    }
    this.versions.add(version);
    const seen = new Set<string>();
    for (const column of table.columns) {
      if (seen.has(column.name)) continue;
      seen.add(column.name);
      const state = this.stateFor(column.name, column.kind);
      if (column.kind === "numeric" && state.kind === "numeric") {
        const values = new Float64Array(count);
        for (let r = 0; r < count; r++) {
          const v = column.values[rows ? rows[r] : r];
          values[r] = Number.isFinite(v) ? v : NaN;
        }
        addNumeric(state, values);
      } else if (column.kind === "categorical" && state.kind === "categorical") {
        for (let r = 0; r < count; r++) {
          const code = column.codes[rows ? rows[r] : r];
          if (code < 0 || code >= column.categories.length) state.missing += 1;
          else this.countCategory(state, column.categories[code], 1);
        }
      } else {
        throw new UserError(
          `profile: column ${JSON.stringify(column.name)} is ${column.kind} here but ${state.kind} earlier in the window.`,
        );
      }
    }
    // Columns this batch lacks are missing in its rows.
    for (const [name, state] of this.columns) if (!seen.has(name)) state.missing += count;
    this.rowCount += count;
  }

  /** Adds a whole profile (of another window or replica); `where` names it in messages. */
  merge(profile: WindowProfile, where: string): void {
    if (profile.model !== this.model)
      throw new UserError(
        `${where}: a profile of model ${JSON.stringify(profile.model)}, not ${JSON.stringify(this.model)}; pass one model's profiles.`,
        { file: where },
      );
    if (profile.classThreshold !== undefined) {
      if (this.classThreshold !== undefined && this.classThreshold !== profile.classThreshold)
        throw new UserError(
          `${where}: its prediction: class was counted at threshold ${profile.classThreshold}, the other profiles' at ${this.classThreshold}; judge them apart.`,
          { file: where },
        );
      this.classThreshold = profile.classThreshold;
    }
    this.widen(profile.start, profile.end);
    for (const v of profile.versions) this.versions.add(v);
    const seen = new Set<string>();
    for (const column of profile.columns) {
      seen.add(column.name);
      const state = this.stateFor(column.name, column.kind, where);
      state.missing += column.missingCount;
      if (column.kind === "numeric" && state.kind === "numeric") {
        state.values.merge(column.values, column.counts, column.bits);
        const present = column.counts.reduce((a, b) => a + b, 0);
        if (present > 0) mergeMoments(state, present, column.mean!, column.m2!, column.min!, column.max!);
      } else if (column.kind === "categorical" && state.kind === "categorical") {
        column.categories.forEach((c, i) => this.countCategory(state, c, column.counts[i]));
        state.overflow += column.overflowCount;
      }
    }
    for (const [name, state] of this.columns) if (!seen.has(name)) state.missing += profile.rowCount;
    this.rowCount += profile.rowCount;
  }

  /** The profile as JSON-ready data. */
  build(): WindowProfile {
    const columns: WindowProfileColumn[] = [];
    for (const [name, state] of this.columns) {
      if (state.kind === "categorical") {
        columns.push({
          kind: "categorical",
          name,
          missingCount: state.missing,
          categories: [...state.counts.keys()],
          counts: [...state.counts.values()],
          overflowCount: state.overflow,
        });
        continue;
      }
      const { keys, counts } = state.values.sorted();
      const empty = state.present === 0;
      columns.push({
        kind: "numeric",
        name,
        missingCount: state.missing,
        bits: state.values.bits,
        values: Array.from(keys),
        counts: Array.from(counts),
        mean: empty ? null : state.mean,
        m2: empty ? null : state.m2,
        min: empty ? null : state.min,
        max: empty ? null : state.max,
      });
    }
    return {
      format: FORMAT,
      version: VERSION,
      model: this.model,
      versions: [...this.versions].sort(),
      start: this.start,
      end: this.end,
      rowCount: this.rowCount,
      maxValues: this.maxValues,
      ...(this.classThreshold !== undefined ? { classThreshold: this.classThreshold } : {}),
      columns,
    };
  }

  private widen(start: string, end: string): void {
    if (!this.start || start < this.start) this.start = start;
    if (!this.end || end > this.end) this.end = end;
  }

  private stateFor(name: string, kind: "numeric" | "categorical", where?: string): NumericState | CategoricalState {
    const existing = this.columns.get(name);
    if (existing) {
      if (existing.kind !== kind)
        throw new UserError(
          `${where ?? "profile"}: column ${JSON.stringify(name)} is ${kind} there but ${existing.kind} in the other profiles; judge them apart or set drift.types.`,
          where ? { file: where } : undefined,
        );
      return existing;
    }
    // Rows counted before the column first appeared are missing in it.
    const state: NumericState | CategoricalState =
      kind === "numeric"
        ? {
            kind,
            missing: this.rowCount,
            values: new ValueCounts(this.maxValues),
            present: 0,
            mean: 0,
            m2: 0,
            min: Infinity,
            max: -Infinity,
          }
        : { kind, missing: this.rowCount, counts: new Map(), overflow: 0, chars: 0 };
    this.columns.set(name, state);
    return state;
  }

  private countCategory(state: CategoricalState, category: string, count: number): void {
    const known = state.counts.get(category);
    if (known !== undefined) state.counts.set(category, known + count);
    // Bounded in number and in text: a client sending long strings cannot grow the server's memory.
    else if (state.counts.size < this.maxValues && state.chars + category.length <= MAX_CATEGORY_CHARS) {
      state.counts.set(category, count);
      state.chars += category.length;
    } else state.overflow += count;
  }
}

function addNumeric(state: NumericState, values: Float64Array): void {
  const batch = moments(values);
  if (batch.count === 0) {
    state.missing += values.length;
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    state.values.add(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  state.missing += values.length - batch.count;
  mergeMoments(state, batch.count, batch.mean, batch.std * batch.std * batch.count, min, max);
}

/** Chan et al.'s pairwise update of count, mean and M2 (as window-summary.ts does per batch). */
function mergeMoments(state: NumericState, count: number, mean: number, m2: number, min: number, max: number): void {
  const total = state.present + count;
  const delta = mean - state.mean;
  state.mean += (delta * count) / total;
  state.m2 += m2 + (delta * delta * state.present * count) / total;
  state.present = total;
  if (min < state.min) state.min = min;
  if (max > state.max) state.max = max;
}

export function isWindowProfile(value: unknown): value is WindowProfile {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === FORMAT;
}

/** Checks parsed JSON is a window profile this version reads; a UserError names the key at fault. */
export function parseWindowProfile(json: unknown, file: string): WindowProfile {
  const fail = (key: string, problem: string): never => {
    throw new UserError(`${file}: ${key} ${problem}; it is not a window profile modelkeeper serve wrote.`, {
      file,
      key,
    });
  };
  if (!isWindowProfile(json)) fail("format", `must be "${FORMAT}"`);
  const p = json as WindowProfile;
  if (p.version !== VERSION) fail("version", `is ${String(p.version)}, expected ${VERSION}`);
  const isCount = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
  const isNumberOrNull = (x: unknown) => x === null || (typeof x === "number" && Number.isFinite(x));
  if (typeof p.model !== "string") fail("model", "must be a string");
  if (!Array.isArray(p.versions) || !p.versions.every((v) => typeof v === "string"))
    fail("versions", "must be a list of strings");
  if (typeof p.start !== "string" || typeof p.end !== "string") fail("start/end", "must be ISO times");
  if (!isCount(p.rowCount)) fail("rowCount", "must be a count");
  if (!isCount(p.maxValues) || p.maxValues < MIN_VALUE_CAP) fail("maxValues", `must be a count >= ${MIN_VALUE_CAP}`);
  if (p.classThreshold !== undefined && typeof p.classThreshold !== "number")
    fail("classThreshold", "must be a number");
  if (!Array.isArray(p.columns)) fail("columns", "must be a list");
  const names = new Set<string>();
  p.columns.forEach((c, i) => {
    const key = `columns[${i}]`;
    if (typeof c?.name !== "string") fail(`${key}.name`, "must be a string");
    if (names.has(c.name)) fail(`${key}.name`, `repeats ${JSON.stringify(c.name)}`);
    names.add(c.name);
    if (!isCount(c.missingCount) || c.missingCount > p.rowCount)
      fail(`${key}.missingCount`, "must be a count no larger than rowCount");
    const counts = c.counts as unknown;
    if (!Array.isArray(counts) || !counts.every(isCount)) fail(`${key}.counts`, "must be a list of counts");
    const present = c.counts.reduce((a, b) => a + b, 0) + (c.kind === "categorical" ? c.overflowCount : 0);
    if (present + c.missingCount !== p.rowCount) fail(`${key}.counts`, "plus missingCount must add up to rowCount");
    if (c.kind === "numeric") {
      if (!Number.isInteger(c.bits) || c.bits < 0 || c.bits > EXACT_BITS) fail(`${key}.bits`, "must be 0-52");
      const values = c.values as unknown;
      if (!Array.isArray(values) || values.length !== c.counts.length || !values.every((v) => Number.isFinite(v)))
        fail(`${key}.values`, "must be one finite number per count");
      for (let k = 1; k < c.values.length; k++)
        if (!(c.values[k] > c.values[k - 1])) fail(`${key}.values`, "must be distinct and ascending");
      if (![c.mean, c.m2, c.min, c.max].every(isNumberOrNull))
        fail(`${key}.mean/m2/min/max`, "must be numbers or null");
      if (present > 0 && [c.mean, c.m2, c.min, c.max].some((x) => x === null))
        fail(`${key}.mean/m2/min/max`, "must be numbers when the column has values");
    } else if (c.kind === "categorical") {
      const categories = c.categories as unknown;
      if (
        !Array.isArray(categories) ||
        categories.length !== c.counts.length ||
        !categories.every((x) => typeof x === "string")
      )
        fail(`${key}.categories`, "must be one string per count");
      if (new Set(c.categories).size !== c.categories.length) fail(`${key}.categories`, "must not repeat");
      if (!isCount(c.overflowCount)) fail(`${key}.overflowCount`, "must be a count");
    } else {
      fail(`${key}.kind`, 'must be "numeric" or "categorical"');
    }
  });
  return p;
}
