import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { createTestRepo } from "../support/git-repo.ts";
import {
  blobIdsOfFiles,
  openBlobReader,
  openBlobWriter,
  readBlob,
  readTextAt,
  smudgeLfsPointer,
} from "../../src/git/blob.ts";
import { hasBlob } from "../../src/git/revisions.ts";

async function output(child: { stdout: NodeJS.ReadableStream; exitCode: number | null; once: Function }) {
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("close", resolve),
  );
  return { code, bytes: Buffer.concat(chunks) };
}

test("readTextAt: a committed file's text, undefined when the commit lacks it", async () => {
  const repo = await createTestRepo({ "modelkeeper.yml": "models: {}\n" });
  try {
    const commit = await repo.commit();
    await repo.write("modelkeeper.yml", "changed in the working tree\n");
    assert.equal(await readTextAt(repo.git, commit, "modelkeeper.yml"), "models: {}\n");
    assert.equal(await readTextAt(repo.git, commit, "nope.yml"), undefined);
  } finally {
    await repo.cleanup();
  }
});

test("blobIdsOfFiles: the ids git would give the files, without writing them; none for no file", async () => {
  const repo = await createTestRepo({ "a.csv": "x\n1\n", "b.csv": "x\n2\n" });
  try {
    const ids = await blobIdsOfFiles(repo.git, [join(repo.dir, "a.csv"), join(repo.dir, "b.csv")]);
    assert.deepEqual(ids, [
      (await repo.git.run(["hash-object", "a.csv"])).trim(),
      (await repo.git.run(["hash-object", "b.csv"])).trim(),
    ]);
    assert.equal(await hasBlob(repo.git, ids[0]), false);
    assert.deepEqual(await blobIdsOfFiles(repo.git, []), []);
    await assert.rejects(blobIdsOfFiles(repo.git, [join(repo.dir, "missing.csv")]), /hash-object .* failed/);
  } finally {
    await repo.cleanup();
  }
});

test("openBlobWriter writes a blob from a stream; openBlobReader streams it back, and exits non-zero for a missing one", async () => {
  const repo = await createTestRepo();
  try {
    const bytes = Buffer.from([0, 1, 2, 255, 10, 13]);
    const writer = openBlobWriter(repo.git);
    writer.stdin.end(bytes);
    const written = await output(writer);
    assert.equal(written.code, 0);
    const oid = written.bytes.toString("utf8").trim();
    assert.deepEqual(await readBlob(repo.git, oid), bytes);
    const read = await output(openBlobReader(repo.git, oid));
    assert.equal(read.code, 0);
    assert.deepEqual(read.bytes, bytes);
    assert.notEqual((await output(openBlobReader(repo.git, "0123456789abcdef0123456789abcdef01234567"))).code, 0);
  } finally {
    await repo.cleanup();
  }
});

test("smudgeLfsPointer rejects when git-lfs cannot resolve the pointer", async () => {
  const repo = await createTestRepo();
  try {
    const pointer = Buffer.from(
      "version https://git-lfs.github.com/spec/v1\noid sha256:" + "0".repeat(64) + "\nsize 1\n",
    );
    // Without git-lfs installed git itself refuses ("'lfs' is not a git command"); with it, the object is not there.
    await assert.rejects(smudgeLfsPointer(repo.git, pointer, "model.onnx"));
  } finally {
    await repo.cleanup();
  }
});
