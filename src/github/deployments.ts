/**
 * A rollout, visible on GitHub: one Deployment of the canary's commit to the environment (task
 * "deploy:modelkeeper-canary", payload naming the model and the artifact's sha256), a status per
 * state (in_progress while it runs, success when it completes, failure when it is reverted), and
 * when it is reverted a comment on the pull request that built the canary.
 *
 * Convergent, as the notes are: each call brings GitHub to the rollout's current verdict by
 * find-compare-then-add (the deployment is found by task, sha, environment and payload; a status
 * equal to the latest is not written again; the comment is found by its marker), so a server
 * restarted after kill -9 finishes what the killed one started and never duplicates it. Runs in
 * the background, one call at a time; a failing call is warned about, never fatal to serving, and
 * the latest refused verdict is tried once more at shutdown.
 */
import { githubFromEnv, repoFromEnv, type GitHub, type RepoRef } from "./client.ts";
import { commentMarker, upsertComment } from "./sticky-comment.ts";
import { createOnce } from "./create-once.ts";
import { deploymentDescription, revertComment } from "../report/rollout-comment.ts";
import type { RolloutVerdict } from "../rollout/verdict.ts";
import type { TransitionListener } from "../rollout/serve-rollout.ts";
import type { Transition } from "../rollout/state.ts";

export const DEPLOYMENT_TASK = "deploy:modelkeeper-canary";

export interface DeploymentOptions {
  github: GitHub;
  repo: RepoRef;
  model: string;
  /** The GitHub environment the deployment is to (default "production"). */
  environment: string;
  warn(line: string): void;
  /** Who the token comments as, to find the comment written earlier (default: any bot). */
  commentAuthor?: string;
}

/** From the environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), GITHUB_API_URL; none without a token. */
export function githubDeploymentListener(options: {
  env: NodeJS.ProcessEnv;
  model: string;
  environment?: string;
  warn(line: string): void;
}): RolloutDeployments | undefined {
  const github = githubFromEnv(options.env, options.warn);
  if (!github) return undefined;
  let repo: RepoRef;
  try {
    repo = repoFromEnv(options.env);
  } catch (error) {
    options.warn(`serve: rollout: no GitHub deployment: ${(error as Error).message}`);
    return undefined;
  }
  return new RolloutDeployments({
    github,
    repo,
    model: options.model,
    environment: options.environment ?? "production",
    warn: options.warn,
  });
}

type StatusState = "in_progress" | "success" | "failure";

export class RolloutDeployments implements TransitionListener {
  private queue: Promise<void> = Promise.resolve();
  private deploymentId?: number;
  private warnedNoCommit = false;
  /** The latest verdict GitHub refused, retried at shutdown. */
  private unsent?: { commit: string; verdict: RolloutVerdict };

  constructor(private readonly options: DeploymentOptions) {}

  transitions(_transitions: readonly Transition[], verdict: RolloutVerdict): void {
    const commit = verdict.canary.commit;
    if (!commit) {
      if (!this.warnedNoCommit)
        this.options.warn(
          "serve: rollout: the canary is a file, not a commit: no GitHub deployment (a deployment names a commit).",
        );
      this.warnedNoCommit = true;
      return;
    }
    this.enqueue(commit, verdict);
  }

  /** At shutdown: what is queued, and once more the latest verdict if GitHub refused it (the next server would otherwise have to). */
  async settled(): Promise<void> {
    await this.queue;
    if (this.unsent) {
      this.enqueue(this.unsent.commit, this.unsent.verdict);
      await this.queue;
    }
  }

  private enqueue(commit: string, verdict: RolloutVerdict): void {
    this.queue = this.queue.then(() =>
      this.reconcile(commit, verdict).then(
        () => (this.unsent = undefined),
        (error: Error & { status?: number }) => {
          this.unsent = { commit, verdict };
          this.options.warn(
            `serve: rollout: GitHub deployment not updated (${error.status ?? "no answer"}): ${String(error.message).split("\n")[0]}`,
          );
        },
      ),
    );
  }

  private async reconcile(commit: string, verdict: RolloutVerdict): Promise<void> {
    const { github, repo, environment } = this.options;
    const id = this.deploymentId ?? (this.deploymentId = await this.findOrCreate(commit, verdict));
    const state: StatusState =
      verdict.state === "reverted" ? "failure" : verdict.state === "completed" ? "success" : "in_progress";
    const description = deploymentDescription(verdict);
    await createOnce(
      async () => {
        const { data: statuses } = await github.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: id,
          per_page: 1,
        });
        return statuses[0] && statuses[0].state === state && statuses[0].description === description
          ? statuses[0]
          : undefined;
      },
      async () =>
        (
          await github.rest.repos.createDeploymentStatus({
            ...repo,
            deployment_id: id,
            state,
            description,
            environment,
            auto_inactive: state === "success",
            request: { retries: 0 },
          })
        ).data,
    );
    if (verdict.state === "reverted") await this.commentOnPull(commit, verdict);
  }

  private async findOrCreate(commit: string, verdict: RolloutVerdict): Promise<number> {
    const { github, repo, environment, model } = this.options;
    const find = async () => {
      const existing = await github.paginate(github.rest.repos.listDeployments, {
        ...repo,
        sha: commit,
        task: DEPLOYMENT_TASK,
        environment,
        per_page: 100,
      });
      // The oldest of ours, should two servers ever have raced to create one.
      return existing
        .filter((d) => {
          const payload = (typeof d.payload === "string" ? safeJson(d.payload) : d.payload) as
            { model?: unknown; canary_sha256?: unknown } | undefined;
          return payload?.model === model && payload?.canary_sha256 === verdict.canary.sha256;
        })
        .sort((a, b) => a.id - b.id)[0];
    };
    const found = await createOnce<{ id: number }>(find, async () => {
      const { data, status } = await github.rest.repos.createDeployment({
        ...repo,
        ref: commit,
        task: DEPLOYMENT_TASK,
        environment,
        auto_merge: false,
        // The gate already ran (evaluate, the PR's checks); the canary's own analysis is the rollout.
        required_contexts: [],
        payload: {
          model,
          canary_sha256: verdict.canary.sha256,
          ...(verdict.stable
            ? { stable_sha256: verdict.stable.sha256, stable_version: verdict.stable.version ?? null }
            : {}),
        },
        description: `modelkeeper canary of ${model}`.slice(0, 140),
        production_environment: true,
        request: { retries: 0 },
      });
      if (status !== 201 || !("id" in data)) throw new Error(`GitHub did not create the deployment (${status})`);
      return data;
    });
    return found.value.id;
  }

  /** The pull request that built the canary: one whose head is the canary's commit, else the first GitHub associates with it. */
  private async commentOnPull(commit: string, verdict: RolloutVerdict): Promise<void> {
    const { github, repo, model } = this.options;
    const { data: pulls } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: commit,
      per_page: 100,
    });
    const pull = pulls.find((p) => p.head.sha === commit) ?? pulls[0];
    if (!pull) return;
    const marker = commentMarker(`rollout-${verdict.canary.sha256.slice(0, 12)}`, model);
    await upsertComment(github, repo, pull.number, marker, revertComment(verdict), this.options.commentAuthor);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
