// Benchmark of record's hashing (issue 2): one 1 GiB file against a bare node:crypto stream,
// 20,000 small files against a single-threaded loop, an unchanged second record against the
// first, and record's peak memory. Run: npm run bench -- record-hash
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, mkdir, writeFile, rm, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { hashFiles } from "../src/provenance/hash-files.ts";
import { createGit } from "../src/git/git.ts";
import { machineLine, bestOf } from "./support/machine.ts";
import { runCli } from "../src/cli/run-cli.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const bin = join(projectRoot, "bin", "modelkeeper.js");

/**
 * Empties the kernel's page cache (root only), so a run reads from disk as a first run in CI
 * does; returns false where that is not allowed, and the figures are then warm-cache figures.
 */
function dropCaches(): boolean {
  try {
    spawnSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3\n");
    return true;
  } catch {
    return false;
  }
}

function streamSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path).on("data", (c) => hash.update(c)).on("end", () => resolve(hash.digest("hex"))).on("error", reject);
  });
}

async function makeRepo(dir: string, data: string): Promise<void> {
  await writeFile(join(dir, "modelkeeper.yml"), `models:\n  m:\n    task: binary\n    artifact: model.onnx\n    label: y\n    data:\n      train: ${data}\n      holdout: ${data}\n`);
  await writeFile(join(dir, "model.onnx"), "x");
  const git = createGit(dir);
  await git.run(["init", "--quiet"]);
  await git.run(["-c", "user.name=b", "-c", "user.email=b@b", "commit", "--quiet", "--allow-empty", "-m", "b"]);
}

/** The record command in this process (what the command itself costs, without Node's start-up). */
async function recordInProcess(dir: string): Promise<number> {
  const start = process.hrtime.bigint();
  const code = await runCli(["record"], { stdout: () => {}, stderr: () => {} }, process.env, dir);
  if (code !== 0) throw new Error(`record exited ${code}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The record command as a user runs it, in a new process, with its peak memory. */
function record(dir: string): { ms: number; peakKb: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--import", join(projectRoot, "bench/support/peak-rss.mjs"), bin, "record"], { cwd: dir, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(result.stderr);
  return { ms, peakKb: Number(/PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1]) };
}

const root = await mkdtemp(join(tmpdir(), "mk-bench-hash-"));
console.log(`machine: ${machineLine()}`);
try {
  // 1. One 1 GiB file.
  const big = join(root, "big");
  await mkdir(big);
  const handle = await open(join(big, "data.bin"), "w");
  const chunk = randomBytes(1 << 24);
  for (let i = 0; i < 64; i++) await handle.write(chunk);
  await handle.close();
  await makeRepo(big, "data.bin");
  const stream = await bestOf(3, () => streamSha256(join(big, "data.bin")));
  const rawHash = await bestOf(3, () => hashFiles(big, ["data.bin"]));
  let recordMs = Infinity;
  for (let i = 0; i < 3; i++) {
    await rm(join(big, ".git/modelkeeper"), { recursive: true, force: true });
    recordMs = Math.min(recordMs, await recordInProcess(big));
  }
  await rm(join(big, ".git/modelkeeper"), { recursive: true, force: true });
  const process1 = record(big);
  console.log(`1 GiB file: node:crypto stream ${stream.ms.toFixed(0)} ms; hashFiles ${rawHash.ms.toFixed(0)} ms; record command ${recordMs.toFixed(0)} ms (as a new process: ${process1.ms.toFixed(0)} ms)`);
  console.log(`  ratio record / stream = ${(recordMs / stream.ms).toFixed(2)} (target <= 1.3); peak RSS of the record process ${(process1.peakKb / 1024).toFixed(0)} MB (target < 200)`);

  // 2. 20,000 small files, ~200 MB.
  const many = join(root, "many");
  await mkdir(join(many, "data"), { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const path = `data/${String(i).padStart(5, "0")}.bin`;
    await writeFile(join(many, path), randomBytes(10_000));
    paths.push(path);
  }
  await makeRepo(many, "data");
  const loop = await bestOf(3, () => {
    const out = new Map<string, string>();
    for (const p of paths) out.set(p, createHash("sha256").update(readFileSync(join(many, p))).digest("hex"));
    return out;
  });
  const parallel = await bestOf(3, () => hashFiles(many, paths));
  console.log(`20,000 files (200 MB), warm page cache: single-threaded loop ${loop.ms.toFixed(0)} ms; hashFiles on both cores ${parallel.ms.toFixed(0)} ms; speed-up ${(loop.ms / parallel.ms).toFixed(2)}x`);
  if (dropCaches()) {
    const loopCold = await bestOf(1, () => {
      const out = new Map<string, string>();
      for (const p of paths) out.set(p, createHash("sha256").update(readFileSync(join(many, p))).digest("hex"));
      return out;
    });
    dropCaches();
    const parallelCold = await bestOf(1, () => hashFiles(many, paths));
    console.log(`20,000 files (200 MB), cold page cache (read from disk): loop ${loopCold.ms.toFixed(0)} ms; hashFiles ${parallelCold.ms.toFixed(0)} ms; speed-up ${(loopCold.ms / parallelCold.ms).toFixed(2)}x (target >= 1.6x)`);
  } else {
    console.log("  (cannot drop the page cache here: only warm-cache figures; target >= 1.6x)");
  }

  // 3. Unchanged tree: the second record reuses the cache.
  await new Promise((r) => setTimeout(r, 1100));
  const cold = dropCaches();
  const first = await recordInProcess(many);
  const second = await recordInProcess(many);
  console.log(`record of 20,000 files: first ${first.toFixed(0)} ms (${cold ? "cold page cache" : "warm page cache"}), second (unchanged tree) ${second.toFixed(0)} ms`);
  console.log(`  second / first = ${((second / first) * 100).toFixed(1)}% (target <= 15%)`);
  await rm(join(many, ".git/modelkeeper"), { recursive: true, force: true });
  const manyProcess = record(many);
  console.log(`  peak RSS of a first record process over 20,000 files ${(manyProcess.peakKb / 1024).toFixed(0)} MB (target < 200)`);
} finally {
  await rm(root, { recursive: true, force: true });
}
