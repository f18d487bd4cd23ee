/**
 * A reference profile: a compact, JSON-serialisable summary of the training data that drift
 * checks can use instead of the training file itself (which may be large, private, or gone).
 *
 * Per numeric column: row and missing counts, mean / std / min / max and PSI bin edges + counts,
 * all from the full data, plus a uniform sample of at most `sampleSize` (default 5,000)
 * non-missing values drawn by a seeded reservoir. Per categorical column: category counts and
 * missing count. Size: about 100 KB per numeric column at the default sample size.
 *
 * How far profile-based results can differ from raw-data results:
 *   - PSI, chi-squared, Jensen–Shannon, unseen categories and the missing-share test use exact
 *     counts: identical to the raw-data results.
 *   - KS uses the sample. By the Dvoretzky–Kiefer–Wolfowitz inequality (Massart 1990's constant),
 *     the sample's CDF is within eps = sqrt(ln(2/delta) / (2k)) of the full reference's CDF
 *     everywhere with probability 1 - delta (sampling without replacement concentrates at least
 *     as well, Hoeffding 1963). The KS statistic moves by at most that: for k = 5,000 and
 *     delta = 0.001, |D_profile - D_raw| <= 0.0276. Its p-value is computed for the sample size,
 *     so it is honest, with the power of a 5,000-row reference.
 *   - Wasserstein uses the sample: |W_profile - W_raw| <= W1(sample, full reference)
 *     (triangle inequality), typically about sqrt(2/(pi k)) * integral sqrt(F(1-F)) -
 *     0.018 standard deviations for normal data at k = 5,000; the sampling-noise allowance in
 *     the verdict uses k, so the gate stays calibrated.
 */
import { UserError } from "../../errors.ts";
import type { Table } from "../../data/table.ts";
import type { ColumnSummary, PsiBins } from "./column-summary.ts";
import { summarizeCategorical, summarizeNumeric } from "./column-summary.ts";
import { DEFAULT_PSI_BINS } from "./psi.ts";
import { reservoirSample, type RandomSource } from "./reservoir-sample.ts";

const PROFILE_FORMAT = "modelkeeper-drift-profile";
const PROFILE_VERSION = 1;
const DEFAULT_PROFILE_SAMPLE_SIZE = 5000;

interface NumericProfileColumn {
  readonly kind: "numeric";
  readonly name: string;
  readonly rowCount: number;
  readonly missingCount: number;
  /** null in JSON when the column has no values (NaN is not JSON). */
  readonly mean: number | null;
  readonly std: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly psi: PsiBins;
  /** Sorted uniform sample of the non-missing values (all of them when `sampled` is false). */
  readonly sample: readonly number[];
  readonly sampled: boolean;
}

interface CategoricalProfileColumn {
  readonly kind: "categorical";
  readonly name: string;
  readonly rowCount: number;
  readonly missingCount: number;
  readonly categories: readonly string[];
  readonly counts: readonly number[];
}

export type ProfileColumn = NumericProfileColumn | CategoricalProfileColumn;

export interface DriftProfile {
  readonly format: typeof PROFILE_FORMAT;
  readonly version: typeof PROFILE_VERSION;
  /** Where the profiled rows came from. */
  readonly source: string;
  readonly rowCount: number;
  readonly sampleSize: number;
  readonly psiBins: number;
  readonly columns: readonly ProfileColumn[];
}

export interface ProfileOptions {
  /** Uniform [0, 1) generator for the reservoir sample; seed it for repeatable profiles. */
  readonly random: RandomSource;
  /** Largest numeric sample kept per column (default 5,000). */
  readonly sampleSize?: number;
  /** PSI bins per numeric column (default 10). */
  readonly psiBins?: number;
  /** Columns to keep (default: all). */
  readonly columns?: readonly string[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function buildProfile(table: Table, options: ProfileOptions): DriftProfile {
  const sampleSize = options.sampleSize ?? DEFAULT_PROFILE_SAMPLE_SIZE;
  const psiBins = options.psiBins ?? DEFAULT_PSI_BINS;
  if (!Number.isInteger(sampleSize) || sampleSize < 1)
    throw new Error(`buildProfile: sampleSize must be a positive integer, got ${sampleSize}`);
  const wanted = options.columns ? new Set(options.columns) : undefined;
  const columns: ProfileColumn[] = [];
  for (const column of table.columns) {
    if (wanted && !wanted.has(column.name)) continue;
    if (column.kind === "categorical") {
      const s = summarizeCategorical(column);
      columns.push({
        kind: "categorical",
        name: s.name,
        rowCount: s.rowCount,
        missingCount: s.missingCount,
        categories: [...s.categories],
        counts: [...s.counts],
      });
      continue;
    }
    const s = summarizeNumeric(column, { psiBins });
    const present = s.sortedValues.length;
    const sampled = present > sampleSize;
    const sample = sampled
      ? Array.from(reservoirSample(column.values, sampleSize, options.random).sort())
      : Array.from(s.sortedValues);
    columns.push({
      kind: "numeric",
      name: s.name,
      rowCount: s.rowCount,
      missingCount: s.missingCount,
      mean: finiteOrNull(s.mean),
      std: finiteOrNull(s.std),
      min: finiteOrNull(s.min),
      max: finiteOrNull(s.max),
      psi: s.psi!,
      sample,
      sampled,
    });
  }
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    source: table.source,
    rowCount: table.rowCount,
    sampleSize,
    psiBins,
    columns,
  };
}

export function isDriftProfile(value: unknown): value is DriftProfile {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === PROFILE_FORMAT;
}

/** The column summary the drift tests read, from a profile column. */
export function profileColumnSummary(column: ProfileColumn): ColumnSummary {
  if (column.kind === "categorical") return { ...column };
  const toNumber = (x: number | null) => (x === null ? NaN : x);
  return {
    kind: "numeric",
    name: column.name,
    rowCount: column.rowCount,
    missingCount: column.missingCount,
    sortedValues: Float64Array.from(column.sample),
    sampled: column.sampled,
    mean: toNumber(column.mean),
    std: toNumber(column.std),
    min: toNumber(column.min),
    max: toNumber(column.max),
    psi: column.psi,
  };
}

/**
 * Checks parsed JSON is a profile this version understands; throws a UserError naming the
 * offending key otherwise. `file` is used in messages.
 */
export function parseDriftProfile(json: unknown, file: string): DriftProfile {
  const fail = (key: string, problem: string): never => {
    throw new UserError(
      `${file}: ${key} ${problem}. Rebuild the profile with the same modelkeeper version, or point drift.reference at the training data instead.`,
      { file, key },
    );
  };
  if (!isDriftProfile(json)) fail("format", `must be "${PROFILE_FORMAT}"`);
  const profile = json as DriftProfile;
  if (profile.version !== PROFILE_VERSION)
    fail("version", `is ${String(profile.version)}, expected ${PROFILE_VERSION}`);
  if (!Array.isArray(profile.columns)) fail("columns", "must be a list");
  const isCount = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0;
  const isNumberList = (x: unknown) => Array.isArray(x) && x.every((v) => typeof v === "number");
  profile.columns.forEach((column, i) => {
    const key = `columns[${i}]`;
    if (typeof column?.name !== "string") fail(`${key}.name`, "must be a string");
    if (!isCount(column.rowCount) || !isCount(column.missingCount) || column.missingCount > column.rowCount)
      fail(`${key}.rowCount/missingCount`, "must be counts with missingCount <= rowCount");
    if (column.kind === "numeric") {
      if (!isNumberList(column.sample)) fail(`${key}.sample`, "must be a list of numbers");
      for (let k = 1; k < column.sample.length; k++)
        if (column.sample[k] < column.sample[k - 1]) fail(`${key}.sample`, "must be sorted ascending");
      if (
        !isNumberList(column.psi?.edges) ||
        !isNumberList(column.psi?.counts) ||
        column.psi.counts.length !== column.psi.edges.length + 1
      ) {
        fail(`${key}.psi`, "must have edges and one more count than edges");
      }
    } else if (column.kind === "categorical") {
      if (!Array.isArray(column.categories) || !column.categories.every((c) => typeof c === "string"))
        fail(`${key}.categories`, "must be a list of strings");
      if (
        !Array.isArray(column.counts) ||
        column.counts.length !== column.categories.length ||
        !column.counts.every(isCount)
      )
        fail(`${key}.counts`, "must be one count per category");
    } else {
      fail(`${key}.kind`, 'must be "numeric" or "categorical"');
    }
  });
  return profile;
}
