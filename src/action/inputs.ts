import * as core from "@actions/core";
import type { Values } from "../commands/command.ts";
import { UserError } from "../errors.ts";

/**
 * The one place that reads Action inputs (as actions/checkout's input-helper does). Each input
 * of action.yml maps to the CLI option of the same name, so a workflow step and a command line
 * mean the same thing.
 */
export interface ActionSettings {
  /** The command to run, e.g. record. */
  command: string;
  /** Option values for the command, keyed like the CLI's long options. */
  values: Values;
  /** Folder to run in (default: the workspace). */
  workingDirectory: string;
  /** Token for GitHub API calls (comments, checks, issues). Never logged. */
  token: string;
}

/** Inputs passed through as string options. */
const STRING_INPUTS = [
  "config", "model", "commit", "remote", "timeout", "report-md", "report-html",
  "champion", "challenger", "challenger-rev", "result-file", "comment-author", "from", "to",
] as const;
/** Inputs passed through as boolean options. */
const BOOLEAN_INPUTS = ["push", "fast", "force", "pr", "issue", "dispatch"] as const;
/** Inputs that take several paths: one per line, or separated by spaces. */
const LIST_INPUTS = ["current", "reference"] as const;
/** Boolean inputs that switch a default-on behaviour off: input `comment: false` is `--no-comment`. */
const NEGATED_INPUTS = { comment: "no-comment" } as const;

export function readActionSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const command = core.getInput("command", { required: true }).trim();
  const values: Values = {};
  for (const name of STRING_INPUTS) {
    const value = core.getInput(name).trim();
    if (value) values[name] = value;
  }
  for (const name of BOOLEAN_INPUTS) {
    const raw = core.getInput(name).trim().toLowerCase();
    if (!raw) continue;
    if (raw !== "true" && raw !== "false") throw new UserError(`input "${name}": expected true or false, got "${raw}".`);
    values[name] = raw === "true";
  }
  for (const name of LIST_INPUTS) {
    const items = core.getInput(name).split(/[\n ]+/).map((item) => item.trim()).filter(Boolean);
    if (items.length) values[name] = items;
  }
  for (const [name, option] of Object.entries(NEGATED_INPUTS)) {
    const raw = core.getInput(name).trim().toLowerCase();
    if (!raw) continue;
    if (raw !== "true" && raw !== "false") throw new UserError(`input "${name}": expected true or false, got "${raw}".`);
    if (raw === "false") values[option] = true;
  }
  const token = core.getInput("github-token");
  if (token) core.setSecret(token);
  return {
    command,
    values,
    workingDirectory: core.getInput("working-directory").trim() || env.GITHUB_WORKSPACE || process.cwd(),
    token,
  };
}
