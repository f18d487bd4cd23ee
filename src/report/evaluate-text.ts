import type { ModelEvaluation } from "../gate/result.ts";
import { formatNumber } from "./format-number.ts";
import { findingText, reasonText, warningText } from "./reason-text.ts";

/** The terminal report of one model's evaluation. Pure. */
export function renderEvaluationText(e: ModelEvaluation): string {
  if (e.kind === "unchanged")
    return [
      `${e.model}: unchanged: the challenger is the champion's artifact (sha256 ${e.challenger.sha256.slice(0, 12)}); nothing to compare.`,
      ...e.warnings.map((w) => `  warning: ${warningText(w)}`),
    ].join("\n");
  if (e.kind === "error" || !e.verdict)
    return [`${e.model}: NO VERDICT: the evaluation could not be completed:`, ...e.errors.map((m) => `  ${m}`)].join(
      "\n",
    );
  const out = [
    `${e.model}: ${e.verdict.toUpperCase()}${e.kind === "first-model" ? " (first model: no champion; absolute floors only)" : ""}`,
  ];
  for (const r of e.reasons) out.push(`  ${reasonText(r)}`);
  for (const w of e.warnings) out.push(`  warning: ${warningText(w)}`);
  for (const h of e.holdouts) {
    out.push(`  ${h.name}: ${h.rows} rows`);
    const width = Math.max(...h.metrics.map((m) => m.name.length));
    for (const m of h.metrics) {
      const value = m.undefinedReason
        ? `undefined (${m.undefinedReason})`
        : e.kind === "compared"
          ? `${formatNumber(m.champion!)} → ${formatNumber(m.challenger)}  Δ ${m.delta! >= 0 ? "+" : ""}${formatNumber(m.delta!)}`
          : formatNumber(m.challenger);
      const ci =
        h.paired && m.name === h.paired.metric
          ? `  ${Math.round(h.paired.confidence * 100)}% CI [${formatNumber(h.paired.ciLow)}, ${formatNumber(h.paired.ciHigh)}] (${h.paired.method}, ${h.paired.resamples} paired resamples, seed ${h.paired.seed})`
          : "";
      out.push(`    ${m.name.padEnd(width)}  ${value}${ci}`);
    }
    for (const g of h.guardrails) out.push(`    guardrail ${g.name}: ${g.status} (${findingText(g.finding)})`);
    const failedSlices = h.slices.filter((s) => s.status === "fail");
    if (h.slices.length)
      out.push(
        `    slices: ${h.slices.length} reported, ${failedSlices.length} failed${failedSlices.length ? `: ${failedSlices.map((s) => `${s.column}=${s.value}`).join(", ")}` : ""}`,
      );
  }
  return out.join("\n");
}
