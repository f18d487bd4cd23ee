import { test } from "node:test";
import assert from "node:assert/strict";
import { createTestRepo } from "../support/git-repo.ts";
import { tagsOf } from "../../src/git/tags.ts";

test("tagsOf: each tag under the prefix with its type, peeled type and message", async () => {
  const repo = await createTestRepo({ "a.txt": "a\n" });
  try {
    const commit = await repo.commit("the commit");
    await repo.git.run(["tag", "-a", "modelkeeper/fraud/v1", "-m", 'line one\n\n{"event":"promote"}', commit]);
    await repo.git.run(["tag", "modelkeeper/fraud/v2", commit]);
    const tree = (await repo.git.run(["rev-parse", `${commit}^{tree}`])).trim();
    await repo.git.run(["tag", "-a", "modelkeeper/fraud/v3", "-m", "a tree", tree]);
    await repo.git.run(["tag", "-a", "modelkeeper/other/v1", "-m", "not this model", commit]);
    const tags = await tagsOf(repo.git, "modelkeeper/fraud/v");
    assert.deepEqual(
      tags.map(({ name, type, peeledType }) => ({ name, type, peeledType })),
      [
        { name: "modelkeeper/fraud/v1", type: "tag", peeledType: "commit" },
        { name: "modelkeeper/fraud/v2", type: "commit", peeledType: "" },
        { name: "modelkeeper/fraud/v3", type: "tag", peeledType: "tree" },
      ],
    );
    assert.equal(tags[0].message, 'line one\n\n{"event":"promote"}\n');
    assert.deepEqual(await tagsOf(repo.git, "modelkeeper/none/v"), []);
    // A branch of the same name would make git's short name "tags/…"; the name stays the tag's.
    await repo.git.run(["branch", "modelkeeper/fraud/v1"]);
    assert.equal((await tagsOf(repo.git, "modelkeeper/fraud/v"))[0].name, "modelkeeper/fraud/v1");
  } finally {
    await repo.cleanup();
  }
});
