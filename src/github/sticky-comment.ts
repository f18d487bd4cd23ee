import type { GitHub, RepoRef } from "./client.ts";

/** The hidden marker that identifies modelkeeper's comment for one model and purpose. */
export function commentMarker(kind: string, model: string): string {
  return `<!-- modelkeeper:${kind}:${encodeURIComponent(model)} -->`;
}

/** The GitHub calls a marked comment needs: the Action's Octokit and the bot's both fit. */
export type CommentsApi = Pick<GitHub, "paginate"> & {
  rest: { issues: Pick<GitHub["rest"]["issues"], "listComments" | "createComment" | "updateComment"> };
};

export type CommentAction = "created" | "updated" | "unchanged";

export interface UpsertOptions {
  /** "never": a comment already there stays as it was (an answer given once). */
  update?: "when-changed" | "never";
  /** Attempts at creating after an answer lost on the way, and the backoff (n² × baseMs). */
  retry?: { attempts: number; baseMs: number };
}

export const DEFAULT_COMMENT_RETRY = { attempts: 4, baseMs: 1000 };

/** The comment written earlier: its marker first, by `author` (any Bot account when undefined). */
export async function findMarkedComment(github: CommentsApi, repo: RepoRef, issueNumber: number, marker: string, author: string | undefined) {
  const comments = await github.paginate(github.rest.issues.listComments, { owner: repo.owner, repo: repo.repo, issue_number: issueNumber, per_page: 100 });
  // By the same identity only, so a user quoting the marker cannot hijack the comment.
  return comments.find((c) => c.body?.startsWith(marker) && (author === undefined ? c.user?.type === "Bot" : c.user?.login === author));
}

/**
 * Creates the comment, or updates the one written earlier (found by its hidden marker on every
 * page). Find-compare-then-write: an unchanged body makes no write at all. Creating is not
 * idempotent, so it is never retried blindly: after a 5xx (which GitHub may send after storing the
 * comment) the comments are listed again and the create repeats only if the marker is still absent.
 */
export async function upsertComment(
  github: CommentsApi,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  body: string,
  author: string | undefined,
  options: UpsertOptions = {},
): Promise<{ id: number; url: string; action: CommentAction }> {
  const full = `${marker}\n${body}`;
  const retry = options.retry ?? DEFAULT_COMMENT_RETRY;
  for (let attempt = 1; ; attempt++) {
    const existing = await findMarkedComment(github, repo, issueNumber, marker, author);
    if (existing && (existing.body === full || options.update === "never")) return { id: existing.id, url: existing.html_url, action: "unchanged" };
    if (existing) {
      const { data } = await github.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: existing.id, body: full });
      return { id: data.id, url: data.html_url, action: "updated" };
    }
    try {
      const { data } = await github.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: issueNumber, body: full, request: { retries: 0 } });
      return { id: data.id, url: data.html_url, action: "created" };
    } catch (error) {
      if (!answerLost(error) || attempt >= retry.attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * attempt * retry.baseMs));
    }
  }
}

/** Server errors and answers lost on the way: the write may or may not have happened. */
function answerLost(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status !== "number" || status >= 500;
}

/**
 * Who this token writes as. A personal token can ask GET /user; the workflow's token cannot
 * (403), and then it writes as github-actions[bot]. An App token writes as "<slug>[bot]": pass
 * it with the comment-author input.
 */
export async function commentAuthor(github: GitHub, configured: string | undefined): Promise<string | undefined> {
  if (configured) return configured;
  // An installation token (ghs_…, the workflow's default token) is always refused GET /user: asking
  // would only print a "GET /user - 403" warning on every run.
  const { tokenType } = (await github.auth()) as { tokenType?: string };
  if (tokenType === "installation") return "github-actions[bot]";
  try {
    const { data } = await github.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return "github-actions[bot]";
  }
}
