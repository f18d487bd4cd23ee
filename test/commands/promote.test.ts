import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { createTestRepo, simpleModelFiles, type TestRepo } from "../support/git-repo.ts";
import { createGit } from "../../src/git/git.ts";
import { appendNoteLines, pushNotes, readNote } from "../../src/git/notes.ts";
import { newLineId, type EvaluateLine } from "../../src/provenance/note-line.ts";
import { runCli } from "../../src/cli/run-cli.ts";

const sha = (data: string) => createHash("sha256").update(data).digest("hex");

function evaluation(artifact: string, verdict: EvaluateLine["verdict"]): EvaluateLine {
  return {
    schema: 1, id: newLineId(), event: "evaluate", model: "fraud", at: new Date().toISOString(), tool: "test",
    verdict, kind: "compared", commit: "0".repeat(40), challenger: { sha256: sha(artifact), path: "models/fraud.bin" }, metric: "roc_auc", holdout: {}, seed: 1,
  };
}

/** main with v0 artifact; a PR branch with a new artifact and an evaluation note; then a squash merge. */
async function mergedPullRequest(verdict: EvaluateLine["verdict"] | undefined): Promise<{ repo: TestRepo; merge: string }> {
  const repo = await createTestRepo(simpleModelFiles());
  await repo.commit("v0");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  await repo.git.run(["checkout", "--quiet", "-b", "retrain"]);
  await repo.write("models/fraud.bin", "model v1");
  const head = await repo.commit("retrain");
  if (verdict) {
    await appendNoteLines(repo.git, head, [evaluation("model v1", verdict)]);
    await pushNotes(repo.git);
  }
  await repo.git.run(["checkout", "--quiet", "main"]);
  await repo.git.run(["merge", "--quiet", "--squash", "retrain"]);
  const merge = await repo.commit("Squash-merge the retrain PR");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  return { repo, merge };
}

async function remoteTags(repo: TestRepo): Promise<string[]> {
  return (await repo.git.run(["ls-remote", "--tags", "origin"])).split("\n").filter((l) => l && !l.endsWith("^{}")).map((l) => l.split("\t")[1]);
}

test("promote finds the evaluation by artifact hash across a squash merge, tags v1 and notes the merge commit", async (t) => {
  const { repo, merge } = await mergedPullRequest("promote");
  t.after(() => repo.cleanup());
  const result = await repo.cli("promote", "--json");
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1"]);
  const note = await readNote(repo.git, merge);
  const line = note.find((l) => l.event === "promote");
  assert.equal(line?.event, "promote");
  assert.equal((line as any).version, 1);
  assert.equal((line as any).evaluation.verdict, "promote");
  assert.equal((await repo.git.run(["cat-file", "-t", "modelkeeper/fraud/v1"])).trim(), "tag");
  // Idempotent: a second run changes nothing.
  const again = await repo.cli("promote");
  assert.equal(again.code, 0);
  assert.match(again.stdout, /already the champion as modelkeeper\/fraud\/v1/);
  assert.deepEqual(await remoteTags(repo), ["refs/tags/modelkeeper/fraud/v1"]);
});

for (const verdict of ["reject", "inconclusive", undefined] as const) {
  test(`promote refuses an artifact whose evaluation said ${verdict ?? "nothing"}: exit 2, no tag, no note line`, async (t) => {
    const { repo, merge } = await mergedPullRequest(verdict);
    t.after(() => repo.cleanup());
    const result = await repo.cli("promote");
    assert.equal(result.code, 2);
    assert.match(result.stderr, verdict ? new RegExp(`refusing to promote fraud: its latest evaluation .* said ${verdict}`) : /no evaluation of this artifact/);
    assert.deepEqual(await remoteTags(repo), []);
    assert.equal((await repo.git.run(["tag", "--list"])).trim(), "");
    assert.equal((await readNote(repo.git, merge)).filter((l) => l.event === "promote").length, 0);
  });
}

test("--force promotes loudly and records who forced it", async (t) => {
  const { repo, merge } = await mergedPullRequest("reject");
  t.after(() => repo.cleanup());
  const result = await repo.cli("promote", "--force");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /warning: FORCED promotion of fraud by Test <test@example\.invalid>/);
  const line = (await readNote(repo.git, merge)).find((l) => l.event === "promote") as any;
  assert.equal(line.forcedBy, "Test <test@example.invalid>");
});

test("two promotes at once get distinct versions and lose no note line", async (t) => {
  const { repo } = await mergedPullRequest("promote");
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0);
  // Two more winning artifacts, merged and promoted from two clones at the same moment.
  const base = join(repo.dir, "..");
  const clones = await Promise.all(
    ["a", "b"].map(async (name) => {
      const dir = join(base, `clone-${name}`);
      await createGit(base).run(["clone", "--quiet", repo.origin, dir]);
      const git = createGit(dir);
      await git.run(["config", "user.name", name]);
      await git.run(["config", "user.email", `${name}@example.invalid`]);
      await git.run(["fetch", "--quiet", "origin", "refs/notes/modelkeeper:refs/notes/modelkeeper"]);
      return { dir, git, name };
    }),
  );
  for (const clone of clones) {
    await import("node:fs/promises").then((fs) => fs.writeFile(join(clone.dir, "models/fraud.bin"), `model ${clone.name}`));
    await clone.git.run(["commit", "--quiet", "-am", `model ${clone.name}`]);
    await appendNoteLines(clone.git, "HEAD", [evaluation(`model ${clone.name}`, "promote")]);
  }
  const results = await Promise.all(
    clones.map(async (clone) => {
      let stderr = "";
      const code = await runCli(["promote"], { stdout: () => {}, stderr: (s) => (stderr += s) }, process.env, clone.dir);
      return { code, stderr };
    }),
  );
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((await remoteTags(repo)).sort(), ["refs/tags/modelkeeper/fraud/v1", "refs/tags/modelkeeper/fraud/v2", "refs/tags/modelkeeper/fraud/v3"]);
  const check = createGit(repo.dir);
  await check.run(["fetch", "--quiet", "origin", "+refs/notes/modelkeeper:refs/notes/modelkeeper"]);
  const promoteLines = (await check.run(["log", "--format=%H", "refs/notes/modelkeeper"])).length > 0;
  assert.ok(promoteLines);
  let promotes = 0;
  for (const clone of clones) {
    const head = (await clone.git.run(["rev-parse", "HEAD"])).trim();
    promotes += (await readNote(check, head)).filter((l) => l.event === "promote").length;
  }
  assert.equal(promotes, 2);
});

test("a promote whose push fails (fetch works, push does not) leaves no local tag and no local note line", async (t) => {
  const { repo, merge } = await mergedPullRequest("promote");
  t.after(() => repo.cleanup());
  await repo.git.run(["remote", "set-url", "--push", "origin", join(repo.dir, "..", "nowhere.git")]);
  const result = await repo.cli("promote");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /could not push modelkeeper\/fraud\/v1 and refs\/notes\/modelkeeper to origin/);
  assert.equal((await repo.git.run(["tag", "--list"])).trim(), "");
  assert.equal((await readNote(repo.git, merge)).filter((l) => l.event === "promote").length, 0);
});

test("rollback restores the previous champion's artifact as a commit, recorded as such; promote re-tags it as the newest version", async (t) => {
  const { repo } = await mergedPullRequest("promote");
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0);
  // v2: another winning model, merged and promoted.
  await repo.write("models/fraud.bin", "model v2");
  const v2 = await repo.commit("v2");
  await appendNoteLines(repo.git, v2, [evaluation("model v2", "promote")]);
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  assert.equal((await repo.cli("promote")).code, 0);

  const rollback = await repo.cli("rollback", "--model", "fraud", "--json");
  assert.equal(rollback.code, 0, rollback.stderr);
  const report = JSON.parse(rollback.stdout);
  assert.equal(report.to.tag, "modelkeeper/fraud/v1");
  assert.equal((await import("node:fs/promises").then((fs) => fs.readFile(join(repo.dir, "models/fraud.bin"), "utf8"))), "model v1");
  const record = (await readNote(repo.git, report.commit)).find((l) => l.event === "record") as any;
  assert.deepEqual(record.rollbackTo, { version: 1, tag: "modelkeeper/fraud/v1" });
  assert.equal(record.artifact.sha256, sha("model v1"));

  await repo.git.run(["push", "--quiet", "origin", "main"]);
  const promote = await repo.cli("promote", "--json");
  assert.equal(promote.code, 0, promote.stderr);
  assert.equal(JSON.parse(promote.stdout).promotions[0].tag, "modelkeeper/fraud/v3");
});

test("rollback with one version only, or an unknown --to, says what exists", async (t) => {
  const { repo } = await mergedPullRequest("promote");
  t.after(() => repo.cleanup());
  assert.equal((await repo.cli("promote")).code, 0);
  const none = await repo.cli("rollback", "--model", "fraud");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /has 1 champion version\(s\): there is no previous one/);
  const unknown = await repo.cli("rollback", "--model", "fraud", "--to", "v9");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--to v9: no tag modelkeeper\/fraud\/v9\. Versions there: v1\./);
});
