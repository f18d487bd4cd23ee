/**
 * Opens the retrain pull request for one model, or finds the one already open. One commit, made
 * through the Git Database API on the default branch's tip: a tree with the request record, a
 * commit, then the branch pointed at it. GitHub's answers decide races between processes:
 * "Reference already exists" means another request got there first (link its PR) or the branch is
 * left from an earlier retrain (move it), and "A pull request already exists" means someone opened
 * it meanwhile (link it). Neither is an error.
 */
import { commitMessage, pullBody, pullTitle } from "../messages.ts";
import { renderRetrainRecord, retrainRecord } from "../retrain-record.ts";
import { retrainBranch, retrainRecordPath } from "../retrain-branch.ts";
import type { PullLink, RetrainRequest } from "../retrain-request.ts";
import type { BotGitHub, RepoTarget } from "./github.ts";
import { isUnprocessable } from "./github.ts";
import type { BranchTip } from "./load-config.ts";

export type PullResult = { kind: "opened" | "linked"; pull: PullLink; branch: string };

type OpenPull = PullLink & { headSha: string };

/** The open pull request from `branch` into the default branch, if any. */
async function findOpenRetrainPull(github: BotGitHub, repo: RepoTarget, branch: string): Promise<OpenPull | undefined> {
  const { data } = await github.rest.pulls.list({
    owner: repo.owner,
    repo: repo.repo,
    state: "open",
    head: `${repo.owner}:${branch}`,
    base: repo.defaultBranch,
    per_page: 10,
  });
  return data[0] ? { number: data[0].number, url: data[0].html_url, headSha: data[0].head.sha } : undefined;
}

export async function openRetrainPull(
  github: BotGitHub,
  repo: RepoTarget,
  tip: BranchTip,
  model: string,
  request: RetrainRequest,
): Promise<PullResult> {
  const branch = retrainBranch(model);
  const open = await findOpenRetrainPull(github, repo, branch);
  if (open) return { kind: "linked", pull: link(open), branch };

  const commit = await commitRecord(github, repo, tip, model, request);
  const raced = await pointBranchAt(github, repo, branch, commit);
  if (raced) return { kind: "linked", pull: link(raced), branch };

  try {
    const { data } = await github.rest.pulls.create({
      owner: repo.owner,
      repo: repo.repo,
      title: pullTitle(model),
      head: branch,
      base: repo.defaultBranch,
      body: pullBody(model, branch, request),
    });
    return { kind: "opened", pull: { number: data.number, url: data.html_url }, branch };
  } catch (error) {
    if (!isUnprocessable(error, "A pull request already exists")) throw error;
    const existing = await findOpenRetrainPull(github, repo, branch);
    if (!existing) throw error;
    // Its head is this commit when the "already exists" answers a retry of this very create
    // (GitHub stored the PR, then the answer was lost); else another request opened it.
    return { kind: existing.headSha === commit ? "opened" : "linked", pull: link(existing), branch };
  }
}

function link(pull: OpenPull): PullLink {
  return { number: pull.number, url: pull.url };
}

/** Tree (the default branch's plus the record) and commit; both are content-addressed, so a retry is harmless. */
async function commitRecord(
  github: BotGitHub,
  repo: RepoTarget,
  tip: BranchTip,
  model: string,
  request: RetrainRequest,
): Promise<string> {
  const { data: tree } = await github.rest.git.createTree({
    owner: repo.owner,
    repo: repo.repo,
    base_tree: tip.treeSha,
    tree: [
      {
        path: retrainRecordPath(model),
        mode: "100644",
        type: "blob",
        content: renderRetrainRecord(retrainRecord(model, request)),
      },
    ],
  });
  const { data: commit } = await github.rest.git.createCommit({
    owner: repo.owner,
    repo: repo.repo,
    message: commitMessage(model, request),
    tree: tree.sha,
    parents: [tip.sha],
  });
  return commit.sha;
}

/**
 * Creates the branch at `commit`. If it exists: an open PR from it means a concurrent request won
 * (returned, to be linked); otherwise the branch is left over from an earlier retrain whose PR was
 * merged or closed, and it is moved (forced) to the new commit.
 */
async function pointBranchAt(
  github: BotGitHub,
  repo: RepoTarget,
  branch: string,
  commit: string,
): Promise<OpenPull | undefined> {
  try {
    await github.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha: commit });
    return undefined;
  } catch (error) {
    if (!isUnprocessable(error, "Reference already exists")) throw error;
  }
  const open = await findOpenRetrainPull(github, repo, branch);
  if (open) return open;
  await github.rest.git.updateRef({
    owner: repo.owner,
    repo: repo.repo,
    ref: `heads/${branch}`,
    sha: commit,
    force: true,
  });
  return undefined;
}
