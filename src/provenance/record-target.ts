import type { Git } from "../git/git.ts";
import { pullRequestFromEnv } from "../github/event.ts";

/** The commit a record is about: --commit, else a pull request's head (not GitHub's merge commit) when it is here, else HEAD. */
export async function recordTarget(git: Git, env: NodeJS.ProcessEnv, commit: string | undefined): Promise<string> {
  if (commit) return commit;
  const pr = pullRequestFromEnv(env);
  if (pr) {
    const present = await git.tryRun(["cat-file", "-e", `${pr.headSha}^{commit}`]);
    if (present.code === 0) return pr.headSha;
  }
  return "HEAD";
}
