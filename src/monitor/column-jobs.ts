/**
 * The per-column work of drift that the column pool (column-pool.ts) spreads over threads: one
 * function per job, run by the same code whether in a worker (column-worker.ts) or inline, so the
 * numbers are the same bit for bit wherever they were computed.
 */
import type { NumericColumn } from "../data/table.ts";
import { sortedNonMissing, summarizeNumeric, type NumericSummary } from "../stats/drift/column-summary.ts";
import { driftTestsFor, type DriftMetric, type DriftTestName } from "../stats/drift/registry.ts";

export type ColumnMetrics = Partial<Record<DriftTestName, DriftMetric | null>>;

export type ColumnJob =
  /** A reference column's summary: sorted values, moments, PSI bins. */
  | { readonly op: "summarize"; readonly column: NumericColumn; readonly psiBins?: number }
  /** A window column's values, missing dropped, sorted. */
  | { readonly op: "sort"; readonly values: Float64Array }
  /** Every numeric drift test's metric on one column (a window whose values were kept). */
  | { readonly op: "measure"; readonly reference: NumericSummary; readonly current: NumericSummary };

export type ColumnJobResult = NumericSummary | Float64Array | ColumnMetrics;

export function runColumnJob(job: ColumnJob): ColumnJobResult {
  if (job.op === "summarize") return summarizeNumeric(job.column, { psiBins: job.psiBins });
  if (job.op === "sort") return sortedNonMissing(job.values);
  const metrics: ColumnMetrics = {};
  for (const test of driftTestsFor("numeric")) metrics[test.name] = test.measure(job.reference, job.current);
  return metrics;
}

/** How many values a job reads: the work the thread decision is made on. */
export function jobSize(job: ColumnJob): number {
  if (job.op === "summarize") return job.column.values.length;
  if (job.op === "sort") return job.values.length;
  return job.reference.sortedValues.length + job.current.sortedValues.length;
}

/** The buffers a result can hand over instead of copying. */
export function transferables(result: ColumnJobResult): ArrayBuffer[] {
  if (result instanceof Float64Array) return [result.buffer as ArrayBuffer];
  if ("sortedValues" in result && result.sortedValues instanceof Float64Array)
    return [result.sortedValues.buffer as ArrayBuffer];
  return [];
}
