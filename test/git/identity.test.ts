import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { createTestRepo } from "../support/git-repo.ts";
import { createGit } from "../../src/git/git.ts";
import { configuredIdentity } from "../../src/git/identity.ts";

test('configuredIdentity: the configured name and email, "" for one not set, throws on a broken config', async () => {
  const repo = await createTestRepo();
  try {
    assert.deepEqual(await configuredIdentity(repo.git), { name: "Test", email: "test@example.invalid" });
    await repo.git.run(["config", "--unset", "user.email"]);
    // Only this repository's config: no global or system identity.
    const isolated = createGit(repo.dir, { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" });
    assert.deepEqual(await configuredIdentity(isolated), { name: "Test", email: "" });
    await appendFile(join(repo.dir, ".git", "config"), "[broken\n");
    await assert.rejects(configuredIdentity(isolated), /config user\.name failed \(exit 128\).*bad config line/s);
  } finally {
    await repo.cleanup();
  }
});
