import type { RecordLine } from "../provenance/note-line.ts";
import { escapeMarkdown, markdownCode } from "./escape.ts";

export interface RecordReport {
  commit: string;
  notesRef: string;
  pushed: boolean;
  models: Array<{ line: RecordLine; hashed: number; reused: number }>;
}

function fileCount(line: RecordLine): number {
  if (line.manifest) return 1 + line.manifest.files;
  return 1 + Object.values(line.inputs ?? {}).reduce((n, files) => n + Object.keys(files).length, 0);
}

export function renderRecordText(report: RecordReport): string {
  const lines = report.models.map(
    ({ line, hashed, reused }) =>
      `  ${line.model}: ${fileCount(line)} files (${hashed} hashed, ${reused} unchanged since last time), artifact ${line.artifact.path} sha256 ${line.artifact.sha256.slice(0, 12)}${line.manifest ? `, manifest ${line.manifest.oid.slice(0, 12)}` : ""}${line.dirty?.length ? `, DIRTY: ${line.dirty.length} file(s) not as committed` : ""}`,
  );
  return [
    `Recorded ${report.models.length} model(s) on ${report.commit.slice(0, 12)} in ${report.notesRef}${report.pushed ? " (pushed)" : ""}:`,
    ...lines,
  ].join("\n");
}

export function renderRecordMarkdown(report: RecordReport): string {
  const rows = report.models.map(
    ({ line }) =>
      `| ${escapeMarkdown(line.model)} | ${markdownCode(line.artifact.path)} | ${markdownCode(line.artifact.sha256.slice(0, 16))} | ${fileCount(line)} |`,
  );
  return [
    `### modelkeeper record`,
    ``,
    `Recorded on ${markdownCode(report.commit.slice(0, 12))} in ${markdownCode(report.notesRef)}${report.pushed ? " and pushed" : ""}.`,
    ``,
    `| model | artifact | sha256 | files |`,
    `| --- | --- | --- | --- |`,
    ...rows,
    ``,
  ].join("\n");
}
