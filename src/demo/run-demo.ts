import { mkdtemp, mkdir, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createExampleRepo } from "./example-repo.ts";
import { exampleFiles } from "./example-files.ts";
import { runCli } from "../cli/run-cli.ts";
import { UserError } from "../errors.ts";

export interface DemoResult {
  dir: string;
  repo: string;
  steps: Array<{ step: string; exitCode: number }>;
  summary: string;
}

/**
 * The whole loop on a built-in example, offline. Each step runs a real command, exactly as a
 * user would type it, against a real git repository with a bare origin.
 */
export async function runDemo(options: { dir?: string; log: (line: string) => void; env: NodeJS.ProcessEnv }): Promise<DemoResult> {
  const dir = options.dir ? resolve(options.dir) : await mkdtemp(join(tmpdir(), "modelkeeper-demo-"));
  await mkdir(dir, { recursive: true });
  const steps: DemoResult["steps"] = [];
  let stepNumber = 0;
  const step = async (title: string, argv: string[], cwd: string, expect: number) => {
    stepNumber++;
    options.log(`[${stepNumber}] ${title}: modelkeeper ${argv.join(" ")}`);
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, options.env, cwd);
    steps.push({ step: title, exitCode: code });
    options.log(indent(stdout.trimEnd()));
    if (code !== expect) throw new UserError(`demo step "${title}" exited ${code}, expected ${expect}:\n${stderr}${stdout}`);
  };

  options.log(`[0] creating the example repository in ${dir}`);
  const { repo } = await createExampleRepo(dir, exampleFiles());
  const { runShellCommand } = await import("../provenance/run-command.ts");
  const train = await runShellCommand("node train.mjs", { cwd: repo, env: options.env, timeoutMs: 120_000 });
  if (train.code !== 0) throw new UserError(`demo: the example's train command failed:\n${train.tail}`);

  await step("record the model's inputs and artifact in a git note, and push it", ["record", "--push"], repo, 0);
  await step("verify the working tree against the record", ["verify"], repo, 0);
  await step("reproduce the model from its recorded inputs in a clean worktree", ["reproduce"], repo, 0);
  await appendFile(join(repo, "data", "train.csv"), "999.99,23,GB,0\n");
  await step("change the training data and verify again: the change is caught", ["verify"], repo, 1);

  const summary = [
    `Demo finished: ${steps.length} steps as expected.`,
    `The example repository is ${repo}`,
    `  notes:  git -C ${repo} notes --ref=modelkeeper show HEAD`,
    `  remote: git -C ${repo} ls-remote origin 'refs/notes/*'`,
  ].join("\n");
  return { dir, repo, steps, summary };
}
function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}
