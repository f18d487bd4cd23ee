import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashFiles, hashInOrder } from "../../src/provenance/hash-files.ts";
import { HashCache } from "../../src/provenance/hash-cache.ts";
import { UserError } from "../../src/errors.ts";

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

test("hashes equal node:crypto's sha256 for empty, small and multi-buffer files, on several threads", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-hash-"));
  const big = Buffer.alloc(3 * (1 << 20) + 17, 7);
  const files: Record<string, string | Buffer> = { empty: "", "small.txt": "hello\n", "big.bin": big };
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

/** Hashes `paths` (ascending) through the stream with the cache file, saving it after. */
async function hashWithCache(dir: string, cacheFile: string, paths: string[]) {
  const cache = await HashCache.open(cacheFile);
  const stats = { hashed: 0, reused: 0, bytesRead: 0 };
  const hashes = new Map<string, string>();
  for await (const group of hashInOrder(dir, paths, { cache, stats }))
    for (const f of group) hashes.set(f.path, f.sha256);
  await cache.save();
  return { hashes, stats };
}

test("the cache skips unchanged files and re-reads a file whose mtime or size changed", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-cache-"));
  await writeFile(join(dir, "a"), "one");
  await writeFile(join(dir, "b"), "two");
  const old = new Date(Date.now() - 60_000);
  await utimes(join(dir, "a"), old, old);
  await utimes(join(dir, "b"), old, old);
  const cacheFile = join(dir, "cache");
  assert.equal((await hashWithCache(dir, cacheFile, ["a", "b"])).stats.hashed, 2);

  const again = await hashWithCache(dir, cacheFile, ["a", "b"]);
  assert.deepEqual([again.stats.hashed, again.stats.reused], [0, 2]);
  assert.equal(again.hashes.get("a"), sha("one"));

  // Same size, new content and mtime: must be read again.
  await writeFile(join(dir, "a"), "ONE");
  const third = await hashWithCache(dir, cacheFile, ["a", "b"]);
  assert.deepEqual([third.stats.hashed, third.stats.reused], [1, 1]);
  assert.equal(third.hashes.get("a"), sha("ONE"));
});

test("a file modified at or after the moment hashing began is not trusted from the cache (racy mtime)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-racy-"));
  await writeFile(join(dir, "a"), "x");
  const future = new Date(Date.now() + 60_000);
  await utimes(join(dir, "a"), future, future);
  await hashWithCache(dir, join(dir, "cache"), ["a"]);
  assert.equal((await hashWithCache(dir, join(dir, "cache"), ["a"])).stats.reused, 0);
});

test("the cache keeps entries of paths a pass did not visit, and a committed blob's hash is reused only for the same blob id", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-cache-merge-"));
  const old = new Date(Date.now() - 60_000);
  for (const name of ["a", "b", "c"]) {
    await writeFile(join(dir, name), name);
    await utimes(join(dir, name), old, old);
  }
  const cacheFile = join(dir, "cache");
  await hashWithCache(dir, cacheFile, ["a", "b", "c"]);
  // A pass over "b" only keeps "a" and "c".
  await hashWithCache(dir, cacheFile, ["b"]);
  assert.deepEqual((await hashWithCache(dir, cacheFile, ["a", "c"])).stats, { hashed: 0, reused: 2, bytesRead: 0 });
});
test("a missing file is a UserError naming it", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-missing-"));
  await assert.rejects(
    hashFiles(dir, ["nope.csv"]),
    (e: unknown) => e instanceof UserError && /nope\.csv: cannot read \(ENOENT\)/.test(e.message),
  );
});

test("the cache file round-trips paths with spaces and non-ASCII across several read and write pieces, and ignores a file in another format", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-cache-format-"));
  const cacheFile = join(dir, "cache");
  const cache = await HashCache.open(cacheFile);
  // ~15,000 entries of ~110 bytes: more than one 1 MiB piece; "é" and "€" straddle piece ends somewhere.
  const paths = Array.from(
    { length: 15_000 },
    (_, i) => `dir with space/fïlé € ${String(i).padStart(5, "0")}.csv`,
  ).sort();
  for (const [i, path] of paths.entries())
    await cache.set(path, { key: `f 1 ${i} 10 1000`, sha256: sha(String(i)), bytes: i });
  await cache.save();
  const reopened = await HashCache.open(cacheFile);
  for (const i of [0, 7_777, 14_999])
    assert.deepEqual(await reopened.get(paths[i]), { key: `f 1 ${i} 10 1000`, sha256: sha(String(i)), bytes: i });
  assert.equal(await reopened.get("zzz not there"), undefined);
  await reopened.close();

  await writeFile(cacheFile, "modelkeeper-hash-cache 2\n1 1 1 1 " + sha("a") + " a\0");
  const foreign = await HashCache.open(cacheFile);
  assert.equal(await foreign.get("a"), undefined);
  await foreign.close();
});
