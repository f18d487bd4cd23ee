// Keeps the test's two "GitHubs" consistent: the bare `origin` (real git, what runners clone and
// push to) and the GitHub stand-in (the REST API the Action calls). A post-receive hook on origin
// replays every pushed branch into the stand-in with identical commit shas, so pull requests,
// check runs and comments in the stand-in refer to the very commits in origin.
import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Git } from "../../../src/git/git.ts";
import type { GitHubStandIn, Repo, UserRecord } from "../../support/github-standin/index.ts";
import * as render from "../../support/github-standin/render.ts";

const HOOK_PROGRAM = fileURLToPath(new URL("./mirror-hook.mjs", import.meta.url));

/** Installs the mirroring post-receive hook in a bare repository. */
export async function installMirrorHook(origin: string, gh: GitHubStandIn, fullName: string): Promise<void> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = [
    "#!/bin/sh",
    `MIRROR_API_URL=${quote(gh.url)} MIRROR_REPO=${quote(fullName)} MIRROR_TOKEN=mirror-hook-token exec ${quote(process.execPath)} ${quote(HOOK_PROGRAM)}`,
    "",
  ].join("\n");
  const path = join(origin, "hooks", "post-receive");
  await writeFile(path, script);
  await chmod(path, 0o755);
}

/** Every branch of origin and of the stand-in, name -> sha, for comparing the two. */
export async function branchTips(
  originGit: Git,
  repo: Repo,
): Promise<{ origin: Record<string, string>; standIn: Record<string, string> }> {
  const origin: Record<string, string> = {};
  for (const line of (await originGit.run(["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"]))
    .split("\n")
    .filter(Boolean)) {
    const [ref, sha] = line.split(" ");
    origin[ref.slice("refs/heads/".length)] = sha;
  }
  const standIn: Record<string, string> = {};
  for (const [ref, sha] of repo.git.refs)
    if (ref.startsWith("refs/heads/")) standIn[ref.slice("refs/heads/".length)] = sha;
  return { origin, standIn };
}

/**
 * What GitHub does when the head of an open pull request is pushed into its base branch from
 * outside (a merge made with git, not the merge button): marks it merged by the pusher, with the
 * pushed commit as merge commit, and delivers pull_request.closed. Returns that event's payload.
 */
export function markMergedByPush(
  gh: GitHubStandIn,
  repo: Repo,
  number: number,
  mergeCommitSha: string,
  pusher: UserRecord,
): Record<string, unknown> {
  const pull = repo.pull(number);
  const issue = repo.issue(number);
  const now = gh.state.timestamp();
  pull.head.sha = repo.branchSha(pull.head.ref) ?? pull.head.sha;
  Object.assign(pull, { merged: true, mergedAt: now, mergedBy: pusher, mergeCommitSha });
  Object.assign(issue, { state: "closed", closedAt: now, closedBy: pusher, updatedAt: now, stateReason: "completed" });
  gh.state.emit("pull_request", "closed", repo, pusher, {
    number,
    pull_request: render.pull(gh.state.links, repo, pull),
  });
  return gh.events.at(-1)!.payload;
}
