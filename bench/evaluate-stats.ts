// Benchmark of the evaluate gate's statistics (issue: "paired bootstrap on 1M rows"): on a seeded
// 1,000,000-row binary holdout, every binary metric for both models, a 2,000-resample paired
// bootstrap (BCa) of the ROC AUC difference, and DeLong's test. Target: under 10 s and 1.5 GB.
// Baseline named in the issue: scikit-learn's roc_auc_score, timed once on the same rows with
// /usr/bin/python3 in this run and extrapolated x 2,000 resamples.
// Run: npm run bench -- evaluate-stats   (or node --import tsx bench/evaluate-stats.ts [rows])
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { computeAllMetrics } from "../src/stats/metrics/registry.ts";
import { createPreparationCache, type BinaryPredictions } from "../src/stats/metrics/types.ts";
import { delongTest } from "../src/stats/tests/delong.ts";
import { pairedBootstrap } from "../src/stats/bootstrap/paired-bootstrap.ts";
import { bootstrapThreads } from "../src/threads/bootstrap-threads.ts";
import { createRandom } from "../src/stats/numeric/random.ts";
import { machineLine } from "./support/machine.ts";

const rows = Number(process.argv[2] ?? 1_000_000);
const resamples = 2000;
const targetSeconds = 10;
const targetMemoryMb = 1536;

/** Labels ~ Bernoulli(0.3); scores = float32 logistic of a binormal score (ONNX outputs are float32, so ties occur). */
function holdout(n: number): [BinaryPredictions, BinaryPredictions] {
  const random = createRandom(2024);
  const labels = new Float64Array(n);
  const champion = new Float64Array(n);
  const challenger = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = random.nextFloat() < 0.3 ? 1 : 0;
    labels[i] = y;
    const noise = Math.sqrt(-2 * Math.log(1 - random.nextFloat())) * Math.cos(2 * Math.PI * random.nextFloat());
    const extra = Math.sqrt(-2 * Math.log(1 - random.nextFloat())) * Math.cos(2 * Math.PI * random.nextFloat());
    champion[i] = Math.fround(1 / (1 + Math.exp(-(1.0 * y + noise - 0.5))));
    challenger[i] = Math.fround(1 / (1 + Math.exp(-(1.1 * y + 0.9 * noise + 0.45 * extra - 0.5))));
  }
  return [
    { task: "binary", labels, scores: champion, source: "champion" },
    { task: "binary", labels, scores: challenger, source: "challenger" },
  ];
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** scikit-learn's roc_auc_score on the same rows, best of 3 calls, in seconds (undefined if unavailable). */
async function sklearnRocAucSeconds(
  data: BinaryPredictions,
): Promise<{ seconds: number; auc: number; version: string } | undefined> {
  const dir = await mkdtemp(join(tmpdir(), "mk-bench-evaluate-"));
  try {
    await writeFile(join(dir, "labels.f64"), new Uint8Array(data.labels.buffer));
    await writeFile(join(dir, "scores.f64"), new Uint8Array(data.scores.buffer));
    const script = [
      "import sys, time, numpy as np, sklearn",
      "from sklearn.metrics import roc_auc_score",
      "y = np.fromfile(sys.argv[1] + '/labels.f64'); s = np.fromfile(sys.argv[1] + '/scores.f64')",
      "best = float('inf')",
      "for _ in range(3):",
      "    t = time.perf_counter(); auc = roc_auc_score(y, s); best = min(best, time.perf_counter() - t)",
      "print(best, auc, sklearn.__version__)",
    ].join("\n");
    const result = spawnSync("/usr/bin/python3", ["-c", script, dir], { encoding: "utf8" });
    if (result.status !== 0) {
      console.log(`scikit-learn baseline unavailable: ${result.stderr.trim().split("\n").pop()}`);
      return undefined;
    }
    const [time, auc, version] = result.stdout.trim().split(" ");
    return { seconds: Number(time), auc: Number(auc), version };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`machine: ${machineLine()}`);
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (other work on the machine slows every number below)`,
);
console.log(`rows: ${rows.toLocaleString("en")}, resamples: ${resamples}, threads: ${availableParallelism()}`);
const [champion, challenger] = holdout(rows);

const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const cache = createPreparationCache();
const metricsStart = process.hrtime.bigint();
const championMetrics = computeAllMetrics(champion, undefined, cache);
const challengerMetrics = computeAllMetrics(challenger, undefined, cache);
const metricsSeconds = seconds(metricsStart);
const bootstrapStart = process.hrtime.bigint();
const bootstrap = await pairedBootstrap(
  champion,
  challenger,
  { metric: "roc_auc", resamples, seed: 7, cache },
  bootstrapThreads,
);
const bootstrapSeconds = seconds(bootstrapStart);
const delongStart = process.hrtime.bigint();
const delong = delongTest(champion, challenger, { cache });
const delongSeconds = seconds(delongStart);
const totalSeconds = seconds(start);
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
const loadAtEnd = loadavg()[0];

console.log(
  `\nall binary metrics, both models: ${metricsSeconds.toFixed(2)} s (roc_auc ${championMetrics.roc_auc.value.toFixed(6)} -> ${challengerMetrics.roc_auc.value.toFixed(6)})`,
);
console.log(
  `paired bootstrap, ${resamples} resamples, BCa: ${bootstrapSeconds.toFixed(2)} s on ${bootstrap.threadsUsed} thread(s)` +
    `${bootstrap.workerError ? ` (worker failed: ${bootstrap.workerError})` : ""}: delta ${bootstrap.delta.toFixed(6)} ` +
    `[${bootstrap.ciLow.toFixed(6)}, ${bootstrap.ciHigh.toFixed(6)}], SE ${bootstrap.standardError.toExponential(3)}, jackknife ${bootstrap.jackknife}`,
);
console.log(
  `DeLong: ${delongSeconds.toFixed(2)} s: difference ${delong.difference.toFixed(6)}, z ${delong.z.toFixed(2)}, p ${delong.pValue.toExponential(3)}`,
);
console.log(
  `TOTAL: ${totalSeconds.toFixed(2)} s (target < ${targetSeconds} s: ${totalSeconds < targetSeconds ? "met" : "NOT met"}); peak RSS ${peakMb.toFixed(0)} MB (target < ${targetMemoryMb} MB: ${peakMb < targetMemoryMb ? "met" : "NOT met"})`,
);
console.log(
  `CPU time of all threads: ${cpuSeconds.toFixed(2)} s (${(cpuSeconds / totalSeconds).toFixed(2)} cores busy on average); load average at end: ${loadAtEnd.toFixed(2)}`,
);

const baseline = await sklearnRocAucSeconds(champion);
if (baseline) {
  const extrapolated = baseline.seconds * resamples;
  console.log(
    `\nbaseline: scikit-learn ${baseline.version} roc_auc_score once on the same ${rows.toLocaleString("en")} rows: ${baseline.seconds.toFixed(3)} s (AUC ${baseline.auc.toFixed(6)}, ours ${championMetrics.roc_auc.value.toFixed(6)})`,
  );
  console.log(`baseline x ${resamples} resamples (extrapolated, one model): ${extrapolated.toFixed(0)} s`);
  console.log(
    `ratio: extrapolated baseline / our bootstrap = ${(extrapolated / bootstrapSeconds).toFixed(0)}x; / our whole run = ${(extrapolated / totalSeconds).toFixed(0)}x`,
  );
}
