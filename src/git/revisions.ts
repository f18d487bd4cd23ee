import type { Git } from "./git.ts";

/**
 * Questions about revisions, named for what they ask. Each returns undefined or false where the
 * answer "no such thing" is normal (a branch not fetched, a file not in that commit), and throws
 * where git itself failed.
 */

/** The commit `rev` names (a branch, tag or id), or undefined when there is none. */
export async function commitOf(git: Git, rev: string): Promise<string | undefined> {
  const result = await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** The commit checked out. */
export async function headCommit(git: Git): Promise<string> {
  return (await git.run(["rev-parse", "HEAD^{commit}"])).trim();
}

/** The id of the object at `path` in `rev` (usually a blob), or undefined when `rev` has no such path. */
export async function objectAt(git: Git, rev: string, path: string): Promise<string | undefined> {
  const result = await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}:${path}`]);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/**
 * Whether `ancestor` is in the history of `descendant` (a commit is its own ancestor). False also
 * when git does not hold one of them: in a shallow clone that is the normal answer, and every
 * caller's message says to fetch the history.
 */
export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  return (await git.tryRun(["merge-base", "--is-ancestor", ancestor, descendant])).code === 0;
}

/** The full message of `commit`, or of the newest commit up to it that touched `path`. */
export async function commitMessage(git: Git, commit: string, path?: string): Promise<string> {
  return git.run(["log", "-1", "--format=%B", commit, ...(path === undefined ? [] : ["--", path])]);
}
