import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTable, readTables } from "../../src/data/read-table.ts";
import type { Column, Table } from "../../src/data/table.ts";

const dir = mkdtempSync(join(tmpdir(), "modelkeeper-read-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function plain(column: Column): (number | string | null)[] {
  if (column.kind === "numeric") return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.categories[c]));
}

function summary(table: Table): [string, string, (number | string | null)[]][] {
  return table.columns.map((c) => [c.name, c.kind, plain(c)]);
}

interface ReferenceFile {
  rowCount: number;
  columns: { name: string; kind: string; values: (number | string | null)[] }[];
}
const reference = JSON.parse(readFileSync("test/fixtures/data/pandas-reference.json", "utf8")) as {
  files: Record<string, ReferenceFile>;
};

for (const name of Object.keys(reference.files)) {
  test(`${name} reads as pandas.read_csv reads it (exact numbers; scripts/references/data_readers.py)`, async () => {
    const table = await readTable(`test/fixtures/data/${name}`);
    const expected = reference.files[name];
    assert.equal(table.rowCount, expected.rowCount);
    assert.equal(table.source, `test/fixtures/data/${name}`);
    assert.deepEqual(
      summary(table),
      expected.columns.map((c) => [
        c.name,
        c.kind,
        c.kind === "numeric" ? c.values.map((v) => (v === "inf" ? Infinity : v === "-inf" ? -Infinity : v)) : c.values,
      ]),
    );
  });
}

test("a column that turns categorical after numbers keeps the file's own spellings (read again as text)", async () => {
  const table = await readTable("test/fixtures/data/promoted.csv");
  const zip = table.columns[0];
  assert.equal(zip.kind, "categorical");
  if (zip.kind === "categorical") assert.deepEqual(zip.categories, ["01234", "10115", "A-999"]);
});

test("types override inference both ways", async () => {
  const table = await readTable("test/fixtures/data/promoted.csv", {
    types: { score: "categorical", zip: "categorical" },
  });
  assert.deepEqual(
    summary(table).map(([name, kind, values]) => [name, kind, values]),
    [
      ["zip", "categorical", ["01234", "10115", "A-999", null]],
      ["city", "categorical", ["Berlin", "Berlin", "Paris", "Rome"]],
      ["score", "categorical", ["1.50", "2", null, "-inf"]],
    ],
  );
  await assert.rejects(
    readTable("test/fixtures/data/promoted.csv", { types: { zip: "numeric" } }),
    /promoted\.csv:4: column 1 \("zip"\) holds "A-999", which is not a number/,
  );
});

test("the extension picks the reader; an unknown one is an error naming the supported types", async () => {
  const jsonl = await readTable("test/fixtures/data/records.jsonl");
  assert.deepEqual(
    jsonl.columns.map((c) => c.name),
    ["amount", "country", "fraud", "hour"],
  );
  const parquet = await readTable("test/fixtures/data/tiny.parquet");
  assert.equal(parquet.rowCount, 5);
  await assert.rejects(
    readTable(file("data.xlsx", "")),
    /data\.xlsx: unknown data file type "\.xlsx"; modelkeeper reads \.csv \(with a header row\), \.jsonl \/ \.ndjson \(JSON Lines\) and \.parquet files\./,
  );
});

test("readTables stacks files under the union of their columns", async () => {
  const a = file("a.csv", "x,y\n1,p\n2,q\n");
  const b = file("b.csv", "y,z\nr,10\n");
  const c = file("c.jsonl", '{"x": 3.5, "z": 11}\n');
  const table = await readTables([a, b, c]);
  assert.equal(table.rowCount, 4);
  assert.equal(table.source, `${a}, ${b}, ${c}`);
  assert.deepEqual(summary(table), [
    ["x", "numeric", [1, 2, null, 3.5]],
    ["y", "categorical", ["p", "q", "r", null]],
    ["z", "numeric", [null, null, 10, 11]],
  ]);
});

test("readTables: a column categorical in one file is categorical in all, with each CSV's own text", async () => {
  const a = file("codes-a.csv", "code,v\n007,1\n010,2\n");
  const b = file("codes-b.csv", "code,v\nX1,3\n");
  const table = await readTables([a, b]);
  assert.deepEqual(summary(table), [
    ["code", "categorical", ["007", "010", "X1"]],
    ["v", "numeric", [1, 2, 3]],
  ]);
  const code = table.columns[0];
  if (code.kind === "categorical") assert.deepEqual(Array.from(code.codes), [0, 1, 2]);
});

test("readTables with columns: each must be in some file", async () => {
  const a = file("s1.csv", "x,y\n1,2\n");
  const b = file("s2.csv", "x\n3\n");
  assert.deepEqual(summary(await readTables([a, b], { columns: ["y"] })), [["y", "numeric", [2, null]]]);
  await assert.rejects(
    readTables([a, b], { columns: ["w"] }),
    /No column named "w" in any of .*s1\.csv, .*s2\.csv; fix the column name or the files\./,
  );
  await assert.rejects(readTables([]), /No data files to read/);
});

test("a CSV with another delimiter is an error naming the delimiter and how to fix it, not one giant column", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mk-delimiter-"));
  const semicolon = join(dir, "excel.csv");
  writeFileSync(semicolon, "amount;hour;is_fraud\n12,5;3;0\n");
  await assert.rejects(readTable(semicolon), (error: Error & { where?: { line?: number } }) => {
    assert.match(
      error.message,
      /excel\.csv:1: the header is one column, "amount;hour;is_fraud", which looks like ';'-separated \(3 columns: amount, hour, is_fraud\)\. .*write the file with commas/,
    );
    assert.equal(error.where?.line, 1);
    return true;
  });
  const tabs = join(dir, "export.csv");
  writeFileSync(tabs, "\n\na\tb\n1\t2\n");
  await assert.rejects(
    readTable(tabs, { columns: ["a"] }),
    /export\.csv:3: the header is one column, "a\tb", which looks like tab-separated/,
  );
  // A real one-column file, and commas with semicolons inside a name, are read as written.
  const single = join(dir, "single.csv");
  writeFileSync(single, "score\n1\n2\n");
  assert.equal((await readTable(single)).rowCount, 2);
  const inside = join(dir, "inside.csv");
  writeFileSync(inside, "a;b,c\n1,2\n");
  assert.deepEqual(
    (await readTable(inside)).columns.map((c) => c.name),
    ["a;b", "c"],
  );
  const empty = join(dir, "trailing.csv");
  writeFileSync(empty, "note;\nx;\n");
  assert.deepEqual(
    (await readTable(empty)).columns.map((c) => c.name),
    ["note;"],
  );
});
