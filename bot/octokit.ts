/**
 * The Octokit class the bot runs with: Probot's own (retry + throttling plugins) with the fault
 * policy issue 5 asks for. Probot 14 passes its own throttle options that never retry a secondary
 * rate limit; this class restores the retry, caps waits, and paces writes with a token bucket
 * (see limiter-groups.ts) instead of a fixed 1 s gap.
 *
 * Retries never duplicate a side effect: a retried POST either fails again or meets GitHub's
 * "Reference already exists" / "A pull request already exists", which the services treat as
 * outcomes; comments are created with retries off and re-found by marker (src/github/sticky-comment.ts).
 */
import { ProbotOctokit } from "probot";
import { concurrencyGroup, tokenBucketGroup, unlimitedGroup } from "./limiter-groups.ts";

export interface BotOctokitOptions {
  /** Retries of a 5xx (and other retryable) answer; plugin-retry waits retryCount² × retryBaseMs. Default 3. */
  retries?: number;
  /** Base of plugin-retry's backoff in ms. Default 1000 (1 s, 4 s, 9 s). Tests use 1. */
  retryBaseMs?: number;
  /** Milliseconds per second of `retry-after` for rate limits (1000 in production; tests use 1). */
  rateLimitBaseMs?: number;
  /** Rate-limit retries per request (primary and secondary). Default 3. */
  rateLimitRetries?: number;
  /** Longest `retry-after` (seconds) worth waiting for inside a webhook; longer ones fail the delivery. Default 120. */
  maxRateLimitWaitSeconds?: number;
  /** Writes allowed at once, then `writesPerSecond`. Defaults 20 and 1 (≤ 80 writes a minute, GitHub's secondary limit). */
  writeBurst?: number;
  writesPerSecond?: number;
  /** Requests in flight at once per installation. Default 10, as Probot's throttling plugin. */
  concurrency?: number;
}

export type BotOctokitClass = typeof ProbotOctokit;

/** A ProbotOctokit subclass for `new Probot({ Octokit })` and `run(app, { Octokit })`. */
export function botOctokit(options: BotOctokitOptions = {}): BotOctokitClass {
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;
  // Shared by every client the process creates (one per webhook), keyed by installation (throttle.id).
  const write = tokenBucketGroup({ burst: options.writeBurst ?? 20, perSecond: options.writesPerSecond ?? 1 });
  const notifications = unlimitedGroup();
  const global = concurrencyGroup(options.concurrency ?? 10);
  const retryWhen = (retryAfter: number, retryCount: number) => retryCount < rateLimitRetries && retryAfter <= maxWait;

  return ProbotOctokit.defaults((instanceOptions: Record<string, any> = {}) => ({
    ...instanceOptions,
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      ...instanceOptions.retry,
    },
    throttle: {
      ...instanceOptions.throttle,
      id:
        instanceOptions.throttle?.id ??
        (instanceOptions.auth?.installationId ? `installation-${instanceOptions.auth.installationId}` : "app"),
      enabled: true,
      retryAfterBaseValue: options.rateLimitBaseMs ?? 1000,
      global,
      write,
      notifications,
      onRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        octokit: { log: { warn(m: string): void } },
        retryCount: number,
      ) => {
        octokit.log.warn(
          `Rate limit hit by ${request.method} ${request.url}; ${retryWhen(retryAfter, retryCount) ? `retrying in ${retryAfter} s` : "giving up"}`,
        );
        return retryWhen(retryAfter, retryCount);
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        octokit: { log: { warn(m: string): void } },
        retryCount: number,
      ) => {
        octokit.log.warn(
          `Secondary rate limit hit by ${request.method} ${request.url}; ${retryWhen(retryAfter, retryCount) ? `retrying in ${retryAfter} s` : "giving up"}`,
        );
        return retryWhen(retryAfter, retryCount);
      },
    },
  })) as BotOctokitClass;
}
