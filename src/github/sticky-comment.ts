import type { GitHub, RepoRef } from "./client.ts";
import { createOnce, type CreateRetry } from "./create-once.ts";

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
  /** Attempts at creating after an answer lost on the way, and the backoff. */
  retry?: CreateRetry;
}

/** The comment written earlier: its marker first, by `author` (any Bot account when undefined). */
async function findMarkedComment(
  github: CommentsApi,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  author: string | undefined,
) {
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  // By the same identity only, so a user quoting the marker cannot hijack the comment.
  return comments.find(
    (c) => c.body?.startsWith(marker) && (author === undefined ? c.user?.type === "Bot" : c.user?.login === author),
  );
}

/**
 * Creates the comment, or updates the one written earlier (found by its hidden marker on every
 * page). Find-compare-then-write: an unchanged body makes no write at all. The create goes through
 * createOnce, so a create whose answer was lost is looked for before it is repeated.
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
  const { value: comment, created } = await createOnce(
    () => findMarkedComment(github, repo, issueNumber, marker, author),
    async () =>
      (
        await github.rest.issues.createComment({
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issueNumber,
          body: full,
          request: { retries: 0 },
        })
      ).data,
    options.retry,
  );
  if (created || comment.body === full || options.update === "never")
    return { id: comment.id, url: comment.html_url, action: created ? "created" : "unchanged" };
  const { data } = await github.rest.issues.updateComment({
    owner: repo.owner,
    repo: repo.repo,
    comment_id: comment.id,
    body: full,
  });
  return { id: data.id, url: data.html_url, action: "updated" };
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
