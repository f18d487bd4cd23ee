import type { ModelEvaluation } from "../gate/result.ts";
import { formatNumber } from "./format-number.ts";
import { escapeHtml } from "./escape.ts";
import { findingText, reasonText, warningText } from "./reason-text.ts";

/** A self-contained HTML page (no network) of one or more models' evaluations. Pure. */
export function renderEvaluationHtml(evaluations: ModelEvaluation[]): string {
  const sections = evaluations.map((e) => {
    const head = `<h2>${escapeHtml(e.model)}: ${escapeHtml(e.kind === "unchanged" ? "unchanged" : (e.verdict ?? "no verdict"))}</h2>`;
    const reasons = `<ul>${[...e.reasons.map(reasonText), ...e.errors].map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>`;
    const warnings = e.warnings.map((w) => `<p class="warn">${escapeHtml(warningText(w))}</p>`).join("");
    const holdouts = e.holdouts
      .map((h) => {
        const rows = h.metrics
          .map(
            (m) =>
              `<tr><td>${escapeHtml(m.name)}</td><td>${m.champion === undefined ? "–" : formatNumber(m.champion)}</td><td>${formatNumber(m.challenger)}</td><td>${m.delta === undefined ? "–" : formatNumber(m.delta)}</td><td>${h.paired && h.paired.metric === m.name ? `[${formatNumber(h.paired.ciLow)}, ${formatNumber(h.paired.ciHigh)}]` : ""}</td></tr>`,
          )
          .join("");
        const guards = h.guardrails
          .map(
            (g) =>
              `<tr><td>${escapeHtml(g.name)}</td><td colspan="3">${escapeHtml(findingText(g.finding))}</td><td>${g.status}</td></tr>`,
          )
          .join("");
        return `<h3>${escapeHtml(h.name)} · ${h.rows} rows</h3><table><tr><th>metric</th><th>champion</th><th>challenger</th><th>Δ</th><th>CI</th></tr>${rows}</table>${guards ? `<table><tr><th>guardrail</th><th colspan="3">detail</th><th>status</th></tr>${guards}</table>` : ""}`;
      })
      .join("");
    return `<section>${head}${reasons}${warnings}${holdouts}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>modelkeeper evaluate</title><style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}td:first-child,th:first-child{text-align:left}.warn{color:#9a6700}</style></head><body><h1>modelkeeper evaluate</h1>${sections.join("")}</body></html>\n`;
}
