import type { Git } from "../git/git.ts";
import { commitOf } from "../git/revisions.ts";
import { pullRequestFromEnv } from "../github/event.ts";

/** The commit a record is about: --commit, else a pull request's head (not GitHub's merge commit) when it is here, else HEAD. */
export async function recordTarget(git: Git, env: NodeJS.ProcessEnv, commit: string | undefined): Promise<string> {
  if (commit) return commit;
  const pr = pullRequestFromEnv(env);
  if (pr) {
    if ((await commitOf(git, pr.headSha)) !== undefined) return pr.headSha;
  }
  return "HEAD";
}
