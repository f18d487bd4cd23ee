// Benchmark of the whole evaluate command as users run it (issue 17 items 1 and 2): the shipped
// entry point (bin/modelkeeper.js, which loads dist/cli.js) as a new process on a binary held-out
// CSV of N rows, two ONNX logistic regressions, 2,000-resample paired bootstrap, against the
// numpy peer bench/peers/evaluate_numpy.py (pandas, scikit-learn metrics, a vectorised multinomial
// paired bootstrap) on the same file, alternated in this run. Prints medians with min-max, the
// ratio, and the CLI's time at 4 x N against its time at N.
// Goals: CLI at N = 1M at most 0.075x the peer; CLI at 4M at most 4.4x the CLI at 1M.
// Run: npm run bench -- evaluate-command   (or node --import tsx bench/evaluate-command.ts [rows] [runs])
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGit } from "../src/git/git.ts";
import { exportBinaryLogisticRegression } from "../src/model/export/logistic-regression.ts";
import { machineLine } from "./support/machine.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const FEATURES = ["x0", "x1", "x2", "x3"];
// the same weights as bench/peers/evaluate_numpy.py
const CHAMPION = { weights: [1.0, -0.5, 0.25, 0.8], intercept: -0.2 };
const CHALLENGER = { weights: [1.1, -0.45, 0.3, 0.75], intercept: -0.15 };

const GENERATE = [
  "import sys, numpy as np, pandas as pd",
  "n = int(sys.argv[2]); rng = np.random.default_rng(7)",
  "y = (rng.random(n) < 0.3).astype(int)",
  "x = rng.normal(size=(n, 4)) + np.outer(y, [0.6, -0.3, 0.2, 0.4])",
  "frame = pd.DataFrame({f'x{j}': x[:, j].round(5) for j in range(4)}); frame['y'] = y",
  "frame.to_csv(sys.argv[1], index=False)",
].join("\n");

async function repoWith(dir: string, holdoutRows: number): Promise<void> {
  await writeFile(
    join(dir, "modelkeeper.yml"),
    [
      "models:",
      "  m:",
      "    task: binary",
      "    artifact: challenger.onnx",
      "    label: y",
      `    features: [${FEATURES.join(", ")}]`,
      "    data:",
      "      train: holdout.csv",
      "      holdout: holdout.csv",
      "    evaluate:",
      "      resamples: 2000",
      "",
    ].join("\n"),
  );
  await writeFile(join(dir, "champion.onnx"), exportBinaryLogisticRegression({ featureNames: FEATURES, ...CHAMPION }));
  await writeFile(
    join(dir, "challenger.onnx"),
    exportBinaryLogisticRegression({ featureNames: FEATURES, ...CHALLENGER }),
  );
  const made = spawnSync("/usr/bin/python3", ["-c", GENERATE, join(dir, "holdout.csv"), String(holdoutRows)], {
    encoding: "utf8",
  });
  if (made.status !== 0) throw new Error(`generating the held-out set failed: ${made.stderr}`);
  const git = createGit(dir);
  await git.run(["init", "--quiet"]);
  await git.run(["add", "modelkeeper.yml", "champion.onnx", "challenger.onnx"]);
  await git.run(["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "--quiet", "-m", "models"]);
}

interface Timed {
  seconds: number;
  detail: string;
}

function cli(dir: string): Timed {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      join(projectRoot, "bin/modelkeeper.js"),
      "evaluate",
      "--champion",
      "champion.onnx",
      "--challenger",
      "challenger.onnx",
      "--no-comment",
      "--result-file",
      "result.json",
    ],
    { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`evaluate exited ${child.status}: ${child.stderr.slice(-2000)}`);
  return { seconds, detail: `exit ${child.status}` };
}

function peer(dir: string): Timed {
  const started = performance.now();
  const child = spawnSync(
    "/usr/bin/python3",
    [join(projectRoot, "bench/peers/evaluate_numpy.py"), join(dir, "holdout.csv"), "2000", "1"],
    { encoding: "utf8" },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`the numpy peer failed: ${child.stderr.slice(-2000)}`);
  const result = JSON.parse(child.stdout) as { delta: number; ciLow: number; ciHigh: number };
  return {
    seconds,
    detail: `delta ${result.delta.toFixed(5)} [${result.ciLow.toFixed(5)}, ${result.ciHigh.toFixed(5)}]`,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) =>
  `median ${median(xs).toFixed(2)} s (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}, ${xs.length} runs)`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const root = await mkdtemp(join(tmpdir(), "mk-bench-evaluate-command-"));
console.log(`machine: ${machineLine()}; load average ${load()}`);
try {
  const small = join(root, "n");
  const large = join(root, "4n");
  await mkdir(small);
  await mkdir(large);
  await repoWith(small, rows);
  await repoWith(large, 4 * rows);
  const cliTimes: number[] = [];
  const peerTimes: number[] = [];
  const cliLargeTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const c = cli(small);
    const p = peer(small);
    const l = cli(large);
    cliTimes.push(c.seconds);
    peerTimes.push(p.seconds);
    cliLargeTimes.push(l.seconds);
    console.log(
      `run ${run + 1}: CLI ${rows} rows ${c.seconds.toFixed(2)} s (${c.detail}); numpy peer ${p.seconds.toFixed(2)} s (${p.detail}); CLI ${4 * rows} rows ${l.seconds.toFixed(2)} s; load ${load()}`,
    );
  }
  const result = JSON.parse(await readFile(join(small, "result.json"), "utf8"));
  console.log(
    `CLI result (${rows} rows): ${JSON.stringify(result.models?.[0]?.comparison ?? result.models?.[0] ?? {}).slice(0, 400)}`,
  );
  const ratio = median(cliTimes) / median(peerTimes);
  const growth = median(cliLargeTimes) / median(cliTimes);
  console.log(`evaluate CLI, ${rows} rows: ${spread(cliTimes)}`);
  console.log(`numpy peer, ${rows} rows: ${spread(peerTimes)}`);
  console.log(`evaluate CLI, ${4 * rows} rows: ${spread(cliLargeTimes)}`);
  console.log(`ratio CLI / numpy peer: ${ratio.toFixed(3)}x (goal <= 0.075x: ${ratio <= 0.075 ? "met" : "missed"})`);
  console.log(
    `growth CLI 4N / N: ${growth.toFixed(2)}x (goal <= 4.4x: ${growth <= 4.4 ? "met" : "missed"}); load average ${load()}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
