/**
 * The bot's comments, each identified by a hidden marker (commentMarker), written at most once:
 * find-compare-then-create/update. Creating a comment is not idempotent, so it is never retried
 * blindly: after a 5xx (which GitHub may answer after the comment was stored) the comments are
 * listed again and the create is only repeated if the marker is still absent.
 */
import type { BotGitHub, RepoTarget, RetryTiming } from "./github.ts";
import { isTransient, sleep } from "./github.ts";

export type CommentAction = "created" | "updated" | "unchanged";

/** The first comment by a bot account whose body starts with the marker. */
export async function findBotComment(
  github: BotGitHub,
  repo: RepoTarget,
  issueNumber: number,
  marker: string,
): Promise<{ id: number; body: string } | undefined> {
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const found = comments.find((c) => c.user?.type === "Bot" && c.body?.startsWith(marker));
  return found ? { id: found.id, body: found.body ?? "" } : undefined;
}

/**
 * Writes the marked comment: created if absent; if present, left alone when `update` is "never"
 * (an answer already given stays as it was) or else updated when its text differs.
 */
export async function upsertBotComment(
  github: BotGitHub,
  repo: RepoTarget,
  issueNumber: number,
  marker: string,
  text: string,
  retry: RetryTiming,
  update: "when-changed" | "never" = "when-changed",
): Promise<CommentAction> {
  const body = `${marker}\n${text}`;
  for (let attempt = 1; ; attempt++) {
    const existing = await findBotComment(github, repo, issueNumber, marker);
    if (existing && (existing.body === body || update === "never")) return "unchanged";
    if (existing) {
      await github.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: existing.id, body });
      return "updated";
    }
    try {
      await github.rest.issues.createComment({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issueNumber,
        body,
        request: { retries: 0 },
      });
      return "created";
    } catch (error) {
      if (!isTransient(error) || attempt >= retry.attempts) throw error;
      await sleep(attempt * attempt * retry.baseMs);
    }
  }
}
