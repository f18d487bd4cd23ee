import { test } from "node:test";
import assert from "node:assert/strict";
import { createNonRepo, createTestRepo } from "../support/git-repo.ts";
import { currentBranch, deleteRef, updateRef } from "../../src/git/refs.ts";
import { commitOf } from "../../src/git/revisions.ts";

test("currentBranch: the branch checked out, undefined when HEAD is detached, throws outside a repository", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    const first = await repo.commit();
    assert.equal(await currentBranch(repo.git), "main");
    await repo.git.run(["checkout", "--quiet", "-b", "modelkeeper/retrain/fraud"]);
    assert.equal(await currentBranch(repo.git), "modelkeeper/retrain/fraud");
    await repo.git.run(["checkout", "--quiet", "--detach", first]);
    assert.equal(await currentBranch(repo.git), undefined);
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(currentBranch(outside.git), /symbolic-ref .* failed \(exit 128\).*not a git repository/s);
  } finally {
    await outside.cleanup();
  }
});

test("updateRef moves a ref, only from the expected value when one is given; deleteRef removes it", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    const first = await repo.commit("one");
    const second = await repo.commit("two");
    await updateRef(repo.git, "refs/heads/other", first, { expect: "", message: "test" });
    assert.equal(await commitOf(repo.git, "refs/heads/other"), first);
    // "" means: must not exist yet; it does now.
    await assert.rejects(updateRef(repo.git, "refs/heads/other", second, { expect: "" }), /update-ref .* failed/);
    await assert.rejects(updateRef(repo.git, "refs/heads/other", second, { expect: second }), /update-ref .* failed/);
    assert.equal(await commitOf(repo.git, "refs/heads/other"), first);
    await updateRef(repo.git, "refs/heads/other", second, { expect: first });
    assert.equal(await commitOf(repo.git, "refs/heads/other"), second);
    await updateRef(repo.git, "refs/heads/other", first);
    assert.equal(await commitOf(repo.git, "refs/heads/other"), first);
    await deleteRef(repo.git, "refs/heads/other");
    assert.equal(await commitOf(repo.git, "refs/heads/other"), undefined);
    await deleteRef(repo.git, "refs/heads/other"); // already gone: nothing to do
    await assert.rejects(updateRef(repo.git, "refs/heads/x", "0123456789abcdef0123456789abcdef01234567"), /update-ref/);
  } finally {
    await repo.cleanup();
  }
});
