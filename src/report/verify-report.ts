import type { PathChange } from "../provenance/compare.ts";
import { escapeMarkdown, markdownCode } from "./escape.ts";

export interface VerifyReport {
  commit: string;
  ok: boolean;
  fast: boolean;
  models: Array<{
    model: string;
    recordedAt: string;
    recordCommit: string;
    relation?: string;
    dirty?: string[];
    ok: boolean;
    checked: number;
    changes: PathChange[];
  }>;
}

const value = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v).slice(0, 80));

function keyLines(change: PathChange): string[] {
  return (change.keys ?? []).map((k) => `      ${k.key}: ${value(k.before)} -> ${value(k.after)}`);
}

const short = (hash: string | undefined) => (hash ? hash.slice(0, 12) : "-");

export function renderVerifyText(report: VerifyReport): string {
  const out: string[] = [];
  for (const m of report.models) {
    if (m.ok) {
      out.push(
        `${m.model}: OK, ${m.checked} files match the record of ${m.recordedAt} on ${m.recordCommit.slice(0, 12)}`,
      );
      continue;
    }
    out.push(
      `${m.model}: ${m.changes.length} difference(s) from the record of ${m.recordedAt} on ${m.recordCommit.slice(0, 12)}:`,
    );
    for (const c of m.changes) {
      out.push(
        `  ${c.kind.padEnd(7)} ${c.role.padEnd(9)} ${c.path}  expected ${short(c.expected)}  actual ${short(c.actual)}`,
        ...keyLines(c),
      );
    }
  }
  for (const m of report.models) {
    if (m.dirty?.length)
      out.push(
        `${m.model}: the record was made with --allow-dirty: ${m.dirty.length} file(s) were not as committed (${m.dirty.slice(0, 5).join(", ")}${m.dirty.length > 5 ? ", …" : ""})`,
      );
  }
  if (report.fast)
    out.push("(--fast: files unchanged in size and mtime since they were last hashed were not read again)");
  return out.join("\n");
}

export function renderVerifyMarkdown(report: VerifyReport): string {
  const out = [`### modelkeeper verify: ${report.ok ? "✅ inputs match" : "❌ inputs differ"}`, ""];
  for (const m of report.models) {
    out.push(
      `**${escapeMarkdown(m.model)}**: ${m.ok ? `${m.checked} files match the record` : `${m.changes.length} difference(s)`}`,
      "",
    );
    if (!m.ok) {
      out.push("| path | role | change | expected | actual |", "| --- | --- | --- | --- | --- |");
      for (const c of m.changes) {
        const keys = (c.keys ?? []).map((k) => markdownCode(k.key)).join(", ");
        out.push(
          `| ${markdownCode(c.path)}${keys ? ` (keys ${keys})` : ""} | ${c.role} | ${c.kind} | ${markdownCode(short(c.expected))} | ${markdownCode(short(c.actual))} |`,
        );
      }
      out.push("");
    }
  }
  return out.join("\n");
}
