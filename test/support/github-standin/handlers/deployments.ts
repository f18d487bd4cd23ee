// Deployments and their statuses, and the pull requests associated with a commit. As on GitHub:
// the ref must resolve (422 "No ref found for: …"), writing needs push access, a non-empty
// required_contexts is refused here (the stand-in keeps no commit statuses: 409 as for failed
// checks), auto_merge (default true) refuses a ref behind the default branch (409), and a
// `success` status with auto_inactive (default true) marks the environment's earlier deployments
// inactive.
import { created, GitHubError, notFound, ok, paginate } from "../http.ts";
import * as render from "../render.ts";
import { nodeId, type DeploymentRecord, type Repo } from "../state.ts";
import { requirePush, type Handler, type HandlerContext } from "./context.ts";

export const deploymentHandlers: Record<string, Handler> = {
  "repos/create-deployment": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const body = ctx.body;
    const sha = repo.git.resolve(body.ref);
    if (!sha) throw new GitHubError(422, `No ref found for: ${body.ref}`);
    if (Array.isArray(body.required_contexts) && body.required_contexts.length > 0) {
      throw new GitHubError(409, `Conflict: Commit status checks failed for ${body.ref}.`);
    }
    const head = repo.branchSha(repo.defaultBranch);
    if (body.auto_merge !== false && head && head !== sha && !repo.git.isAncestor(head, sha)) {
      throw new GitHubError(409, `Conflict merging ${repo.defaultBranch} into ${body.ref}.`);
    }
    const now = ctx.state.timestamp();
    const id = ctx.state.nextId();
    const environment = body.environment ?? "production";
    const deployment: DeploymentRecord = {
      id,
      nodeId: nodeId("DE", id),
      sha,
      ref: body.ref,
      task: body.task ?? "deploy",
      payload: body.payload ?? {},
      environment,
      description: body.description ?? null,
      creator: ctx.actor,
      createdAt: now,
      updatedAt: now,
      productionEnvironment: body.production_environment ?? environment === "production",
      transientEnvironment: body.transient_environment ?? false,
      statuses: [],
    };
    repo.deployments.set(id, deployment);
    return created(render.deployment(ctx.links, repo, deployment));
  },

  "repos/list-deployments": (ctx) => {
    const repo = ctx.repo();
    const { sha, ref, task, environment } = ctx.query;
    const list = [...repo.deployments.values()]
      .filter(
        (d) =>
          (sha === undefined || d.sha === sha) &&
          (ref === undefined || d.ref === ref) &&
          (task === undefined || d.task === task) &&
          (environment === undefined || d.environment === environment),
      )
      .sort((a, b) => b.id - a.id);
    return paginate(list, ctx.query, ctx.url, (d) => render.deployment(ctx.links, repo, d));
  },

  "repos/get-deployment": (ctx) => {
    const repo = ctx.repo();
    return ok(render.deployment(ctx.links, repo, deploymentOf(ctx, repo)));
  },

  "repos/create-deployment-status": (ctx) => {
    const repo = ctx.repo();
    requirePush(ctx, repo);
    const deployment = deploymentOf(ctx, repo);
    const body = ctx.body;
    if (body.environment !== undefined) deployment.environment = body.environment;
    const now = ctx.state.timestamp();
    const add = (target: DeploymentRecord, state: string, description: string) => {
      const id = ctx.state.nextId();
      target.statuses.push({
        id,
        nodeId: nodeId("DES", id),
        state,
        description,
        environment: target.environment,
        creator: ctx.actor,
        createdAt: now,
      });
      target.updatedAt = now;
    };
    add(deployment, body.state, body.description ?? "");
    if (body.state === "success" && body.auto_inactive !== false) {
      for (const other of repo.deployments.values()) {
        if (other === deployment || other.environment !== deployment.environment || other.transientEnvironment)
          continue;
        if (other.statuses.at(-1)?.state === "success") add(other, "inactive", "");
      }
    }
    return created(render.deploymentStatus(ctx.links, repo, deployment, deployment.statuses.at(-1)!));
  },

  "repos/list-deployment-statuses": (ctx) => {
    const repo = ctx.repo();
    const deployment = deploymentOf(ctx, repo);
    return paginate([...deployment.statuses].reverse(), ctx.query, ctx.url, (s) =>
      render.deploymentStatus(ctx.links, repo, deployment, s),
    );
  },

  "repos/list-pull-requests-associated-with-commit": (ctx) => {
    const repo = ctx.repo();
    const sha = repo.git.resolve(ctx.params.commit_sha);
    if (!sha) throw new GitHubError(422, `No commit found for SHA: ${ctx.params.commit_sha}`);
    return paginate(
      repo.pullsWithCommit(sha).sort((a, b) => b.number - a.number),
      ctx.query,
      ctx.url,
      (p) => render.pull(ctx.links, repo, p),
    );
  },
};

function deploymentOf(ctx: HandlerContext, repo: Repo): DeploymentRecord {
  const deployment = repo.deployments.get(ctx.params.deployment_id);
  if (!deployment) throw notFound();
  return deployment;
}
