// Check runs. As on GitHub only apps may write them: an installation token or GITHUB_TOKEN
// (github-actions[bot]); a personal token gets 403 "You must authenticate via a GitHub App."
import { created, GitHubError, notFound, ok, validationFailed } from "../http.ts";
import * as render from "../render.ts";
import type { CheckRunRecord } from "../state.ts";
import { nodeId } from "../state.ts";
import type { Handler, HandlerContext } from "./context.ts";

export const checkHandlers: Record<string, Handler> = {
  "checks/create": (ctx) => {
    requireApp(ctx);
    const repo = ctx.repo();
    const body = ctx.body;
    if (!repo.git.commit(body.head_sha)) throw new GitHubError(422, `No commit found for SHA: ${body.head_sha}`);
    const now = ctx.state.timestamp();
    const id = ctx.state.nextId();
    const run: CheckRunRecord = {
      id,
      nodeId: nodeId("CR", id),
      name: body.name,
      headSha: body.head_sha,
      status: "queued",
      conclusion: null,
      startedAt: body.started_at ?? now,
      completedAt: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      detailsUrl: body.details_url ?? null,
      externalId: body.external_id ?? "",
      checkSuiteId: ctx.state.nextId(),
      app: ctx.actor,
      actions: body.actions ?? [],
    };
    applyChanges(ctx, run, body);
    repo.checkRuns.set(id, run);
    return created(render.checkRun(ctx.links, repo, run));
  },

  "checks/update": (ctx) => {
    requireApp(ctx);
    const repo = ctx.repo();
    const run = repo.checkRuns.get(ctx.params.check_run_id);
    if (!run) throw notFound();
    if (ctx.body.name !== undefined) run.name = ctx.body.name;
    if (ctx.body.details_url !== undefined) run.detailsUrl = ctx.body.details_url;
    if (ctx.body.external_id !== undefined) run.externalId = ctx.body.external_id;
    if (ctx.body.started_at !== undefined) run.startedAt = ctx.body.started_at;
    if (ctx.body.actions !== undefined) run.actions = ctx.body.actions;
    applyChanges(ctx, run, ctx.body);
    return ok(render.checkRun(ctx.links, repo, run));
  },

  "checks/get": (ctx) => {
    const repo = ctx.repo();
    const run = repo.checkRuns.get(ctx.params.check_run_id);
    if (!run) throw notFound();
    return ok(render.checkRun(ctx.links, repo, run));
  },

  "checks/list-for-ref": (ctx) => {
    const repo = ctx.repo();
    const sha = repo.git.resolve(ctx.params.ref);
    if (!sha) throw new GitHubError(422, `No commit found for SHA: ${ctx.params.ref}`);
    let runs = [...repo.checkRuns.values()]
      .filter((r) => r.headSha === sha)
      .filter((r) => ctx.query.check_name === undefined || r.name === ctx.query.check_name)
      .filter((r) => ctx.query.status === undefined || r.status === ctx.query.status)
      .sort((a, b) => b.id - a.id);
    if ((ctx.query.filter ?? "latest") === "latest") {
      const seen = new Set<string>();
      runs = runs.filter((r) => !seen.has(r.name) && seen.add(r.name));
    }
    const perPage = Math.min(100, Number(ctx.query.per_page ?? 30));
    const page = Number(ctx.query.page ?? 1);
    return ok({
      total_count: runs.length,
      check_runs: runs.slice((page - 1) * perPage, page * perPage).map((r) => render.checkRun(ctx.links, repo, r)),
    });
  },
};

function requireApp(ctx: HandlerContext): void {
  if (ctx.actor.type !== "Bot") throw new GitHubError(403, "You must authenticate via a GitHub App.");
}

/** Status, conclusion, timestamps and output: a conclusion implies `completed`; `completed` needs a conclusion. */
function applyChanges(ctx: HandlerContext, run: CheckRunRecord, body: Record<string, any>): void {
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) {
    run.conclusion = body.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed" && !run.conclusion) {
    throw validationFailed({
      resource: "CheckRun",
      code: "missing_field",
      field: "conclusion",
      message: "conclusion is required when status is completed",
    });
  }
  if (run.status === "completed") run.completedAt = body.completed_at ?? run.completedAt ?? ctx.state.timestamp();
  if (body.output) {
    run.output = {
      title: body.output.title ?? run.output.title,
      summary: body.output.summary ?? run.output.summary,
      text: body.output.text ?? run.output.text,
    };
    // Annotations accumulate across updates, as on GitHub.
    run.annotations.push(...(body.output.annotations ?? []));
  }
}
