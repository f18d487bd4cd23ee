/**
 * The SQL of drift, in one place: the few numbers per monitored column that the drift decision
 * (stats/drift/assess-drift.ts) needs of a current window, computed where the window is (DuckDB
 * here; Spark SQL, BigQuery, Snowflake and ClickHouse in a user's warehouse), so only a row per
 * numeric column and a row per category come back.
 *
 * Numeric column, one query (numericColumnQuery): the window's rows counted per distinct value
 * (the one pass over the rows: a single COUNT per group, missing values dropped afterwards from
 * the distinct values), UNION ALL'd with the reference's distinct values and counts, GROUP BY
 * value again (a few distinct values, not rows), cumulative sums over the sorted values. The
 * window functions and aggregates after the first GROUP BY see distinct values only, so their
 * cost does not grow with the rows. At each distinct value v:
 *   d(v) = F_ref(v) - F_cur(v) = cum_ref / n_ref - cum_cur / n_cur,
 * formed with the same IEEE operations as ks-two-sample.ts (integer counts as doubles, one
 * division each, one subtraction), so the KS gaps max d and max -d are equal bit for bit to the
 * JS merge; W1 = sum over distinct values of |d(v)| (next(v) - v), exact up to the summation's
 * rounding (DuckDB's fsum and ClickHouse's sumKahan are compensated; the others add plainly, a
 * relative error of the order of n·2^-53, far below the noise floor); the window's count, mean,
 * population std, min, max and its counts in the reference's PSI bins (right-closed, as psi.ts)
 * come from the grouped rows in the same query.
 * Categorical column (categoryCountsQuery): non-missing values cast to text, counted per value.
 * Rows (rowCountQuery): count(*) of the window, missing values included.
 *
 * Missing values: NULL, and NaN in numeric columns (as the JS readers read them).
 *
 * User text (column names, table names, file paths) reaches the SQL only through the dialect's
 * quoteIdentifier / stringLiteral, never raw; numbers as string literals cast to double (the
 * decimal text JS prints round-trips exactly, and no dialect reads it as a DECIMAL).
 */
import { createHash } from "node:crypto";
import { UserError } from "../../errors.ts";

export const SQL_DIALECTS = ["duckdb", "spark", "bigquery", "snowflake", "clickhouse"] as const;
export type SqlDialectName = (typeof SQL_DIALECTS)[number];

export type FileFormat = "csv" | "jsonl" | "parquet";

export interface SqlDialect {
  readonly name: SqlDialectName;
  /** A quoted identifier (one part of a name). */
  quoteIdentifier(name: string): string;
  /** A quoted string literal. */
  stringLiteral(text: string): string;
  /** A DOUBLE from a JS number, exactly. */
  double(value: number): string;
  readonly doubleType: string;
  readonly textType: string;
  /** True when a double expression is NaN. */
  isNan(expression: string): string;
  /** A sum of doubles, compensated where the engine has one. */
  sumDoubles(expression: string): string;
  /** The value of `value` at the row where `key` is largest (ties to the smallest value where the
   *  engine can say so; Snowflake's MAX_BY picks any). Only the report's location reads it. */
  valueAtMax(value: string, key: string): string;
  /** The next row's `value` in ascending `value` order (NULL on the last row). */
  nextValue(value: string): string;
  /** A relation over data files (paths as given), or a UserError saying how to reach them. */
  readFiles(format: FileFormat, paths: readonly string[]): string;
}

function rejectNul(text: string, what: string): void {
  if (text.includes("\0")) throw new UserError(`${what} ${JSON.stringify(text)} contains a NUL character.`);
}

function doubleQuoted(name: string): string {
  rejectNul(name, "The name");
  return `"${name.replaceAll('"', '""')}"`;
}

function backslashBackticked(name: string): string {
  rejectNul(name, "The name");
  return "`" + name.replaceAll("\\", "\\\\").replaceAll("`", "\\`") + "`";
}

function doubledBackticked(name: string): string {
  rejectNul(name, "The name");
  return "`" + name.replaceAll("`", "``") + "`";
}

function standardString(text: string): string {
  rejectNul(text, "The text");
  return `'${text.replaceAll("'", "''")}'`;
}

function backslashString(text: string): string {
  rejectNul(text, "The text");
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/** JS's shortest round-trip decimal text, with the non-finite values every dialect reads. */
function numberText(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  return String(value);
}

const UNBOUNDED = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING";

function notDirectly(dialect: string, how: string): never {
  throw new UserError(
    `${dialect} cannot read data files from a query here: ${how}, then pass it as --current ${dialect}:<table or SELECT>.`,
  );
}

const duckdb: SqlDialect = {
  name: "duckdb",
  quoteIdentifier: doubleQuoted,
  stringLiteral: standardString,
  double: (value) => `CAST(${standardString(numberText(value))} AS DOUBLE)`,
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  isNan: (e) => `isnan(${e})`,
  sumDoubles: (e) => `fsum(${e})`,
  valueAtMax: (value, key) => `arg_max(${value}, {'k': ${key}, 'v': -(${value})})`,
  nextValue: (value) => `LEAD(${value}) OVER (ORDER BY ${value})`,
  readFiles(format, paths) {
    const list = `[${paths.map(standardString).join(", ")}]`;
    if (format === "parquet") return `read_parquet(${list}, union_by_name = true)`;
    if (format === "jsonl") return `read_json(${list}, format = 'newline_delimited', union_by_name = true)`;
    return `read_csv(${list}, header = true, union_by_name = true)`;
  },
};

const spark: SqlDialect = {
  name: "spark",
  quoteIdentifier: doubledBackticked,
  stringLiteral: backslashString,
  double: (value) => `CAST(${backslashString(numberText(value))} AS DOUBLE)`,
  doubleType: "DOUBLE",
  textType: "STRING",
  isNan: (e) => `isnan(${e})`,
  sumDoubles: (e) => `SUM(${e})`,
  valueAtMax: (value, key) => `max_by(${value}, struct(${key}, -(${value})))`,
  nextValue: (value) => `LEAD(${value}) OVER (ORDER BY ${value})`,
  readFiles(format, paths) {
    // Spark SQL's file sources take one path each (a folder or a glob is one path).
    const reader = format === "parquet" ? "parquet" : format === "jsonl" ? "json" : "csv";
    if (format === "csv")
      notDirectly(
        "spark",
        "CSV needs its header option: CREATE TEMPORARY VIEW w USING csv OPTIONS (path '…', header 'true')",
      );
    return paths.length === 1
      ? `${reader}.${doubledBackticked(paths[0])}`
      : `(${paths.map((p) => `SELECT * FROM ${reader}.${doubledBackticked(p)}`).join(" UNION ALL ")})`;
  },
};

const bigquery: SqlDialect = {
  name: "bigquery",
  quoteIdentifier: backslashBackticked,
  stringLiteral: backslashString,
  double: (value) => `CAST(${backslashString(numberText(value))} AS FLOAT64)`,
  doubleType: "FLOAT64",
  textType: "STRING",
  isNan: (e) => `IS_NAN(${e})`,
  sumDoubles: (e) => `SUM(${e})`,
  valueAtMax: (value, key) => `ARRAY_AGG(${value} ORDER BY ${key} DESC, ${value} ASC LIMIT 1)[OFFSET(0)]`,
  nextValue: (value) => `LEAD(${value}) OVER (ORDER BY ${value})`,
  readFiles: () =>
    notDirectly(
      "bigquery",
      "create an external table over the files (CREATE EXTERNAL TABLE … OPTIONS (format = 'PARQUET', uris = [...]))",
    ),
};

const snowflake: SqlDialect = {
  name: "snowflake",
  quoteIdentifier: doubleQuoted,
  // Snowflake reads backslash escapes in single-quoted strings, and '' as a quote.
  stringLiteral: (text) => {
    rejectNul(text, "The text");
    return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  },
  double: (value) => `CAST('${numberText(value)}' AS DOUBLE)`,
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  // Snowflake's NaN equals itself (and sorts above every number).
  isNan: (e) => `(${e} = CAST('nan' AS DOUBLE))`,
  sumDoubles: (e) => `SUM(${e})`,
  valueAtMax: (value, key) => `MAX_BY(${value}, ${key})`,
  nextValue: (value) => `LEAD(${value}) OVER (ORDER BY ${value})`,
  readFiles: () =>
    notDirectly("snowflake", "load the files into a table (COPY INTO) or create an external table on their stage"),
};

const clickhouse: SqlDialect = {
  name: "clickhouse",
  quoteIdentifier: backslashBackticked,
  stringLiteral: backslashString,
  double: (value) => `toFloat64(${backslashString(numberText(value))})`,
  doubleType: "Float64",
  textType: "String",
  isNan: (e) => `isNaN(${e})`,
  sumDoubles: (e) => `sumKahan(${e})`,
  valueAtMax: (value, key) => `argMax(${value}, tuple(${key}, -(${value})))`,
  // leadInFrame needs the whole frame and an explicit NULL default (it would give 0).
  nextValue: (value) => `leadInFrame(toNullable(${value}), 1, NULL) OVER (ORDER BY ${value} ${UNBOUNDED})`,
  readFiles(format, paths) {
    const name = format === "parquet" ? "Parquet" : format === "jsonl" ? "JSONEachRow" : "CSVWithNames";
    const one = (path: string) => `file(${backslashString(path)}, ${backslashString(name)})`;
    return paths.length === 1 ? one(paths[0]) : `(${paths.map((p) => `SELECT * FROM ${one(p)}`).join(" UNION ALL ")})`;
  },
};

const DIALECTS: Record<SqlDialectName, SqlDialect> = { duckdb, spark, bigquery, snowflake, clickhouse };

/** The dialect named `name`; a UserError listing the known ones otherwise. */
export function sqlDialect(name: string): SqlDialect {
  if ((SQL_DIALECTS as readonly string[]).includes(name)) return DIALECTS[name as SqlDialectName];
  throw new UserError(`Unknown SQL dialect "${name}". Use one of: ${SQL_DIALECTS.join(", ")}.`);
}

/**
 * A relation from what a user wrote after `duckdb:` (or another dialect's prefix): a query when it
 * starts like one (SELECT, WITH, FROM, VALUES, a parenthesis), used as written (it is the user's
 * own SQL, for their own engine); otherwise a table name, dotted parts quoted one by one.
 */
export function userRelation(dialect: SqlDialect, text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new UserError(`--current ${dialect.name}: needs a table name or a query after the colon.`);
  if (/^(\(|select\b|with\b|from\b|values\b)/i.test(trimmed)) return `(${trimmed})`;
  return tableNameParts(trimmed)
    .map((part) => dialect.quoteIdentifier(part))
    .join(".");
}

/**
 * The parts of a dotted table name: each bare (up to the next dot) or quoted, "…" with "" for a
 * quote or `…` with `` for a backtick, so a name with a dot or a quote in it can be written.
 */
function tableNameParts(text: string): string[] {
  const part = /"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|([^."`]+)/y;
  const parts: string[] = [];
  for (let at = 0; ;) {
    part.lastIndex = at;
    const match = part.exec(text);
    if (!match) throw new UserError(`--current: ${JSON.stringify(text)} is neither a query nor a table name.`);
    parts.push(
      match[1] !== undefined
        ? match[1].replaceAll('""', '"')
        : match[2] !== undefined
          ? match[2].replaceAll("``", "`")
          : match[3].trim(),
    );
    at = part.lastIndex;
    if (at === text.length) return parts;
    if (text[at] !== ".")
      throw new UserError(`--current: ${JSON.stringify(text)} is neither a query nor a table name.`);
    at++;
  }
}

/** One monitored column of the window, as the queries read it. */
export interface WindowColumn {
  /** The column's name in the source. */
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  /** A categorical column made of a numeric one: "1" where it is at least this, else "0" (a binary
   *  model's predicted class from its logged score; missing stays missing). */
  readonly classAtLeast?: number;
}

/**
 * The window as a relation with one column per monitored column, named c0, c1, … in order:
 * numeric ones cast to double (NaN kept: numericColumnQuery drops it after grouping), categorical
 * ones cast to text. Every later query reads this relation, so a user's column name appears once,
 * quoted, here.
 */
export function windowRelation(dialect: SqlDialect, source: string, columns: readonly WindowColumn[]): string {
  const select = columns.map((column, i) => {
    const name = dialect.quoteIdentifier(column.name);
    const value = `CAST(${name} AS ${dialect.doubleType})`;
    if (column.classAtLeast !== undefined)
      return `CASE WHEN ${value} IS NULL OR ${dialect.isNan(value)} THEN NULL WHEN ${value} >= ${dialect.double(column.classAtLeast)} THEN '1' ELSE '0' END AS c${i}`;
    if (column.kind === "categorical") return `CAST(${name} AS ${dialect.textType}) AS c${i}`;
    // NaN stays: numericColumnQuery drops it from the distinct values, cheaper than row by row.
    return `${value} AS c${i}`;
  });
  return `SELECT ${select.length ? select.join(", ") : "1 AS c"} FROM ${source} AS w`;
}

/**
 * Rows of the window (missing values included): one row, column `row_count`; with `present`, also
 * `present_<i>`, the non-missing values of column c<i> (what a categorical column's counts must
 * add up to when its results come back from a warehouse, where no rows can also mean "not run").
 */
export function rowCountQuery(window: string, present: readonly number[] = []): string {
  const counts = present.map((i) => `, COUNT(c${i}) AS present_${i}`).join("");
  return `SELECT COUNT(*) AS row_count${counts} FROM (${window}) AS w`;
}

/** Non-missing counts of a categorical window column: rows (category, count), by category. */
export function categoryCountsQuery(window: string, index: number): string {
  const c = `c${index}`;
  return `SELECT ${c} AS category, COUNT(*) AS count FROM (${window}) AS w WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY ${c}`;
}

/**
 * The reference's values as a relation (v, c) of distinct values and counts, inline: for a
 * dialect that cannot be handed a table from here (print-sql). Large references make long SQL.
 */
function inlineReference(dialect: SqlDialect, sortedValues: Float64Array): string {
  const rows: string[] = [];
  for (let i = 0; i < sortedValues.length;) {
    let j = i;
    while (j < sortedValues.length && sortedValues[j] === sortedValues[i]) j++;
    rows.push(`SELECT ${dialect.double(sortedValues[i])} AS v, ${j - i} AS c`);
    i = j;
  }
  if (!rows.length) return `SELECT ${dialect.double(0)} AS v, 0 AS c FROM (SELECT 1 AS one) AS e WHERE 1 = 0`;
  return rows.join("\nUNION ALL ");
}

/**
 * One numeric window column against the reference's values: one row with
 *   plus_gap, plus_location       max (F_ref - F_cur) and the smallest value where it is reached
 *   minus_gap, minus_location     max (F_cur - F_ref), likewise (unclipped; ks-two-sample clips)
 *   wasserstein                   W1, not normalized
 *   n_reference, n_current        non-missing counts
 *   mean, m2, min_value, max_value  of the window's non-missing values (m2 = sum of squared deviations)
 *   psi_0 … psi_K                 window counts in the right-closed bins of `psiEdges`
 * `reference` is a relation (v, c): the reference's distinct values with their counts.
 */
export function numericColumnQuery(
  dialect: SqlDialect,
  window: string,
  index: number,
  reference: string,
  psiEdges: readonly number[] = [],
): string {
  const c = `c${index}`;
  const cumulative = (x: string) =>
    `CAST(SUM(${x}) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${dialect.doubleType})`;
  const whole = (x: string) => `SUM(${x}) OVER ()`;
  const edges = psiEdges.map((e) => dialect.double(e));
  const bins = [...edges.map((_, k) => k), edges.length].map((k) => {
    const above = k > 0 ? `v > ${edges[k - 1]}` : "";
    const atMost = k < edges.length ? `v <= ${edges[k]}` : "";
    const condition = [above, atMost].filter(Boolean).join(" AND ") || "1 = 1";
    return `SUM(CASE WHEN ${condition} THEN b ELSE 0 END) AS psi_${k}`;
  });
  return [
    "WITH",
    // The one pass over the window's rows: a count per distinct value. Missing values (NULL, NaN)
    // are dropped after it, from the distinct values, not row by row.
    `counted AS (SELECT ${c} AS v, COUNT(*) AS b FROM (${window}) AS w GROUP BY ${c}),`,
    `cur AS (SELECT v, b FROM counted WHERE v IS NOT NULL AND NOT ${dialect.isNan("v")}),`,
    `ref AS (${reference}),`,
    "grouped AS (",
    "  SELECT v, SUM(a) AS a, SUM(b) AS b FROM (",
    "    SELECT v, c AS a, 0 AS b FROM ref",
    "    UNION ALL",
    "    SELECT v, 0 AS a, b FROM cur",
    "  ) AS u GROUP BY v",
    "),",
    "cdf AS (",
    `  SELECT v, b, ${cumulative("a")} AS ca, ${cumulative("b")} AS cb, ${dialect.nextValue("v")} AS next_v,`,
    `    CAST(${whole("a")} AS ${dialect.doubleType}) AS n1, CAST(${whole("b")} AS ${dialect.doubleType}) AS n2,`,
    `    ${dialect.sumDoubles("b * v")} OVER () AS total`,
    "  FROM grouped",
    "),",
    "gaps AS (SELECT v, b, next_v, n1, n2, total / n2 AS mean, ca / n1 - cb / n2 AS d FROM cdf)",
    "SELECT",
    `  MAX(d) AS plus_gap, ${dialect.valueAtMax("v", "d")} AS plus_location,`,
    `  MAX(-d) AS minus_gap, ${dialect.valueAtMax("v", "-d")} AS minus_location,`,
    `  ${dialect.sumDoubles("ABS(d) * (next_v - v)")} AS wasserstein,`,
    "  MAX(n1) AS n_reference, MAX(n2) AS n_current, MAX(mean) AS mean,",
    `  ${dialect.sumDoubles("b * (v - mean) * (v - mean)")} AS m2,`,
    "  MIN(CASE WHEN b > 0 THEN v END) AS min_value, MAX(CASE WHEN b > 0 THEN v END) AS max_value,",
    `  ${bins.join(",\n  ")}`,
    "FROM gaps",
  ].join("\n");
}

/** What a query needs of one reference column. */
export interface ReferenceColumn extends WindowColumn {
  /** Numeric: the reference's non-missing values, ascending (all, or the profile's sample). */
  readonly sortedValues?: Float64Array;
  /** Numeric: the reference's PSI bin edges. */
  readonly psiEdges?: readonly number[];
}

/** A statement of drift's SQL for one engine, with what it computes. */
export interface DriftStatement {
  /** The column it is about (undefined: the row count). */
  readonly column?: string;
  /** Its index i in the window relation (column c<i>); undefined for the row count. */
  readonly index?: number;
  readonly kind: "rows" | "numeric" | "categorical";
  /** `mk` and 16 hex digits of the SHA-256 of its SQL: the first column of every result row. */
  readonly id: string;
  readonly sql: string;
}

/** The column every printed statement's result rows start with: the statement's id. */
export const STATEMENT_COLUMN = "mk_statement";

/**
 * Every statement drift runs for a window (a relation of the dialect) against reference columns,
 * the reference's values inline: what `drift --print-sql DIALECT` prints. Each result row carries
 * the statement's id, a hash of its SQL (window, reference values and bins included), so results
 * brought back from a warehouse (drift --sql-results) are matched to the statement that made them,
 * and results of another reference or an older modelkeeper are not taken for this one's.
 */
export function driftStatements(
  dialect: SqlDialect,
  source: string,
  columns: readonly ReferenceColumn[],
): DriftStatement[] {
  const window = windowRelation(dialect, source, columns);
  const categorical = columns.flatMap((column, i) => (column.kind === "categorical" ? [i] : []));
  const statements: Omit<DriftStatement, "id">[] = [
    { kind: "rows", sql: rowCountQuery(window, categorical) },
    ...columns.map((column, i) => ({
      column: column.name,
      index: i,
      kind: column.kind,
      sql:
        column.kind === "numeric"
          ? numericColumnQuery(
              dialect,
              window,
              i,
              inlineReference(dialect, column.sortedValues ?? new Float64Array(0)),
              column.psiEdges,
            )
          : categoryCountsQuery(window, i),
    })),
  ];
  return statements.map((statement) => {
    const id = `mk${createHash("sha256").update(`${dialect.name}\n${statement.sql}`).digest("hex").slice(0, 16)}`;
    const sql = `SELECT ${dialect.stringLiteral(id)} AS ${STATEMENT_COLUMN}, q.* FROM (\n${statement.sql}\n) AS q`;
    return { ...statement, id, sql };
  });
}
