import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGit } from "../../src/git/git.ts";
import { UserError } from "../../src/errors.ts";

test("a working folder that does not exist is named as such, not reported as a missing git", async () => {
  const parent = await mkdtemp(join(tmpdir(), "mk-git-"));
  try {
    const missing = join(parent, "no-such-folder");
    await assert.rejects(
      createGit(missing, process.env).run(["status"]),
      (error: unknown) => error instanceof UserError && error.message.includes(`the folder ${missing} does not exist`),
    );
    // A missing git binary is still reported as that.
    await assert.rejects(
      createGit(parent, { ...process.env, PATH: join(parent, "empty") }).run(["status"]),
      (error: unknown) => error instanceof UserError && /^git is not available/.test(error.message),
    );
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});
