// The shipped server formats its prediction log on dist/log-format-worker.js, off the event loop
// that answers requests, and every answered row still reaches the log. Seen through the worker
// threads the process starts, not timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promotedFraudRepo, post } from "../serve/support.ts";
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
  const child = spawn(
    process.execPath,
    [
      "--import",
      countWorkers,
      join(root, "bin/modelkeeper.js"),
      "serve",
      "--model",
      "fraud",
      "--port",
      "0",
      "--log",
      logDir,
    ],
    { cwd: repo.dir, env: { ...process.env, MODELKEEPER_WORKER_LOG: workers }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk;
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const window = generateTransactions({ rows: 300, seed: 7, scenario: "baseline" });
  for (const [from, to] of [
    [0, 1],
    [1, 201],
    [201, 300],
  ]) {
    const answer = await post(`${url}/v2/models/fraud/infer`, inferBody(window, TRANSACTION_FEATURES, from, to - from));
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  assert.equal(await exited, 0, output);

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
