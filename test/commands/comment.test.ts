import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import type { EvaluateResultFile } from "../../src/gate/result-file.ts";

async function setup() {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  const repo = gh.state.repo("acme/fraud");
  repo.createBranch("feature");
  repo.commitFiles({ branch: "feature", message: "new model", files: { "models/fraud.onnx": "v2" } });
  const pr = repo.createPull({ head: "feature", base: "main", title: "Retrain" });
  const dir = await mkdtemp(join(tmpdir(), "mk-comment-"));
  const env = {
    ...process.env,
    GITHUB_TOKEN: "ghs_workflowtoken",
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "acme/fraud",
    GITHUB_EVENT_NAME: "",
    GITHUB_EVENT_PATH: "",
  };
  const run = async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, env, dir);
    return { code, stdout, stderr };
  };
  return { gh, repo, pr, dir, run };
}

function resultFile(
  number: number,
  headSha: string,
  markdown = "### modelkeeper · fraud: ✅ **promote**",
): EvaluateResultFile {
  return {
    kind: "modelkeeper-evaluate-result",
    schema: 1,
    pullRequest: { number, headSha },
    models: [{ model: "fraud", verdict: "promote", conclusion: "success", markdown }],
  };
}

test("comment shows an untrusted run's result from validated fields only, updates it in place, and sets no check", async (t) => {
  const { gh, repo, pr, dir, run } = await setup();
  t.after(() => gh.close());
  // A fork's forged file: success, a fake verdict in Markdown, an @-mention and a tracking image.
  const forged = {
    ...resultFile(pr.number, pr.head.sha, "### ✅ promote @maintainers ![x](https://evil.example/t.png)"),
    models: [
      {
        model: "fraud",
        verdict: "promote",
        conclusion: "success",
        metric: "roc_auc",
        delta: 0.5,
        ciLow: 0.4,
        ciHigh: 0.6,
        markdown: "### ✅ promote @maintainers ![x](https://evil.example/t.png)",
      },
    ],
  };
  await writeFile(join(dir, "result.json"), JSON.stringify(forged));
  const first = await run("comment", "--from", "result.json");
  assert.equal(first.code, 0, first.stderr);
  await writeFile(
    join(dir, "result.json"),
    JSON.stringify({
      ...forged,
      models: [{ ...forged.models[0], verdict: "<b>reject</b>", metric: "x](javascript:alert(1))" }],
    }),
  );
  assert.equal((await run("comment", "--from", "result.json")).code, 0);
  const comments = repo.commentsOn(pr.number);
  assert.equal(comments.length, 1);
  const body = comments[0].body;
  assert.match(
    body,
    /^<!-- modelkeeper:reported:fraud -->\n#### modelkeeper · fraud: what the pull request's own run reported/,
  );
  assert.match(body, /reported `none`\./, "an unknown verdict and a hostile metric name are dropped");
  assert.doesNotMatch(body, /@maintainers|evil\.example|javascript:|<b>/);
  assert.match(body, /Not a verdict/);
  assert.equal(repo.checkRuns.size, 0, "an untrusted result sets no check");
  gh.assertNoViolations();
});

test("a comment by someone else that quotes the marker is not taken over", async (t) => {
  const { gh, repo, pr, dir, run } = await setup();
  t.after(() => gh.close());
  repo.addComment(pr.number, "<!-- modelkeeper:reported:fraud -->\nfake verdict", gh.state.user("mallory"));
  await writeFile(join(dir, "result.json"), JSON.stringify(resultFile(pr.number, pr.head.sha)));
  assert.equal((await run("comment", "--from", "result.json")).code, 0);
  const comments = repo.commentsOn(pr.number);
  assert.equal(comments.length, 2);
  assert.equal(comments[0].body, "<!-- modelkeeper:reported:fraud -->\nfake verdict");
  gh.assertNoViolations();
});

test("a result for another head commit (stale, or forged by a fork) is refused and nothing is posted", async (t) => {
  const { gh, repo, pr, dir, run } = await setup();
  t.after(() => gh.close());
  await writeFile(join(dir, "result.json"), JSON.stringify(resultFile(pr.number, "0".repeat(40))));
  const result = await run("comment", "--from", "result.json");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /not posting a stale or mismatched result/);
  assert.equal(repo.commentsOn(pr.number).length, 0);
  assert.equal(repo.checkRuns.size, 0);
  gh.assertNoViolations();
});

test("a malformed result file is refused with a message naming it", async (t) => {
  const { gh, dir, run } = await setup();
  t.after(() => gh.close());
  await writeFile(join(dir, "result.json"), '{"kind":"something else"}');
  const result = await run("comment", "--from", "result.json");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /result\.json: not a modelkeeper evaluate result/);
});

test("a result file listing a model twice, or more models than a repository plausibly has, posts nothing", async (t) => {
  const { gh, repo, pr, dir, run } = await setup();
  t.after(() => gh.close());
  const one = resultFile(pr.number, pr.head.sha).models[0];
  for (const models of [[one, one], Array.from({ length: 21 }, (_, i) => ({ ...one, model: `m${i}` }))]) {
    await writeFile(join(dir, "result.json"), JSON.stringify({ ...resultFile(pr.number, pr.head.sha), models }));
    const result = await run("comment", "--from", "result.json");
    assert.equal(result.code, 2);
    assert.match(result.stderr, /a real run lists each model once and at most 20: not posting/);
  }
  assert.equal(repo.commentsOn(pr.number).length, 0);
});
