// The GitHub stand-in, exercised with the real clients the project uses against GitHub:
// @octokit/rest (+ plugin-retry), Probot, and @octokit/webhooks' signature verification.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { Webhooks } from "@octokit/webhooks";
import { Probot, ProbotOctokit } from "probot";
import { startGitHubStandIn, type GitHubStandIn } from "./github-standin/index.ts";
import { getRouter } from "./github-standin/openapi.ts";
import { sendWebhook, signWebhookBody, webhookPayload } from "./webhooks.ts";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const OWNER = "acme";
const REPO = "fraud";

let gh: GitHubStandIn;
let octokit: Octokit;
let repoCounter = 0;

/** A fresh repository per test, so tests do not share issue numbers or refs. */
function freshRepo(options: { collaborators?: Record<string, "admin" | "write" | "read">; private?: boolean } = {}) {
  const name = `${REPO}-${++repoCounter}`;
  const repo = gh.state.addRepo({
    owner: OWNER,
    name,
    files: { "README.md": "# fraud\n", "train.mjs": "// v1\n" },
    ...options,
  });
  return { repo, owner: OWNER, name };
}

function violationsSince(count: number) {
  return gh.violations.slice(count);
}

before(async () => {
  gh = await startGitHubStandIn({ retryAfterSeconds: 0, users: { "alice-token": "alice" } });
  octokit = new Octokit({ baseUrl: gh.url, auth: "owner-token", log: quiet });
});

after(async () => {
  await gh.close();
});

describe("routing against GitHub's OpenAPI description", () => {
  it("prefers literal segments and lets x-multi-segment parameters span slashes", () => {
    const router = getRouter();
    const cases: Array<[string, string, string, Record<string, string>]> = [
      ["GET", "/repos/o/r/commits/abc/check-runs", "checks/list-for-ref", { owner: "o", repo: "r", ref: "abc" }],
      ["GET", "/repos/o/r/commits/feature/x", "repos/get-commit", { owner: "o", repo: "r", ref: "feature/x" }],
      [
        "GET",
        "/repos/o/r/contents/models/fraud.onnx",
        "repos/get-content",
        { owner: "o", repo: "r", path: "models/fraud.onnx" },
      ],
      ["GET", "/repos/o/r/git/ref/heads%2Fmain", "git/get-ref", { owner: "o", repo: "r", ref: "heads/main" }],
      ["PATCH", "/repos/o/r/git/refs/heads/a/b", "git/update-ref", { owner: "o", repo: "r", ref: "heads/a/b" }],
      ["GET", "/repos/o/r/contents", "repos/get-content", { owner: "o", repo: "r", path: "" }],
      ["GET", "/repos/o/r/issues/comments/7", "issues/get-comment", { owner: "o", repo: "r", comment_id: "7" }],
    ];
    for (const [method, path, operationId, params] of cases) {
      const match = router.match(method, path);
      assert.equal(match?.route.operationId, operationId, `${method} ${path}`);
      assert.deepEqual(match?.params, params);
    }
    assert.equal(router.match("GET", "/repos/o/r/no-such-thing"), undefined);
    assert.equal(router.match("POST", "/repos/o/r/git/ref/heads/main"), undefined);
  });
});

describe("git refs", () => {
  it("creates a ref once and answers 422 'Reference already exists' the second time", async () => {
    const { owner, name, repo } = freshRepo();
    const main = repo.branchSha("main")!;
    const first = await octokit.rest.git.createRef({ owner, repo: name, ref: "refs/heads/retrain", sha: main });
    assert.equal(first.status, 201);
    assert.equal(first.data.ref, "refs/heads/retrain");
    assert.equal(first.data.object.sha, main);
    await assert.rejects(
      octokit.rest.git.createRef({ owner, repo: name, ref: "refs/heads/retrain", sha: main }),
      (error: any) => {
        assert.equal(error.status, 422);
        assert.equal(error.response.data.message, "Reference already exists");
        return true;
      },
    );
    const got = await octokit.rest.git.getRef({ owner, repo: name, ref: "heads/retrain" });
    assert.equal(got.data.object.sha, main);
  });

  it("lets exactly one of 20 racing creations of the same ref win", async () => {
    const { owner, name, repo } = freshRepo();
    const main = repo.branchSha("main")!;
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${gh.url}/repos/${owner}/${name}/git/refs`, {
          method: "POST",
          headers: { authorization: "token owner-token", "content-type": "application/json" },
          body: JSON.stringify({ ref: "refs/heads/race", sha: main }),
        }).then((r) => r.status),
      ),
    );
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.equal(statuses.filter((s) => s === 422).length, 19);
  });

  it("refuses a non-fast-forward update unless forced", async () => {
    const { owner, name, repo } = freshRepo();
    const initial = repo.branchSha("main")!;
    repo.createBranch("side");
    const ahead = repo.commitFiles({ branch: "side", message: "ahead", files: { "a.txt": "a" } });
    await octokit.rest.git.updateRef({ owner, repo: name, ref: "heads/main", sha: ahead });
    await assert.rejects(octokit.rest.git.updateRef({ owner, repo: name, ref: "heads/main", sha: initial }), {
      status: 422,
    });
    const forced = await octokit.rest.git.updateRef({
      owner,
      repo: name,
      ref: "heads/main",
      sha: initial,
      force: true,
    });
    assert.equal(forced.data.object.sha, initial);
  });

  it("builds blobs, trees and commits with git's own object ids", async () => {
    const { owner, name, repo } = freshRepo();
    const blob = await octokit.rest.git.createBlob({ owner, repo: name, content: "hello\n" });
    // `printf 'hello\n' | git hash-object --stdin`
    assert.equal(blob.data.sha, "ce013625030ba8dba906f756967f9e9ca394464a");
    const base = repo.git.commit(repo.branchSha("main")!)!.tree;
    const tree = await octokit.rest.git.createTree({
      owner,
      repo: name,
      base_tree: base,
      tree: [{ path: "data/hello.txt", mode: "100644", type: "blob", sha: blob.data.sha }],
    });
    const commit = await octokit.rest.git.createCommit({
      owner,
      repo: name,
      message: "add hello",
      tree: tree.data.sha,
      parents: [repo.branchSha("main")!],
    });
    await octokit.rest.git.updateRef({ owner, repo: name, ref: "heads/main", sha: commit.data.sha });
    assert.equal(repo.readFile("data/hello.txt"), "hello\n");
    assert.equal(repo.readFile("train.mjs"), "// v1\n");
    const listed = await octokit.rest.git.getTree({ owner, repo: name, tree_sha: tree.data.sha, recursive: "1" });
    assert.deepEqual(
      listed.data.tree.map((e) => `${e.type} ${e.path}`),
      ["blob README.md", "tree data", "blob data/hello.txt", "blob train.mjs"],
    );
  });
});

describe("contents API", () => {
  it("round-trips a file through PUT and GET, with sha checks on update", async () => {
    const { owner, name, repo } = freshRepo();
    const content = Buffer.from("threshold: 0.5\n").toString("base64");
    const created = await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo: name,
      path: "config/params.yaml",
      message: "add params",
      content,
    });
    assert.equal(created.status, 201);
    const got = await octokit.rest.repos.getContent({ owner, repo: name, path: "config/params.yaml" });
    const file = got.data as { type: string; encoding: string; content: string; sha: string };
    assert.equal(file.type, "file");
    assert.equal(file.encoding, "base64");
    assert.equal(Buffer.from(file.content, "base64").toString("utf8"), "threshold: 0.5\n");
    assert.equal(file.sha, created.data.content!.sha);

    const update = Buffer.from("threshold: 0.7\n").toString("base64");
    await assert.rejects(
      octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo: name,
        path: "config/params.yaml",
        message: "no sha",
        content: update,
      }),
      { status: 422 },
    );
    await assert.rejects(
      octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo: name,
        path: "config/params.yaml",
        message: "bad sha",
        content: update,
        sha: "0".repeat(40),
      }),
      { status: 409 },
    );
    const updated = await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo: name,
      path: "config/params.yaml",
      message: "tune",
      content: update,
      sha: file.sha,
    });
    assert.equal(updated.status, 200);
    assert.equal(repo.readFile("config/params.yaml"), "threshold: 0.7\n");
    assert.equal(repo.git.commit(repo.branchSha("main")!)!.message, "tune");

    const raw = await octokit.rest.repos.getContent({
      owner,
      repo: name,
      path: "config/params.yaml",
      mediaType: { format: "raw" },
    });
    assert.equal(raw.data as unknown as string, "threshold: 0.7\n");
    await assert.rejects(octokit.rest.repos.getContent({ owner, repo: name, path: "missing.txt" }), { status: 404 });
  });

  it("writes to another branch with `branch` and reads it back with `ref`", async () => {
    const { owner, name, repo } = freshRepo();
    repo.createBranch("retrain");
    await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo: name,
      path: "models/fraud.onnx",
      message: "retrained",
      content: Buffer.from([0, 1, 2, 255]).toString("base64"),
      branch: "retrain",
    });
    assert.deepEqual([...repo.readBytes("models/fraud.onnx", "retrain")!], [0, 1, 2, 255]);
    assert.equal(repo.readBytes("models/fraud.onnx", "main"), undefined);
    const root = await octokit.rest.repos.getContent({ owner, repo: name, path: "", ref: "retrain" });
    assert.deepEqual(
      (root.data as Array<{ path: string; type: string }>).map((e) => `${e.type} ${e.path}`),
      ["file README.md", "dir models", "file train.mjs"],
    );
  });
});

describe("issues and comments", () => {
  it("paginates 35 comments by 10 with GitHub's Link header, followed by octokit.paginate", async () => {
    const { owner, name } = freshRepo();
    const issue = await octokit.rest.issues.create({ owner, repo: name, title: "Drift detected", labels: ["drift"] });
    assert.equal(issue.data.number, 1);
    for (let i = 1; i <= 35; i++) {
      await octokit.rest.issues.createComment({ owner, repo: name, issue_number: 1, body: `comment ${i}` });
    }
    const first = await octokit.rest.issues.listComments({ owner, repo: name, issue_number: 1, per_page: 10 });
    const base = `${gh.url}/repos/${owner}/${name}/issues/1/comments`;
    assert.equal(
      first.headers.link,
      `<${base}?per_page=10&page=2>; rel="next", <${base}?per_page=10&page=4>; rel="last"`,
    );
    const third = await octokit.rest.issues.listComments({ owner, repo: name, issue_number: 1, per_page: 10, page: 3 });
    assert.equal(
      third.headers.link,
      `<${base}?per_page=10&page=2>; rel="prev", <${base}?per_page=10&page=4>; rel="next", <${base}?per_page=10&page=4>; rel="last", <${base}?per_page=10&page=1>; rel="first"`,
    );
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo: name,
      issue_number: 1,
      per_page: 10,
    });
    assert.deepEqual(
      all.map((c) => c.body),
      Array.from({ length: 35 }, (_, i) => `comment ${i + 1}`),
    );
    assert.equal(gh.requestsTo("issues/list-comments").length, 2 + 4);
    const fetched = await octokit.rest.issues.get({ owner, repo: name, issue_number: 1 });
    assert.equal(fetched.data.comments, 35);
    assert.equal(fetched.data.user!.login, OWNER);
    assert.equal(fetched.data.author_association, "OWNER");
  });

  it("updates and deletes comments, and rejects blank or over-long bodies like GitHub", async () => {
    const { owner, name, repo } = freshRepo();
    const issue = repo.createIssue({ title: "report" });
    const comment = await octokit.rest.issues.createComment({
      owner,
      repo: name,
      issue_number: issue.number,
      body: "v1",
    });
    await octokit.rest.issues.updateComment({ owner, repo: name, comment_id: comment.data.id, body: "v2" });
    assert.equal(repo.comments.get(comment.data.id)!.body, "v2");
    await assert.rejects(
      octokit.rest.issues.createComment({ owner, repo: name, issue_number: issue.number, body: " " }),
      { status: 422 },
    );
    await assert.rejects(
      octokit.rest.issues.updateComment({ owner, repo: name, comment_id: comment.data.id, body: "x".repeat(65537) }),
      (error: any) =>
        error.status === 422 &&
        error.response.data.errors[0].message === "Body is too long (maximum is 65536 characters)",
    );
    await octokit.rest.issues.deleteComment({ owner, repo: name, comment_id: comment.data.id });
    assert.equal(repo.commentsOn(issue.number).length, 0);
    await assert.rejects(octokit.rest.issues.getComment({ owner, repo: name, comment_id: comment.data.id }), {
      status: 404,
    });
  });

  it("lists issues with state, labels and creator filters, pull requests included", async () => {
    const { owner, name, repo } = freshRepo();
    const alice = gh.state.user("alice");
    repo.createIssue({ title: "drift a", labels: ["drift", "modelkeeper"] });
    repo.createIssue({ title: "drift b", labels: ["drift"], user: alice });
    const closed = repo.createIssue({ title: "old drift", labels: ["drift", "modelkeeper"] });
    repo.updateIssue(closed.number, { state: "closed" }, repo.owner);
    repo.createBranch("feature");
    repo.commitFiles({ branch: "feature", message: "change", files: { "x.txt": "x" } });
    repo.createPull({ title: "a PR", head: "feature", base: "main", user: alice });

    const titles = async (params: Record<string, string>) =>
      (await octokit.rest.issues.listForRepo({ owner, repo: name, ...params })).data.map((i) => i.title);
    assert.deepEqual(await titles({}), ["a PR", "drift b", "drift a"]);
    assert.deepEqual(await titles({ labels: "drift,modelkeeper" }), ["drift a"]);
    assert.deepEqual(await titles({ labels: "drift,modelkeeper", state: "all" }), ["old drift", "drift a"]);
    assert.deepEqual(await titles({ creator: "alice", direction: "asc" }), ["drift b", "a PR"]);
    const prAsIssue = (await octokit.rest.issues.listForRepo({ owner, repo: name, creator: "alice" })).data[0];
    assert.equal(prAsIssue.pull_request?.url, `${gh.url}/repos/${owner}/${name}/pulls/4`);
  });

  it("updates state and labels and records the webhooks GitHub would send", async () => {
    const { owner, name } = freshRepo();
    const before = gh.events.length;
    const issue = await octokit.rest.issues.create({ owner, repo: name, title: "retrain please" });
    await octokit.rest.issues.addLabels({ owner, repo: name, issue_number: issue.data.number, labels: ["retrain"] });
    const closed = await octokit.rest.issues.update({
      owner,
      repo: name,
      issue_number: issue.data.number,
      state: "closed",
      state_reason: "completed",
    });
    assert.equal(closed.data.state, "closed");
    assert.deepEqual(
      closed.data.labels.map((l) => (typeof l === "string" ? l : l.name)),
      ["retrain"],
    );
    const events = gh.events.slice(before).map((e) => `${e.name}.${e.action}`);
    assert.deepEqual(events, ["issues.opened", "issues.labeled", "issues.closed"]);
    const labeled = gh.events[before + 1].payload as any;
    assert.equal(labeled.label.name, "retrain");
    assert.equal(labeled.repository.full_name, `${owner}/${name}`);
    assert.equal(labeled.installation.id, 1);
  });
});

describe("pull requests", () => {
  it("answers 422 for a duplicate open PR and merges with a merge commit on the base branch", async () => {
    const { owner, name, repo } = freshRepo();
    const mainBefore = repo.branchSha("main")!;
    repo.createBranch("retrain/1");
    const head = repo.commitFiles({
      branch: "retrain/1",
      message: "retrain",
      files: { "models/fraud.onnx": "model-v2" },
    });
    // Someone else changes main meanwhile, so the merge is a real three-way merge.
    repo.commitFiles({ message: "docs", files: { "README.md": "# fraud v2\n" } });
    const issue = repo.createIssue({ title: "numbers are shared" });

    const pr = await octokit.rest.pulls.create({
      owner,
      repo: name,
      title: "Retrain fraud",
      head: "retrain/1",
      base: "main",
    });
    assert.equal(pr.status, 201);
    assert.equal(pr.data.number, issue.number + 1);
    assert.equal(pr.data.head.sha, head);
    assert.equal(pr.data.mergeable, true);
    await assert.rejects(
      octokit.rest.pulls.create({ owner, repo: name, title: "again", head: `${owner}:retrain/1`, base: "main" }),
      (error: any) =>
        error.status === 422 &&
        error.response.data.errors[0].message === `A pull request already exists for ${owner}:retrain/1.`,
    );
    const listed = await octokit.rest.pulls.list({ owner, repo: name, head: `${owner}:retrain/1`, base: "main" });
    assert.deepEqual(
      listed.data.map((p) => p.number),
      [pr.data.number],
    );

    const merged = await octokit.rest.pulls.merge({ owner, repo: name, pull_number: pr.data.number, sha: head });
    assert.equal(merged.data.merged, true);
    const mergeCommit = repo.git.commit(merged.data.sha)!;
    assert.equal(repo.branchSha("main"), merged.data.sha);
    assert.equal(mergeCommit.parents.length, 2);
    assert.equal(mergeCommit.parents[1], head);
    assert.notEqual(mergeCommit.parents[0], mainBefore);
    assert.equal(mergeCommit.message, `Merge pull request #${pr.data.number} from ${owner}/retrain/1\n\nRetrain fraud`);
    assert.equal(repo.readFile("models/fraud.onnx"), "model-v2");
    assert.equal(repo.readFile("README.md"), "# fraud v2\n");

    const after = await octokit.rest.pulls.get({ owner, repo: name, pull_number: pr.data.number });
    assert.equal(after.data.state, "closed");
    assert.equal(after.data.merged, true);
    assert.equal(after.data.merge_commit_sha, merged.data.sha);
    await assert.rejects(octokit.rest.pulls.merge({ owner, repo: name, pull_number: pr.data.number }), { status: 405 });
    // Closed, so a new PR from the same branch is allowed again (after new commits).
    repo.commitFiles({ branch: "retrain/1", message: "again", files: { "models/fraud.onnx": "model-v3" } });
    const second = await octokit.rest.pulls.create({
      owner,
      repo: name,
      title: "Retrain again",
      head: "retrain/1",
      base: "main",
    });
    assert.equal(second.data.number, pr.data.number + 1);
  });

  it("refuses a PR without commits and a merge with conflicts", async () => {
    const { owner, name, repo } = freshRepo();
    repo.createBranch("empty");
    await assert.rejects(
      octokit.rest.pulls.create({ owner, repo: name, title: "nothing", head: "empty", base: "main" }),
      (error: any) =>
        error.status === 422 && error.response.data.errors[0].message === "No commits between main and empty",
    );
    repo.createBranch("conflict");
    repo.commitFiles({ branch: "conflict", message: "theirs", files: { "train.mjs": "// theirs\n" } });
    repo.commitFiles({ message: "ours", files: { "train.mjs": "// ours\n" } });
    const pr = await octokit.rest.pulls.create({
      owner,
      repo: name,
      title: "conflict",
      head: "conflict",
      base: "main",
    });
    assert.equal(pr.data.mergeable, false);
    await assert.rejects(octokit.rest.pulls.merge({ owner, repo: name, pull_number: pr.data.number }), { status: 405 });
  });
});

describe("permissions, auth and dispatches", () => {
  it("reports a collaborator's permission and 404 for a non-collaborator", async () => {
    const { owner, name } = freshRepo({ collaborators: { alice: "write", bob: "read" } });
    const alice = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username: "alice" });
    assert.equal(alice.data.permission, "write");
    assert.equal(alice.data.role_name, "write");
    assert.equal(alice.data.user!.login, "alice");
    const bob = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username: "bob" });
    assert.equal(bob.data.permission, "read");
    const ownerLevel = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username: OWNER });
    assert.equal(ownerLevel.data.permission, "admin");
    await assert.rejects(
      octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username: "mallory" }),
      { status: 404 },
    );
  });

  it("acts as the mapped user for a token and drops labels from users without push access", async () => {
    const { owner, name } = freshRepo({ collaborators: { alice: "read" } });
    const asAlice = new Octokit({ baseUrl: gh.url, auth: "alice-token", log: quiet });
    const issue = await asAlice.rest.issues.create({ owner, repo: name, title: "from alice", labels: ["drift"] });
    assert.equal(issue.data.user!.login, "alice");
    assert.deepEqual(issue.data.labels, []);
    await assert.rejects(
      asAlice.rest.git.createRef({
        owner,
        repo: name,
        ref: "refs/heads/x",
        sha: issue.data.id.toString(16).padStart(40, "0"),
      }),
      { status: 403 },
    );
  });

  it("requires Authorization for writes but serves public reads anonymously, hiding private repositories", async () => {
    const { owner, name } = freshRepo();
    const { name: secret } = freshRepo({ private: true });
    const count = gh.violations.length;
    const anonymous = new Octokit({ baseUrl: gh.url, log: quiet });
    const repoData = await anonymous.rest.repos.get({ owner, repo: name });
    assert.equal(repoData.data.full_name, `${owner}/${name}`);
    await assert.rejects(anonymous.rest.repos.get({ owner, repo: secret }), { status: 404 });
    await assert.rejects(anonymous.rest.issues.create({ owner, repo: name, title: "x" }), (error: any) => {
      assert.equal(error.status, 401);
      assert.equal(error.response.data.message, "Requires authentication");
      return true;
    });
    assert.deepEqual(
      violationsSince(count).map((v) => v.kind),
      ["auth"],
    );
    assert.ok(
      gh.requests.every((r) => !JSON.stringify(r).includes("owner-token")),
      "tokens never reach the log",
    );
  });

  it("confines an installation token to its installation's repositories and /app endpoints to JWTs", async () => {
    const inside = freshRepo();
    const outside = gh.state.addRepo({ owner: "other", name: `elsewhere-${++repoCounter}`, installationId: 2 });
    const { token } = gh.state.issueInstallationToken(1);
    const asInstallation = new Octokit({ baseUrl: gh.url, auth: token, log: quiet });
    const count = gh.violations.length;
    const issue = await asInstallation.rest.issues.create({
      owner: inside.owner,
      repo: inside.name,
      title: "from the app",
    });
    assert.equal(issue.data.user!.login, "modelkeeper[bot]");
    assert.equal(issue.data.user!.type, "Bot");
    await assert.rejects(asInstallation.rest.issues.create({ owner: "other", repo: outside.name, title: "x" }), {
      status: 404,
    });
    await assert.rejects(octokit.rest.apps.createInstallationAccessToken({ installation_id: 1 }), (error: any) => {
      assert.equal(error.status, 401);
      assert.equal(error.response.data.message, "A JSON web token could not be decoded");
      return true;
    });
    assert.deepEqual(
      violationsSince(count).map((v) => v.kind),
      ["installation-scope", "auth"],
    );
  });

  it("records repository_dispatch and workflow_dispatch with 204", async () => {
    const { owner, name, repo } = freshRepo();
    const response = await octokit.rest.repos.createDispatchEvent({
      owner,
      repo: name,
      event_type: "drift-detected",
      client_payload: { model: "fraud", psi: 0.31 },
    });
    assert.equal(response.status, 204);
    assert.deepEqual(
      repo.dispatches.map((d) => [d.eventType, d.clientPayload, d.sender]),
      [["drift-detected", { model: "fraud", psi: 0.31 }, OWNER]],
    );
    const event = gh.events.at(-1)!;
    assert.equal(event.name, "repository_dispatch");
    assert.equal(event.action, "drift-detected");
    await octokit.rest.actions.createWorkflowDispatch({
      owner,
      repo: name,
      workflow_id: "retrain.yml",
      ref: "main",
      inputs: { model: "fraud" },
    });
    assert.deepEqual(
      repo.workflowDispatches.map((d) => [d.workflowId, d.ref, d.inputs]),
      [["retrain.yml", "main", { model: "fraud" }]],
    );
  });

  it("lets only apps write check runs: GITHUB_TOKEN-like ghs_ tokens yes, personal tokens 403", async () => {
    const { owner, name, repo } = freshRepo();
    const headSha = repo.branchSha("main")!;
    await assert.rejects(octokit.rest.checks.create({ owner, repo: name, name: "modelkeeper", head_sha: headSha }), {
      status: 403,
    });
    const actions = new Octokit({ baseUrl: gh.url, auth: "ghs_actionsToken", log: quiet });
    const run = await actions.rest.checks.create({
      owner,
      repo: name,
      name: "modelkeeper",
      head_sha: headSha,
      status: "in_progress",
    });
    assert.equal(run.data.status, "in_progress");
    await assert.rejects(
      actions.rest.checks.update({ owner, repo: name, check_run_id: run.data.id, status: "completed" }),
      { status: 422 },
    );
    const done = await actions.rest.checks.update({
      owner,
      repo: name,
      check_run_id: run.data.id,
      conclusion: "success",
      output: { title: "promote", summary: "AUC +0.02" },
    });
    assert.equal(done.data.status, "completed");
    assert.equal(done.data.conclusion, "success");
    const listed = await actions.rest.checks.listForRef({ owner, repo: name, ref: "main" });
    assert.deepEqual(
      listed.data.check_runs.map((r) => [r.name, r.conclusion, r.output.title]),
      [["modelkeeper", "success", "promote"]],
    );
  });
});

describe("OpenAPI violations", () => {
  it("answers an invalid body with 422 and records a violation", async () => {
    const { owner, name } = freshRepo();
    const count = gh.violations.length;
    const response = await fetch(`${gh.url}/repos/${owner}/${name}/git/refs`, {
      method: "POST",
      headers: { authorization: "token owner-token", "content-type": "application/json" },
      body: JSON.stringify({ ref: "refs/heads/x", sha: 5 }),
    });
    assert.equal(response.status, 422);
    assert.equal(
      ((await response.json()) as { message: string }).message,
      "Invalid request.\n\nFor 'sha', 5 is not a string.",
    );
    const missing = await fetch(`${gh.url}/repos/${owner}/${name}/issues`, {
      method: "POST",
      headers: { authorization: "token owner-token", "content-type": "application/json" },
      body: JSON.stringify({ body: "no title" }),
    });
    assert.equal(missing.status, 422);
    assert.equal(
      ((await missing.json()) as { message: string }).message,
      `Invalid request.\n\n"title" wasn't supplied.`,
    );
    const badEnum = await fetch(`${gh.url}/repos/${owner}/${name}/issues?state=sideways`, {
      headers: { authorization: "token owner-token" },
    });
    assert.equal(badEnum.status, 422);
    assert.deepEqual(
      violationsSince(count).map((v) => [v.kind, v.operationId]),
      [
        ["invalid-request", "git/create-ref"],
        ["invalid-request", "issues/create"],
        ["invalid-request", "issues/list-for-repo"],
      ],
    );
    // Nothing was created by the rejected requests.
    assert.equal(gh.state.repo(`${owner}/${name}`).issues.size, 0);
  });

  it("answers an unknown path or method with 404 and records a violation", async () => {
    const count = gh.violations.length;
    const unknown = await fetch(`${gh.url}/repos/${OWNER}/x/frobnicate`, {
      headers: { authorization: "token owner-token" },
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { message: string }).message, "Not Found");
    const wrongMethod = await fetch(`${gh.url}/repos/${OWNER}/x/git/ref/heads/main`, {
      method: "POST",
      headers: { authorization: "token owner-token" },
    });
    assert.equal(wrongMethod.status, 404);
    const recorded = violationsSince(count);
    assert.deepEqual(
      recorded.map((v) => v.kind),
      ["unknown-route", "unknown-route"],
    );
    assert.equal(recorded[1].message, `GitHub has no POST /repos/${OWNER}/x/git/ref/heads/main; this path allows GET`);
    assert.throws(() => gh.assertNoViolations(), /GitHub stand-in saw \d+ request\(s\) GitHub would reject/);
  });

  it("answers 501 and records a violation for a real operation it does not implement", async () => {
    const { owner, name } = freshRepo();
    const count = gh.violations.length;
    await assert.rejects(octokit.rest.repos.listTags({ owner, repo: name }), { status: 501 });
    assert.deepEqual(
      violationsSince(count).map((v) => [v.kind, v.operationId]),
      [["not-implemented", "repos/list-tags"]],
    );
  });

  it("serves GHE-style requests under /api/v3", async () => {
    const { owner, name } = freshRepo();
    const ghe = new Octokit({ baseUrl: `http://${gh.gheHost}/api/v3`, auth: "owner-token", log: quiet });
    const issue = await ghe.rest.issues.create({ owner, repo: name, title: "via GHE" });
    assert.equal(issue.data.url, `${gh.url}/api/v3/repos/${owner}/${name}/issues/1`);
  });
});

describe("fault injection", () => {
  const RetryingOctokit = Octokit.plugin(retry);

  it("fails the next matching requests; plugin-retry retries 5xx without duplicating the comment", async () => {
    const { owner, name, repo } = freshRepo();
    const issue = repo.createIssue({ title: "report" });
    const client = new RetryingOctokit({
      baseUrl: gh.url,
      auth: "owner-token",
      log: quiet,
      retry: { retryAfterBaseValue: 1 },
    });
    gh.failNext({ method: "POST", path: "/repos/{owner}/{repo}/issues/{issue_number}/comments" }, [
      { status: 500 },
      { status: 502 },
    ]);
    const comment = await client.rest.issues.createComment({
      owner,
      repo: name,
      issue_number: issue.number,
      body: "evaluate: promote",
    });
    assert.equal(comment.status, 201);
    assert.deepEqual(
      gh
        .requestsTo("issues/create-comment")
        .filter((r) => r.path === `/repos/${owner}/${name}/issues/${issue.number}/comments`)
        .map((r) => [r.status, r.fault]),
      [
        [500, true],
        [502, true],
        [201, false],
      ],
    );
    assert.equal(repo.commentsOn(issue.number).length, 1);
  });

  it("models a failure after the side effect: a blind retry then duplicates it", async () => {
    const { owner, name, repo } = freshRepo();
    const issue = repo.createIssue({ title: "report" });
    const client = new RetryingOctokit({
      baseUrl: gh.url,
      auth: "owner-token",
      log: quiet,
      retry: { retryAfterBaseValue: 1 },
    });
    gh.failNext({ operationId: "issues/create-comment" }, [{ status: 502, afterSideEffect: true }]);
    await client.rest.issues.createComment({ owner, repo: name, issue_number: issue.number, body: "once?" });
    assert.deepEqual(
      repo.commentsOn(issue.number).map((c) => c.body),
      ["once?", "once?"],
    );
  });

  it("sends GitHub's secondary rate limit: 403, message and retry-after (0 here, 1 by default)", async () => {
    const { owner, name } = freshRepo();
    gh.failNext({ method: "GET", path: new RegExp(`^/repos/${OWNER}/${name}$`) }, [
      { status: 403, secondaryRateLimit: true },
      { status: 403, secondaryRateLimit: true, retryAfter: 7 },
    ]);
    const first = await fetch(`${gh.url}/repos/${owner}/${name}`, { headers: { authorization: "token owner-token" } });
    assert.equal(first.status, 403);
    assert.equal(first.headers.get("retry-after"), "0");
    assert.match(((await first.json()) as { message: string }).message, /^You have exceeded a secondary rate limit/);
    const second = await fetch(`${gh.url}/repos/${owner}/${name}`, { headers: { authorization: "token owner-token" } });
    assert.equal(second.headers.get("retry-after"), "7");
    const third = await fetch(`${gh.url}/repos/${owner}/${name}`, { headers: { authorization: "token owner-token" } });
    assert.equal(third.status, 200);
  });
});

describe("webhooks", () => {
  it("signs the exact body so @octokit/webhooks verifies it, and supports bad and missing signatures", async () => {
    const secret = "s3cret";
    const payload = webhookPayload("issue_comment.created", {
      repository: { owner: OWNER, name: REPO },
      issue: { number: 7, title: "Retrain fraud" },
      comment: { body: "/retrain" },
      sender: "alice",
    });
    const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await sendWebhook(url, { event: "issue_comment", payload, secret, deliveryId: "d-1" });
      await sendWebhook(url, { event: "issue_comment", payload, secret, signature: "invalid" });
      await sendWebhook(url, { event: "issue_comment", payload, secret, signature: "missing" });
    } finally {
      server.close();
    }
    const webhooks = new Webhooks({ secret });
    const [good, bad, missing] = received;
    assert.equal(good.headers["x-github-event"], "issue_comment");
    assert.equal(good.headers["x-github-delivery"], "d-1");
    assert.equal(good.headers["content-type"], "application/json");
    assert.equal(good.headers["x-hub-signature-256"], signWebhookBody(good.body, secret));
    assert.equal(await webhooks.verify(good.body, good.headers["x-hub-signature-256"] as string), true);
    assert.equal(await webhooks.verify(bad.body, bad.headers["x-hub-signature-256"] as string), false);
    assert.equal(missing.headers["x-hub-signature-256"], undefined);

    const parsed = JSON.parse(good.body);
    assert.equal(parsed.action, "created");
    assert.equal(parsed.repository.full_name, `${OWNER}/${REPO}`);
    assert.equal(parsed.repository.owner.login, OWNER);
    assert.equal(parsed.issue.number, 7);
    assert.equal(parsed.issue.url, `https://api.github.com/repos/${OWNER}/${REPO}/issues/7`);
    assert.equal(parsed.comment.body, "/retrain");
    assert.equal(parsed.comment.user.login, "alice");
    assert.equal(parsed.sender.login, "alice");
    assert.equal(parsed.installation.id, 1);
    assert.ok(!good.body.includes("Codertocat/Hello-World"), "no trace of the example repository");
  });

  it("builds pull_request.closed, issues.labeled and repository_dispatch payloads", () => {
    const merged = webhookPayload("pull_request.closed", {
      repository: { owner: OWNER, name: REPO },
      pullRequest: {
        number: 12,
        merged: true,
        head: { ref: "retrain/1", sha: "a".repeat(40) },
        base: { ref: "main" },
        mergeCommitSha: "b".repeat(40),
      },
    });
    assert.equal(merged.number, 12);
    assert.equal(merged.pull_request.merged, true);
    assert.equal(merged.pull_request.state, "closed");
    assert.equal(merged.pull_request.head.label, `${OWNER}:retrain/1`);
    assert.equal(merged.pull_request.base.repo.full_name, `${OWNER}/${REPO}`);
    assert.equal(merged.pull_request.merge_commit_sha, "b".repeat(40));

    const labeled = webhookPayload("issues.labeled", {
      repository: { owner: OWNER, name: REPO },
      issue: { number: 3, labels: ["retrain"] },
      label: "retrain",
    });
    assert.equal(labeled.label.name, "retrain");
    assert.deepEqual(
      labeled.issue.labels.map((l: { name: string }) => l.name),
      ["retrain"],
    );

    const dispatch = webhookPayload("repository_dispatch", {
      repository: { owner: OWNER, name: REPO, defaultBranch: "main" },
      dispatch: { action: "drift-detected", clientPayload: { model: "fraud" } },
      installationId: 5,
    });
    assert.equal(dispatch.action, "drift-detected");
    assert.equal(dispatch.branch, "main");
    assert.deepEqual(dispatch.client_payload, { model: "fraud" });
    assert.equal(dispatch.installation.id, 5);
    assert.equal(dispatch.organization, undefined);
    assert.throws(() => webhookPayload("issues.exploded"), /no issues example with action "exploded"/);
  });
});

describe("Probot against the stand-in", () => {
  it("gets an installation token with a verified app JWT and comments as the app's bot", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const appGh = await startGitHubStandIn({
      app: { id: 4242, slug: "modelkeeper", privateKey },
      repos: [{ owner: OWNER, name: REPO }],
    });
    const secret = "hook-secret";
    const probot = new Probot({
      appId: 4242,
      privateKey,
      secret,
      baseUrl: appGh.url,
      Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
      logLevel: "fatal",
    });
    await probot.load((app) => {
      app.on("issue_comment.created", async (context) => {
        await context.octokit.rest.issues.createComment(
          context.issue({ body: `ack: ${context.payload.comment.body}` }),
        );
      });
    });
    const issue = appGh.state.repo(`${OWNER}/${REPO}`).createIssue({ title: "Retrain" });
    const middleware = await probot.getNodeMiddleware();
    const server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
      const payload = webhookPayload("issue_comment.created", {
        repository: { owner: OWNER, name: REPO },
        issue: { number: issue.number },
        comment: { body: "/retrain" },
        sender: "alice",
      });
      const rejected = await sendWebhook(url, { event: "issue_comment", payload, secret, signature: "invalid" });
      assert.notEqual(rejected.status, 200);
      const accepted = await sendWebhook(url, { event: "issue_comment", payload, secret });
      assert.equal(accepted.status, 200);
      const comments = appGh.state.repo(`${OWNER}/${REPO}`).commentsOn(issue.number);
      assert.deepEqual(
        comments.map((c) => [c.user.login, c.user.type, c.body]),
        [["modelkeeper[bot]", "Bot", "ack: /retrain"]],
      );
      assert.deepEqual(
        appGh.requests.map((r) => [r.route, r.auth, r.status]),
        [
          ["POST /app/installations/{installation_id}/access_tokens", "jwt", 201],
          ["POST /repos/{owner}/{repo}/issues/{issue_number}/comments", "installation", 201],
        ],
      );
      const appOctokit = await probot.auth();
      const installation = await appOctokit.rest.apps.getRepoInstallation({ owner: OWNER, repo: REPO });
      assert.equal(installation.data.id, 1);
      assert.equal(installation.data.app_id, 4242);
      appGh.assertNoViolations();
    } finally {
      server.close();
      await appGh.close();
    }
  });
});
