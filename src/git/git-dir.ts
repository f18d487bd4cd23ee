import type { Git } from "./git.ts";

/** The repository's common git directory (shared by every worktree), absolute: where modelkeeper keeps its locks and cache. */
export async function gitDir(git: Git): Promise<string> {
  return (await git.run(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
}
