import { test } from "node:test";
import assert from "node:assert/strict";
import { createNonRepo, createTestRepo } from "../support/git-repo.ts";
import { commitStagedPath, commitWithFile, hasStagedChanges, stagePath } from "../../src/git/commit-file.ts";
import { commitMessage, headCommit, objectAt } from "../../src/git/revisions.ts";
import { fileEntry } from "../../src/git/tree.ts";

test("stagePath, hasStagedChanges and commitStagedPath commit one path and nothing else", async () => {
  const repo = await createTestRepo({ "model.bin": "v1", "other.txt": "o\n" });
  try {
    const start = await repo.commit();
    await stagePath(repo.git, "model.bin");
    assert.equal(await hasStagedChanges(repo.git, "model.bin"), false); // unchanged
    await repo.write("model.bin", "v2");
    await repo.write("other.txt", "edited\n");
    await repo.git.run(["add", "other.txt"]);
    await stagePath(repo.git, "model.bin");
    assert.equal(await hasStagedChanges(repo.git, "model.bin"), true);
    await commitStagedPath(repo.git, "model.bin", "retrain\n\nbody");
    const commit = await headCommit(repo.git);
    assert.notEqual(commit, start);
    assert.equal((await commitMessage(repo.git, commit)).trimEnd(), "retrain\n\nbody");
    assert.equal(await objectAt(repo.git, commit, "other.txt"), await objectAt(repo.git, start, "other.txt"));
    assert.equal(await hasStagedChanges(repo.git, "other.txt"), true); // still staged, not committed
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(hasStagedChanges(outside.git, "x"), /diff --cached --quiet -- x failed/);
  } finally {
    await outside.cleanup();
  }
});

test("commitWithFile makes a commit with one file replaced, leaving the index and branch alone", async () => {
  const repo = await createTestRepo({ "model.bin": "v1", "other.txt": "o\n" });
  try {
    const start = await repo.commit();
    const blob = (await repo.git.run(["hash-object", "-w", "--stdin"], { input: "v0" })).trim();
    const commit = await commitWithFile(repo.git, {
      parent: start,
      path: "model.bin",
      blob,
      mode: "100644",
      message: "rollback",
    });
    assert.equal(await headCommit(repo.git), start);
    assert.deepEqual(await fileEntry(repo.git, commit, "model.bin"), { mode: "100644", blob });
    assert.equal(await hasStagedChanges(repo.git, "model.bin"), false);
  } finally {
    await repo.cleanup();
  }
});
