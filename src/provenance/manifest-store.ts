import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import type { Git } from "../git/git.ts";
import { openBlobReader, openBlobWriter } from "../git/blob.ts";
import { addNoteFromBlob, noteBlobOf } from "../git/notes.ts";
import { NOTES_REF, type FileHashes, type ManifestRef, type RecordInputs } from "./note-line.ts";
import { canonicalJson } from "./canonical-json.ts";
import { UserError } from "../errors.ts";

/**
 * A record's per-file hashes live in a content-addressed git blob, the manifest, which the note
 * line names by object id. The same inputs give the same bytes, so the same blob: recording an
 * unchanged tree stores nothing new but a short note line.
 *
 * Format: one JSON value per line (a path with a newline stays on its line). The first line is
 * the header `{"model":…,"modelkeeper":"manifest","section":{…},"version":1}` (canonical JSON);
 * then one `[role, path, sha256]` per file and role, by path (JavaScript string order), a path's
 * roles in ROLES order: the order record hashes in, so entries are written as hashes arrive.
 * (Manifests written before 2026-12-04 group entries by role; readers accept any order.)
 *
 * Keeping it alive: the blob is also stored as a note on itself in refs/notes/modelkeeper (the
 * notes tree maps the blob's id to the blob). So it is reachable from the ref every reader
 * already fetches and `record --push` already pushes: gc keeps it, a push or fetch of the notes
 * ref carries it, and `git notes merge -s cat_sort_uniq` never conflicts on it (the same key
 * always holds the same bytes). Commands that list notes skip such self-notes.
 */
export const ROLES = ["data", "code", "config", "lockfiles"] as const;
export type Role = (typeof ROLES)[number];

export interface ManifestHeader {
  model: string;
  section: Record<string, unknown>;
}

export interface Manifest extends ManifestHeader {
  inputs: RecordInputs;
}

/**
 * Streams a manifest into `git hash-object -w --stdin` as its entries arrive (in 64 KiB pieces,
 * waiting for git to drain: memory stays flat whatever the file count); `finish` keeps the blob
 * reachable and returns what the note line names.
 */
export class ManifestWriter {
  private readonly child;
  private readonly done: Promise<Buffer>;
  private readonly digest = createHash("sha256");
  private files = 0;
  private pending = "";

  constructor(
    private readonly git: Git,
    header: ManifestHeader,
  ) {
    this.child = openBlobWriter(git);
    this.done = collect(this.child, "git hash-object -w --stdin");
    this.pending =
      canonicalJson({ model: header.model, modelkeeper: "manifest", section: header.section, version: 1 }) + "\n";
  }

  /** Adds an entry; a promise only when a piece goes to git. */
  add(role: Role, path: string, sha256: string): void | Promise<void> {
    this.pending += JSON.stringify([role, path, sha256]) + "\n";
    this.files++;
    // 64 KiB pieces: under V8's large-object size, so each is young garbage (see hash-cache.ts).
    if (this.pending.length >= 1 << 16) return this.flush();
  }

  async finish(): Promise<ManifestRef> {
    await this.flush();
    this.child.stdin.end();
    const oid = (await this.done).toString("utf8").trim();
    await keepManifest(this.git, oid);
    return { oid, sha256: this.digest.digest("hex"), files: this.files };
  }

  /** Stops git without a blob (a failure elsewhere). */
  abort(): void {
    this.child.stdin.destroy();
    this.child.kill();
    void this.done.catch(() => {});
  }

  private async flush(): Promise<void> {
    if (!this.pending) return;
    const chunk = Buffer.from(this.pending, "utf8");
    this.pending = "";
    this.digest.update(chunk);
    if (!this.child.stdin.write(chunk))
      await new Promise<void>((resolve) => this.child.stdin.once("drain", () => resolve()));
  }
}

/** Writes a whole manifest from its entries (in manifest order: by path, then ROLES order). */
export async function writeManifest(
  git: Git,
  header: ManifestHeader,
  entries: Iterable<[Role, string, string]>,
): Promise<ManifestRef> {
  const writer = new ManifestWriter(git, header);
  for (const [role, path, sha256] of entries) await writer.add(role, path, sha256);
  return writer.finish();
}

/** Keeps a manifest blob reachable: a note on itself in NOTES_REF (see above), added once. */
export async function keepManifest(git: Git, oid: string): Promise<void> {
  if ((await noteBlobOf(git, oid, NOTES_REF)) === oid) return;
  await addNoteFromBlob(git, oid, oid, NOTES_REF);
}

/**
 * Reads a manifest back, checking its sha256 against the note line and every entry's shape. A
 * path that is absolute or climbs out of the repository is refused: note lines are not trusted.
 */
export async function readManifest(git: Git, ref: ManifestRef, where: string): Promise<Manifest> {
  // A note line may have been written by hand: its ref may not even be an object.
  const oid = typeof ref?.oid === "string" ? ref.oid : "";
  const bad = (why: string) =>
    new UserError(
      `${where}: the record's manifest ${oid.slice(0, 12) || "(none)"} ${why}. Record the commit again (modelkeeper record), or fetch ${NOTES_REF} in full.`,
    );
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw bad("is not a git object id");
  const child = openBlobReader(git, ref.oid);
  const digest = createHash("sha256");
  const inputs: RecordInputs = { data: {}, code: {}, config: {}, lockfiles: {} };
  let header: ManifestHeader | undefined;
  let files = 0;
  let rest = Buffer.alloc(0);
  const lineError: string[] = [];
  const take = (line: string) => {
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      lineError.push("has a line that is not JSON");
      return;
    }
    if (!header) {
      const h = value as { modelkeeper?: string; version?: number; model?: string; section?: Record<string, unknown> };
      if (h?.modelkeeper !== "manifest" || h.version !== 1 || typeof h.model !== "string")
        lineError.push("has no manifest header");
      else header = { model: h.model, section: h.section ?? {} };
      return;
    }
    const [role, path, sha256] = Array.isArray(value) ? value : [];
    if (
      !(ROLES as readonly string[]).includes(role) ||
      typeof path !== "string" ||
      !isSafePath(path) ||
      typeof sha256 !== "string" ||
      !/^[0-9a-f]{64}$/.test(sha256)
    ) {
      lineError.push(`has an invalid entry ${JSON.stringify(line.slice(0, 120))}`);
      return;
    }
    (inputs[role as Role] as FileHashes)[path] = sha256;
    files++;
  };
  const stderr: Buffer[] = [];
  child.stderr.on("data", (c: Buffer) => stderr.push(c));
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    digest.update(chunk);
    let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      take(data.subarray(start, nl).toString("utf8"));
      start = nl + 1;
    }
    rest = Buffer.from(data.subarray(start));
    data = rest;
  }
  take(rest.toString("utf8"));
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("close", resolve),
  );
  if (code !== 0)
    throw bad(`is not in this clone (${Buffer.concat(stderr).toString("utf8").trim() || `git exit ${code}`})`);
  if (digest.digest("hex") !== ref.sha256) throw bad("does not hash to the sha256 the note line names (altered?)");
  if (lineError.length) throw bad(lineError[0]);
  if (!header) throw bad("is empty");
  if (files !== ref.files) throw bad(`lists ${files} files where the note line says ${ref.files}`);
  return { ...header, inputs };
}

/** A repository-relative POSIX path that stays inside the repository. */
export function isSafePath(path: string): boolean {
  if (!path || path.startsWith("/") || path.includes("\\") || path.includes("\0") || /^[A-Za-z]:/.test(path))
    return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

function collect(child: ChildProcess, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on("data", (c: Buffer) => out.push(c));
    child.stderr!.on("data", (c: Buffer) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`${what} failed (exit ${code}): ${Buffer.concat(err).toString("utf8").trim()}`)),
    );
  });
}
