import type { Git } from "./git.ts";

/** The repository's common git directory (shared by every worktree), absolute: where modelkeeper keeps its locks and cache. */
export async function gitDir(git: Git): Promise<string> {
  return (await git.run(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
}

/** Whether this is a shallow clone (history cut off at a depth). */
export async function isShallow(git: Git): Promise<boolean> {
  return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
