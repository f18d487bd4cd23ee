import type { GitHub, RepoRef } from "./client.ts";
import { commentMarker } from "./sticky-comment.ts";

const DRIFT_LABEL = "drift";
const DRIFT_DISPATCH = "modelkeeper-drift";

/**
 * What repository_dispatch modelkeeper-drift carries: compact, for the retrain bot, which checks
 * it field by field (bot/dispatch-payload.ts): model (required), summary, report_url,
 * issue_number; drifted_columns is extra detail the bot ignores.
 */
export interface DriftDispatchPayload {
  model: string;
  /** One line, e.g. "3 of 9 columns drifted: amount, device, prediction: score". */
  summary: string;
  /** The drift issue, else the workflow run: where the full report is. */
  report_url?: string;
  issue_number?: number;
  drifted_columns: string[];
}

/**
 * Opens the model's drift issue (label `drift`, hidden marker first in the body), or updates
 * the open one instead of opening another: one open drift issue per model.
 */
export async function upsertDriftIssue(
  github: GitHub,
  repo: RepoRef,
  model: string,
  body: string,
): Promise<{ number: number; url: string; action: "created" | "updated" }> {
  const marker = commentMarker(DRIFT_LABEL, model);
  const full = `${marker}\n${body}`;
  const open = await github.paginate(github.rest.issues.listForRepo, {
    ...repo,
    state: "open",
    labels: DRIFT_LABEL,
    per_page: 100,
  });
  const existing = open.find(
    (issue) => !issue.pull_request && issue.body?.startsWith(marker) && issue.user?.type === "Bot",
  );
  if (existing) {
    const { data } = await github.rest.issues.update({ ...repo, issue_number: existing.number, body: full });
    return { number: data.number, url: data.html_url, action: "updated" };
  }
  const { data } = await github.rest.issues.create({
    ...repo,
    title: `Drift detected: ${model}`,
    body: full,
    labels: [DRIFT_LABEL],
  });
  return { number: data.number, url: data.html_url, action: "created" };
}

export async function sendDriftDispatch(github: GitHub, repo: RepoRef, payload: DriftDispatchPayload): Promise<void> {
  await github.rest.repos.createDispatchEvent({
    ...repo,
    event_type: DRIFT_DISPATCH,
    client_payload: payload as unknown as Record<string, unknown>,
  });
}
