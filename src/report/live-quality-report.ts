import type { LiveMetric, ModelLiveQuality } from "../monitor/live-quality.ts";
import { escapeMarkdown } from "./escape.ts";
import { formatNumber } from "./format-number.ts";

const round = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "–" : formatNumber(v));

function interval(m: LiveMetric): string {
  return m.low === undefined ? "" : ` [${round(m.low)}, ${round(m.high)}] (${m.method})`;
}

function verdict(m: LiveMetric): string {
  if (m.status === "below-floor") return `BELOW the floor ${m.floor}`;
  if (m.status === "ok") return `ok (floor ${m.floor})`;
  if (m.status === "undefined") return `undefined${m.undefinedReason ? `: ${m.undefinedReason}` : ""}`;
  return "";
}

function coverage(r: ModelLiveQuality): string {
  return `${r.labelled} of ${r.logRows} logged rows labelled (${r.unlabelled} waiting; ${r.unmatchedLabels} labels matched no logged request)`;
}

/** Plain text for the terminal. Pure. */
export function renderLiveQualityText(r: ModelLiveQuality): string {
  const q = r.quality;
  const head = `${r.model}: ${q ? (q.breached.length ? `LIVE QUALITY BELOW THE FLOOR on ${q.breached.join(", ")}` : "live quality within its floors") : "no labelled rows yet"}; ${coverage(r)}`;
  if (!q) return head;
  return [
    head,
    ...q.metrics.map((m) => `  ${m.name.padEnd(18)} ${round(m.value)}${interval(m)}  ${verdict(m)}`.trimEnd()),
  ].join("\n");
}

/** Markdown for the job summary and --report-md. Pure. */
export function renderLiveQualityMarkdown(r: ModelLiveQuality): string {
  const q = r.quality;
  const out = [
    `### modelkeeper · ${escapeMarkdown(r.model)}: live quality ${q ? (q.breached.length ? "❌ below the floor" : "✅ within its floors") : "(no labels yet)"}`,
    "",
    escapeMarkdown(coverage(r)) + ".",
    "",
  ];
  if (!q) return out.join("\n") + "\n";
  out.push(`| metric | live value | ${Math.round(q.confidence * 100)}% interval | floor |`, "|---|---:|---|---|");
  for (const m of q.metrics) {
    const floor = m.floor === undefined ? "" : `${m.status === "below-floor" ? "❌ " : "✅ "}${m.floor}`;
    out.push(
      `| ${m.name} | ${round(m.value)} | ${m.low === undefined ? "" : `[${round(m.low)}, ${round(m.high)}] ${m.method}`} | ${floor} |`,
    );
  }
  out.push("", "A floor (evaluate.min_value) is breached only when the whole interval lies past it.");
  return out.join("\n") + "\n";
}
