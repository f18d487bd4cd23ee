/** What every service needs to talk to GitHub about one repository. */
import type { ProbotOctokit } from "probot";
import { DEFAULT_CREATE_RETRY, type CreateRetry } from "../../src/github/create-once.ts";

export type BotGitHub = ProbotOctokit;

export interface RepoTarget {
  owner: string;
  repo: string;
  /** The repository's default branch: config is read there and retrain PRs target it. */
  defaultBranch: string;
}

/** Timing of the services' non-idempotent writes (src/github/create-once.ts); tests shorten it. */
export type RetryTiming = CreateRetry;

export const PRODUCTION_RETRY: RetryTiming = DEFAULT_CREATE_RETRY;

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
