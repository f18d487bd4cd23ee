// record is idempotent: a rerun (after a kill, or a retried job) with the same artifact and inputs
// on the same commit adds no second line; anything that changes the record does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";
import { readNote } from "../../src/git/notes.ts";

test("record twice on one commit writes one line; a dirty rerun writes a second, marked dirty", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const commit = await repo.commit();
  assert.equal((await repo.cli("record")).code, 0);
  const again = await repo.cli("record");
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr + again.stdout, /already recorded on [0-9a-f]{12} with the same artifact and inputs/);
  assert.equal((await readNote(repo.git, commit)).filter((l) => l.event === "record").length, 1);
  await repo.write("params.yaml", "lr: 0.2\n");
  assert.equal((await repo.cli("record", "--allow-dirty")).code, 0);
  const lines = (await readNote(repo.git, commit)).filter((l) => l.event === "record") as any[];
  assert.equal(lines.length, 2);
  assert.deepEqual(lines.at(-1).dirty, ["params.yaml"]);
});
