import { test } from "node:test";
import assert from "node:assert/strict";
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";

test("verify passes on an unchanged tree and lists changed, missing and new paths with both hashes", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  assert.equal((await repo.cli("record")).code, 0);
  const ok = await repo.cli("verify");
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /fraud: OK, 8 files match the record/);

  await repo.write("params.yaml", "lr: 0.2\n");
  await unlink(join(repo.dir, "data/train/b.csv"));
  await repo.write("data/train/c.csv", "amount,is_fraud\n5,0\n");
  const bad = await repo.cli("verify", "--json");
  assert.equal(bad.code, 1);
  const report = JSON.parse(bad.stdout);
  assert.equal(report.ok, false);
  const changes = report.models[0].changes.map((c: any) => [
    c.path,
    c.role,
    c.kind,
    Boolean(c.expected),
    Boolean(c.actual),
  ]);
  assert.deepEqual(changes, [
    ["data/train/b.csv", "data", "missing", true, false],
    ["data/train/c.csv", "data", "new", false, true],
    ["params.yaml", "config", "changed", true, true],
  ]);
  const human = await repo.cli("verify");
  assert.match(human.stdout, /changed config +params\.yaml +expected [0-9a-f]{12} +actual [0-9a-f]{12}/);
});

test("verify --fast trusts unchanged files, and still catches a changed one", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  assert.equal((await repo.cli("verify", "--fast")).code, 0);
  await repo.write("models/fraud.bin", "tampered");
  const result = await repo.cli("verify", "--fast", "--json");
  assert.equal(result.code, 1);
  assert.equal(JSON.parse(result.stdout).models[0].changes[0].path, "models/fraud.bin");
});

test("verify on a commit without a record exits 2 and says how to get one", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("verify");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no record of model "fraud" on HEAD/);
  assert.match(result.stderr, /git fetch origin "refs\/notes\/modelkeeper:refs\/notes\/modelkeeper"/);
  const json = await repo.cli("verify", "--json");
  assert.match(JSON.parse(json.stdout).error, /no record of model "fraud"/);
});

test("--model with an unknown name lists the models there are", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await repo.cli("verify", "--model", "churn");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--model churn: no such model in modelkeeper\.yml\. Models there: fraud\./);
});

test("adding a second model leaves the first model's record valid; editing its own section says which keys changed", async (t) => {
  const files = simpleModelFiles();
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  const second =
    "  churn:\n    task: binary\n    artifact: models/fraud.bin\n    label: churned\n    data:\n      train: data/holdout.csv\n      holdout: data/holdout.csv\n";
  await repo.write("modelkeeper.yml", files["modelkeeper.yml"] + second);
  const ok = await repo.cli("verify", "--model", "fraud");
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);

  await repo.write(
    "modelkeeper.yml",
    files["modelkeeper.yml"].replace(
      "label: is_fraud",
      "label: fraud_flag\n    evaluate:\n      metric: average_precision",
    ) + second,
  );
  const bad = await repo.cli("verify", "--model", "fraud", "--json");
  assert.equal(bad.code, 1);
  const [change] = JSON.parse(bad.stdout).models[0].changes;
  assert.equal(change.role, "section");
  assert.equal(change.path, "modelkeeper.yml#models.fraud");
  assert.deepEqual(change.keys, [
    { key: "evaluate.metric", after: "average_precision" },
    { key: "label", before: "is_fraud", after: "fraud_flag" },
  ]);
  const text = await repo.cli("verify", "--model", "fraud");
  assert.match(
    text.stdout,
    /changed section +modelkeeper\.yml#models\.fraud +expected [0-9a-f]{12} +actual [0-9a-f]{12}\n +evaluate\.metric: \(absent\) -> "average_precision"\n +label: "is_fraud" -> "fraud_flag"/,
  );
});

test("verify uses a record only from the commit, an ancestor, or a commit with identical recorded files; never another branch's", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const base = await repo.commit("base");
  // A side branch records the same artifact with other inputs.
  await repo.git.run(["checkout", "--quiet", "-b", "side"]);
  await repo.write("data/train/a.csv", "amount,is_fraud\n9,1\n");
  await repo.commit("side");
  assert.equal((await repo.cli("record")).code, 0);
  await repo.git.run(["checkout", "--quiet", "main"]);
  const unrelated = await repo.cli("verify");
  assert.equal(unrelated.code, 2, "the side branch's record is not borrowed");
  assert.match(unrelated.stderr, /no record of model "fraud" on HEAD.*not ancestors/s);

  // Recorded on main, then a merge commit: the ancestor's record is used.
  assert.equal((await repo.cli("record")).code, 0);
  await repo.git.run(["checkout", "--quiet", "-b", "topic"]);
  await repo.write("README.md", "docs\n");
  await repo.commit("docs");
  await repo.git.run(["checkout", "--quiet", "main"]);
  await repo.git.run(["merge", "--quiet", "--no-ff", "-m", "merge topic", "topic"]);
  const merged = await repo.cli("verify", "--json");
  assert.equal(merged.code, 0, merged.stdout + merged.stderr);
  assert.deepEqual(
    [JSON.parse(merged.stdout).models[0].recordCommit, JSON.parse(merged.stdout).models[0].relation],
    [base, "ancestor"],
  );

  // A retrain branch, squash-merged: its record's files are identical to the squashed tree.
  await repo.git.run(["checkout", "--quiet", "-b", "retrain", base]);
  await repo.write("params.yaml", "lr: 0.2\n");
  await repo.write("models/fraud.bin", "model:lr: 0.2\n");
  const retrained = await repo.commit("retrain");
  assert.equal((await repo.cli("record")).code, 0);
  await repo.git.run(["checkout", "--quiet", "main"]);
  await repo.git.run(["merge", "--quiet", "--squash", "retrain"]);
  await repo.git.run(["commit", "--quiet", "-m", "squash retrain"]);
  const squashed = await repo.cli("verify", "--json");
  assert.equal(squashed.code, 0, squashed.stdout + squashed.stderr);
  assert.deepEqual(
    [JSON.parse(squashed.stdout).models[0].recordCommit, JSON.parse(squashed.stdout).models[0].relation],
    [retrained, "same-files"],
  );
});

test("older note lines with the hashes inline still verify", async (t) => {
  const { appendNoteLines } = await import("../../src/git/notes.ts");
  const { createHash } = await import("node:crypto");
  const files = simpleModelFiles();
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  const commit = await repo.commit();
  const sha = (p: string) => createHash("sha256").update(files[p]).digest("hex");
  const inline = {
    schema: 1,
    id: "0123456789abcdef",
    event: "record",
    model: "fraud",
    at: "2026-11-28T04:12:09.761Z",
    tool: "modelkeeper/0.1.0",
    train: "node train.mjs",
    artifact: { path: "models/fraud.bin", sha256: sha("models/fraud.bin"), bytes: files["models/fraud.bin"].length },
    inputs: {
      data: {
        "data/holdout.csv": sha("data/holdout.csv"),
        "data/train/a.csv": sha("data/train/a.csv"),
        "data/train/b.csv": sha("data/train/b.csv"),
      },
      code: { "src/features.py": sha("src/features.py"), "train.mjs": sha("train.mjs") },
      config: { "modelkeeper.yml": sha("modelkeeper.yml"), "params.yaml": sha("params.yaml") },
      lockfiles: { "package-lock.json": sha("package-lock.json") },
    },
    patterns: {
      data: ["data/train/*.csv", "data/holdout.csv"],
      code: ["train.mjs", "src"],
      config: ["params.yaml", "modelkeeper.yml"],
    },
    env: { node: "v20.20.2", platform: "linux-x64" },
  };
  await appendNoteLines(repo.git, commit, [inline as any]);
  const ok = await repo.cli("verify");
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /fraud: OK, 9 files match/);
  assert.equal((await repo.cli("reproduce")).code, 0);
  await repo.write("params.yaml", "lr: 0.3\n");
  const bad = await repo.cli("verify", "--json");
  assert.deepEqual(
    JSON.parse(bad.stdout).models[0].changes.map((c: any) => c.path),
    ["params.yaml"],
  );
});

test("a manifest that does not hash to the note line's sha256 is refused", async (t) => {
  const { appendNoteLines, readNote } = await import("../../src/git/notes.ts");
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const commit = await repo.commit();
  await repo.cli("record");
  const [genuine] = (await readNote(repo.git, commit)) as any[];
  const forged = (
    await repo.git.run(["hash-object", "-w", "--stdin"], {
      input: '{"model":"fraud","modelkeeper":"manifest","section":{},"version":1}\n',
    })
  ).trim();
  await appendNoteLines(repo.git, commit, [
    {
      ...genuine,
      id: "d0d0d0d0d0d0d0d0",
      at: "2999-01-01T00:00:00.000Z",
      manifest: { ...genuine.manifest, oid: forged },
    },
  ]);
  const result = await repo.cli("verify");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /manifest [0-9a-f]{12} does not hash to the sha256 the note line names/);
});

test("a forged record off the history (same artifact, no inputs, no patterns) vouches for nothing", async (t) => {
  const { appendNoteLines } = await import("../../src/git/notes.ts");
  const { createHash } = await import("node:crypto");
  const files = simpleModelFiles();
  const repo = await createTestRepo(files);
  t.after(() => repo.cleanup());
  await repo.commit("main, never recorded");
  // An orphan commit carrying only the artifact, with a note naming its hash and nothing else.
  await repo.git.run(["checkout", "--quiet", "--orphan", "forged"]);
  await repo.git.run(["rm", "-rq", "--cached", "."]);
  await repo.git.run(["add", "models/fraud.bin"]);
  await repo.git.run(["commit", "--quiet", "-m", "forged"]);
  const forged = (await repo.git.run(["rev-parse", "HEAD"])).trim();
  const sha = createHash("sha256").update(files["models/fraud.bin"]).digest("hex");
  const line = {
    schema: 1,
    id: "feedfacefeedface",
    event: "record",
    model: "fraud",
    at: "2999-01-01T00:00:00.000Z",
    tool: "forged",
    artifact: { path: "models/fraud.bin", sha256: sha, bytes: files["models/fraud.bin"].length },
    inputs: { data: {}, code: {}, config: {}, lockfiles: {} },
    patterns: { data: [], code: [], config: [] },
    env: { node: "x", platform: "x" },
  };
  await appendNoteLines(repo.git, forged, [line as any]);
  await repo.git.run(["checkout", "--quiet", "-f", "main"]);
  await repo.write("data/train/a.csv", "amount,is_fraud\n1,1\n");
  const result = await repo.cli("verify", "--json");
  assert.equal(result.code, 2, `not borrowed: ${result.stdout}`);
  assert.match(result.stderr, /no record of model "fraud" on HEAD/);
});
