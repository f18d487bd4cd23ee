import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import type { Git } from "./git.ts";

/** What a commit's tree holds, read from git objects (never from a checkout). */

/** Every file (blob) of a commit's tree: path → blob id. Symbolic links and submodules are left out. */
export async function treeFiles(git: Git, commit: string): Promise<Map<string, string>> {
  const out = await git.run(["ls-tree", "-r", "-z", "--full-tree", commit]);
  const files = new Map<string, string>();
  for (const entry of out.split("\0")) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match && (match[1] === "100644" || match[1] === "100755")) files.set(match[3], match[2]);
  }
  return files;
}

/** The mode and blob id of `path` at `rev` (mode 120000 for a symbolic link), or undefined when it is not a blob there. */
export async function fileEntry(
  git: Git,
  rev: string,
  path: string,
): Promise<{ mode: string; blob: string } | undefined> {
  const out = (await git.run(["ls-tree", "-z", rev, "--", path])).split("\0")[0];
  const match = /^(\d+) blob ([0-9a-f]+)\t/.exec(out);
  return match ? { mode: match[1], blob: match[2] } : undefined;
}

/**
 * Starts `git ls-tree -r -z --full-tree` of `commit` and hands back the running process, for a
 * reader that consumes the listing as a stream ("<mode> <type> <oid>\t<path>\0", in git's path
 * order) instead of holding a large tree in memory. The reader owns the process.
 */
export function openTreeListing(git: Git, commit: string): ChildProcessByStdio<null, Readable, Readable> {
  return spawn("git", ["ls-tree", "-r", "-z", "--full-tree", commit], {
    cwd: git.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
  });
}
