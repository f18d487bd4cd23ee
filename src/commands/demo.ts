import { defineCommand, type CommandResult } from "./command.ts";
import { UserError } from "../errors.ts";

export const demoCommand = defineCommand({
  name: "demo",
  summary: "run the loop on a built-in example repository, offline",
  usage: "demo [--dir DIR]",
  options: {
    dir: {
      type: "string",
      value: "DIR",
      description: "where to create the example repository (default: a new temporary folder)",
    },
  },
  async run(context, values): Promise<CommandResult> {
    // The demo lives outside src/ (demo/: it wires in the bot and a loopback GitHub); the CLI's entry gives it.
    if (!context.runCli || !context.runDemo)
      throw new UserError("demo runs from the modelkeeper CLI: npx modelkeeper demo");
    const result = await context.runDemo({
      dir: values.dir,
      log: context.log,
      env: context.env,
      runCli: context.runCli,
    });
    return { exitCode: 0, data: { ...result }, text: result.summary, outputs: { dir: result.dir } };
  },
});
