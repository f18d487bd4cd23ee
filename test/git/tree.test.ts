import { test } from "node:test";
import assert from "node:assert/strict";
import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { createTestRepo } from "../support/git-repo.ts";
import { fileEntry, openTreeListing, treeFiles } from "../../src/git/tree.ts";

const MISSING = "0123456789abcdef0123456789abcdef01234567";

async function repoWithLink() {
  const repo = await createTestRepo({ "a.txt": "a\n", "dir/b.txt": "b\n" });
  await symlink("a.txt", join(repo.dir, "link"));
  const commit = await repo.commit();
  return { repo, commit };
}

test("treeFiles lists a commit's regular files with their blob ids, not links; throws for a commit git does not hold", async () => {
  const { repo, commit } = await repoWithLink();
  try {
    const files = await treeFiles(repo.git, commit);
    assert.deepEqual([...files.keys()].sort(), ["a.txt", "dir/b.txt"]);
    assert.equal(files.get("a.txt"), (await repo.git.run(["rev-parse", `${commit}:a.txt`])).trim());
    await assert.rejects(treeFiles(repo.git, MISSING), /ls-tree .* failed \(exit 128\)/);
  } finally {
    await repo.cleanup();
  }
});

test("fileEntry: mode and blob of a path (120000 for a link), undefined for a folder or a missing path", async () => {
  const { repo, commit } = await repoWithLink();
  try {
    assert.equal((await fileEntry(repo.git, commit, "a.txt"))?.mode, "100644");
    assert.equal((await fileEntry(repo.git, commit, "link"))?.mode, "120000");
    assert.equal(await fileEntry(repo.git, commit, "dir"), undefined);
    assert.equal(await fileEntry(repo.git, commit, "nope"), undefined);
    await assert.rejects(fileEntry(repo.git, MISSING, "a.txt"), /ls-tree .* failed/);
  } finally {
    await repo.cleanup();
  }
});

test("openTreeListing streams ls-tree -r -z of the commit; a missing commit exits non-zero", async () => {
  const { repo, commit } = await repoWithLink();
  try {
    const read = async (rev: string) => {
      const child = openTreeListing(repo.git, rev);
      const chunks: Buffer[] = [];
      for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
      const code = await new Promise<number | null>((resolve) =>
        child.exitCode !== null ? resolve(child.exitCode) : child.once("close", resolve),
      );
      return { code, text: Buffer.concat(chunks).toString("utf8") };
    };
    const listed = await read(commit);
    assert.equal(listed.code, 0);
    assert.deepEqual(
      listed.text
        .split("\0")
        .filter(Boolean)
        .map((entry) => entry.split("\t")[1]),
      ["a.txt", "dir/b.txt", "link"],
    );
    assert.notEqual((await read(MISSING)).code, 0);
  } finally {
    await repo.cleanup();
  }
});
