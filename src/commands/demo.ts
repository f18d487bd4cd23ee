import { defineCommand, type CommandResult } from "./command.ts";

export const demoCommand = defineCommand({
  name: "demo",
  summary: "run the loop on a built-in example repository, offline",
  usage: "demo [--dir DIR]",
  options: {
    dir: { type: "string", value: "DIR", description: "where to create the example repository (default: a new temporary folder)" },
  },
  async run(context, values): Promise<CommandResult> {
    if (!context.runCli) throw new Error("demo runs from the CLI (it drives the other commands through it)");
    // Loaded on demand: the demo brings Probot and the loopback GitHub, which no other command needs.
    const { runDemo } = await import("../demo/run-demo.ts");
    const result = await runDemo({ dir: values.dir, log: context.log, env: context.env, runCli: context.runCli });
    return { exitCode: 0, data: { ...result }, text: result.summary, outputs: { dir: result.dir } };
  },
});
