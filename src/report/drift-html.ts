import type { ColumnDrift } from "../stats/drift/assess-drift.ts";
import type { DriftReportInput } from "./drift-markdown.ts";
import type { Histogram } from "./histogram.ts";
import { escapeHtml } from "./escape.ts";
import { formatNumber } from "./format-number.ts";

/**
 * A self-contained HTML drift report: no network, inline SVG histograms of reference vs
 * current per column, predictions first, then by severity. Pure.
 */
export function renderDriftHtml(input: DriftReportInput, histograms: ReadonlyMap<string, Histogram>): string {
  const a = input.assessment;
  const cards = a.columns.map((c) => card(c, histograms.get(c.name))).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Drift report: ${escapeHtml(input.model)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
header{background:${a.drifted ? "#cf222e" : "#1a7f37"};color:#fff;padding:1.2em 2em}
header h1{margin:0 0 .3em;font-size:1.5em}
main{padding:1em 2em;display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:1em}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:.8em 1em}
.card.drifted{border-color:#cf222e;box-shadow:0 0 0 1px #cf222e}
.card h2{font-size:1.05em;margin:0 0 .2em}
.badge{font-size:.75em;padding:.1em .5em;border-radius:1em;margin-left:.4em;vertical-align:middle}
.yes{background:#ffebe9;color:#cf222e}.no{background:#dafbe1;color:#1a7f37}.role{background:#ddf4ff;color:#0969da}
.reason{color:#57606a;margin:.3em 0}
table{border-collapse:collapse;font-size:.85em;margin-top:.4em}td{padding:.1em .6em .1em 0}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:middle}
</style></head>
<body>
<header><h1>${a.drifted ? "Drift detected" : "No drift"}: ${escapeHtml(input.model)}</h1>
<div>${a.driftedColumns.length} of ${a.columns.length} monitored columns drifted · reference ${escapeHtml(input.reference)} (${a.reference.rowCount.toLocaleString("en-US")} rows${a.reference.fromProfile ? ", profile" : ""}) · current ${escapeHtml(input.current.join(", "))} (${a.current.rowCount.toLocaleString("en-US")} rows)</div>
<div class="legend"><span style="background:#8c959f"></span>reference<span style="background:#0969da"></span>current</div>
${input.predictionNote ? `<p>${escapeHtml(input.predictionNote)}</p>` : ""}
</header>
<main>
${cards}
</main>
</body></html>
`;
}

function card(c: ColumnDrift, histogram: Histogram | undefined): string {
  const rows: Array<[string, string]> = [];
  if (c.significance)
    rows.push([
      c.significance.test === "ks" ? "KS statistic" : "χ² statistic",
      `${c.significance.statistic.toPrecision(4)} (p adj. ${c.significance.adjustedPValue.toPrecision(3)})`,
    ]);
  if (c.effect)
    rows.push([
      c.effect.measure === "wasserstein" ? "Wasserstein (ref. sd)" : "Jensen–Shannon",
      `${formatNumber(c.effect.value, 3)}; beyond noise ${formatNumber(c.effect.excess, 3)} (threshold ${c.effect.threshold})`,
    ]);
  rows.push([
    "missing",
    `${(c.reference.missingShare * 100).toFixed(1)}% → ${(c.current.missingShare * 100).toFixed(1)}%`,
  ]);
  if (c.unseenCategories.length)
    rows.push([
      "new categories",
      c.unseenCategories
        .slice(0, 5)
        .map((u) => `${u.category} (${(u.share * 100).toFixed(1)}%)`)
        .join(", "),
    ]);
  return `<section class="card${c.drifted ? " drifted" : ""}" data-column="${escapeHtml(c.name)}" data-drifted="${c.drifted}">
<h2>${escapeHtml(c.name)}${c.role === "prediction" ? '<span class="badge role">prediction</span>' : ""}<span class="badge ${c.drifted ? "yes" : "no"}">${c.drifted ? "drift" : "no drift"}</span></h2>
<p class="reason">${escapeHtml(c.reason)}</p>
${histogram ? svg(histogram, c.name) : ""}
<table>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join("")}</table>
</section>`;
}

/** Paired bars per bin: grey reference, blue current, heights as shares. */
function svg(h: Histogram, name: string): string {
  const width = 360;
  const height = 120;
  const n = h.labels.length;
  const slot = width / n;
  const bar = Math.max(1, slot / 2 - 1);
  const top = Math.max(...h.reference, ...h.current, 1e-9);
  const y = (share: number) => (share / top) * (height - 14);
  const bars = h.labels
    .map((label, i) => {
      const x = i * slot;
      const r = y(h.reference[i]);
      const c = y(h.current[i]);
      const tip = `${label}: reference ${(h.reference[i] * 100).toFixed(1)}%, current ${(h.current[i] * 100).toFixed(1)}%`;
      return `<g><title>${escapeHtml(tip)}</title><rect x="${x.toFixed(1)}" y="${(height - 12 - r).toFixed(1)}" width="${bar.toFixed(1)}" height="${r.toFixed(1)}" fill="#8c959f"/><rect x="${(x + bar + 1).toFixed(1)}" y="${(height - 12 - c).toFixed(1)}" width="${bar.toFixed(1)}" height="${c.toFixed(1)}" fill="#0969da"/></g>`;
    })
    .join("");
  const first = escapeHtml(h.labels[0] ?? "");
  const last = escapeHtml(h.labels[n - 1] ?? "");
  return `<svg role="img" aria-label="${escapeHtml(`histogram of ${name}`)}" viewBox="0 0 ${width} ${height}" width="100%" height="${height}">${bars}<line x1="0" y1="${height - 12}" x2="${width}" y2="${height - 12}" stroke="#d0d7de"/><text x="0" y="${height - 1}" font-size="9" fill="#57606a">${first}</text><text x="${width}" y="${height - 1}" font-size="9" fill="#57606a" text-anchor="end">${h.kind === "numeric" ? last : `${n} categories`}</text></svg>`;
}
