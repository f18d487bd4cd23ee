import type { ModelEvaluation, HoldoutEvaluation } from "../gate/result.ts";
import { formatNumber } from "./format-number.ts";
import { escapeMarkdown, markdownCode } from "./escape.ts";
import { findingText, reasonText, warningText } from "./reason-text.ts";

const VERDICT_BADGE: Record<string, string> = {
  promote: "✅ **promote**",
  reject: "❌ **reject**",
  inconclusive: "⚖️ **inconclusive**: the champion stays",
};

/** The PR comment and job summary for one model: verdict first, then the evidence. Pure. */
export function renderEvaluationMarkdown(result: ModelEvaluation): string {
  const out: string[] = [];
  const name = escapeMarkdown(result.model);
  if (result.kind === "unchanged") {
    out.push(
      `### modelkeeper · ${name}: no comparison`,
      "",
      `The challenger is the champion's artifact (sha256 ${markdownCode(result.challenger.sha256.slice(0, 12))}): nothing to evaluate.`,
    );
    for (const w of result.warnings) out.push("", `> ⚠️ ${escapeMarkdown(warningText(w))}`);
    return out.join("\n") + "\n";
  }
  if (result.kind === "error" || !result.verdict) {
    out.push(
      `### modelkeeper · ${name}: ⚠️ no verdict`,
      "",
      "The evaluation could not be completed, so no verdict is claimed:",
      "",
    );
    out.push(...result.errors.map((e) => `- ${escapeMarkdown(e)}`));
    return out.join("\n") + "\n";
  }
  out.push(`### modelkeeper · ${name}: ${VERDICT_BADGE[result.verdict]}`, "");
  for (const reason of result.reasons) out.push(`- ${escapeMarkdown(reasonText(reason))}`);
  out.push("");
  if (result.holdouts.length > 1) {
    out.push(
      `> ⚠️ **This pull request changes the held-out set.** The verdict is decided on the base branch's held-out set, as the base's config names it; the PR's own set is shown too and must not reject.`,
      "",
    );
  }
  for (const w of result.warnings) out.push(`> ⚠️ ${escapeMarkdown(warningText(w))}`, "");
  for (const holdout of result.holdouts) out.push(...renderHoldout(result, holdout));
  out.push(...renderProvenance(result));
  return out.join("\n") + "\n";
}

function renderHoldout(result: ModelEvaluation, h: HoldoutEvaluation): string[] {
  const out: string[] = [];
  const compared = result.kind === "compared";
  out.push(
    `#### ${escapeMarkdown(h.name)} · ${h.rows.toLocaleString("en-US")} rows${h.positives !== undefined ? ` (${h.positives.toLocaleString("en-US")} positive)` : ""}`,
    "",
  );
  if (compared) {
    const level = `${Math.round(result.confidence * 100)}% CI`;
    out.push(`| metric | champion | challenger | Δ | ${level} | status |`, "| --- | ---: | ---: | ---: | --- | --- |");
    for (const m of h.metrics) {
      const primary = m.name === result.metric;
      const ci = primary && h.paired ? `[${formatNumber(h.paired.ciLow)}, ${formatNumber(h.paired.ciHigh)}]` : "";
      const status =
        primary && h.decision
          ? h.decision.verdict
          : m.undefinedReason
            ? `undefined: ${escapeMarkdown(m.undefinedReason)}`
            : better(m);
      out.push(
        `| ${primary ? `**${m.name}**` : m.name} ${m.direction === "lower" ? "↓" : "↑"} | ${m.champion === undefined ? "–" : formatNumber(m.champion)} | ${formatNumber(m.challenger)} | ${m.delta === undefined ? "–" : signed(m.delta)} | ${ci} | ${status} |`,
      );
    }
    out.push("");
    if (h.paired) {
      out.push(
        `Paired ${h.paired.method} bootstrap of Δ = challenger − champion on the same rows: ${h.paired.resamples.toLocaleString("en-US")} resamples, seed ${h.paired.seed}. ` +
          `Smallest difference this held-out set could detect: ${formatNumber(h.paired.detectable)}.`,
        "",
      );
    }
    const tests: string[] = [];
    if (h.delong)
      tests.push(
        `DeLong test of the AUC difference: Δ ${signed(h.delong.delta)}, z = ${h.delong.z.toFixed(2)}, p ${pValue(h.delong.pValue)}`,
      );
    if (h.mcnemar) {
      tests.push(
        `McNemar on per-row correctness: ${h.mcnemar.challengerOnlyCorrect} rows only the challenger gets right, ${h.mcnemar.championOnlyCorrect} only the champion; exact p ${pValue(h.mcnemar.pExact)}, mid-p ${pValue(h.mcnemar.pMidP)}`,
      );
    }
    if (tests.length) out.push(...tests.map((t) => `- ${t}`), "");
    out.push(...renderChart(h));
  } else {
    out.push("| metric | challenger |", "| --- | ---: |");
    for (const m of h.metrics)
      out.push(
        `| ${m.name} ${m.direction === "lower" ? "↓" : "↑"} | ${m.undefinedReason ? `undefined: ${escapeMarkdown(m.undefinedReason)}` : formatNumber(m.challenger)} |`,
      );
    out.push("");
  }
  if (h.guardrails.length) {
    out.push(
      "**Guardrails**",
      "",
      "| guardrail | champion | challenger | limit | status |",
      "| --- | ---: | ---: | ---: | --- |",
    );
    for (const g of h.guardrails) {
      out.push(
        `| ${escapeMarkdown(g.name)} | ${g.champion === undefined ? "–" : formatNumber(g.champion)} | ${g.challenger === undefined ? "–" : formatNumber(g.challenger)} | ${g.limit === undefined ? "–" : formatNumber(g.limit)} | ${g.status === "fail" ? "❌ fail" : g.status === "pass" ? "✅ pass" : "not gated"}: ${escapeMarkdown(findingText(g.finding))} |`,
      );
    }
    out.push("");
  }
  if (h.slices.length) {
    out.push(
      `<details><summary>Slices (${h.slices.length})</summary>`,
      "",
      `| slice | rows | champion | challenger | Δ | status |`,
      "| --- | ---: | ---: | ---: | ---: | --- |",
    );
    for (const s of h.slices) {
      out.push(
        `| ${escapeMarkdown(s.column)} = ${escapeMarkdown(s.value)} | ${s.rows} | ${s.champion === undefined ? "–" : formatNumber(s.champion)} | ${s.challenger === undefined ? "–" : formatNumber(s.challenger)} | ${s.delta === undefined ? "–" : signed(s.delta)} | ${s.status === "not-gated" ? "too small to gate" : s.status} |`,
      );
    }
    out.push("", "</details>", "");
  }
  if (h.confusion) {
    out.push("<details><summary>Confusion matrices</summary>", "");
    for (const [who, matrix] of [
      ["champion", h.confusion.champion],
      ["challenger", h.confusion.challenger],
    ] as const) {
      if (!matrix) continue;
      out.push(
        `**${who}** (rows: actual, columns: predicted)`,
        "",
        `| | ${h.confusion.labels.map(escapeMarkdown).join(" | ")} |`,
        `| --- |${h.confusion.labels.map(() => " ---: |").join("")}`,
      );
      matrix.forEach((row, i) => out.push(`| **${escapeMarkdown(h.confusion!.labels[i])}** | ${row.join(" | ")} |`));
      out.push("");
    }
    out.push("</details>", "");
  }
  return out;
}

/** A bar chart GitHub renders natively (Mermaid xychart): champion vs challenger per metric. */
function renderChart(h: HoldoutEvaluation): string[] {
  const rows = h.metrics.filter(
    (m) =>
      m.champion !== undefined &&
      Number.isFinite(m.champion) &&
      Number.isFinite(m.challenger) &&
      m.challenger >= 0 &&
      m.challenger <= 1 &&
      m.champion! >= 0 &&
      m.champion! <= 1,
  );
  if (rows.length < 2) return [];
  return [
    "```mermaid",
    "xychart-beta",
    `  title "champion (first bar) vs challenger (second bar)"`,
    `  x-axis [${rows.map((m) => `"${m.name}"`).join(", ")}]`,
    `  y-axis "value" 0 --> 1`,
    `  bar [${rows.map((m) => m.champion!.toFixed(4)).join(", ")}]`,
    `  bar [${rows.map((m) => m.challenger.toFixed(4)).join(", ")}]`,
    "```",
    "",
  ];
}

function renderProvenance(result: ModelEvaluation): string[] {
  const out = [
    "<details><summary>Provenance</summary>",
    "",
    "| | label | sha256 | bytes |",
    "| --- | --- | --- | ---: |",
  ];
  if (result.champion)
    out.push(
      `| champion | ${escapeMarkdown(result.champion.label)} | ${markdownCode(result.champion.sha256)} | ${result.champion.bytes} |`,
    );
  out.push(
    `| challenger | ${escapeMarkdown(result.challenger.label)} | ${markdownCode(result.challenger.sha256)} | ${result.challenger.bytes} |`,
  );
  for (const h of result.holdouts) {
    for (const [path, sha] of Object.entries(h.files))
      out.push(`| ${escapeMarkdown(h.name)} | ${markdownCode(path)} | ${markdownCode(sha)} | |`);
  }
  out.push("", "</details>", "");
  return out;
}

function better(m: { direction: string; delta?: number }): string {
  if (m.delta === undefined || m.delta === 0) return "";
  return m.delta > 0 === (m.direction === "higher") ? "better" : "worse";
}

function signed(value: number): string {
  return `${value > 0 ? "+" : ""}${formatNumber(value)}`;
}

function pValue(p: number): string {
  return p < 1e-4 ? "< 0.0001" : `= ${p.toFixed(4)}`;
}
