import type { GitHub, RepoRef } from "./client.ts";

/** The hidden marker that identifies modelkeeper's comment for one model and purpose. */
export function commentMarker(kind: string, model: string): string {
  return `<!-- modelkeeper:${kind}:${encodeURIComponent(model)} -->`;
}

/**
 * Creates the comment, or updates the one written earlier: found by its hidden marker among
 * comments written by the same identity (so a user quoting the marker cannot hijack it), on
 * every page. Find-compare-then-update: an unchanged body makes no write at all.
 */
export async function upsertComment(
  github: GitHub,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  body: string,
  author: string | undefined,
): Promise<{ id: number; url: string; action: "created" | "updated" | "unchanged" }> {
  const full = `${marker}\n${body}`;
  const comments = await github.paginate(github.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  const existing = comments.find(
    (c) => c.body?.startsWith(marker) && (author === undefined ? c.user?.type === "Bot" : c.user?.login === author),
  );
  if (existing) {
    if (existing.body === full) return { id: existing.id, url: existing.html_url, action: "unchanged" };
    const { data } = await github.rest.issues.updateComment({ ...repo, comment_id: existing.id, body: full });
    return { id: data.id, url: data.html_url, action: "updated" };
  }
  const { data } = await github.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: full });
  return { id: data.id, url: data.html_url, action: "created" };
}

/**
 * Who this token writes as. A personal token can ask GET /user; the workflow's token cannot
 * (403), and then it writes as github-actions[bot]. An App token writes as "<slug>[bot]": pass
 * it with the comment-author input.
 */
export async function commentAuthor(github: GitHub, configured: string | undefined): Promise<string | undefined> {
  if (configured) return configured;
  try {
    const { data } = await github.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return "github-actions[bot]";
  }
}
