/** What the handlers share: the services they call and the small helpers that read payloads. */
import type { RetrainServices } from "../services/request-retrain.ts";
import type { RetrainOutcome } from "../retrain-request.ts";
import type { RepoTarget } from "../services/github.ts";

export interface HandlerServices extends RetrainServices {
  /** The clock for requests that carry no time of their own (repository_dispatch). */
  now: () => Date;
}

/** The repository of an event payload, as the services address it. */
export function repoTarget(repository: {
  name: string;
  owner: { login: string };
  default_branch?: string;
}): RepoTarget {
  return { owner: repository.owner.login, repo: repository.name, defaultBranch: repository.default_branch ?? "main" };
}

/** ISO 8601 at second precision, as GitHub writes times. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** One line per request, for whoever runs the bot: what was done and why. */
export function logOutcome(log: { info(message: string): void }, outcome: RetrainOutcome): void {
  if (outcome.kind === "opened" || outcome.kind === "linked")
    log.info(`retrain request ${outcome.kind} pull request #${outcome.pull.number}`);
  else if (outcome.kind === "refused") log.info(`retrain request refused: ${outcome.problem.split("\n")[0]}`);
  else log.info(`retrain request ignored: ${outcome.reason}`);
}
