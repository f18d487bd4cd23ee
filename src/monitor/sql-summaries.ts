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
  const present = row.n_current === null || row.n_current === undefined ? 0 : need("n_current");
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
  if (need("n_reference") !== reference.sortedValues.length)
    throw new UserError(
      `${where}: column ${JSON.stringify(name)}: the result counts ${row.n_reference} reference values, not the reference's ${reference.sortedValues.length}.`,
    );
  return {
    ...summary,
    measured: {
      reference,
      gaps: {
        plusGap: need("plus_gap"),
        plusLocation: need("plus_location"),
        minusGap: Math.min(1, Math.max(0, need("minus_gap"))),
        minusLocation: need("minus_location"),
      },
      wasserstein: row.wasserstein === null || row.wasserstein === undefined ? 0 : need("wasserstein"),
      wassersteinError: 0,
      psiCounts: reference.psi ? [...reference.psi.edges, 0].map((_, k) => need(`psi_${k}`)) : undefined,
      by,
    },
  };
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
