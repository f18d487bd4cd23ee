import type { GitHub, RepoRef } from "./client.ts";

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
      output: { title: check.title.slice(0, 255), summary: check.summary.slice(0, 65_000), text: check.text?.slice(0, 65_000) },
    });
    return { created: true, url: data.html_url ?? undefined };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) return { created: false, reason: `the token may not write checks (HTTP ${status}); the job summary and outputs carry the result` };
    return { created: false, reason: `the check run could not be created: ${(error as Error).message}` };
  }
}
