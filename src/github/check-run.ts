import { githubFromEnv, type GitHub, type RepoRef } from "./client.ts";

/** The environment variable that carries a GitHub App installation token for check runs. */
const CHECK_TOKEN_ENV = "MODELKEEPER_CHECK_TOKEN";

/**
 * The client that writes check runs. Any workflow job's GITHUB_TOKEN can create a check run of any
 * name, so a check made with it proves nothing about who computed it. With an App installation
 * token in MODELKEEPER_CHECK_TOKEN (actions/create-github-app-token in the trusted workflow), the
 * check run is the App's, and a ruleset or branch protection that requires the check with the App
 * as its expected source is satisfied by nothing else. Without it, GITHUB_TOKEN (the check is
 * github-actions', which every job can imitate).
 */
export function checksClientFromEnv(
  env: NodeJS.ProcessEnv,
  warn: (line: string) => void = () => {},
): { github: GitHub; source: "app" | "workflow" } | undefined {
  const appToken = env[CHECK_TOKEN_ENV];
  if (appToken) return { github: githubFromEnv({ ...env, GITHUB_TOKEN: appToken }, warn)!, source: "app" };
  const github = githubFromEnv(env, warn);
  return github ? { github, source: "workflow" } : undefined;
}

export type CheckConclusion = "success" | "failure" | "neutral";

/**
 * Reports a check run on the commit. A token that may not write checks (a fork PR's read-only
 * token) is normal: the result says so instead of failing the command.
 */
export async function reportCheckRun(
  github: GitHub,
  repo: RepoRef,
  check: { name: string; headSha: string; conclusion: CheckConclusion; title: string; summary: string; text?: string },
): Promise<{ created: boolean; reason?: string; url?: string }> {
  try {
    const { data } = await github.rest.checks.create({
      ...repo,
      name: check.name,
      head_sha: check.headSha,
      status: "completed",
      conclusion: check.conclusion,
      completed_at: new Date().toISOString(),
      output: {
        title: check.title.slice(0, 255),
        summary: check.summary.slice(0, 65_000),
        text: check.text?.slice(0, 65_000),
      },
    });
    return { created: true, url: data.html_url ?? undefined };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404)
      return {
        created: false,
        reason: `the token may not write checks (HTTP ${status}); the job summary and outputs carry the result`,
      };
    return { created: false, reason: `the check run could not be created: ${(error as Error).message}` };
  }
}
