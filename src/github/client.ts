import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { UserError } from "../errors.ts";

const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof GitHubClient>;

export interface RepoRef {
  owner: string;
  repo: string;
}

/**
 * An Octokit for the workflow's repository: token from GITHUB_TOKEN (the Action passes its
 * github-token input there), API host from GITHUB_API_URL (GitHub Enterprise, or a test
 * stand-in). 5xx answers and rate limits are retried; the token never appears in logs.
 */
export function githubFromEnv(env: NodeJS.ProcessEnv, warn: (line: string) => void = () => {}): GitHub | undefined {
  const token = env.GITHUB_TOKEN;
  if (!token) return undefined;
  return new GitHubClient({
    auth: token,
    baseUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: "modelkeeper",
    log: { debug: () => {}, info: () => {}, warn: (m: string) => warn(m), error: (m: string) => warn(m) },
    retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 451] },
    throttle: {
      onRateLimit: (_after: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 2,
      onSecondaryRateLimit: (_after: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < 2,
    },
  });
}

/** owner/name from GITHUB_REPOSITORY, or a message that says the expected format. */
export function repoFromEnv(env: NodeJS.ProcessEnv): RepoRef {
  const full = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, ...rest] = full.split("/");
  if (!owner || !repo || rest.length) {
    throw new UserError(
      `GITHUB_REPOSITORY is "${full}". Expected format {owner}/{repo} (it is set in every GitHub Actions job).`,
    );
  }
  return { owner, repo };
}
