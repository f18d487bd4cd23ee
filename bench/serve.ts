// Benchmark of `modelkeeper serve` (issue 14), on loopback with the load generator on the same
// machine, every baseline in the same run:
//   1. one-row requests over keep-alive at a fixed 500 req/s (open loop, latency from the moment a
//      request was due): p50/p99 of modelkeeper serve (prediction log on) against onnxruntime's own
//      session.run on the same row (the floor) and against a minimal node:http + onnxruntime server;
//   2. 1,000-row requests, one at a time: rows/s against session.run on the same batch (and the
//      two servers, and modelkeeper serve without its log, to show what the log costs);
//   3. the log: 500 req/s for SERVE_BENCH_LOG_MINUTES (default 10) minutes, the server's RSS
//      sampled every 10 s; every row answered is on disk, none dropped;
//   4. capacity: rising fixed rates of CAPACITY_ROWS-row requests until the server stops keeping up;
//      below it no error; at twice it 429/503 (never a dropped connection), the process stays up,
//      and at half it answers 200 again.
// Run: npm run bench -- serve
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fraudRepo } from "../test/support/fraud-repo.ts";
import { tagChampion } from "../test/serve/support.ts";
import { generateTransactions, TRANSACTION_FEATURES } from "../src/demo/transactions.ts";
import { inferBody } from "../src/serve/infer-body.ts";
import { loadModel, closeModel } from "../src/model/runner.ts";
import { loadOrt } from "../src/model/ort.ts";
import { BatchPacker, planInputs } from "../src/model/input-plan.ts";
import type { Tensor } from "onnxruntime-node";
import { machineLine } from "./support/machine.ts";
import { keepAliveAgent, openLoop, percentile, type LoadResult } from "./support/open-loop.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RATE = 500;
const LATENCY_SECONDS = Number(process.env.SERVE_BENCH_LATENCY_SECONDS ?? 20);
const LOG_MINUTES = Number(process.env.SERVE_BENCH_LOG_MINUTES ?? 10);
const CAPACITY_ROWS = Number(process.env.SERVE_BENCH_CAPACITY_ROWS ?? 200);
const BATCH_ROWS = 1000;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

console.log(`machine: ${machineLine()}`);
console.log(`load average at start: ${load()}`);

const repo = await fraudRepo({ trainRows: 3000 });
await tagChampion(repo, "fraud", 1, "models/fraud.onnx");
const modelPath = join(repo.dir, "models/fraud.onnx");
const window = generateTransactions({ rows: BATCH_ROWS, seed: 103, scenario: "new_scam" });
const oneRow = JSON.stringify(inferBody(window, TRANSACTION_FEATURES, 0, 1));
const batch = JSON.stringify(inferBody(window, TRANSACTION_FEATURES, 0, BATCH_ROWS));
const logDir = await mkdtemp(join(tmpdir(), "mk-bench-serve-log-"));
const children: ChildProcess[] = [];
/** Rows modelkeeper serve answered 200: each must be in its log after SIGTERM. */
let rowsAnswered = 0;
const tally = (server: string, result: LoadResult, rows: number) => {
  if (server === "modelkeeper serve") rowsAnswered += (result.outcomes.get("200") ?? 0) * rows;
  return result;
};

try {
  // The floor: session.run on tensors built once, the same row (and the same batch) the servers get.
  const floor = await (async () => {
    const handle = await loadModel(modelPath);
    const ort = await loadOrt();
    const context = { path: modelPath, recordedFeatures: handle.recordedFeatures };
    const feedsFor = (rows: number) => {
      const plan = planInputs(handle.signature, TRANSACTION_FEATURES, window, context);
      const tensors: Record<string, Tensor> = {};
      for (const [name, feed] of Object.entries(new BatchPacker(plan, rows).pack(0, rows)))
        tensors[name] = new ort.Tensor(feed.element, feed.data, feed.dims);
      return tensors;
    };
    const timeRuns = async (feeds: Record<string, Tensor>, runs: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await handle.session.run(feeds);
        times.push(performance.now() - t);
      }
      return Float64Array.from(times).sort();
    };
    const one = feedsFor(1);
    await timeRuns(one, 500); // warm-up
    const single = await timeRuns(one, 5000);
    const many = feedsFor(BATCH_ROWS);
    await timeRuns(many, 5);
    const batchTimes = await timeRuns(many, 30);
    await closeModel(handle);
    return {
      p50: percentile(single, 50),
      p99: percentile(single, 99),
      batchRowsPerSecond: BATCH_ROWS / (percentile(batchTimes, 50) / 1000),
    };
  })();
  console.log(`session.run, 1 row: p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)} (5,000 runs, one at a time)`);

  const modelkeeper = await start(
    "modelkeeper serve",
    process.execPath,
    [
      join(ROOT, "bin/modelkeeper.js"),
      "serve",
      "--model",
      "fraud",
      "--port",
      "0",
      "--log",
      logDir,
      "--poll-seconds",
      "0",
    ],
    /ready on (http:\/\/\S+)/,
  );
  const minimal = await start(
    "minimal server",
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/support/minimal-ort-server.ts"), modelPath],
    /listening on (\d+)/,
    ROOT,
  );
  const servers = [
    { name: "modelkeeper serve", url: `${modelkeeper.url}/v2/models/fraud/infer` },
    { name: "node:http + onnxruntime", url: `http://127.0.0.1:${minimal.url}/v2/models/fraud/infer` },
  ];

  // 1. One-row latency at 500 req/s.
  const latency = new Map<string, LoadResult>();
  for (const server of servers) {
    const agent = keepAliveAgent(16);
    tally(server.name, await openLoop({ url: server.url, body: oneRow, rate: RATE, seconds: 2, agent }), 1); // warm-up
    const result = tally(
      server.name,
      await openLoop({ url: server.url, body: oneRow, rate: RATE, seconds: LATENCY_SECONDS, agent }),
      1,
    );
    agent.destroy();
    latency.set(server.name, result);
    console.log(
      `${server.name}, 1-row requests at ${RATE}/s for ${LATENCY_SECONDS} s: p50 ${ms(percentile(result.latencies, 50))}, p99 ${ms(percentile(result.latencies, 99))}, max ${ms(result.latencies.at(-1)!)}; ${outcomes(result)}; sent at ${(result.sent / result.sendSeconds).toFixed(0)}/s (load ${load()})`,
    );
  }
  const mk = latency.get("modelkeeper serve")!;
  const base = latency.get("node:http + onnxruntime")!;
  console.log(
    `ratios: modelkeeper p50 is session.run's p50 + ${ms(percentile(mk.latencies, 50) - floor.p50)} (target <= +1 ms), p99 ${ms(percentile(mk.latencies, 99))} (target <= 5 ms); ` +
      `vs the minimal server p50 x${(percentile(mk.latencies, 50) / percentile(base.latencies, 50)).toFixed(2)}, p99 x${(percentile(mk.latencies, 99) / percentile(base.latencies, 99)).toFixed(2)}`,
  );

  // 2. 1,000-row requests, one at a time; modelkeeper also without its log, to show what the log costs.
  const unlogged = await start(
    "modelkeeper serve, no log",
    process.execPath,
    [join(ROOT, "bin/modelkeeper.js"), "serve", "--model", "fraud", "--port", "0", "--poll-seconds", "0"],
    /ready on (http:\/\/\S+)/,
  );
  for (const server of [
    ...servers,
    { name: "modelkeeper serve, no log", url: `${unlogged.url}/v2/models/fraud/infer` },
  ]) {
    const agent = keepAliveAgent(1);
    const times: number[] = [];
    for (let i = 0; i < 35; i++) {
      const result = tally(
        server.name,
        await openLoop({ url: server.url, body: batch, rate: 1000, seconds: 0.001, agent }),
        BATCH_ROWS,
      );
      if (result.outcomes.get("200") !== 1)
        throw new Error(`${server.name}: a ${BATCH_ROWS}-row request was answered ${outcomes(result)}`);
      if (i >= 5) times.push(result.latencies[0]);
    }
    agent.destroy();
    const rowsPerSecond = BATCH_ROWS / (percentile(Float64Array.from(times).sort(), 50) / 1000);
    console.log(
      `${server.name}, ${BATCH_ROWS}-row requests one at a time: ${Math.round(rowsPerSecond).toLocaleString("en-US")} rows/s; session.run on the same batch ${Math.round(floor.batchRowsPerSecond).toLocaleString("en-US")} rows/s: x${(floor.batchRowsPerSecond / rowsPerSecond).toFixed(2)} (target <= 1.3)`,
    );
  }
  minimal.child.kill("SIGTERM");
  unlogged.child.kill("SIGTERM");

  // 3. The log: RATE req/s for LOG_MINUTES, RSS every 10 s.
  {
    const agent = keepAliveAgent(16);
    const rss: number[] = [];
    const counts = new Map<string, number>();
    const started = performance.now();
    while (performance.now() - started < LOG_MINUTES * 60_000) {
      const result = tally(
        servers[0].name,
        await openLoop({ url: servers[0].url, body: oneRow, rate: RATE, seconds: 10, agent }),
        1,
      );
      for (const [key, n] of result.outcomes) counts.set(key, (counts.get(key) ?? 0) + n);
      rss.push(await residentMiB(modelkeeper.child.pid!));
    }
    agent.destroy();
    const metrics = await (await fetch(`${modelkeeper.url}/metrics`)).text();
    const metric = (name: string) =>
      [...metrics.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "gm"))].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
    const perMinute = Array.from({ length: Math.ceil(rss.length / 6) }, (_, m) =>
      Math.max(...rss.slice(m * 6, m * 6 + 6)).toFixed(0),
    ).join(", ");
    console.log(
      `log: ${RATE} req/s for ${LOG_MINUTES} min: ${[...counts].map(([k, n]) => `${n.toLocaleString("en-US")} ${k}`).join(", ")}; server RSS (MiB) first ${rss[0].toFixed(0)}, peak ${Math.max(...rss).toFixed(0)}, last ${rss.at(-1)!.toFixed(0)}; ` +
        `peak per minute: ${perMinute}; log records written ${metric("modelkeeper_log_records_written_total")}, dropped ${metric("modelkeeper_log_records_dropped_total")} (load ${load()})`,
    );
  }

  // 4. Capacity.
  {
    const url = servers[0].url;
    const body = JSON.stringify(inferBody(window, TRANSACTION_FEATURES, 0, CAPACITY_ROWS));
    const agent = keepAliveAgent(256);
    let capacity = 0;
    for (let rate = 20; ; rate = Math.round(rate * 1.25)) {
      const result = tally(servers[0].name, await openLoop({ url, body, rate, seconds: 4, agent }), CAPACITY_ROWS);
      const keptUp = result.outcomes.get("200") === result.sent && percentile(result.latencies, 99) < 500;
      console.log(
        `capacity search, ${CAPACITY_ROWS}-row requests at ${rate}/s: ${outcomes(result)}, p99 ${ms(percentile(result.latencies, 99))}${keptUp ? "" : ": not keeping up"}`,
      );
      if (!keptUp) break;
      capacity = rate;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, 6000)); // the last step's queue drains
    const over = tally(
      servers[0].name,
      await openLoop({ url, body, rate: capacity * 2, seconds: 6, agent }),
      CAPACITY_ROWS,
    );
    const live = (await fetch(`${modelkeeper.url}/v2/health/live`)).status;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const after = tally(
      servers[0].name,
      await openLoop({ url, body, rate: Math.max(1, Math.round(capacity / 2)), seconds: 4, agent }),
      CAPACITY_ROWS,
    );
    agent.destroy();
    const unanswered = [...over.outcomes.keys()].filter((k) => !/^\d+$/.test(k));
    console.log(
      `capacity: ${capacity} req/s of ${CAPACITY_ROWS} rows (${(capacity * CAPACITY_ROWS).toLocaleString("en-US")} rows/s); at 2x (${capacity * 2}/s, sent at ${(over.sent / over.sendSeconds).toFixed(0)}/s): ${outcomes(over)}; ` +
        `live afterwards: ${live}; at 0.5x: ${outcomes(after)}${unanswered.length ? `; WITHOUT AN HTTP ANSWER: ${unanswered.join(", ")}` : ""}`,
    );
    if (unanswered.length || live !== 200 || after.outcomes.get("200") !== after.sent) process.exitCode = 1;
  }

  // Rows the log dropped on purpose (a full queue under overload) are counted, never silent.
  const dropped = Number(
    /^modelkeeper_log_records_dropped_total\{reason="queue-full"\} (\S+)$/m.exec(
      await (await fetch(`${modelkeeper.url}/metrics`)).text(),
    )?.[1] ?? 0,
  );
  modelkeeper.child.kill("SIGTERM");
  const code = await new Promise((resolve) => modelkeeper.child.once("exit", resolve));
  const files = await readdir(logDir);
  let lines = 0;
  for (const file of files) lines += (await readFile(join(logDir, file), "utf8")).split("\n").length - 1;
  console.log(
    `after SIGTERM: exit ${code}; the log holds ${lines.toLocaleString("en-US")} rows in ${files.length} file(s), for ${rowsAnswered.toLocaleString("en-US")} rows answered 200, ${dropped.toLocaleString("en-US")} dropped by a full queue (counted)${lines + dropped === rowsAnswered ? "" : ": ROWS MISSING"}`,
  );
  if (code !== 0 || lines + dropped !== rowsAnswered) process.exitCode = 1;
  console.log(`load average at end: ${load()}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await rm(logDir, { recursive: true, force: true });
  await repo.cleanup();
}

function outcomes(result: LoadResult): string {
  return [...result.outcomes]
    .sort()
    .map(([key, n]) => `${n} ${key}`)
    .join(", ");
}

async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

async function start(
  name: string,
  command: string,
  args: string[],
  ready: RegExp,
  cwd = repo.dir,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(command, args, { cwd, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on("data", look);
    child.stderr!.on("data", look);
    child.once("exit", (code) => reject(new Error(`${name} exited ${code} before it was ready:\n${output}`)));
  });
  return { child, url };
}
