/**
 * Benchmark: modelkeeper's CSV reader against pandas.read_csv on the same files, in the same run.
 *
 *   node --import tsx bench/read-csv.ts [--rows 1000000] [--keep]
 *
 * Generates (seeded, so every run reads the same bytes) into a temporary directory:
 *   numeric.csv  rows × 20 numeric columns, written the way numbers usually reach a CSV: 5 integer
 *                columns (counts, ids), 10 fixed-decimal columns (1–6 decimals, measurements) and
 *                5 full-precision columns (the shortest round-trip text of a double, as pandas'
 *                to_csv writes float64), some of them in exponent form;
 *   full.csv     rows × 20 full-precision doubles (the slowest realistic case for a parser);
 *   mixed.csv    rows × (4 numeric + 1 categorical with 50 levels).
 * Each reader runs in a fresh child process, so its time covers the read alone (not start-up) and
 * its peak RSS is its own: `readTable` (two threads when the machine has a spare core), our
 * sequential reader (one thread), and pandas.read_csv with default options via /usr/bin/python3.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom as seeded } from "../test/support/seeded-random.ts";

interface Measurement {
  seconds: number;
  peakRssMb: number;
  rows: number;
}

const PYTHON = "/usr/bin/python3";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--read") return measureOurs(args[1], args[2] as "auto" | "sequential");
  const rows = Number(valueOf(args, "--rows") ?? 1_000_000);
  const keep = args.includes("--keep");

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `machine: ${cpu}, ${availableParallelism()} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, load average ${loadavg()[0].toFixed(2)}`,
  );
  const pandas = pandasVersion();
  console.log(
    pandas
      ? `pandas ${pandas} (${PYTHON})`
      : `pandas: not installed for ${PYTHON} (apt-get install -y python3-pandas); only our times are shown`,
  );

  const dir = mkdtempSync(join(tmpdir(), "modelkeeper-bench-"));
  try {
    const files = [
      {
        name: "numeric.csv",
        describe: `${rows.toLocaleString("en")} rows × 20 numeric (integers, fixed decimals, full precision)`,
        write: numericRow,
      },
      {
        name: "full.csv",
        describe: `${rows.toLocaleString("en")} rows × 20 numeric (all full-precision doubles)`,
        write: fullPrecisionRow,
      },
      {
        name: "mixed.csv",
        describe: `${rows.toLocaleString("en")} rows × (4 numeric + 1 categorical)`,
        write: mixedRow,
      },
    ];
    for (const file of files) {
      const path = join(dir, file.name);
      const header =
        file.name === "mixed.csv" ? "a,b,c,d,segment" : Array.from({ length: 20 }, (_, i) => `f${i}`).join(",");
      writeCsv(path, header, rows, file.write);
      console.log(`\n${file.name}: ${file.describe}, ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB`);
      const auto = runOurs(path, "auto");
      const sequential = runOurs(path, "sequential");
      const reference = pandas ? runPandas(path) : undefined;
      report("modelkeeper readTable", auto, reference);
      report("modelkeeper, one thread", sequential, reference);
      if (reference) report("pandas.read_csv", reference, undefined);
    }
  } finally {
    if (keep) console.log(`\nfiles kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function report(label: string, m: Measurement, reference: Measurement | undefined): void {
  const ratio = reference ? `  ${(m.seconds / reference.seconds).toFixed(2)}× pandas' time` : "";
  console.log(
    `  ${label.padEnd(26)} ${m.seconds.toFixed(2).padStart(6)} s   peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB   ${m.rows} rows${ratio}`,
  );
}

/** Child process: time one read, print a JSON measurement. */
async function measureOurs(path: string, mode: "auto" | "sequential"): Promise<void> {
  const { readTable } = await import("../src/data/read-table.ts");
  const { csvBatches } = await import("../src/data/csv-reader.ts");
  const start = performance.now();
  let rows = 0;
  if (mode === "auto") {
    rows = (await readTable(path)).rowCount;
  } else {
    for await (const batch of csvBatches(path)) rows += batch.rowCount;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, rows }));
}

function runOurs(path: string, mode: "auto" | "sequential"): Measurement {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ["--import", "tsx", self, "--read", path, mode], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`our reader failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as Measurement;
}

function runPandas(path: string): Measurement {
  const script = [
    "import json, resource, sys, time",
    "import pandas",
    "start = time.perf_counter()",
    "frame = pandas.read_csv(sys.argv[1])",
    "seconds = time.perf_counter() - start",
    "print(json.dumps({'seconds': seconds, 'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'rows': len(frame)}))",
  ].join("\n");
  const child = spawnSync(PYTHON, ["-c", script, path], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`pandas failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim()) as Measurement;
}

function pandasVersion(): string | undefined {
  const child = spawnSync(PYTHON, ["-c", "import pandas; print(pandas.__version__)"], { encoding: "utf8" });
  return child.status === 0 ? child.stdout.trim() : undefined;
}

// ------------------------------------------------------------------ seeded data

type RowWriter = (random: () => number) => string;

/** Shortest round-trip text, with Python's exponent style below 1e-4 (what pandas' to_csv writes). */
function fullPrecision(x: number): string {
  const text = String(x);
  if (Math.abs(x) < 1e-4 && x !== 0 && !text.includes("e")) return x.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return text;
}

const numericRow: RowWriter = (random) => {
  const fields: string[] = [];
  for (let c = 0; c < 5; c++) fields.push(String(Math.floor(random() * 10 ** (2 + c))));
  for (let c = 0; c < 10; c++) fields.push(((random() * 2 - 1) * 10 ** (c % 4)).toFixed(1 + (c % 6)));
  for (let c = 0; c < 5; c++) fields.push(fullPrecision((random() * 2 - 1) * 10 ** (c * 2 - 5)));
  return fields.join(",");
};

const fullPrecisionRow: RowWriter = (random) => {
  const fields: string[] = [];
  for (let c = 0; c < 20; c++) fields.push(fullPrecision((random() * 2 - 1) * 10 ** ((c % 7) - 2)));
  return fields.join(",");
};

const mixedRow: RowWriter = (random) =>
  `${Math.floor(random() * 1000)},${(random() * 100).toFixed(2)},${fullPrecision(random() - 0.5)},${(random() * 1e4).toFixed(1)},segment_${Math.floor(random() * 50)}`;

function writeCsv(path: string, header: string, rows: number, row: RowWriter): void {
  const random = seeded(20240601);
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `${header}\n`);
    let block: string[] = [];
    for (let i = 0; i < rows; i++) {
      block.push(row(random));
      if (block.length === 20_000) {
        writeSync(fd, `${block.join("\n")}\n`);
        block = [];
      }
    }
    if (block.length > 0) writeSync(fd, `${block.join("\n")}\n`);
  } finally {
    closeSync(fd);
  }
}

function valueOf(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

await main();
