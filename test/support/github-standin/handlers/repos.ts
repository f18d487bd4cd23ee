// Repository metadata, branches, commits, collaborator permissions and dispatches.
import { GitHubError, noContent, notFound, ok, paginate, unprocessable } from "../http.ts";
import * as render from "../render.ts";
import type { Handler } from "./context.ts";

/** GitHub's `permission` field folds the five roles into admin / write / read. */
const LEGACY_PERMISSION = { admin: "admin", maintain: "write", write: "write", triage: "read", read: "read" } as const;

export const repoHandlers: Record<string, Handler> = {
  "repos/get": (ctx) => {
    const repo = ctx.repo();
    const permission = ctx.actor.type === "Bot" ? "admin" : repo.permissionOf(ctx.actor.login);
    // repos/get answers a full-repository: the repository fields plus the counts only it has.
    return ok({
      ...render.repository(ctx.links, repo, ctx.auth.kind === "none" ? undefined : (permission ?? "read")),
      network_count: 0,
      subscribers_count: 0,
    });
  },

  "repos/get-collaborator-permission-level": (ctx) => {
    const repo = ctx.repo();
    const permission = repo.permissionOf(ctx.params.username);
    // GitHub answers 404 for someone who is not a collaborator.
    if (!permission) throw notFound();
    const user = ctx.state.user(ctx.params.username);
    return ok({
      permission: LEGACY_PERMISSION[permission],
      role_name: permission,
      user: { ...render.user(ctx.links, user), permissions: render.permissionFlags(permission), role_name: permission },
    });
  },

  "repos/check-collaborator": (ctx) => {
    if (!ctx.repo().permissionOf(ctx.params.username)) throw notFound();
    return noContent();
  },

  "repos/create-dispatch-event": (ctx) => {
    const repo = ctx.repo();
    const clientPayload = ctx.body.client_payload ?? {};
    repo.dispatches.push({
      eventType: ctx.body.event_type,
      clientPayload,
      sender: ctx.actor.login,
      createdAt: ctx.state.timestamp(),
    });
    ctx.state.emit("repository_dispatch", ctx.body.event_type, repo, ctx.actor, {
      branch: repo.defaultBranch,
      client_payload: clientPayload,
    });
    return noContent();
  },

  "actions/create-workflow-dispatch": (ctx) => {
    const repo = ctx.repo();
    if (!repo.git.resolve(ctx.body.ref)) throw unprocessable(`No ref found for: ${ctx.body.ref}`);
    repo.workflowDispatches.push({
      workflowId: String(ctx.params.workflow_id),
      ref: ctx.body.ref,
      inputs: ctx.body.inputs ?? {},
      sender: ctx.actor.login,
      createdAt: ctx.state.timestamp(),
    });
    return noContent();
  },

  "repos/get-branch": (ctx) => {
    const repo = ctx.repo();
    const sha = repo.branchSha(ctx.params.branch);
    if (!sha) throw notFound("Branch not found");
    return ok(render.branch(ctx.links, repo, ctx.params.branch, sha));
  },

  "repos/list-branches": (ctx) => {
    const repo = ctx.repo();
    const branches = [...repo.git.refs]
      .filter(([ref]) => ref.startsWith("refs/heads/"))
      .map(([ref, sha]) => ({ name: ref.slice("refs/heads/".length), sha }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    return paginate(branches, ctx.query, ctx.url, ({ name, sha }) => ({
      name,
      commit: { sha, url: `${ctx.links.api}/repos/${repo.fullName}/commits/${sha}` },
      protected: false,
    }));
  },

  "repos/get-commit": (ctx) => {
    const repo = ctx.repo();
    const sha = repo.git.resolve(ctx.params.ref);
    if (!sha || !repo.git.commit(sha)) throw new GitHubError(422, `No commit found for SHA: ${ctx.params.ref}`);
    return ok(render.repoCommit(ctx.links, repo, sha, true));
  },

  "meta/root": (ctx) =>
    ok({ current_user_url: `${ctx.links.api}/user`, repository_url: `${ctx.links.api}/repos/{owner}/{repo}` }),

  "rate-limit/get": (ctx) => {
    const reset = Math.floor(ctx.state.clock().getTime() / 1000) + 3600;
    const core = { limit: 5000, used: 0, remaining: 5000, reset };
    return ok({ resources: { core, search: { ...core, limit: 30, remaining: 30 } }, rate: core });
  },
};
