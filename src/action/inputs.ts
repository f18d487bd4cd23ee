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
  /** The token inputs as the environment variables the commands read (GITHUB_TOKEN, ...). Never logged. */
  secretEnv: Record<string, string>;
}

/** How an input's text becomes what the command takes. */
type InputKind =
  | "command"
  /** A string option of the same name. */
  | "string"
  /** A boolean option of the same name: "true" or "false". */
  | "boolean"
  /** Several paths: one per line, or separated by spaces. */
  | "list"
  /** A boolean that switches a default-on behaviour off: `comment: false` is `--no-comment`. */
  | "negated"
  | "working-directory"
  /** A token, masked at once and handed to the command as an environment variable (SECRET_ENV). */
  | "secret";

/**
 * Every input of action.yml, the one place they are declared with their descriptions and
 * defaults; test/action/action-yml.test.ts fails when this list and action.yml disagree.
 */
export const ACTION_INPUTS = {
  command: "command",
  config: "string",
  model: "string",
  commit: "string",
  push: "boolean",
  remote: "string",
  fast: "boolean",
  timeout: "string",
  champion: "string",
  challenger: "string",
  "challenger-rev": "string",
  holdout: "string",
  "result-file": "string",
  comment: "negated",
  "comment-author": "string",
  from: "string",
  current: "list",
  reference: "list",
  issue: "boolean",
  dispatch: "boolean",
  force: "boolean",
  to: "string",
  pr: "boolean",
  "report-md": "string",
  "report-html": "string",
  "working-directory": "working-directory",
  "github-token": "secret",
  "check-token": "secret",
} as const satisfies Record<string, InputKind>;

/** The option a negated input sets when it is false. */
const NEGATED_OPTION: Record<string, string> = { comment: "no-comment" };

/**
 * The environment variable each token input becomes. check-token: a GitHub App installation
 * token used only to create the check run (src/github/check-run.ts), so the required check is the
 * App's and no other job's GITHUB_TOKEN can imitate it.
 */
const SECRET_ENV: Record<string, string> = { "github-token": "GITHUB_TOKEN", "check-token": "MODELKEEPER_CHECK_TOKEN" };

export function readActionSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const values: Values = {};
  const secretEnv: Record<string, string> = {};
  for (const [name, kind] of Object.entries(ACTION_INPUTS) as Array<[string, InputKind]>) {
    if (kind === "secret") {
      // Masked before anything else can print it.
      const token = core.getInput(name).trim();
      if (token) core.setSecret(token);
      if (token) secretEnv[SECRET_ENV[name]] = token;
    } else if (kind === "string") {
      const value = core.getInput(name).trim();
      if (value) values[name] = value;
    } else if (kind === "list") {
      const items = core
        .getInput(name)
        .split(/[\n ]+/)
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length) values[name] = items;
    } else if (kind === "boolean" || kind === "negated") {
      const flag = booleanInput(name);
      if (flag === undefined) continue;
      if (kind === "boolean") values[name] = flag;
      else if (!flag) values[NEGATED_OPTION[name]] = true;
    }
  }
  return {
    command: core.getInput("command", { required: true }).trim(),
    values,
    workingDirectory: core.getInput("working-directory").trim() || env.GITHUB_WORKSPACE || process.cwd(),
    secretEnv,
  };
}

function booleanInput(name: string): boolean | undefined {
  const raw = core.getInput(name).trim().toLowerCase();
  if (!raw) return undefined;
  if (raw !== "true" && raw !== "false") throw new UserError(`input "${name}": expected true or false, got "${raw}".`);
  return raw === "true";
}
