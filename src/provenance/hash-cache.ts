import { open, mkdir, rename, rm, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { comparePaths } from "./expand-paths.ts";

/** First line of the cache file; an older or foreign file is ignored (the cache starts empty). */
const HEADER = "modelkeeper-hash-cache 3\n";
/**
 * Reads and writes go in pieces of about this size: memory stays flat whatever the file count.
 * Under V8's large-object size (128 KiB), so each piece is young garbage, not old-space garbage
 * that only a full collection frees (1 MiB pieces made the heap grow with the file count).
 */
const CHUNK = 1 << 16;

/**
 * What the cache remembers of a path: `key` is either `b OID` (git had found the file equal to
 * that committed blob) or `f DEV INO SIZE MTIME_NS` (the fingerprint of the descriptor hashed).
 */
export interface CacheEntry {
  key: string;
  sha256: string;
  bytes: number;
}

/**
 * The hash cache under .git/modelkeeper/ (never committed, per clone): each path's hash with what
 * vouches for it, so an unchanged file is not read again.
 *
 * The file is sorted by path, and is read and rewritten as a stream, never held in memory: `get`
 * is called in ascending path order and merges with one cursor over the old file; `set` (also in
 * ascending order, possibly behind `get`) merges the new entries with a second cursor, copying
 * entries of paths not visited (other models, verify). On disk each entry is `PATH NUL KEY SHA256
 * BYTES NUL`: NUL is the one byte no path holds.
 *
 * A file modified within the same timestamp tick as its hashing could keep its old fingerprint
 * (git's "racy" case): the caller stores a fingerprint only when the mtime is strictly before the
 * moment hashing began (hash-files.ts).
 */
export class HashCache {
  private changed = false;
  private constructor(
    readonly file: string,
    private readonly reader: EntryReader | undefined,
    private readonly copier: EntryReader | undefined,
    private readonly writer: ChunkWriter,
    private readonly temp: string,
  ) {}

  static async open(file: string): Promise<HashCache> {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    return new HashCache(
      file,
      await EntryReader.open(file),
      await EntryReader.open(file),
      await ChunkWriter.open(temp, HEADER),
      temp,
    );
  }

  /**
   * The entry for `path`, if any. Calls must come in ascending path order (comparePaths). A
   * promise only when the next piece of the file must be read: no promise per file.
   */
  get(path: string): CacheEntry | undefined | Promise<CacheEntry | undefined> {
    if (!this.reader) return undefined;
    for (;;) {
      const head = this.reader.peekBuffered();
      if (head === NEED_READ) return this.reader.fill().then(() => this.get(path));
      if (!head) return undefined;
      const order = comparePaths(head.path, path);
      if (order > 0) return undefined;
      this.reader.advance();
      if (order === 0) return parseEntry(head.value);
    }
  }

  /** Remembers (or, with undefined, forgets) `path`'s entry. Calls in ascending path order; a promise only when a piece is read or written. */
  set(path: string, entry: CacheEntry | undefined): void | Promise<void> {
    let old: string | undefined;
    if (this.copier) {
      for (;;) {
        const head = this.copier.peekBuffered();
        if (head === NEED_READ) return this.copier.fill().then(() => this.set(path, entry));
        if (!head) break;
        const order = comparePaths(head.path, path);
        if (order > 0) break;
        this.copier.advance();
        if (order === 0) {
          old = head.value;
          break;
        }
        this.writer.add(`${head.path}\0${head.value}\0`);
      }
    }
    const value = entry && `${entry.key} ${entry.sha256} ${entry.bytes}`;
    if (value !== old) this.changed = true;
    if (value && !path.includes("\0")) this.writer.add(`${path}\0${value}\0`);
    if (this.writer.full) return this.writer.flush();
  }

  /** Copies the rest and renames the new file over the old (atomic: a crash never leaves half a cache); unchanged, keeps the old file. */
  async save(): Promise<void> {
    if (this.copier) {
      for (let head = await this.copier.peek(); head; head = await this.copier.peek()) {
        this.copier.advance();
        this.writer.add(`${head.path}\0${head.value}\0`);
        if (this.writer.full) await this.writer.flush();
      }
    }
    await this.close(this.changed);
  }

  /** Closes the files; without `keep`, the new file is discarded. */
  async close(keep = false): Promise<void> {
    await Promise.all([this.reader?.close(), this.copier?.close()]);
    await this.writer.close();
    if (keep) await rename(this.temp, this.file);
    else await rm(this.temp, { force: true });
  }
}

const NEED_READ = Symbol("need read");

/** `KEY SHA256 BYTES` back into an entry; anything else (a damaged file) is no entry. */
function parseEntry(value: string): CacheEntry | undefined {
  const b = value.lastIndexOf(" ");
  const a = value.lastIndexOf(" ", b - 1);
  if (a < 1 || b - a !== 65) return undefined;
  const bytes = Number(value.slice(b + 1));
  if (!Number.isSafeInteger(bytes) || bytes < 0) return undefined;
  return { key: value.slice(0, a), sha256: value.slice(a + 1, b), bytes };
}

/** A forward cursor over the cache file's `PATH NUL VALUE NUL` entries, read a piece at a time. */
class EntryReader {
  private text = "";
  private at = 0;
  private eof = false;
  private current: { path: string; value: string } | undefined;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private carry = Buffer.alloc(0);

  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<EntryReader | undefined> {
    const handle = await open(file, "r").catch(() => undefined);
    if (!handle) return undefined;
    const reader = new EntryReader(handle);
    await reader.fill();
    if (!reader.text.startsWith(HEADER)) {
      await handle.close();
      return undefined;
    }
    reader.at = HEADER.length;
    return reader;
  }

  async peek(): Promise<{ path: string; value: string } | undefined> {
    for (;;) {
      const head = this.peekBuffered();
      if (head !== NEED_READ) return head;
      await this.fill();
    }
  }

  /** The current entry from what is read so far; NEED_READ when the next piece must be read first. */
  peekBuffered(): { path: string; value: string } | undefined | typeof NEED_READ {
    if (this.current) return this.current;
    const a = this.text.indexOf("\0", this.at);
    const b = a === -1 ? -1 : this.text.indexOf("\0", a + 1);
    if (b !== -1) {
      this.current = { path: this.text.slice(this.at, a), value: this.text.slice(a + 1, b) };
      this.at = b + 1;
      return this.current;
    }
    return this.eof ? undefined : NEED_READ;
  }

  advance(): void {
    this.current = undefined;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }

  async fill(): Promise<void> {
    this.text = this.text.slice(this.at);
    this.at = 0;
    const { bytesRead } = await this.handle.read(this.buffer, 0, CHUNK, null);
    if (bytesRead === 0) {
      this.eof = true;
      this.text += this.carry.toString("utf8");
      this.carry = Buffer.alloc(0);
      return;
    }
    // Keep an incomplete UTF-8 sequence at the end for the next piece.
    const bytes = Buffer.concat([this.carry, this.buffer.subarray(0, bytesRead)]);
    const cut = completeUtf8Length(bytes);
    this.carry = Buffer.from(bytes.subarray(cut));
    this.text += bytes.toString("utf8", 0, cut);
  }
}

/** The length of `bytes` without a UTF-8 sequence cut off at its end. */
function completeUtf8Length(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0 || bytes[lead] < 0xc0) return bytes.length;
  const needed = bytes[lead] >= 0xf0 ? 4 : bytes[lead] >= 0xe0 ? 3 : 2;
  return bytes.length - lead < needed ? lead : bytes.length;
}

/** Appends text to a file in CHUNK-sized writes. */
class ChunkWriter {
  private pending: string;
  private constructor(
    private readonly handle: FileHandle,
    first: string,
  ) {
    this.pending = first;
  }

  static async open(file: string, first: string): Promise<ChunkWriter> {
    return new ChunkWriter(await open(file, "w"), first);
  }

  add(text: string): void {
    this.pending += text;
  }

  get full(): boolean {
    return this.pending.length >= CHUNK;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }

  async flush(): Promise<void> {
    const text = this.pending;
    this.pending = "";
    if (text) await this.handle.write(text);
  }
}
