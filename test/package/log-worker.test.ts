// The shipped server formats its prediction log on dist/log-format-worker.js, off the event loop
// that answers requests, and every answered row still reaches the log. Seen through the worker
// threads the process starts, not timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promotedFraudRepo, post } from "../serve/support.ts";
import { serveFromDist } from "./support/dist-serve.ts";
import { generateTransactions, TRANSACTION_FEATURES } from "../../src/demo/transactions.ts";
import { inferBody } from "../../src/serve/infer-body.ts";
import type { Column } from "../../src/data/table.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const countWorkers = fileURLToPath(new URL("./support/count-workers.mjs", import.meta.url));

test("dist's serve writes its prediction log through dist/log-format-worker.js; every answered row is logged", async (t) => {
  const repo = await promotedFraudRepo();
  const dir = await mkdtemp(join(tmpdir(), "mk-log-worker-"));
  t.after(() => Promise.all([repo.cleanup(), rm(dir, { recursive: true, force: true })]));
  const workers = join(dir, "workers.log");
  const logDir = join(dir, "log");
  const served = await serveFromDist(repo.dir, ["--model", "fraud", "--port", "0", "--log", logDir], {
    nodeArgs: ["--import", countWorkers],
    env: { MODELKEEPER_WORKER_LOG: workers },
  });
  const window = generateTransactions({ rows: 300, seed: 7, scenario: "baseline" });
  for (const [from, to] of [
    [0, 1],
    [1, 201],
    [201, 300],
  ]) {
    const answer = await post(
      `${served.url}/v2/models/fraud/infer`,
      inferBody(window, TRANSACTION_FEATURES, from, to - from),
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
  }
  served.child.kill("SIGTERM");
  assert.equal(await served.exited, 0, served.output());

  const lines = (await Promise.all((await readdir(logDir)).map((f) => readFile(join(logDir, f), "utf8"))))
    .join("")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.equal(lines.length, 300);
  assert.deepEqual(
    lines.map((l) => l.amount),
    Array.from(numeric(window.columns.find((c) => c.name === "amount")!)),
  );
  const started = (await readFile(workers, "utf8")).trim().split("\n");
  assert.ok(started.includes(pathToFileURL(join(root, "dist/log-format-worker.js")).href), started.join(", "));
});

function numeric(column: Column): Float64Array {
  assert.equal(column.kind, "numeric");
  return column.values;
}
