// A tag's claim is the tag maker's text. A hostile one (a path outside the repository, a folder, a
// link) makes that tag ignored, never an error that stops the search: the trusted champion is still
// found, so evaluate, promote, rollback and serve go on working. A branch named like a champion tag
// does not hide the tag either.
import { test } from "node:test";
import assert from "node:assert/strict";
import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { matrixModelRepo } from "../serve/support.ts";
import { trustedChampion } from "../../src/gate/champion.ts";

test("claims naming ../outside, a folder or a link are ignored by name; v1 is still the champion", async () => {
  const repo = await matrixModelRepo(); // risk v1, tagged by promote's rules
  try {
    await symlink("risk.onnx", join(repo.dir, "models/link.onnx"));
    await repo.commit("a link beside the model");
    const claimTag = async (version: number, path: string) => {
      const tag = `modelkeeper/risk/v${version}`;
      const claim = { event: "promote", model: "risk", version, tag, artifact: { path, sha256: "a".repeat(64) } };
      await repo.git.run(["tag", "-a", "-m", `by hand\n\n${JSON.stringify(claim)}`, tag]);
    };
    await claimTag(99, "../outside");
    await claimTag(98, "models");
    await claimTag(97, "models/link.onnx");
    await claimTag(96, "/etc/passwd");

    const { champion, ignored } = await trustedChampion(repo.git, "risk");
    assert.equal(champion?.tag, "modelkeeper/risk/v1");
    assert.deepEqual(
      ignored.map((i) => i.tag),
      ["modelkeeper/risk/v99", "modelkeeper/risk/v98", "modelkeeper/risk/v97", "modelkeeper/risk/v96"],
    );
    assert.match(ignored[0].reason, /"\.\.\/outside", which is not a path inside the repository/);
    assert.match(ignored[1].reason, /models does not exist at the tagged commit \(as a file\)/);
    assert.match(ignored[2].reason, /models\/link\.onnx at the tagged commit is a symbolic link/);
    assert.match(ignored[3].reason, /"\/etc\/passwd", which is not a path inside the repository/);
  } finally {
    await repo.cleanup();
  }
});

test("a branch named modelkeeper/<model>/v<N> does not hide the tag of that name", async () => {
  const repo = await matrixModelRepo();
  try {
    await repo.git.run(["branch", "modelkeeper/risk/v1"]);
    const { champion, ignored } = await trustedChampion(repo.git, "risk");
    assert.equal(champion?.tag, "modelkeeper/risk/v1");
    assert.deepEqual(ignored, []);
  } finally {
    await repo.cleanup();
  }
});
