/**
 * A retrain pull request was merged: a PR from a modelkeeper/retrain/* branch of the same
 * repository (not a fork) into the default branch. Its author is not checked: the workflow variant
 * may open PRs with a personal token, and merging took write access anyway.
 */
import type { Context } from "probot";
import { recordPathOfBranch } from "../retrain-branch.ts";
import { completeRetrain } from "../services/complete-retrain.ts";
import { type HandlerServices, repoTarget } from "./context.ts";

export async function onRetrainMerged(
  context: Context<"pull_request.closed">,
  services: HandlerServices,
): Promise<void> {
  const { pull_request: pull, repository } = context.payload;
  if (!pull.merged) return context.log.debug("closed without merging");
  const recordPath = recordPathOfBranch(pull.head.ref);
  if (!recordPath) return context.log.debug("not a retrain branch");
  if (pull.head.repo?.full_name !== repository.full_name) return context.log.debug("head is in another repository");
  if (pull.base.ref !== repository.default_branch) return context.log.debug("not merged into the default branch");

  await completeRetrain(
    context.octokit,
    repoTarget(repository),
    {
      number: pull.number,
      url: pull.html_url,
      headSha: pull.head.sha,
      mergeCommitSha: pull.merge_commit_sha,
      recordPath,
    },
    services.retry,
  );
}
