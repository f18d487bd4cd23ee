import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { readNote } from "../../src/git/notes.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { exactMcnemarP } from "../support/exact-mcnemar.ts";

/** main holds the champion; a PR branch holds `challenger`. */
async function pullRequestRepo(
  challenger: Buffer,
  options: { holdout?: string; config?: string } = {},
): Promise<{ repo: TestRepo; head: string }> {
  const repo = await createTestRepo({
    "modelkeeper.yml": options.config ?? gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(3000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "retrain"]);
  await repo.write("models/fraud.onnx", challenger);
  if (options.holdout) await repo.write("data/holdout.csv", options.holdout);
  const head = await repo.commit("challenger");
  return { repo, head };
}

async function evaluate(repo: TestRepo, env: Record<string, string>, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    ["evaluate", ...argv],
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { ...process.env, GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "", GITHUB_TOKEN: "", ...env },
    repo.dir,
  );
  return { code, stdout, stderr };
}

test("a better challenger is promoted on the confidence interval of the paired difference, with an evaluate note line", async (t) => {
  const { repo, head } = await pullRequestRepo(MODELS.good());
  t.after(() => repo.cleanup());
  const result = await evaluate(repo, { GITHUB_BASE_REF: "main" }, "--json");
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const report = JSON.parse(result.stdout);
  assert.equal(report.verdict, "promote");
  const [model] = report.models;
  assert.equal(model.kind, "compared");
  assert.match(model.champion.label, /base branch main/);
  const holdout = model.holdouts[0];
  assert.equal(holdout.rows, 3000);
  assert.ok(holdout.paired.ciLow > 0, `CI low ${holdout.paired.ciLow}`);
  assert.equal(holdout.paired.resamples, 500);
  assert.ok(holdout.delong.pValue < 0.001);
  // The discordant counts decide McNemar's test; its p-value is checked against the definition.
  assert.ok(
    Math.abs(
      holdout.mcnemar.pExact -
        exactMcnemarP(holdout.mcnemar.championOnlyCorrect, holdout.mcnemar.challengerOnlyCorrect),
    ) < 1e-9,
  );
  assert.deepEqual(holdout.slices.map((s: any) => s.value).sort(), ["store", "web"]);
  assert.ok(holdout.guardrails.some((g: any) => g.name === "latency_median_ratio" && g.status === "pass"));
  const line = (await readNote(repo.git, head)).find((l) => l.event === "evaluate") as any;
  assert.equal(line.verdict, "promote");
  assert.equal(line.seed, 20240601);
  assert.equal(line.challenger.sha256, model.challenger.sha256);
});

test("a worse challenger is rejected (exit 1) and an identical one is not a comparison (exit 0)", async (t) => {
  const worse = await pullRequestRepo(Buffer.from(MODELS.weak()));
  t.after(() => worse.repo.cleanup());
  const same = await evaluate(worse.repo, { GITHUB_BASE_REF: "main" });
  assert.equal(same.code, 0);
  assert.match(same.stdout, /unchanged: the challenger is the champion's artifact/);
  assert.equal((await readNote(worse.repo.git, worse.head)).length, 0);

  const { repo } = await pullRequestRepo(MODELS.good());
  t.after(() => repo.cleanup());
  const champion = join(await mkdtemp(join(tmpdir(), "mk-champ-")), "champion.onnx");
  await writeFile(champion, MODELS.good());
  await repo.write("models/fraud.onnx", MODELS.weak());
  const rejected = await evaluate(repo, {}, "--champion", champion, "--json");
  assert.equal(rejected.code, 1);
  assert.equal(JSON.parse(rejected.stdout).verdict, "reject");
});

test("two models of the same quality are inconclusive, and the report says what it could detect", async (t) => {
  const { repo } = await pullRequestRepo(MODELS.good());
  t.after(() => repo.cleanup());
  const champion = join(await mkdtemp(join(tmpdir(), "mk-champ-")), "champion.onnx");
  await writeFile(champion, MODELS.alsoGood());
  const result = await evaluate(repo, {}, "--champion", champion, "--report-md", "report.md");
  assert.equal(result.code, 1);
  assert.match(result.stdout, /fraud: INCONCLUSIVE/);
  const md = await import("node:fs/promises").then((fs) => fs.readFile(join(repo.dir, "report.md"), "utf8"));
  assert.match(md, /Smallest difference this held-out set could detect/);
});

test("a PR that changes the held-out set is evaluated on both the base's and its own", async (t) => {
  const { repo } = await pullRequestRepo(MODELS.good(), { holdout: binaryCsv(1500, 99) });
  t.after(() => repo.cleanup());
  const result = await evaluate(repo, { GITHUB_BASE_REF: "main" }, "--json", "--report-md", "r.md");
  const report = JSON.parse(result.stdout);
  assert.deepEqual(
    report.models[0].holdouts.map((h: any) => [h.name, h.rows]),
    [
      ["base holdout (main)", 3000],
      ["PR holdout", 1500],
    ],
  );
  const md = await import("node:fs/promises").then((fs) => fs.readFile(join(repo.dir, "r.md"), "utf8"));
  assert.match(md, /This pull request changes the held-out set/);
});

test("a first model with no champion passes only its absolute floors", async (t) => {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig("      min_value: { roc_auc: 0.99 }"),
    "data/train.csv": binaryCsv(100, 1),
    "data/holdout.csv": binaryCsv(1000, 2),
    "models/fraud.onnx": MODELS.good(),
  });
  t.after(() => repo.cleanup());
  await repo.commit();
  const result = await evaluate(repo, {}, "--json");
  assert.equal(result.code, 1);
  const model = JSON.parse(result.stdout).models[0];
  assert.equal(model.kind, "first-model");
  assert.equal(model.verdict, "reject");
  assert.deepEqual(
    [model.reasons[0].code, model.reasons[0].metric, model.reasons[0].floor],
    ["metric-misses-floor", "roc_auc", 0.99],
  );
  assert.match(model.reasonText[0], /roc_auc 0\.\d+ misses the floor ≥ 0\.99/);
});

test("a missing label column or feature is an error naming it, with no verdict and no note line", async (t) => {
  const { repo, head } = await pullRequestRepo(MODELS.good(), { holdout: "x1,x2,segment,label\n1,2,web,0\n" });
  t.after(() => repo.cleanup());
  const result = await evaluate(repo, { GITHUB_BASE_REF: "main" });
  assert.equal(result.code, 2);
  assert.match(result.stdout, /NO VERDICT/);
  assert.match(result.stdout, /no label column "is_fraud"/);
  assert.equal((await readNote(repo.git, head)).length, 0);

  await repo.write("data/holdout.csv", "x1,segment,is_fraud\n1,web,0\n2,web,1\n");
  const missingFeature = await evaluate(repo, {}, "--champion", "main");
  assert.equal(missingFeature.code, 2);
  assert.match(missingFeature.stdout, /x2/);
});

test("on a pull request, the verdict is one comment updated in place and a check run, with no API call GitHub would reject", async (t) => {
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  t.after(() => gh.close());
  const remote = gh.state.repo("acme/fraud");
  remote.createBranch("retrain");
  remote.commitFiles({ branch: "retrain", message: "m", files: { "x.txt": "1" } });
  const pull = remote.createPull({ head: "retrain", base: "main", title: "Retrain" });

  const { repo, head } = await pullRequestRepo(MODELS.good());
  t.after(() => repo.cleanup());
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
  const env = {
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_BASE_REF: "main",
    GITHUB_TOKEN: "ghs_workflow",
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "acme/fraud",
  };
  const first = await evaluate(repo, env);
  assert.equal(first.code, 0, first.stderr + first.stdout);
  assert.equal((await evaluate(repo, env, "--result-file", "result.json")).code, 0);
  const comments = remote.commentsOn(pull.number);
  assert.equal(comments.length, 1);
  assert.match(comments[0].body, /^<!-- modelkeeper:evaluate:fraud -->\n### modelkeeper · fraud: ✅ \*\*promote\*\*/);
  assert.match(comments[0].body, /```mermaid\nxychart-beta/);
  assert.equal(remote.checkRuns.size, 2);
  const file = JSON.parse(
    await import("node:fs/promises").then((fs) => fs.readFile(join(repo.dir, "result.json"), "utf8")),
  );
  assert.equal(file.pullRequest.headSha, pull.head.sha);
  // The PR head is not in this clone, so the note goes on HEAD (the commit evaluated).
  assert.equal((await readNote(repo.git, head)).filter((l) => l.event === "evaluate").length, 2);
  gh.assertNoViolations();
});

test("a Git LFS pointer or a corrupt ONNX file as the challenger is a clear error, with no verdict", async (t) => {
  const { repo } = await pullRequestRepo(MODELS.good());
  t.after(() => repo.cleanup());
  await repo.write(
    "models/fraud.onnx",
    "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
  );
  const lfs = await evaluate(repo, { GITHUB_BASE_REF: "main" });
  assert.equal(lfs.code, 2);
  assert.match(lfs.stderr, /is a Git LFS pointer, not the model\. Fetch the real file: `git lfs pull`/);

  await repo.write("models/fraud.onnx", Buffer.from("definitely not protobuf \u0000\u0001\u0002"));
  const corrupt = await evaluate(repo, { GITHUB_BASE_REF: "main" });
  assert.equal(corrupt.code, 2);
  assert.match(corrupt.stdout, /NO VERDICT/);
  assert.match(corrupt.stdout, /fraud\.onnx/);
});

test("glob held-out sets: a PR that renames or deletes the base's files is judged on the base's set, flagged first", async (t) => {
  const config = gateConfig().replace("holdout: data/holdout.csv", "holdout: data/holdout/*.csv");
  const repo = await createTestRepo({
    "modelkeeper.yml": config,
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout/a.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit("champion");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "moves-the-goal"]);
  await repo.git.run(["mv", "data/holdout", "data/easy"]);
  await repo.write("data/easy/a.csv", binaryCsv(300, 77));
  await repo.write("modelkeeper.yml", config.replace("data/holdout/*.csv", "data/easy/*.csv"));
  await repo.write("models/fraud.onnx", MODELS.good());
  await repo.commit("move the held-out set");
  const moved = await evaluate(repo, { GITHUB_BASE_REF: "main" }, "--json");
  const model = JSON.parse(moved.stdout).models[0];
  assert.deepEqual(
    model.holdouts.map((h: any) => [h.name, h.rows, Object.keys(h.files)]),
    [
      ["base holdout (main)", 2000, ["data/holdout/a.csv"]],
      ["PR holdout", 300, ["data/easy/a.csv"]],
    ],
  );
  // The config's move is a gate change (named first), the files' move a held-out change.
  assert.match(
    model.warningText[0],
    /^this pull request changes how the model is judged \(data\.holdout: \["data\/holdout\/\*\.csv"\] → \["data\/easy\/\*\.csv"\]\)/,
  );
  assert.match(
    model.warningText[1],
    /^this pull request changes the held-out set \(it removes or renames data\/holdout\/a\.csv; adds data\/easy\/a\.csv\): the verdict is decided on the base branch main's held-out set/,
  );
  assert.deepEqual(model.notices, model.warnings.slice(0, 2));
  assert.deepEqual(
    model.notices.map((n: any) => n.code),
    ["gate-settings-changed", "holdout-notice"],
  );

  // Deleted outright (the PR's config still names the base's pattern): the base's set alone.
  await repo.git.run(["rm", "-r", "--quiet", "data/easy"]);
  await repo.write("modelkeeper.yml", config);
  await repo.commit("delete the held-out set");
  const deleted = await evaluate(repo, { GITHUB_BASE_REF: "main" }, "--json");
  const after = JSON.parse(deleted.stdout).models[0];
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.deepEqual(
    after.holdouts.map((h: any) => [h.name, h.rows]),
    [["base holdout (main)", 2000]],
  );
  assert.match(after.warningText[0], /removes or renames data\/holdout\/a\.csv/);
  const line = (await readNote(repo.git, "HEAD")).find((l) => l.event === "evaluate") as any;
  assert.match(line.holdoutSha256, /^[0-9a-f]{64}$/);
  assert.match(line.configSha256, /^[0-9a-f]{64}$/);
});

test("a challenger whose tensors live in an external file is refused before onnxruntime loads it", async (t) => {
  const { ProtoWriter } = await import("../../src/model/protobuf-wire.ts");
  const tail = new ProtoWriter()
    .message(7, (g) =>
      g.message(5, (w) =>
        w
          .string(8, "w")
          .varint(14, 1)
          .message(13, (e) => e.string(1, "location").string(2, "../../../../etc/passwd")),
      ),
    )
    .finish();
  const { repo } = await pullRequestRepo(Buffer.concat([MODELS.good(), Buffer.from(tail)]));
  t.after(() => repo.cleanup());
  const result = await evaluate(repo, { GITHUB_BASE_REF: "main" }, "--json");
  assert.equal(result.code, 2);
  assert.match(
    JSON.parse(result.stdout).models[0].errors[0],
    /refusing to load this ONNX model: graph initializer "w" keeps its data in an external file/,
  );
});

test("a pull request that changes how its model is judged says so at the top, naming the keys", async (t) => {
  const { repo } = await pullRequestRepo(MODELS.good());
  t.after(() => repo.cleanup());
  await repo.write("modelkeeper.yml", gateConfig("      min_improvement: -1\n      confidence: 0.51"));
  await repo.commit("loosen the gate");
  const result = await evaluate(repo, { GITHUB_BASE_REF: "main" }, "--json", "--no-comment");
  const [model] = JSON.parse(result.stdout).models;
  const notice = model.noticeText.find((n: string) => /changes how the model is judged/.test(n));
  assert.ok(notice, JSON.stringify(model.notices));
  assert.match(
    notice,
    /evaluate\.confidence: 0\.95 → 0\.51; evaluate\.min_improvement: 0 → -1\)\. It is judged here with this branch's settings/,
  );
});
