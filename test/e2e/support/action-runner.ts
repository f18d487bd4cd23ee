// Runs the bundled Action (action.yml + dist/index.js) the way a GitHub runner does: a copy of the
// action without node_modules, every declared input as an INPUT_* variable (defaults from
// action.yml, then the step's `with:`), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the
// process's exit status as the step's outcome. Adapted from test/action/bundled-action.test.ts.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** A copy of the Action as a runner downloads it: action.yml and dist/, and no node_modules. */
export async function copyOfAction(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mk-e2e-action-"));
  await cp(join(projectRoot, "action.yml"), join(dir, "action.yml"));
  await cp(join(projectRoot, "dist"), join(dir, "dist"), { recursive: true });
  assert.equal(await stat(join(dir, "node_modules")).catch(() => undefined), undefined);
  return dir;
}

export interface ActionStepResult {
  /** The process exit status: 0 success, 1 the step failed (core.setFailed). */
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * INPUT_* variables as the runner sets them: every input declared with a default gets it (the
 * `${{ github.token }}` default becomes the job's token), then the step's `with:` values.
 */
async function actionInputs(
  actionDir: string,
  withInputs: Record<string, string>,
  token: string,
): Promise<Record<string, string>> {
  const declared = parse(await readFile(join(actionDir, "action.yml"), "utf8")).inputs as Record<
    string,
    { default?: string }
  >;
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(declared)) {
    if (input.default === undefined) continue;
    values[name] = input.default === "${{ github.token }}" ? token : String(input.default);
  }
  for (const [name, value] of Object.entries(withInputs)) {
    assert.ok(
      name in declared,
      `input "${name}" is not declared in action.yml (the runner would warn "Unexpected input")`,
    );
    values[name] = value;
  }
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [`INPUT_${name.replace(/ /g, "_").toUpperCase()}`, value]),
  );
}

/** Runs dist/index.js in `workspace` with the job's environment plus the step's inputs. */
export async function runActionStep(
  actionDir: string,
  workspace: string,
  jobEnv: NodeJS.ProcessEnv,
  withInputs: Record<string, string>,
  token: string,
): Promise<ActionStepResult> {
  const files = await mkdtemp(join(tmpdir(), "mk-e2e-step-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "summary");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env = {
    ...jobEnv,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...(await actionInputs(actionDir, withInputs, token)),
  };
  // Asynchronous on purpose: the GitHub stand-in answers from this very process.
  const { status, stdout, stderr } = await spawnAsync(
    process.execPath,
    [join(actionDir, "dist", "index.js")],
    workspace,
    env,
  );
  const result = {
    status,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputFile, "utf8")),
    summary: await readFile(summaryFile, "utf8"),
  };
  await rm(files, { recursive: true, force: true });
  return result;
}

/** Runs a program without blocking the event loop; resolves with its exit status and output. */
export function spawnAsync(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ status: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Reads the heredoc format @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3];
  return outputs;
}
