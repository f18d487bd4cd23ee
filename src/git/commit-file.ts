import { join } from "node:path";
import type { Git } from "./git.ts";
import { makeTempDir, removeTempDir } from "../temp-dirs.ts";

/**
 * Makes a commit on top of `parent` whose tree is the parent's with one file replaced by an
 * existing blob, without touching the index or the working tree: a temporary index (GIT_INDEX_FILE)
 * holds the tree, so whatever the user has staged stays out of the commit. The commit is not on
 * any branch yet; the caller writes its note, then moves a ref to it.
 */
export async function commitWithFile(
  git: Git,
  options: { parent: string; path: string; blob: string; mode: string; message: string },
): Promise<string> {
  const dir = makeTempDir("index");
  const env = { GIT_INDEX_FILE: join(dir, "index") };
  try {
    await git.run(["read-tree", options.parent], { env });
    await git.run(["update-index", "--add", "--cacheinfo", `${options.mode},${options.blob},${options.path}`], { env });
    const tree = (await git.run(["write-tree"], { env })).trim();
    return (await git.run(["commit-tree", tree, "-p", options.parent, "-F", "-"], { input: options.message })).trim();
  } finally {
    removeTempDir(dir);
  }
}

/** The mode and blob id of `path` at `rev`, or undefined when it is not a file there. */
export async function fileEntry(
  git: Git,
  rev: string,
  path: string,
): Promise<{ mode: string; blob: string } | undefined> {
  const out = (await git.run(["ls-tree", "-z", rev, "--", path])).split("\0")[0];
  const match = /^(\d+) blob ([0-9a-f]+)\t/.exec(out);
  return match ? { mode: match[1], blob: match[2] } : undefined;
}
