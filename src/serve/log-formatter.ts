/**
 * Who turns queued log batches into JSON Lines: a worker thread when one can be had, else the
 * calling thread. The thread is a speed-up, never a dependency: a batch it cannot format (it died,
 * or refused a message) is formatted inline, so no row is lost to it.
 */
import type { Worker } from "node:worker_threads";
import { startWorker } from "../threads/start-worker.ts";
import { formatRecords, type LogBatch } from "./log-record.ts";

export interface LogFormatter {
  format(batches: LogBatch[]): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const inlineFormatter: LogFormatter = {
  format: async (batches) => Buffer.from(batches.map(formatRecords).join("")),
  close: async () => {},
};

type Reply = { id: number; bytes?: Uint8Array; error?: string };

/** A formatter on its own thread (dist/log-format-worker.js in the bundle); inline if none starts. */
export async function threadFormatter(): Promise<LogFormatter> {
  const worker = await startWorker({
    bundled: "log-format-worker",
    source: new URL("./log-format-worker.ts", import.meta.url),
  });
  return worker ? new ThreadFormatter(worker) : inlineFormatter;
}

class ThreadFormatter implements LogFormatter {
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private nextId = 0;
  private broken = false;

  constructor(private readonly worker: Worker) {
    // Idle, the thread never keeps a stopping server alive; while it formats, it does, so a
    // shutdown that awaits the last chunk is not cut short by an empty event loop.
    worker.unref();
    worker.on("message", (reply: Reply) => this.settle(reply.id, reply));
    const fail = () => {
      this.broken = true;
      for (const id of [...this.pending.keys()]) this.settle(id, { id, error: "the log's formatting thread stopped" });
    };
    worker.on("error", fail);
    worker.on("exit", fail);
  }

  async format(batches: LogBatch[]): Promise<Uint8Array> {
    if (this.broken) return inlineFormatter.format(batches);
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, resolve);
      try {
        this.worker.postMessage({ id, batches });
      } catch (error) {
        this.settle(id, { id, error: (error as Error).message });
      }
    });
    return reply.bytes ?? inlineFormatter.format(batches);
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.worker.terminate();
  }

  private settle(id: number, reply: Reply): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    resolve?.(reply);
  }
}
