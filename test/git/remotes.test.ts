import { test } from "node:test";
import assert from "node:assert/strict";
import { createNonRepo, createTestRepo } from "../support/git-repo.ts";
import { fetchRef, hasRemote, remoteDefaultBranch } from "../../src/git/remotes.ts";
import { commitOf } from "../../src/git/revisions.ts";

test("hasRemote: true for a configured remote, false for another name or a path; throws outside a repository", async () => {
  const repo = await createTestRepo();
  try {
    assert.equal(await hasRemote(repo.git, "origin"), true);
    assert.equal(await hasRemote(repo.git, "upstream"), false);
    assert.equal(await hasRemote(repo.git, repo.origin), false);
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(hasRemote(outside.git, "origin"), /remote get-url origin failed \(exit 128\)/);
  } finally {
    await outside.cleanup();
  }
});

test("remoteDefaultBranch: from refs/remotes/origin/HEAD, else asked of the remote, else undefined", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    await repo.commit();
    await repo.git.run(["push", "--quiet", "origin", "main"]);
    assert.equal(await remoteDefaultBranch(repo.git, "origin"), "main"); // asked: the bare origin's HEAD
    await repo.git.run(["push", "--quiet", "origin", "main:trunk"]);
    await repo.git.run(["fetch", "--quiet", "origin"]);
    await repo.git.run(["symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk"]);
    assert.equal(await remoteDefaultBranch(repo.git, "origin"), "trunk"); // the local record wins
    assert.equal(await remoteDefaultBranch(repo.git, "nowhere"), undefined); // no such remote: a normal answer
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(remoteDefaultBranch(outside.git, "origin"), /symbolic-ref .* failed \(exit 128\)/);
  } finally {
    await outside.cleanup();
  }
});

test("fetchRef: fetched, missing when the remote has no such ref, a refusal otherwise (never thrown)", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    const commit = await repo.commit();
    await repo.git.run(["push", "--quiet", "origin", "main:feature"]);
    assert.deepEqual(await fetchRef(repo.git, "origin", "refs/heads/feature", "refs/remotes/origin/feature"), {
      ok: true,
    });
    assert.equal(await commitOf(repo.git, "refs/remotes/origin/feature"), commit);
    const shallow = await fetchRef(repo.git, "origin", "refs/heads/feature", "refs/remotes/origin/f1", { depth: 1 });
    assert.deepEqual(shallow, { ok: true });
    const missing = await fetchRef(repo.git, "origin", "refs/heads/nope", "refs/remotes/origin/nope");
    assert.equal(missing.ok, false);
    assert.equal(!missing.ok && missing.missing, true);
    const unreachable = await fetchRef(repo.git, "nowhere", "refs/heads/main", "refs/remotes/nowhere/main");
    assert.equal(unreachable.ok, false);
    assert.equal(!unreachable.ok && unreachable.missing, false);
    assert.match(!unreachable.ok ? unreachable.stderr : "", /nowhere/);
  } finally {
    await repo.cleanup();
  }
});
