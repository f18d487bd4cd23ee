/**
 * The one service every retrain trigger calls: check who asked, read and validate modelkeeper.yml on
 * the default branch, resolve the model, then (one at a time per repository and model) open the
 * retrain PR or find the open one, and answer on the request issue. Each step is
 * find-compare-then-write, so a redelivered or repeated request changes nothing.
 */
import { commentMarker, upsertComment } from "../../src/github/sticky-comment.ts";
import type { Config } from "../../src/config/types.ts";
import { deniedComment, linkedComment, openedComment, unknownModelComment, whichModelComment } from "../messages.ts";
import type { RetrainOutcome, RetrainRequest } from "../retrain-request.ts";
import type { BotGitHub, RepoTarget, RetryTiming } from "./github.ts";
import type { BoundedSet } from "./bounded-set.ts";
import type { KeyedLock } from "./keyed-lock.ts";
import { type ConfigCache, loadDefaultBranchConfig } from "./load-config.ts";
import { openRetrainPull } from "./open-retrain-pull.ts";
import { type Requester, requesterTrust, type TrustPolicy } from "./trust.ts";

export interface RetrainServices {
  locks: KeyedLock;
  configs: ConfigCache;
  /** Request issues this process has already answered about a PR: a repeat skips re-reading the comments. */
  answered: BoundedSet;
  retry: RetryTiming;
  trust: TrustPolicy;
}

export async function requestRetrain(
  github: BotGitHub,
  repo: RepoTarget,
  request: RetrainRequest,
  requester: Requester,
  services: RetrainServices,
): Promise<RetrainOutcome> {
  const reply = (kind: string, text: string) =>
    request.requestIssue
      ? upsertComment(github, repo, request.requestIssue, commentMarker(kind, request.key), text, undefined, {
          retry: services.retry,
        })
      : Promise.resolve();

  const trust = await requesterTrust(github, repo, requester, services.trust);
  if (trust === "ignored")
    return {
      kind: "ignored",
      reason: `${requester.login} is a bot account that is neither this app's nor listed in TRUSTED_ACCOUNTS`,
    };
  if (trust === "denied") {
    const problem = deniedComment();
    await reply("retrain-denied", problem);
    return { kind: "refused", problem };
  }

  const loaded = await loadDefaultBranchConfig(github, repo, services.configs);
  if ("problem" in loaded) {
    await reply("retrain-problem", loaded.problem);
    return { kind: "refused", problem: loaded.problem };
  }
  const model = resolveModel(loaded.config, request.model, repo.defaultBranch);
  if ("problem" in model) {
    await reply("retrain-problem", model.problem);
    return { kind: "refused", problem: model.problem };
  }

  const lockKey = `${repo.owner}/${repo.repo}#${model.name}`.toLowerCase();
  return services.locks.run(lockKey, async () => {
    const result = await openRetrainPull(github, repo, loaded.tip, model.name, request);
    const answerKey = `${repo.owner}/${repo.repo}#${request.requestIssue}->${result.pull.number}`.toLowerCase();
    if (request.requestIssue && !services.answered.has(answerKey)) {
      const text =
        result.kind === "opened"
          ? openedComment(model.name, result.branch, result.pull)
          : linkedComment(model.name, result.pull);
      // One answer per request issue and PR: a repeat finds it and writes nothing.
      await upsertComment(
        github,
        repo,
        request.requestIssue,
        commentMarker(`retrain-pr-${result.pull.number}`, model.name),
        text,
        undefined,
        { retry: services.retry, update: "never" },
      );
      services.answered.add(answerKey);
    }
    return { kind: result.kind, pull: result.pull };
  });
}

/**
 * The config's model for the name asked (exact match), or the only model when none was named.
 * A problem is the reply that says what is wrong and lists the models there are.
 */
function resolveModel(
  config: Config,
  asked: string | undefined,
  branch: string,
): { name: string } | { problem: string } {
  const names = config.models.map((m) => m.name);
  if (asked !== undefined)
    return names.includes(asked) ? { name: asked } : { problem: unknownModelComment(asked, names, branch) };
  return names.length === 1 ? { name: names[0] } : { problem: whichModelComment(names, branch) };
}
