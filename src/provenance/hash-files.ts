import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import type { HashCache } from "./hash-cache.ts";

export interface FileHash {
  sha256: string;
  bytes: number;
}

export interface HashOptions {
  /** Reuse hashes of files whose device, inode, size and mtime (ns) are unchanged. Omit to read every byte. */
  cache?: HashCache;
  /** Worker threads; default one per core. */
  threads?: number;
}

export interface HashStats {
  hashed: number;
  reused: number;
  bytesRead: number;
}

/**
 * The hashing worker, as source text so it runs the same from TypeScript sources, the bundled
 * Action and the CLI (a worker file path would differ between them). It reads synchronously
 * into one reused 1 MiB buffer: the fastest way through a file in Node, and memory stays flat.
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { openSync, readSync, closeSync } = require("node:fs");
const { createHash } = require("node:crypto");
const buffer = Buffer.allocUnsafe(1 << 20);
parentPort.on("message", (job) => {
  let fd;
  try {
    fd = openSync(job.path, "r");
    const hash = createHash("sha256");
    let bytes = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      bytes += n;
    }
    parentPort.postMessage({ id: job.id, sha256: hash.digest("hex"), bytes });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error.code || String(error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

/**
 * sha256 of each repository-relative path, spread over worker threads (one per core).
 * Unchanged files are taken from the cache when one is given.
 */
export async function hashFiles(
  root: string,
  paths: string[],
  options: HashOptions = {},
): Promise<{ hashes: Map<string, FileHash>; stats: HashStats }> {
  const hashes = new Map<string, FileHash>();
  const stats: HashStats = { hashed: 0, reused: 0, bytesRead: 0 };
  const startedNs = BigInt(Date.now()) * 1_000_000n;
  const todo: Array<{ path: string; fingerprint: Fingerprint }> = [];

  await Promise.all(
    paths.map(async (path) => {
      const info = await stat(join(root, path), { bigint: true }).catch((error: NodeJS.ErrnoException) => {
        throw new UserError(`${path}: cannot read (${error.code ?? error.message}). Check that the file exists and is readable.`, { file: path });
      });
      const fingerprint: Fingerprint = { dev: info.dev, ino: info.ino, size: info.size, mtimeNs: info.mtimeNs };
      const cached = options.cache?.lookup(path, fingerprint);
      if (cached) {
        hashes.set(path, { sha256: cached, bytes: Number(info.size) });
        stats.reused++;
      } else {
        todo.push({ path, fingerprint });
      }
    }),
  );

  // Largest first, so one big file does not start last and leave a core idle at the end.
  todo.sort((a, b) => (b.fingerprint.size > a.fingerprint.size ? 1 : b.fingerprint.size < a.fingerprint.size ? -1 : 0));
  const results = await runWorkers(root, todo.map((t) => t.path), options.threads ?? availableParallelism());
  todo.forEach(({ path, fingerprint }, i) => {
    const result = results[i];
    hashes.set(path, result);
    stats.hashed++;
    stats.bytesRead += result.bytes;
    options.cache?.store(path, fingerprint, result.sha256, startedNs);
  });
  return { hashes, stats };
}

export interface Fingerprint {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

async function runWorkers(root: string, paths: string[], threads: number): Promise<FileHash[]> {
  if (paths.length === 0) return [];
  const results: FileHash[] = new Array(paths.length);
  const count = Math.max(1, Math.min(threads, paths.length));
  let next = 0;
  let failure: UserError | undefined;
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= paths.length || failure) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const id = next++;
          worker.postMessage({ id, path: join(root, paths[id]) });
        };
        worker.on("message", (message: { id: number; sha256?: string; bytes?: number; error?: string }) => {
          if (message.error) {
            failure ??= new UserError(`${paths[message.id]}: cannot read (${message.error}). Check that the file exists and is readable.`, {
              file: paths[message.id],
            });
          } else {
            results[message.id] = { sha256: message.sha256!, bytes: message.bytes! };
          }
          feed();
        });
        worker.on("error", reject);
        feed();
      });
    }),
  );
  if (failure) throw failure;
  return results;
}
