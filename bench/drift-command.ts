// Benchmark of the drift command end to end (issue 4): CSV in, every test out.
//   a. 1,000,000 reference vs 1,000,000 current rows, 4 numeric + 1 categorical column, against
//      pandas.read_csv of both files plus scipy's ks_2samp on the numeric columns, same run;
//   b. 1,000,000 x 100 columns on both sides (target: under 60 s);
//   c. a 10,000,000-row window against a 100,000-row reference: peak memory (target: under 1 GB).
// Input drift only: the config's model artifact does not exist, so no model scores the data.
// Run: npm run bench -- drift-command
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run-cli.ts";
import { createGit } from "../src/git/git.ts";
import { machineLine, timed } from "./support/machine.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const CATEGORIES = ["grocery", "fuel", "travel", "electronics", "online", "restaurants", "retail", "utilities"];

/** mulberry32: seeded uniforms. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes rows × (numeric + categorical) columns; `shift` moves the numeric means (in sd). */
async function writeCsv(path: string, rows: number, numeric: number, categorical: number, seed: number, shift = 0): Promise<void> {
  const random = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const out = createWriteStream(path);
  const header = [...Array.from({ length: numeric }, (_, i) => `x${i}`), ...Array.from({ length: categorical }, (_, i) => `c${i}`)];
  let chunk = header.join(",") + "\n";
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let i = 0; i < numeric; i++) cells.push((gauss() + (i === 0 ? shift : 0)).toFixed(4));
    for (let i = 0; i < categorical; i++) cells.push(CATEGORIES[Math.floor(random() * CATEGORIES.length)]);
    chunk += cells.join(",") + "\n";
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function repoWith(dir: string, reference: string): Promise<void> {
  await writeFile(join(dir, "modelkeeper.yml"), `models:\n  m:\n    task: binary\n    artifact: model.onnx\n    label: y\n    data:\n      train: ${reference}\n      holdout: ${reference}\n`);
  const git = createGit(dir);
  await git.run(["init", "--quiet"]);
}

async function driftInProcess(dir: string, current: string): Promise<{ ms: number; code: number }> {
  const run = await timed(() => runCli(["drift", "--current", current, "--json"], { stdout: () => {}, stderr: () => {} }, process.env, dir));
  return { ms: run.ms, code: run.value };
}

const root = await mkdtemp(join(tmpdir(), "mk-bench-drift-"));
console.log(`machine: ${machineLine()}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
try {
  // a. 1M vs 1M, 5 columns, against pandas.read_csv + scipy ks_2samp.
  const a = join(root, "a");
  await spawnSync("mkdir", ["-p", a]);
  await writeCsv(join(a, "reference.csv"), 1_000_000, 4, 1, 1);
  await writeCsv(join(a, "current.csv"), 1_000_000, 4, 1, 2, 0.05);
  await repoWith(a, "reference.csv");
  const ours = await driftInProcess(a, "current.csv");
  const python = spawnSync(
    "/usr/bin/python3",
    [
      "-c",
      [
        "import time, pandas as pd",
        "from scipy.stats import ks_2samp",
        "t = time.perf_counter()",
        `r = pd.read_csv(${JSON.stringify(join(a, "reference.csv"))}); c = pd.read_csv(${JSON.stringify(join(a, "current.csv"))})`,
        "for col in ['x0', 'x1', 'x2', 'x3']: ks_2samp(r[col].to_numpy(), c[col].to_numpy())",
        "print(time.perf_counter() - t)",
      ].join("\n"),
    ],
    { encoding: "utf8", env: { ...process.env, OPENBLAS_CORETYPE: "", OPENBLAS_L2_SIZE: "" } },
  );
  const baseline = python.status === 0 ? Number(python.stdout.trim()) * 1000 : NaN;
  console.log(`a. 1M vs 1M rows, 4 numeric + 1 categorical, CSV in, every test out: drift ${ours.ms.toFixed(0)} ms (exit ${ours.code}); pandas.read_csv x2 + ks_2samp x4 ${python.status === 0 ? `${baseline.toFixed(0)} ms` : `not run (${python.stderr.trim().split("\n").at(-1)})`}`);
  if (python.status === 0) console.log(`   ratio drift / baseline = ${(ours.ms / baseline).toFixed(2)} (target <= 1.0)`);

  // b. 1M x 100 columns on both sides.
  const b = join(root, "b");
  spawnSync("mkdir", ["-p", b]);
  await writeCsv(join(b, "reference.csv"), 1_000_000, 80, 20, 3);
  await writeCsv(join(b, "current.csv"), 1_000_000, 80, 20, 4, 0.05);
  await repoWith(b, "reference.csv");
  await rm(join(a, "reference.csv"));
  const wide = await driftInProcess(b, "current.csv");
  console.log(`b. 1M vs 1M rows x 100 columns (80 numeric, 20 categorical): drift ${(wide.ms / 1000).toFixed(1)} s (exit ${wide.code}; target < 60 s)`);
  await rm(b, { recursive: true, force: true });

  // c. A 10M-row window against a 100k-row reference: peak memory of a drift process.
  const c = join(root, "c");
  spawnSync("mkdir", ["-p", c]);
  await writeCsv(join(c, "reference.csv"), 100_000, 4, 1, 5);
  await writeCsv(join(c, "window.csv"), 10_000_000, 4, 1, 6);
  await repoWith(c, "reference.csv");
  const started = Date.now();
  const child = spawnSync(process.execPath, ["--import", join(projectRoot, "bench/support/peak-rss.mjs"), join(projectRoot, "bin/modelkeeper.js"), "drift", "--current", "window.csv", "--json"], { cwd: c, encoding: "utf8", maxBuffer: 64 << 20 });
  const peakKb = Number(/PEAK_RSS_KB=(\d+)/.exec(child.stderr)?.[1]);
  console.log(`c. 10M-row window (5 columns) vs 100k reference: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${child.status}, peak RSS ${(peakKb / 1024).toFixed(0)} MB (target < 1024 MB)`);
} finally {
  await rm(root, { recursive: true, force: true });
}
