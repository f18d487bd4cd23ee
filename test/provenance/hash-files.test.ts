import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashFiles } from "../../src/provenance/hash-files.ts";
import { HashCache } from "../../src/provenance/hash-cache.ts";
import { UserError } from "../../src/errors.ts";

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

test("hashes equal node:crypto's sha256 for empty, small and multi-buffer files, on several threads", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-hash-"));
  const big = Buffer.alloc(3 * (1 << 20) + 17, 7);
  const files: Record<string, string | Buffer> = { "empty": "", "small.txt": "hello\n", "big.bin": big };
  for (let i = 0; i < 20; i++) files[`many/${i}.txt`] = `file ${i}\n`;
  for (const [p, c] of Object.entries(files)) {
    await import("node:fs/promises").then((fs) => fs.mkdir(join(dir, p, ".."), { recursive: true }));
    await writeFile(join(dir, p), c);
  }
  const { hashes, stats } = await hashFiles(dir, Object.keys(files), { threads: 2 });
  for (const [p, c] of Object.entries(files)) {
    assert.equal(hashes.get(p)?.sha256, sha(c), p);
    assert.equal(hashes.get(p)?.bytes, Buffer.byteLength(c), p);
  }
  assert.equal(stats.hashed, Object.keys(files).length);
});

test("the cache skips unchanged files and re-reads a file whose mtime or size changed", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-cache-"));
  await writeFile(join(dir, "a"), "one");
  await writeFile(join(dir, "b"), "two");
  const old = new Date(Date.now() - 60_000);
  await utimes(join(dir, "a"), old, old);
  await utimes(join(dir, "b"), old, old);
  const cacheFile = join(dir, "cache.json");
  const first = await HashCache.open(cacheFile);
  assert.equal((await hashFiles(dir, ["a", "b"], { cache: first })).stats.hashed, 2);
  await first.save();

  const second = await HashCache.open(cacheFile);
  const again = await hashFiles(dir, ["a", "b"], { cache: second });
  assert.deepEqual([again.stats.hashed, again.stats.reused], [0, 2]);
  assert.equal(again.hashes.get("a")?.sha256, sha("one"));

  // Same size, new content and mtime: must be read again.
  await writeFile(join(dir, "a"), "ONE");
  const third = await hashFiles(dir, ["a", "b"], { cache: second });
  assert.deepEqual([third.stats.hashed, third.stats.reused], [1, 1]);
  assert.equal(third.hashes.get("a")?.sha256, sha("ONE"));
});

test("a file modified at or after the moment hashing began is not trusted from the cache (racy mtime)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-racy-"));
  await writeFile(join(dir, "a"), "x");
  const future = new Date(Date.now() + 60_000);
  await utimes(join(dir, "a"), future, future);
  const cache = await HashCache.open(join(dir, "cache.json"));
  await hashFiles(dir, ["a"], { cache });
  assert.equal((await hashFiles(dir, ["a"], { cache })).stats.reused, 0);
});

test("a missing file is a UserError naming it", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-missing-"));
  await assert.rejects(hashFiles(dir, ["nope.csv"]), (e: unknown) => e instanceof UserError && /nope\.csv: cannot read \(ENOENT\)/.test(e.message));
});

test("the cache file round-trips paths with spaces across several write pieces, and ignores a file in another format", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-cache-format-"));
  const cacheFile = join(dir, "cache");
  const cache = await HashCache.open(cacheFile);
  const fp = (i: number) => ({ dev: 1n, ino: BigInt(i), size: 10n, mtimeNs: 1_000_000_000_000_000_000n + BigInt(i) });
  // ~15,000 entries of ~100 bytes: more than one 1 MiB write piece.
  for (let i = 0; i < 15_000; i++) cache.store(`dir with space/file ${i}.csv`, fp(i), sha(String(i)), 2_000_000_000_000_000_000n);
  await cache.save();
  const reopened = await HashCache.open(cacheFile);
  for (const i of [0, 7_777, 14_999]) assert.equal(reopened.lookup(`dir with space/file ${i}.csv`, fp(i)), sha(String(i)));
  assert.equal(reopened.lookup("dir with space/file 1.csv", { ...fp(1), size: 11n }), undefined);

  await writeFile(cacheFile, JSON.stringify({ version: 1, entries: { a: { dev: "1", ino: "1", size: "1", mtimeNs: "1", sha256: sha("a") } } }));
  assert.equal((await HashCache.open(cacheFile)).knows("a"), false);
});
