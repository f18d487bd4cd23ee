/**
 * `.modelkeeper/retrain/<model>.json`: the one file the retrain pull request's commit writes, so the
 * branch differs from the default branch and the request travels with the code: who asked, why,
 * when, the drift behind it and the links. After merge the bot reads it back to find the issues.
 */
import type { RetrainRequest, RetrainTrigger } from "./retrain-request.ts";

const RETRAIN_RECORD_SCHEMA = 1;

export interface RetrainRecord {
  schema: typeof RETRAIN_RECORD_SCHEMA;
  model: string;
  trigger: RetrainTrigger;
  requested_by: string;
  requested_at: string;
  reason: string | null;
  /** Issue the request came from (answered when the PR opens and when it merges). */
  request_issue: number | null;
  /** Drift issue closed when the PR merges. */
  drift_issue: number | null;
  drift: { summary: string | null; report_url: string | null } | null;
  links: { request: string | null; drift_report: string | null };
}

export function retrainRecord(model: string, request: RetrainRequest): RetrainRecord {
  return {
    schema: RETRAIN_RECORD_SCHEMA,
    model,
    trigger: request.trigger,
    requested_by: request.requestedBy,
    requested_at: request.requestedAt,
    reason: request.reason ?? null,
    request_issue: request.requestIssue ?? null,
    drift_issue: request.driftIssue ?? null,
    drift: request.drift
      ? { summary: request.drift.summary ?? null, report_url: request.drift.reportUrl ?? null }
      : null,
    links: { request: request.requestUrl ?? null, drift_report: request.drift?.reportUrl ?? null },
  };
}

/** File text: two-space JSON and a final newline, as people read it in the PR diff. */
export function renderRetrainRecord(record: RetrainRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The issues a merged retrain PR answers, from its record; undefined if the text is not a record. */
export function issuesOfRecord(
  text: string,
): { model: string; requestIssue?: number; driftIssue?: number } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = value as Partial<RetrainRecord> | null;
  if (!record || record.schema !== RETRAIN_RECORD_SCHEMA || typeof record.model !== "string") return undefined;
  const issue = (n: unknown) => (Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : undefined);
  return { model: record.model, requestIssue: issue(record.request_issue), driftIssue: issue(record.drift_issue) };
}
