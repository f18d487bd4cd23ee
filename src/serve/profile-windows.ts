/**
 * Which window profile a logged batch belongs to, and when a window is done: windows are
 * `windowMs` long and start at multiples of it since the epoch, so replicas' windows line up and
 * their profiles merge into one fleet window. A row belongs to the window its request arrived in.
 * A window is finished `graceMs` after its end (rows still queued when it ended are in by then);
 * a row that arrives later still reopens it as a new part, so no row is ever left out or counted
 * twice. Pure: batches in, profiles out; profile-writer.ts does the files.
 */
import type { Column, Table } from "../data/table.ts";
import { CLASS_COLUMN, LOGGED_PREDICTION } from "../monitor/prediction-names.ts";
import { WindowProfileBuilder, type WindowProfile } from "../stats/drift/window-profile.ts";
import type { LogBatch } from "./log-record.ts";
import type { ProfileSettings } from "./settings.ts";
import { argmaxRows } from "../stats/metrics/multiclass-argmax.ts";

export interface ProfileSnapshot {
  /** Window start, ms since the epoch. */
  readonly start: number;
  /** 1 for a window's first file; more when late rows reopened a finished window. */
  readonly part: number;
  readonly profile: WindowProfile;
  /** The window is finished: this is its last write. */
  readonly final: boolean;
}

interface OpenWindow {
  readonly builder: WindowProfileBuilder;
  readonly part: number;
  dirty: boolean;
  /** Failed writes of the finished window, in a row. */
  failures: number;
}

/** Failed final writes after which a finished window is let go, so memory stays bounded. */
const MAX_FINAL_FAILURES = 3;

export class ProfileWindows {
  private readonly open = new Map<number, OpenWindow>();
  /** Parts already finished, by window start (only recent ones matter; trimmed). */
  private readonly finishedParts = new Map<number, number>();

  constructor(
    private readonly model: string,
    private readonly settings: ProfileSettings,
    /** binary models: `prediction: class` is counted as drift derives it, score >= threshold. */
    private readonly classThreshold: number | undefined,
    private readonly graceMs = 5_000,
  ) {}

  /** Counts batches (the rows the log wrote) into their windows. */
  add(batches: readonly LogBatch[]): void {
    for (const batch of batches) {
      const time = Date.parse(batch.time);
      const start = Math.floor(time / this.settings.windowMs) * this.settings.windowMs;
      let window = this.open.get(start);
      if (!window) {
        const builder = new WindowProfileBuilder(this.model, this.settings.maxValues);
        builder.describe(
          { start: new Date(start).toISOString(), end: new Date(start + this.settings.windowMs).toISOString() },
          this.classThreshold,
        );
        window = { builder, part: (this.finishedParts.get(start) ?? 0) + 1, dirty: false, failures: 0 };
        this.open.set(start, window);
      }
      // The rows the log wrote: `count` of them (a full queue may have cut a request short).
      const rows = batch.rows
        ? batch.rows.subarray(0, batch.count)
        : batch.count < batch.table.rowCount
          ? Uint32Array.from({ length: batch.count }, (_, i) => i)
          : undefined;
      window.builder.add(profiledTable(batch, this.classThreshold), batch.version, rows);
      window.dirty = true;
    }
  }

  /**
   * Profiles to write at `now`: every window with new rows, and every finished one (forgotten
   * once written: done()). `all` finishes every window (shutdown).
   */
  due(now: number, all = false): ProfileSnapshot[] {
    const out: ProfileSnapshot[] = [];
    for (const [start, window] of [...this.open].sort((a, b) => a[0] - b[0])) {
      const final = all || now >= start + this.settings.windowMs + this.graceMs;
      if (!window.dirty && !final) continue;
      window.dirty = false;
      out.push({ start, part: window.part, profile: window.builder.build(), final });
    }
    for (const start of this.finishedParts.keys())
      if (start < now - 48 * 3_600_000 - this.settings.windowMs) this.finishedParts.delete(start);
    return out;
  }

  /** A finished window's last profile is on disk: later rows of it start a new part. */
  done(snapshot: ProfileSnapshot): void {
    const window = this.open.get(snapshot.start);
    if (!window || window.part !== snapshot.part || window.dirty) return; // rows came in meanwhile: not yet
    this.open.delete(snapshot.start);
    this.finishedParts.set(snapshot.start, snapshot.part);
  }

  /**
   * A write failed: the window is written again next time, unless it is finished and has failed
   * MAX_FINAL_FAILURES times; then it is let go and the rows it held are returned (they are in the
   * log, in no profile).
   */
  retry(snapshot: ProfileSnapshot): number {
    const window = this.open.get(snapshot.start);
    if (!window || window.part !== snapshot.part) return 0;
    window.dirty = true;
    if (!snapshot.final || ++window.failures < MAX_FINAL_FAILURES) return 0;
    this.open.delete(snapshot.start);
    this.finishedParts.set(snapshot.start, snapshot.part);
    return window.builder.rows;
  }
}

/** The log line's columns as a table: features, `prediction`, and the predicted class. */
function profiledTable(batch: LogBatch, classThreshold: number | undefined): Table {
  const { prediction, table } = batch;
  const columns: Column[] = [...table.columns, { kind: "numeric", name: LOGGED_PREDICTION, values: prediction.scores }];
  const classes = prediction.probabilities && prediction.classCount ? prediction.classCount : 0;
  if (classes > 0) {
    // As the log writes it (log-record.ts): the most probable class's index.
    const codes = argmaxRows(prediction.probabilities!, classes);
    columns.push({
      kind: "categorical",
      name: CLASS_COLUMN,
      codes,
      categories: Array.from({ length: classes }, (_, k) => String(k)),
    });
  } else if (classThreshold !== undefined) {
    // drift derives a binary log's class from its score so: count it the same way here, because a
    // profile of a large window keeps the score only to some bits (window-profile.ts).
    const codes = Int32Array.from(prediction.scores, (s) => (!Number.isFinite(s) ? -1 : s >= classThreshold ? 1 : 0));
    columns.push({ kind: "categorical", name: CLASS_COLUMN, codes, categories: ["0", "1"] });
  }
  return { source: "serve", rowCount: table.rowCount, columns };
}
