import { UserError, isUserError } from "../errors.ts";
import { tableBatches } from "../data/stream-table.ts";
import type { ColumnType } from "../data/column-builder.ts";
import type { Table } from "../data/table.ts";
import type { ColumnSummary } from "../stats/drift/column-summary.ts";
import { countUnscored, type UnscoredRows } from "./unscored-rows.ts";
import type { ColumnPool } from "./column-pool.ts";
import { WindowSummarizer, type WindowSummary, type WindowSummaryOptions } from "../stats/drift/window-summary.ts";

/** Adds the model's outputs to one batch; throws UserError when the model cannot score it. */
type BatchScorer = (batch: Table) => Promise<Table>;

export interface FilesWindowOptions extends WindowSummaryOptions {
  /** Column types to read with (the reference's kinds, then drift.types). */
  readonly types: Readonly<Record<string, ColumnType>>;
  readonly score?: BatchScorer;
  /** Progress for people. */
  readonly log?: (line: string) => void;
  /** Sorts the kept values of numeric columns on worker threads (else on this one). */
  readonly pool?: ColumnPool;
}

export interface FilesWindow extends WindowSummary {
  /** Why prediction drift was skipped, when scoring failed. */
  readonly scoringNote?: string;
  /** Rows the model scored NaN. */
  readonly unscored: UnscoredRows;
}

/**
 * Reads a window of any number of files (a day of rotated logs is one window) as a stream of
 * batches and summarizes the monitored columns, in memory bounded by the reference (see
 * window-summary.ts). Each batch is scored by the model as it passes, so predictions never need
 * the whole window either.
 */
export async function summarizeWindowFiles(
  paths: readonly string[],
  references: ReadonlyMap<string, ColumnSummary>,
  options: FilesWindowOptions,
): Promise<FilesWindow> {
  const summarizer = new WindowSummarizer(references, options);
  let score = options.score;
  let scoringNote: string | undefined;
  let rows = 0;
  let scored = 0;
  let nextReport = 10_000_000;
  const unscored: UnscoredRows = { count: 0 };
  try {
    for await (const batch of tableBatches(paths, { types: options.types })) {
      let table: Table = batch;
      if (score) {
        try {
          table = await score(batch);
          countUnscored(table, rows, unscored);
          scored++;
        } catch (error) {
          // Half a window with predictions would compare a part with the whole: only a model that
          // cannot score the first batch falls back to input drift.
          if (!isUserError(error) || scored > 0) throw error;
          score = undefined;
          scoringNote = `Input drift only: the model could not score the data (${error.message.split("\n")[0]}).`;
        }
      }
      summarizer.add(table);
      rows += batch.rowCount;
      if (rows >= nextReport) {
        options.log?.(`drift: ${rows.toLocaleString("en-US")} rows of the window read`);
        nextReport += 10_000_000;
      }
    }
  } catch (error) {
    if (isUserError(error) && /its type is set to numeric/.test(error.message)) {
      throw new UserError(
        `${error.message} (drift reads the window with the reference's column types and drift.types: a text value in a column that is numeric in the reference is a change drift will not guess about.)`,
        error.where,
      );
    }
    throw error;
  }
  const kept = options.pool ? summarizer.keptValues() : new Map<string, Float64Array>();
  const sorted = kept.size ? await options.pool!.sort([...kept.values()]) : [];
  return { ...summarizer.finish(new Map([...kept.keys()].map((name, i) => [name, sorted[i]]))), scoringNote, unscored };
}
