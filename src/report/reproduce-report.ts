import { escapeMarkdown, markdownCode } from "./escape.ts";

export interface ReproduceModelResult {
  model: string;
  train: string;
  reproduced: boolean;
  /** True when the rebuilt artifact is byte-identical to the recorded one. */
  identical?: boolean;
  /** The sha256 the rebuild must match: the artifact committed at the commit (the record's when git does not hold it). */
  expected: string;
  /** The sha256 the record names, when it differs from the committed artifact's (the note was not followed). */
  noteArtifact?: string;
  actual?: string;
  reason?: string;
  output?: string;
  durationMs?: number;
  tolerance?: number;
  metrics?: Array<{ metric: string; recorded: number; rebuilt: number }>;
  /** Where `train` came from: always the config committed at the reproduced commit. */
  trainFrom?: string;
  /** The train command the note line names, when it differs from the commit's (it was not run). */
  noteTrain?: string;
  noteTrainDiffers?: boolean;
  /** The commit whose note held the record, and how it relates to the reproduced commit. */
  recordCommit?: string;
  recordRelation?: "own" | "ancestor" | "same-files";
}

export interface ReproduceReport {
  commit: string;
  reproduced: boolean;
  models: ReproduceModelResult[];
}

export function renderReproduceText(report: ReproduceReport): string {
  const out: string[] = [];
  for (const m of report.models) {
    const verdict = m.reproduced
      ? m.identical
        ? "REPRODUCED (byte-identical artifact)"
        : "REPRODUCED (metrics within tolerance)"
      : "NOT REPRODUCED";
    out.push(`${m.model}: ${verdict}`);
    out.push(`  ran \`${m.train}\`${m.trainFrom ? ` from ${m.trainFrom}` : ""}`);
    if (m.noteTrainDiffers)
      out.push(`  the note's recorded train command differs and was not run: ${JSON.stringify(m.noteTrain)}`);
    out.push(`  expected sha256 ${m.expected}`);
    if (m.actual) out.push(`  rebuilt  sha256 ${m.actual}`);
    if (m.reason) out.push(`  ${m.reason}`);
    for (const metric of m.metrics ?? []) {
      out.push(
        `  ${metric.metric}: recorded ${metric.recorded.toFixed(6)}, rebuilt ${metric.rebuilt.toFixed(6)}, |Δ| ${Math.abs(metric.rebuilt - metric.recorded).toExponential(2)} (tolerance ${m.tolerance})`,
      );
    }
    if (m.output) out.push("  last output of the train command:", ...m.output.split("\n").map((l) => `    ${l}`));
  }
  return out.join("\n");
}

export function renderReproduceMarkdown(report: ReproduceReport): string {
  const out = [`### modelkeeper reproduce: ${report.reproduced ? "✅ reproduced" : "❌ not reproduced"}`, ""];
  out.push("| model | result | expected | rebuilt | note |", "| --- | --- | --- | --- | --- |");
  for (const m of report.models) {
    out.push(
      `| ${escapeMarkdown(m.model)} | ${m.reproduced ? (m.identical ? "identical" : "within tolerance") : "not reproduced"} | ${markdownCode(m.expected.slice(0, 12))} | ${m.actual ? markdownCode(m.actual.slice(0, 12)) : "-"} | ${escapeMarkdown([m.reason ?? "", m.noteTrainDiffers ? "the note's recorded train command differs from the commit's and was not run" : ""].filter(Boolean).join("; "))} |`,
    );
  }
  return out.join("\n") + "\n";
}
