// What every handler receives, and the permission checks handlers share. Handlers are
// synchronous: the server runs each one start to finish without awaiting, so state changes are
// atomic (20 racing "create ref" calls: exactly one wins, as on GitHub).
import type { IncomingHttpHeaders } from "node:http";
import type { AuthInfo } from "../auth.ts";
import { GitHubError, validationFailed, type HandlerResult } from "../http.ts";
import type { GitHubState, Links, Repo, UserRecord } from "../state.ts";

export interface HandlerContext {
  state: GitHubState;
  /** Path parameters, coerced to their declared types (issue_number is a number). */
  params: Record<string, any>;
  /** Query parameters, coerced to their declared types. */
  query: Record<string, any>;
  /** The parsed, schema-validated JSON body. */
  body: any;
  auth: AuthInfo;
  /** Who acts: the app's bot for installation tokens, else the token's user. */
  actor: UserRecord;
  /** API base of this request (the stand-in URL, plus /api/v3 when called GHE-style). */
  links: Links;
  /** The full request URL, for pagination links. */
  url: URL;
  headers: IncomingHttpHeaders;
  /** The repository named by {owner}/{repo}; 404 when absent or not visible to the caller. */
  repo(): Repo;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

const RANK = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 } as const;

/** Bots (app installations, GITHUB_TOKEN) act with the app's write permissions; users need a role. */
export function canPush(ctx: HandlerContext, repo: Repo): boolean {
  if (ctx.actor.type === "Bot") return true;
  const permission = repo.permissionOf(ctx.actor.login);
  return permission !== undefined && RANK[permission] >= RANK.write;
}

export function requirePush(ctx: HandlerContext, repo: Repo): void {
  if (!canPush(ctx, repo)) {
    throw new GitHubError(403, `Permission to ${repo.fullName} denied to ${ctx.actor.login}.`);
  }
}

/** GitHub's limit on issue, pull request and comment bodies. */
const MAX_BODY_CHARACTERS = 65536;

/** Rejects blank or over-long bodies as GitHub does (a long report must be trimmed by the caller). */
export function checkBody(resource: string, body: unknown, { required }: { required: boolean }): void {
  if (typeof body !== "string") {
    if (required) throw validationFailed({ resource, code: "missing_field", field: "body" });
    return;
  }
  if (required && body.trim() === "") {
    throw validationFailed({ resource, code: "custom", field: "body", message: "Body cannot be blank" });
  }
  if (body.length > MAX_BODY_CHARACTERS) {
    throw validationFailed({
      resource,
      code: "custom",
      field: "body",
      message: `Body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    });
  }
}

/** Label names from any of GitHub's accepted shapes: ["a"], [{name: "a"}], {labels: [...]}. */
export function labelNames(input: unknown): string[] {
  const list = Array.isArray(input) ? input : ((input as { labels?: unknown[] } | undefined)?.labels ?? []);
  return list
    .map((item) => (typeof item === "string" ? item : (item as { name?: string })?.name))
    .filter((name): name is string => typeof name === "string" && name !== "");
}

/** Sorts a copy by a timestamp-or-number key, ties broken by id, like GitHub's list endpoints. */
export function sortBy<T extends { id: number }>(
  items: T[],
  key: (item: T) => string | number,
  direction: "asc" | "desc",
): T[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id) * sign;
  });
}
