// Benchmark of drift on its DuckDB engine (issue 16 item 2): a Parquet window of MK_BENCH_ROWS rows
// (default 10,000,000; a comma-separated list runs each size in turn and prints the growth exponent,
// the log-log slope of time over rows) x 5 columns (4 numeric, 1 categorical) against a
// 100,000-row CSV reference.
//   - `modelkeeper drift --engine duckdb` from dist/ (bin/modelkeeper.js) as a new process, the way
//     users run it: wall time and peak RSS (DuckDB's memory is the process's own);
//   - the baseline in the same run: DuckDB's own exact two-sample KS query (UNION ALL both samples,
//     GROUP BY value, cumulative sums over the sorted values), written here independently of
//     src/monitor/sql/, one query per numeric column, in a new process of its own;
//   - the ratio of the two (wall time, and CPU time: user + system of every thread, which other
//     work on a shared machine disturbs less), and whether every KS statistic is identical.
// DuckDB writes the data (COPY … TO parquet) from a hash of the row number, so it is the same on
// every run; it is deleted at the end (the disk is shared). Needs dist/ current (npm run bundle).
// Run: npm run bench -- drift-duckdb   (MK_BENCH_ROWS=10000000,30000000,100000000 npm run bench -- drift-duckdb)
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { DuckDBInstance } from "@duckdb/node-api";
import { writeInputDriftRepo } from "./support/input-drift-repo.ts";
import { machineLine } from "./support/machine.ts";
import {
  bestCpuSeconds,
  bestSeconds,
  describeRuns,
  measuredChild,
  type MeasuredRun,
} from "./support/measured-child.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const SIZES = (process.env.MK_BENCH_ROWS ?? "10000000").split(",").map(Number);
const REFERENCE_ROWS = 100_000;
const NUMERIC = ["x0", "x1", "x2", "x3"];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/**
 * A SELECT of `rows` rows: x0..x3 standard normal (Box–Muller on hashes of the row number, to 4
 * decimals so values repeat as logged numbers do), x0 shifted by `shift` sd; c0 one of 8 labels.
 */
function generator(rows: number, seed: number, shift: number): string {
  const u = (k: number) => `((hash(i * 16 + ${seed * 1000 + k}) % 4503599627370496)::DOUBLE + 1) / 4503599627370497`;
  const normal = (k: number) => `sqrt(-2 * ln(${u(2 * k)})) * cos(2 * pi() * ${u(2 * k + 1)})`;
  const columns = NUMERIC.map((name, k) => `round(${normal(k)}${k === 0 ? ` + ${shift}` : ""}, 4) AS ${name}`);
  const labels = "['grocery','fuel','travel','electronics','online','restaurants','retail','utilities']";
  return `SELECT ${columns.join(", ")}, ${labels}[1 + (hash(i * 16 + ${seed * 1000 + 9}) % 8)::INTEGER] AS c0 FROM range(${rows}) AS t(i)`;
}

/** DuckDB's exact KS statistic of one column, the textbook query. */
function ksQuery(column: string, reference: string, window: string): string {
  return `
WITH u AS (
  SELECT ${column} AS v, 1 AS a, 0 AS b FROM read_csv('${reference}', header = true) WHERE ${column} IS NOT NULL
  UNION ALL
  SELECT ${column} AS v, 0 AS a, 1 AS b FROM read_parquet('${window}') WHERE ${column} IS NOT NULL
),
g AS (SELECT v, SUM(a) AS a, SUM(b) AS b FROM u GROUP BY v),
f AS (
  SELECT CAST(SUM(a) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) AS DOUBLE) / CAST(SUM(a) OVER () AS DOUBLE)
       - CAST(SUM(b) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) AS DOUBLE) / CAST(SUM(b) OVER () AS DOUBLE) AS d
  FROM g
)
SELECT MAX(ABS(d)) AS ks FROM f`;
}

type Run = MeasuredRun;

/** One window size: data written, drift and the baseline alternated, data deleted. */
async function benchSize(rows: number): Promise<{ drift: Run[]; baseline: Run[] }> {
  const root = await mkdtemp(join(tmpdir(), "mk-bench-duckdb-"));
  try {
    const reference = join(root, "reference.csv");
    const window = join(root, "window.parquet");
    const generating = performance.now();
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    await connection.run(`COPY (${generator(REFERENCE_ROWS, 1, 0)}) TO '${reference}' (HEADER)`);
    await connection.run(`COPY (${generator(rows, 2, 0.01)}) TO '${window}' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    const bytes = (await stat(window)).size;
    console.log(
      `data: ${rows.toLocaleString("en-US")}-row Parquet window (${(bytes / 2 ** 20).toFixed(0)} MiB), ${REFERENCE_ROWS.toLocaleString("en-US")}-row CSV reference, written in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );
    await writeInputDriftRepo(root, [...NUMERIC, "c0"]);

    const rounds = Number(process.env.MK_BENCH_ROUNDS ?? 2);
    const drifts: Run[] = [];
    const baselines: Run[] = [];
    const baselineScript = join(root, "ks-baseline.mjs");
    await writeFile(
      baselineScript,
      [
        `import duckdb from ${JSON.stringify(createRequire(import.meta.url).resolve("@duckdb/node-api"))};`,
        "const { DuckDBInstance } = duckdb;",
        "const db = await DuckDBInstance.create(':memory:');",
        "const c = await db.connect();",
        "const out = {};",
        ...NUMERIC.map(
          (column) =>
            `out.${column} = (await c.runAndReadAll(${JSON.stringify(ksQuery(column, reference, window))})).getRowObjectsJS()[0].ks;`,
        ),
        "console.log(JSON.stringify(out));",
      ].join("\n"),
    );
    // Alternated, so load from other work on the machine falls on both alike.
    for (let round = 0; round < rounds; round++) {
      console.log(`round ${round + 1}: load average ${load()}`);
      drifts.push(
        measuredChild(
          [join(projectRoot, "bin/modelkeeper.js"), "drift", "--current", window, "--engine", "duckdb", "--json"],
          root,
        ),
      );
      baselines.push(measuredChild([baselineScript], root));
    }
    for (const run of [...drifts, ...baselines])
      if (run.code !== 0 && run.code !== 1) throw new Error(`a run failed (exit ${run.code}):\n${run.stderr}`);
    const report = JSON.parse(drifts.at(-1)!.stdout);
    const columns = report.models[0].assessment.columns as any[];
    const baselineKs = JSON.parse(baselines.at(-1)!.stdout) as Record<string, number>;
    const same = NUMERIC.map((name) => {
      const ours = columns.find((c) => c.name === name)?.significance?.statistic;
      return `${name} ${ours === baselineKs[name] ? "identical" : `DIFFERS (drift ${ours}, duckdb ${baselineKs[name]})`} (${ours})`;
    });
    console.log(
      `${rows.toLocaleString("en-US")} rows x 5 columns (Parquet) vs ${REFERENCE_ROWS.toLocaleString("en-US")} reference rows, new processes, ${rounds} alternated rounds:`,
    );
    console.log(
      `   modelkeeper drift --engine duckdb (dist/, every test on 5 columns, exit ${drifts.at(-1)!.code}): ${describeRuns(drifts)}`,
    );
    console.log(`   DuckDB's own exact KS query, 4 numeric columns:  ${describeRuns(baselines)}`);
    console.log(
      `   ratio drift / baseline: wall ${(bestSeconds(drifts) / bestSeconds(baselines)).toFixed(2)} (best times; target <= 1.5), CPU ${(bestCpuSeconds(drifts) / bestCpuSeconds(baselines)).toFixed(2)}`,
    );
    console.log(`   KS statistics: ${same.join("; ")}`);
    console.log(
      `   drifted: ${report.drifted} (${report.models[0].assessment.driftedColumns.join(", ") || "none"}); load average ${load()}`,
    );
    return { drift: drifts, baseline: baselines };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

console.log(`machine: ${machineLine()}; load average ${load()}`);
const results: { rows: number; drift: Run[]; baseline: Run[] }[] = [];
for (const rows of SIZES) results.push({ rows, ...(await benchSize(rows)) });
if (results.length > 1) {
  /** Least-squares slope of log(seconds) on log(rows). */
  const slope = (pick: (r: (typeof results)[number]) => number) => {
    const xs = results.map((r) => Math.log(r.rows));
    const ys = results.map((r) => Math.log(pick(r)));
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    return sxy / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  };
  const sizes = results.map((r) => `${r.rows / 1e6}M`).join(", ");
  console.log(`growth exponent over ${sizes} rows (log-log slope of the best times; 1 is linear):`);
  console.log(
    `   drift --engine duckdb: wall ${slope((r) => bestSeconds(r.drift)).toFixed(2)}, CPU ${slope((r) => bestCpuSeconds(r.drift)).toFixed(2)}`,
  );
  console.log(
    `   DuckDB's KS query:     wall ${slope((r) => bestSeconds(r.baseline)).toFixed(2)}, CPU ${slope((r) => bestCpuSeconds(r.baseline)).toFixed(2)}`,
  );
}
