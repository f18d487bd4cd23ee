import type { Git } from "./git.ts";
import { makeTempDir, removeTempDir } from "../temp-dirs.ts";

/**
 * Runs `work` in a clean, detached `git worktree` at `commit`, and removes the worktree
 * afterwards whatever happens: success, failure, or SIGINT/SIGTERM while it runs.
 */
export async function withWorktree<T>(git: Git, commit: string, work: (dir: string) => Promise<T>): Promise<T> {
  // makeTempDir first removes folders a killed run left; prune then forgets their worktrees.
  const dir = makeTempDir("worktree");
  await git.tryRun(["worktree", "prune"]);
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await git.tryRun(["worktree", "remove", "--force", dir]);
    removeTempDir(dir);
    await git.tryRun(["worktree", "prune"]);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void remove().finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await git.run(["worktree", "add", "--detach", "--quiet", dir, commit]);
    return await work(dir);
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    await remove();
  }
}
