// The authenticated user. A user's token gets its user; a GitHub App installation token or the
// workflow's GITHUB_TOKEN gets 403, as on GitHub ("Resource not accessible by integration").
import { GitHubError, ok } from "../http.ts";
import * as render from "../render.ts";
import type { Handler } from "./context.ts";

export const userHandlers: Record<string, Handler> = {
  "users/get-authenticated": (ctx) => {
    if (ctx.actor.type === "Bot") throw new GitHubError(403, "Resource not accessible by integration");
    return ok(render.user(ctx.links, ctx.actor));
  },
};
