/**
 * The prediction log: scored rows are offered without waiting, held in a queue bounded in rows,
 * and written by one background loop to JSON Lines files that rotate by size and age. A full
 * queue drops rows and counts them; it never blocks a request or grows, so memory stays flat
 * however long the server runs.
 */
import { mkdir, open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { LogSettings } from "./settings.ts";
import type { LogBatch } from "./log-record.ts";
import { inlineFormatter, type LogFormatter } from "./log-formatter.ts";

export interface LogCounters {
  written(rows: number): void;
  dropped(rows: number, reason: "queue-full" | "write-error"): void;
  sampledOut(rows: number): void;
}

/** Rows per write (about 250 KB of text): many one-row requests are written together. */
const CHUNK_ROWS = 1024;

export class PredictionLog {
  private readonly queue: LogBatch[] = [];
  private queuedRows = 0;
  private writing: Promise<void> | undefined;
  private file: { handle: FileHandle; path: string; bytes: number; openedAt: number } | undefined;
  private sequence = 0;
  private closed = false;
  readonly files: string[] = [];

  constructor(
    private readonly settings: LogSettings & { dir: string },
    private readonly counters: LogCounters,
    private readonly onError: (message: string) => void,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
    private readonly formatter: LogFormatter = inlineFormatter,
    /** Told of the rows once they are on disk (the window profiles count exactly the logged rows). */
    private readonly onWritten?: (batches: readonly LogBatch[]) => void,
  ) {}

  /** Queues a request's rows (a sample of them, if sampling is on); returns at once. */
  offer(batch: Omit<LogBatch, "rows" | "count">): void {
    const total = batch.table.rowCount;
    let rows: Uint32Array | undefined;
    let count = total;
    if (this.settings.sampleRate < 1) {
      const picked: number[] = [];
      for (let i = 0; i < total; i++) if (this.random() < this.settings.sampleRate) picked.push(i);
      if (picked.length < total) this.counters.sampledOut(total - picked.length);
      rows = Uint32Array.from(picked);
      count = picked.length;
    }
    const room = this.closed ? 0 : Math.max(0, this.settings.queueRows - this.queuedRows);
    if (count > room) {
      this.counters.dropped(count - room, "queue-full");
      count = room;
    }
    if (count === 0) return;
    this.queue.push({ ...batch, ...(rows ? { rows } : {}), count });
    this.queuedRows += count;
    // Written on the next turn of the event loop, so the rows of many small requests go out in one write.
    this.writing ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => (this.writing = undefined));
  }

  /** Resolves when every row queued so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Refuses new rows, writes the queued ones and closes the file (and the formatting thread). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.file?.handle.close();
    this.file = undefined;
    await this.formatter.close();
  }

  private async drain(): Promise<void> {
    // While one chunk is written, the next is formatted (on the formatting thread, if there is one).
    let next = this.takeChunk();
    while (next) {
      const { rows, bytes, batches } = next;
      next = undefined;
      try {
        const text = await bytes;
        next = this.takeChunk();
        const file = await this.currentFile();
        // A write may be short; the rest follows, so a line is never cut.
        for (let at = 0; at < text.byteLength;)
          at += (await file.handle.write(text, at, text.byteLength - at)).bytesWritten;
        file.bytes += text.byteLength;
        this.counters.written(rows);
      } catch (error) {
        this.counters.dropped(rows, "write-error");
        this.onError(
          `prediction log: could not write ${rows} record(s) to ${this.settings.dir}: ${(error as Error).message}`,
        );
        // The chunk is counted as dropped, so none of it may stay: back to the last whole chunk.
        await this.file?.handle.truncate(this.file.bytes).catch(() => {});
        await this.file?.handle.close().catch(() => {});
        this.file = undefined;
        next ??= this.takeChunk();
        continue;
      }
      // Outside the write's try: the rows are on disk whatever the profile does with them.
      try {
        this.onWritten?.(batches);
      } catch (error) {
        this.onError(
          `prediction log: the profile could not take ${rows} written record(s): ${(error as Error).message}`,
        );
      }
      next ??= this.takeChunk();
    }
  }

  /** Takes up to CHUNK_ROWS queued rows off the queue and starts formatting them. */
  private takeChunk(): { rows: number; bytes: Promise<Uint8Array>; batches: LogBatch[] } | undefined {
    if (this.queue.length === 0) return undefined;
    const chunk: LogBatch[] = [];
    let rows = 0;
    while (this.queue.length > 0 && rows < CHUNK_ROWS) {
      const batch = this.queue.shift()!;
      this.queuedRows -= batch.count;
      chunk.push(batch);
      rows += batch.count;
    }
    const bytes = this.formatter.format(chunk);
    bytes.catch(() => {}); // awaited in drain; a failure there is counted, not unhandled
    return { rows, bytes, batches: chunk };
  }

  private async currentFile(): Promise<NonNullable<PredictionLog["file"]>> {
    const now = this.now();
    if (
      this.file &&
      (this.file.bytes >= this.settings.maxFileBytes || now - this.file.openedAt >= this.settings.maxFileAgeMs)
    ) {
      await this.file.handle.close();
      this.file = undefined;
    }
    if (!this.file) {
      await mkdir(this.settings.dir, { recursive: true });
      const stamp = new Date(now)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d+Z$/, "Z");
      // pid and sequence keep replicas sharing a folder, and two rotations in one second, apart; a
      // name taken anyway (a restarted container is pid 1 again, a second log in this process)
      // moves on to the next sequence number: a file is never opened twice or overwritten.
      for (;;) {
        const path = join(
          this.settings.dir,
          `predictions-${stamp}-${process.pid}-${String(++this.sequence).padStart(4, "0")}.jsonl`,
        );
        const handle = await open(path, "wx").catch((error: NodeJS.ErrnoException) => {
          if (error.code === "EEXIST") return undefined;
          throw error;
        });
        if (!handle) continue;
        this.file = { handle, path, bytes: 0, openedAt: now };
        break;
      }
      this.files.push(this.file.path);
      if (this.files.length > 1000) this.files.shift(); // a record for tests and the shutdown report, not a history
    }
    return this.file;
  }
}
