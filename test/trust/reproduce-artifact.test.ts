// M6: reproduce compares the rebuild with the artifact git holds at the commit, never only with
// the hash a note claims; a record on a commit whose artifact it does not name is not that commit's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";
import { appendNoteLines, readNote } from "../../src/git/notes.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const GENUINE = simpleModelFiles()["models/fraud.bin"]; // what train.mjs writes from params.yaml
const BACKDOOR = "model:backdoor\n";

async function backdooredCommit() {
  const repo = await createTestRepo(simpleModelFiles());
  await repo.commit("genuine model");
  assert.equal((await repo.cli("record")).code, 0);
  const [genuine] = await readNote(repo.git, (await repo.git.run(["rev-parse", "HEAD"])).trim());
  // A commit whose artifact is not what its train command builds.
  await repo.write("models/fraud.bin", BACKDOOR);
  const commit = await repo.commit("swap the model");
  return { repo, commit, genuine: genuine as any };
}

test("a forged record on a commit, naming the rebuildable artifact's hash instead of the committed one, is not used", async (t) => {
  const { repo, commit, genuine } = await backdooredCommit();
  t.after(() => repo.cleanup());
  assert.equal(genuine.artifact.sha256, sha256(GENUINE));
  // Whoever can push refs/notes/* copies the genuine record onto the swapped commit.
  await appendNoteLines(repo.git, commit, [{ ...genuine, id: "a1a1a1a1a1a1a1a1", at: "2999-01-01T00:00:00.000Z" }]);
  const result = await repo.cli("reproduce", "--json");
  assert.equal(result.code, 2, result.stdout);
  assert.match(
    result.stderr,
    new RegExp(
      `record line on ${commit.slice(0, 12)} names models/fraud.bin with sha256 ${sha256(GENUINE).slice(0, 12)}, but the commit holds ${sha256(BACKDOOR).slice(0, 12)}`,
    ),
  );
  assert.match(result.stderr, /no record of model "fraud"/);
  assert.doesNotMatch(result.stdout, /"reproduced":\s*true/);
});

test("a forged record marked --allow-dirty is compared with the committed artifact, so the swap is not reproduced", async (t) => {
  const { repo, commit, genuine } = await backdooredCommit();
  t.after(() => repo.cleanup());
  await appendNoteLines(repo.git, commit, [
    { ...genuine, id: "b2b2b2b2b2b2b2b2", at: "2999-01-01T00:00:00.000Z", dirty: ["models/fraud.bin"] },
  ]);
  const result = await repo.cli("reproduce", "--json");
  assert.equal(result.code, 1, result.stderr);
  const [model] = JSON.parse(result.stdout).models;
  assert.equal(model.reproduced, false);
  assert.equal(model.expected, sha256(BACKDOOR), "the yardstick is the committed bytes");
  assert.equal(model.actual, sha256(GENUINE), "what the train command really builds");
  assert.equal(model.noteArtifact, sha256(GENUINE));
  assert.match(result.stderr, /comparing with the committed artifact/);
});

test("control: a genuine record on the commit still reproduces identically", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  await repo.commit();
  await repo.cli("record");
  const result = await repo.cli("reproduce", "--json");
  assert.equal(result.code, 0, result.stderr);
  const [model] = JSON.parse(result.stdout).models;
  assert.equal(model.identical, true);
  assert.equal(model.expected, sha256(GENUINE));
  assert.equal(model.noteArtifact, undefined);
});
