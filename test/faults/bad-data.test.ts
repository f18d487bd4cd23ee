import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";

/** A repository whose held-out set has `value` in column x1 at line 18 (data row 17). */
async function repoWithCell(value: string): Promise<TestRepo> {
  const lines = binaryCsv(300, 2).split("\n");
  lines[17] = lines[17].replace(/^[^,]*/, value);
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": lines.join("\n"),
    "models/fraud.onnx": MODELS.good(),
    "models/old.onnx": MODELS.weak(),
  });
  await repo.commit("data");
  return repo;
}

const evaluate = (repo: TestRepo) =>
  repo.cli("evaluate", "--champion", "models/old.onnx", "--challenger", "models/fraud.onnx", "--json");

test("evaluate: text in a numeric feature names file, line, column and value, and how to fix it", async (t) => {
  const repo = await repoWithCell("oops");
  t.after(() => repo.cleanup());
  const result = await evaluate(repo);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  const output = result.stdout + result.stderr;
  assert.match(
    output,
    /data\/holdout\.csv:18: column \\?"x1\\?" holds \\?"oops\\?", which is not a number, but model input \\?"input\\?" of the challenger/,
  );
  assert.match(output, /Fix the value/);
  assert.doesNotMatch(output, /unexpected error|a bug/);
});

for (const value of ["n/a", ""]) {
  test(`evaluate: a missing value (${JSON.stringify(value)}) the model scores NaN is named by file, line, column and value, not as a NaN score`, async (t) => {
    const repo = await repoWithCell(value);
    t.after(() => repo.cleanup());
    const result = await evaluate(repo);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    const reason = JSON.stringify(report);
    assert.ok(
      reason.includes(
        `data/holdout.csv:18: column \\"x1\\" holds ${JSON.stringify(JSON.stringify(value)).slice(1, -1)}, a missing value, and the challenger`,
      ),
      reason,
    );
    assert.match(reason, /Fill in the value, drop the row from the held-out set, or export the model with an imputer/);
    assert.doesNotMatch(reason, /row 16 \(0-based\)/);
  });
}

test("evaluate: a model that handles the missing value still gets a verdict (nothing is refused that scores)", async (t) => {
  // "inf" is a number, not a missing value: the logistic model scores it 1, a finite score.
  const repo = await repoWithCell("inf");
  t.after(() => repo.cleanup());
  const result = await evaluate(repo);
  assert.ok(result.code === 0 || result.code === 1, result.stdout + result.stderr);
  assert.equal(JSON.parse(result.stdout).models[0].holdouts[0].rows, 300);
});

test("drift: a window row the model scores NaN is reported with its file, line and cell, and counts as a missing prediction", async (t) => {
  const repo = await repoWithCell("n/a");
  t.after(() => repo.cleanup());
  const result = await repo.cli("drift", "--current", "data/holdout.csv", "--json");
  assert.ok(result.code === 0 || result.code === 1, result.stdout + result.stderr);
  const [model] = JSON.parse(result.stdout).models;
  assert.match(
    model.predictionNote,
    /^1 of 300 rows of the window have no prediction: the model scores them NaN \(the first at data\/holdout\.csv:18, where column "x1" holds "n\/a" \(missing\)\)/,
  );
  const score = model.assessment.columns.find((c: any) => c.name === "prediction: score");
  assert.ok(score, "prediction drift is still assessed");
});

test("drift: text in a column numeric in the reference is an error naming file, line, column and value", async (t) => {
  const repo = await repoWithCell("oops");
  t.after(() => repo.cleanup());
  const result = await repo.cli("drift", "--current", "data/holdout.csv");
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /data\/holdout\.csv:18: column 1 \("x1"\) holds "oops", which is not a number/);
});
