import * as core from "@actions/core";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { readActionSettings } from "./inputs.ts";
import { findCommand, COMMANDS } from "../commands/index.ts";
import { isUserError, UserError } from "../errors.ts";
import { escapeWorkflowCommands } from "../report/escape.ts";
import { runtimeChoice } from "../model/ort.ts";
import { annotationFor } from "./annotation.ts";

/** The Action: inputs -> the same command the CLI runs -> outputs, job summary, exit status. */
export async function runAction(): Promise<void> {
  let workingDirectory = process.cwd();
  try {
    const settings = readActionSettings();
    workingDirectory = settings.workingDirectory;
    const command = findCommand(settings.command);
    if (!command) {
      throw new UserError(
        `input "command": unknown command "${settings.command}". Use one of: ${COMMANDS.map((c) => c.name).join(", ")}.`,
      );
    }
    const env = { ...process.env, ...settings.secretEnv };
    // An ONNX runtime that cannot run here (MODELKEEPER_ORT) is reported before any work starts.
    runtimeChoice(env);
    // The command's progress in one collapsible group; its result, outputs and errors after it.
    const result = await core.group(`modelkeeper ${command.name}`, () =>
      command.run(
        {
          cwd: settings.workingDirectory,
          env,
          log: (line) => core.info(escapeWorkflowCommands(line)),
          warn: (line) => core.warning(line),
        },
        settings.values,
      ),
    );
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    core.setOutput("json", JSON.stringify(result.data));
    core.setOutput("exit-code", String(result.exitCode));
    // User text (model, feature, file names) is in these lines: none may become a workflow command.
    core.info(escapeWorkflowCommands(result.text));
    const md = settings.values["report-md"];
    const html = settings.values["report-html"];
    if (typeof md === "string" && result.markdown)
      await writeFile(resolve(settings.workingDirectory, md), result.markdown);
    if (typeof html === "string" && result.html) await writeFile(resolve(settings.workingDirectory, html), result.html);
    if (result.markdown && process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.markdown).write();
    if (result.exitCode !== 0) core.setFailed(`modelkeeper ${command.name}: ${firstLine(result.text)}`);
  } catch (error) {
    core.setOutput("exit-code", "2");
    if (!isUserError(error))
      return core.setFailed(`unexpected error (a bug; please report it): ${(error as Error)?.stack ?? error}`);
    // On the file and line it names (a config key, a data row), when that file is in the checkout.
    const where = annotationFor(error.where, process.env.GITHUB_WORKSPACE ?? workingDirectory, workingDirectory);
    if (!where) return core.setFailed(error.message);
    core.error(error.message, where);
    process.exitCode = core.ExitCode.Failure;
  }
}

function firstLine(text: string): string {
  return text.split("\n").find((l) => l.trim()) ?? "failed";
}
