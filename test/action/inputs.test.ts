// The Action's holdout and check-token inputs: holdout is evaluate/promote's --holdout FILE,
// check-token becomes MODELKEEPER_CHECK_TOKEN (the App token the check run is created with),
// masked before anything is printed and never printed itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readActionSettings } from "../../src/action/inputs.ts";
import { createTestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { startGitHubStandIn } from "../support/github-standin/index.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;

/** readActionSettings on these inputs, with what it wrote to stdout (workflow commands). */
function settingsFor(inputs: Record<string, string>) {
  const saved = { ...process.env };
  const write = process.stdout.write;
  let stdout = "";
  for (const name of Object.keys(process.env)) if (name.startsWith("INPUT_")) delete process.env[name];
  for (const [name, value] of Object.entries(inputs)) process.env[inputVariable(name)] = value;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    return { settings: readActionSettings({ GITHUB_WORKSPACE: "/ws" }), stdout };
  } finally {
    process.stdout.write = write;
    process.env = saved;
  }
}

test("holdout is the command's --holdout; without it the command reads data.holdout", () => {
  assert.equal(
    settingsFor({ command: "evaluate", holdout: " /secure/holdout.csv " }).settings.values.holdout,
    "/secure/holdout.csv",
  );
  assert.equal("holdout" in settingsFor({ command: "evaluate" }).settings.values, false);
});

test("check-token becomes MODELKEEPER_CHECK_TOKEN and github-token GITHUB_TOKEN, each masked; neither is an option", () => {
  const { settings, stdout } = settingsFor({
    command: "evaluate",
    "check-token": "ghs_app_123",
    "github-token": "ghs_job_456",
  });
  assert.deepEqual(settings.secretEnv, { MODELKEEPER_CHECK_TOKEN: "ghs_app_123", GITHUB_TOKEN: "ghs_job_456" });
  assert.deepEqual(stdout.split("\n").filter(Boolean).sort(), ["::add-mask::ghs_app_123", "::add-mask::ghs_job_456"]);
  assert.ok(!JSON.stringify(settings.values).includes("ghs_"), JSON.stringify(settings.values));
  assert.deepEqual(settingsFor({ command: "evaluate", "check-token": "" }).settings.secretEnv, {});
});

/** Runs the Action's entry from source as a runner does: INPUT_* variables and GITHUB_OUTPUT. */
async function runAction(inputs: Record<string, string>, env: NodeJS.ProcessEnv) {
  const files = await mkdtemp(join(tmpdir(), "mk-runner-"));
  try {
    const outputFile = join(files, "output");
    await writeFile(outputFile, "");
    const all: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: files,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ACTIONS: "true",
      RUNNER_TEMP: files,
      ORT_DISABLE_TELEMETRY: "1",
      ...env,
    };
    for (const [name, value] of Object.entries(inputs)) all[inputVariable(name)] = value;
    // Not spawnSync: the stand-in GitHub answers from this process's event loop.
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], { cwd: projectRoot, env: all });
    const result = { stdout: "", stderr: "", status: null as number | null };
    child.stdout.on("data", (chunk) => (result.stdout += chunk));
    child.stderr.on("data", (chunk) => (result.stderr += chunk));
    result.status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    const outputs: Record<string, string> = {};
    for (const m of (await readFile(outputFile, "utf8")).matchAll(
      /^([^<\n]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm,
    ))
      outputs[m[1]] = m[3];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

test("the Action creates the check run with check-token (the App's) and judges on the holdout input's file", async (t) => {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  t.after(() => gh.close());
  const remote = gh.state.repo("acme/fraud");
  remote.createBranch("retrain");
  remote.commitFiles({ branch: "retrain", message: "m", files: { "x.txt": "1" } });
  const pull = remote.createPull({ head: "retrain", base: "main", title: "Retrain" });

  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  const secret = await mkdtemp(join(tmpdir(), "mk-private-"));
  t.after(() => Promise.all([repo.cleanup(), rm(secret, { recursive: true, force: true })]));
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "retrain"]);
  await repo.write("models/fraud.onnx", MODELS.good());
  await repo.commit("challenger");
  const eventPath = join(secret, "event.json");
  await writeFile(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: pull.number,
        head: { sha: pull.head.sha, ref: "retrain" },
        base: { ref: "main", sha: pull.base.sha },
      },
    }),
  );
  const privateCsv = binaryCsv(1500, 5);
  await writeFile(join(secret, "holdout.csv"), privateCsv);

  const { token } = gh.state.issueInstallationToken(1);
  const env = {
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_BASE_REF: "main",
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "acme/fraud",
  };
  const run = await runAction(
    { command: "evaluate", "github-token": "ghs_workflow", "check-token": token, holdout: join(secret, "holdout.csv") },
    env,
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(run.outputs.verdict, "promote");

  const check = [...remote.checkRuns.values()].at(-1)!;
  assert.equal(check.name, "modelkeeper / fraud");
  assert.equal(check.app?.login, gh.state.app.bot.login, "created with the App token, not the workflow's");
  assert.equal(remote.commentsOn(pull.number).length, 1, "the comment is still the workflow token's");
  // Masked first, then never printed: the runner would hide it, but it must not be there at all.
  assert.equal(run.stdout.split(`::add-mask::${token}`).length, 2);
  assert.ok(
    !run.stdout.replace(`::add-mask::${token}`, "").includes(token) && !run.stderr.includes(token),
    "the App token is never printed",
  );

  const [model] = JSON.parse(run.outputs.json).models;
  const sha = createHash("sha256").update(privateCsv).digest("hex");
  assert.deepEqual(
    model.holdouts.map((h: any) => [h.name, h.rows, h.files]),
    [["private holdout", 1500, { "(private) holdout.csv": sha }]],
  );
  gh.assertNoViolations();
});
