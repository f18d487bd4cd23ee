import { test } from "node:test";
import assert from "node:assert/strict";
import { corruptObject, createNonRepo, createTestRepo } from "../support/git-repo.ts";
import {
  changedPaths,
  commitCount,
  commitOf,
  hasBlob,
  isAncestor,
  objectAt,
  objectsAt,
} from "../../src/git/revisions.ts";

const MISSING = "0123456789abcdef0123456789abcdef01234567";

/** Three commits in a line (a → b → c) and a side commit s off a; files a.txt, dir/b.txt. */
async function history() {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  const a = await repo.commit("a");
  await repo.write("dir/b.txt", "b\n");
  const b = await repo.commit("b");
  await repo.write("a.txt", "a2\n");
  const c = await repo.commit("c");
  await repo.git.run(["checkout", "--quiet", "-b", "side", a]);
  await repo.write("s.txt", "s\n");
  const s = await repo.commit("s");
  await repo.git.run(["checkout", "--quiet", "main"]);
  return { repo, a, b, c, s };
}

test("commitOf: the commit a name resolves to; undefined for no such name or another type; throws when git fails", async () => {
  const { repo, b, c } = await history();
  try {
    assert.equal(await commitOf(repo.git, "main"), c);
    assert.equal(await commitOf(repo.git, "main~1"), b);
    assert.equal(await commitOf(repo.git, "refs/remotes/origin/main"), undefined); // never fetched
    assert.equal(await commitOf(repo.git, MISSING), undefined);
    assert.equal(await commitOf(repo.git, "HEAD@{99}"), undefined); // a reflog entry it lacks: exit 128, silent
    const tree = (await repo.git.run(["rev-parse", "HEAD^{tree}"])).trim();
    assert.equal(await commitOf(repo.git, tree), undefined); // a tree is not a commit
    await corruptObject(repo, b);
    await assert.rejects(
      commitOf(repo.git, "main~1"),
      /rev-parse --verify --quiet main~1\^\{commit\} failed \(exit 128\).*corrupt/s,
    );
  } finally {
    await repo.cleanup();
  }
  const outside = await createNonRepo();
  try {
    await assert.rejects(commitOf(outside.git, "HEAD"), /not a git repository/);
  } finally {
    await outside.cleanup();
  }
});

test("objectAt: the blob id at a path; undefined when the commit lacks it; throws for a path outside the repository", async () => {
  const { repo, a, b } = await history();
  try {
    const blob = (await repo.git.run(["hash-object", "dir/b.txt"])).trim();
    assert.equal(await objectAt(repo.git, b, "dir/b.txt"), blob);
    assert.equal(await objectAt(repo.git, a, "dir/b.txt"), undefined);
    assert.equal(await objectAt(repo.git, MISSING, "a.txt"), undefined);
    await assert.rejects(objectAt(repo.git, b, "../elsewhere.txt"), /outside repository/);
  } finally {
    await repo.cleanup();
  }
});

test("objectsAt: every path's id in one call; undefined when one is missing; throws on a corrupt commit", async () => {
  const { repo, a, b } = await history();
  try {
    const ids = await objectsAt(repo.git, b, ["a.txt", "dir", ""]);
    assert.equal(ids?.length, 3);
    assert.equal(ids?.[0], (await repo.git.run(["rev-parse", `${b}:a.txt`])).trim());
    assert.equal(ids?.[2], (await repo.git.run(["rev-parse", `${b}^{tree}`])).trim());
    assert.equal(await objectsAt(repo.git, a, ["a.txt", "dir/b.txt"]), undefined);
    assert.equal(await objectsAt(repo.git, a, ["a.txt", "../up"]), undefined);
    // A missing path's own words are git's quoted text, not a failure it reports.
    assert.equal(await objectsAt(repo.git, a, ["a.txt", "data/corrupted"]), undefined);
    assert.equal(await objectsAt(repo.git, a, ["a.txt", "logs/unable to parse"]), undefined);
    await corruptObject(repo, a);
    await assert.rejects(objectsAt(repo.git, a, ["a.txt"]), /failed \(exit 128\).*corrupt/s);
  } finally {
    await repo.cleanup();
  }
});

test("hasBlob: true for a blob here, false for one that is not (or not a blob), throws on a corrupt one", async () => {
  const repo = await createTestRepo({ "x.txt": "x\n" });
  try {
    await repo.commit();
    const blob = (await repo.git.run(["rev-parse", "HEAD:x.txt"])).trim();
    assert.equal(await hasBlob(repo.git, blob), true);
    assert.equal(await hasBlob(repo.git, MISSING), false);
    assert.equal(await hasBlob(repo.git, (await repo.git.run(["rev-parse", "HEAD^{tree}"])).trim()), false);
    await corruptObject(repo, blob);
    await assert.rejects(hasBlob(repo.git, blob), /corrupt/);
  } finally {
    await repo.cleanup();
  }
});

test("isAncestor: yes, no (exit 1), no for a commit git does not hold; throws on a corrupt commit", async () => {
  const { repo, a, b, c, s } = await history();
  try {
    assert.equal(await isAncestor(repo.git, a, c), true);
    assert.equal(await isAncestor(repo.git, c, c), true);
    assert.equal(await isAncestor(repo.git, c, a), false);
    assert.equal(await isAncestor(repo.git, s, c), false);
    assert.equal(await isAncestor(repo.git, MISSING, c), false);
    assert.equal(await isAncestor(repo.git, a, "refs/remotes/origin/main"), false);
    // A note may sit on a tree or a blob: not a commit, so not an ancestor (git says so in two lines).
    const tree = (await repo.git.run(["rev-parse", `${a}^{tree}`])).trim();
    assert.equal(await isAncestor(repo.git, tree, c), false);
    assert.equal(await isAncestor(repo.git, (await repo.git.run(["rev-parse", `${a}:a.txt`])).trim(), c), false);
    await corruptObject(repo, b);
    await assert.rejects(isAncestor(repo.git, b, c), /merge-base --is-ancestor .* failed \(exit 128\).*corrupt/s);
  } finally {
    await repo.cleanup();
  }
});

test("commitCount and changedPaths compare two commits; both throw for a commit git does not hold", async () => {
  const { repo, a, b, c, s } = await history();
  try {
    assert.equal(await commitCount(repo.git, a, c), 2);
    assert.equal(await commitCount(repo.git, c, c), 0);
    assert.equal(await commitCount(repo.git, s, c), 2);
    assert.deepEqual(await changedPaths(repo.git, a, c), ["a.txt", "dir/b.txt"]);
    assert.deepEqual(await changedPaths(repo.git, b, b), []);
    assert.deepEqual(await changedPaths(repo.git, a, s), ["s.txt"]);
    await assert.rejects(commitCount(repo.git, MISSING, c), /rev-list --count .* failed \(exit 128\)/);
    await assert.rejects(changedPaths(repo.git, MISSING, c), /diff .* failed \(exit 128\).*bad object/s);
  } finally {
    await repo.cleanup();
  }
});
