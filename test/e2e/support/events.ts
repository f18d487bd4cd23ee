// The event payloads a workflow run reads from GITHUB_EVENT_PATH, built from GitHub's own examples
// (@octokit/webhooks-examples) with the shas, refs and numbers of the test's real repository.
import type { Git } from "../../../src/git/git.ts";
import { userObject, webhookPayload } from "../../support/webhooks.ts";

export interface RepoName {
  owner: string;
  name: string;
}

export interface PullRequestFacts {
  number: number;
  title: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  author: string;
  merged?: boolean;
  mergeCommitSha?: string;
}

/** pull_request.<action> for a same-repository pull request. */
export function pullRequestEvent(
  action: "opened" | "synchronize" | "closed",
  repository: RepoName,
  pr: PullRequestFacts,
  sender = pr.author,
): Record<string, any> {
  return webhookPayload(`pull_request.${action}`, {
    repository: { ...repository, defaultBranch: "main" },
    sender,
    pullRequest: {
      number: pr.number,
      title: pr.title,
      state: action === "closed" ? "closed" : "open",
      user: pr.author,
      head: { ref: pr.headRef, sha: pr.headSha },
      base: { ref: pr.baseRef, sha: pr.baseSha },
      ...(pr.merged !== undefined ? { merged: pr.merged, mergeCommitSha: pr.mergeCommitSha ?? null } : {}),
    },
  });
}

/** push to a branch, with head_commit read from the real commit. */
export async function pushEvent(
  git: Git,
  repository: RepoName,
  push: { branch: string; before: string; after: string; pusher: string },
): Promise<Record<string, any>> {
  const format = ["%H", "%T", "%B", "%cI", "%an", "%ae", "%cn", "%ce"].join("%x00");
  const [id, treeId, message, timestamp, authorName, authorEmail, committerName, committerEmail] = (
    await git.run(["show", "-s", `--format=${format}`, push.after])
  ).split("\0");
  const full = `${repository.owner}/${repository.name}`;
  const headCommit = {
    id,
    tree_id: treeId,
    distinct: true,
    message: message.trimEnd(),
    timestamp: timestamp.trim(),
    url: `https://github.com/${full}/commit/${id}`,
    author: { name: authorName, email: authorEmail },
    committer: { name: committerName, email: committerEmail.trim() },
    added: [],
    removed: [],
    modified: [],
  };
  const payload = webhookPayload("push", {
    repository: { ...repository, defaultBranch: "main" },
    sender: push.pusher,
    installationId: null,
  });
  return Object.assign(payload, {
    ref: `refs/heads/${push.branch}`,
    before: push.before,
    after: push.after,
    created: /^0+$/.test(push.before),
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${full}/compare/${push.before.slice(0, 12)}...${push.after.slice(0, 12)}`,
    commits: [headCommit],
    head_commit: headCommit,
    pusher: { name: push.pusher, email: userObject(push.pusher).id + `+${push.pusher}@users.noreply.github.com` },
  });
}

/** workflow_run.completed for a run of a pull_request workflow (what starts modelkeeper-comment.yml). */
export function workflowRunEvent(
  repository: RepoName,
  run: {
    id: number;
    name: string;
    conclusion: "success" | "failure";
    pullRequest: PullRequestFacts;
    fromFork?: string;
  },
  sender: string,
): Record<string, any> {
  const payload = webhookPayload("workflow_run.completed", {
    repository: { ...repository, defaultBranch: "main" },
    sender,
  });
  const full = `${repository.owner}/${repository.name}`;
  const pr = run.pullRequest;
  Object.assign(payload.workflow_run, {
    id: run.id,
    name: run.name,
    event: "pull_request",
    status: "completed",
    conclusion: run.conclusion,
    head_sha: pr.headSha,
    head_branch: pr.headRef,
    html_url: `https://github.com/${full}/actions/runs/${run.id}`,
    pull_requests: [
      {
        id: pr.number,
        number: pr.number,
        url: `https://api.github.com/repos/${full}/pulls/${pr.number}`,
        head: {
          ref: pr.headRef,
          sha: pr.headSha,
          repo: { id: payload.repository.id, url: payload.repository.url, name: repository.name },
        },
        base: {
          ref: pr.baseRef,
          sha: pr.baseSha,
          repo: { id: payload.repository.id, url: payload.repository.url, name: repository.name },
        },
      },
    ],
  });
  payload.workflow_run.head_repository = run.fromFork
    ? {
        ...payload.repository,
        id: payload.repository.id + 1,
        name: run.fromFork.split("/")[1],
        full_name: run.fromFork,
        owner: { ...payload.repository.owner, login: run.fromFork.split("/")[0] },
      }
    : payload.repository;
  // GitHub lists no pull requests on a fork's workflow_run: the comment step must not rely on it.
  if (run.fromFork) payload.workflow_run.pull_requests = [];
  payload.workflow_run.repository = payload.repository;
  payload.workflow.name = run.name;
  return payload;
}
