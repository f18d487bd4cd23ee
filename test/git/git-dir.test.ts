import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { createNonRepo, createTestRepo } from "../support/git-repo.ts";
import { createGit } from "../../src/git/git.ts";
import { isShallow } from "../../src/git/git-dir.ts";

test("isShallow: false for a full clone, true for a --depth clone, throws outside a repository", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    await repo.commit("one");
    await repo.commit("two");
    await repo.git.run(["push", "--quiet", "origin", "main"]);
    assert.equal(await isShallow(repo.git), false);
    const clone = join(repo.dir, "..", "shallow");
    await createGit(join(repo.dir, "..")).run(["clone", "--quiet", "--depth=1", `file://${repo.origin}`, clone]);
    assert.equal(await isShallow(createGit(clone)), true);
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(isShallow(outside.git), /rev-parse --is-shallow-repository failed/);
  } finally {
    await outside.cleanup();
  }
});
