import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { readNote } from "../../src/git/notes.ts";
import { runCli } from "../../src/cli/run-cli.ts";

/** main holds the weak champion; the bot's branch modelkeeper/retrain/fraud has a train script. */
async function retrainBranch(trainScript: string): Promise<{ repo: TestRepo; start: string }> {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(3000, 2),
    "models/fraud.onnx": MODELS.weak(),
    "train.mjs": trainScript,
  });
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "modelkeeper/retrain/fraud"]);
  await repo.write(".modelkeeper/retrain/fraud.json", '{"reason":"drift"}\n');
  const start = await repo.commit("retrain request");
  await repo.git.run(["push", "--quiet", "origin", "modelkeeper/retrain/fraud"]);
  return { repo, start };
}

async function retrain(repo: TestRepo, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const env = {
    ...process.env,
    GITHUB_EVENT_NAME: "",
    GITHUB_EVENT_PATH: "",
    GITHUB_TOKEN: "",
    GITHUB_BASE_REF: "main",
  };
  const code = await runCli(
    ["retrain", ...argv],
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    env,
    repo.dir,
  );
  return { code, stdout, stderr };
}

const writesGoodModel = `import { writeFileSync } from "node:fs";\nwriteFileSync("models/fraud.onnx", Buffer.from("${MODELS.good().toString("base64")}", "base64"));\n`;

test("retrain trains, records, commits and pushes the artifact with its note, then evaluates: the model is inferred from the branch", async (t) => {
  const { repo, start } = await retrainBranch(writesGoodModel);
  t.after(() => repo.cleanup());
  // --comment-author as the Action passes it (no token here, so nothing is posted).
  const result = await retrain(repo, "--json", "--comment-author", "modelkeeper[bot]");
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const report = JSON.parse(result.stdout);
  assert.equal(report.verdict, "promote");
  assert.equal(report.retrained.previous, start);
  const head = (await repo.git.run(["rev-parse", "HEAD"])).trim();
  assert.notEqual(head, start);
  assert.equal(
    (await repo.git.run(["ls-remote", "origin", "refs/heads/modelkeeper/retrain/fraud"])).split("\t")[0],
    head,
  );
  const events = (await readNote(repo.git, head)).map((l) => l.event).sort();
  assert.deepEqual(events, ["evaluate", "record"]);
  assert.match(await repo.git.run(["ls-remote", "origin", "refs/notes/modelkeeper"]), /refs\/notes\/modelkeeper/);
});

test("a failing train command leaves the branch as it was, locally and on the remote, and says so", async (t) => {
  const { repo, start } = await retrainBranch(
    `import { writeFileSync } from "node:fs";\nwriteFileSync("models/fraud.onnx", "half-written");\nprocess.stderr.write("out of memory\\n");\nprocess.exit(1);\n`,
  );
  t.after(() => repo.cleanup());
  const result = await retrain(repo);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /the train command failed \(exit 1\); the branch was left as it was/);
  assert.match(result.stderr, /out of memory/);
  assert.equal((await repo.git.run(["rev-parse", "HEAD"])).trim(), start);
  assert.equal((await repo.git.run(["status", "--porcelain", "--untracked-files=no"])).trim(), "");
  assert.equal(
    (await repo.git.run(["ls-remote", "origin", "refs/heads/modelkeeper/retrain/fraud"])).split("\t")[0],
    start,
  );
});

test("retrain outside a retrain branch needs --model, and refuses a dirty working tree", async (t) => {
  const { repo } = await retrainBranch(writesGoodModel);
  t.after(() => repo.cleanup());
  await repo.git.run(["checkout", "--quiet", "main"]);
  const noModel = await retrain(repo);
  assert.equal(noModel.code, 2);
  assert.match(noModel.stderr, /pass --model NAME \(the branch "main" is not a modelkeeper\/retrain\/<model> branch\)/);
  await repo.write("data/holdout.csv", "changed\n");
  const dirty = await retrain(repo, "--model", "fraud");
  assert.equal(dirty.code, 2);
  assert.match(dirty.stderr, /needs a clean working tree/);
});
