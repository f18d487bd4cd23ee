import { parseArgs } from "node:util";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { COMMANDS, findCommand } from "../commands/index.ts";
import {
  COMMON_OPTIONS,
  type CliServices,
  type Command,
  type CommandContext,
  type OptionSpec,
} from "../commands/command.ts";
import { isUserError } from "../errors.ts";
import { VERSION } from "../version.ts";
import { escapeWorkflowCommands } from "../report/escape.ts";
import { runtimeChoice } from "../model/ort.ts";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Parses argv, runs one command, prints its report; returns the exit status. */
export async function runCli(
  argv: string[],
  rawIo: CliIO,
  env: NodeJS.ProcessEnv,
  cwd: string,
  services: CliServices = {},
): Promise<number> {
  // In a workflow the runner reads both streams for "::" commands: user text must never make one.
  const io: CliIO =
    env.GITHUB_ACTIONS === "true"
      ? {
          stdout: (t) => rawIo.stdout(escapeWorkflowCommands(t)),
          stderr: (t) => rawIo.stderr(escapeWorkflowCommands(t)),
        }
      : rawIo;
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(mainHelp());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(
      `modelkeeper: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See modelkeeper --help.\n`,
    );
    return 2;
  }
  const specs: Record<string, OptionSpec> = {
    ...COMMON_OPTIONS,
    ...command.options,
    help: { type: "boolean", description: "show this help" },
  };
  const subcommand = command.subcommands && rest[0] && !rest[0].startsWith("-") ? rest.shift() : undefined;
  if (command.subcommands && !rest.includes("--help") && (!subcommand || !command.subcommands.includes(subcommand))) {
    io.stderr(
      `modelkeeper ${name}: ${subcommand ? `unknown subcommand "${subcommand.replace(/[^\w.-]/g, "?")}"` : "a subcommand is needed"}: ${command.subcommands.join(", ")}. See modelkeeper ${name} --help.\n`,
    );
    return 2;
  }
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(specs).map(([k, s]) => [k, { type: s.type, multiple: Boolean(s.multiple) }]),
      ),
      allowPositionals: false,
      strict: true,
    }) as { values: typeof values });
  } catch (error) {
    io.stderr(`modelkeeper ${name}: ${(error as Error).message}. See modelkeeper ${name} --help.\n`);
    return 2;
  }
  if (subcommand) values.subcommand = subcommand;
  if (values.help) {
    io.stdout(commandHelp(command, specs));
    return 0;
  }
  const context: CommandContext = {
    cwd,
    env,
    log: (line) => io.stderr(`${line}\n`),
    warn: (line) => io.stderr(`warning: ${line}\n`),
    runCli: (args, innerIo, innerEnv, innerCwd) => runCli(args, innerIo, innerEnv, innerCwd, services),
    runDemo: services.runDemo,
  };
  try {
    // An ONNX runtime that cannot run here (MODELKEEPER_ORT) is reported before any work starts.
    runtimeChoice(env);
    const result = await command.run(context, values);
    if (typeof values["report-md"] === "string" && result.markdown)
      await writeFile(resolve(cwd, values["report-md"]), result.markdown);
    if (typeof values["report-html"] === "string" && result.html)
      await writeFile(resolve(cwd, values["report-html"]), result.html);
    io.stdout(values.json ? JSON.stringify(result.data, null, 2) + "\n" : result.text + "\n");
    return result.exitCode;
  } catch (error) {
    const message = isUserError(error)
      ? error.message
      : `unexpected error (a bug; please report it): ${(error as Error)?.stack ?? error}`;
    if (values.json) io.stdout(JSON.stringify({ error: message }, null, 2) + "\n");
    io.stderr(`modelkeeper ${name}: ${message}\n`);
    return 2;
  }
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `modelkeeper ${VERSION}: reproducible models, fair promotion gates, drift monitoring and retraining, on git and GitHub`,
    ``,
    `Usage: modelkeeper <command> [options]`,
    ``,
    `Commands:`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ``,
    `Options every command takes:`,
    ...optionLines(COMMON_OPTIONS),
    ``,
    `Exit status: 0 success, 1 a negative finding (mismatch, drift, reject), 2 error.`,
    `modelkeeper <command> --help shows a command's own options.`,
    ``,
  ].join("\n");
}

function commandHelp(command: Command, specs: Record<string, OptionSpec>): string {
  return [
    `Usage: modelkeeper ${command.usage}`,
    ``,
    `${command.summary}.`,
    ``,
    `Options:`,
    ...optionLines(specs),
    ``,
  ].join("\n");
}

function optionLines(specs: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(specs).map(([name, spec]) => [
    `--${name}${spec.value ? ` ${spec.value}` : ""}`,
    spec.description,
  ]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
