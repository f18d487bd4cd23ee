// app.yml (at the root, where Probot's setup mode reads it) asks for exactly what the bot uses: the events its handlers listen to (minus
// repository_dispatch, which is not a manifest event) and the least permissions.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Probot } from "probot";
import { retrainBot } from "../../bot/index.ts";

describe("app.yml", () => {
  it("subscribes to the events the handlers use, with contents, pull requests and issues write and metadata read", async () => {
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8"));
    const listened = new Set<string>();
    const app = {
      on: (names: string | string[]) => [names].flat().forEach((n) => listened.add(n.split(".")[0])),
    } as unknown as Probot;
    // "workflow": this fake app has no webhook endpoint to guard.
    await retrainBot({ runsIn: "workflow" })(app, { cwd: process.cwd(), addHandler: () => {} });
    assert.deepEqual([...listened].sort(), ["issue_comment", "issues", "pull_request", "repository_dispatch"]);
    assert.deepEqual([...manifest.default_events].sort(), ["issue_comment", "issues", "pull_request"]);
    assert.deepEqual(manifest.default_permissions, {
      metadata: "read",
      contents: "write",
      pull_requests: "write",
      issues: "write",
    });
    assert.equal(manifest.public, false);
    assert.equal(manifest.hook_attributes.url.endsWith("/api/github/webhooks"), true);
  });
});
