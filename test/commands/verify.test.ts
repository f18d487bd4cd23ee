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
  const changes = report.models[0].changes.map((c: any) => [c.path, c.role, c.kind, Boolean(c.expected), Boolean(c.actual)]);
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
