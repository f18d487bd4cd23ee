import { availableParallelism } from "node:os";
import { sep } from "node:path";
import { UserError } from "../errors.ts";
import type { CacheEntry, HashCache } from "./hash-cache.ts";
import type { CommittedBlobs } from "./committed-blobs.ts";
import { HashWorkers } from "./hash-workers.ts";

export interface FileHash {
  sha256: string;
  bytes: number;
}

/** One file's hash as the stream yields it; `read` is false when a cache vouched for it. */
export interface HashedFile extends FileHash {
  path: string;
  read: boolean;
}

export interface HashStats {
  hashed: number;
  reused: number;
  bytesRead: number;
}

export interface HashStreamOptions {
  /** Reuse hashes the cache vouches for (same committed blob, or same device, inode, size and mtime). Needs ascending paths. */
  cache?: HashCache;
  /**
   * The commit's blob ids, for paths git has just found byte-for-byte equal to the commit
   * (record's dirty check): a cached hash of the same blob is reused without a stat or a read.
   * Needs ascending paths.
   */
  blobs?: CommittedBlobs;
  /** When the tree was checked (ns since the epoch): a file changed after it is not cached by blob. */
  checkedNs?: bigint;
  /** Worker threads; default one per core but one (defaultThreads). */
  threads?: number;
  /** Counts, updated as files go by. */
  stats?: HashStats;
  /** Called for a committed file whose mtime is not before `checkedNs`: it may have changed since git's check. */
  onLate?: (path: string) => void;
}

/**
 * Hashing threads when the caller does not say: a core is left to this thread, which walks the
 * folders, merges the committed blob ids, and streams the cache and the manifest out. With as many
 * workers as cores, three busy threads shared two cores: no faster at 100,000 files (3.2 s either
 * way, alternated), 25 MB more memory per worker and a quarter more CPU time.
 */
function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Files per worker message: enough to make a round trip cheap next to the reads. */
const BATCH_FILES = 256;
/** Batches in flight per thread: keeps both cores busy while memory stays bounded. */
const BATCHES_PER_THREAD = 4;

interface Slot {
  path: string;
  oid?: string;
  cached?: CacheEntry;
  /** The worker's answer once its batch is back (see hash-workers.ts). */
  answer?: string;
  ready: boolean;
}

/**
 * sha256 of each repository-relative path, yielded in the order given (in groups), as a stream: files go to
 * the worker threads in batches, at most a few batches ahead, so memory stays flat whatever the
 * number of files. With a cache, a committed file git found clean whose blob the cache knows is
 * neither stat'ed nor read; a file whose fingerprint the cache holds is stat'ed by a worker (on
 * the descriptor it would read) and read only if the fingerprint changed.
 */
export async function* hashInOrder(
  root: string,
  paths: Iterable<string> | AsyncIterable<string>,
  options: HashStreamOptions = {},
): AsyncGenerator<HashedFile[]> {
  const { cache, blobs } = options;
  const stats = options.stats ?? { hashed: 0, reused: 0, bytesRead: 0 };
  const startedNs = BigInt(Date.now()) * 1_000_000n;
  const threads = Math.max(1, options.threads ?? defaultThreads());
  let workers: HashWorkers | undefined;
  // Paths are repository-relative and normalised already: concatenation, not path.join per file.
  const base = root.endsWith(sep) ? root : root + sep;
  const fifo: Slot[] = [];
  const inFlight: Promise<void>[] = [];
  let batch: Slot[] = [];
  const send = () => {
    const slots = batch;
    batch = [];
    workers ??= new HashWorkers(threads);
    const sent = workers
      .run(
        slots.map((s) => base + s.path),
        slots.map((s) => (s.cached?.key.startsWith("f ") ? s.cached.key : "")),
      )
      .then((answers) => {
        slots.forEach((slot, i) => {
          slot.answer = answers[i];
          slot.ready = true;
        });
      });
    inFlight.push(sent);
    void sent.catch(() => {});
  };
  // Finished files go out in groups: one promise per group, not per file.
  let out: HashedFile[] = [];
  const finish = async (slot: Slot): Promise<void> => {
    if (slot.answer === undefined) {
      stats.reused++;
      const pending = cache?.set(slot.path, slot.cached);
      if (pending) await pending;
      out.push({ path: slot.path, sha256: slot.cached!.sha256, bytes: slot.cached!.bytes, read: false });
      return;
    }
    const fields = slot.answer.split(" ");
    if (fields[0] === "!") throw unreadable(slot.path, slot.answer.slice(2));
    const read = fields[0] === "h";
    const sha256 = read ? fields[1] : slot.cached!.sha256;
    const bytes = Number(read ? fields[2] : fields[1]);
    const fingerprint = fields.slice(read ? 3 : 2).join(" ");
    const mtimeNs = BigInt(fields[fields.length - 1]);
    if (read) {
      stats.hashed++;
      stats.bytesRead += bytes;
    } else {
      stats.reused++;
    }
    if (slot.oid && options.checkedNs !== undefined && mtimeNs >= options.checkedNs) options.onLate?.(slot.path);
    // Racy writes (at or after the check, or the start of hashing) are not cached: read again next time.
    const key =
      slot.oid && options.checkedNs !== undefined && mtimeNs < options.checkedNs
        ? `b ${slot.oid}`
        : mtimeNs < startedNs
          ? fingerprint
          : undefined;
    const pending = cache?.set(slot.path, key ? { key, sha256, bytes } : undefined);
    if (pending) await pending;
    out.push({ path: slot.path, sha256, bytes, read });
  };
  const take = () => {
    const group = out;
    out = [];
    return group;
  };
  try {
    for await (const path of paths) {
      let cached = cache?.get(path);
      if (cached instanceof Promise) cached = await cached;
      let oid = blobs?.get(path);
      if (oid instanceof Promise) oid = await oid;
      const slot: Slot = { path, oid, cached, ready: false };
      if (cached && oid && cached.key === `b ${oid}`) slot.ready = true;
      else batch.push(slot);
      fifo.push(slot);
      if (batch.length >= BATCH_FILES) send();
      while (inFlight.length >= threads * BATCHES_PER_THREAD) await inFlight.shift();
      while (fifo.length && fifo[0].ready) await finish(fifo.shift()!);
      if (out.length >= BATCH_FILES) yield take();
    }
    if (batch.length) send();
    while (fifo.length) {
      if (fifo[0].ready) await finish(fifo.shift()!);
      else if (inFlight.length) await inFlight.shift();
      else throw new Error(`hashInOrder: ${fifo[0].path} was never sent to a worker`);
      if (out.length >= BATCH_FILES) yield take();
    }
    if (out.length) yield take();
  } finally {
    await workers?.close();
  }
}

/** sha256 of each path (a few files, any order), as a map. */
export async function hashFiles(
  root: string,
  paths: string[],
  options: { threads?: number } = {},
): Promise<{ hashes: Map<string, FileHash>; stats: HashStats }> {
  const stats: HashStats = { hashed: 0, reused: 0, bytesRead: 0 };
  const hashes = new Map<string, FileHash>();
  for await (const group of hashInOrder(root, new Set(paths), {
    threads: Math.min(options.threads ?? defaultThreads(), Math.ceil(paths.length / BATCH_FILES)),
    stats,
  })) {
    for (const { path, sha256, bytes } of group) hashes.set(path, { sha256, bytes });
  }
  return { hashes, stats };
}

function unreadable(path: string, reason: string): UserError {
  return new UserError(`${path}: cannot read (${reason}). Check that the file exists and is readable.`, { file: path });
}
