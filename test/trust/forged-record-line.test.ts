// L10: a forged record line never turns evaluate into an error (exit 2); it is reported and decides nothing.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { tagChampion } from "../serve/support.ts";
import { appendNoteLines, readNote } from "../../src/git/notes.ts";

test("an unchanged artifact with an unreadable (forged) record line: exit 0, a warning, no error", async (t) => {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(300, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit("champion");
  assert.equal((await repo.cli("record")).code, 0);
  await tagChampion(repo, "fraud", 1, "models/fraud.onnx");
  await repo.write("data/train.csv", binaryCsv(250, 3));
  const head = await repo.commit("new data, same model");
  const genuine = (
    await readNote(repo.git, (await repo.git.run(["rev-parse", "modelkeeper/fraud/v1^{commit}"])).trim())
  )[0] as any;
  // Record lines on the PR commit: a manifest that is not even an object, then one whose blob does not exist.
  const forgeries = [
    { manifest: "0".repeat(40) },
    { manifest: { oid: "1".repeat(40), sha256: "2".repeat(64), files: 3 } },
  ];
  for (const [i, forged] of forgeries.entries()) {
    await appendNoteLines(repo.git, head, [
      { ...genuine, ...forged, id: `c3c3c3c3c3c3c3c${i}`, at: `2999-01-0${i + 1}T00:00:00.000Z`, inputs: undefined },
    ]);
    const result = await repo.cli("evaluate", "--json", "--no-comment");
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const [model] = JSON.parse(result.stdout).models;
    assert.equal(model.kind, "unchanged");
    assert.ok(
      model.warningText.some((w: string) =>
        /whether the model was retrained is not known: a record line cannot be read \(the record of fraud: the record's manifest/.test(
          w,
        ),
      ),
      JSON.stringify(model.warnings),
    );
  }
});

test("a future-dated record line naming other artifact bytes never shadows the genuine record", async (t) => {
  const { repo, head, genuine } = await recorded(t);
  // Someone who can push the notes ref appends a line dated 2999 for bytes that were never committed.
  await appendNoteLines(repo.git, head, [
    {
      ...genuine,
      id: "d4d4d4d4d4d4d4d4",
      at: "2999-01-01T00:00:00.000Z",
      artifact: { ...genuine.artifact, sha256: "f".repeat(64) },
    },
  ]);
  const verified = await repo.cli("verify");
  assert.equal(verified.code, 0, verified.stderr + verified.stdout);
  assert.match(
    verified.stderr,
    /fraud: a record line on [0-9a-f]{12} names models\/fraud\.onnx with sha256 ffffffffffff, but the commit holds [0-9a-f]{12}: not this commit's \(altered\?\), not used/,
  );

  // The genuine line still vouches for the commit: change a recorded input and verify says so.
  await repo.write("data/train.csv", binaryCsv(201, 9));
  const tampered = await repo.cli("verify");
  assert.equal(tampered.code, 1, tampered.stderr + tampered.stdout);
  assert.match(tampered.stdout + tampered.stderr, /data\/train\.csv/);
});

test("a future-dated dirty record line (recorded uncommitted, other bytes) never shadows the line of the committed bytes", async (t) => {
  const { repo, head, genuine } = await recorded(t);
  await appendNoteLines(repo.git, head, [
    {
      ...genuine,
      id: "e5e5e5e5e5e5e5e5",
      at: "2999-01-01T00:00:00.000Z",
      artifact: { ...genuine.artifact, sha256: "f".repeat(64) },
      dirty: [genuine.artifact.path],
    },
  ]);
  const verified = await repo.cli("verify");
  assert.equal(verified.code, 0, verified.stderr + verified.stdout);
});

/** A committed, recorded model: the repository, the commit, and its one genuine record line. */
async function recorded(t: TestContext) {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(300, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  const head = await repo.commit("model");
  assert.equal((await repo.cli("record")).code, 0);
  const [genuine] = (await readNote(repo.git, head)) as any[];
  return { repo, head, genuine };
}
