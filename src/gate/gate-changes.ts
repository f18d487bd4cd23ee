import type { ModelConfig } from "../config/types.ts";
import { changedKeys, configSection, type KeyChange } from "../provenance/config-section.ts";

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
export function gateChangeNotice(changes: KeyChange[], judgedWith: "base" | "branch"): string | undefined {
  if (!changes.length) return undefined;
  const shown = changes
    .slice(0, 6)
    .map((c) => `${c.key}: ${JSON.stringify(c.before ?? null)} → ${JSON.stringify(c.after ?? null)}`);
  const more = changes.length > shown.length ? ` and ${changes.length - shown.length} more` : "";
  return (
    `this pull request changes how the model is judged (${shown.join("; ")}${more}). ` +
    (judgedWith === "base"
      ? "It is judged here with the base branch's settings, but once merged, promote judges every later model with the new ones: review them like code."
      : `It is judged here with this branch's settings${changes.some((c) => c.key.startsWith("data.holdout")) ? " (but on the base's held-out set)" : ""}: review them like code.`)
  );
}
