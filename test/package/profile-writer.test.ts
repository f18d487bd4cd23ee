// The shipped server (dist/) writes its window profiles atomically: read while it rewrites them
// every 20 ms, and after a kill -9 in the middle of that, every profile file is complete JSON that
// drift accepts (the old version or the new one, never half of one).
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promotedFraudRepo, post } from "../serve/support.ts";
import { serveFromDist } from "./support/dist-serve.ts";
import { generateTransactions, TRANSACTION_FEATURES } from "../../src/demo/transactions.ts";
import { inferBody } from "../../src/serve/infer-body.ts";
import { parseWindowProfile } from "../../src/stats/drift/window-profile.ts";

test("dist's serve rewrites window profiles atomically; a kill -9 leaves complete ones", async (t) => {
  const repo = await promotedFraudRepo();
  const dir = await mkdtemp(join(tmpdir(), "mk-profile-kill-"));
  t.after(() => Promise.all([repo.cleanup(), rm(dir, { recursive: true, force: true })]));
  const logDir = join(dir, "log");
  await appendFile(join(repo.dir, "modelkeeper.yml"), "serve:\n  profile:\n    write_seconds: 0.02\n");
  const served = await serveFromDist(repo.dir, ["--model", "fraud", "--port", "0", "--log", logDir]);
  const window = generateTransactions({ rows: 4000, seed: 5, scenario: "baseline" });
  let reads = 0;
  const versions = new Set<number>();
  const readAll = async () => {
    for (const f of (await readdir(logDir).catch(() => [])).filter((f) => f.startsWith("profile-"))) {
      const text = await readFile(join(logDir, f), "utf8").catch(() => undefined);
      if (text === undefined) continue;
      versions.add(parseWindowProfile(JSON.parse(text), f).rowCount); // throws on half a file
      reads++;
    }
  };
  let answered = 0;
  for (let start = 0; start < window.rowCount; start += 100) {
    const answer = await post(
      `${served.url}/v2/models/fraud/infer`,
      inferBody(window, TRANSACTION_FEATURES, start, 100),
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    answered += 100;
    await readAll();
    if (versions.size >= 8 && start >= 2000) break;
  }
  served.child.kill("SIGKILL");
  await served.exited;
  assert.ok(
    versions.size >= 8,
    `read ${versions.size} versions of the profile while it was rewritten (${reads} reads)`,
  );
  const files = (await readdir(logDir)).filter((f) => f.startsWith("profile-"));
  assert.equal(files.length, 1, files.join(", "));
  const last = parseWindowProfile(JSON.parse(await readFile(join(logDir, files[0]), "utf8")), files[0]);
  assert.ok(last.rowCount > 0 && last.rowCount <= answered, `${last.rowCount} of ${answered} rows`);
  const drift = await repo.cli("drift", "--current", join(logDir, "profile-*.json"), "--json");
  assert.ok(drift.code === 0 || drift.code === 1, drift.stderr);
  assert.equal(JSON.parse(drift.stdout).models[0].assessment.current.rowCount, last.rowCount);
});
