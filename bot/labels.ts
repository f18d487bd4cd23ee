/** Labels the bot recognises (GitHub compares label names case-insensitively). */

/** On issues the drift command opens (examples/workflows/modelkeeper-drift.yml). */
export const DRIFT_LABEL = "drift";
/** On issues opened from the retrain form (examples/ISSUE_TEMPLATE/retrain.yml). */
export const RETRAIN_LABEL = "modelkeeper-retrain";

export function hasLabel(labels: ReadonlyArray<{ name?: string } | string> | undefined, wanted: string): boolean {
  return (labels ?? []).some(
    (l) => (typeof l === "string" ? l : (l.name ?? "")).toLowerCase() === wanted.toLowerCase(),
  );
}
