import { Worker } from "node:worker_threads";

/**
 * The hashing worker, as source text so it runs the same from TypeScript sources and from the
 * bundles (a worker file path would differ between them). It reads each file synchronously into
 * one reused 1 MiB buffer: the fastest way through a file in Node, and memory stays flat
 * whatever the file size.
 *
 * A batch is two strings (paths, and the fingerprint the cache holds for each or ""), joined by
 * NUL; the answer is one string too, an answer per file joined by NUL: `h SHA256 BYTES FP` (read
 * and hashed), `= BYTES FP` (the descriptor's fingerprint is the expected one: not read) or
 * `! REASON`. FP is `f DEV INO SIZE MTIME_NS`, taken from the descriptor read, so it belongs to
 * the bytes hashed. One string per batch, not an object per file: cloning thousands of objects
 * between threads costs more than hashing small files, and is what made memory grow.
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { openSync, readSync, closeSync, fstatSync } = require("node:fs");
const { createHash } = require("node:crypto");
const buffer = Buffer.allocUnsafe(1 << 20);
function one(path, expect) {
  let fd;
  try {
    fd = openSync(path, "r");
    const s = fstatSync(fd, { bigint: true });
    if (!s.isFile()) return "! not a regular file";
    const fp = "f " + s.dev + " " + s.ino + " " + s.size + " " + s.mtimeNs;
    if (expect && expect === fp) return "= " + s.size + " " + fp;
    const hash = createHash("sha256");
    let bytes = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      bytes += n;
    }
    return "h " + hash.digest("hex") + " " + bytes + " " + fp;
  } catch (error) {
    return "! " + (error.code || String(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
parentPort.on("message", ({ id, paths, expects }) => {
  const p = paths.split("\\0"), e = expects.split("\\0"), out = new Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = one(p[i], e[i]);
  parentPort.postMessage({ id, answers: out.join("\\0") });
});
`;

/** A fixed set of hashing threads; batches go to whichever is free. */
export class HashWorkers {
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{
    paths: string;
    expects: string;
    resolve: (answers: string[]) => void;
    reject: (error: Error) => void;
  }> = [];
  private readonly waiting = new Map<
    number,
    { resolve: (answers: string[]) => void; reject: (error: Error) => void }
  >();
  private readonly all: Worker[] = [];
  private nextId = 0;
  private failed: Error | undefined;

  constructor(threads: number) {
    for (let i = 0; i < Math.max(1, threads); i++) {
      // A small heap: the worker holds one batch at a time (well under 1 MB), and each MB its
      // garbage may fill before a collection is resident memory.
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 24 },
      });
      worker.on("message", (message: { id: number; answers: string }) => {
        const pending = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        this.idle.push(worker);
        this.pump();
        pending?.resolve(message.answers.split("\0"));
      });
      worker.on("error", (error) => this.fail(error));
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Hashes a batch of absolute paths; `expects[i]` is the fingerprint the cache holds, or "". */
  run(paths: string[], expects: string[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.queue.push({ paths: paths.join("\0"), expects: expects.join("\0"), resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { paths, expects, resolve, reject } = this.queue.shift()!;
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, paths, expects });
    }
  }

  private fail(error: Error): void {
    this.failed = error;
    for (const pending of [...this.waiting.values(), ...this.queue]) pending.reject(error);
    this.waiting.clear();
    this.queue.length = 0;
  }
}
