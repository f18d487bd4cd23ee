// Benchmark of the drift command end to end (issue 4): CSV in, every test out.
//   a. 1,000,000 reference vs 1,000,000 current rows, 4 numeric + 1 categorical column: the shipped
//      CLI (dist/cli.js, a new process) against bench/peers/drift_pandas.py, which computes the same
//      tests (KS, Wasserstein and its noise floor, PSI, chi-squared, Jensen-Shannon, Fisher, BH),
//      alternated in the same run (issue 17: an equal-work baseline);
//   b. 1,000,000 x 100 columns on both sides (target: under 60 s);
//   c. a 10,000,000-row window against a 100,000-row reference: peak memory (target: under 1 GB).
// The model is a real ONNX logistic regression over the four first numeric columns, so the command
// also scores both sides and tests prediction drift (score and class); (a) and (c) are also run
// with the artifact removed (input drift only), the work the baseline does. Needs dist/ current
// (npm run bundle).
// Run: npm run bench -- drift-command (node --import tsx bench/drift-command.ts --only-a: part a alone)
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run-cli.ts";
import { createGit } from "../src/git/git.ts";
import { exportBinaryLogisticRegression } from "../src/model/export/logistic-regression.ts";
import { machineLine, bestOf } from "./support/machine.ts";
import { seededRandom as prng } from "../test/support/seeded-random.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const CATEGORIES = ["grocery", "fuel", "travel", "electronics", "online", "restaurants", "retail", "utilities"];
const MODEL_FEATURES = ["x0", "x1", "x2", "x3"];

function columnNames(numeric: number, categorical: number): string[] {
  return [
    ...Array.from({ length: numeric }, (_, i) => `x${i}`),
    ...Array.from({ length: categorical }, (_, i) => `c${i}`),
  ];
}

/** Writes rows × (numeric + categorical) columns; `shift` moves the mean of x0 (in sd). */
async function writeCsv(
  path: string,
  rows: number,
  numeric: number,
  categorical: number,
  seed: number,
  shift = 0,
): Promise<void> {
  const random = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const out = createWriteStream(path);
  let chunk = columnNames(numeric, categorical).join(",") + "\n";
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

/** A git repository whose model is an ONNX logistic regression over x0..x3; drift monitors every column. */
async function repoWith(dir: string, numeric: number, categorical: number): Promise<void> {
  const monitored = columnNames(numeric, categorical);
  await writeFile(
    join(dir, "modelkeeper.yml"),
    [
      "models:",
      "  m:",
      "    task: binary",
      "    artifact: model.onnx",
      "    label: y",
      `    features: [${MODEL_FEATURES.join(", ")}]`,
      "    data:",
      "      train: reference.csv",
      "      holdout: reference.csv",
      "    drift:",
      `      features: [${monitored.join(", ")}]`,
      "",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "model.onnx"),
    exportBinaryLogisticRegression({ featureNames: MODEL_FEATURES, weights: [1, -0.5, 0.25, 0.8], intercept: -0.2 }),
  );
  await createGit(dir).run(["init", "--quiet"]);
}

interface DriftRun {
  ms: number;
  /** CPU time of the whole process (all threads) over the wall time of the best run: cores busy. */
  cores: number;
  code: number;
  columns: number;
  predictionColumns: number;
}

/** The drift command in this process (best of `runs`), with what its JSON says it tested. */
async function driftInProcess(dir: string, current: string, runs = 1): Promise<DriftRun> {
  let json = "";
  const run = await bestOf(runs, async () => {
    json = "";
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const code = await runCli(
      ["drift", "--current", current, "--json"],
      { stdout: (text: string) => void (json += text), stderr: () => {} },
      process.env,
      dir,
    );
    const used = process.cpuUsage(cpu);
    return { code, cores: (used.user + used.system) / 1000 / (performance.now() - wall), json };
  });
  const assessment = JSON.parse(run.value.json).models[0].assessment as { columns: { role: string }[] };
  return {
    ms: run.ms,
    cores: run.value.cores,
    code: run.value.code,
    columns: assessment.columns.length,
    predictionColumns: assessment.columns.filter((c) => c.role === "prediction").length,
  };
}

/** The drift command as a child process, for its peak resident memory. */
function driftChild(
  dir: string,
  current: string,
): { seconds: number; code: number | null; peakMb: number; tested: string } {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      join(projectRoot, "bench/support/peak-rss.mjs"),
      join(projectRoot, "bin/modelkeeper.js"),
      "drift",
      "--current",
      current,
      "--json",
    ],
    { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  const seconds = (Date.now() - started) / 1000;
  const peakMb = Number(/PEAK_RSS_KB=(\d+)/.exec(child.stderr)?.[1]) / 1024;
  let tested = child.stderr.trim().split("\n").at(-2) ?? "";
  try {
    const columns = JSON.parse(child.stdout).models[0].assessment.columns as { role: string }[];
    tested = `${columns.length} columns tested, ${columns.filter((c) => c.role === "prediction").length} of them prediction`;
  } catch {
    // The message above (the last stderr line before the peak) says why it failed.
  }
  return { seconds, code: child.status, peakMb, tested };
}

/** Wall time of dist/cli.js's drift as a new process, the way users run it. */
function shippedDrift(dir: string, current: string): number {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [join(projectRoot, "bin/modelkeeper.js"), "drift", "--current", current, "--json"],
    { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (child.status !== 0 && child.status !== 1) throw new Error(`drift failed: ${child.stderr}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const describe = (r: DriftRun) =>
  `${r.ms.toFixed(0)} ms (exit ${r.code}; ${r.cores.toFixed(2)} cores busy; ${r.columns} columns tested, ${r.predictionColumns} of them prediction)`;

const root = await mkdtemp(join(tmpdir(), "mk-bench-drift-"));
console.log(`machine: ${machineLine()}; load average ${load()}`);
try {
  // a. 1M vs 1M, 5 columns, against pandas.read_csv + scipy ks_2samp.
  const a = join(root, "a");
  await mkdir(a);
  await writeCsv(join(a, "reference.csv"), 1_000_000, 4, 1, 1);
  await writeCsv(join(a, "current.csv"), 1_000_000, 4, 1, 2, 0.05);
  await repoWith(a, 4, 1);
  console.log(`a. load average ${load()}`);
  // The shipped CLI (dist/, as users run it) as a new process, alternated with the equal-work
  // pandas + scipy peer (bench/peers/drift_pandas.py: the same tests, the BH family), 5 times each.
  const peer = join(projectRoot, "bench/peers/drift_pandas.py");
  const cli: number[] = [];
  const cliModel: number[] = [];
  const python: number[] = [];
  const loads: string[] = [];
  let statistics = "";
  for (let run = 0; run < 5; run++) {
    loads.push(load());
    await rename(join(a, "model.onnx"), join(a, "model.onnx.off"));
    cli.push(shippedDrift(a, "current.csv"));
    await rename(join(a, "model.onnx.off"), join(a, "model.onnx"));
    cliModel.push(shippedDrift(a, "current.csv"));
    const started = performance.now();
    const child = spawnSync("/usr/bin/python3", [peer, join(a, "reference.csv"), join(a, "current.csv")], {
      encoding: "utf8",
    });
    python.push(child.status === 0 ? performance.now() - started : NaN);
    statistics = child.status === 0 ? child.stdout.trim().split("\n").at(-1)! : child.stderr.trim().split("\n").at(-1)!;
  }
  const cores = await driftInProcess(a, "current.csv");
  console.log(
    "a. 1M vs 1M rows, 4 numeric + 1 categorical, CSV in, every test out; new processes, alternated, 5 runs each:",
  );
  console.log(`   drift (dist/cli.js), input only:     ${spread(cli)}`);
  console.log(`   drift (dist/cli.js), with the model: ${spread(cliModel)}`);
  console.log(`   pandas + scipy, the same tests:      ${spread(python)}`);
  console.log(
    `   ratio of medians drift / peer: input only ${(median(cli) / median(python)).toFixed(2)}, with model ${(median(cliModel) / median(python)).toFixed(2)} (target <= 0.80)`,
  );
  console.log(`   in process, with the model: ${describe(cores)}; load averages per round: ${loads.join(" | ")}`);
  console.log(`   peer's statistics (KS, Wasserstein, noise, PSI, chi2, JS, BH): ${statistics}`);
  await rm(a, { recursive: true, force: true });
  if (process.argv.includes("--only-a")) process.exit(0);

  // b. 1M x 100 columns on both sides.
  const b = join(root, "b");
  await mkdir(b);
  await writeCsv(join(b, "reference.csv"), 1_000_000, 80, 20, 3);
  await writeCsv(join(b, "current.csv"), 1_000_000, 80, 20, 4, 0.05);
  await repoWith(b, 80, 20);
  console.log(`b. load average ${load()}`);
  const wide = await driftInProcess(b, "current.csv");
  console.log(
    `b. 1M vs 1M rows x 100 columns (80 numeric, 20 categorical), with the ONNX model: ${(wide.ms / 1000).toFixed(1)} s (exit ${wide.code}; ${wide.cores.toFixed(2)} cores busy; ${wide.columns} columns tested; target < 60 s)`,
  );
  await rm(b, { recursive: true, force: true });

  // c. A 10M-row window against a 100k-row reference: peak memory of a drift process.
  const c = join(root, "c");
  await mkdir(c);
  await writeCsv(join(c, "reference.csv"), 100_000, 4, 1, 5);
  await writeCsv(join(c, "window.csv"), 10_000_000, 4, 1, 6);
  await repoWith(c, 4, 1);
  console.log(`c. load average ${load()}`);
  const scored = driftChild(c, "window.csv");
  await rename(join(c, "model.onnx"), join(c, "model.onnx.off"));
  const unscored = driftChild(c, "window.csv");
  console.log(
    "c. 10M-row window (5 columns) vs 100k reference, drift as a child process (target: peak RSS < 1024 MB):",
  );
  console.log(
    `   with the ONNX model: ${scored.seconds.toFixed(1)} s, exit ${scored.code}, peak RSS ${scored.peakMb.toFixed(0)} MB; ${scored.tested}`,
  );
  console.log(
    `   input only:          ${unscored.seconds.toFixed(1)} s, exit ${unscored.code}, peak RSS ${unscored.peakMb.toFixed(0)} MB; ${unscored.tested}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
