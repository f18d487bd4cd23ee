// drift's SQL (src/monitor/sql/drift-queries.ts): run on DuckDB against the JS statistics (which are
// checked against scipy in test/stats), and rendered for the other dialects with hostile names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openDuckdb } from "../../src/data/duckdb.ts";
import {
  SQL_DIALECTS,
  driftStatements,
  numericColumnQuery,
  rowCountQuery,
  categoryCountsQuery,
  sqlDialect,
  userRelation,
  windowRelation,
  type SqlDialectName,
} from "../../src/monitor/sql/drift-queries.ts";
import { ksFromGaps, ksTwoSampleSorted } from "../../src/stats/tests/ks-two-sample.ts";
import { wassersteinDistanceSorted } from "../../src/stats/drift/wasserstein.ts";
import { binCountsSorted, psiBinEdges } from "../../src/stats/drift/psi.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";

// Names that break naive quoting in one dialect or another, and one that tries to inject.
const QUOTE = 'a"b';
const BACKTICK = "c`d\\`e";
const INJECT = "x'); DROP TABLE w; --";

function sample(n: number, seed: number, shift: number): number[] {
  const random = createRandom(seed);
  // Rounded to tenths so both samples share values (ties are where a KS merge goes wrong).
  return Array.from({ length: n }, () => Math.round((random.nextFloat() * 10 + shift) * 10) / 10);
}

/** The KS gaps of a numeric query's row (minus_gap comes unclipped; ks-two-sample clips at 0). */
function gapsOf(row: Record<string, unknown>) {
  return {
    plusGap: Number(row.plus_gap),
    plusLocation: Number(row.plus_location),
    minusGap: Math.max(0, Number(row.minus_gap)),
    minusLocation: Number(row.minus_location),
  };
}

const sorted = (values: number[]) => Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();

test("on DuckDB, a numeric column's numbers equal the JS statistics: KS gaps bit for bit, W1, moments, PSI counts", async (t) => {
  const session = await openDuckdb();
  t.after(() => session.close());
  const reference = sorted(sample(700, 1, 0));
  const current = [...sample(500, 2, 0.7), NaN, NaN];
  const labels = current.map((_, i) => ["p", "q", "r"][i % 3]);
  // The table is written by hand here, not by the code under test.
  await session.query(`CREATE TABLE w ("a""b" DOUBLE, "c\`d\\\`e" DOUBLE, "x'); DROP TABLE w; --" VARCHAR)`);
  const rows = current.map(
    (v, i) => `(${Number.isNaN(v) ? "'nan'::DOUBLE" : v}, ${Number.isNaN(v) ? "NULL" : v * 2}, '${labels[i]}')`,
  );
  await session.query(`INSERT INTO w VALUES ${rows.join(", ")}`);

  const duckdb = sqlDialect("duckdb");
  const window = windowRelation(duckdb, userRelation(duckdb, "w"), [
    { name: QUOTE, kind: "numeric" },
    { name: BACKTICK, kind: "numeric" },
    { name: INJECT, kind: "categorical" },
  ]);
  const [{ row_count }] = await session.query(rowCountQuery(window));
  assert.equal(row_count, current.length);

  await session.valueCounts("ref", reference);
  const edges = psiBinEdges(reference);
  const [row] = await session.query(numericColumnQuery(duckdb, window, 0, "SELECT v, c FROM ref", edges));
  const cur = sorted(current);
  const expected = ksTwoSampleSorted(reference, cur);
  const measured = ksFromGaps(gapsOf(row), reference.length, cur.length);
  assert.equal(measured.statistic, expected.statistic, "KS statistic bit for bit");
  assert.equal(measured.pValue, expected.pValue);
  assert.equal(measured.location, expected.location);
  assert.equal(row.n_reference, reference.length);
  assert.equal(row.n_current, cur.length, "NaN is missing");
  const w1 = wassersteinDistanceSorted(reference, cur);
  assert.ok(Math.abs(Number(row.wasserstein) - w1) <= 1e-12 * w1, `${row.wasserstein} vs ${w1}`);
  const mean = cur.reduce((a, b) => a + b, 0) / cur.length;
  assert.ok(Math.abs(Number(row.mean) - mean) <= 1e-12 * mean);
  const m2 = cur.reduce((a, v) => a + (v - mean) ** 2, 0);
  assert.ok(Math.abs(Number(row.m2) - m2) <= 1e-10 * m2);
  assert.equal(row.min_value, cur[0]);
  assert.equal(row.max_value, cur[cur.length - 1]);
  assert.deepEqual(
    [...edges, 0].map((_, k) => Number(row[`psi_${k}`])),
    binCountsSorted(cur, edges),
  );

  // The second column (a backtick and a backslash in its name) reads its own values.
  const [second] = await session.query(numericColumnQuery(duckdb, window, 1, "SELECT v, c FROM ref"));
  assert.equal(second.max_value, cur[cur.length - 1] * 2);
  const categories = await session.query(categoryCountsQuery(window, 2));
  assert.deepEqual(
    categories.map((r) => [r.category, r.count]),
    ["p", "q", "r"].map((c) => [c, labels.filter((l) => l === c).length]),
  );
  // Nothing was injected: the table is still there.
  assert.equal((await session.query("SELECT COUNT(*) AS n FROM w"))[0].n, current.length);
});

test("a table name may be dotted and quoted; a query is used as written", () => {
  const duckdb = sqlDialect("duckdb");
  assert.equal(userRelation(duckdb, "main.events"), '"main"."events"');
  assert.equal(userRelation(duckdb, '"my.schema"."we""ird"'), '"my.schema"."we""ird"');
  assert.equal(userRelation(sqlDialect("spark"), "`db`.`t``x`"), "`db`.`t``x`");
  assert.equal(userRelation(duckdb, "  select * from t "), "(select * from t)");
  assert.throws(() => userRelation(duckdb, " "), /needs a table name or a query/);
  assert.throws(() => userRelation(duckdb, 'a"b'), /neither a query nor a table name/);
  assert.throws(() => userRelation(duckdb, "a\0b"), /NUL/);
});

/** Each dialect's quoted identifiers and string literals, as its own lexer reads them. */
const TOKENS: Record<SqlDialectName, { identifier: RegExp; string: RegExp }> = {
  duckdb: { identifier: /"(?:[^"]|"")*"/g, string: /'(?:[^']|'')*'/g },
  snowflake: { identifier: /"(?:[^"]|"")*"/g, string: /'(?:[^'\\]|\\.|'')*'/g },
  spark: { identifier: /`(?:[^`]|``)*`/g, string: /'(?:[^'\\]|\\.)*'/g },
  bigquery: { identifier: /`(?:[^`\\]|\\.)*`/g, string: /'(?:[^'\\]|\\.)*'/g },
  clickhouse: { identifier: /`(?:[^`\\]|\\.)*`/g, string: /'(?:[^'\\]|\\.)*'/g },
};

test("every dialect renders drift's statements with hostile names quoted: nothing is left outside a quote", () => {
  const reference = sorted(sample(50, 3, 0));
  for (const name of SQL_DIALECTS) {
    const dialect = sqlDialect(name);
    const source = userRelation(dialect, `${dialect.quoteIdentifier(INJECT)}.events`);
    const statements = driftStatements(dialect, source, [
      { name: QUOTE, kind: "numeric", sortedValues: reference, psiEdges: psiBinEdges(reference) },
      { name: BACKTICK, kind: "numeric", sortedValues: new Float64Array(0) },
      { name: INJECT, kind: "categorical" },
      { name: "prediction", kind: "categorical", classAtLeast: 0.5 },
    ]);
    assert.deepEqual(
      statements.map((s) => [s.kind, s.column]),
      [
        ["rows", undefined],
        ["numeric", QUOTE],
        ["numeric", BACKTICK],
        ["categorical", INJECT],
        ["categorical", "prediction"],
      ],
      name,
    );
    for (const { sql } of statements) {
      const tokens = TOKENS[name];
      // Strings first where they may hold a quote of the identifier kind, then identifiers.
      const bare = sql.replace(tokens.identifier, (m) => (m.includes("'") ? "IDENT" : m)).replace(tokens.string, "STR");
      const rest = bare.replace(tokens.identifier, "IDENT");
      assert.doesNotMatch(rest, /["'`\\]/, `${name}: a stray quote in\n${rest}`);
      assert.doesNotMatch(rest, /DROP|a"b|c`d/, `${name}: a user's text outside quotes`);
      assert.equal(rest.split("(").length, rest.split(")").length, `${name}: balanced parentheses`);
    }
    const numeric = statements[1].sql;
    assert.match(numeric, /WITH\n/, name);
    assert.match(numeric, /LEAD|leadInFrame/, name);
    assert.ok(numeric.includes(`AS ${dialect.doubleType}`), name);
  }
});

test("the Snowflake rendering runs on DuckDB too (both read its constructs) and gives DuckDB's numbers", async (t) => {
  const session = await openDuckdb();
  t.after(() => session.close());
  await session.query(`CREATE TABLE "we""ird" ("a""b" DOUBLE)`);
  const current = sample(300, 4, 0.3);
  await session.query(`INSERT INTO "we""ird" VALUES ${current.map((v) => `(${v})`).join(", ")}`);
  const reference = sorted(sample(200, 5, 0));
  const columns = [
    { name: QUOTE, kind: "numeric" as const, sortedValues: reference, psiEdges: psiBinEdges(reference) },
  ];
  const rows = async (dialect: string) => {
    const d = sqlDialect(dialect);
    const [, numeric] = driftStatements(d, userRelation(d, '"we""ird"'), columns);
    return (await session.query(numeric.sql))[0];
  };
  const [snowflake, duckdb] = [await rows("snowflake"), await rows("duckdb")];
  for (const key of ["plus_gap", "minus_gap", "plus_location", "minus_location", "n_current", "min_value", "psi_3"])
    assert.equal(snowflake[key], duckdb[key], key);
  assert.ok(Math.abs(Number(snowflake.wasserstein) - Number(duckdb.wasserstein)) <= 1e-12);
  const expected = ksTwoSampleSorted(reference, sorted(current)).statistic;
  assert.equal(ksFromGaps(gapsOf(snowflake), reference.length, current.length).statistic, expected);
});

test("an unknown dialect and a failing query are clear errors", async (t) => {
  assert.throws(
    () => sqlDialect("oracle"),
    /Unknown SQL dialect "oracle"\. Use one of: duckdb, spark, bigquery, snowflake, clickhouse/,
  );
  const session = await openDuckdb();
  t.after(() => session.close());
  await assert.rejects(session.query("SELECT * FROM no_such_table"), (error: Error) => {
    assert.match(error.message, /^duckdb: .*no_such_table/s);
    return true;
  });
  assert.throws(
    () => sqlDialect("bigquery").readFiles("parquet", ["/data/w.parquet"]),
    /bigquery cannot read data files from a query here: create an external table/,
  );
});
