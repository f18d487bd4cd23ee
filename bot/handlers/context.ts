/** What the handlers share: the services they call and the small helpers that read payloads. */
import type { RetrainServices } from "../services/request-retrain.ts";
import type { RepoTarget } from "../services/github.ts";

export interface HandlerServices extends RetrainServices {
  /** The clock for requests that carry no time of their own (repository_dispatch). */
  now: () => Date;
}

/** The repository of an event payload, as the services address it. */
export function repoTarget(repository: { name: string; owner: { login: string }; default_branch?: string }): RepoTarget {
  return { owner: repository.owner.login, repo: repository.name, defaultBranch: repository.default_branch ?? "main" };
}

/** ISO 8601 at second precision, as GitHub writes times. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
