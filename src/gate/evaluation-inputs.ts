/**
 * Fingerprints of what a verdict was computed from, written into evaluate and promote lines so a
 * line says which config and held-out set it judged on (and promote can tell a line computed with
 * another config or set from its own). Pure.
 */
import { createHash } from "node:crypto";
import type { ModelConfig } from "../config/types.ts";

/** sha256 of the model's resolved config section (defaults filled), keys sorted: edits to another model do not change it. */
export function configSectionSha256(model: ModelConfig): string {
  return sha256(canonicalJson(model));
}

/** sha256 over the held-out files (sorted path, NUL, content sha256, newline), the set's identity. */
export function holdoutSetSha256(files: Record<string, string>): string {
  return sha256(
    Object.keys(files)
      .sort()
      .map((path) => `${path}\0${files[path]}\n`)
      .join(""),
  );
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
