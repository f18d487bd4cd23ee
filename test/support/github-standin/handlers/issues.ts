// Issues (which include pull requests, as on GitHub), their comments, labels and reactions.
import { created, noContent, notFound, ok, paginate, validationFailed } from "../http.ts";
import * as render from "../render.ts";
import type { IssueRecord, ReactionRecord, Repo } from "../state.ts";
import { nodeId } from "../state.ts";
import { canPush, checkBody, labelNames, sortBy, type Handler, type HandlerContext } from "./context.ts";

export const issueHandlers: Record<string, Handler> = {
  "issues/create": (ctx) => {
    const repo = ctx.repo();
    const title = ctx.body.title === undefined || ctx.body.title === null ? "" : String(ctx.body.title);
    if (title.trim() === "") throw validationFailed({ resource: "Issue", code: "missing_field", field: "title" });
    checkBody("Issue", ctx.body.body, { required: false });
    // GitHub silently drops labels and assignees from users without push access.
    const push = canPush(ctx, repo);
    const issue = repo.createIssue({
      title,
      body: ctx.body.body ?? null,
      user: ctx.actor,
      labels: push ? labelNames(ctx.body.labels) : [],
      assignees: push ? assigneesOf(ctx.body) : [],
    });
    return created(render.issue(ctx.links, repo, issue));
  },

  "issues/get": (ctx) => {
    const repo = ctx.repo();
    return ok(render.issue(ctx.links, repo, repo.issue(ctx.params.issue_number)));
  },

  "issues/update": (ctx) => {
    const repo = ctx.repo();
    repo.issue(ctx.params.issue_number);
    const push = canPush(ctx, repo);
    if ("body" in ctx.body) checkBody("Issue", ctx.body.body, { required: false });
    if (ctx.body.title !== undefined && ctx.body.title !== null && String(ctx.body.title).trim() === "") {
      throw validationFailed({ resource: "Issue", code: "missing_field", field: "title" });
    }
    const issue = repo.updateIssue(
      ctx.params.issue_number,
      {
        title: ctx.body.title === undefined || ctx.body.title === null ? undefined : String(ctx.body.title),
        body: ctx.body.body,
        state: ctx.body.state,
        stateReason: ctx.body.state_reason,
        labels: push && ctx.body.labels !== undefined ? labelNames(ctx.body.labels) : undefined,
        assignees:
          push && (ctx.body.assignees !== undefined || ctx.body.assignee !== undefined)
            ? assigneesOf(ctx.body)
            : undefined,
      },
      ctx.actor,
    );
    return ok(render.issue(ctx.links, repo, issue));
  },

  "issues/list-for-repo": (ctx) => {
    const repo = ctx.repo();
    const { state = "open", labels, creator, assignee, since, sort = "created", direction = "desc" } = ctx.query;
    const wanted =
      typeof labels === "string" && labels !== "" ? labels.split(",").map((l) => l.trim().toLowerCase()) : [];
    const issues = [...repo.issues.values()].filter(
      (i) =>
        (state === "all" || i.state === state) &&
        wanted.every((l) => i.labels.some((have) => have.toLowerCase() === l)) &&
        (creator === undefined || i.user.login.toLowerCase() === String(creator).toLowerCase()) &&
        matchesAssignee(i, assignee) &&
        (since === undefined || i.updatedAt >= isoOf(since)),
    );
    const key = (i: IssueRecord) =>
      sort === "updated" ? i.updatedAt : sort === "comments" ? repo.commentsOn(i.number).length : i.createdAt;
    return paginate(sortBy(issues, key, direction), ctx.query, ctx.url, (i) => render.issue(ctx.links, repo, i));
  },

  "issues/list-comments": (ctx) => {
    const repo = ctx.repo();
    repo.issue(ctx.params.issue_number);
    const since = ctx.query.since === undefined ? undefined : isoOf(ctx.query.since);
    const comments = repo
      .commentsOn(ctx.params.issue_number)
      .filter((c) => since === undefined || c.updatedAt >= since);
    return paginate(comments, ctx.query, ctx.url, (c) => render.comment(ctx.links, repo, c));
  },

  "issues/list-comments-for-repo": (ctx) => {
    const repo = ctx.repo();
    const since = ctx.query.since === undefined ? undefined : isoOf(ctx.query.since);
    const comments = [...repo.comments.values()].filter((c) => since === undefined || c.updatedAt >= since);
    const sorted = sortBy(
      comments,
      (c) => (ctx.query.sort === "updated" ? c.updatedAt : c.createdAt),
      ctx.query.direction ?? "asc",
    );
    return paginate(sorted, ctx.query, ctx.url, (c) => render.comment(ctx.links, repo, c));
  },

  "issues/create-comment": (ctx) => {
    const repo = ctx.repo();
    repo.issue(ctx.params.issue_number);
    checkBody("IssueComment", ctx.body.body, { required: true });
    const comment = repo.addComment(ctx.params.issue_number, ctx.body.body, ctx.actor);
    return created(render.comment(ctx.links, repo, comment));
  },

  "issues/get-comment": (ctx) => {
    const repo = ctx.repo();
    return ok(render.comment(ctx.links, repo, repo.comment(ctx.params.comment_id)));
  },

  "issues/update-comment": (ctx) => {
    const repo = ctx.repo();
    repo.comment(ctx.params.comment_id);
    checkBody("IssueComment", ctx.body.body, { required: true });
    return ok(render.comment(ctx.links, repo, repo.updateComment(ctx.params.comment_id, ctx.body.body, ctx.actor)));
  },

  "issues/delete-comment": (ctx) => {
    ctx.repo().deleteComment(ctx.params.comment_id, ctx.actor);
    return noContent();
  },

  "issues/list-labels-on-issue": (ctx) => {
    const repo = ctx.repo();
    const issue = repo.issue(ctx.params.issue_number);
    return paginate(issue.labels, ctx.query, ctx.url, (name) => render.label(ctx.links, repo, repo.ensureLabel(name)));
  },

  "issues/add-labels": (ctx) => {
    const repo = ctx.repo();
    const issue = repo.issue(ctx.params.issue_number);
    repo.addLabels(issue, labelNames(ctx.body), ctx.actor);
    return ok(issueLabels(ctx, repo, issue));
  },

  "issues/set-labels": (ctx) => {
    const repo = ctx.repo();
    const issue = repo.issue(ctx.params.issue_number);
    repo.setLabels(issue, labelNames(ctx.body), ctx.actor);
    return ok(issueLabels(ctx, repo, issue));
  },

  "issues/remove-label": (ctx) => {
    const repo = ctx.repo();
    const issue = repo.issue(ctx.params.issue_number);
    repo.removeLabel(issue, ctx.params.name, ctx.actor);
    return ok(issueLabels(ctx, repo, issue));
  },

  "issues/remove-all-labels": (ctx) => {
    const repo = ctx.repo();
    repo.setLabels(repo.issue(ctx.params.issue_number), [], ctx.actor);
    return noContent();
  },

  "issues/list-labels-for-repo": (ctx) => {
    const repo = ctx.repo();
    return paginate([...repo.labels.values()], ctx.query, ctx.url, (l) => render.label(ctx.links, repo, l));
  },

  "issues/create-label": (ctx) => {
    const repo = ctx.repo();
    const name = String(ctx.body.name);
    if (repo.labels.has(name.toLowerCase()))
      throw validationFailed({ resource: "Label", code: "already_exists", field: "name" });
    const color = String(ctx.body.color ?? "ededed").replace(/^#/, "");
    return created(render.label(ctx.links, repo, repo.ensureLabel(name, color, ctx.body.description ?? null)));
  },

  "issues/get-label": (ctx) => {
    const repo = ctx.repo();
    const label = repo.labels.get(String(ctx.params.name).toLowerCase());
    if (!label) throw notFound();
    return ok(render.label(ctx.links, repo, label));
  },

  "reactions/create-for-issue-comment": (ctx) => {
    const repo = ctx.repo();
    return react(ctx, repo.comment(ctx.params.comment_id).reactions);
  },

  "reactions/create-for-issue": (ctx) => {
    const repo = ctx.repo();
    return react(ctx, repo.issue(ctx.params.issue_number).reactions);
  },

  "reactions/list-for-issue-comment": (ctx) => {
    const repo = ctx.repo();
    const reactions = repo
      .comment(ctx.params.comment_id)
      .reactions.filter((r) => !ctx.query.content || r.content === ctx.query.content);
    return paginate(reactions, ctx.query, ctx.url, (r) => render.reaction(ctx.links, r));
  },

  "reactions/list-for-issue": (ctx) => {
    const repo = ctx.repo();
    const reactions = repo
      .issue(ctx.params.issue_number)
      .reactions.filter((r) => !ctx.query.content || r.content === ctx.query.content);
    return paginate(reactions, ctx.query, ctx.url, (r) => render.reaction(ctx.links, r));
  },
};

function issueLabels(ctx: HandlerContext, repo: Repo, issue: IssueRecord) {
  return issue.labels.map((name) => render.label(ctx.links, repo, repo.ensureLabel(name)));
}

/** A reaction is unique per user and content: repeating it answers 200 with the existing one. */
function react(ctx: HandlerContext, reactions: ReactionRecord[]) {
  const existing = reactions.find((r) => r.user.login === ctx.actor.login && r.content === ctx.body.content);
  if (existing) return ok(render.reaction(ctx.links, existing));
  const id = ctx.state.nextId();
  const reaction: ReactionRecord = {
    id,
    nodeId: nodeId("REA", id),
    content: ctx.body.content,
    user: ctx.actor,
    createdAt: ctx.state.timestamp(),
  };
  reactions.push(reaction);
  return created(render.reaction(ctx.links, reaction));
}

function assigneesOf(body: { assignees?: string[]; assignee?: string | null }): string[] {
  if (body.assignees) return body.assignees;
  return body.assignee ? [body.assignee] : [];
}

function matchesAssignee(issue: IssueRecord, assignee: unknown): boolean {
  if (assignee === undefined) return true;
  if (assignee === "none") return issue.assignees.length === 0;
  if (assignee === "*") return issue.assignees.length > 0;
  return issue.assignees.some((a) => a.toLowerCase() === String(assignee).toLowerCase());
}

/** Normalises an ISO timestamp to GitHub's second precision so string comparison orders correctly. */
function isoOf(value: unknown): string {
  const time = Date.parse(String(value));
  return Number.isNaN(time) ? String(value) : new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}
