/** What every service needs to talk to GitHub about one repository. */
import type { ProbotOctokit } from "probot";

export type BotGitHub = ProbotOctokit;

export interface RepoTarget {
  owner: string;
  repo: string;
  /** The repository's default branch: config is read there and retrain PRs target it. */
  defaultBranch: string;
}

/** Timing the services' own retries use (comment creation retries itself, see src/github/sticky-comment.ts). */
export interface RetryTiming {
  /** Attempts of a non-idempotent write before giving up. */
  attempts: number;
  /** Backoff before attempt n+1 is n² × baseMs, as plugin-retry does. */
  baseMs: number;
}

export const PRODUCTION_RETRY: RetryTiming = { attempts: 4, baseMs: 1000 };

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === "number" ? status : undefined;
}

/** A 422 whose message (or validation error) contains `text`, e.g. "Reference already exists". */
export function isUnprocessable(error: unknown, text: string): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  return `${(error as Error).message ?? ""} ${JSON.stringify(data ?? "")}`.toLowerCase().includes(text.toLowerCase());
}

/** Server errors and answers lost on the way: the write may or may not have happened. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
