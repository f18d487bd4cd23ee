import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile, stat, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** A copy of the Action as a runner checks it out: action.yml and dist/, and no node_modules. */
const copies: string[] = [];
after(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

async function copyOfAction(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mk-action-"));
  copies.push(dir);
  await cp(join(projectRoot, "action.yml"), join(dir, "action.yml"));
  await cp(join(projectRoot, "dist"), join(dir, "dist"), { recursive: true });
  assert.equal(await stat(join(dir, "node_modules")).catch(() => undefined), undefined);
  return dir;
}

/** Runs the bundled entry the way a runner does: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. */
async function runAction(
  actionDir: string,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const files = await mkdtemp(join(tmpdir(), "mk-runner-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "summary");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: files,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: "true",
    RUNNER_TEMP: files,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [join(actionDir, "dist", "index.js")], {
    cwd: workspace,
    env,
    encoding: "utf8",
  });
  return {
    ...result,
    home: files,
    outputs: parseOutputs(await readFile(outputFile, "utf8")),
    summary: await readFile(summaryFile, "utf8"),
  };
}

/** Reads the heredoc format @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3];
  return outputs;
}

test("the bundled Action runs record and verify from a copy with no node_modules", async (t) => {
  const action = await copyOfAction();
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();

  const record = await runAction(action, repo.dir, { command: "record", push: "true" });
  assert.equal(record.status, 0, record.stdout + record.stderr);
  assert.equal(record.outputs["exit-code"], "0");
  assert.equal(JSON.parse(record.outputs.manifest)[0].model, "fraud");
  assert.match(record.summary, /modelkeeper record/);
  assert.match(
    (await repo.git.run(["ls-remote", "origin", "refs/notes/modelkeeper"])).trim(),
    /refs\/notes\/modelkeeper$/,
  );

  const verify = await runAction(action, repo.dir, { command: "verify" });
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
  assert.equal(verify.outputs.ok, "true");
  assert.equal(verify.outputs.changed, "0");

  await repo.write("params.yaml", "lr: 0.5\n");
  const mismatch = await runAction(action, repo.dir, { command: "verify" });
  assert.equal(mismatch.status, 1);
  assert.equal(mismatch.outputs.ok, "false");
  assert.match(mismatch.stdout, /::error::modelkeeper verify/);
});

test("a bad input fails the step with a message, exit-code output 2", async () => {
  const action = await copyOfAction();
  const repo = await createTestRepo(simpleModelFiles());
  await repo.commit();
  const result = await runAction(action, repo.dir, { command: "frobnicate" });
  assert.equal(result.status, 1);
  assert.equal(result.outputs["exit-code"], "2");
  assert.match(result.stdout, /::error::input "command": unknown command "frobnicate"/);
  await repo.cleanup();
});

test("a config error is an annotation on the file, line and column it names; the progress is one collapsible group", async (t) => {
  const action = await copyOfAction();
  const repo = await createTestRepo({
    ...simpleModelFiles(),
    "modelkeeper.yml":
      "models:\n  fraud:\n    task: binary\n    artifact: models/fraud.onnx\n    label: is_fraud\n    data:\n      train: data/train.csv\n      holdout: data/holdout.csv\n    evaluate:\n      metrc: roc_auc\n",
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await runAction(action, repo.dir, { command: "verify" }, { GITHUB_WORKSPACE: repo.dir });
  assert.equal(result.status, 1);
  assert.equal(result.outputs["exit-code"], "2");
  assert.match(
    result.stdout,
    /^::error title=modelkeeper,file=modelkeeper\.yml,line=10::modelkeeper\.yml:10: unknown key "models\.fraud\.evaluate\.metrc"/m,
  );

  const ok = await runAction(action, repo.dir, { command: "frobnicate" });
  assert.doesNotMatch(ok.stdout, /::error [^:]*file=/, "an error that names no file is a plain error");
  await repo.write("modelkeeper.yml", simpleModelFiles()["modelkeeper.yml"]);
  const grouped = await runAction(action, repo.dir, { command: "record" });
  assert.equal(grouped.status, 0, grouped.stdout + grouped.stderr);
  assert.match(grouped.stdout, /^::group::modelkeeper record\n[\s\S]*^::endgroup::\n/m);
});

test("dist/ ships the WebAssembly onnxruntime, loaded with no node_modules, writing no telemetry; native on request fails before any work", async (t) => {
  const action = await copyOfAction();
  assert.deepEqual(
    (await readdir(join(action, "dist"))).filter((f) => /onnxruntime|node_modules|\.node$|\.so/.test(f)),
    [],
  );
  const { binaryCsv, gateConfig, MODELS } = await import("../support/gate-fixtures.ts");
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(50, 1),
    "data/holdout.csv": binaryCsv(300, 2),
    "models/fraud.onnx": MODELS.good(),
    "champion.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await runAction(action, repo.dir, { command: "evaluate", champion: "champion.onnx" });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(result.outputs.verdict, "promote");
  assert.equal(await stat(join(result.home, ".cache", "Microsoft")).catch(() => undefined), undefined);

  const native = await runAction(
    action,
    repo.dir,
    { command: "evaluate", champion: "champion.onnx" },
    { MODELKEEPER_ORT: "native" },
  );
  assert.equal(native.outputs["exit-code"], "2");
  assert.match(native.stdout, /::error::MODELKEEPER_ORT=native, but onnxruntime-node is not installed/);
  assert.equal(native.outputs.verdict, undefined);
});

test("the bundled Action runs evaluate with real ONNX models through the shipped onnxruntime", async (t) => {
  const { binaryCsv, gateConfig, MODELS } = await import("../support/gate-fixtures.ts");
  const action = await copyOfAction();
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(100, 1),
    "data/holdout.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.good(),
    "champion.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await runAction(action, repo.dir, {
    command: "evaluate",
    champion: "champion.onnx",
    "report-md": "report.md",
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(result.outputs.verdict, "promote");
  assert.ok(Number(result.outputs["ci-low"]) > 0);
  assert.match(result.outputs.report, /modelkeeper · fraud: ✅ \*\*promote\*\*/);
  assert.match(result.summary, /Paired BCa bootstrap/);
});
