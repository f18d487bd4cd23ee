// Pull requests: create (with GitHub's duplicate and no-commits checks), list, get, update, merge.
import { noContent, notFound, ok, paginate, validationFailed } from "../http.ts";
import * as render from "../render.ts";
import type { PullRecord } from "../state.ts";
import { checkBody, requirePush, sortBy, type Handler } from "./context.ts";

export const pullHandlers: Record<string, Handler> = {
  "pulls/create": (ctx) => {
    const repo = ctx.repo();
    if (ctx.body.issue !== undefined) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: "the stand-in does not convert issues to pull requests; pass a title",
      });
    }
    if (typeof ctx.body.title !== "string" || ctx.body.title.trim() === "") {
      throw validationFailed({ resource: "PullRequest", code: "missing_field", field: "title" });
    }
    checkBody("PullRequest", ctx.body.body, { required: false });
    const pull = repo.createPull({
      title: ctx.body.title,
      head: ctx.body.head,
      base: ctx.body.base,
      body: ctx.body.body ?? null,
      user: ctx.actor,
      draft: ctx.body.draft,
      maintainerCanModify: ctx.body.maintainer_can_modify,
    });
    const body = render.pull(ctx.links, repo, pull);
    return { status: 201, body, headers: { location: body.url } };
  },

  "pulls/get": (ctx) => {
    const repo = ctx.repo();
    return ok(render.pull(ctx.links, repo, repo.pull(ctx.params.pull_number)));
  },

  "pulls/list": (ctx) => {
    const repo = ctx.repo();
    const { state = "open", head, base, sort = "created", direction = sort === "created" ? "desc" : "asc" } = ctx.query;
    const [headOwner, headRef] =
      typeof head === "string" ? (head.includes(":") ? head.split(/:(.*)/s) : [head, undefined]) : [];
    const pulls = [...repo.pulls.values()].filter((p) => {
      const issue = repo.issues.get(p.number)!;
      if (state !== "all" && issue.state !== state) return false;
      if (headOwner !== undefined && headOwner.toLowerCase() !== repo.owner.login.toLowerCase()) return false;
      if (headRef !== undefined && p.head.ref !== headRef) return false;
      return base === undefined || p.base.ref === base;
    });
    const key = (p: PullRecord) => {
      const issue = repo.issues.get(p.number)!;
      return sort === "updated" ? issue.updatedAt : issue.createdAt;
    };
    return paginate(sortBy(pulls, key, direction), ctx.query, ctx.url, (p) => render.pull(ctx.links, repo, p));
  },

  "pulls/update": (ctx) => {
    const repo = ctx.repo();
    const pull = repo.pull(ctx.params.pull_number);
    if ("body" in ctx.body) checkBody("PullRequest", ctx.body.body, { required: false });
    if (ctx.body.base !== undefined) {
      if (!repo.branchSha(ctx.body.base))
        throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
      pull.base.ref = ctx.body.base;
    }
    if (ctx.body.maintainer_can_modify !== undefined) pull.maintainerCanModify = ctx.body.maintainer_can_modify;
    repo.updateIssue(pull.number, { title: ctx.body.title, body: ctx.body.body, state: ctx.body.state }, ctx.actor);
    return ok(render.pull(ctx.links, repo, pull));
  },

  "pulls/merge": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const result = repo.mergePull(
      ctx.params.pull_number,
      {
        method: ctx.body?.merge_method,
        commitTitle: ctx.body?.commit_title,
        commitMessage: ctx.body?.commit_message,
        sha: ctx.body?.sha,
      },
      ctx.actor,
    );
    return ok(result);
  },

  "pulls/check-if-merged": (ctx) => {
    const pull = ctx.repo().pull(ctx.params.pull_number);
    if (!pull.merged) throw notFound();
    return noContent();
  },
};
