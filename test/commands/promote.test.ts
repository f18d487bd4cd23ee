// promote decides on a verdict it computes itself (real ONNX models, real git, a bare remote):
// forged note lines, lenient configs, hand-made tags and killed or concurrent runs change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { createGit } from "../../src/git/git.ts";
import { appendNoteLines, pushNotes, readNote } from "../../src/git/notes.ts";
import { newLineId, NOTES_REF, type EvaluateLine } from "../../src/provenance/note-line.ts";
import { exportBinaryLogisticRegression } from "../../src/model/export/logistic-regression.ts";

const CLI = fileURLToPath(new URL("../../bin/cli.ts", import.meta.url));
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const worse = () =>
  Buffer.from(exportBinaryLogisticRegression({ featureNames: ["x1", "x2"], weights: [0, 1], intercept: -1 }));

/** main: the weak model promoted as v1; then `next` committed on main (as a merge would). */
async function repoWithChampion(next: Buffer): Promise<{ repo: TestRepo; v1: string; head: string }> {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  const v1 = await repo.commit("first model");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const first = await repo.cli("promote");
  assert.equal(first.code, 0, first.stderr);
  await repo.write("models/fraud.onnx", next);
  const head = await repo.commit("next model");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  return { repo, v1, head };
}

function forgedEvaluation(sha256: string, verdict: EvaluateLine["verdict"], at: string): EvaluateLine {
  return {
    schema: 1,
    id: newLineId(),
    event: "evaluate",
    model: "fraud",
    at,
    tool: "forged",
    verdict,
    kind: "compared",
    commit: "0".repeat(40),
    challenger: { sha256, path: "models/fraud.onnx" },
    metric: "roc_auc",
    holdout: {},
    seed: 1,
  };
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function remoteTags(repo: TestRepo): Promise<string[]> {
  return (await repo.git.run(["ls-remote", "--tags", "--refs", "origin"]))
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t")[1])
    .sort();
}

test("a winner is promoted on a verdict computed here; a forged, future-dated reject line changes nothing", async (t) => {
  const { repo, head } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  await appendNoteLines(repo.git, head, [forgedEvaluation(sha(MODELS.good()), "reject", "2999-01-01T00:00:00.000Z")]);
  await pushNotes(repo.git);
  const result = await repo.cli("promote", "--json");
  assert.equal(result.code, 0, result.stderr);
  const [promotion] = JSON.parse(result.stdout).promotions;
  assert.deepEqual(
    [promotion.tag, promotion.evaluation.verdict, promotion.evaluation.champion],
    ["modelkeeper/fraud/v2", "promote", "modelkeeper/fraud/v1"],
  );
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1", "refs/tags/modelkeeper/fraud/v2"]);
  const lines = await readNote(repo.git, head);
  const computed = lines.find((l) => l.event === "evaluate" && (l as any).computedBy === "promote") as any;
  assert.equal(computed.verdict, "promote");
  assert.match(computed.configSha256, /^[0-9a-f]{64}$/);
  assert.match(computed.holdoutSha256, /^[0-9a-f]{64}$/);
  const promote = lines.find((l) => l.event === "promote") as any;
  assert.equal(promote.evaluation.id, computed.id);
  // Idempotent: a second run changes nothing.
  const again = await repo.cli("promote");
  assert.match(again.stdout, /already the champion as modelkeeper\/fraud\/v2/);
});

test("a loser is refused whatever the notes say: a forged promote line, or one computed with a lenient config", async (t) => {
  const { repo, head } = await repoWithChampion(worse());
  t.after(() => repo.cleanup());
  // Someone ran evaluate with a config of their own (no champion, no floors) and pushed its line; another line is plain forged.
  await repo.write("lenient.yml", gateConfig("      min_improvement: -1"));
  const lenient = await repo.cli("evaluate", "--config", "lenient.yml", "--no-comment", "--json");
  assert.ok(JSON.parse(lenient.stdout).verdict, "the lenient run wrote its own evaluate line");
  await appendNoteLines(repo.git, head, [forgedEvaluation(sha(worse()), "promote", "2999-01-01T00:00:00.000Z")]);
  await pushNotes(repo.git);
  const result = await repo.cli("promote");
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    /refusing to promote fraud: evaluated here against modelkeeper\/fraud\/v1 .* it says reject/,
  );
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1"]);
  assert.equal((await readNote(repo.git, head)).filter((l) => l.event === "promote").length, 0);
  // --force stays, loud and recorded with the verdict it overrode.
  const forced = await repo.cli("promote", "--force");
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(
    forced.stderr,
    /FORCED promotion of fraud by Test <test@example\.invalid>: evaluated here .* says reject/,
  );
  const line = (await readNote(repo.git, head)).find((l) => l.event === "promote") as any;
  assert.equal(line.forcedBy, "Test <test@example.invalid>");
});

test("a lightweight or hand-made tag named like a champion is ignored and reported, and sets no numbering", async (t) => {
  const { repo, head } = await repoWithChampion(worse());
  t.after(() => repo.cleanup());
  // v8: lightweight on the worse model; v9: annotated, claiming the worse model's sha256 but on the weak model's commit.
  await repo.git.run(["tag", "modelkeeper/fraud/v8", head]);
  const claim = JSON.stringify({
    event: "promote",
    model: "fraud",
    version: 9,
    tag: "modelkeeper/fraud/v9",
    artifact: { path: "models/fraud.onnx", sha256: sha(worse()) },
  });
  await repo.git.run(["tag", "-a", "modelkeeper/fraud/v9", "-m", `fake\n\n${claim}`, "HEAD~1"]);
  await repo.git.run(["push", "--quiet", "origin", "--tags"]);
  // The worse model is not "already the champion" by v8, and is judged against the trusted v1.
  const json = await repo.cli("evaluate", "--json", "--no-comment");
  const model = JSON.parse(json.stdout).models[0];
  assert.equal(model.champion.label, "tag modelkeeper/fraud/v1");
  assert.deepEqual(
    model.ignoredChampionTags.map((t: any) => t.tag),
    ["modelkeeper/fraud/v9", "modelkeeper/fraud/v8"],
  );
  assert.match(json.stderr, /ignored modelkeeper\/fraud\/v8: a lightweight tag/);
  assert.match(json.stderr, /ignored modelkeeper\/fraud\/v9: .*has sha256 .* but the tag names/);
  assert.equal(JSON.parse(json.stdout).verdict, "reject");
  assert.equal((await repo.cli("promote")).code, 2);
  // A winner is numbered from the trusted v1: v2 (the untrusted names are only skipped when taken).
  await repo.write("models/fraud.onnx", MODELS.good());
  await repo.commit("good");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const promote = await repo.cli("promote", "--json");
  assert.equal(promote.code, 0, promote.stderr);
  assert.equal(JSON.parse(promote.stdout).promotions[0].tag, "modelkeeper/fraud/v2");
});

test("on the champion's own commit, another file is compared against the champion; the same bytes are unchanged", async (t) => {
  const { repo } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  await repo.git.run(["checkout", "--quiet", "modelkeeper/fraud/v1"]);
  const file = join(repo.dir, "..", "worse.onnx");
  await import("node:fs/promises").then((fs) => fs.writeFile(file, worse()));
  const result = await repo.cli("evaluate", "--challenger", file, "--json", "--no-comment");
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(
    [report.verdict, report.models[0].kind, report.models[0].champion.label],
    ["reject", "compared", "tag modelkeeper/fraud/v1"],
  );
  const same = await repo.cli("evaluate", "--json", "--no-comment");
  assert.deepEqual([same.code, JSON.parse(same.stdout).models[0].kind], [0, "unchanged"]);
});

test("a promote killed after tagging (before or after its note) is completed by the rerun, not taken as done", async (t) => {
  const { repo, head } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  const notesBefore = (await repo.git.run(["rev-parse", NOTES_REF])).trim();
  // The state a kill -9 between `git tag` and the note leaves: a local tag, no note line, nothing pushed.
  assert.equal((await repo.cli("promote", "--no-push")).code, 0);
  await repo.git.run(["update-ref", NOTES_REF, notesBefore]);
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1"]);
  const rerun = await repo.cli("promote", "--json");
  assert.equal(rerun.code, 0, rerun.stderr);
  const [promotion] = JSON.parse(rerun.stdout).promotions;
  assert.deepEqual([promotion.status, promotion.tag, promotion.resumed], ["promoted", "modelkeeper/fraud/v2", true]);
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1", "refs/tags/modelkeeper/fraud/v2"]);
  const check = createGit(repo.dir);
  await check.run(["fetch", "--quiet", "origin", `+${NOTES_REF}:refs/notes/check`]);
  const remoteNote = await check.run(["notes", "--ref=refs/notes/check", "show", head]);
  assert.match(remoteNote, /"event":"promote".*"tag":"modelkeeper\/fraud\/v2"/);
});

test("two promote processes of one artifact at once give exactly one version", async (t) => {
  const { repo } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  const base = join(repo.dir, "..");
  const clones = await Promise.all(
    ["a", "b"].map(async (name) => {
      const dir = join(base, `clone-${name}`);
      await createGit(base).run(["clone", "--quiet", repo.origin, dir]);
      await createGit(dir).run(["config", "user.name", name]);
      await createGit(dir).run(["config", "user.email", `${name}@example.invalid`]);
      return dir;
    }),
  );
  const run = (cwd: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", TSX, CLI, "promote"], {
        cwd,
        env: { ...process.env, GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "", GITHUB_ACTIONS: "" },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("close", (code) => resolve({ code, out }));
    });
  const results = await Promise.all(clones.map(run));
  for (const r of results) assert.equal(r.code, 0, r.out);
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1", "refs/tags/modelkeeper/fraud/v2"]);
  assert.equal(
    results.filter((r) => /already the champion as modelkeeper\/fraud\/v2/.test(r.out)).length,
    1,
    results.map((r) => r.out).join("\n---\n"),
  );
});

test("a promote whose push fails leaves no local tag and no local note line", async (t) => {
  const { repo, head } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  await repo.git.run(["remote", "set-url", "--push", "origin", join(repo.dir, "..", "nowhere.git")]);
  const result = await repo.cli("promote");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /could not push modelkeeper\/fraud\/v2 and refs\/notes\/modelkeeper to origin/);
  assert.equal((await repo.git.run(["tag", "--list"])).trim(), "modelkeeper/fraud/v1");
  assert.equal((await readNote(repo.git, head)).filter((l) => l.event === "promote").length, 0);
});

test("rollback restores the previous champion's artifact; promote re-tags it as the newest version", async (t) => {
  const { repo } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0);
  const rollback = await repo.cli("rollback", "--model", "fraud", "--json");
  assert.equal(rollback.code, 0, rollback.stderr);
  assert.equal(JSON.parse(rollback.stdout).to.tag, "modelkeeper/fraud/v1");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const promote = await repo.cli("promote", "--json");
  assert.equal(promote.code, 0, promote.stderr);
  const [p] = JSON.parse(promote.stdout).promotions;
  assert.deepEqual([p.tag, p.restores], ["modelkeeper/fraud/v3", "modelkeeper/fraud/v1"]);
});

test("a former champion's bytes brought back by anything but a rollback must win again (a PR judged against another base is not a rollback)", async (t) => {
  const { repo } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0); // v2 = good; v1 = weak
  // A PR branch brings the weak v1 bytes back and is merged (its check ran against an old release branch).
  await repo.git.run(["checkout", "--quiet", "-b", "pr"]);
  await repo.write("models/fraud.onnx", MODELS.weak());
  await repo.commit("tweak the model");
  await repo.git.run(["checkout", "--quiet", "main"]);
  await repo.git.run(["merge", "--quiet", "--no-ff", "-m", "Merge pull request #7 from pr", "pr"]);
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const refused = await repo.cli("promote", "--json");
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(refused.stderr, /refusing to promote fraud: evaluated here against modelkeeper\/fraud\/v2/);
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1", "refs/tags/modelkeeper/fraud/v2"]);
});

test("a rollback merged through a pull request is still a rollback: the trailer of the commit that restored the artifact counts", async (t) => {
  const { repo } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0);
  await repo.git.run(["checkout", "--quiet", "-b", "rollback-branch"]);
  const rollback = await repo.cli("rollback", "--model", "fraud", "--json");
  assert.equal(rollback.code, 0, rollback.stderr);
  await repo.git.run(["checkout", "--quiet", "main"]);
  await repo.git.run([
    "merge",
    "--quiet",
    "--no-ff",
    "-m",
    "Merge pull request #8 from rollback-branch",
    "rollback-branch",
  ]);
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const promote = await repo.cli("promote", "--json");
  assert.equal(promote.code, 0, promote.stderr);
  assert.deepEqual(
    [JSON.parse(promote.stdout).promotions[0].tag, JSON.parse(promote.stdout).promotions[0].restores],
    ["modelkeeper/fraud/v3", "modelkeeper/fraud/v1"],
  );
});

test("rollback restores only trusted champions: a lightweight tag or a forged annotated tag on a side branch is never the target", async (t) => {
  const { repo, head } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0);
  // An attacker with push access: an evil model on a side branch, tagged v3 (annotated, with a
  // claim copied in promote's format and the right sha256) and v4 (lightweight).
  await repo.git.run(["checkout", "--quiet", "-b", "side"]);
  await repo.write("models/fraud.onnx", worse());
  const evil = await repo.commit("evil model");
  const claim = JSON.stringify({
    event: "promote",
    model: "fraud",
    version: 3,
    tag: "modelkeeper/fraud/v3",
    artifact: { path: "models/fraud.onnx", sha256: sha(worse()) },
  });
  await repo.git.run(["tag", "-a", "modelkeeper/fraud/v3", "-m", `modelkeeper: fraud v3\n\n${claim}`, evil]);
  await repo.git.run(["tag", "modelkeeper/fraud/v4", evil]);
  await repo.git.run(["checkout", "--quiet", "main"]);
  assert.equal((await repo.git.run(["rev-parse", "HEAD"])).trim(), head);

  const rollback = await repo.cli("rollback", "--model", "fraud", "--json");
  assert.equal(rollback.code, 0, rollback.stderr);
  assert.equal(JSON.parse(rollback.stdout).to.tag, "modelkeeper/fraud/v1");
  assert.equal(JSON.parse(rollback.stdout).sha256, sha(MODELS.weak()));
  assert.match(rollback.stderr, /ignored modelkeeper\/fraud\/v4: a lightweight tag/);
  assert.match(
    rollback.stderr,
    /ignored modelkeeper\/fraud\/v3: it points at a commit that is not in the history of the current branch main/,
  );
  assert.deepEqual(await readFile(join(repo.dir, "models/fraud.onnx")), MODELS.weak());

  await repo.git.run(["reset", "--quiet", "--hard", head]);
  const forced = await repo.cli("rollback", "--model", "fraud", "--to", "v3");
  assert.equal(forced.code, 2);
  assert.match(
    forced.stderr,
    /--to v3: no trusted champion tag modelkeeper\/fraud\/v3 in this branch's history\. Trusted versions there: v2, v1\./,
  );
  assert.deepEqual(await readFile(join(repo.dir, "models/fraud.onnx")), MODELS.good());
});

test("rollback with one version only, or an unknown --to, says what exists", async (t) => {
  const { repo } = await repoWithChampion(worse());
  t.after(() => repo.cleanup());
  const none = await repo.cli("rollback", "--model", "fraud");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /has 1 trusted champion version\(s\) in this branch's history: there is no previous one/);
  const unknown = await repo.cli("rollback", "--model", "fraud", "--to", "v9");
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.stderr,
    /--to v9: no trusted champion tag modelkeeper\/fraud\/v9 in this branch's history\. Trusted versions there: v1\./,
  );
});

test("a commit whose recorded inputs changed but whose artifact did not is flagged as probably not retrained", async (t) => {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(2000, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  t.after(() => repo.cleanup());
  await repo.commit("first model");
  assert.equal((await repo.cli("record")).code, 0);
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  assert.equal((await repo.cli("promote")).code, 0);
  await repo.write("data/train.csv", binaryCsv(300, 7));
  await repo.commit("new training data, same artifact");
  assert.equal((await repo.cli("record")).code, 0);
  const result = await repo.cli("evaluate", "--json", "--no-comment");
  const model = JSON.parse(result.stdout).models[0];
  assert.equal(model.kind, "unchanged");
  assert.ok(
    model.warnings.some((w: any) => w.code === "inputs-changed-artifact-did-not"),
    JSON.stringify(model.warnings),
  );
});

test("a well-formed annotated tag pushed from a side branch is not the champion; odd or huge remote tag names cannot set the numbering", async (t) => {
  const { repo } = await repoWithChampion(MODELS.good());
  t.after(() => repo.cleanup());
  // The attacker commits the worse model on a side branch and tags it v3 with a perfect claim.
  await repo.git.run(["checkout", "--quiet", "-b", "side"]);
  await repo.write("models/fraud.onnx", worse());
  await repo.commit("worse, never merged");
  const claim = JSON.stringify({
    event: "promote",
    model: "fraud",
    version: 3,
    tag: "modelkeeper/fraud/v3",
    artifact: { path: "models/fraud.onnx", sha256: sha(worse()) },
  });
  await repo.git.run(["tag", "-a", "modelkeeper/fraud/v3", "-m", `x\n\n${claim}`]);
  const odd = ["v1e21", "v99999999999999999999999", "v9007199254740993"].map((v) => `modelkeeper/fraud/${v}`);
  for (const tag of odd) await repo.git.run(["tag", tag, "HEAD"]);
  await repo.git.run([
    "push",
    "--quiet",
    "origin",
    "refs/tags/modelkeeper/fraud/v3",
    ...odd.map((tag) => `refs/tags/${tag}`),
  ]);
  await repo.git.run(["checkout", "--quiet", "main"]);
  const evaluation = await repo.cli("evaluate", "--json", "--no-comment");
  assert.equal(JSON.parse(evaluation.stdout).models[0].champion.label, "tag modelkeeper/fraud/v1");
  assert.match(
    evaluation.stderr,
    /ignored modelkeeper\/fraud\/v3: it points at a commit that is not in the history of/,
  );
  // The winner is numbered from the trusted champion v1 (v2: the name is free), never "v1e+23".
  const promoted = await repo.cli("promote", "--json");
  assert.equal(promoted.code, 0, promoted.stderr);
  assert.equal(JSON.parse(promoted.stdout).promotions[0].tag, "modelkeeper/fraud/v2");
  // The champion is v2 from then on (not frozen by the huge names), and the worse model merged on
  // main is judged against it and refused: the forged v3 does not make it a former champion.
  await repo.write("models/fraud.onnx", worse());
  await repo.commit("worse, merged");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const refused = await repo.cli("promote", "--json");
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(refused.stderr, /refusing to promote fraud: evaluated here against modelkeeper\/fraud\/v2/);
});
