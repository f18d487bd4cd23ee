import { execFile, spawn, type ChildProcessByStdio, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { Readable } from "node:stream";
import type { Git } from "./git.ts";
import { objectAt } from "./revisions.ts";

/** The bytes of a blob (`rev:path` or a blob id), unchanged: model files and Parquet are binary. */
export function readBlob(git: Git, object: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["cat-file", "blob", object],
      { cwd: git.cwd, encoding: "buffer", maxBuffer: 4 * 1024 ** 3 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** The text of the file `path` as committed at `rev`, or undefined when `rev` has no such path. */
export async function readTextAt(git: Git, rev: string, path: string): Promise<string | undefined> {
  const blob = await objectAt(git, rev, path);
  return blob === undefined ? undefined : (await readBlob(git, blob)).toString("utf8");
}

/** The blob ids the files (absolute paths) would have in git, without writing them (`hash-object`). */
export async function blobIdsOfFiles(git: Git, files: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  return (await git.run(["hash-object", "--", ...files])).trim().split("\n");
}

/**
 * Starts `git hash-object -w --stdin`: the caller streams a blob's bytes into stdin, ends it, and
 * reads the blob id from stdout. The caller owns the process (and kills it to abandon the blob).
 */
export function openBlobWriter(git: Git): ChildProcessWithoutNullStreams {
  return spawn("git", ["hash-object", "-w", "--stdin"], { cwd: git.cwd, stdio: ["pipe", "pipe", "pipe"] });
}

/** Starts `git cat-file blob <oid>` for a reader that streams a large blob; it exits non-zero when the blob is not here. */
export function openBlobReader(git: Git, oid: string): ChildProcessByStdio<null, Readable, Readable> {
  return spawn("git", ["cat-file", "blob", oid], { cwd: git.cwd, stdio: ["ignore", "pipe", "pipe"] });
}

/** The file a Git LFS pointer stands for, through `git lfs smudge`; rejects when git-lfs is missing or fails. */
export function smudgeLfsPointer(git: Git, pointer: Buffer, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      ["lfs", "smudge", "--", path],
      { cwd: git.cwd, encoding: "buffer", maxBuffer: 4 * 1024 ** 3 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end(pointer);
  });
}
