import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parquetBatches } from "../../src/data/parquet-reader.ts";
import type { BatchReadOptions, ColumnBatch } from "../../src/data/column-batch.ts";
import type { Column } from "../../src/data/table.ts";

// tiny.parquet and its expected values come from scripts/references/data_readers.py: two row
// groups, plain DOUBLE/INT64/FLOAT/BOOLEAN columns, dictionary-encoded UTF8 and INT32, nulls.
const expected = JSON.parse(readFileSync("test/fixtures/data/tiny.parquet.json", "utf8")) as {
  rowCount: number;
  columns: { name: string; kind: string; values: (number | string | null)[] }[];
};

async function readAll(path: string, options: BatchReadOptions = {}): Promise<ColumnBatch[]> {
  const batches: ColumnBatch[] = [];
  for await (const batch of parquetBatches(path, options)) batches.push(batch);
  return batches;
}

function plain(column: Column): (number | string | null)[] {
  if (column.kind === "numeric") return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.categories[c]));
}

test("plain and dictionary-encoded columns, nulls as missing, across two row groups", async () => {
  const [batch] = await readAll("test/fixtures/data/tiny.parquet");
  assert.equal(batch.rowCount, expected.rowCount);
  assert.equal(batch.firstLine, 1);
  assert.deepEqual(
    batch.columns.map((c) => [c.name, c.kind, plain(c)]),
    expected.columns.map((c) => [c.name, c.kind, c.values]),
  );
  assert.deepEqual(batch.promotions, []);
});

// Written by pyarrow (scripts/references/parquet_codecs.py): the same table under every codec.
const codecs = JSON.parse(readFileSync("test/fixtures/data/codecs.parquet.json", "utf8")) as typeof expected & {
  codecs: string[];
  writer: string;
};

for (const codec of codecs.codecs) {
  test(`a ${codec}-compressed file written by ${codecs.writer} reads as the writer wrote it`, async () => {
    const [batch] = await readAll(`test/fixtures/data/codec-${codec}.parquet`);
    assert.equal(batch.rowCount, codecs.rowCount);
    assert.deepEqual(
      batch.columns.map((c) => [c.name, c.kind, plain(c)]),
      codecs.columns.map((c) => [c.name, c.kind, c.values]),
    );
  });
}

test("batches split row groups and carry their first row", async () => {
  const batches = await readAll("test/fixtures/data/tiny.parquet", { batchRows: 2, columns: ["country", "count"] });
  assert.deepEqual(
    batches.map((b) => [b.rowCount, b.firstLine]),
    [
      [2, 1],
      [2, 3],
      [1, 5],
    ],
  );
  assert.deepEqual(
    batches.map((b) => b.columns.map((c) => c.name)),
    [
      ["count", "country"],
      ["count", "country"],
      ["count", "country"],
    ],
  );
  assert.deepEqual(
    batches.flatMap((b) => plain(b.columns[1])),
    ["DE", "FR", null, "DE", "DE"],
  );
});

test("forced categorical renders numbers as text; forced numeric on text names the row", async () => {
  const [batch] = await readAll("test/fixtures/data/tiny.parquet", {
    columns: ["label"],
    types: { label: "categorical" },
  });
  assert.deepEqual(plain(batch.columns[0]), ["0", "1", "1", "0", "1"]);
  await assert.rejects(
    readAll("test/fixtures/data/tiny.parquet", { types: { country: "numeric" } }),
    /tiny\.parquet: row 1: column "country" holds "DE", which is not a number/,
  );
});

test("errors: truncated file, nested column, unknown column, missing file", async () => {
  await assert.rejects(
    readAll("test/fixtures/data/truncated.parquet"),
    /^UserError: test\/fixtures\/data\/truncated\.parquet: not a readable Parquet file: parquet file invalid \(footer != PAR1\)\. The file may be truncated/,
  );
  await assert.rejects(
    readAll("test/fixtures/data/nested.parquet"),
    /nested\.parquet: column "point" is nested \(a list, map or struct\)/,
  );
  const [batch] = await readAll("test/fixtures/data/nested.parquet", { columns: ["id"] });
  assert.deepEqual(plain(batch.columns[0]), [1, 2]);
  await assert.rejects(
    readAll("test/fixtures/data/tiny.parquet", { columns: ["nope"] }),
    /tiny\.parquet: no column named "nope" in the Parquet schema \(columns: amount, count, country, label, flag, score\)/,
  );
  await assert.rejects(readAll("test/fixtures/data/missing.parquet"), /missing\.parquet: no such file/);
});
