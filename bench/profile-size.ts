// Window profiles (serve.profile, issue 16 item 3): profile size against prediction log size for N
// rows, the cost of profiling a row, and what the profile costs drift: |D - D_log| against the
// error it states, and whether any decision differs. Nothing is written to disk.
//   node --import tsx bench/profile-size.ts      (MK_BENCH_ROWS=10000,100000,1000000 by default)
import { gzipSync } from "node:zlib";
import { generateTransactions, TRANSACTION_FEATURES } from "../src/demo/transactions.ts";
import { formatRecords, type LogBatch } from "../src/serve/log-record.ts";
import { WindowProfileBuilder } from "../src/stats/drift/window-profile.ts";
import { WindowSummarizer } from "../src/stats/drift/window-summary.ts";
import { summarizeProfileWindow } from "../src/stats/drift/profile-window.ts";
import { assessSummaries, summarizeReference } from "../src/stats/drift/assess-drift.ts";
import type { Table } from "../src/data/table.ts";
import type { WindowSummary } from "../src/stats/drift/window-summary.ts";

const sizes = (process.env.MK_BENCH_ROWS ?? "10000,100000,1000000").split(",").map(Number);
const BATCH = 1000;

const FEATURES = new Set<string>(TRANSACTION_FEATURES);

/** The features (what the log holds, no label) and a continuous score as `prediction`. */
function withScore(whole: Table): Table {
  const t = { ...whole, columns: whole.columns.filter((c) => FEATURES.has(c.name)) };
  const amount = t.columns.find((c) => c.name === "amount");
  const values = amount?.kind === "numeric" ? amount.values : new Float64Array(t.rowCount);
  const score = Float64Array.from(
    values,
    (a, i) => 1 / (1 + Math.exp(-(Math.log1p(Math.abs(a)) - 4 + ((i * 7919) % 1000) / 500))),
  );
  return { ...t, columns: [...t.columns, { kind: "numeric", name: "prediction", values: score }] };
}

function slice(t: Table, start: number, end: number): Table {
  return {
    source: t.source,
    rowCount: end - start,
    columns: t.columns.map((c) =>
      c.kind === "numeric"
        ? { ...c, values: c.values.subarray(start, end) }
        : { ...c, codes: c.codes.subarray(start, end) },
    ),
  };
}

const side = (w: WindowSummary) => ({
  source: "window",
  rowCount: w.rowCount,
  columns: new Map([...w.columns].map(([n, s]) => [n, () => s])),
});

const reference = withScore(generateTransactions({ rows: 20000, seed: 1, scenario: "baseline" }));
const referenceSide = summarizeReference(reference);
const summaries = new Map([...referenceSide.columns].map(([n, make]) => [n, make()]));
console.log(
  "| rows | log (JSON Lines) | log gzip | profile | profile gzip | profile / log | bits kept (numeric columns) | profiling per row | max abs(D - D_log) | max stated KS error | decisions |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const n of sizes) {
  const window = withScore(generateTransactions({ rows: n, seed: 2, scenario: "new_scam" }));
  const features = { ...window, columns: window.columns.filter((c) => c.name !== "prediction") };
  const scores = (window.columns.find((c) => c.name === "prediction") as { values: Float64Array }).values;
  let logBytes = 0;
  let logGzip = 0;
  const builder = new WindowProfileBuilder("fraud");
  builder.describe({ start: "2026-12-04T00:00:00.000Z", end: "2026-12-05T00:00:00.000Z" });
  const summarizer = new WindowSummarizer(summaries);
  let profileMs = 0;
  for (let s = 0; s < n; s += BATCH) {
    const e = Math.min(n, s + BATCH);
    const part = slice(window, s, e);
    const batch: LogBatch = {
      requestId: `r-${s}`,
      time: "2026-12-04T12:00:00.000Z",
      model: "fraud",
      version: "v1",
      endpoint: "stable",
      table: slice(features, s, e),
      prediction: { rowCount: e - s, scores: scores.subarray(s, e), outputs: { value: "probabilities" } },
      count: e - s,
    };
    const text = formatRecords(batch);
    logBytes += Buffer.byteLength(text);
    if (s % (BATCH * 50) === 0) logGzip += gzipSync(text).byteLength * Math.min(50, Math.ceil((n - s) / BATCH));
    const started = performance.now();
    builder.add(part, "v1");
    profileMs += performance.now() - started;
    summarizer.add(part);
  }
  const profile = builder.build();
  const json = JSON.stringify(profile);
  const raw = assessSummaries(referenceSide, side(summarizer.finish()));
  const fromProfile = assessSummaries(referenceSide, side(summarizeProfileWindow(profile, summaries)));
  let gap = 0;
  let stated = 0;
  let same = raw.drifted === fromProfile.drifted;
  for (const c of raw.columns) {
    const twin = fromProfile.columns.find((x) => x.name === c.name)!;
    same &&= twin.drifted === c.drifted;
    if (c.kind !== "numeric") continue;
    gap = Math.max(gap, Math.abs(twin.significance!.statistic - c.significance!.statistic));
    const m = /D within ([\d.e+-]+)/.exec(twin.significance!.detail);
    if (m) stated = Math.max(stated, Number(m[1]));
  }
  const bits = profile.columns.flatMap((c) => (c.kind === "numeric" ? [`${c.name} ${c.bits}`] : [])).join(", ");
  const mb = (b: number) => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
  console.log(
    `| ${n.toLocaleString("en-US")} | ${mb(logBytes)} | ~${mb(logGzip)} | ${mb(json.length)} | ${mb(gzipSync(json).byteLength)} | ${((100 * json.length) / logBytes).toFixed(2)}% | ${bits} | ${((profileMs * 1e6) / n).toFixed(0)} ns | ${gap.toExponential(2)} | ${stated ? stated.toExponential(2) : "0 (exact)"} | ${same ? `same (${raw.driftedColumns.length} drifted)` : "DIFFER"} |`,
  );
}
