// Who the token writes as, without a "GET /user - 403" warning for the workflow's default token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { githubFromEnv } from "../../src/github/client.ts";
import { commentAuthor } from "../../src/github/sticky-comment.ts";
import { startGitHubStandIn } from "../support/github-standin/index.ts";

test("the workflow's token (ghs_…) writes as github-actions[bot] without asking GET /user, so no warning; a personal token is asked", async (t) => {
  const standIn = await startGitHubStandIn({
    repos: [{ owner: "acme", name: "model", files: { "README.md": "x\n" } }],
  });
  t.after(() => standIn.close());
  const warnings: string[] = [];
  const seen: string[] = [];
  const client = (token: string) => {
    const github = githubFromEnv({ GITHUB_TOKEN: token, GITHUB_API_URL: standIn.url }, (line) => warnings.push(line))!;
    github.hook.before("request", (options) => void seen.push(`${options.method} ${options.url}`));
    return github;
  };
  assert.equal(await commentAuthor(client("ghs_" + "a".repeat(36)), undefined), "github-actions[bot]");
  assert.deepEqual([seen, warnings], [[], []]);
  assert.equal(await commentAuthor(client("ghs_" + "a".repeat(36)), "my-app[bot]"), "my-app[bot]");

  // A personal token: the API says who it is (here the stand-in refuses an unknown one: the fallback).
  await commentAuthor(client("ghp_" + "b".repeat(36)), undefined);
  assert.deepEqual(seen, ["GET /user"]);
});
