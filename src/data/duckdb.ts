/**
 * The adapter for DuckDB (@duckdb/node-api): an embedded engine that reads CSV, JSON Lines and
 * Parquet out of core. It is an optional dependency the user installs (`npm install
 * @duckdb/node-api`): loaded with a dynamic import only when drift is asked to use it, never
 * bundled (a native module; scripts/bundle.mjs keeps it external).
 */
import { UserError } from "../errors.ts";

/** The package name, as the user installs it. */
export const DUCKDB_PACKAGE = "@duckdb/node-api";

type DuckdbModule = typeof import("@duckdb/node-api");

type SqlRow = Record<string, unknown>;

export interface DuckdbSession {
  /** Runs one statement and returns its rows (BIGINT/HUGEINT as numbers, exact below 2^53). */
  query(sql: string): Promise<SqlRow[]>;
  /** Column names of a relation, as DuckDB reads them. */
  columnsOf(relation: string): Promise<string[]>;
  /** Creates a temporary table (v DOUBLE, c BIGINT) of the distinct values of a sorted array with their counts. */
  valueCounts(table: string, sortedValues: Float64Array): Promise<void>;
  close(): void;
}

let loaded: Promise<DuckdbModule | undefined> | undefined;

/** The module, or undefined when it is not installed (any other failure to load is thrown). */
function loadDuckdb(): Promise<DuckdbModule | undefined> {
  loaded ??= import(DUCKDB_PACKAGE).then(
    (module: DuckdbModule) => module,
    (error: NodeJS.ErrnoException) => {
      if (error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "MODULE_NOT_FOUND") return undefined;
      throw error;
    },
  );
  return loaded;
}

/** Whether @duckdb/node-api can be loaded here. */
export async function duckdbAvailable(): Promise<boolean> {
  return (await loadDuckdb().catch(() => undefined)) !== undefined;
}

/**
 * Opens DuckDB: in memory, or the database file `path` (read-only: drift only reads). Threads
 * default to DuckDB's own choice (every core).
 */
export async function openDuckdb(path?: string): Promise<DuckdbSession> {
  const duckdb = await loadDuckdb();
  if (!duckdb)
    throw new UserError(
      `The duckdb engine needs the package ${DUCKDB_PACKAGE}, which is not installed. Install it next to modelkeeper (npm install ${DUCKDB_PACKAGE}), or use --engine js.`,
    );
  const instance = await duckdb.DuckDBInstance.create(path ?? ":memory:", path ? { access_mode: "READ_ONLY" } : {});
  const connection = await instance.connect();
  const run = async (sql: string): Promise<SqlRow[]> => {
    try {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => {
        const out: SqlRow = {};
        for (const [key, value] of Object.entries(row)) out[key] = typeof value === "bigint" ? Number(value) : value;
        return out;
      });
    } catch (error) {
      throw new UserError(`duckdb: ${(error as Error).message.trim()}`);
    }
  };
  return {
    query: run,
    async columnsOf(relation) {
      const rows = await run(`DESCRIBE SELECT * FROM ${relation}`);
      return rows.map((row) => String(row.column_name));
    },
    async valueCounts(table, sortedValues) {
      await run(`CREATE OR REPLACE TEMP TABLE "${table.replaceAll('"', '""')}" (v DOUBLE, c BIGINT)`);
      const appender = await connection.createAppender(table, "main", "temp");
      for (let i = 0; i < sortedValues.length;) {
        let j = i;
        while (j < sortedValues.length && sortedValues[j] === sortedValues[i]) j++;
        appender.appendDouble(sortedValues[i]);
        appender.appendBigInt(BigInt(j - i));
        appender.endRow();
        i = j;
      }
      appender.closeSync();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
