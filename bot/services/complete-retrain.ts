/**
 * After a retrain PR is merged: answer on the issue the request came from and close the drift
 * issue behind it. The issues are read from the PR's own record (.modelkeeper/retrain/<model>.json
 * at the PR head), not from its editable body. Idempotent: comments are found by marker, and an
 * issue already closed (GitHub closes "Closes #N" issues itself on merge) is left as it is.
 */
import { commentMarker, upsertComment } from "../../src/github/sticky-comment.ts";
import { driftClosedComment, mergedComment } from "../messages.ts";
import { issuesOfRecord } from "../retrain-record.ts";
import type { PullLink } from "../retrain-request.ts";
import type { BotGitHub, RepoTarget, RetryTiming } from "./github.ts";
import { statusOf } from "./github.ts";

export interface MergedRetrainPull extends PullLink {
  headSha: string;
  mergeCommitSha: string | null;
  /** `.modelkeeper/retrain/<model>.json`, from the branch name. */
  recordPath: string;
}

export type CompletionOutcome =
  | { kind: "completed"; model: string; commented: number[]; closed: number[] }
  | { kind: "not-a-retrain"; reason: string };

export async function completeRetrain(
  github: BotGitHub,
  repo: RepoTarget,
  pull: MergedRetrainPull,
  retry: RetryTiming,
): Promise<CompletionOutcome> {
  const text = await readFileAt(github, repo, pull.recordPath, pull.headSha);
  if (text === undefined) return { kind: "not-a-retrain", reason: `no ${pull.recordPath} at ${pull.headSha}` };
  const record = issuesOfRecord(text);
  if (!record) return { kind: "not-a-retrain", reason: `${pull.recordPath} is not a retrain record` };

  const commented: number[] = [];
  const closed: number[] = [];
  const say = async (issue: number, kind: string, message: string) => {
    await upsertComment(
      github,
      repo,
      issue,
      commentMarker(`${kind}-${pull.number}`, record.model),
      message,
      undefined,
      { retry, update: "never" },
    );
    commented.push(issue);
  };
  if (record.requestIssue)
    await say(record.requestIssue, "retrain-merged", mergedComment(record.model, pull, pull.mergeCommitSha));
  if (record.driftIssue) {
    const { data: issue } = await github.rest.issues.get({
      owner: repo.owner,
      repo: repo.repo,
      issue_number: record.driftIssue,
    });
    if (issue.state === "open" && !issue.pull_request) {
      if (record.driftIssue !== record.requestIssue)
        await say(record.driftIssue, "retrain-closed", driftClosedComment(record.model, pull));
      await github.rest.issues.update({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: record.driftIssue,
        state: "closed",
        state_reason: "completed",
      });
      closed.push(record.driftIssue);
    }
  }
  return { kind: "completed", model: record.model, commented, closed };
}

async function readFileAt(github: BotGitHub, repo: RepoTarget, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    return typeof data === "string" ? data : Buffer.from(data as unknown as ArrayBuffer).toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
