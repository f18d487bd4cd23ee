import type { ChildProcess } from "node:child_process";
import type { Git } from "../git/git.ts";
import { openTreeListing } from "../git/tree.ts";
import { comparePaths } from "./expand-paths.ts";

/**
 * The blob ids of a commit's regular files, read as a stream from `git ls-tree -r` (which lists
 * in path order) and merged with the caller's ascending paths: nothing per file is kept. For a
 * path git has just found byte-for-byte equal to the commit (not dirty), a hash known for the
 * blob is the file's hash, without a stat or a read. Symbolic links are left out (their blob is
 * the link's target, not the bytes a reader gets). git orders by bytes and JavaScript by UTF-16
 * units; where they differ (paths beyond U+FFFF) a path is merely not found, and gets hashed.
 */
const NEED_READ = Symbol("need read");

export class CommittedBlobs {
  private text = "";
  private at = 0;
  private done = false;
  private head: { path: string; oid: string | undefined } | undefined;
  private readonly chunks: AsyncIterator<Buffer>;
  /** Paths asked for that are not clean committed regular files (untracked, ignored, links, dirty). */
  misses = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dirty: (path: string) => boolean,
  ) {
    this.chunks = (child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    child.on("error", () => {});
    child.stderr?.resume();
  }

  static open(git: Git, commit: string, dirty: (path: string) => boolean): CommittedBlobs {
    return new CommittedBlobs(openTreeListing(git, commit), dirty);
  }

  /** The committed blob id for `path` when it is a clean regular file. Ascending paths only; a promise only when git's next piece is needed. */
  get(path: string): string | undefined | Promise<string | undefined> {
    for (;;) {
      const head = this.peekBuffered();
      if (head === NEED_READ) return this.read().then(() => this.get(path));
      const order = head ? comparePaths(head.path, path) : 1;
      if (order > 0) {
        this.misses++;
        return undefined;
      }
      this.head = undefined;
      if (order === 0) {
        if (head!.oid && !this.dirty(path)) return head!.oid;
        this.misses++;
        return undefined;
      }
    }
  }

  close(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private peekBuffered(): { path: string; oid: string | undefined } | undefined | typeof NEED_READ {
    while (!this.head) {
      const end = this.text.indexOf("\0", this.at);
      if (end === -1) return this.done ? undefined : NEED_READ;
      // "<mode> SP <type> SP <oid> TAB <path>"
      const record = this.text.slice(this.at, end);
      this.at = end + 1;
      const tab = record.indexOf("\t");
      if (tab === -1) continue;
      const [mode, type, oid] = record.slice(0, tab).split(" ");
      this.head = {
        path: record.slice(tab + 1),
        oid: type === "blob" && (mode === "100644" || mode === "100755") ? oid : undefined,
      };
    }
    return this.head;
  }

  private async read(): Promise<void> {
    const next = await this.chunks.next().catch(() => ({ done: true as const, value: undefined }));
    if (next.done) {
      this.done = true;
      return;
    }
    // Records end in NUL, so a piece cut after its last NUL never splits a UTF-8 sequence.
    this.pending = Buffer.concat([this.pending, next.value]);
    const last = this.pending.lastIndexOf(0);
    if (last === -1) return;
    this.text = this.text.slice(this.at) + this.pending.toString("utf8", 0, last + 1);
    this.at = 0;
    this.pending = Buffer.from(this.pending.subarray(last + 1));
  }

  private pending = Buffer.alloc(0);
}
