import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";

async function worktrees(repo: Awaited<ReturnType<typeof createTestRepo>>) {
  return (await repo.git.run(["worktree", "list", "--porcelain"])).split("\n").filter((l) => l.startsWith("worktree "))
    .length;
}

test("reproduce rebuilds the model in a clean worktree and finds the identical artifact", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  const result = await repo.cli("reproduce", "--json");
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.reproduced, true);
  assert.equal(report.models[0].identical, true);
  assert.equal(await worktrees(repo), 1);
});

test("reproduce brings in recorded inputs kept outside git, but only with the recorded bytes", async (t) => {
  const files = simpleModelFiles();
  const repo = await createTestRepo({ ...files, ".gitignore": "data/\n" });
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  assert.equal((await repo.cli("reproduce")).code, 0);
  await repo.write("data/holdout.csv", "changed\n");
  const result = await repo.cli("reproduce");
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    /data\/holdout\.csv: recorded as an input of fraud but not in git at this commit, and the working copy differs/,
  );
  assert.equal(await worktrees(repo), 1);
});

test("a train command that fails or writes different bytes is not reproduced, and the worktree is removed", async (t) => {
  const files = simpleModelFiles();
  files["train.mjs"] = "process.stderr.write('boom\\n'); process.exit(3);\n";
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  const failed = await repo.cli("reproduce");
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /the train command failed \(exit 3\)/);
  assert.match(failed.stdout, /boom/);
  assert.equal(await worktrees(repo), 1);

  await repo.write(
    "train.mjs",
    "import { writeFileSync } from 'node:fs'; writeFileSync('models/fraud.bin', String(Math.random()));\n",
  );
  await repo.commit();
  await repo.cli("record");
  const differs = await repo.cli("reproduce", "--json");
  assert.equal(differs.code, 1);
  assert.match(JSON.parse(differs.stdout).models[0].reason, /bytes differ/);
});

test("a train command that runs past --timeout is stopped", async (t) => {
  const files = simpleModelFiles();
  files["train.mjs"] = "setTimeout(() => {}, 60000);\n";
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  const result = await repo.cli("reproduce", "--timeout", "0.01");
  assert.equal(result.code, 1);
  assert.match(result.stdout, /timed out/);
  assert.equal(await worktrees(repo), 1);
});

test("an ONNX rebuild whose bytes differ (an embedded timestamp) is reproduced when every held-out metric is within tolerance", async (t) => {
  const { binaryCsv } = await import("../support/gate-fixtures.ts");
  const trainer = new URL("../../dist/trainer.js", import.meta.url).href;
  const repo = await createTestRepo({
    "modelkeeper.yml":
      "models:\n  fraud:\n    task: binary\n    artifact: models/fraud.onnx\n    train: node train.mjs\n    label: is_fraud\n    features: [x1, x2]\n    data:\n      train: data/train.csv\n      holdout: data/holdout.csv\n    code: [train.mjs]\n",
    "data/train.csv": binaryCsv(1500, 1),
    "data/holdout.csv": binaryCsv(1000, 2),
    "train.mjs": [
      `import { mkdirSync, writeFileSync } from "node:fs";`,
      `const { readTables, trainLogisticModel } = await import(${JSON.stringify(trainer)});`,
      `const table = await readTables(["data/train.csv"]);`,
      `const { model } = trainLogisticModel({ table, label: "is_fraud", features: ["x1", "x2"], description: "built at " + new Date().toISOString() + " " + Math.random() });`,
      `mkdirSync("models", { recursive: true });`,
      `writeFileSync("models/fraud.onnx", model);`,
    ].join("\n"),
  });
  t.after(() => repo.cleanup());
  const { execFileSync } = await import("node:child_process");
  execFileSync(process.execPath, ["train.mjs"], { cwd: repo.dir });
  await repo.commit();
  await repo.cli("record");
  const result = await repo.cli("reproduce", "--json");
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const [model] = JSON.parse(result.stdout).models;
  assert.equal(model.identical, false);
  assert.equal(model.reproduced, true);
  assert.ok(model.metrics.some((m: any) => m.metric === "roc_auc" && m.recorded === m.rebuilt));
  assert.match(model.reason, /bytes differ, but every held-out metric is within tolerance/);
});

test("reproduce never runs a train command written in a note: it runs the commit's own and reports the note's", async (t) => {
  const { existsSync } = await import("node:fs");
  const { appendNoteLines, readNote } = await import("../../src/git/notes.ts");
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const commit = await repo.commit();
  await repo.cli("record");
  const pwned = `/tmp/pwned-${process.pid}-${Date.now()}`;
  t.after(async () => (await import("node:fs/promises")).rm(pwned, { force: true }));
  // Whoever can push refs/notes/modelkeeper appends a newer record line naming their command.
  const [genuine] = await readNote(repo.git, commit);
  await appendNoteLines(repo.git, commit, [
    { ...(genuine as any), id: "f0f0f0f0f0f0f0f0", at: "2999-01-01T00:00:00.000Z", train: `touch ${pwned}` },
  ]);
  const result = await repo.cli("reproduce", "--json");
  assert.equal(existsSync(pwned), false, "the note's command was not executed");
  assert.equal(result.code, 0, result.stderr);
  const [model] = JSON.parse(result.stdout).models;
  assert.equal(model.train, "node train.mjs");
  assert.equal(model.noteTrainDiffers, true);
  assert.equal(model.noteTrain, `touch ${pwned}`);
  assert.equal(model.trainFrom, `modelkeeper.yml at ${commit}`);
  assert.match(
    result.stderr,
    /the note's recorded train command differs from the one in [0-9a-f]{12}'s modelkeeper\.yml/,
  );
  const text = await repo.cli("reproduce");
  assert.match(text.stdout, /the note's recorded train command differs and was not run: "touch \/tmp\/pwned-/);
});

test("reproduce takes the train command from the commit's tree, not from the working copy's config", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  // An uncommitted edit of the config (or a --config elsewhere) does not choose the command.
  await repo.write(
    "modelkeeper.yml",
    simpleModelFiles()["modelkeeper.yml"].replace("train: node train.mjs", "train: exit 9"),
  );
  const result = await repo.cli("reproduce", "--json");
  assert.equal(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).models[0].train, "node train.mjs");
});

test("reproduce skips a newer record line whose artifact (a path climbing out) is not the committed one", async (t) => {
  const { appendNoteLines, readNote } = await import("../../src/git/notes.ts");
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const commit = await repo.commit();
  await repo.cli("record");
  const [genuine] = await readNote(repo.git, commit);
  await appendNoteLines(repo.git, commit, [
    {
      ...(genuine as any),
      id: "e0e0e0e0e0e0e0e0",
      at: "2999-01-01T00:00:00.000Z",
      artifact: { path: "../../etc/passwd", sha256: "0".repeat(64), bytes: 1 },
    },
  ]);
  const result = await repo.cli("reproduce", "--json");
  // Its artifact hash is not the committed artifact's, so it is not this commit's record at all:
  // reported, skipped, and the genuine (older) line is the one reproduced.
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    /a record line on [0-9a-f]{12} names .* but the commit holds .*: not this commit's \(altered\?\), not used/,
  );
  assert.equal(JSON.parse(result.stdout).models[0].identical, true);
});
