import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  COMMANDS,
  COMMON_OPTIONS,
  VERSION,
  findCommand,
  runtimeChoice
} from "./chunk-HBP2E65U.js";
import "./chunk-V4KZY5W7.js";
import {
  escapeWorkflowCommands
} from "./chunk-JWWP2G4R.js";
import "./chunk-FGOFSWAX.js";
import "./chunk-WBPJ563D.js";
import "./chunk-YXYFBNYD.js";
import "./chunk-3DG2FFFF.js";
import "./chunk-B2QWUM32.js";
import "./chunk-ET2GZXVJ.js";
import "./chunk-7XIFXTXH.js";
import "./chunk-7NQOJBQY.js";
import {
  isUserError
} from "./chunk-G5TKV47H.js";
import "./chunk-CVDLFXB7.js";
import "./chunk-4YKUQJNZ.js";
import "./chunk-O7XNMCZ6.js";

// src/cli/run-cli.ts
import { parseArgs } from "node:util";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
async function runCli(argv, rawIo, env, cwd, services = {}) {
  const io = env.GITHUB_ACTIONS === "true" ? {
    stdout: (t) => rawIo.stdout(escapeWorkflowCommands(t)),
    stderr: (t) => rawIo.stderr(escapeWorkflowCommands(t))
  } : rawIo;
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(mainHelp());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(
      `modelkeeper: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See modelkeeper --help.
`
    );
    return 2;
  }
  const specs = {
    ...COMMON_OPTIONS,
    ...command.options,
    help: { type: "boolean", description: "show this help" }
  };
  const subcommand = command.subcommands && rest[0] && !rest[0].startsWith("-") ? rest.shift() : void 0;
  if (command.subcommands && !rest.includes("--help") && (!subcommand || !command.subcommands.includes(subcommand))) {
    io.stderr(
      `modelkeeper ${name}: ${subcommand ? `unknown subcommand "${subcommand.replace(/[^\w.-]/g, "?")}"` : "a subcommand is needed"}: ${command.subcommands.join(", ")}. See modelkeeper ${name} --help.
`
    );
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(specs).map(([k, s]) => [k, { type: s.type, multiple: Boolean(s.multiple) }])
      ),
      allowPositionals: false,
      strict: true
    }));
  } catch (error) {
    io.stderr(`modelkeeper ${name}: ${error.message}. See modelkeeper ${name} --help.
`);
    return 2;
  }
  if (subcommand) values.subcommand = subcommand;
  if (values.help) {
    io.stdout(commandHelp(command, specs));
    return 0;
  }
  const context = {
    cwd,
    env,
    log: (line) => io.stderr(`${line}
`),
    warn: (line) => io.stderr(`warning: ${line}
`),
    runCli: (args, innerIo, innerEnv, innerCwd) => runCli(args, innerIo, innerEnv, innerCwd, services),
    runDemo: services.runDemo
  };
  try {
    runtimeChoice(env);
    const result = await command.run(context, values);
    if (typeof values["report-md"] === "string" && result.markdown)
      await writeFile(resolve(cwd, values["report-md"]), result.markdown);
    if (typeof values["report-html"] === "string" && result.html)
      await writeFile(resolve(cwd, values["report-html"]), result.html);
    io.stdout(values.json ? JSON.stringify(result.data, null, 2) + "\n" : result.text + "\n");
    return result.exitCode;
  } catch (error) {
    const message = isUserError(error) ? error.message : `unexpected error (a bug; please report it): ${error?.stack ?? error}`;
    if (values.json) io.stdout(JSON.stringify({ error: message }, null, 2) + "\n");
    io.stderr(`modelkeeper ${name}: ${message}
`);
    return 2;
  }
}
function mainHelp() {
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
    ``
  ].join("\n");
}
function commandHelp(command, specs) {
  return [
    `Usage: modelkeeper ${command.usage}`,
    ``,
    `${command.summary}.`,
    ``,
    `Options:`,
    ...optionLines(specs),
    ``
  ].join("\n");
}
function optionLines(specs) {
  const rows = Object.entries(specs).map(([name, spec]) => [
    `--${name}${spec.value ? ` ${spec.value}` : ""}`,
    spec.description
  ]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

// bin/cli.ts
var status = await runCli(
  process.argv.slice(2),
  { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  process.env,
  process.cwd(),
  {
    // Loaded on demand: the demo brings Probot and the loopback GitHub, which no other command needs.
    runDemo: async (options) => (await import("./chunk-LEIHJ6EH.js")).runDemo(options)
  }
);
process.exitCode = status;
