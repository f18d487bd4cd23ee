// H3: a held-out set committed in the repository is public, so a fork can train on it. --holdout
// FILE judges on a set kept outside the repository (fetched by the trusted workflow with a
// secret): the PR's tree cannot see or change it, and it alone decides evaluate and promote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { readNote } from "../../src/git/notes.ts";

/** binaryCsv with every label flipped: there, the model that wins on the public set loses. */
const flipped = (csv: string) => csv.replace(/,([01])$/gm, (_, y) => `,${y === "1" ? 0 : 1}`);

test("--holdout FILE outside the repository decides evaluate and promote; the committed set is not read", async (t) => {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  const secret = await mkdtemp(join(tmpdir(), "mk-private-"));
  t.after(() => Promise.all([repo.cleanup(), rm(secret, { recursive: true, force: true })]));
  const privateCsv = flipped(binaryCsv(1500, 5));
  const privateFile = join(secret, "holdout.csv");
  await writeFile(privateFile, privateCsv);
  const privateSha = createHash("sha256").update(privateCsv).digest("hex");
  await repo.commit("first model");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  assert.equal((await repo.cli("promote", "--holdout", privateFile)).code, 0);

  // The PR's model wins on the public, committed set (it may have been fitted to it) ...
  await repo.write("models/fraud.onnx", MODELS.good());
  const head = await repo.commit("fitted to the public set");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const onPublic = JSON.parse((await repo.cli("evaluate", "--no-comment", "--json")).stdout).models[0];
  assert.equal(onPublic.verdict, "promote");
  // ... and loses on the private one, which decides.
  const onPrivate = await repo.cli("evaluate", "--no-comment", "--json", "--holdout", privateFile);
  assert.equal(onPrivate.code, 1, onPrivate.stderr);
  const [model] = JSON.parse(onPrivate.stdout).models;
  assert.equal(model.verdict, "reject");
  assert.deepEqual(
    model.holdouts.map((h: any) => [h.name, h.rows, h.files]),
    [["private holdout", 1500, { "(private) holdout.csv": privateSha }]],
  );
  const promote = await repo.cli("promote", "--holdout", privateFile);
  assert.equal(promote.code, 2, promote.stdout);
  assert.match(
    promote.stderr,
    /refusing to promote fraud: evaluated here against modelkeeper\/fraud\/v1 .* it says reject/,
  );
  // The record names the private set by file name and hash, never where it was kept.
  const line = (await readNote(repo.git, head)).filter((l: any) => l.event === "evaluate").at(-1) as any;
  assert.deepEqual(line.holdout, { "(private) holdout.csv": privateSha });
  assert.ok(!JSON.stringify(line).includes(secret), "the private file's location is not recorded");

  // The committed set is not read at all: deleting it changes nothing.
  await rm(join(repo.dir, "data/holdout.csv"));
  const without = await repo.cli("evaluate", "--no-comment", "--json", "--holdout", privateFile);
  assert.equal(JSON.parse(without.stdout).models[0].verdict, "reject");
  const missing = await repo.cli("evaluate", "--no-comment", "--holdout", join(secret, "absent.csv"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--holdout .*absent\.csv: no such file/);
});
