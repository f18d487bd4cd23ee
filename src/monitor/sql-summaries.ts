/**
 * The rows drift's SQL returns (sql/drift-queries.ts) turned into column summaries, whoever ran
 * it: DuckDB here (duckdb-window.ts) or a user's warehouse, its results read back from files
 * (statement-results.ts). Numeric columns get a MeasuredComparison (the KS gaps, W1 and PSI bin
 * counts against the reference the SQL was written for), categorical ones their counts.
 */
import { UserError } from "../errors.ts";
import type { CategoricalSummary, NumericSummary } from "../stats/drift/column-summary.ts";

/** One result row: DuckDB gives numbers and bigints, files numbers, text or null. */
export type ResultRow = Readonly<Record<string, unknown>>;

/**
 * A numeric column's summary from its one result row. `where` names the row in messages; `by`
 * where it was measured, for the report.
 */
export function numericSummaryOfRow(
  row: ResultRow,
  name: string,
  rowCount: number,
  reference: NumericSummary,
  where: string,
  by: string,
): NumericSummary {
  const need = (key: string): number => {
    const value = row[key] === null || row[key] === undefined ? NaN : Number(row[key]);
    if (Number.isNaN(value))
      throw new UserError(`${where}: column ${JSON.stringify(name)}: the result has no number in ${key}.`);
    return value;
  };
  const count = (key: string, most: number): number =>
    checkedCount(need(key), key, most, `${where}: column ${JSON.stringify(name)}`);
  // A share of the rows: the KS gaps lie in [0, 1] (rounding aside).
  const share = (key: string): number => {
    const value = need(key);
    if (value < -1e-9 || value > 1 + 1e-9)
      throw new UserError(
        `${where}: column ${JSON.stringify(name)}: ${key} is ${value}, outside [0, 1]: these are not the results of this statement.`,
      );
    return Math.min(1, Math.max(0, value));
  };
  const present = row.n_current === null || row.n_current === undefined ? 0 : count("n_current", rowCount);
  const base = { kind: "numeric" as const, name, rowCount, missingCount: rowCount - present };
  if (present === 0)
    return { ...base, sortedValues: new Float64Array(0), sampled: false, mean: NaN, std: NaN, min: NaN, max: NaN };
  const summary: NumericSummary = {
    ...base,
    sortedValues: new Float64Array(0),
    sampled: false,
    mean: need("mean"),
    std: Math.sqrt(need("m2") / present),
    min: need("min_value"),
    max: need("max_value"),
  };
  if (reference.sortedValues.length === 0) return summary;
  if (count("n_reference", Number.MAX_SAFE_INTEGER) !== reference.sortedValues.length)
    throw new UserError(
      `${where}: column ${JSON.stringify(name)}: the result counts ${row.n_reference} reference values, not the reference's ${reference.sortedValues.length}.`,
    );
  const psiCounts = reference.psi ? [...reference.psi.edges, 0].map((_, k) => count(`psi_${k}`, present)) : undefined;
  // The bins cover the whole line: their counts are the window's values, each counted once.
  const binned = psiCounts?.reduce((a, b) => a + b, 0);
  if (binned !== undefined && binned !== present)
    throw new UserError(
      `${where}: column ${JSON.stringify(name)}: the PSI bins hold ${binned} values, but n_current is ${present}: these are not the results of this statement.`,
    );
  return {
    ...summary,
    measured: {
      reference,
      gaps: {
        plusGap: share("plus_gap"),
        plusLocation: need("plus_location"),
        minusGap: share("minus_gap"),
        minusLocation: need("minus_location"),
      },
      wasserstein: row.wasserstein === null || row.wasserstein === undefined ? 0 : Math.max(0, need("wasserstein")),
      wassersteinError: 0,
      psiCounts,
      by,
    },
  };
}

/**
 * A count from a result: a whole number from 0 to `most` (the rows there are), or an error
 * naming the statement's column. Results from files can hold anything; a count that is not one
 * would make the decision from nonsense.
 */
export function checkedCount(value: number, key: string, most: number, where: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > most)
    throw new UserError(
      `${where}: ${key} is ${value}, not a count ${most < Number.MAX_SAFE_INTEGER ? `from 0 to ${most} (the rows of the window)` : "(a whole number, 0 or more)"}: these are not the results of this statement.`,
    );
  return value;
}

/** A categorical column's summary from its result rows (category, count). */
export function categoricalSummaryOfRows(
  rows: readonly ResultRow[],
  name: string,
  rowCount: number,
): CategoricalSummary {
  const categories = rows.map((r) => String(r.category));
  const counts = rows.map((r) => Number(r.count));
  const present = counts.reduce((a, b) => a + b, 0);
  return { kind: "categorical", name, rowCount, missingCount: rowCount - present, categories, counts };
}
