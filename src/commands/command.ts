/** What every command is: a name, its options, and one run function from options to a result. */
import type { ActionOutput } from "./outputs.ts";

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  description: string;
  /** Shown in --help as the value's name, e.g. REV. */
  value?: string;
}

export interface CommandContext {
  /** The folder the command runs in (inside the repository). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Progress for people, on stderr (never stdout, which --json keeps for one document). */
  log(line: string): void;
  /** A warning for people; the Action turns these into workflow annotations. */
  warn(line: string): void;
  /** The caller's abort signal (Ctrl-C, a cancelled job), so commands can clean up. */
  signal?: AbortSignal;
  /** The CLI itself, for a command that drives other commands as a user would type them (demo). */
  runCli?: CliRunner;
  /** The demo (demo/, a composition root outside src/), given by the CLI's entry (bin/cli.ts). */
  runDemo?: DemoRunner;
}

/** What the CLI's entry gives the commands, beyond the command line (see bin/cli.ts). */
export interface CliServices {
  runDemo?: DemoRunner;
}

export interface DemoOptions {
  dir?: string;
  log(line: string): void;
  env: NodeJS.ProcessEnv;
  runCli: CliRunner;
}

export interface DemoResult {
  dir: string;
  repo: string;
  steps: Array<{ step: string; exitCode: number }>;
  summary: string;
}

type DemoRunner = (options: DemoOptions) => Promise<DemoResult>;

/** Runs one CLI command line in-process; the exit status. (Given, not imported: no cycle through the command list.) */
export type CliRunner = (
  argv: string[],
  io: { stdout(text: string): void; stderr(text: string): void },
  env: NodeJS.ProcessEnv,
  cwd: string,
) => Promise<number>;

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandResult {
  /** 0 success, 1 a negative finding (mismatch, drift, reject), 2 error. */
  exitCode: 0 | 1 | 2;
  /** The --json document. */
  data: Record<string, unknown>;
  /** The human-readable report printed by the CLI. */
  text: string;
  /** Markdown for the job summary and --report-md. */
  markdown?: string;
  /** Self-contained HTML for --report-html. */
  html?: string;
  /** Action outputs (string values), each declared in action.yml. */
  outputs: Partial<Record<ActionOutput, string>>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Words the command takes first (`rollout status`); the one given reaches run as values.subcommand. */
  subcommands?: string[];
  run(context: CommandContext, values: Values): Promise<CommandResult>;
}

/** The value parseArgs gives an option of this spec. */
type OptionValue<S extends OptionSpec> = S["type"] extends "boolean"
  ? boolean | undefined
  : S["multiple"] extends true
    ? string[] | undefined
    : string | undefined;

/** A command's parsed options, typed from its option specs (and the common ones). */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  readonly [K in keyof O | keyof typeof COMMON_OPTIONS]?: K extends keyof O
    ? OptionValue<O[K]>
    : OptionValue<(typeof COMMON_OPTIONS)[K & keyof typeof COMMON_OPTIONS]>;
} & { readonly subcommand?: string };

/**
 * A command whose run function receives its options typed from their specs, so no value needs a
 * cast downstream. The one cast is here: run-cli parses argv with exactly these specs (and
 * COMMON_OPTIONS), so the values have these types.
 */
export function defineCommand<const O extends Record<string, OptionSpec>>(
  command: Omit<Command, "options" | "run"> & {
    options: O;
    run(context: CommandContext, values: OptionValues<O>): Promise<CommandResult>;
  },
): Command {
  return command as unknown as Command;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  config: {
    type: "string",
    value: "PATH",
    description: "config file (default: modelkeeper.yml at the repository root)",
  },
  model: { type: "string", value: "NAME", description: "act on this model only (default: every model in the config)" },
  json: { type: "boolean", description: "print one JSON document on stdout and nothing else there" },
  "report-md": { type: "string", value: "FILE", description: "also write the report as Markdown" },
  "report-html": {
    type: "string",
    value: "FILE",
    description: "also write the report as self-contained HTML, where the command has one",
  },
} as const satisfies Record<string, OptionSpec>;
