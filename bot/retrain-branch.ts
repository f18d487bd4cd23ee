/**
 * Where a model's retrain lives: branch `modelkeeper/retrain/<model>` (the retrain workflow runs on
 * pull requests from these) and the request record `.modelkeeper/retrain/<model>.json`.
 */

export const RETRAIN_BRANCH_PREFIX = "modelkeeper/retrain/";
export const RETRAIN_RECORD_DIR = ".modelkeeper/retrain/";

/**
 * The model name made safe for a git ref and a file name. The bot only calls it with a name it
 * found in modelkeeper.yml, whose schema allows [A-Za-z0-9._-]; git still refuses "..", a leading
 * or trailing "." and a ".lock" ending, so those are rewritten too. Example: "fraud..v2." -> "fraud.v2".
 */
export function modelSlug(model: string): string {
  const slug = model
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.-]+/, "")
    .replace(/\.lock$/i, "-lock")
    .replace(/\.+$/, "")
    .slice(0, 64);
  return slug || "model";
}

export function retrainBranch(model: string): string {
  return `${RETRAIN_BRANCH_PREFIX}${modelSlug(model)}`;
}

export function retrainRecordPath(model: string): string {
  return `${RETRAIN_RECORD_DIR}${modelSlug(model)}.json`;
}

/** The record path for a retrain branch, or undefined if the branch is not one. */
export function recordPathOfBranch(branch: string): string | undefined {
  if (!branch.startsWith(RETRAIN_BRANCH_PREFIX)) return undefined;
  const slug = branch.slice(RETRAIN_BRANCH_PREFIX.length);
  return slug && modelSlug(slug) === slug ? `${RETRAIN_RECORD_DIR}${slug}.json` : undefined;
}
