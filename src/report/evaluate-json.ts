import type { ModelEvaluation } from "../gate/result.ts";
import { findingText, reasonText, warningText } from "./reason-text.ts";

/**
 * One model's evaluation as `--json` gives it: the structured reasons, warnings, notices and
 * guardrail findings, each beside the sentences the reports show (`reasonText`, `warningText`,
 * `noticeText`, a guardrail's `detail`, a decision's `reasonText`). Pure.
 */
export function evaluationJson(e: ModelEvaluation) {
  return {
    ...e,
    reasonText: e.reasons.map(reasonText),
    warningText: e.warnings.map(warningText),
    ...(e.notices ? { noticeText: e.notices.map(warningText) } : {}),
    holdouts: e.holdouts.map((h) => ({
      ...h,
      guardrails: h.guardrails.map((g) => ({ ...g, detail: findingText(g.finding) })),
      ...(h.decision ? { decision: { ...h.decision, reasonText: h.decision.reasons.map(reasonText) } } : {}),
    })),
  };
}
