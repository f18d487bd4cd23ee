import type { Command, CommandResult } from "./command.ts";
import { runDemo } from "../demo/run-demo.ts";

export const demoCommand: Command = {
  name: "demo",
  summary: "run the loop on a built-in example repository, offline",
  usage: "demo [--dir DIR]",
  options: {
    dir: { type: "string", value: "DIR", description: "where to create the example repository (default: a new temporary folder)" },
  },
  async run(context, values): Promise<CommandResult> {
    const result = await runDemo({ dir: values.dir as string | undefined, log: context.log, env: context.env });
    return { exitCode: 0, data: { ...result }, text: result.summary, outputs: { dir: result.dir } };
  },
};
