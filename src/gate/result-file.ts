import type { ModelEvaluation } from "./result.ts";
import type { EvaluateLine } from "../provenance/note-line.ts";
import { UserError } from "../errors.ts";

/**
 * What evaluate leaves behind for the `comment` step of the fork-PR pattern: the rendered
 * comments and conclusions, tied to the pull request and its head commit. Plain JSON.
 */
export interface EvaluateResultFile {
  kind: "modelkeeper-evaluate-result";
  schema: 1;
  pullRequest?: { number: number; headSha: string };
  models: Array<{ model: string; verdict?: string; conclusion: "success" | "failure" | "neutral"; markdown: string; note?: EvaluateLine }>;
}

export function toResultFile(evaluations: ModelEvaluation[], markdown: string[], notes: Array<EvaluateLine | undefined>, pullRequest: EvaluateResultFile["pullRequest"]): EvaluateResultFile {
  return {
    kind: "modelkeeper-evaluate-result",
    schema: 1,
    pullRequest,
    models: evaluations.map((e, i) => ({ model: e.model, verdict: e.verdict, conclusion: conclusionOf(e), markdown: markdown[i], note: notes[i] })),
  };
}

export function conclusionOf(e: ModelEvaluation): "success" | "failure" | "neutral" {
  if (e.kind === "unchanged") return "neutral";
  if (e.verdict === "promote") return "success";
  if (e.verdict === "reject") return "failure";
  return "neutral";
}

/** Parses a result file, checking its shape: it may come from an untrusted (fork) run. */
export function parseResultFile(text: string, name: string): EvaluateResultFile {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${name}: not JSON (${(error as Error).message}). Pass the file evaluate wrote with --result-file.`, { file: name });
  }
  const ok =
    value?.kind === "modelkeeper-evaluate-result" &&
    value.schema === 1 &&
    Array.isArray(value.models) &&
    value.models.every(
      (m: any) => typeof m?.model === "string" && typeof m.markdown === "string" && ["success", "failure", "neutral"].includes(m.conclusion) && m.markdown.length < 60_000,
    ) &&
    (value.pullRequest === undefined || (Number.isInteger(value.pullRequest.number) && /^[0-9a-f]{40}$/.test(value.pullRequest.headSha)));
  if (!ok) throw new UserError(`${name}: not a modelkeeper evaluate result (kind "modelkeeper-evaluate-result", schema 1). Pass the file evaluate wrote with --result-file.`, { file: name });
  return value;
}
