/**
 * Where a model's retrain lives: branch `modelkeeper/retrain/<slug>` (the retrain workflow runs on
 * pull requests from these) and the request record `.modelkeeper/retrain/<slug>.json`.
 */
import { createHash } from "node:crypto";
import { isValidModelName } from "../src/config/model-name.ts";

const RETRAIN_BRANCH_PREFIX = "modelkeeper/retrain/";
const RETRAIN_RECORD_DIR = ".modelkeeper/retrain/";

/** Longest escaped slug kept whole; longer ones end in a hash so the file name stays short. */
const MAX_ESCAPED = 100;
const ESCAPED = /^%[A-Za-z0-9_%-]*$/;

/**
 * The model name made safe for a git ref and a file name, one slug per name (no two names share a
 * branch). A valid model name (src/config/model-name.ts: the only kind modelkeeper.yml accepts) is
 * its own slug. Anything else is marked with a leading "%", which no valid name contains, and
 * percent-encoded byte by byte except for letters, digits, "_" and "-", so it holds no "." at all
 * (no "..", ".lock" or trailing "."). Examples: "x." -> "%x%2E", "a/b" -> "%a%2Fb".
 */
export function modelSlug(model: string): string {
  if (isValidModelName(model)) return model;
  const escaped = `%${[...Buffer.from(model, "utf8")].map(escapeByte).join("")}`;
  if (escaped.length <= MAX_ESCAPED) return escaped;
  // Longer than any escaped slug kept whole, so it cannot equal one; distinct names differ in the hash.
  return `${escaped.slice(0, 60)}%${createHash("sha256").update(model, "utf8").digest("hex")}`;
}

function escapeByte(byte: number): string {
  const char = String.fromCharCode(byte);
  return /[A-Za-z0-9_-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
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
  return isValidModelName(slug) || ESCAPED.test(slug) ? `${RETRAIN_RECORD_DIR}${slug}.json` : undefined;
}
