// drift's two engines (src/monitor/drift-engine.ts): the same window judged by this process's
// readers (--engine js, whose statistics test/stats checks against scipy) and by DuckDB gives the
// same report, whatever the files' format; DuckDB also reads a table or query of a database file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fraudRepo, windowCsv } from "../support/fraud-repo.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { openDuckdb } from "../../src/data/duckdb.ts";
import { engineFor, windowFacts, DUCKDB_AUTO_BYTES } from "../../src/monitor/drift-engine.ts";
import { generateTransactions, toCsv, TRANSACTION_FEATURES } from "../../src/demo/transactions.ts";
import { closeModel, loadModel, predict } from "../../src/model/runner.ts";
import type { TestRepo } from "../support/git-repo.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

async function drift(repo: TestRepo, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    ["drift", ...argv],
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { ...process.env, GITHUB_TOKEN: "" },
    repo.dir,
  );
  return { code, stdout, stderr };
}

/** A window as serve logs it: the inputs and the model's own score in `prediction`. */
async function loggedWindow(repo: TestRepo, rows: number, seed: number, scenario: "baseline" | "new_scam") {
  const table = generateTransactions({ rows, seed, scenario });
  const model = await loadModel(join(repo.dir, "models/fraud.onnx"));
  try {
    const { scores } = await predict(model, table, [...TRANSACTION_FEATURES], "binary");
    return toCsv({ ...table, columns: [...table.columns, { kind: "numeric", name: "prediction", values: scores }] });
  } finally {
    await closeModel(model);
  }
}

/** The same rows as JSON Lines (numbers as numbers, the rest as text). */
function toJsonl(csv: string): string {
  const [header, ...lines] = csv.trim().split("\n");
  const names = header.split(",");
  return (
    lines
      .map((line) => {
        const cells = line.split(",");
        const row = Object.fromEntries(
          names.map((n, i) => [n, cells[i] !== "" && !isNaN(+cells[i]) ? +cells[i] : cells[i]]),
        );
        return JSON.stringify(row);
      })
      .join("\n") + "\n"
  );
}

/** CSV files copied into one Parquet file by DuckDB itself. */
async function toParquet(csvPaths: string[], parquetPath: string): Promise<void> {
  const session = await openDuckdb();
  try {
    const list = csvPaths.map((p) => `'${p.replaceAll("'", "''")}'`).join(", ");
    await session.query(`COPY (SELECT * FROM read_csv([${list}], header = true)) TO '${parquetPath}' (FORMAT parquet)`);
  } finally {
    session.close();
  }
}

/**
 * The two reports agree: the same verdicts and drifted columns, every KS statistic identical, and
 * every other number equal to 1e-12 relative (W1 adds in another order); `skip` names keys whose
 * values say where the window came from.
 */
function assertSameReport(js: any, duckdb: any, skip: readonly string[] = []): void {
  assert.equal(duckdb.drifted, js.drifted);
  for (const [i, model] of js.models.entries()) {
    assert.deepEqual(duckdb.models[i].assessment.driftedColumns, model.assessment.driftedColumns);
    for (const column of model.assessment.columns) {
      const twin = duckdb.models[i].assessment.columns.find((c: any) => c.name === column.name);
      assert.ok(twin, `duckdb reports ${column.name}`);
      if (column.significance?.test === "ks") assert.equal(twin.significance.statistic, column.significance.statistic);
    }
  }
  const walk = (a: any, b: any, path: string): void => {
    if (typeof a === "number" && typeof b === "number") {
      const scale = Math.max(1e-300, Math.abs(a), Math.abs(b));
      assert.ok(a === b || Math.abs(a - b) <= 1e-12 * scale, `${path}: js ${a}, duckdb ${b}`);
    } else if (a && typeof a === "object" && b && typeof b === "object") {
      assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), path);
      for (const key of Object.keys(a)) if (!skip.includes(key)) walk(a[key], b[key], `${path}.${key}`);
    } else assert.deepEqual(b, a, path);
  };
  walk(js, duckdb, "report");
}

async function bothEngines(repo: TestRepo, ...current: string[]) {
  const js = await drift(repo, ...current, "--engine", "js", "--json");
  const duckdb = await drift(repo, ...current, "--engine", "duckdb", "--json");
  assert.ok(js.code === 0 || js.code === 1, js.stderr);
  assert.equal(duckdb.code, js.code, duckdb.stderr);
  assert.match(duckdb.stderr, /with the duckdb engine/);
  return { js: JSON.parse(js.stdout), duckdb: JSON.parse(duckdb.stdout), duckdbLog: duckdb.stderr };
}

test("CSV, JSON Lines and Parquet windows, two files as one: js and duckdb give the same report, drift or none", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  for (const scenario of ["baseline", "new_scam"] as const) {
    const days = [await loggedWindow(repo, 1500, 8, scenario), await loggedWindow(repo, 1500, 9, scenario)];
    await repo.write(`logs/${scenario}/day-1.csv`, days[0]);
    await repo.write(`logs/${scenario}/day-2.csv`, days[1]);
    await repo.write(`jsonl/${scenario}/day-1.jsonl`, toJsonl(days[0]));
    await repo.write(`jsonl/${scenario}/day-2.jsonl`, toJsonl(days[1]));
    await toParquet(
      [1, 2].map((d) => join(repo.dir, `logs/${scenario}/day-${d}.csv`)),
      join(repo.dir, `${scenario}.parquet`),
    );
    for (const current of [`logs/${scenario}/*.csv`, `jsonl/${scenario}/*.jsonl`, `${scenario}.parquet`]) {
      const { js, duckdb, duckdbLog } = await bothEngines(repo, "--current", current);
      // Text files are parsed once into a temporary Parquet file, which is gone afterwards.
      const staged = /parsed the window's 2 text file\(s\) once, into Parquet/.test(duckdbLog);
      assert.equal(staged, !current.endsWith(".parquet"), `${current}: ${duckdbLog}`);
      assert.deepEqual(
        readdirSync(tmpdir()).filter((d) => d.startsWith(`modelkeeper-duckdb-window-${process.pid}-`)),
        [],
      );
      assert.equal(js.models[0].assessment.current.rowCount, 3000, current);
      assert.equal(js.drifted, scenario === "new_scam", `${current}: ${js.models[0].assessment.driftedColumns}`);
      assert.ok(
        js.models[0].assessment.columns.some((c: any) => c.name === "prediction: score"),
        "prediction drift from the logged prediction",
      );
      assertSameReport(js, duckdb);
    }
  }
});

test("without a usable temp folder (missing, or a path DuckDB would read as a glob) text windows are read per column: the same report", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  await repo.write("logs/day-1.csv", await loggedWindow(repo, 1200, 8, "new_scam"));
  await repo.write("logs/day-2.csv", await loggedWindow(repo, 1200, 9, "new_scam"));
  const js = JSON.parse((await drift(repo, "--current", "logs/*.csv", "--engine", "js", "--json")).stdout);
  const globby = await mkdtemp(join(tmpdir(), "mk-glob[1]-"));
  t.after(() => rm(globby, { recursive: true, force: true }));
  const saved = process.env.TMPDIR;
  for (const [temp, why] of [
    [join(repo.dir, "no-such-folder"), /no temporary folder/],
    [globby, /has glob characters/],
  ] as const) {
    process.env.TMPDIR = temp;
    try {
      const result = await drift(repo, "--current", "logs/*.csv", "--engine", "duckdb", "--json");
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /the window is read once per column/);
      assert.match(result.stderr, why);
      assertSameReport(js, JSON.parse(result.stdout));
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }
  assert.deepEqual(readdirSync(globby), [], "nothing left in the refused folder");
});

test("--current duckdb:TABLE and duckdb:SELECT read a database file: the same report as the files", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  await repo.write("logs/window.csv", await loggedWindow(repo, 2500, 8, "new_scam"));
  const database = join(repo.dir, "events.duckdb");
  // The database is made by DuckDB directly: a table with a hostile name, in a schema.
  databaseWith(join(repo.dir, "logs/window.csv"), database);
  const js = JSON.parse((await drift(repo, "--current", "logs/window.csv", "--engine", "js", "--json")).stdout);
  for (const current of ['duckdb:prod."we""ird"', `duckdb:SELECT * FROM prod."we""ird" WHERE hour >= 0`]) {
    const result = await drift(repo, "--current", current, "--duckdb-database", database, "--json");
    assert.equal(result.code, 1, result.stderr);
    assertSameReport(js, JSON.parse(result.stdout), ["current"]);
  }
  const failing = await drift(repo, "--current", "duckdb:SELECT * FROM nowhere", "--duckdb-database", database);
  assert.equal(failing.code, 2);
  assert.match(failing.stderr, /duckdb: .*nowhere/);
  const missing = await drift(repo, "--current", "duckdb:events", "--duckdb-database", join(repo.dir, "none.duckdb"));
  assert.equal(missing.code, 2, "a read-only database that does not exist is an error, not an empty one");
});

test("--print-sql prints each dialect's statements; other engines' windows and bad values are clear errors", async (t) => {
  const repo = await fraudRepo({ trainRows: 2000 });
  t.after(() => repo.cleanup());
  const printed = await drift(repo, "--current", "spark:lake.events", "--print-sql", "spark", "--json");
  assert.equal(printed.code, 0, printed.stderr);
  const { dialect, sql } = JSON.parse(printed.stdout);
  assert.equal(dialect, "spark");
  assert.match(sql[0], /^-- modelkeeper drift: model "fraud", spark SQL/);
  assert.match(sql[0], /FROM `lake`\.`events` AS w/);
  assert.match(sql[0], /-- numeric column "amount"\nSELECT 'mk[0-9a-f]{16}' AS mk_statement, q\.\* FROM \(\nWITH/);
  const unknown = await drift(repo, "--current", "logs/w.csv", "--print-sql", "oracle");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown SQL dialect "oracle"/);
  const remote = await drift(repo, "--current", "snowflake:events");
  assert.equal(remote.code, 2);
  assert.match(
    remote.stderr,
    /drift connects to no snowflake itself\. Print the SQL with --print-sql snowflake, run it there, and pass the results with --sql-results FILE/,
  );
  const orphan = await drift(repo, "--current", "logs/w.csv", "--sql-results", "r.csv");
  assert.equal(orphan.code, 2);
  assert.match(
    orphan.stderr,
    /--sql-results reads back the results of the statements --print-sql prints for --current DIALECT:TABLE/,
  );
  await repo.write("logs/w.csv", windowCsv(100, 7, "baseline"));
  const engine = await drift(repo, "--current", "logs/w.csv", "--engine", "spark");
  assert.equal(engine.code, 2);
  assert.match(engine.stderr, /--engine: "spark" is not an engine\. Use one of: auto, js, duckdb/);
});

/** A DuckDB database file holding `window.csv` as table prod."we""ird", made by DuckDB directly. */
function databaseWith(csvPath: string, database: string): void {
  execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { DuckDBInstance } from "@duckdb/node-api";
       const db = await DuckDBInstance.create(${JSON.stringify(database)});
       const c = await db.connect();
       await c.run("CREATE SCHEMA prod");
       await c.run(\`CREATE TABLE prod."we""ird" AS SELECT * FROM read_csv('${csvPath}', header = true)\`);
       c.closeSync(); db.closeSync();`,
    ],
    { cwd: projectRoot },
  );
}

/**
 * Runs each printed statement in DuckDB, as a user runs them with a warehouse's client, and saves
 * each result the way `format` says (DuckDB's own CSV with header, JSON Lines and Parquet writers).
 */
async function runStatements(
  database: string,
  statements: Array<{ id: string; kind: string; sql: string }>,
  dir: string,
  format: (kind: string) => "csv" | "json" | "parquet",
): Promise<Map<string, string>> {
  const session = await openDuckdb(database);
  const files = new Map<string, string>();
  try {
    for (const [i, statement] of statements.entries()) {
      const kind = format(statement.kind);
      const file = join(dir, `result-${i}.${kind === "json" ? "jsonl" : kind}`);
      const options = kind === "csv" ? "FORMAT csv, HEADER true" : kind === "json" ? "FORMAT json" : "FORMAT parquet";
      await session.query(`COPY (${statement.sql}) TO '${file}' (${options})`);
      files.set(statement.id, file);
    }
  } finally {
    session.close();
  }
  return files;
}

test("--sql-results: the printed statements' results, brought back as files, give the DuckDB engine's report; stale, partial, altered or foreign results are refused", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  await repo.write("logs/window.csv", windowCsv(2500, 8, "new_scam"));
  const database = join(repo.dir, "events.duckdb");
  databaseWith(join(repo.dir, "logs/window.csv"), database);
  const table = 'prod."we""ird"';
  const printed = await drift(repo, "--current", `duckdb:${table}`, "--print-sql", "duckdb", "--json");
  assert.equal(printed.code, 0, printed.stderr);
  const { statements } = JSON.parse(printed.stdout);
  assert.deepEqual(
    statements.map((s: any) => s.kind),
    ["rows", "numeric", "categorical", "numeric", "categorical", "categorical", "numeric", "numeric", "numeric"],
  );
  await repo.write("results/.keep", "");
  const results = join(repo.dir, "results");
  const files = await runStatements(database, statements, results, (kind) =>
    kind === "rows" ? "csv" : kind === "numeric" ? "json" : "parquet",
  );
  await rm(join(results, ".keep"));

  // The same window read by DuckDB here: the same verdicts, columns and numbers.
  const direct = await drift(repo, "--current", `duckdb:${table}`, "--duckdb-database", database, "--json");
  assert.equal(direct.code, 1, direct.stderr);
  const back = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "results", "--json");
  assert.equal(back.code, 1, back.stderr);
  assert.match(back.stderr, /from duckdb's results \(--sql-results\)/);
  const report = JSON.parse(back.stdout);
  assert.ok(report.models[0].assessment.driftedColumns.length > 0, "the scam window drifts");
  assertSameReport(JSON.parse(direct.stdout), report, ["predictionNote"]);
  assert.match(report.models[0].predictionNote, /came back from duckdb \(--sql-results\)/);

  // Results of another reference (an older print): the numeric statements hold the reference's
  // values, so their ids differ and none of those results is taken (the row count and category
  // counts depend on the window alone, and still match).
  await repo.write("other-reference.csv", windowCsv(3000, 99, "baseline"));
  const stale = await drift(
    repo,
    "--current",
    `duckdb:${table}`,
    "--reference",
    "other-reference.csv",
    "--sql-results",
    "results",
  );
  assert.equal(stale.code, 2, stale.stderr);
  assert.match(
    stale.stderr,
    /no results of mk[0-9a-f]{16} \(numeric column "amount"\), mk[0-9a-f]{16} \(numeric column "hour"\)/,
  );
  assert.match(stale.stderr, /results of an older print do not match/);

  // A categorical statement not run: no rows for it, while the row count says it has values.
  const categorical = statements.find((s: any) => s.column === "merchant_category");
  const categoricalFile = files.get(categorical.id)!;
  await rm(categoricalFile);
  const partial = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "results");
  assert.equal(partial.code, 2, partial.stderr);
  assert.match(
    partial.stderr,
    new RegExp(`no results of ${categorical.id} \\(categorical column "merchant_category"\\)`),
  );

  // Its result with a category left out: the counts no longer add up to the window's.
  const session = await openDuckdb(database);
  try {
    await session.query(
      `COPY (SELECT * FROM (${categorical.sql}) ORDER BY count LIMIT (SELECT COUNT(*) - 1 FROM (${categorical.sql}))) TO '${join(results, "cut.csv")}' (FORMAT csv, HEADER true)`,
    );
  } finally {
    session.close();
  }
  const altered = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "results");
  assert.equal(altered.code, 2, altered.stderr);
  assert.match(
    altered.stderr,
    /cut\.csv: statement mk[0-9a-f]{16}: the counts of column "merchant_category" add up to \d+, but the window holds \d+ of its values/,
  );
  await rm(join(results, "cut.csv"));

  // The same statement's rows in two files, and a file that is not a statement's result.
  await cp(files.get(statements[1].id)!, join(results, "again.jsonl"));
  const twice = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "results");
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /both hold results of statement mk[0-9a-f]{16}: keep the results of one run of it/);
  const foreign = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "logs/window.csv");
  assert.equal(foreign.code, 2);
  assert.match(
    foreign.stderr,
    /window\.csv: no mk_statement column, so these are not results of drift --print-sql statements/,
  );
  await rm(join(results, "again.jsonl"));

  // Results that are not counts, or not of one run, are refused by name, never judged.
  const refusedWith = async (file: string, write: () => Promise<void>, message: RegExp) => {
    await write();
    const run = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "results");
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, message);
    await rm(join(results, file));
  };
  const copyCategorical = (file: string, select: string) => async () => {
    const session = await openDuckdb(database);
    try {
      await session.query(`COPY (${select}) TO '${join(results, file)}' (FORMAT csv, HEADER true)`);
    } finally {
      session.close();
    }
  };
  const merchants = `(${categorical.sql})`;
  await refusedWith(
    "duplicated.csv",
    copyCategorical("duplicated.csv", `SELECT * FROM ${merchants} UNION ALL (SELECT * FROM ${merchants} LIMIT 1)`),
    /duplicated\.csv: statement mk[0-9a-f]{16}: category "[^"]+" of column "merchant_category" has two rows/,
  );
  await refusedWith(
    "negative.csv",
    copyCategorical(
      "negative.csv",
      `SELECT mk_statement, category, CASE WHEN category = (SELECT MIN(category) FROM ${merchants}) THEN -1 ELSE count END AS count FROM ${merchants}`,
    ),
    /negative\.csv: statement mk[0-9a-f]{16}: column "merchant_category": count is -1, not a count from 0 to \d+/,
  );
  await copyCategorical("merchants.csv", `SELECT * FROM ${merchants}`)();
  const amount = statements.find((s: any) => s.column === "amount");
  const amountFile = files.get(amount.id)!;
  const amountRow = JSON.parse(await readFile(amountFile, "utf8"));
  await rm(amountFile);
  const numericWith = (file: string, change: Record<string, number>) => () =>
    writeFile(join(results, file), JSON.stringify({ ...amountRow, ...change }) + "\n");
  await refusedWith(
    "binned.jsonl",
    numericWith("binned.jsonl", { psi_0: amountRow.psi_0 + 1 }),
    /binned\.jsonl: statement mk[0-9a-f]{16}: column "amount": the PSI bins hold \d+ values, but n_current is \d+/,
  );
  await refusedWith(
    "gap.jsonl",
    numericWith("gap.jsonl", { plus_gap: 1.5 }),
    /gap\.jsonl: statement mk[0-9a-f]{16}: column "amount": plus_gap is 1\.5, outside \[0, 1\]/,
  );
  // Control: the same rows, unchanged, give the report again.
  await numericWith("amount.jsonl", {})();
  const restored = await drift(repo, "--current", `duckdb:${table}`, "--sql-results", "results", "--json");
  assert.equal(restored.code, 1, restored.stderr);
  assertSameReport(JSON.parse(direct.stdout), JSON.parse(restored.stdout), ["predictionNote"]);
});

test("auto takes duckdb only for a big window of one format with DuckDB installed; the config key sets the engine", async (t) => {
  const facts = { bytes: DUCKDB_AUTO_BYTES, formats: ["parquet" as const], duckdbInstalled: true };
  assert.equal(engineFor("auto", facts).engine, "duckdb");
  assert.equal(engineFor("auto", { ...facts, bytes: DUCKDB_AUTO_BYTES - 1 }).engine, "js");
  assert.equal(engineFor("auto", { ...facts, formats: ["csv", "parquet"] }).engine, "js");
  assert.match(engineFor("auto", { ...facts, duckdbInstalled: false }).why, /npm install @duckdb\/node-api/);
  assert.equal(engineFor("js", facts).engine, "js");
  assert.throws(() => engineFor("duckdb", { ...facts, formats: ["csv", "jsonl"] }), /mixes csv, jsonl/);
  // A name DuckDB would expand as a glob (a[1].csv read as a1.csv): refused, or js under auto.
  const patterned = { ...facts, patternLikeName: "logs/day[1].parquet" };
  assert.throws(
    () => engineFor("duckdb", patterned),
    /the path "logs\/day\[1\]\.parquet" has a character DuckDB reads as a pattern/,
  );
  assert.equal(engineFor("auto", patterned).engine, "js");

  const repo = await fraudRepo({ trainRows: 2000 });
  t.after(() => repo.cleanup());
  await repo.write("logs/w.csv", await loggedWindow(repo, 500, 7, "baseline"));
  const small = await drift(repo, "--current", "logs/w.csv");
  assert.match(small.stderr, /with the js engine \(auto: 0\.\d MiB of files, below the 1 GiB for duckdb\)/);
  await repo.write("logs/w[1].csv", "x\n");
  assert.equal((await windowFacts([join(repo.dir, "logs/w.csv")])).patternLikeName, undefined);
  assert.equal(
    (await windowFacts([join(repo.dir, "logs/w.csv"), join(repo.dir, "logs/w[1].csv")])).patternLikeName,
    join(repo.dir, "logs/w[1].csv"),
  );
  const config = await readFile(join(repo.dir, "modelkeeper.yml"), "utf8");
  await repo.write("modelkeeper.yml", config + "    drift:\n      engine: duckdb\n");
  const configured = await drift(repo, "--current", "logs/w.csv");
  assert.match(configured.stderr, /with the duckdb engine \(engine duckdb\)/);
  assert.match((await drift(repo, "--current", "logs/w.csv", "--engine", "js")).stderr, /with the js engine/);
});

test("the shipped bundle without @duckdb/node-api: auto reads with js, --engine duckdb says how to install it", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "modelkeeper-noduckdb-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // dist/ and the launcher alone, where no node_modules can be found.
  await cp(join(projectRoot, "dist"), join(dir, "dist"), { recursive: true });
  await cp(join(projectRoot, "bin/modelkeeper.js"), join(dir, "bin/modelkeeper.js"));
  await cp(join(projectRoot, "package.json"), join(dir, "package.json"));
  const repo = await fraudRepo({ trainRows: 2000 });
  t.after(() => repo.cleanup());
  await repo.write("logs/w.csv", await loggedWindow(repo, 500, 7, "baseline"));
  const run = (...argv: string[]) => {
    try {
      return {
        code: 0,
        stderr: execFileSync(process.execPath, [join(dir, "bin/modelkeeper.js"), "drift", ...argv], {
          cwd: repo.dir,
          stdio: "pipe",
          env: { ...process.env, GITHUB_TOKEN: "" },
        }).toString(),
      };
    } catch (error: any) {
      return { code: error.status as number, stderr: String(error.stderr) };
    }
  };
  const auto = run("--current", "logs/w.csv");
  assert.ok(auto.code === 0 || auto.code === 1, auto.stderr);
  const asked = run("--current", "logs/w.csv", "--engine", "duckdb");
  assert.equal(asked.code, 2);
  assert.match(
    asked.stderr,
    /needs the package @duckdb\/node-api, which is not installed\. .*npm install @duckdb\/node-api/,
  );
});

test("drift.test.ts's other cases decide the same with --engine duckdb: missing columns, empty and short windows, drift.types, a stored profile", async (t) => {
  const repo = await fraudRepo();
  t.after(() => repo.cleanup());
  const window = await loggedWindow(repo, 1000, 7, "baseline");
  const [header, ...body] = window.trim().split("\n");
  const cases: Record<string, string> = {
    "missing.csv": [header, ...body].map((line) => line.split(",").slice(2).join(",")).join("\n") + "\n",
    "empty.csv": header + "\n",
    "few.csv": [header, ...body.slice(0, 29)].join("\n") + "\n",
    "enough.csv": [header, ...body.slice(0, 30)].join("\n") + "\n",
  };
  for (const [name, text] of Object.entries(cases)) {
    await repo.write(`logs/${name}`, text);
    const js = await drift(repo, "--current", `logs/${name}`, "--engine", "js", "--json");
    const duckdb = await drift(repo, "--current", `logs/${name}`, "--engine", "duckdb", "--json");
    assert.equal(duckdb.code, js.code, `${name}: ${duckdb.stderr}`);
    if (js.code === 2) assert.equal(duckdb.stderr.split("\n").at(-2), js.stderr.split("\n").at(-2), name);
    else assertSameReport(JSON.parse(js.stdout), JSON.parse(duckdb.stdout));
  }
  assert.match(
    (await drift(repo, "--current", "logs/missing.csv", "--engine", "duckdb")).stderr,
    /"amount", "merchant_category"/,
  );

  await repo.write("logs/window.csv", window);
  const config = await readFile(join(repo.dir, "modelkeeper.yml"), "utf8");
  await repo.write("modelkeeper.yml", config + "    drift:\n      types: { hour: categorical }\n");
  const typed = await bothEngines(repo, "--current", "logs/window.csv");
  assert.equal(typed.duckdb.models[0].assessment.columns.find((c: any) => c.name === "hour").kind, "categorical");
  assertSameReport(typed.js, typed.duckdb);

  await repo.write("modelkeeper.yml", config + "    drift:\n      profile: true\n");
  await repo.commit("profile on");
  const record = await runCli(
    ["record"],
    { stdout: () => {}, stderr: () => {} },
    { ...process.env, GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "" },
    repo.dir,
  );
  assert.equal(record, 0);
  await repo.write("logs/scam.csv", await loggedWindow(repo, 3000, 8, "new_scam"));
  const profiled = await bothEngines(repo, "--current", "logs/scam.csv");
  assert.equal(profiled.duckdb.models[0].assessment.reference.fromProfile, true);
  assertSameReport(profiled.js, profiled.duckdb);
});
