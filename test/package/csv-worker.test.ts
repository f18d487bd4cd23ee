// The shipped bundle reads a big CSV on two threads: dist/csv-range-worker.js is there and is the
// second thread (issue 17 item 3). Seen through the worker threads the process starts, not timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_POLICY } from "../../src/data/csv-parallel.ts";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const countWorkers = fileURLToPath(new URL("./support/count-workers.mjs", import.meta.url));

test(
  "dist/trainer.js's readTable parses a CSV above the size threshold on two threads, with dist/csv-range-worker.js, and gets every row",
  { skip: availableParallelism() < 2 && "one core", timeout: 120_000 },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), "mk-csv-worker-"));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const csv = join(dir, "big.csv");
    // Rows up to 1.2x the size threshold; x is the row number, so its sum is known.
    const out = createWriteStream(csv);
    out.write("id,x,city,label\n");
    let bytes = 16;
    let rows = 0;
    while (bytes < DEFAULT_POLICY.minBytes * 1.2) {
      const line = `r${rows},${rows},${["Lyon", "Oslo", "Quito"][rows % 3]}-district,${rows % 2}\n`;
      bytes += line.length;
      rows++;
      if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise((r) => out.end(r));

    const log = join(dir, "workers.log");
    const script = `const { readTable } = await import(${JSON.stringify(pathToFileURL(join(dist, "trainer.js")).href)});
    const table = await readTable(${JSON.stringify(csv)});
    const x = table.columns.find((c) => c.name === "x");
    let sum = 0; for (const v of x.values) sum += v;
    const city = table.columns.find((c) => c.name === "city");
    console.log(JSON.stringify({ rows: table.rowCount, sum, cities: city.categories.length }));`;
    const result = spawnSync(process.execPath, ["--import", countWorkers, "--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, MODELKEEPER_WORKER_LOG: log },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { rows, sum: (rows * (rows - 1)) / 2, cities: 3 });
    const workers = (await readFile(log, "utf8").catch(() => "")).trim().split("\n");
    assert.deepEqual(workers, [pathToFileURL(join(dist, "csv-range-worker.js")).href]);
  },
);
