import { readFileSync } from "node:fs";

/** What a command needs to know of the pull request a workflow runs for. */
export interface PullRequestInfo {
  number: number;
  /** The PR's head commit: the commit a note belongs to, not GitHub's merge commit. */
  headSha: string;
  headRef: string;
  baseRef: string;
  baseSha: string;
  /** True when the head is in a fork (the token is read-only and there are no secrets). */
  fromFork: boolean;
}

/** The pull request of the current workflow run, from GITHUB_EVENT_PATH, if the event has one. */
export function pullRequestFromEnv(env: NodeJS.ProcessEnv): PullRequestInfo | undefined {
  const name = env.GITHUB_EVENT_NAME;
  if (!env.GITHUB_EVENT_PATH || (name !== "pull_request" && name !== "pull_request_target")) return undefined;
  let payload: any;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return undefined;
  }
  const pr = payload?.pull_request;
  if (!pr?.head?.sha) return undefined;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseRef: pr.base?.ref,
    baseSha: pr.base?.sha,
    fromFork: Boolean(pr.head.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
  };
}
