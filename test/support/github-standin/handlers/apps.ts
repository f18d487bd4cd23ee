// GitHub App endpoints (JWT-authenticated): the app itself, its installations, and installation
// access tokens, which Probot and @octokit/auth-app request before acting on a repository.
import { created, notFound, ok } from "../http.ts";
import * as render from "../render.ts";
import type { Handler } from "./context.ts";

export const appHandlers: Record<string, Handler> = {
  "apps/get-authenticated": (ctx) =>
    ok({ ...render.app(ctx.links, ctx.state.app), installations_count: ctx.state.installations.size }),

  "apps/list-installations": (ctx) =>
    ok([...ctx.state.installations.values()].map((i) => render.installation(ctx.links, ctx.state.app, i))),

  "apps/get-installation": (ctx) => {
    const installation = ctx.state.installations.get(ctx.params.installation_id);
    if (!installation) throw notFound();
    return ok(render.installation(ctx.links, ctx.state.app, installation));
  },

  "apps/get-repo-installation": (ctx) => {
    const repo = ctx.repo();
    const installation = repo.installationId === null ? undefined : ctx.state.installations.get(repo.installationId);
    if (!installation) throw notFound();
    return ok(render.installation(ctx.links, ctx.state.app, installation));
  },

  "apps/create-installation-access-token": (ctx) => {
    const installationId = ctx.params.installation_id as number;
    if (!ctx.state.installations.has(installationId)) throw notFound();
    const { token, expiresAt } = ctx.state.issueInstallationToken(installationId);
    return created({
      token,
      expires_at: expiresAt,
      permissions: ctx.body?.permissions ?? render.APP_PERMISSIONS,
      repository_selection: "all",
    });
  },
};
