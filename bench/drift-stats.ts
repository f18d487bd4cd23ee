/**
 * Benchmark of the drift statistics on 1,000,000 reference rows against 1,000,000 current rows
 * (4 numeric columns + 1 categorical, generated in memory from a fixed seed), with scipy's
 * ks_2samp timed on the same four numeric column pairs in the same run for comparison.
 *
 *   node --import tsx bench/drift-stats.ts [--rows N]
 *
 * Needs /usr/bin/python3 with numpy and scipy for the comparison (skipped with a note if absent).
 * Timings include sorting: the columns are generated in random order, as a CSV reader delivers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { CategoricalColumn, NumericColumn, Table } from "../src/data/table.ts";
import { assessDrift } from "../src/stats/drift/assess-drift.ts";
import { categoricalSignificance } from "../src/stats/drift/categorical-significance.ts";
import { alignCategories } from "../src/stats/drift/categorical-counts.ts";
import { summarizeCategorical, summarizeNumeric } from "../src/stats/drift/column-summary.ts";
import { fisherExactTwoSided } from "../src/stats/tests/fisher-exact.ts";
import { jensenShannonDistance } from "../src/stats/drift/jensen-shannon.ts";
import { ksTwoSample } from "../src/stats/tests/ks-two-sample.ts";
import { binCountsSorted, populationStabilityIndex, psiBinEdges } from "../src/stats/drift/psi.ts";
import { wassersteinDistance } from "../src/stats/drift/wasserstein.ts";
import { seededRandom } from "../test/support/seeded-random.ts";

const rowsArgument = process.argv.indexOf("--rows");
const rows = rowsArgument > 0 ? Number(process.argv[rowsArgument + 1]) : 1_000_000;

function normal(random: () => number): number {
  // Box-Muller, one value per call.
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function makeTable(random: () => number, source: string, shift: number): Table {
  const numeric = (name: string, draw: () => number): NumericColumn => {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = draw();
    return { kind: "numeric", name, values };
  };
  const columns = [
    numeric("normal", () => normal(random) + shift),
    numeric("amount", () => 250 + 40 * normal(random)),
    numeric("lognormal", () => Math.exp(normal(random) + shift / 2)),
    numeric("hour", () => (random() < 0.02 ? NaN : Math.floor(24 * random()))),
  ];
  const categories = ["a", "b", "c", "d", "e", "f", "g", "h"];
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const u = random();
    codes[i] = u < 0.01 ? -1 : Math.min(7, Math.floor(-Math.log(1 - u) * (2 + shift)));
  }
  const categorical: CategoricalColumn = { kind: "categorical", name: "segment", codes, categories };
  return { source, rowCount: rows, columns: [...columns, categorical] };
}

function time<T>(label: string, action: () => T, results: Map<string, number>): T {
  const start = performance.now();
  const value = action();
  results.set(label, performance.now() - start);
  return value;
}

function machineDescription(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? "unknown CPU"} x ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

const random = seededRandom(20240611);
const reference = makeTable(random, "reference", 0);
const current = makeTable(random, "current", 0.02);
const timings = new Map<string, number>();
const ksResults: { column: string; statistic: number; pValue: number; ms: number }[] = [];

console.log(
  `drift statistics: ${rows.toLocaleString("en")} vs ${rows.toLocaleString("en")} rows, 4 numeric + 1 categorical column`,
);
console.log(`machine: ${machineDescription()}`);

const numericNames = ["normal", "amount", "lognormal", "hour"];
const present = (column: NumericColumn) => column.values.filter((v) => !Number.isNaN(v));
for (const name of numericNames) {
  const a = present(reference.columns.find((c) => c.name === name) as NumericColumn);
  const b = present(current.columns.find((c) => c.name === name) as NumericColumn);
  const ks = time(`ks ${name}`, () => ksTwoSample(a, b), timings);
  ksResults.push({ column: name, statistic: ks.statistic, pValue: ks.pValue, ms: timings.get(`ks ${name}`)! });
  time(`wasserstein ${name}`, () => wassersteinDistance(a, b), timings);
  time(
    `psi ${name}`,
    () => {
      const sortedA = Float64Array.from(a).sort();
      const edges = psiBinEdges(sortedA);
      return populationStabilityIndex(
        binCountsSorted(sortedA, edges),
        binCountsSorted(Float64Array.from(b).sort(), edges),
      );
    },
    timings,
  );
  time(
    `missing (Fisher) ${name}`,
    () => {
      const missingA = rows - a.length;
      const missingB = rows - b.length;
      return fisherExactTwoSided(missingA, a.length, missingB, b.length);
    },
    timings,
  );
}
const segmentReference = time(
  "categorical counts (both)",
  () => summarizeCategorical(reference.columns[4] as CategoricalColumn),
  timings,
);
const segmentCurrent = summarizeCategorical(current.columns[4] as CategoricalColumn);
time("chi2 segment", () => categoricalSignificance(segmentReference, segmentCurrent), timings);
time(
  "jensenshannon segment",
  () => {
    const aligned = alignCategories(segmentReference, segmentCurrent);
    return jensenShannonDistance(aligned.reference, aligned.current);
  },
  timings,
);
time(
  "psi segment",
  () => {
    const aligned = alignCategories(segmentReference, segmentCurrent);
    return populationStabilityIndex(aligned.reference, aligned.current);
  },
  timings,
);
time(
  "summarize numeric column (copy, sort, moments, PSI bins)",
  () => summarizeNumeric(reference.columns[0] as NumericColumn, { psiBins: 10 }),
  timings,
);
const assessment = time(
  "assessDrift, whole table (calibrated verdict)",
  () => assessDrift(reference, current),
  timings,
);

console.log("\nTypeScript timings (ms):");
for (const [label, ms] of timings) console.log(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(9)}`);
console.log(
  `  verdict: ${assessment.drifted ? "drift" : "no drift"} (${assessment.driftedColumns.join(", ") || "none"})`,
);

// scipy on the same data: the four numeric column pairs, written as float64 little-endian.
const directory = mkdtempSync(join(tmpdir(), "modelkeeper-drift-bench-"));
try {
  const file = join(directory, "columns.f64");
  const buffers: Buffer[] = [];
  for (const table of [reference, current]) {
    for (const name of numericNames) {
      const column = table.columns.find((c) => c.name === name) as NumericColumn;
      buffers.push(Buffer.from(column.values.buffer, column.values.byteOffset, column.values.byteLength));
    }
  }
  writeFileSync(file, Buffer.concat(buffers));
  const script = `
import json, sys, time
import numpy as np, scipy
from scipy import stats
n, names = ${rows}, ${JSON.stringify(numericNames)}
data = np.fromfile(sys.argv[1], dtype="<f8").reshape(2, len(names), n)
out = {"scipy": scipy.__version__, "numpy": np.__version__, "columns": []}
for k, name in enumerate(names):
    a = data[0, k][~np.isnan(data[0, k])]
    b = data[1, k][~np.isnan(data[1, k])]
    t = time.perf_counter(); r = stats.ks_2samp(a, b); ms = (time.perf_counter() - t) * 1000
    out["columns"].append({"column": name, "statistic": float(r.statistic), "pValue": float(r.pvalue), "ms": ms})
print(json.dumps(out))
`;
  const scipy = JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8", maxBuffer: 1 << 20 }),
  );
  console.log(`\nKS two-sample, this code vs scipy ${scipy.scipy} (numpy ${scipy.numpy}) ks_2samp on the same data:`);
  console.log(
    `  ${"column".padEnd(10)} ${"ours ms".padStart(9)} ${"scipy ms".padStart(9)} ${"ratio".padStart(7)}  same D   p (ours / scipy)`,
  );
  let oursTotal = 0;
  let scipyTotal = 0;
  for (const ours of ksResults) {
    const theirs = scipy.columns.find((c: { column: string }) => c.column === ours.column);
    oursTotal += ours.ms;
    scipyTotal += theirs.ms;
    const same = ours.statistic === theirs.statistic ? "yes" : `no (${theirs.statistic})`;
    console.log(
      `  ${ours.column.padEnd(10)} ${ours.ms.toFixed(1).padStart(9)} ${theirs.ms.toFixed(1).padStart(9)} ${(ours.ms / theirs.ms).toFixed(2).padStart(7)}  ${same.padEnd(6)} ${ours.pValue.toExponential(6)} / ${theirs.pValue.toExponential(6)}`,
    );
  }
  console.log(
    `  ${"total".padEnd(10)} ${oursTotal.toFixed(1).padStart(9)} ${scipyTotal.toFixed(1).padStart(9)} ${(oursTotal / scipyTotal).toFixed(2).padStart(7)}  (ratio = ours / scipy)`,
  );
} catch (error) {
  console.log(
    `\nscipy comparison skipped: ${(error as Error).message.split("\n")[0]} (needs /usr/bin/python3 with numpy and scipy)`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
