// A failed train posts a short notice that links to the job's log; the output, and whatever secret
// it printed, goes to the log only (the runner masks secrets in logs, not in comments).
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { runCli } from "../../src/cli/run-cli.ts";

const SECRET = "ghp_FAKEsecretThatMustNeverReachGitHub0123";
const OUTPUT_LINES = Array.from({ length: 30 }, (_, i) => `epoch ${i}: loss ${(1 / (i + 1)).toFixed(4)}`);

test("a failed retrain comments a short notice with the job's log link, never an output line or a secret it printed", async (t) => {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  t.after(() => gh.close());
  const remote = gh.state.repo("acme/fraud");
  remote.createBranch("modelkeeper/retrain/fraud");
  remote.commitFiles({
    branch: "modelkeeper/retrain/fraud",
    message: "retrain request",
    files: { ".modelkeeper/retrain/fraud.json": "{}\n" },
  });
  const pull = remote.createPull({ head: "modelkeeper/retrain/fraud", base: "main", title: "Retrain fraud" });

  // The train command prints progress, then the secret it was given (stdout and stderr), and fails.
  const train = [
    `for (const line of ${JSON.stringify(OUTPUT_LINES)}) console.log(line);`,
    "console.log(`connecting with token ${process.env.WAREHOUSE_TOKEN}`);",
    "console.error(`Traceback: auth failed for ${process.env.WAREHOUSE_TOKEN}`);",
    "process.exit(3);",
  ].join("\n");
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(300, 2),
    "models/fraud.onnx": MODELS.weak(),
    "train.mjs": train,
  });
  t.after(() => repo.cleanup());
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "modelkeeper/retrain/fraud"]);
  const eventPath = join(repo.dir, "..", "event.json");
  await writeFile(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: pull.number,
        head: { sha: pull.head.sha, ref: pull.head.ref },
        base: { ref: "main", sha: pull.base.sha },
      },
    }),
  );
  const env = {
    ...process.env,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_HEAD_REF: "modelkeeper/retrain/fraud",
    GITHUB_BASE_REF: "main",
    GITHUB_TOKEN: "ghs_workflow",
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: "acme/fraud",
    GITHUB_RUN_ID: "4242",
    WAREHOUSE_TOKEN: SECRET,
  };
  let log = "";
  const code = await runCli(
    ["retrain"],
    { stdout: (text) => (log += text), stderr: (text) => (log += text) },
    env,
    repo.dir,
  );
  assert.equal(code, 2, log);

  // The log has everything (the runner masks secrets there).
  for (const line of OUTPUT_LINES) assert.ok(log.includes(line), `the log has "${line}"`);
  assert.ok(log.includes(SECRET), "the output went to the log");

  const comments = remote.commentsOn(pull.number);
  assert.equal(comments.length, 1, "one comment");
  const body = comments[0].body;
  assert.match(body, /retraining failed/);
  assert.match(body, /failed \(exit 3\)/);
  assert.ok(body.includes("(https://github.example/acme/fraud/actions/runs/4242)"), body);
  assert.ok(!body.includes(SECRET), "no secret in the comment");
  for (const line of [...OUTPUT_LINES, "connecting with token", "Traceback"])
    assert.ok(!body.includes(line), `no output line in the comment: "${line}"`);
  assert.ok(body.length < 600, `a short notice (${body.length} characters)`);
  gh.assertNoViolations();
});
