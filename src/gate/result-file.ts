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
  models: Array<{
    model: string;
    verdict?: string;
    conclusion: "success" | "failure" | "neutral";
    /** The structured figures `comment` renders (never the markdown: the file may come from a fork). */
    metric?: string;
    delta?: number;
    ciLow?: number;
    ciHigh?: number;
    markdown: string;
    note?: EvaluateLine;
  }>;
}

export function toResultFile(
  evaluations: ModelEvaluation[],
  markdown: string[],
  notes: Array<EvaluateLine | undefined>,
  pullRequest: EvaluateResultFile["pullRequest"],
): EvaluateResultFile {
  return {
    kind: "modelkeeper-evaluate-result",
    schema: 1,
    pullRequest,
    models: evaluations.map((e, i) => {
      const paired = e.holdouts[0]?.paired;
      return {
        model: e.model,
        verdict: e.verdict,
        conclusion: conclusionOf(e),
        metric: paired?.metric ?? e.metric,
        ...(paired ? { delta: paired.delta, ciLow: paired.ciLow, ciHigh: paired.ciHigh } : {}),
        markdown: markdown[i],
        note: notes[i],
      };
    }),
  };
}

export function conclusionOf(e: ModelEvaluation): "success" | "failure" | "neutral" {
  // An artifact that could not be evaluated (refused, not ONNX, does not fit the data) must not
  // pass branch protection, which counts "neutral" as passing.
  if (e.kind === "error") return "failure";
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
    throw new UserError(
      `${name}: not JSON (${(error as Error).message}). Pass the file evaluate wrote with --result-file.`,
      { file: name },
    );
  }
  const ok =
    value?.kind === "modelkeeper-evaluate-result" &&
    value.schema === 1 &&
    Array.isArray(value.models) &&
    value.models.every(
      (m: any) =>
        typeof m?.model === "string" &&
        typeof m.markdown === "string" &&
        ["success", "failure", "neutral"].includes(m.conclusion) &&
        m.markdown.length < 60_000,
    ) &&
    (value.pullRequest === undefined ||
      (Number.isInteger(value.pullRequest.number) && /^[0-9a-f]{40}$/.test(value.pullRequest.headSha)));
  if (!ok)
    throw new UserError(
      `${name}: not a modelkeeper evaluate result (kind "modelkeeper-evaluate-result", schema 1). Pass the file evaluate wrote with --result-file.`,
      { file: name },
    );
  return value;
}

/** The fields of an untrusted result that may be shown, each checked; anything else is dropped. Pure. */
export function validatedFields(m: EvaluateResultFile["models"][number]): {
  model: string;
  verdict: "promote" | "reject" | "inconclusive" | "none";
  metric?: string;
  delta?: number;
  ciLow?: number;
  ciHigh?: number;
} {
  const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  return {
    model: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(m.model) ? m.model : "(an invalid model name)",
    verdict: m.verdict === "promote" || m.verdict === "reject" || m.verdict === "inconclusive" ? m.verdict : "none",
    metric: typeof m.metric === "string" && /^[a-z0-9_]{1,40}$/.test(m.metric) ? m.metric : undefined,
    delta: number(m.delta),
    ciLow: number(m.ciLow),
    ciHigh: number(m.ciHigh),
  };
}
