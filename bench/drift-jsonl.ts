// Benchmark of drift over a day of rotated JSON Lines logs (issue 16, "20 million rows x 20
// columns as rotated JSON Lines"): MK_BENCH_ROWS rows (default 20,000,000) x 20 columns (19 numeric,
// 1 categorical) in MK_BENCH_FILES files (default 24, an hour each), against a 100,000-row CSV
// reference, as new processes from dist/ (bin/modelkeeper.js), the way users run them:
//   - `drift --engine duckdb`: DuckDB parses the files once into a temporary Parquet file and runs
//     the statistics' SQL on it (src/monitor/duckdb-window.ts);
//   - the baseline in the same run, today's default path for such files: `drift --engine js`,
//     which reads the window into columns in this process (MK_BENCH_JS=0 skips it);
// wall and CPU time, peak RSS (DuckDB's memory is the process's own; target <= 2 GiB), and whether
// both engines give every column the same KS statistic and decision. DuckDB writes the data from a
// hash of the row number (the same on every run); it is deleted at the end: the disk is shared.
// Needs dist/ current (npm run bundle). Run: npm run bench -- drift-jsonl
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { writeInputDriftRepo } from "./support/input-drift-repo.ts";
import { machineLine } from "./support/machine.ts";
import { bestSeconds, describeRuns, measuredChild, peakMb, type MeasuredRun } from "./support/measured-child.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const ROWS = Number(process.env.MK_BENCH_ROWS ?? 20_000_000);
const FILES = Number(process.env.MK_BENCH_FILES ?? 24);
const WITH_JS = process.env.MK_BENCH_JS !== "0";
const REFERENCE_ROWS = 100_000;
const NUMERIC = Array.from({ length: 19 }, (_, k) => `x${k}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Rows [from, from + rows): x0..x18 standard normal to 4 decimals (x0 shifted by `shift` sd), c0 one of 8 labels. */
function generator(from: number, rows: number, seed: number, shift: number): string {
  const u = (k: number) => `((hash(i * 64 + ${seed * 1000 + k}) % 4503599627370496)::DOUBLE + 1) / 4503599627370497`;
  const normal = (k: number) => `sqrt(-2 * ln(${u(2 * k)})) * cos(2 * pi() * ${u(2 * k + 1)})`;
  const columns = NUMERIC.map((name, k) => `round(${normal(k)}${k === 0 ? ` + ${shift}` : ""}, 4) AS ${name}`);
  const labels = "['grocery','fuel','travel','electronics','online','restaurants','retail','utilities']";
  return `SELECT ${columns.join(", ")}, ${labels}[1 + (hash(i * 64 + ${seed * 1000 + 63}) % 8)::INTEGER] AS c0 FROM range(${from}, ${from + rows}) AS t(i)`;
}

/** Per column: its KS statistic and whether it drifted, from a drift --json report. */
function columnsOf(run: MeasuredRun): Map<string, string> {
  if (run.code !== 0 && run.code !== 1) throw new Error(`drift failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  const report = JSON.parse(run.stdout);
  return new Map(
    (report.models[0].assessment.columns as any[]).map((c) => [c.name, `${c.significance?.statistic} ${c.drifted}`]),
  );
}

console.log(`machine: ${machineLine()}; load average ${load()}`);
const root = await mkdtemp(join(tmpdir(), "mk-bench-jsonl-"));
try {
  const generating = performance.now();
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  await connection.run(`COPY (${generator(0, REFERENCE_ROWS, 1, 0)}) TO '${join(root, "reference.csv")}' (HEADER)`);
  await connection.run("SET preserve_insertion_order = false");
  await mkdir(join(root, "logs"));
  const perFile = Math.ceil(ROWS / FILES);
  for (let f = 0; f * perFile < ROWS; f++) {
    const path = join(root, "logs", `predictions-${String(f).padStart(2, "0")}.jsonl`);
    await connection.run(
      `COPY (${generator(f * perFile, Math.min(perFile, ROWS - f * perFile), 2, 0.02)}) TO '${path}' (FORMAT json)`,
    );
  }
  connection.closeSync();
  db.closeSync();
  let bytes = 0;
  const files = await readdir(join(root, "logs"));
  for (const f of files) bytes += (await stat(join(root, "logs", f))).size;
  console.log(
    `data: ${ROWS.toLocaleString("en-US")} rows x 20 columns in ${files.length} JSON Lines files (${(bytes / 2 ** 30).toFixed(2)} GiB), ${REFERENCE_ROWS.toLocaleString("en-US")}-row CSV reference, written in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );
  await writeInputDriftRepo(root, [...NUMERIC, "c0"]);
  const drift = (engine: string) =>
    measuredChild(
      [join(projectRoot, "bin/modelkeeper.js"), "drift", "--current", "logs/*.jsonl", "--engine", engine, "--json"],
      root,
    );
  const rounds = Number(process.env.MK_BENCH_ROUNDS ?? 1);
  const duckdb: MeasuredRun[] = [];
  const js: MeasuredRun[] = [];
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1}: load average ${load()}`);
    duckdb.push(drift("duckdb"));
    if (WITH_JS) js.push(drift("js"));
  }
  console.log(`${ROWS.toLocaleString("en-US")} rows x 20 columns, rotated JSON Lines, new processes:`);
  console.log(`   drift --engine duckdb: ${describeRuns(duckdb)} (target: peak <= 2 GiB)`);
  const staged = /parsed the window's .* in [\d.]+ s/.exec(duckdb.at(-1)!.stderr)?.[0];
  if (staged) console.log(`      ${staged}`);
  const ours = columnsOf(duckdb.at(-1)!);
  if (WITH_JS) {
    console.log(`   drift --engine js (baseline, the window read into columns): ${describeRuns(js)}`);
    const theirs = columnsOf(js.at(-1)!);
    const differing = [...ours].filter(([name, value]) => theirs.get(name) !== value).map(([name]) => name);
    console.log(
      `   ratio duckdb / js: wall ${(bestSeconds(duckdb) / bestSeconds(js)).toFixed(2)}, peak RSS ${(peakMb(duckdb) / peakMb(js)).toFixed(2)}`,
    );
    console.log(
      `   KS statistic and decision per column: ${differing.length ? `DIFFER on ${differing.join(", ")}` : `identical on all ${ours.size}`}`,
    );
  }
  console.log(`load average at the end ${load()}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
