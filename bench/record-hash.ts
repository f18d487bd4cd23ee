// Benchmark of record at scale (issues 16 item 4 and 17 items 1, 4): the shipped CLI as a new
// process over 100,000 small committed files, first record (no hash cache) and second record
// (unchanged tree), against `sha256sum`, `xargs -P2 sha256sum` and a 1 MiB-read Node loop, all
// in the same run; peak RSS of each record process. Run: npm run bench -- record-hash
// (FILES=N to change the count, RUNS=N the repetitions). Needs a fresh `npm run bundle`.
import { randomBytes } from "node:crypto";
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { machineLine } from "./support/machine.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const cli = join(projectRoot, "dist", "cli.js");
const peakRss = join(projectRoot, "bench/support/peak-rss.mjs");
const FILES = Number(process.env.FILES ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const PER_DIR = 1000;

/** A 1 MiB-read hashing loop in plain Node, as a new process (what a careful script does). */
const NODE_LOOP = `
const { openSync, readSync, closeSync, readdirSync } = require("node:fs");
const { createHash } = require("node:crypto");
const buffer = Buffer.allocUnsafe(1 << 20);
let out = 0;
for (const dir of readdirSync("data")) for (const name of readdirSync("data/" + dir)) {
  const fd = openSync("data/" + dir + "/" + name, "r"); const h = createHash("sha256");
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) h.update(buffer.subarray(0, n));
  closeSync(fd); out += h.digest("hex").length;
}`;

function run(command: string, args: string[], cwd: string): { ms: number; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

function record(dir: string): { ms: number; peakMb: number } {
  const { ms, stderr } = run(process.execPath, ["--import", peakRss, cli, "record"], dir);
  return { ms, peakMb: Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1]) / 1024 };
}

function summary(values: number[], unit: string, digits = 0): string {
  const s = [...values].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${median.toFixed(digits)} ${unit} (min ${s[0].toFixed(digits)}, max ${s[s.length - 1].toFixed(digits)})`;
}
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run bundle` first");
const root = await mkdtemp(join(tmpdir(), "mk-bench-record-"));
console.log(`machine: ${machineLine()}`);
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
try {
  for (let d = 0; d * PER_DIR < FILES; d++) {
    const dir = join(root, "data", String(d).padStart(3, "0"));
    await mkdir(dir, { recursive: true });
    for (let i = d * PER_DIR; i < Math.min(FILES, (d + 1) * PER_DIR); i++)
      await writeFile(join(dir, `${i}.bin`), randomBytes(1000));
  }
  await writeFile(
    join(root, "modelkeeper.yml"),
    `models:\n  m:\n    task: binary\n    artifact: model.onnx\n    label: y\n    data:\n      train: data\n      holdout: data/000/0.bin\n`,
  );
  await writeFile(join(root, "model.onnx"), "x");
  const git = (...args: string[]) => run("git", ["-c", "user.name=b", "-c", "user.email=b@b", ...args], root);
  git("init", "--quiet");
  // No background `git gc --auto` (a detached process that outlived the run and made the final rm fail).
  git("config", "gc.auto", "0");
  git("add", "-A");
  git("commit", "--quiet", "-m", "files");
  // Let the files' mtimes fall before the first record's start (the hash cache skips racy entries).
  await new Promise((r) => setTimeout(r, 1100));

  const single: number[] = [],
    parallel: number[] = [],
    loop: number[] = [],
    first: number[] = [],
    second: number[] = [];
  const firstRss: number[] = [],
    secondRss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    single.push(run("sh", ["-c", "find data -type f -print0 | xargs -0 sha256sum >/dev/null"], root).ms);
    parallel.push(run("sh", ["-c", "find data -type f -print0 | xargs -0 -P2 sha256sum >/dev/null"], root).ms);
    loop.push(run(process.execPath, ["-e", NODE_LOOP], root).ms);
    await rm(join(root, ".git", "modelkeeper"), { recursive: true, force: true });
    const a = record(root);
    const b = record(root);
    first.push(a.ms);
    firstRss.push(a.peakMb);
    second.push(b.ms);
    secondRss.push(b.peakMb);
  }
  console.log(`${FILES.toLocaleString("en")} files of 1,000 bytes, warm page cache, ${RUNS} runs each, alternated:`);
  console.log(`  sha256sum, one process:            ${summary(single, "ms")}`);
  console.log(`  xargs -P2 sha256sum:               ${summary(parallel, "ms")}`);
  console.log(`  Node 1 MiB-read loop (new process): ${summary(loop, "ms")}`);
  console.log(`  record, first (no hash cache):      ${summary(first, "ms")}; peak RSS ${summary(firstRss, "MB")}`);
  console.log(`  record, second (unchanged tree):    ${summary(second, "ms")}; peak RSS ${summary(secondRss, "MB")}`);
  const perRun = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);
  console.log(
    `  second / first = ${summary(
      perRun(second, first).map((r) => r * 100),
      "%",
      1,
    )} (target <= 15%)`,
  );
  console.log(`  first / xargs -P2 sha256sum = ${summary(perRun(first, parallel), "x", 2)} (target <= 1.5x)`);
  console.log(
    `  first / sha256sum = ${summary(perRun(first, single), "x", 2)}; first / Node loop = ${summary(perRun(first, loop), "x", 2)}`,
  );
  console.log(
    `  peak RSS max ${Math.max(...firstRss, ...secondRss).toFixed(0)} MB (target < 150 MB); medians: first ${median(firstRss).toFixed(0)}, second ${median(secondRss).toFixed(0)}`,
  );
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
} finally {
  await rm(root, { recursive: true, force: true, maxRetries: 5 });
}
