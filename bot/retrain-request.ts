/** One request for a retrain, whatever triggered it; the handlers build it, the services act on it. */

export type RetrainTrigger = "drift-issue" | "drift-dispatch" | "comment" | "issue-form";

export interface RetrainRequest {
  trigger: RetrainTrigger;
  /** The model as asked (user text, checked against modelkeeper.yml); undefined = the only model. */
  model?: string;
  /** Why, in the requester's words (plain text). */
  reason?: string;
  /** Login of who asked (a user, or the bot that ran the drift command). */
  requestedBy: string;
  /** ISO 8601 time of the request (the comment's or issue's time, or when the dispatch arrived). */
  requestedAt: string;
  /** The issue the request was made in: the bot answers there and the PR closes it. */
  requestIssue?: number;
  /** The drift issue behind the request, closed when the retrain PR merges. */
  driftIssue?: number;
  drift?: { summary?: string; reportUrl?: string };
  /** Web link to the request itself (comment, issue or report). */
  requestUrl?: string;
  /** Stable identity of the request ("comment-123", "issue-7"), for its one reply on a problem. */
  key: string;
}

/** What the bot did with a request. */
export type RetrainOutcome =
  | { kind: "opened"; pull: PullLink }
  | { kind: "linked"; pull: PullLink }
  | { kind: "refused"; problem: string }
  /** Not answered at all: an untrusted bot account asked (services/trust.ts). */
  | { kind: "ignored"; reason: string };

export interface PullLink {
  number: number;
  url: string;
}
