import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createNonRepo, createTestRepo } from "../support/git-repo.ts";
import {
  changedTrackedFiles,
  differsFromCommit,
  ignoredFiles,
  resetHard,
  restoreFromHead,
  untrackedFiles,
  workingTreeChanges,
} from "../../src/git/working-tree.ts";
import { headCommit } from "../../src/git/revisions.ts";

const MISSING = "0123456789abcdef0123456789abcdef01234567";

async function dirtyRepo() {
  const repo = await createTestRepo({
    ".gitignore": "cache/\n*.tmp\n",
    "a.txt": "a\n",
    "b.txt": "b\n",
    "c.txt": "c\n",
  });
  const commit = await repo.commit();
  await repo.write("a.txt", "changed\n");
  await repo.git.run(["rm", "--quiet", "b.txt"]);
  await repo.write("new.txt", "staged\n");
  await repo.git.run(["add", "new.txt"]);
  await repo.write("loose.txt", "untracked\n");
  await repo.write("cache/big.bin", "ignored\n");
  await repo.write("x.tmp", "ignored\n");
  return { repo, commit };
}

test("workingTreeChanges, untrackedFiles, ignoredFiles and changedTrackedFiles see what differs from the commit", async () => {
  const { repo, commit } = await dirtyRepo();
  try {
    assert.deepEqual(await workingTreeChanges(repo.git, commit), [
      { status: "M", path: "a.txt" },
      { status: "D", path: "b.txt" },
      { status: "A", path: "new.txt" },
    ]);
    assert.deepEqual(await untrackedFiles(repo.git), ["loose.txt"]);
    assert.deepEqual(await ignoredFiles(repo.git, ["."]), ["cache/", "x.tmp"]);
    assert.deepEqual(await ignoredFiles(repo.git, ["a.txt", "c.txt"]), []);
    assert.deepEqual(await changedTrackedFiles(repo.git), ["a.txt", "b.txt", "new.txt"]);
    await assert.rejects(workingTreeChanges(repo.git, MISSING), /diff .* failed \(exit 128\)/);
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(untrackedFiles(outside.git), /not a git repository/);
    await assert.rejects(ignoredFiles(outside.git, ["."]), /not a git repository/);
    await assert.rejects(changedTrackedFiles(outside.git), /not a git repository/);
  } finally {
    await outside.cleanup();
  }
});

test("differsFromCommit: exit 0 is false, exit 1 is true, anything else throws", async () => {
  const { repo, commit } = await dirtyRepo();
  try {
    assert.equal(await differsFromCommit(repo.git, commit, "a.txt"), true);
    assert.equal(await differsFromCommit(repo.git, commit, "c.txt"), false);
    await assert.rejects(
      differsFromCommit(repo.git, MISSING, "a.txt"),
      /diff --quiet .* failed \(exit 128\).*bad object/s,
    );
  } finally {
    await repo.cleanup();
  }
});

test("restoreFromHead puts HEAD's file back; false when HEAD has no such file; throws outside a repository", async () => {
  const { repo } = await dirtyRepo();
  try {
    assert.equal(await restoreFromHead(repo.git, "a.txt"), true);
    assert.equal(await readFile(join(repo.dir, "a.txt"), "utf8"), "a\n");
    assert.equal(await restoreFromHead(repo.git, "models/never-committed.onnx"), false);
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(restoreFromHead(outside.git, "a.txt"), /checkout .* failed \(exit 128\)/);
  } finally {
    await outside.cleanup();
  }
});

test("resetHard moves the branch, index and working tree; throws for a commit git does not hold", async () => {
  const repo = await createTestRepo({ "a.txt": "one\n" });
  try {
    const first = await repo.commit("one");
    await repo.write("a.txt", "two\n");
    await repo.commit("two");
    await repo.write("a.txt", "dirty\n");
    await resetHard(repo.git, first);
    assert.equal(await headCommit(repo.git), first);
    assert.equal(await readFile(join(repo.dir, "a.txt"), "utf8"), "one\n");
    await assert.rejects(resetHard(repo.git, MISSING), /reset --quiet --hard .* failed/);
  } finally {
    await repo.cleanup();
  }
});
