/**
 * The repository_dispatch the drift command sends when it finds drift, and the bot accepts:
 *
 *   POST /repos/{owner}/{repo}/dispatches
 *   { "event_type": "modelkeeper-drift",
 *     "client_payload": { "model": "fraud", "summary": "2 of 9 features drifted (amount: PSI 0.41)",
 *                         "report_url": "https://github.com/acme/fraud/issues/7", "issue_number": 7 } }
 */

export const DRIFT_DISPATCH_EVENT_TYPE = "modelkeeper-drift";

export interface DriftDispatchPayload {
  /** The model's name in modelkeeper.yml. Required. */
  model: string;
  /** One line of plain text saying what drifted; shown in the PR and kept in the retrain record. */
  summary?: string;
  /** Where the full drift report is (the drift issue, a workflow run, an artifact): an http(s) URL. */
  report_url?: string;
  /** The drift issue the command opened or updated: the bot comments there and the PR closes it. */
  issue_number?: number;
}

/** Longest summary kept; the report itself is behind report_url. */
const MAX_SUMMARY_LENGTH = 2000;

/** The payload checked field by field; a problem names the field and what it must be. */
export function parseDriftDispatchPayload(value: unknown): { payload: DriftDispatchPayload } | { problem: string } {
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { problem: "client_payload must be an object" };
  const raw = value as Record<string, unknown>;
  if (typeof raw.model !== "string" || raw.model.trim() === "") {
    return { problem: "client_payload.model must be the model's name in modelkeeper.yml (a non-empty string)" };
  }
  const payload: DriftDispatchPayload = { model: raw.model.trim() };
  if (raw.summary !== undefined && raw.summary !== null) {
    if (typeof raw.summary !== "string") return { problem: "client_payload.summary must be a string" };
    if (raw.summary.trim()) payload.summary = raw.summary.trim().slice(0, MAX_SUMMARY_LENGTH);
  }
  if (raw.report_url !== undefined && raw.report_url !== null) {
    const url = httpUrl(raw.report_url);
    if (!url) return { problem: "client_payload.report_url must be an http(s) URL" };
    payload.report_url = url;
  }
  if (raw.issue_number !== undefined && raw.issue_number !== null) {
    if (!Number.isSafeInteger(raw.issue_number) || (raw.issue_number as number) < 1) {
      return { problem: "client_payload.issue_number must be a positive integer" };
    }
    payload.issue_number = raw.issue_number as number;
  }
  return { payload };
}

/** The normalised URL if the value is an absolute http(s) URL. */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
