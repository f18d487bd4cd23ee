// The whole PR flow without GitHub (issue 6, item 5): a real git repository with a bare `origin`
// (GitHub's git), the loopback GitHub stand-in (GitHub's REST API; origin's post-receive hook
// replays pushed branches into it with identical shas), and the example workflows users copy
// (examples/workflows/) run by a small runner that runs the bundled Action (action.yml +
// dist/index.js) exactly as a hosted runner does: event payloads in GITHUB_EVENT_PATH, GITHUB_*
// variables, INPUT_* inputs with action.yml's defaults, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
//
//   1. first push to main → promote workflow: evaluate (first model, floors hold) → promote v1
//   2. retrain PR opened → retrain workflow: train → commit pushed → record + evaluate → comment
//   3. merged with git, pushed → promote workflow: evaluate on main (push notes) → promote v2
//   4. a worse challenger PR → reject (step failed, comment updated in place on the next push)
//      → merged anyway → evaluate on main rejects, promote is skipped; run anyway it refuses
import { readRecordedInputs } from "../../src/provenance/record-inputs.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv } from "../support/gate-fixtures.ts";
import { startGitHubStandIn, type GitHubStandIn, type Repo } from "../support/github-standin/index.ts";
import { exportBinaryLogisticRegression } from "../../src/model/export/logistic-regression.ts";
import { createGit, type Git } from "../../src/git/git.ts";
import { readNote } from "../../src/git/notes.ts";
import type { EvaluateLine, NoteLine, PromoteLine, RecordLine } from "../../src/provenance/note-line.ts";
import { copyOfAction, spawnAsync } from "./support/action-runner.ts";
import { WorkflowRunner, type JobResult, type StepResult } from "./support/workflow-runner.ts";
import { branchTips, installMirrorHook, markMergedByPush } from "./support/github-mirror.ts";
import { pullRequestEvent, pushEvent, workflowRunEvent } from "./support/events.ts";
import { rocAuc } from "./support/roc-auc.ts";

// Commits made by this process are rebuilt through GitHub's API by the mirror hook, which (like
// hosted runners) works in UTC.
process.env.TZ = "UTC";

const WORKFLOWS = fileURLToPath(new URL("../../examples/workflows/", import.meta.url));
const REPOSITORY = { owner: "acme", name: "fraud" };
const FULL_NAME = "acme/fraud";
const WORKFLOW_TOKEN = "ghs_e2eWorkflowToken0000000000000000000";
const RETRAIN_BRANCH = "modelkeeper/retrain/fraud";
const MARKER = "<!-- modelkeeper:evaluate:fraud -->";
/** The identity modelkeeper falls back to in Actions when the job set none (hosted runners have none). */
const RUNNER_IDENTITY = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

/** Logistic regressions on binaryCsv's x1, x2 (truth: 2 x1 + x2 − 1), by their weights. */
const WEIGHTS = { weak: [1, 0], good: [2, 1], worse: [0, 1], worseStill: [0.5, 1] } as const;
const model = (weights: readonly number[]) =>
  Buffer.from(exportBinaryLogisticRegression({ featureNames: ["x1", "x2"], weights: [...weights], intercept: -1 }));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The "training" the repository runs: params.yaml's weights pick the model it writes. */
function trainScript(): string {
  const table = Object.fromEntries(
    Object.values(WEIGHTS).map((w) => [`[${w.join(", ")}]`, model(w).toString("base64")]),
  );
  return [
    `import { mkdirSync, readFileSync, writeFileSync } from "node:fs";`,
    `const MODELS = ${JSON.stringify(table)};`,
    `const weights = /^weights: (\\[.*\\])$/m.exec(readFileSync("params.yaml", "utf8"))[1];`,
    `mkdirSync("models", { recursive: true });`,
    `writeFileSync("models/fraud.onnx", Buffer.from(MODELS[weights], "base64"));`,
    `console.log("trained fraud with weights " + weights);`,
    "",
  ].join("\n");
}

const CONFIG = [
  "models:",
  "  fraud:",
  "    task: binary",
  "    artifact: models/fraud.onnx",
  "    train: node train.mjs",
  "    label: is_fraud",
  "    features: [x1, x2]",
  "    data:",
  "      train: data/train.csv",
  "      holdout: data/holdout.csv",
  "    code: [train.mjs]",
  "    config: [params.yaml]",
  "    evaluate:",
  "      metric: roc_auc",
  "      resamples: 500",
  "      slices: [segment]",
  "      min_slice_size: 100",
  "      min_value:",
  "        roc_auc: 0.6",
  "",
].join("\n");

const HOLDOUT = binaryCsv(3000, 2);

/** challenger − champion ROC AUC on the held-out set, computed here from the models' formulas. */
function expectedDelta(champion: readonly number[], challenger: readonly number[]): number {
  const rows = HOLDOUT.trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  const labels = rows.map((r) => Number(r[3]));
  const score = (w: readonly number[]) => rows.map((r) => w[0] * Number(r[0]) + w[1] * Number(r[1]));
  return rocAuc(labels, score(challenger)) - rocAuc(labels, score(champion));
}

interface World {
  gh: GitHubStandIn;
  standIn: Repo;
  dev: TestRepo;
  origin: Git;
  runner: WorkflowRunner;
  actionDir: string;
}

async function createWorld(options: { gitIdentity?: typeof RUNNER_IDENTITY }): Promise<World> {
  const gh = await startGitHubStandIn({
    repos: [{ ...REPOSITORY, collaborators: { alice: "write" } }],
    retryAfterSeconds: 0,
  });
  const dev = await createTestRepo({
    "modelkeeper.yml": CONFIG,
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": HOLDOUT,
    "params.yaml": `weights: [${WEIGHTS.weak.join(", ")}]\n`,
    "models/fraud.onnx": model(WEIGHTS.weak),
    "train.mjs": trainScript(),
    "package.json": `{ "name": "fraud-model", "version": "1.0.0", "private": true }\n`,
    "package-lock.json":
      JSON.stringify(
        {
          name: "fraud-model",
          version: "1.0.0",
          lockfileVersion: 3,
          requires: true,
          packages: { "": { name: "fraud-model", version: "1.0.0" } },
        },
        null,
        2,
      ) + "\n",
    ".gitignore": "node_modules/\n",
  });
  await installMirrorHook(dev.origin, gh, FULL_NAME);
  const actionDir = await copyOfAction();
  const runner = new WorkflowRunner({
    origin: dev.origin,
    actionDir,
    repository: FULL_NAME,
    apiUrl: gh.url,
    token: WORKFLOW_TOKEN,
    workflowsDir: WORKFLOWS,
    gitIdentity: options.gitIdentity,
  });
  return { gh, standIn: gh.state.repo(FULL_NAME), dev, origin: createGit(dev.origin), runner, actionDir };
}

async function destroyWorld(world: World): Promise<void> {
  await world.gh.close();
  await world.runner.cleanup();
  await world.dev.cleanup();
  await rm(world.actionDir, { recursive: true, force: true });
}

/** git push from the developer's clone; then origin and the stand-in must agree on every branch. */
async function push(world: World, ...refspecs: string[]): Promise<void> {
  await world.dev.git.run(["push", "--quiet", "origin", ...refspecs]);
  const tips = await branchTips(world.origin, world.standIn);
  assert.deepEqual(tips.standIn, tips.origin, "the mirror hook replayed every branch into the stand-in");
}

/** What GitHub creates for a pull request: refs/pull/N/head and the test merge commit refs/pull/N/merge. */
async function publishPullRefs(world: World, number: number, headSha: string, baseSha: string): Promise<void> {
  const { git } = world.dev;
  const tree = (await git.run(["merge-tree", "--write-tree", baseSha, headSha])).trim().split("\n")[0];
  const merge = (
    await git.run(["commit-tree", tree, "-p", baseSha, "-p", headSha, "-m", `Merge ${headSha} into ${baseSha}`])
  ).trim();
  await git.run([
    "push",
    "--quiet",
    "--force",
    "origin",
    `${headSha}:refs/pull/${number}/head`,
    `${merge}:refs/pull/${number}/merge`,
  ]);
}

const rev = async (git: Git, ref: string) => (await git.run(["rev-parse", ref])).trim();

/** The note lines on a commit as origin has them, sorted by event (merges sort lines by text). */
async function originNote(world: World, commit: string): Promise<NoteLine[]> {
  const order = ["record", "evaluate", "promote"];
  return (await readNote(world.origin, commit)).sort(
    (a, b) => order.indexOf(a.event) - order.indexOf(b.event) || a.at.localeCompare(b.at),
  );
}

/** modelkeeper/<model>/v<N> tags on origin, each with the commit it points to. */
async function originTags(world: World): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  const listing = await world.origin.run([
    "for-each-ref",
    "--format=%(refname:short) %(*objecttype) %(*objectname)",
    "refs/tags/modelkeeper",
  ]);
  for (const line of listing.split("\n").filter(Boolean)) {
    const [name, type, target] = line.split(" ");
    assert.equal(type, "commit", `${name} is an annotated tag of a commit`);
    tags[name] = target;
  }
  return tags;
}

function only(jobs: JobResult[], file: string): JobResult {
  const found = jobs.filter((j) => j.file === file);
  assert.equal(found.length, 1, `one job of ${file} ran (ran: ${jobs.map((j) => `${j.file}:${j.job}`).join(", ")})`);
  return found[0];
}

function step(job: JobResult, name: string): StepResult {
  const found = job.steps.find((s) => s.name === name || s.id === name);
  assert.ok(found, `${job.file} has a step ${name} (steps: ${job.steps.map((s) => s.name).join(", ")})`);
  return found;
}

const stepLog = (s: StepResult) => `exit ${s.status}\n${s.stdout}\n${s.stderr}`;

test(
  "retrain PR → evaluate comment → merge → promote v2; a worse challenger is rejected and cannot be promoted",
  { timeout: 120_000 },
  async (t) => {
    const world = await createWorld({});
    const { gh, standIn, dev, runner } = world;
    t.after(() => destroyWorld(world));
    const alice = gh.state.user("alice");
    const champion1 = sha256(model(WEIGHTS.weak));
    const champion2 = sha256(model(WEIGHTS.good));

    // ---- 1. the first model, promoted by the promote workflow on the first push to main ----
    const c1 = await dev.commit("Fraud model: data, training code, config and a first model");
    await push(world, "main");
    {
      const jobs = await runner.deliver(
        "push",
        await pushEvent(dev.git, REPOSITORY, { branch: "main", before: "0".repeat(40), after: c1, pusher: "alice" }),
        "alice",
      );
      assert.deepEqual(
        jobs.map((j) => j.file),
        ["modelkeeper-promote.yml"],
        "only the promote workflow runs on a push to main",
      );
      const job = jobs[0];
      assert.equal(job.conclusion, "success", job.steps.map(stepLog).join("\n"));
      const promote = job.steps.at(-1)!;
      assert.equal(promote.status, 0, stepLog(promote));
      assert.deepEqual(
        [promote.outputs.tags, promote.outputs.version, promote.outputs["exit-code"]],
        ["modelkeeper/fraud/v1", "1", "0"],
      );
      assert.match(promote.summary, /promoted to `modelkeeper\/fraud\/v1`/);
      assert.ok(
        promote.summary.includes("- no champion yet, and every absolute floor (evaluate.min\\_value) holds\n"),
        promote.summary,
      );

      assert.deepEqual(await originTags(world), { "modelkeeper/fraud/v1": c1 });
      const [evaluateLine, promoteLine] = (await originNote(world, c1)) as [EvaluateLine, PromoteLine];
      assert.deepEqual(
        [
          evaluateLine.event,
          evaluateLine.kind,
          evaluateLine.verdict,
          evaluateLine.commit,
          evaluateLine.challenger.sha256,
        ],
        ["evaluate", "first-model", "promote", c1, champion1],
      );
      assert.equal(evaluateLine.champion, undefined);
      assert.deepEqual(
        {
          event: promoteLine.event,
          version: promoteLine.version,
          tag: promoteLine.tag,
          artifact: promoteLine.artifact,
          evaluation: promoteLine.evaluation,
          forcedBy: promoteLine.forcedBy,
        },
        {
          event: "promote",
          version: 1,
          tag: "modelkeeper/fraud/v1",
          artifact: { path: "models/fraud.onnx", sha256: champion1 },
          evaluation: { commit: c1, verdict: "promote", at: evaluateLine.at, id: evaluateLine.id },
          forcedBy: undefined,
        },
      );
      assert.equal(standIn.comments.size, 0, "a push has no pull request to comment on");
      gh.assertNoViolations();
    }

    // ---- 2. the retrain PR: the bot's branch asks for both features; the workflow retrains ----
    await dev.git.run(["checkout", "--quiet", "-b", RETRAIN_BRANCH]);
    await dev.write("params.yaml", `weights: [${WEIGHTS.good.join(", ")}]\n`);
    await dev.write(".modelkeeper/retrain/fraud.json", `{"reason":"drift in x2","requestedBy":"alice"}\n`);
    const r0 = await dev.commit("Retrain fraud: use x2 as well");
    await push(world, RETRAIN_BRANCH);
    const bot = gh.state.user("modelkeeper[bot]");
    const pr1 = standIn.createPull({
      title: "Retrain fraud",
      head: RETRAIN_BRANCH,
      base: "main",
      user: bot,
      body: "Requested by @alice.",
    });
    await publishPullRefs(world, pr1.number, r0, c1);
    const pr1Facts = {
      number: pr1.number,
      title: "Retrain fraud",
      headRef: RETRAIN_BRANCH,
      headSha: r0,
      baseRef: "main",
      baseSha: c1,
      author: "modelkeeper[bot]",
    };
    const opened = pullRequestEvent("opened", REPOSITORY, pr1Facts);
    const standInOpened = gh.events.find((e) => e.name === "pull_request" && e.action === "opened")!.payload as any;
    assert.deepEqual(
      [opened.number, opened.pull_request.head.sha, opened.pull_request.base.sha],
      [standInOpened.number, standInOpened.pull_request.head.sha, standInOpened.pull_request.base.sha],
      "the event names the stand-in's pull request",
    );
    let r1: string;
    let retrainDelta: string;
    {
      const jobs = await runner.deliver("pull_request", opened, "modelkeeper[bot]");
      assert.deepEqual(
        jobs.map((j) => [j.file, j.conclusion]),
        [
          ["modelkeeper-pr.yml", "skipped"],
          ["modelkeeper-retrain.yml", "success"],
        ],
        jobs.flatMap((j) => j.steps.map(stepLog)).join("\n"),
      );
      const job = only(jobs, "modelkeeper-retrain.yml");
      // checkout, notes, (App token: skipped without MODELKEEPER_APP_ID), setup-node, npm ci, (evaluate a person's push: skipped on opened), retrain
      assert.deepEqual(
        job.steps.map((s) => s.outcome),
        ["success", "success", "skipped", "success", "success", "skipped", "success"],
      );
      const retrain = job.steps.at(-1)!;
      assert.match(retrain.stdout, /trained fraud with weights \[2, 1\]/);
      r1 = await rev(world.origin, `refs/heads/${RETRAIN_BRANCH}`);
      assert.notEqual(r1, r0, "retrain pushed a new commit to the PR branch");
      assert.equal(await rev(world.origin, `${r1}^`), r0);
      assert.equal(
        (await world.origin.run(["diff", "--name-only", r0, r1])).trim(),
        "models/fraud.onnx",
        "the commit holds only the new artifact",
      );
      assert.equal(retrain.outputs.commit, r1);
      assert.equal(retrain.outputs.verdict, "promote");
      assert.equal(retrain.outputs["exit-code"], "0");
      assert.equal(retrain.outputs.metric, "roc_auc");
      retrainDelta = retrain.outputs.delta;
      const delta = Number(retrainDelta);
      assert.ok(
        Math.abs(delta - expectedDelta(WEIGHTS.weak, WEIGHTS.good)) < 1e-5,
        `delta ${delta} vs ${expectedDelta(WEIGHTS.weak, WEIGHTS.good)}`,
      );
      assert.ok(
        Number(retrain.outputs["ci-low"]) > 0 &&
          Number(retrain.outputs["ci-low"]) < delta &&
          delta < Number(retrain.outputs["ci-high"]),
      );
      assert.match(retrain.outputs.report, /modelkeeper · fraud: ✅ \*\*promote\*\*/);
      assert.ok(retrain.summary.includes(retrain.outputs.report), "the job summary carries the report");

      // record + evaluate lines on the new head commit, on origin (not on the merge commit, not on r0).
      const [record, evaluation] = (await originNote(world, r1)) as [RecordLine, EvaluateLine];
      assert.deepEqual([record.event, evaluation.event], ["record", "evaluate"]);
      assert.equal(record.artifact.sha256, champion2);
      assert.equal(
        (await readRecordedInputs(world.origin, record, "origin")).inputs.config["params.yaml"],
        sha256(Buffer.from(`weights: [${WEIGHTS.good.join(", ")}]\n`)),
      );
      assert.deepEqual([record.env.ci, record.env.runId], ["github-actions", String(job.runId)]);
      assert.deepEqual(
        [
          evaluation.kind,
          evaluation.verdict,
          evaluation.commit,
          evaluation.challenger.sha256,
          evaluation.champion,
          evaluation.delta,
        ],
        ["compared", "promote", r1, champion2, { sha256: champion1, source: "tag modelkeeper/fraud/v1" }, delta],
      );
      assert.deepEqual(await originNote(world, r0), []);
      assert.deepEqual(await originNote(world, await rev(world.origin, `refs/pull/${pr1.number}/merge`)), []);

      // One comment, by the workflow token, exactly the report; one check run on the new head.
      const comments = standIn.commentsOn(pr1.number);
      assert.equal(comments.length, 1);
      assert.equal(comments[0].user.login, "github-actions[bot]");
      assert.equal(comments[0].body, `${MARKER}\n${retrain.outputs.report}`);
      const checks = [...standIn.checkRuns.values()];
      assert.deepEqual(
        checks.map((c) => [c.name, c.headSha, c.status, c.conclusion, c.app?.login]),
        [["modelkeeper / fraud", r1, "completed", "success", "github-actions[bot]"]],
      );
      assert.equal(standIn.pull(pr1.number).head.sha, r1, "the pull request follows the pushed branch");
      gh.assertNoViolations();
    }

    // ---- 3. merged with git and pushed; the promote workflow promotes v2 ----
    await dev.git.run(["checkout", "--quiet", "main"]);
    await dev.git.run(["fetch", "--quiet", "origin"]);
    await dev.git.run([
      "merge",
      "--quiet",
      "--no-ff",
      `origin/${RETRAIN_BRANCH}`,
      "-m",
      `Merge pull request #${pr1.number} from acme/${RETRAIN_BRANCH}`,
    ]);
    const m1 = await rev(dev.git, "HEAD");
    await push(world, "main");
    const closed1 = markMergedByPush(gh, standIn, pr1.number, m1, alice) as any;
    assert.deepEqual(
      [closed1.pull_request.merged, closed1.pull_request.merge_commit_sha, closed1.pull_request.head.sha],
      [true, m1, r1],
    );
    assert.deepEqual(
      await runner.deliver(
        "pull_request",
        pullRequestEvent("closed", REPOSITORY, { ...pr1Facts, headSha: r1, merged: true, mergeCommitSha: m1 }, "alice"),
        "alice",
      ),
      [],
      "no workflow runs on a closed pull request",
    );
    {
      const jobs = await runner.deliver(
        "push",
        await pushEvent(dev.git, REPOSITORY, { branch: "main", before: c1, after: m1, pusher: "alice" }),
        "alice",
      );
      const job = only(jobs, "modelkeeper-promote.yml");
      assert.equal(job.conclusion, "success", job.steps.map(stepLog).join("\n"));
      const promote = job.steps.at(-1)!;
      assert.deepEqual(
        [promote.status, promote.outputs.tags, promote.outputs.version],
        [0, "modelkeeper/fraud/v2", "2"],
        stepLog(promote),
      );

      assert.deepEqual(await originTags(world), { "modelkeeper/fraud/v1": c1, "modelkeeper/fraud/v2": m1 });
      const [evaluateLine, promoteLine] = (await originNote(world, m1)) as [EvaluateLine, PromoteLine];
      assert.deepEqual(
        [
          evaluateLine.event,
          evaluateLine.verdict,
          evaluateLine.commit,
          evaluateLine.challenger.sha256,
          evaluateLine.champion?.source,
        ],
        ["evaluate", "promote", m1, champion2, "tag modelkeeper/fraud/v1"],
      );
      assert.equal(
        String(evaluateLine.delta),
        retrainDelta,
        "computed by promote itself: the same artifacts on the same held-out set give the PR's delta",
      );
      assert.equal(evaluateLine.computedBy, "promote");
      assert.deepEqual(
        [
          promoteLine.event,
          promoteLine.version,
          promoteLine.tag,
          promoteLine.artifact.sha256,
          promoteLine.evaluation?.verdict,
          promoteLine.forcedBy,
        ],
        ["promote", 2, "modelkeeper/fraud/v2", champion2, "promote", undefined],
      );
      assert.deepEqual(
        (await originNote(world, r1)).map((l) => l.event),
        ["record", "evaluate"],
        "the PR head's lines are kept",
      );
      assert.equal(standIn.commentsOn(pr1.number).length, 1, "promote posts nothing on the pull request");
      gh.assertNoViolations();
    }

    // ---- 4. a worse challenger: rejected on its PR, merged anyway, never promoted ----
    await dev.git.run(["checkout", "--quiet", "-b", "x2-only"]);
    await dev.write("params.yaml", `weights: [${WEIGHTS.worse.join(", ")}]\n`);
    assert.equal((await spawnAsync(process.execPath, ["train.mjs"], dev.dir, process.env)).status, 0);
    const w1 = await dev.commit("Simpler model: x2 only");
    await push(world, "x2-only");
    const pr2 = standIn.createPull({ title: "Simpler model", head: "x2-only", base: "main", user: alice });
    await publishPullRefs(world, pr2.number, w1, m1);
    const pr2Facts = {
      number: pr2.number,
      title: "Simpler model",
      headRef: "x2-only",
      headSha: w1,
      baseRef: "main",
      baseSha: m1,
      author: "alice",
    };
    let firstComment: { id: number; body: string };
    {
      const jobs = await runner.deliver("pull_request", pullRequestEvent("opened", REPOSITORY, pr2Facts), "alice");
      assert.deepEqual(
        jobs.map((j) => [j.file, j.conclusion]),
        [
          ["modelkeeper-pr.yml", "failure"],
          ["modelkeeper-retrain.yml", "skipped"],
        ],
      );
      const job = only(jobs, "modelkeeper-pr.yml");
      assert.deepEqual(
        job.steps.map((s) => s.outcome),
        ["success", "success", "skipped", "failure"],
        "the trusted run fails on a reject (the App-token step is skipped without MODELKEEPER_APP_ID)",
      );
      assert.equal(
        job.workspace && (await createGit(job.workspace).run(["rev-parse", "HEAD"])).trim(),
        m1,
        "the trusted run checked out the base, not the PR head",
      );
      const evaluate = step(job, "evaluate");
      assert.equal(evaluate.status, 1, "the step fails");
      assert.deepEqual(
        [evaluate.outputs.verdict, evaluate.outputs["exit-code"], evaluate.outputs.commit],
        ["reject", "1", w1],
      );
      const delta = Number(evaluate.outputs.delta);
      assert.ok(Math.abs(delta - expectedDelta(WEIGHTS.good, WEIGHTS.worse)) < 1e-5, `delta ${delta}`);
      assert.ok(Number(evaluate.outputs["ci-high"]) < 0);
      assert.match(evaluate.stdout, /::error::modelkeeper evaluate/);
      assert.match(evaluate.outputs.report, /modelkeeper · fraud: ❌ \*\*reject\*\*/);

      const comments = standIn.commentsOn(pr2.number);
      assert.equal(comments.length, 1);
      assert.equal(comments[0].body, `${MARKER}\n${evaluate.outputs.report}`);
      const checks = [...standIn.checkRuns.values()].filter((c) => c.headSha === w1);
      assert.deepEqual(
        checks.map((c) => [c.name, c.conclusion]),
        [["modelkeeper / fraud", "failure"]],
      );
      assert.deepEqual(await originNote(world, w1), [], "the PR workflow pushes no notes");

      // A fork's own CI run uploads a forged "success" result with a fake Markdown verdict: the
      // untrusted-result workflow shows validated fields only, as information, and sets no check.
      const forgedRun = 9000 + pr2.number;
      const forgedDir = await mkdtemp(join(tmpdir(), "mk-e2e-forged-"));
      await writeFile(
        join(forgedDir, "modelkeeper-result.json"),
        JSON.stringify({
          kind: "modelkeeper-evaluate-result",
          schema: 1,
          pullRequest: { number: pr2.number, headSha: w1 },
          models: [
            {
              model: "fraud",
              verdict: "promote",
              conclusion: "success",
              metric: "roc_auc",
              delta: 0.3,
              markdown: "### modelkeeper · fraud: ✅ **promote** @alice",
            },
          ],
        }),
      );
      runner.history.push({
        workflow: "CI (pull request)",
        file: "fork-ci.yml",
        job: "ci",
        runId: forgedRun,
        conclusion: "success",
        workspace: forgedDir,
        steps: [],
        artifacts: { "modelkeeper-result": forgedDir },
      });
      const commentJobs = await runner.deliver(
        "workflow_run",
        workflowRunEvent(
          REPOSITORY,
          {
            id: forgedRun,
            name: "CI (pull request)",
            conclusion: "success",
            pullRequest: pr2Facts,
            fromFork: "mallory/fraud",
          },
          "mallory",
        ),
        "mallory",
      );
      const commentJob = only(commentJobs, "modelkeeper-comment.yml");
      assert.equal(commentJob.conclusion, "success", commentJob.steps.map(stepLog).join("\n"));
      const reported = standIn
        .commentsOn(pr2.number)
        .find((c) => c.body.startsWith("<!-- modelkeeper:reported:fraud -->"))!;
      assert.match(reported.body, /reported `promote` \(`roc_auc` Δ 0\.3\)/);
      assert.doesNotMatch(reported.body, /@alice|\*\*promote\*\*/);
      assert.equal(
        standIn.commentsOn(pr2.number).find((c) => c.body.startsWith(MARKER))!.body,
        `${MARKER}\n${evaluate.outputs.report}`,
        "the trusted comment is untouched",
      );
      assert.deepEqual(
        [...standIn.checkRuns.values()].filter((c) => c.headSha === w1).map((c) => c.conclusion),
        ["failure"],
        "the required check stays the trusted run's failure",
      );
      const reposted = standIn.commentsOn(pr2.number).filter((c) => c.body.startsWith(MARKER));
      await rm(forgedDir, { recursive: true, force: true });
      firstComment = { id: reposted[0].id, body: reposted[0].body };
    }
    // The author pushes another attempt: same verdict, the one comment is updated in place.
    await dev.write("params.yaml", `weights: [${WEIGHTS.worseStill.join(", ")}]\n`);
    assert.equal((await spawnAsync(process.execPath, ["train.mjs"], dev.dir, process.env)).status, 0);
    const w2 = await dev.commit("Simpler model: a little x1 back");
    await push(world, "x2-only");
    await publishPullRefs(world, pr2.number, w2, m1);
    const synchronize = gh.events.filter((e) => e.name === "pull_request" && e.action === "synchronize").at(-1)!
      .payload as any;
    assert.deepEqual([synchronize.before, synchronize.after], [w1, w2], "the stand-in saw the push to the PR branch");
    {
      const payload = pullRequestEvent("synchronize", REPOSITORY, { ...pr2Facts, headSha: w2 });
      Object.assign(payload, { before: w1, after: w2 });
      const job = only(await runner.deliver("pull_request", payload, "alice"), "modelkeeper-pr.yml");
      const evaluate = step(job, "evaluate");
      assert.deepEqual(
        [job.conclusion, evaluate.status, evaluate.outputs.verdict, evaluate.outputs.commit],
        ["failure", 1, "reject", w2],
      );
      assert.ok(Math.abs(Number(evaluate.outputs.delta) - expectedDelta(WEIGHTS.good, WEIGHTS.worseStill)) < 1e-5);
      const comments = standIn.commentsOn(pr2.number).filter((c) => c.body.startsWith(MARKER));
      assert.equal(comments.length, 1, "still exactly one trusted comment");
      assert.equal(comments[0].id, firstComment.id, "the same comment, updated in place");
      assert.equal(comments[0].body, `${MARKER}\n${evaluate.outputs.report}`);
      assert.notEqual(comments[0].body, firstComment.body);
      assert.ok(
        gh.events.some(
          (e) =>
            e.name === "issue_comment" && e.action === "edited" && (e.payload as any).comment.id === firstComment.id,
        ),
      );
      assert.deepEqual(
        [...standIn.checkRuns.values()].filter((c) => c.headSha === w2).map((c) => c.conclusion),
        ["failure"],
      );
    }

    // Merged anyway (an admin bypassing branch protection).
    await dev.git.run(["checkout", "--quiet", "main"]);
    await dev.git.run([
      "merge",
      "--quiet",
      "--no-ff",
      "x2-only",
      "-m",
      `Merge pull request #${pr2.number} from acme/x2-only`,
    ]);
    const m2 = await rev(dev.git, "HEAD");
    await push(world, "main");
    markMergedByPush(gh, standIn, pr2.number, m2, alice);
    const pushM2 = await pushEvent(dev.git, REPOSITORY, { branch: "main", before: m1, after: m2, pusher: "alice" });
    {
      const job = only(await runner.deliver("push", pushM2, "alice"), "modelkeeper-promote.yml");
      const promote = step(job, "promote");
      assert.deepEqual(
        [job.conclusion, promote.status, promote.outputs["exit-code"]],
        ["failure", 1, "2"],
        stepLog(promote),
      );
      assert.match(
        promote.stdout,
        /::error::refusing to promote fraud: evaluated here against modelkeeper\/fraud\/v2 on [0-9a-f]{12}'s own config and held-out set, it says reject/,
      );
      assert.deepEqual(
        (await createGit(job.workspace).run(["tag", "--list", "modelkeeper/*"])).trim().split("\n"),
        ["modelkeeper/fraud/v1", "modelkeeper/fraud/v2"],
        "no local-only tag left behind",
      );
      assert.deepEqual(await originNote(world, m2), [], "a refused promote writes nothing");
    }
    {
      // And from the command line (same bundle), in the maintainer's clone: exit status 2.
      await dev.git.run([
        "fetch",
        "--quiet",
        "origin",
        "refs/notes/modelkeeper:refs/notes/modelkeeper",
        "+refs/tags/modelkeeper/*:refs/tags/modelkeeper/*",
      ]);
      const scratch = join(dev.dir, "..", "scratch");
      await mkdir(scratch);
      const cli = await spawnAsync(process.execPath, [join(world.actionDir, "dist", "cli.js"), "promote"], dev.dir, {
        PATH: process.env.PATH,
        HOME: scratch,
        TMPDIR: scratch,
        TZ: "UTC",
      });
      assert.equal(cli.status, 2, cli.stdout + cli.stderr);
      assert.match(
        cli.stderr,
        /refusing to promote fraud: evaluated here against modelkeeper\/fraud\/v2 .* it says reject/,
      );
      assert.deepEqual((await dev.git.run(["tag", "--list", "modelkeeper/*"])).trim().split("\n"), [
        "modelkeeper/fraud/v1",
        "modelkeeper/fraud/v2",
      ]);
    }
    assert.deepEqual(
      await originTags(world),
      { "modelkeeper/fraud/v1": c1, "modelkeeper/fraud/v2": m1 },
      "no v3 on origin",
    );
    assert.deepEqual(await originNote(world, m2), [], "no line on the rejected merge");
    assert.deepEqual(
      [standIn.commentsOn(pr1.number).length, standIn.commentsOn(pr2.number).length],
      [1, 2],
      "one trusted comment per model per pull request (and the untrusted report)",
    );
    gh.assertNoViolations();
  },
);

test("the promote workflow as copied runs on a runner without a git identity (hosted runners have none)", async (t) => {
  const world = await createWorld({});
  t.after(() => destroyWorld(world));
  const c1 = await world.dev.commit("first model");
  await push(world, "main");
  const jobs = await world.runner.deliver(
    "push",
    await pushEvent(world.dev.git, REPOSITORY, { branch: "main", before: "0".repeat(40), after: c1, pusher: "alice" }),
    "alice",
  );
  const job = only(jobs, "modelkeeper-promote.yml");
  assert.equal(job.conclusion, "success", job.steps.map(stepLog).join("\n"));
  assert.deepEqual(await originTags(world), { "modelkeeper/fraud/v1": c1 });
});

test(
  "a fork whose model really wins gets a green check from the trusted run, which runs none of the fork's code",
  { timeout: 120_000 },
  async (t) => {
    const world = await createWorld({});
    const { standIn, dev, runner } = world;
    t.after(() => destroyWorld(world));
    const c1 = await dev.commit("first model");
    await push(world, "main");
    assert.equal(
      only(
        await runner.deliver(
          "push",
          await pushEvent(dev.git, REPOSITORY, { branch: "main", before: "0".repeat(40), after: c1, pusher: "alice" }),
          "alice",
        ),
        "modelkeeper-promote.yml",
      ).conclusion,
      "success",
    );

    // The fork's head: a better model, and code that would leave a mark if anything of it ran.
    await dev.git.run(["checkout", "--quiet", "-b", "fork-head"]);
    await dev.write("models/fraud.onnx", model(WEIGHTS.good));
    await dev.write("train.mjs", `require("fs").writeFileSync(process.env.HOME + "/pwned", "x");\n`);
    await dev.write(
      "package.json",
      `{ "name": "fraud-model", "version": "1.0.0", "private": true, "scripts": { "postinstall": "touch $HOME/pwned" } }\n`,
    );
    const head = await dev.commit("A better model (from a fork)");
    await push(world, "fork-head");
    const pr = standIn.createPull({
      title: "Better model",
      head: "fork-head",
      base: "main",
      user: world.gh.state.user("mallory"),
    });
    await publishPullRefs(world, pr.number, head, c1);
    const facts = {
      number: pr.number,
      title: "Better model",
      headRef: "fork-head",
      headSha: head,
      baseRef: "main",
      baseSha: c1,
      author: "mallory",
    };
    const job = only(
      await runner.deliver("pull_request", pullRequestEvent("opened", REPOSITORY, facts), "mallory"),
      "modelkeeper-pr.yml",
    );
    assert.equal(job.conclusion, "success", job.steps.map(stepLog).join("\n"));
    const evaluate = step(job, "evaluate");
    assert.deepEqual([evaluate.outputs.verdict, evaluate.outputs.commit], ["promote", head]);
    assert.equal((await createGit(job.workspace).run(["rev-parse", "HEAD"])).trim(), c1, "the workspace is the base");
    assert.equal(
      await readFile(join(job.workspace, "train.mjs"), "utf8"),
      trainScript(),
      "no file of the PR was checked out",
    );
    assert.deepEqual(
      [...standIn.checkRuns.values()].filter((c) => c.headSha === head).map((c) => [c.name, c.conclusion]),
      [["modelkeeper / fraud", "success"]],
    );
    world.gh.assertNoViolations();
  },
);
