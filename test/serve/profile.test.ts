// serve.profile against the real server over HTTP: two replicas sharing a log folder each write a
// profile per window; drift on the profiles merged judges the same as drift on the two replicas'
// logs read as one window (same decisions; the same KS statistic, or within the error the profile
// states where a column was kept to fewer bits).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promotedFraudRepo, serveRepo, post } from "./support.ts";
import { generateTransactions, TRANSACTION_FEATURES } from "../../src/demo/transactions.ts";
import { inferBody } from "../../src/serve/infer-body.ts";
import { DEFAULT_SETTINGS } from "../../src/serve/settings.ts";

const log = { ...DEFAULT_SETTINGS.log };

async function jsonFiles(dir: string, prefix: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith(prefix)).map((f) => join(dir, f));
}

test("two replicas' window profiles, merged, give drift's verdict on their logs read as one window", async (t) => {
  const repo = await promotedFraudRepo();
  t.after(() => repo.cleanup());
  // Each replica its own log folder, as each pod its own volume (two in one process would also
  // share a pid, which the log's file names rely on).
  const dirs = [join(repo.dir, "..", "replica-a"), join(repo.dir, "..", "replica-b")];
  const profile = { windowMs: 3_600_000, writeMs: 50, maxValues: 4096 };
  const replicas = [
    await serveRepo(repo, "fraud", { log: { ...log, dir: dirs[0] }, profile }),
    await serveRepo(repo, "fraud", { log: { ...log, dir: dirs[1] }, profile }),
  ];
  const window = generateTransactions({ rows: 6000, seed: 11, scenario: "new_scam" });
  try {
    for (let start = 0, i = 0; start < window.rowCount; start += 250, i++) {
      const server = replicas[i % 2];
      const answer = await post(
        `${server.url}/v2/models/fraud/infer`,
        inferBody(window, TRANSACTION_FEATURES, start, 250, `r-${start}`),
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.json));
    }
    // The open window's profile is on disk before the window ends (rewritten every writeMs).
    const deadline = Date.now() + 5000;
    const allProfiles = async () => (await Promise.all(dirs.map((d) => jsonFiles(d, "profile-")))).flat();
    while ((await allProfiles()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const early = await allProfiles();
    assert.equal(early.length, 2, "one profile per replica while serving");
    for (const f of early) assert.equal(JSON.parse(await readFile(f, "utf8")).format, "modelkeeper-window-profile");
  } finally {
    for (const server of replicas) await server.shutdown();
    for (const server of replicas) assert.deepEqual(server.warnings, []);
  }
  const profiles = (await Promise.all(dirs.map((d) => jsonFiles(d, "profile-")))).flat();
  assert.equal(profiles.length, 2, profiles.join(", "));
  assert.deepEqual(new Set(profiles), new Set(replicas.flatMap((r) => r.profileFiles())));
  const parsed = await Promise.all(profiles.map(async (f) => JSON.parse(await readFile(f, "utf8"))));
  assert.equal(
    parsed.reduce((n, p) => n + p.rowCount, 0),
    6000,
    parsed.map((p) => p.rowCount).join(" + "),
  );
  assert.ok(
    parsed.every((p) => p.columns.find((c: any) => c.name === "amount").bits === 52),
    "each replica's 3000 amounts are kept exactly",
  );
  assert.equal(parsed[0].classThreshold, 0.5);
  const sizes = await Promise.all(profiles.map(async (f) => (await readFile(f)).byteLength));
  const logs = (await Promise.all(dirs.map((d) => jsonFiles(d, "predictions-")))).flat();
  const logBytes = (await Promise.all(logs.map((f) => readFile(f)))).reduce((n, b) => n + b.byteLength, 0);
  t.diagnostic(`6000 rows: logs ${logBytes} bytes, profiles ${sizes.join(" + ")} bytes`);

  const fromLogs = await repo.cli("drift", ...logs.flatMap((f) => ["--current", f]), "--json");
  const fromProfiles = await repo.cli(
    "drift",
    "--current",
    join(dirs[0], "profile-*.json"),
    "--current",
    join(dirs[1], "profile-*.json"),
    "--json",
  );
  assert.equal(fromLogs.code, 1, fromLogs.stderr);
  assert.equal(fromProfiles.code, fromLogs.code, fromProfiles.stderr);
  const a = JSON.parse(fromLogs.stdout).models[0].assessment;
  const b = JSON.parse(fromProfiles.stdout).models[0].assessment;
  assert.equal(b.current.rowCount, 6000);
  assert.deepEqual(b.driftedColumns, a.driftedColumns);
  assert.deepEqual(
    b.columns.map((c: any) => c.name),
    a.columns.map((c: any) => c.name),
    "same columns, same order (severity)",
  );
  let truncated = 0;
  for (const column of a.columns) {
    const twin = b.columns.find((c: any) => c.name === column.name);
    assert.equal(twin.drifted, column.drifted, column.name);
    assert.equal(twin.kind, column.kind, column.name);
    if (column.kind === "categorical") {
      assert.equal(twin.significance.statistic, column.significance.statistic, column.name);
      assert.equal(twin.significance.pValue, column.significance.pValue, column.name);
      continue;
    }
    const stated = /D within ([\d.e+-]+)/.exec(twin.significance.detail);
    if (!stated) {
      assert.equal(twin.significance.statistic, column.significance.statistic, `${column.name}: KS D identical`);
      assert.equal(twin.significance.pValue, column.significance.pValue, column.name);
      continue;
    }
    truncated++;
    const bound = Number(stated[1]);
    const gap = Math.abs(twin.significance.statistic - column.significance.statistic);
    assert.ok(gap <= bound * 1.001, `${column.name}: |D - D_logs| ${gap} within the stated ${bound}`);
    assert.ok(bound < 0.01, `${column.name}: bound ${bound}`);
    assert.ok(Math.abs(twin.current.mean - column.current.mean) < 1e-9 * Math.max(1, Math.abs(column.current.mean)));
  }
  assert.ok(truncated > 0, "the merged 6000 amounts passed max_values 4096: some column states its error");

  // The log folder as it is stays the logs' window: the profiles beside them are left out, said so.
  const folder = await repo.cli("drift", "--current", dirs[0], "--current", dirs[1], "--json");
  assert.equal(folder.code, 1, folder.stderr);
  assert.match(folder.stderr, /left out 2 window profile\(s\)/);
  assert.deepEqual(JSON.parse(folder.stdout).models[0].assessment.driftedColumns, a.driftedColumns);

  // A copy of a profile (an archive, a sync) is the same window part: refused, not counted twice.
  const copy = join(dirs[1], "copy-of-a-profile.json");
  await writeFile(copy, await readFile(profiles[0]));
  const twice = await repo.cli("drift", "--current", profiles[0], "--current", copy, "--json");
  assert.equal(twice.code, 2, twice.stderr);
  assert.match(twice.stderr, /are the same window part of the same server \(copies\?\); its rows would count twice/);
});

test("windows line up on multiples of their length; every logged row is in its request's window's profile", async (t) => {
  const repo = await promotedFraudRepo();
  t.after(() => repo.cleanup());
  const logDir = join(repo.dir, "..", "windows-log");
  const server = await serveRepo(repo, "fraud", {
    log: { ...log, dir: logDir },
    profile: { windowMs: 400, writeMs: 30, maxValues: 4096 },
  });
  const window = generateTransactions({ rows: 1200, seed: 3, scenario: "baseline" });
  try {
    for (let start = 0; start < window.rowCount; start += 40) {
      const answer = await post(
        `${server.url}/v2/models/fraud/infer`,
        inferBody(window, TRANSACTION_FEATURES, start, 40),
      );
      assert.equal(answer.status, 200);
      await new Promise((r) => setTimeout(r, 35));
    }
  } finally {
    await server.shutdown();
  }
  const lines = (
    await Promise.all(
      (await readdir(logDir)).filter((f) => f.endsWith(".jsonl")).map((f) => readFile(join(logDir, f), "utf8")),
    )
  )
    .join("")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
  const expected = new Map<string, number>();
  for (const line of lines) {
    const start = new Date(Math.floor(Date.parse(line._time) / 400) * 400).toISOString();
    expected.set(start, (expected.get(start) ?? 0) + 1);
  }
  const counted = new Map<string, number>();
  for (const f of await jsonFiles(logDir, "profile-")) {
    const p = JSON.parse(await readFile(f, "utf8"));
    assert.equal(Date.parse(p.end) - Date.parse(p.start), 400);
    assert.equal(Date.parse(p.start) % 400, 0, "aligned to the epoch");
    counted.set(p.start, (counted.get(p.start) ?? 0) + p.rowCount);
  }
  assert.ok(expected.size >= 3, `${expected.size} windows`);
  assert.deepEqual(counted, expected);
  assert.ok(!(await readdir(logDir)).some((f) => f.endsWith(".tmp")), "no temp file is left behind");
  // Many windows are one window to drift.
  const drift = await repo.cli("drift", "--current", join(logDir, "profile-*.json"), "--json");
  assert.ok(drift.code === 0 || drift.code === 1, drift.stderr);
  assert.equal(JSON.parse(drift.stdout).models[0].assessment.current.rowCount, 1200);
});
