import { createHash } from "node:crypto";
import type { ModelConfig } from "../config/types.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { PathChange } from "./compare.ts";
import type { RecordedInputs } from "./record-inputs.ts";

/**
 * A model's own part of modelkeeper.yml, with every default filled in: what its record hashes
 * instead of the whole file, so adding or editing another model leaves this model's record valid.
 * Pure.
 */
export function configSection(model: ModelConfig): Record<string, unknown> {
  return JSON.parse(canonicalJson(model));
}

export function sectionSha256(section: unknown): string {
  return createHash("sha256").update(canonicalJson(section)).digest("hex");
}

export interface KeyChange {
  /** Dotted key path inside the model's section, e.g. `evaluate.metric`. */
  key: string;
  before?: unknown;
  after?: unknown;
}

/** The leaf keys whose values differ between two sections (added, removed or changed), sorted. */
export function changedKeys(before: unknown, after: unknown, prefix = ""): KeyChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    Boolean(v) && typeof v === "object" && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedKeys(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  return [
    {
      key: prefix || "(section)",
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  ];
}

/** The model's config section as a change against the record, when it differs (with the keys that changed). */
export function sectionChange(model: ModelConfig, recorded: RecordedInputs): PathChange[] {
  if (!recorded.section) return [];
  const now = configSection(model);
  const actual = sectionSha256(now);
  if (actual === recorded.section.sha256) return [];
  return [
    {
      path: `${recorded.section.file}#models.${model.name}`,
      role: "section",
      kind: "changed",
      expected: recorded.section.sha256,
      actual,
      keys: changedKeys(recorded.section.value, now),
    },
  ];
}
