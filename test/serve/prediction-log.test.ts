import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { PredictionLog } from "../../src/serve/prediction-log.ts";
import { formatRecords, type LogBatch } from "../../src/serve/log-record.ts";
import { inlineFormatter, threadFormatter, type LogFormatter } from "../../src/serve/log-formatter.ts";
import type { Table } from "../../src/data/table.ts";

function batch(rows: number, id = "r1"): Omit<LogBatch, "rows" | "count"> {
  const table: Table = {
    source: "test",
    rowCount: rows,
    columns: [
      { kind: "numeric", name: "amount", values: Float64Array.from({ length: rows }, (_, i) => i + 0.5) },
      {
        kind: "categorical",
        name: "city",
        codes: Int32Array.from({ length: rows }, (_, i) => i % 2),
        categories: ["paris", 'o"slo'],
      },
    ],
  };
  return {
    requestId: id,
    time: "2026-12-03T09:00:00.000Z",
    model: "m",
    version: "v1",
    endpoint: "stable",
    table,
    prediction: {
      rowCount: rows,
      scores: Float64Array.from({ length: rows }, (_, i) => (i === 1 ? NaN : i / 10)),
      outputs: { value: "p" },
    },
  };
}

function makeCounters() {
  const seen = { written: 0, dropped: 0, sampledOut: 0 };
  return {
    seen,
    counters: {
      written: (n: number) => (seen.written += n),
      dropped: (n: number) => (seen.dropped += n),
      sampledOut: (n: number) => (seen.sampledOut += n),
    },
  };
}

test("a log line carries the request's facts, the features by name and the score as `prediction`", () => {
  const lines = formatRecords({ ...batch(2), count: 2 })
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.deepEqual(lines[0], {
    _id: "r1",
    _time: "2026-12-03T09:00:00.000Z",
    _model: "m",
    _version: "v1",
    _endpoint: "stable",
    amount: 0.5,
    city: "paris",
    prediction: 0,
  });
  assert.deepEqual(lines[1], {
    _id: "r1",
    _time: "2026-12-03T09:00:00.000Z",
    _model: "m",
    _version: "v1",
    _endpoint: "stable",
    amount: 1.5,
    city: 'o"slo',
    prediction: null,
  });
});

test("a full queue drops rows and counts them instead of growing; the rows it kept are all written", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-log-"));
  const { seen, counters } = makeCounters();
  const log = new PredictionLog(
    { dir, maxFileBytes: 1 << 20, maxFileAgeMs: 3_600_000, sampleRate: 1, queueRows: 10 },
    counters,
    () => {},
  );
  try {
    for (let i = 0; i < 5; i++) log.offer(batch(4, `r${i}`)); // 20 rows offered at once, room for 10
    await log.close();
    assert.deepEqual(seen, { written: 10, dropped: 10, sampledOut: 0 });
    const text = await readFile(join(dir, (await readdir(dir))[0]), "utf8");
    assert.deepEqual(
      text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)._id),
      ["r0", "r0", "r0", "r0", "r1", "r1", "r1", "r1", "r2", "r2"],
    );
    log.offer(batch(1));
    assert.equal(seen.dropped, 11, "a closed log takes nothing");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("files rotate by size and by age, never overwrite each other, and sampling logs a fraction", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-log-"));
  const { seen, counters } = makeCounters();
  let now = Date.parse("2026-12-03T09:00:00Z");
  const draws = [0.1, 0.9, 0.3, 0.7];
  let d = 0;
  const log = new PredictionLog(
    { dir, maxFileBytes: 300, maxFileAgeMs: 60_000, sampleRate: 1, queueRows: 100 },
    counters,
    () => {},
    () => draws[d++ % 4],
    () => now,
  );
  try {
    log.offer(batch(3)); // ~450 bytes: the next write starts a new file
    await log.flush();
    log.offer(batch(1));
    await log.flush();
    now += 61_000; // older than a minute: a new file
    log.offer(batch(1));
    await log.close();
    const files = (await readdir(dir)).sort();
    assert.equal(files.length, 3);
    for (const file of files)
      assert.match(file, new RegExp(`^predictions-\\d{8}T\\d{6}Z-${process.pid}-\\d{4}\\.jsonl$`));
    assert.equal(seen.written, 5);
    const sampled = new PredictionLog(
      { dir, maxFileBytes: 1 << 20, maxFileAgeMs: 3_600_000, sampleRate: 0.5, queueRows: 100 },
      counters,
      () => {},
      () => draws[d++ % 4],
      () => now,
    );
    sampled.offer(batch(4));
    await sampled.close();
    assert.equal(seen.sampledOut, 2);
    assert.equal(seen.written, 7);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a name already taken (a restarted container is pid 1 again, a second log in one folder) moves on: no file is overwritten or shared", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mk-log-"));
  const now = Date.parse("2026-12-03T09:00:00Z");
  const errors: string[] = [];
  const settings = { dir, maxFileBytes: 1 << 20, maxFileAgeMs: 3_600_000, sampleRate: 1, queueRows: 100 };
  // The file a previous life of this process (same pid, same second) left.
  const left = join(dir, `predictions-20261203T090000Z-${process.pid}-0001.jsonl`);
  await writeFile(left, '{"earlier":"life"}\n');
  const logs = [1, 2].map(
    () =>
      new PredictionLog(
        settings,
        makeCounters().counters,
        (m) => errors.push(m),
        () => 0,
        () => now,
      ),
  );
  try {
    logs[0].offer(batch(2, "first"));
    logs[1].offer(batch(3, "second"));
    await Promise.all(logs.map((log) => log.close()));
    assert.deepEqual(errors, []);
    const files = (await readdir(dir)).sort();
    assert.equal(files.length, 3, files.join(", "));
    assert.equal(await readFile(left, "utf8"), '{"earlier":"life"}\n', "the earlier file is untouched");
    const ids = await Promise.all(
      files
        .filter((f) => join(dir, f) !== left)
        .map(async (f) =>
          (await readFile(join(dir, f), "utf8"))
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l)._id),
        ),
    );
    assert.deepEqual(
      ids.map((rows) => [...new Set(rows)]).sort(),
      [["first"], ["second"]],
      "each log has its own file",
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** Logs `batches` through `formatter` into a fresh folder; returns the file's text and the counters. */
async function logThrough(formatter: LogFormatter, batches: Array<Omit<LogBatch, "rows" | "count">>) {
  const dir = await mkdtemp(join(tmpdir(), "mk-log-"));
  const { seen, counters } = makeCounters();
  const errors: string[] = [];
  const log = new PredictionLog(
    { dir, maxFileBytes: 1 << 30, maxFileAgeMs: 3_600_000, sampleRate: 1, queueRows: 1 << 20 },
    counters,
    (message) => errors.push(message),
    Math.random,
    Date.now,
    formatter,
  );
  try {
    for (const b of batches) log.offer(b);
    await log.close();
    const files = await readdir(dir);
    return {
      seen,
      errors,
      text: (await Promise.all(files.sort().map((f) => readFile(join(dir, f), "utf8")))).join(""),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("the formatting thread writes exactly the lines the inline formatter writes, in order", async () => {
  const batches = Array.from({ length: 40 }, (_, i) => batch(1 + (i % 7) * 300, `r${i}`));
  const expected = batches.map((b) => formatRecords({ ...b, count: b.table.rowCount })).join("");
  const formatter = await threadFormatter();
  assert.notEqual(formatter, inlineFormatter, "a formatting thread started");
  const threaded = await logThrough(formatter, batches);
  assert.equal(threaded.text, expected);
  assert.deepEqual(threaded.errors, []);
  assert.equal(
    threaded.seen.written,
    batches.reduce((n, b) => n + b.table.rowCount, 0),
  );
});

test("a formatting thread that dies loses no row: its batches are formatted inline", async () => {
  const formatter = await threadFormatter();
  assert.notEqual(formatter, inlineFormatter, "a formatting thread started");
  const batches = Array.from({ length: 10 }, (_, i) => batch(500, `r${i}`));
  const expected = batches.map((b) => formatRecords({ ...b, count: b.table.rowCount })).join("");
  // Killed with work in flight: the first chunk is on its way to the thread when it stops.
  const killing = {
    format: (chunk: LogBatch[]) => {
      const text = formatter.format(chunk);
      void (formatter as any).worker.terminate();
      return text;
    },
    close: () => formatter.close(),
  };
  const result = await logThrough(killing, batches);
  assert.equal(result.text, expected);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.seen, { written: 5000, dropped: 0, sampledOut: 0 });
});

test("closing the log waits for the formatting thread even when nothing else keeps the process alive", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "mk-log-close-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // A process whose only work is the log, bundled as the shipped server is (no tsx, whose loader
  // would keep any process alive): an idle, unref'd thread must not let it exit mid-chunk.
  const source = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));
  await writeFile(
    join(dir, "entry.ts"),
    `import { PredictionLog } from ${source("../../src/serve/prediction-log.ts")};
    import { threadFormatter } from ${source("../../src/serve/log-formatter.ts")};
    const rows = 1000;
    const table = { source: "t", rowCount: rows, columns: [{ kind: "numeric" as const, name: "x", values: Float64Array.from({ length: rows }, (_, i) => i) }] };
    const log = new PredictionLog(
      { dir: ${JSON.stringify(join(dir, "log"))}, maxFileBytes: 1e9, maxFileAgeMs: 1e9, sampleRate: 1, queueRows: 10000 },
      { written() {}, dropped() {}, sampledOut() {} },
      (message) => console.error(message), Math.random, Date.now, await threadFormatter(),
    );
    log.offer({ requestId: "r", time: "2026-12-04T00:00:00.000Z", model: "m", version: "v1", endpoint: "stable", table,
      prediction: { rowCount: rows, scores: new Float64Array(rows), outputs: { value: "p" } } });
    await log.close();
    console.log("closed");`,
  );
  await build({
    entryPoints: {
      entry: join(dir, "entry.ts"),
      "log-format-worker": fileURLToPath(new URL("../../src/serve/log-format-worker.ts", import.meta.url)),
    },
    outdir: join(dir, "out"),
    bundle: true,
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  await writeFile(join(dir, "out/package.json"), '{ "type": "module" }');
  const child = spawnSync(process.execPath, [join(dir, "out/entry.js")], { encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), "closed", child.stderr);
  const text = await readFile(join(dir, "log", (await readdir(join(dir, "log")))[0]), "utf8");
  assert.equal(text.trimEnd().split("\n").length, 1000);
});
