import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";
import { writeManifest, readManifest, type Role } from "../../src/provenance/manifest-store.ts";
import { canonicalJson } from "../../src/provenance/canonical-json.ts";

const sha = (data: string) => createHash("sha256").update(data).digest("hex");

test("the manifest writer streams entries from a generator across many write pieces: the blob is exactly the whole text", async (t) => {
  const repo = await createTestRepo(simpleModelFiles());
  t.after(() => repo.cleanup());
  const count = 40_000; // about 4 MB of entries: several write pieces
  let yielded = 0;
  function* entries(): Generator<[Role, string, string]> {
    for (let i = 0; i < count; i++) {
      yielded++;
      yield ["data", `data/part ${String(i).padStart(6, "0")}.csv`, sha(String(i))];
    }
  }
  const ref = await writeManifest(repo.git, { model: "m", section: { a: 1 } }, entries());
  assert.equal(yielded, count);
  let expected = canonicalJson({ model: "m", modelkeeper: "manifest", section: { a: 1 }, version: 1 }) + "\n";
  for (let i = 0; i < count; i++)
    expected += JSON.stringify(["data", `data/part ${String(i).padStart(6, "0")}.csv`, sha(String(i))]) + "\n";
  assert.equal(ref.sha256, sha(expected));
  assert.equal(ref.files, count);
  assert.equal((await repo.git.run(["hash-object", "--stdin"], { input: expected })).trim(), ref.oid);
  const back = await readManifest(repo.git, ref, "test");
  assert.equal(Object.keys(back.inputs.data).length, count);
  assert.equal(back.inputs.data["data/part 039999.csv"], sha("39999"));
});
