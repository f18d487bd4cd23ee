import { test } from "node:test";
import assert from "node:assert/strict";
import { fraudRepo, windowCsv } from "../support/fraud-repo.ts";
import { startGitHubStandIn } from "../support/github-standin/index.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import type { TestRepo } from "../support/git-repo.ts";

async function drift(repo: TestRepo, env: Record<string, string>, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    ["drift", ...argv],
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { ...process.env, GITHUB_TOKEN: "", ...env },
    repo.dir,
  );
  return { code, stdout, stderr };
}

test("a production window like the training data: no drift, exit 0, predictions assessed too", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  await repo.write("logs/window.csv", windowCsv(3000, 7, "baseline"));
  const result = await drift(repo, {}, "--current", "logs/window.csv", "--json");
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const report = JSON.parse(result.stdout);
  assert.equal(report.drifted, false);
  const columns = report.models[0].assessment.columns;
  assert.deepEqual(
    columns
      .slice(0, 2)
      .map((c: any) => [c.name, c.role])
      .sort(),
    [
      ["prediction: class", "prediction"],
      ["prediction: score", "prediction"],
    ],
  );
  assert.ok(!columns.some((c: any) => c.name === "is_fraud"), "the label is not monitored");
});

test("a new scam pattern: drift in inputs and predictions, exit 1, reports written", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  await repo.write("logs/day-1.csv", windowCsv(2000, 8, "new_scam"));
  await repo.write("logs/day-2.csv", windowCsv(2000, 9, "new_scam"));
  const result = await drift(
    repo,
    {},
    "--current",
    "logs/*.csv",
    "--json",
    "--report-md",
    "drift.md",
    "--report-html",
    "drift.html",
  );
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  const assessment = report.models[0].assessment;
  assert.equal(assessment.current.rowCount, 4000);
  assert.ok(assessment.driftedColumns.includes("device"), `drifted: ${assessment.driftedColumns}`);
  assert.ok(
    assessment.columns.slice(0, 2).every((c: any) => c.role === "prediction"),
    "predictions are reported first",
  );
  const device = assessment.columns.find((c: any) => c.name === "device");
  assert.ok(device.unseenCategories.some((u: any) => u.category === "virtual_card"));
  const fs = await import("node:fs/promises");
  const md = await fs.readFile(`${repo.dir}/drift.md`, "utf8");
  assert.match(md, /🚨 \*\*drift\*\*/);
  assert.ok(md.indexOf("**Predictions**") < md.indexOf("**Inputs**"));
  const html = await fs.readFile(`${repo.dir}/drift.html`, "utf8");
  assert.match(html, /<svg role="img" aria-label="histogram of device"/);
  assert.doesNotMatch(html, /https?:\/\//, "self-contained: no network references");
});

test("a window missing monitored columns fails closed: exit 2 naming them, no verdict", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  const csv = windowCsv(1000, 7, "baseline")
    .split("\n")
    .map((line) => line.split(",").slice(2).join(","))
    .join("\n");
  await repo.write("logs/window.csv", csv);
  const result = await drift(repo, {}, "--current", "logs/window.csv", "--json");
  assert.equal(result.code, 2, result.stdout);
  assert.match(result.stderr, /monitored columns cannot be compared \("amount", "merchant_category"\)/);
  await repo.write("logs/other.csv", "a,b\n" + "1,2\n3,4\n".repeat(20));
  const none = await drift(repo, {}, "--current", "logs/other.csv");
  assert.equal(none.code, 2, "a window with none of the monitored columns is no 'no drift'");
  assert.match(none.stderr, /"amount"/);
});

test("drift.types takes effect: a column forced categorical is compared as categories", async (t) => {
  const repo = await fraudRepo({ trainRows: 2000 });
  t.after(() => repo.cleanup());
  const config = await (await import("node:fs/promises")).readFile(`${repo.dir}/modelkeeper.yml`, "utf8");
  await repo.write("modelkeeper.yml", config + "    drift:\n      types: { hour: categorical }\n");
  await repo.write("logs/window.csv", windowCsv(1000, 7, "baseline"));
  const result = await drift(repo, {}, "--current", "logs/window.csv", "--json");
  assert.notEqual(result.code, 2, result.stderr);
  const hour = JSON.parse(result.stdout).models[0].assessment.columns.find((c: any) => c.name === "hour");
  assert.equal(hour.kind, "categorical");
  assert.equal(hour.significance.test, "chi2");
});

test("--issue opens one drift issue per model and updates it on the next run; --dispatch tells the bot", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  const gh = await startGitHubStandIn({ repos: [{ owner: "acme", name: "fraud", files: { "README.md": "x" } }] });
  t.after(() => gh.close());
  await repo.write("logs/window.csv", windowCsv(3000, 8, "new_scam"));
  const env = {
    GITHUB_TOKEN: "ghs_workflow",
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "acme/fraud",
    GITHUB_RUN_ID: "42",
  };
  assert.equal((await drift(repo, env, "--current", "logs/window.csv", "--issue", "--dispatch")).code, 1);
  assert.equal((await drift(repo, env, "--current", "logs/window.csv", "--issue")).code, 1);
  const remote = gh.state.repo("acme/fraud");
  const issues = [...remote.issues.values()];
  assert.equal(issues.length, 1);
  assert.equal(issues[0].title, "Drift detected: fraud");
  assert.match(issues[0].body ?? "", /^<!-- modelkeeper:drift:fraud -->\n### modelkeeper drift · fraud: 🚨/);
  assert.equal(remote.dispatches.length, 1);
  assert.equal(remote.dispatches[0].eventType, "modelkeeper-drift");
  assert.equal((remote.dispatches[0].clientPayload as any).model, "fraud");
  assert.equal((remote.dispatches[0].clientPayload as any).issue_number, issues[0].number);
  gh.assertNoViolations();
});

test("an empty window or a pattern that matches nothing is an error that says so", async (t) => {
  const repo = await fraudRepo({ trainRows: 2000 });
  t.after(() => repo.cleanup());
  const none = await drift(repo, {}, "--current", "logs/*.jsonl");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--current: "logs\/\*\.jsonl" matches no file/);
  await repo.write("logs/empty.csv", "amount,hour\n");
  const empty = await drift(repo, {}, "--current", "logs/empty.csv");
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /has no rows/);
  // One row (or 29) is too few to judge: an error, never "no drift".
  const [header, ...body] = windowCsv(100, 7, "baseline").trim().split("\n");
  for (const n of [1, 29]) {
    await repo.write("logs/few.csv", [header, ...body.slice(0, n)].join("\n") + "\n");
    const few = await drift(repo, {}, "--current", "logs/few.csv", "--json");
    assert.equal(few.code, 2, few.stdout);
    assert.match(few.stderr, new RegExp(`has ${n} row\\(s\\), too few rows to judge drift \\(at least 30\\)`));
    assert.doesNotMatch(few.stdout, /"drifted":\s*false/);
  }
  await repo.write("logs/enough.csv", [header, ...body.slice(0, 30)].join("\n") + "\n");
  const enough = await drift(repo, {}, "--current", "logs/enough.csv");
  assert.ok(enough.code === 0 || enough.code === 1, enough.stderr);
});

test("with drift.profile, record stores a reference profile and drift uses it: same verdict as the raw data", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  const config = (await import("node:fs/promises")).readFile(`${repo.dir}/modelkeeper.yml`, "utf8");
  await repo.write("modelkeeper.yml", (await config) + "    drift:\n      profile: true\n");
  await repo.commit("profile on");
  const record = await runCli(
    ["record"],
    { stdout: () => {}, stderr: () => {} },
    { ...process.env, GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "" },
    repo.dir,
  );
  assert.equal(record.valueOf(), 0);
  const stored = await repo.git.run(["notes", "--ref=refs/notes/modelkeeper-profiles", "show", "HEAD"]);
  assert.match(stored, /"format":"modelkeeper-drift-profile"/);
  await repo.write("logs/window.csv", windowCsv(3000, 8, "new_scam"));

  const fromProfile = JSON.parse((await drift(repo, {}, "--current", "logs/window.csv", "--json")).stdout).models[0];
  const fromRaw = JSON.parse(
    (await drift(repo, {}, "--current", "logs/window.csv", "--reference", "data/train.csv", "--json")).stdout,
  ).models[0];
  assert.equal(fromProfile.assessment.reference.fromProfile, true);
  assert.equal(fromRaw.assessment.reference.fromProfile, false);
  assert.equal(fromProfile.drifted, fromRaw.drifted);
  assert.deepEqual([...fromProfile.assessment.driftedColumns].sort(), [...fromRaw.assessment.driftedColumns].sort());
  // KS from the profile's 5,000-value sample stays within the DKW bound of the raw statistic.
  for (const column of fromRaw.assessment.columns.filter((c: any) => c.significance?.test === "ks")) {
    const twin = fromProfile.assessment.columns.find((c: any) => c.name === column.name);
    assert.ok(Math.abs(twin.significance.statistic - column.significance.statistic) <= 0.0276, column.name);
  }
});
