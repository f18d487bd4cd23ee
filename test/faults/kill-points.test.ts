// kill -9 at every git step that writes, for the commands that decide and write (promote here),
// against a bare remote: after each kill the remote holds the old state or the complete new one,
// and a rerun completes the work. The kill points are counted by the command itself
// (MODELKEEPER_FAULT_LOG), so a new git step is covered without editing this test. Figures for the
// README: the test's message prints how many kill points each command has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { binaryCsv, gateConfig, MODELS } from "../support/gate-fixtures.ts";
import { createGit } from "../../src/git/git.ts";
import { NOTES_REF } from "../../src/provenance/note-line.ts";

// The shipped bundle, as users run it (CI checks that dist/ is current before the tests run).
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** main: the weak model promoted as v1, then the good one committed and pushed: promote should make v2. */
async function readyToPromote(): Promise<{ repo: TestRepo; head: string }> {
  const repo = await createTestRepo({
    "modelkeeper.yml": gateConfig(),
    "data/train.csv": binaryCsv(200, 1),
    "data/holdout.csv": binaryCsv(800, 2),
    "models/fraud.onnx": MODELS.weak(),
  });
  await repo.commit("first model");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  assert.equal((await repo.cli("promote")).code, 0);
  await repo.write("models/fraud.onnx", MODELS.good());
  const head = await repo.commit("next model");
  await repo.git.run(["push", "--quiet", "origin", "main"]);
  return { repo, head };
}

/** A copy of a prepared repository and its bare remote, so every kill point starts from the same state. */
async function copyOf(repo: TestRepo): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), "mk-kill-"));
  await cp(join(repo.dir, ".."), base, { recursive: true });
  const dir = join(base, "repo");
  await createGit(dir).run(["remote", "set-url", "origin", join(base, "origin.git")]);
  return { dir, cleanup: () => rm(base, { recursive: true, force: true }) };
}

function cli(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "", GITHUB_ACTIONS: "", ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code, signal) => resolve({ code, signal, out }));
  });
}

/** The remote as a fresh clone sees it: champion tags and the promote lines on `head`. */
async function remoteState(
  dir: string,
  head: string,
): Promise<{ tags: string[]; promoteLines: string[]; allLinesParse: boolean }> {
  const git = createGit(dir);
  const tags = (await git.run(["ls-remote", "--tags", "--refs", "origin"]))
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t")[1].replace("refs/tags/", ""))
    .sort();
  await git.run(["fetch", "--quiet", "origin", `+${NOTES_REF}:refs/notes/remote-check`]);
  const note = await git.tryRun(["notes", "--ref=refs/notes/remote-check", "show", head]);
  const lines = note.code === 0 ? note.stdout.split("\n").filter(Boolean) : [];
  const allLinesParse = lines.every((line) => {
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
  return { tags, promoteLines: lines.filter((l) => l.includes('"event":"promote"')), allLinesParse };
}

test(
  "promote killed at every writing git step: the remote is old or complete, never half; the rerun finishes with one v2",
  { timeout: 600_000 },
  async (t) => {
    // How many writing git steps a promote takes, counted by promote itself.
    const counting = await readyToPromote();
    const log = join(counting.repo.dir, "..", "fault.log");
    const counted = await cli(counting.repo.dir, ["promote"], { MODELKEEPER_FAULT_LOG: log });
    assert.equal(counted.code, 0, counted.out);
    // One entry per step: "N<tab>git …" (a tag message may add lines of its own).
    const points = (await readFile(log, "utf8")).split("\n").filter((line) => /^\d+\t/.test(line)).length;
    await counting.repo.cleanup();
    assert.ok(points >= 3, `promote has ${points} writing git steps`);

    const violations: string[] = [];
    const prepared = await readyToPromote();
    t.after(() => prepared.repo.cleanup());
    const head = prepared.head;
    for (let at = 1; at <= points; at++) {
      const { dir, cleanup } = await copyOf(prepared.repo);
      const killed = await cli(dir, ["promote"], { MODELKEEPER_FAULT_AT: String(at) });
      if (killed.signal !== "SIGKILL") violations.push(`kill point ${at}: not killed (${killed.code})`);
      const after = await remoteState(dir, head);
      const complete = after.tags.includes("modelkeeper/fraud/v2") && after.promoteLines.length === 1;
      const old = !after.tags.includes("modelkeeper/fraud/v2") && after.promoteLines.length === 0;
      if (!complete && !old)
        violations.push(
          `kill point ${at}: remote half-done: tags ${after.tags.join(",")}, ${after.promoteLines.length} promote line(s)`,
        );
      if (!after.allLinesParse) violations.push(`kill point ${at}: a note line that is not JSON`);

      const rerun = await cli(dir, ["promote"]);
      if (rerun.code !== 0)
        violations.push(`kill point ${at}: the rerun exited ${rerun.code}: ${rerun.out.slice(-400)}`);
      const final = await remoteState(dir, head);
      if (JSON.stringify(final.tags) !== JSON.stringify(["modelkeeper/fraud/v1", "modelkeeper/fraud/v2"]))
        violations.push(`kill point ${at}: tags after the rerun ${final.tags.join(",")}`);
      if (final.promoteLines.length !== 1)
        violations.push(`kill point ${at}: ${final.promoteLines.length} promote lines after the rerun`);
      const status = (await createGit(dir).run(["status", "--porcelain"])).trim();
      if (status) violations.push(`kill point ${at}: working tree changed: ${status}`);
      await cleanup();
    }
    t.diagnostic(`${points} kill points, ${violations.length} violations`);
    assert.deepEqual(violations, [], `${points} kill points`);
  },
);

test(
  "rollback --push killed at every writing git step: main on the remote is the old tip or the rollback commit with its note; the rerun finishes with one",
  { timeout: 600_000 },
  async (t) => {
    const prepare = async () => {
      const { repo } = await readyToPromote();
      assert.equal((await repo.cli("promote")).code, 0, "v2");
      return { repo, before: (await repo.git.run(["rev-parse", "HEAD"])).trim() };
    };
    const counting = await prepare();
    const log = join(counting.repo.dir, "..", "fault.log");
    const counted = await cli(counting.repo.dir, ["rollback", "--model", "fraud", "--push"], {
      MODELKEEPER_FAULT_LOG: log,
    });
    assert.equal(counted.code, 0, counted.out);
    const points = (await readFile(log, "utf8")).split("\n").filter((line) => /^\d+\t/.test(line)).length;
    await counting.repo.cleanup();

    const violations: string[] = [];
    const prepared = await prepare();
    t.after(() => prepared.repo.cleanup());
    const before = prepared.before;
    for (let at = 1; at <= points; at++) {
      const { dir, cleanup } = await copyOf(prepared.repo);
      const killed = await cli(dir, ["rollback", "--model", "fraud", "--push"], { MODELKEEPER_FAULT_AT: String(at) });
      if (killed.signal !== "SIGKILL") violations.push(`kill point ${at}: not killed (${killed.code})`);
      const check = async (when: string, mustBeNew: boolean) => {
        const git = createGit(dir);
        await git.run([
          "fetch",
          "--quiet",
          "origin",
          "+refs/heads/main:refs/remotes/check/main",
          `+${NOTES_REF}:refs/notes/remote-check`,
        ]);
        const tip = (await git.run(["rev-parse", "refs/remotes/check/main"])).trim();
        if (tip === before) {
          if (mustBeNew) violations.push(`kill point ${at} ${when}: main is still the old tip`);
          return;
        }
        const parent = (await git.run(["rev-parse", `${tip}^`])).trim();
        const note = await git.tryRun(["notes", "--ref=refs/notes/remote-check", "show", tip]);
        if (parent !== before) violations.push(`kill point ${at} ${when}: main moved by more than one commit`);
        if (note.code !== 0 || !/"rollbackTo":\{"version":1/.test(note.stdout))
          violations.push(`kill point ${at} ${when}: the rollback commit on the remote has no rollback record`);
      };
      await check("after the kill", false);
      const rerun = await cli(dir, ["rollback", "--model", "fraud", "--push"]);
      if (rerun.code !== 0)
        violations.push(`kill point ${at}: the rerun exited ${rerun.code}: ${rerun.out.slice(-400)}`);
      await check("after the rerun", true);
      const status = (await createGit(dir).run(["status", "--porcelain"])).trim();
      if (status) violations.push(`kill point ${at}: working tree not clean: ${status}`);
      await cleanup();
    }
    t.diagnostic(`${points} kill points, ${violations.length} violations`);
    assert.deepEqual(violations, [], `${points} kill points`);
  },
);

/** Kill points of `args` in a repository: one per writing git step, counted by the command itself. */
async function countKillPoints(dir: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const log = join(dir, "..", "fault.log");
  const counted = await cli(dir, args, { ...env, MODELKEEPER_FAULT_LOG: log });
  assert.ok(counted.code === 0, counted.out);
  return (await readFile(log, "utf8")).split("\n").filter((line) => /^\d+\t/.test(line)).length;
}

/** The lines of the remote's note on `commit` (fetched into a side ref), and whether each is whole JSON. */
async function remoteNote(dir: string, commit: string): Promise<{ lines: Array<Record<string, any>>; broken: number }> {
  const git = createGit(dir);
  const fetched = await git.tryRun(["fetch", "--quiet", "origin", `+${NOTES_REF}:refs/notes/remote-check`]);
  if (fetched.code !== 0) return { lines: [], broken: 0 };
  const note = await git.tryRun(["notes", "--ref=refs/notes/remote-check", "show", commit]);
  const lines: Array<Record<string, any>> = [];
  let broken = 0;
  for (const line of note.code === 0 ? note.stdout.split("\n").filter(Boolean) : []) {
    try {
      lines.push(JSON.parse(line));
    } catch {
      broken++;
    }
  }
  return { lines, broken };
}

const RETRAIN_BRANCH = "modelkeeper/retrain/fraud";
const RETRAIN_ENV = { GITHUB_BASE_REF: "main", GITHUB_HEAD_REF: "", GITHUB_TOKEN: "" };

test(
  "retrain killed at every writing git step: the remote branch is the old tip or one retrain commit with its record; the rerun finishes it",
  { timeout: 600_000 },
  async (t) => {
    const trainScript = `import { writeFileSync } from "node:fs";\nwriteFileSync("models/fraud.onnx", Buffer.from("${MODELS.good().toString("base64")}", "base64"));\n`;
    const goodSha = createHash("sha256").update(MODELS.good()).digest("hex");
    // main: the weak champion; the bot's retrain branch with its request, pushed. Small gate settings: the kills are the point.
    const prepare = async () => {
      const repo = await createTestRepo({
        "modelkeeper.yml": gateConfig().replace("resamples: 500", "resamples: 200"),
        "data/train.csv": binaryCsv(200, 1),
        "data/holdout.csv": binaryCsv(400, 2),
        "models/fraud.onnx": MODELS.weak(),
        "train.mjs": trainScript,
      });
      await repo.commit("champion");
      await repo.git.run(["push", "--quiet", "origin", "main"]);
      await repo.git.run(["checkout", "--quiet", "-b", RETRAIN_BRANCH]);
      await repo.write(".modelkeeper/retrain/fraud.json", '{"reason":"drift"}\n');
      const start = await repo.commit("retrain request");
      await repo.git.run(["push", "--quiet", "origin", RETRAIN_BRANCH]);
      return { repo, start };
    };
    const counting = await prepare();
    const points = await countKillPoints(counting.repo.dir, ["retrain"], RETRAIN_ENV);
    await counting.repo.cleanup();
    assert.ok(points >= 3, `retrain has ${points} writing git steps`);

    const violations: string[] = [];
    const prepared = await prepare();
    t.after(() => prepared.repo.cleanup());
    const { start } = prepared;
    for (let at = 1; at <= points; at++) {
      const { dir, cleanup } = await copyOf(prepared.repo);
      const git = createGit(dir);
      const killed = await cli(dir, ["retrain"], { ...RETRAIN_ENV, MODELKEEPER_FAULT_AT: String(at) });
      if (killed.signal !== "SIGKILL") violations.push(`kill point ${at}: not killed (${killed.code})`);
      const check = async (when: string, mustBeNew: boolean) => {
        const tip = (await git.run(["ls-remote", "origin", `refs/heads/${RETRAIN_BRANCH}`])).split("\t")[0];
        const { lines, broken } = await remoteNote(dir, tip);
        if (broken) violations.push(`kill point ${at} ${when}: ${broken} note line(s) that are not whole JSON`);
        if (tip === start) {
          if (mustBeNew) violations.push(`kill point ${at} ${when}: the branch is still the old tip`);
          return;
        }
        await git.run(["fetch", "--quiet", "origin", RETRAIN_BRANCH]);
        const parent = (await git.run(["rev-parse", `${tip}^`])).trim();
        if (parent !== start) violations.push(`kill point ${at} ${when}: the branch moved by more than one commit`);
        const changed = (await git.run(["diff", "--name-only", start, tip])).trim();
        if (changed !== "models/fraud.onnx")
          violations.push(`kill point ${at} ${when}: the retrain commit changes ${changed.replace(/\n/g, ", ")}`);
        const records = lines.filter((l) => l.event === "record" && l.model === "fraud");
        if (records.length !== 1)
          violations.push(`kill point ${at} ${when}: the branch tip has ${records.length} record lines on the remote`);
        else if (records[0].artifact?.sha256 !== goodSha)
          violations.push(`kill point ${at} ${when}: the record names another artifact`);
        if (mustBeNew && !lines.some((l) => l.event === "evaluate"))
          violations.push(`kill point ${at} ${when}: no evaluate line on the remote`);
      };
      await check("after the kill", false);
      const rerun = await cli(dir, ["retrain"], RETRAIN_ENV);
      if (rerun.code !== 0)
        violations.push(`kill point ${at}: the rerun exited ${rerun.code}: ${rerun.out.slice(-400)}`);
      await check("after the rerun", true);
      const head = (await git.run(["rev-parse", "HEAD"])).trim();
      const tip = (await git.run(["ls-remote", "origin", `refs/heads/${RETRAIN_BRANCH}`])).split("\t")[0];
      if (head !== tip)
        violations.push(
          `kill point ${at}: the checkout (${head.slice(0, 12)}) is not the remote tip (${tip.slice(0, 12)})`,
        );
      const status = (await git.run(["status", "--porcelain"])).trim();
      if (status) violations.push(`kill point ${at}: working tree not clean: ${status}`);
      await cleanup();
    }
    t.diagnostic(`${points} kill points, ${violations.length} violations`);
    assert.deepEqual(violations, [], `${points} kill points`);
  },
);

test(
  "record --push killed at every writing git step: the remote notes hold whole lines only, and after the rerun a fresh clone verifies",
  { timeout: 600_000 },
  async (t) => {
    const prepare = async () => {
      const repo = await createTestRepo({
        "modelkeeper.yml": gateConfig(),
        "data/train.csv": binaryCsv(200, 1),
        "data/holdout.csv": binaryCsv(400, 2),
        "models/fraud.onnx": MODELS.weak(),
      });
      const head = await repo.commit("model");
      await repo.git.run(["push", "--quiet", "origin", "main"]);
      return { repo, head };
    };
    const counting = await prepare();
    const points = await countKillPoints(counting.repo.dir, ["record", "--push"]);
    await counting.repo.cleanup();
    assert.ok(points >= 1, `record --push has ${points} writing git steps`);

    const violations: string[] = [];
    const prepared = await prepare();
    t.after(() => prepared.repo.cleanup());
    const { head } = prepared;
    /** A fresh clone of the remote with its notes: does verify pass on the recorded commit? */
    const freshVerify = async (dir: string) => {
      const fresh = join(dir, "..", `fresh-${Math.random().toString(36).slice(2)}`);
      await createGit(join(dir, "..")).run(["clone", "--quiet", join(dir, "..", "origin.git"), fresh]);
      await createGit(fresh).tryRun(["fetch", "--quiet", "origin", `${NOTES_REF}:${NOTES_REF}`]);
      return cli(fresh, ["verify"]);
    };
    for (let at = 1; at <= points; at++) {
      const { dir, cleanup } = await copyOf(prepared.repo);
      const killed = await cli(dir, ["record", "--push"], { MODELKEEPER_FAULT_AT: String(at) });
      if (killed.signal !== "SIGKILL") violations.push(`kill point ${at}: not killed (${killed.code})`);
      const after = await remoteNote(dir, head);
      if (after.broken)
        violations.push(`kill point ${at}: ${after.broken} remote note line(s) that are not whole JSON`);
      if (after.lines.some((l) => l.event === "record")) {
        // A record that reached the remote carries its manifest: a fresh clone verifies it.
        const verified = await freshVerify(dir);
        if (verified.code !== 0)
          violations.push(
            `kill point ${at}: the remote has a record a fresh clone cannot verify: ${verified.out.slice(-300)}`,
          );
      }
      const rerun = await cli(dir, ["record", "--push"]);
      if (rerun.code !== 0)
        violations.push(`kill point ${at}: the rerun exited ${rerun.code}: ${rerun.out.slice(-400)}`);
      const final = await remoteNote(dir, head);
      const records = final.lines.filter((l) => l.event === "record" && l.model === "fraud");
      if (final.broken || records.length < 1 || records.length > 2)
        violations.push(`kill point ${at}: after the rerun ${records.length} record line(s), ${final.broken} broken`);
      const local = await createGit(dir).tryRun(["notes", `--ref=${NOTES_REF}`, "show", head]);
      if (local.stdout.trim().split("\n").length !== final.lines.length)
        violations.push(`kill point ${at}: local and remote notes differ after the rerun`);
      const verified = await freshVerify(dir);
      if (verified.code !== 0)
        violations.push(`kill point ${at}: a fresh clone does not verify after the rerun: ${verified.out.slice(-300)}`);
      const status = (await createGit(dir).run(["status", "--porcelain"])).trim();
      if (status) violations.push(`kill point ${at}: working tree changed: ${status}`);
      await cleanup();
    }
    t.diagnostic(`${points} kill points, ${violations.length} violations`);
    assert.deepEqual(violations, [], `${points} kill points`);
  },
);
