// The shipped evaluate runs its paired bootstrap on dist/bootstrap-worker.js as well as its own
// thread once the work is large (rows x resamples at the threshold). Seen through the worker
// threads the process starts, not timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fraudRepo } from "../support/fraud-repo.ts";
import { tagChampion } from "../serve/support.ts";
import {
  generateTransactions,
  FRAUD_LABEL,
  TRANSACTION_FEATURES,
  CATEGORICAL_TRANSACTION_FEATURES,
} from "../../src/demo/transactions.ts";
import { trainLogisticModel } from "../../src/trainer/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const countWorkers = fileURLToPath(new URL("./support/count-workers.mjs", import.meta.url));

test(
  "dist's evaluate on 10,000 held-out rows x 2,000 resamples runs the bootstrap on dist/bootstrap-worker.js too",
  { skip: availableParallelism() < 2 && "one core", timeout: 180_000 },
  async (t) => {
    const repo = await fraudRepo({ trainRows: 10_000 });
    t.after(() => repo.cleanup());
    await tagChampion(repo, "fraud", 1, "models/fraud.onnx");
    const { model } = trainLogisticModel({
      table: generateTransactions({ rows: 4000, seed: 2, scenario: "new_scam" }),
      label: FRAUD_LABEL,
      features: [...TRANSACTION_FEATURES],
      categorical: [...CATEGORICAL_TRANSACTION_FEATURES],
      l2: 1,
    });
    await writeFile(join(repo.dir, "challenger.onnx"), Buffer.from(model));
    const log = join(repo.dir, "..", `workers-${process.pid}.log`);
    t.after(() => writeFile(log, "").catch(() => {}));
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        countWorkers,
        join(root, "bin/modelkeeper.js"),
        "evaluate",
        "--challenger",
        "challenger.onnx",
        "--json",
      ],
      { cwd: repo.dir, encoding: "utf8", env: { ...process.env, MODELKEEPER_WORKER_LOG: log } },
    );
    assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
    const verdict = JSON.parse(result.stdout).models[0].verdict;
    assert.match(String(verdict?.decision ?? verdict), /promote|reject|inconclusive/, result.stdout.slice(0, 500));
    const started = (await readFile(log, "utf8")).trim().split("\n");
    assert.ok(started.includes(pathToFileURL(join(root, "dist/bootstrap-worker.js")).href), started.join(", "));
  },
);
