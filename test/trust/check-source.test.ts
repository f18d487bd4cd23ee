// H4: any job's GITHUB_TOKEN can create a check run named `modelkeeper / <model>`. With a GitHub App
// installation token in MODELKEEPER_CHECK_TOKEN, the trusted run's check is the App's, which a
// required check with the App as expected source tells apart from every imitation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { createTestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { runCli } from "../../src/cli/run-cli.ts";

test("the check run is created with the App token when one is given; a job's GITHUB_TOKEN check is github-actions'", async (t) => {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  t.after(() => gh.close());
  const remote = gh.state.repo("acme/fraud");
  remote.createBranch("retrain");
  remote.commitFiles({ branch: "retrain", message: "m", files: { "x.txt": "1" } });
  const pull = remote.createPull({ head: "retrain", base: "main", title: "Retrain" });

  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "retrain"]);
  await repo.write("models/fraud.onnx", MODELS.good());
  await repo.commit("challenger");
  const eventPath = join(repo.dir, "..", "event.json");
  await writeFile(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: pull.number,
        head: { sha: pull.head.sha, ref: "retrain" },
        base: { ref: "main", sha: pull.base.sha },
      },
    }),
  );
  const base = {
    ...process.env,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_BASE_REF: "main",
    GITHUB_TOKEN: "ghs_workflow",
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "acme/fraud",
    MODELKEEPER_CHECK_TOKEN: "",
  };
  const evaluate = async (env: Record<string, string>) => {
    let out = "";
    const code = await runCli(
      ["evaluate"],
      { stdout: (s) => (out += s), stderr: (s) => (out += s) },
      { ...base, ...env },
      repo.dir,
    );
    assert.equal(code, 0, out);
    assert.doesNotMatch(out, /ghs_standin/, "the App token is never printed");
  };
  const appOfNewestCheck = () => [...remote.checkRuns.values()].at(-1)!.app?.login;

  await evaluate({});
  assert.equal(appOfNewestCheck(), "github-actions[bot]");
  // Any other job of the repository can make the same name with its own GITHUB_TOKEN.
  await new Octokit({ baseUrl: gh.url, auth: "ghs_other_job" }).rest.checks.create({
    owner: "acme",
    repo: "fraud",
    name: "modelkeeper / fraud",
    head_sha: pull.head.sha,
    status: "completed",
    conclusion: "success",
  });
  assert.equal(appOfNewestCheck(), "github-actions[bot]", "indistinguishable from the trusted run's without an App");

  const { token } = gh.state.issueInstallationToken(1);
  await evaluate({ MODELKEEPER_CHECK_TOKEN: token });
  const last = [...remote.checkRuns.values()].at(-1)!;
  assert.equal(last.name, "modelkeeper / fraud");
  assert.equal(last.app?.login, gh.state.app.bot.login);
  assert.notEqual(last.app?.login, "github-actions[bot]");
  // The comment is still the workflow's (GITHUB_TOKEN): only the check needs the App.
  assert.equal(remote.commentsOn(pull.number).length, 1);
  gh.assertNoViolations();
});
