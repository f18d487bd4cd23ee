import { readFile, writeFile, mkdir, rename } from "node:fs/promises";
import { dirname } from "node:path";
import type { Fingerprint } from "./hash-files.ts";

interface Entry {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  sha256: string;
}

/**
 * Remembers each file's hash with its device, inode, size and mtime in nanoseconds, so an
 * unchanged file is not read again. Kept under .git/ (never committed, per clone).
 *
 * A file modified within the same timestamp tick as its hashing could keep its old fingerprint
 * (git's "racy" case): entries whose mtime is not strictly before the moment hashing began are
 * not stored, so they are read again next time.
 */
export class HashCache {
  private dirty = false;
  private constructor(readonly file: string, private readonly entries: Map<string, Entry>) {}

  static async open(file: string): Promise<HashCache> {
    try {
      const parsed = JSON.parse(await readFile(file, "utf8"));
      if (parsed?.version === 1 && parsed.entries && typeof parsed.entries === "object") {
        return new HashCache(file, new Map(Object.entries(parsed.entries as Record<string, Entry>)));
      }
    } catch {
      // Missing or unreadable cache: start empty; it is only an optimisation.
    }
    return new HashCache(file, new Map());
  }

  /** Whether the cache has an entry for the path (whatever its fingerprint). */
  knows(path: string): boolean {
    return this.entries.has(path);
  }

  lookup(path: string, fp: Fingerprint): string | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    const same =
      entry.dev === String(fp.dev) && entry.ino === String(fp.ino) && entry.size === String(fp.size) && entry.mtimeNs === String(fp.mtimeNs);
    return same ? entry.sha256 : undefined;
  }

  store(path: string, fp: Fingerprint, sha256: string, hashingStartedNs: bigint): void {
    if (fp.mtimeNs >= hashingStartedNs) {
      this.entries.delete(path);
      return;
    }
    this.entries.set(path, { dev: String(fp.dev), ino: String(fp.ino), size: String(fp.size), mtimeNs: String(fp.mtimeNs), sha256 });
    this.dirty = true;
  }

  /** Writes atomically (temp file + rename) so a crash never leaves a half-written cache. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: 1, entries: Object.fromEntries(this.entries) }));
    await rename(temp, this.file);
    this.dirty = false;
  }
}
