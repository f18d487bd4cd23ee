// M8: the trusted PR workflow (evaluate --challenger-rev on the base checkout) flags a PR that
// edits, moves or renames the held-out set, and names a changed data.holdout or artifact among
// the keys that change how the model is judged. The verdict stays on the base's set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";

async function evaluateRev(repo: TestRepo, head: string) {
  await repo.git.run(["checkout", "--quiet", "main"]);
  const result = await repo.cli("evaluate", "--challenger-rev", head, "--json", "--no-comment");
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  return JSON.parse(result.stdout).models[0];
}

async function baseRepo(): Promise<TestRepo> {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(3000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["remote", "set-head", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "pr"]);
  return repo;
}

test("--challenger-rev: a PR that edits the held-out file in place is flagged and judged on the base's set", async (t) => {
  const repo = await baseRepo();
  t.after(() => repo.cleanup());
  await repo.write("data/holdout.csv", binaryCsv(500, 99));
  await repo.write("models/fraud.onnx", MODELS.good());
  const head = await repo.commit("easier held-out set");
  const model = await evaluateRev(repo, head);
  assert.match(
    model.warningText[0],
    /^this pull request changes the held-out set \(it edits data\/holdout\.csv\): the verdict is decided on the base branch main's held-out set/,
  );
  assert.deepEqual(
    model.holdouts.map((h: any) => [h.name, h.rows]),
    [
      ["base holdout (main)", 3000],
      ["PR holdout", 500],
    ],
  );
});

test("--challenger-rev: a PR that moves the held-out set in its config is flagged, and data.holdout is named as a gate change", async (t) => {
  const repo = await baseRepo();
  t.after(() => repo.cleanup());
  await repo.write("data/easy.csv", binaryCsv(400, 77));
  await repo.write("modelkeeper.yml", gateConfig().replace("holdout: data/holdout.csv", "holdout: data/easy.csv"));
  await repo.write("models/fraud.onnx", MODELS.good());
  const head = await repo.commit("move the goal");
  const model = await evaluateRev(repo, head);
  const held = model.noticeText.find((n: string) => /changes the held-out set/.test(n));
  assert.match(held, /removes or renames data\/holdout\.csv; adds data\/easy\.csv/);
  const gate = model.noticeText.find((n: string) => /changes how the model is judged/.test(n));
  assert.match(gate, /data\.holdout: \["data\/holdout\.csv"\] → \["data\/easy\.csv"\]/);
  assert.deepEqual(
    model.holdouts.map((h: any) => [h.name, h.rows]),
    [
      ["base holdout (main)", 3000],
      ["PR holdout", 400],
    ],
  );
});

test("--challenger-rev: a PR that points the config at another artifact is named as a gate change; an untouched set is not flagged", async (t) => {
  const repo = await baseRepo();
  t.after(() => repo.cleanup());
  await repo.write("models/other.onnx", MODELS.good());
  await repo.write(
    "modelkeeper.yml",
    gateConfig().replace("artifact: models/fraud.onnx", "artifact: models/other.onnx"),
  );
  const head = await repo.commit("another artifact");
  const model = await evaluateRev(repo, head);
  assert.ok(!model.noticeText.some((n: string) => /changes the held-out set/.test(n)), JSON.stringify(model.notices));
  assert.match(
    model.noticeText.find((n: string) => /changes how the model is judged/.test(n)),
    /artifact: "models\/fraud\.onnx" → "models\/other\.onnx"/,
  );
});
