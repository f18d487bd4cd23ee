import { readFile, mkdir, rename, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { Fingerprint } from "./hash-files.ts";

/** First line of the cache file; an older or foreign file is ignored (the cache starts empty). */
const HEADER = "modelkeeper-hash-cache 2\n";
/** The save writes in pieces of about this size, so memory does not grow with the file count. */
const WRITE_CHUNK = 1 << 20;

/**
 * Remembers each file's hash with its device, inode, size and mtime in nanoseconds, so an
 * unchanged file is not read again. Kept under .git/ (never committed, per clone).
 *
 * One string per file, `"dev ino size mtimeNs sha256"`, rather than an object of fields: at
 * 100,000 files objects cost tens of MB and most of the load time. On disk each entry is
 * `dev ino size mtimeNs sha256 path` ended by a NUL (the one byte no path holds); a blob's is
 * `blob oid bytes sha256`.
 *
 * A file modified within the same timestamp tick as its hashing could keep its old fingerprint
 * (git's "racy" case): entries whose mtime is not strictly before the moment hashing began are
 * not stored, so they are read again next time.
 */
export class HashCache {
  private dirty = false;
  private constructor(
    readonly file: string,
    private readonly entries: Map<string, string>,
    /** git blob id -> "bytes sha256": a blob's bytes never change, so neither does their hash. */
    private readonly blobs: Map<string, string>,
  ) {}

  static async open(file: string): Promise<HashCache> {
    const entries = new Map<string, string>();
    const blobs = new Map<string, string>();
    try {
      const text = await readFile(file, "utf8");
      if (text.startsWith(HEADER)) {
        let start = HEADER.length;
        for (let end = text.indexOf("\0", start); end !== -1; end = text.indexOf("\0", start)) {
          // Five space-separated fields, then the path (which may itself hold spaces).
          if (text.startsWith("blob ", start)) {
            const [, oid, bytes, sha256] = text.slice(start, end).split(" ");
            if (oid && bytes && sha256?.length === 64) blobs.set(oid, `${bytes} ${sha256}`);
            start = end + 1;
            continue;
          }
          let cut = start;
          for (let field = 0; field < 5 && cut !== -1; field++) cut = text.indexOf(" ", cut + 1);
          if (cut !== -1 && cut < end) entries.set(text.slice(cut + 1, end), text.slice(start, cut));
          start = end + 1;
        }
      }
    } catch {
      // Missing or unreadable cache: start empty; it is only an optimisation.
    }
    return new HashCache(file, entries, blobs);
  }

  /** Whether the cache has an entry for the path (whatever its fingerprint). */
  knows(path: string): boolean {
    return this.entries.has(path);
  }

  lookup(path: string, fp: Fingerprint): string | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    const key = fingerprintKey(fp);
    return entry.length === key.length + 1 + 64 && entry.startsWith(key) ? entry.slice(key.length + 1) : undefined;
  }

  store(path: string, fp: Fingerprint, sha256: string, hashingStartedNs: bigint): void {
    if (fp.mtimeNs >= hashingStartedNs) {
      this.entries.delete(path);
      return;
    }
    this.entries.set(path, `${fingerprintKey(fp)} ${sha256}`);
    this.dirty = true;
  }

  /** The hash of a git blob's bytes, if seen before. */
  lookupBlob(oid: string): { sha256: string; bytes: number } | undefined {
    const entry = this.blobs.get(oid);
    if (!entry) return undefined;
    const space = entry.indexOf(" ");
    return { bytes: Number(entry.slice(0, space)), sha256: entry.slice(space + 1) };
  }

  /**
   * Remembers a blob's hash, read from a file git had found equal to the blob. A file whose
   * mtime is not before that check may have changed since: not stored (the racy case again).
   */
  storeBlob(oid: string, hash: { sha256: string; bytes: number }, fileMtimeNs: bigint, checkedNs: bigint): void {
    if (fileMtimeNs >= checkedNs || !/^[0-9a-f]{40,64}$/.test(oid)) return;
    this.blobs.set(oid, `${hash.bytes} ${hash.sha256}`);
    this.dirty = true;
  }

  /** Writes atomically (temp file + rename) so a crash never leaves a half-written cache. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const handle = await open(temp, "w");
    try {
      let pending = HEADER;
      for (const [path, entry] of this.entries) {
        if (path.includes("\0")) continue;
        pending += `${entry} ${path}\0`;
        if (pending.length >= WRITE_CHUNK) {
          await handle.write(pending);
          pending = "";
        }
      }
      for (const [oid, entry] of this.blobs) {
        pending += `blob ${oid} ${entry}\0`;
        if (pending.length >= WRITE_CHUNK) {
          await handle.write(pending);
          pending = "";
        }
      }
      await handle.write(pending);
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
    this.dirty = false;
  }
}

function fingerprintKey(fp: Fingerprint): string {
  return `${fp.dev} ${fp.ino} ${fp.size} ${fp.mtimeNs}`;
}
