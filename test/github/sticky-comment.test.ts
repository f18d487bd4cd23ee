// The one marked-comment adapter, through the Action's own Octokit (retries on) against the
// loopback GitHub: a create whose answer is lost after GitHub stored it is never repeated blindly,
// a marker quoted by someone else is never taken over, and an unchanged body writes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { githubFromEnv } from "../../src/github/client.ts";
import { commentMarker, upsertComment } from "../../src/github/sticky-comment.ts";

const REPO = { owner: "acme", repo: "fraud" };
const FAST = { retry: { attempts: 3, baseMs: 1 } };

async function setUp() {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  const github = githubFromEnv({ GITHUB_TOKEN: "ghs_workflowtoken", GITHUB_API_URL: gh.url })!;
  const issue = gh.state.repo("acme/fraud").createIssue({ title: "PR", body: "", user: gh.state.user("alice") });
  return { gh, github, issue: issue.number };
}

const bodies = async (gh: Awaited<ReturnType<typeof setUp>>["gh"], issue: number) =>
  ((await (await fetch(`${gh.url}/repos/acme/fraud/issues/${issue}/comments`)).json()) as Array<{ body: string }>).map(
    (c) => c.body,
  );

test("a 502 after the comment was stored: listed again, found, not created twice", async () => {
  const { gh, github, issue } = await setUp();
  try {
    const marker = commentMarker("evaluate", "fraud");
    gh.failNext({ operationId: "issues/create-comment" }, [{ status: 502, afterSideEffect: true }]);
    const first = await upsertComment(github, REPO, issue, marker, "v1 wins", "github-actions[bot]", FAST);
    assert.equal(first.action, "unchanged", "the stored comment is found on the second look");
    assert.deepEqual(await bodies(gh, issue), [`${marker}\nv1 wins`]);
    // A 502 before anything was stored: created on the next attempt, once.
    const other = commentMarker("reported", "fraud");
    gh.failNext({ operationId: "issues/create-comment" }, [{ status: 502 }]);
    assert.equal(
      (await upsertComment(github, REPO, issue, other, "fork result", "github-actions[bot]", FAST)).action,
      "created",
    );
    assert.equal((await bodies(gh, issue)).length, 2);
  } finally {
    await gh.close();
  }
});

test("updates its own comment in place, writes nothing when unchanged, and never adopts a quoted marker", async () => {
  const { gh, github, issue } = await setUp();
  try {
    const marker = commentMarker("evaluate", "fraud");
    // alice quotes the marker first: the bot's comment is a new one, alice's stays hers.
    gh.state.repo("acme/fraud").addComment(issue, `${marker}\nPROMOTE (forged)`, gh.state.user("alice"));
    const quoted = (await bodies(gh, issue)).length;
    assert.equal(
      (await upsertComment(github, REPO, issue, marker, "reject", "github-actions[bot]", FAST)).action,
      "created",
    );
    assert.equal(
      (await upsertComment(github, REPO, issue, marker, "promote", "github-actions[bot]", FAST)).action,
      "updated",
    );
    const writes = gh.requests.filter((r) => r.method !== "GET").length;
    assert.equal(
      (await upsertComment(github, REPO, issue, marker, "promote", "github-actions[bot]", FAST)).action,
      "unchanged",
    );
    assert.equal(gh.requests.filter((r) => r.method !== "GET").length, writes, "no write for an unchanged body");
    assert.equal(
      (await upsertComment(github, REPO, issue, marker, "changed", "github-actions[bot]", { ...FAST, update: "never" }))
        .action,
      "unchanged",
    );
    const all = await bodies(gh, issue);
    assert.equal(all.length, quoted + 1);
    assert.equal(all.at(-1), `${marker}\npromote`);
  } finally {
    await gh.close();
  }
});
