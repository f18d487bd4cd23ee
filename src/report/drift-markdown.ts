import type { ColumnDrift, DriftAssessment } from "../stats/drift/assess-drift.ts";
import { escapeMarkdown, markdownCode } from "./escape.ts";
import { formatNumber } from "./format-number.ts";

export interface DriftReportInput {
  model: string;
  assessment: DriftAssessment;
  /** Why prediction drift is absent, when it is. */
  predictionNote?: string;
  /** Sources, for the header. */
  reference: string;
  current: string[];
}

const fmt = (x: number | null | undefined, decimals = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : formatNumber(x, decimals);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The drift report in Markdown, ready for an issue body: verdict, predictions first, then the most severe. Pure. */
export function renderDriftMarkdown(input: DriftReportInput): string {
  const a = input.assessment;
  const out: string[] = [];
  const drifted = a.columns.filter((c) => c.drifted);
  out.push(
    `### modelkeeper drift · ${escapeMarkdown(input.model)}: ${a.drifted ? `🚨 **drift** in ${drifted.length} of ${a.columns.length} monitored columns` : "✅ no drift"}`,
    "",
    `Reference ${markdownCode(input.reference)} (${a.reference.rowCount.toLocaleString("en-US")} rows${a.reference.fromProfile ? ", from its stored profile" : ""}) vs current window ${input.current.map(markdownCode).join(", ")} (${a.current.rowCount.toLocaleString("en-US")} rows).`,
    "",
  );
  if (input.predictionNote) out.push(`> ℹ️ ${escapeMarkdown(input.predictionNote)}`, "");
  const predictions = a.columns.filter((c) => c.role === "prediction");
  if (predictions.length) {
    out.push("**Predictions** (what users feel)", "", ...table(predictions), "");
  }
  const features = a.columns.filter((c) => c.role === "feature");
  out.push("**Inputs**, most severe first", "", ...table(features), "");
  const unseen = a.columns.filter((c) => c.unseenCategories.length);
  if (unseen.length) {
    out.push("**New categories** (absent from the reference)", "");
    for (const c of unseen)
      out.push(
        `- ${markdownCode(c.name)}: ${c.unseenCategories
          .slice(0, 5)
          .map((u) => `${markdownCode(u.category)} ${pct(u.share)}`)
          .join(", ")}${c.unseenCategories.length > 5 ? ", …" : ""}`,
      );
    out.push("");
  }
  out.push(
    "<details><summary>How this was decided</summary>",
    "",
    `A column drifts when its change is statistically significant after a ${a.method.correction === "benjamini-hochberg" ? "Benjamini–Hochberg" : "Bonferroni"} correction over all ${a.method.hypotheses} hypotheses (α = ${a.method.alpha}) **and** larger than sampling noise by a practical margin (Wasserstein ≥ ${a.method.effectThresholds.numeric} reference standard deviations, Jensen–Shannon ≥ ${a.method.effectThresholds.categorical}, missing share |Cohen's h| ≥ ${a.method.effectThresholds.missing}). The alarm stays trustworthy at any window size: significance decides for small windows, effect size for large ones.`,
    "",
    "</details>",
    "",
  );
  return out.join("\n");
}

function table(columns: readonly ColumnDrift[]): string[] {
  const rows = [
    "| column | type | drift | effect (beyond noise) | p (adjusted) | missing ref → cur | why |",
    "| --- | --- | --- | ---: | ---: | --- | --- |",
  ];
  for (const c of columns) {
    const effect = c.effect
      ? `${c.effect.measure === "wasserstein" ? "W" : "JS"} ${fmt(c.effect.value)} (${fmt(c.effect.excess)})`
      : "–";
    const p = c.significance ? fmt(c.significance.adjustedPValue, 4) : "–";
    rows.push(
      `| ${markdownCode(c.name)} | ${c.kind} | ${c.drifted ? "🚨 yes" : "no"} | ${effect} | ${p} | ${pct(c.reference.missingShare)} → ${pct(c.current.missingShare)} | ${escapeMarkdown(c.reason)} |`,
    );
  }
  return rows;
}
