import type { ModelConfig } from "../config/types.ts";
import { changedKeys, configSection, type KeyChange } from "../provenance/config-section.ts";
import type { Warning } from "./reasons.ts";

/** The parts of a model's config that decide how it is judged (the held-out set and which file is the model, too). */
const GATE_KEYS = ["task", "label", "classes", "positive", "features", "evaluate", "artifact"] as const;

/**
 * What a change of config does to the gate: the judging keys that differ between the base's model
 * and the branch's (a loosened min_improvement or guardrail takes effect for every later promote).
 * Pure.
 */
export function gateChanges(base: ModelConfig, branch: ModelConfig): KeyChange[] {
  const pick = (model: ModelConfig) => {
    const section = configSection(model);
    return {
      ...Object.fromEntries(GATE_KEYS.map((key) => [key, section[key]])),
      data: { holdout: (section.data as { holdout?: unknown } | undefined)?.holdout },
    };
  };
  return changedKeys(pick(base), pick(branch));
}

/** The notice at the top of the report, or undefined when nothing that judges changed. */
export function gateChangeNotice(changes: KeyChange[], judgedWith: "base" | "branch"): Warning | undefined {
  return changes.length ? { code: "gate-settings-changed", changes, judgedWith } : undefined;
}
