import { join } from "node:path";
import { gitFailure, type Git } from "./git.ts";
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

/** Stages `path` as it is in the working tree. */
export async function stagePath(git: Git, path: string): Promise<void> {
  await git.run(["add", "--", path]);
}

/** Whether the index holds a change to `path` against HEAD. */
export async function hasStagedChanges(git: Git, path: string): Promise<boolean> {
  const args = ["diff", "--cached", "--quiet", "--", path];
  const result = await git.tryRun(args);
  if (result.code === 0 || result.code === 1) return result.code === 1;
  throw gitFailure(args, result);
}

/** Commits the staged `path` (only it) on the branch checked out. */
export async function commitStagedPath(git: Git, path: string, message: string): Promise<void> {
  await git.run(["commit", "--quiet", "-m", message, "--", path]);
}
