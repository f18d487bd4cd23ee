import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonlBatches } from "../../src/data/jsonl-reader.ts";
import type { BatchReadOptions, ColumnBatch } from "../../src/data/column-batch.ts";
import type { Column } from "../../src/data/table.ts";

const dir = mkdtempSync(join(tmpdir(), "modelkeeper-jsonl-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, options: BatchReadOptions = {}): Promise<ColumnBatch[]> {
  const batches: ColumnBatch[] = [];
  for await (const batch of jsonlBatches(path, options)) batches.push(batch);
  return batches;
}

function plain(column: Column): (number | string | null)[] {
  if (column.kind === "numeric") return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.categories[c]));
}

test("keys become columns in order of first sight; absent keys and null are missing", async () => {
  const [batch] = await readAll("test/fixtures/data/records.jsonl");
  assert.equal(batch.rowCount, 4);
  assert.equal(batch.firstLine, 1);
  assert.deepEqual(
    batch.columns.map((c) => [c.name, c.kind, plain(c)]),
    [
      ["amount", "numeric", [12.5, null, -0.001, null]], // NaN (Python's json.dumps) is missing
      ["country", "categorical", ["DE", "FR", null, "DE"]],
      ["fraud", "categorical", ["true", "false", "false", "true"]],
      ["hour", "numeric", [null, 3, 23, Infinity]],
    ],
  );
});

test("text in a numeric column makes it categorical; numbers become their shortest text", async () => {
  const [batch] = await readAll("test/fixtures/data/mixed.jsonl");
  assert.deepEqual(plain(batch.columns[0]), ["1", "two"]);
  assert.deepEqual(batch.promotions, [{ column: "a", line: 2, value: "two", numbersBefore: 1 }]);
});

test("forced types: numeric strings are numbers, anything else names line and key", async () => {
  const path = file("forced.jsonl", '{"a": "1.5", "b": 2}\n{"a": "", "b": 3}\n{"a": "x", "b": 4}\n');
  await assert.rejects(readAll(path, { types: { a: "numeric" } }), (error: Error & { where?: unknown }) => {
    assert.match(
      error.message,
      /forced\.jsonl:3: key "a" holds "x", which is not a number, but its type is set to numeric; fix the value, use null for a missing value, or set the column's type to categorical\.$/,
    );
    assert.deepEqual(error.where, { file: path, line: 3, column: "a", key: "a" });
    return true;
  });
  const [batch] = await readAll(path, { types: { b: "categorical" }, columns: ["b"] });
  assert.deepEqual(
    batch.columns.map((c) => [c.name, plain(c)]),
    [["b", ["2", "3", "4"]]],
  );
});

test("errors: nested values, invalid JSON, non-objects, empty files", async () => {
  await assert.rejects(
    readAll("test/fixtures/data/nested.jsonl"),
    /^UserError: test\/fixtures\/data\/nested\.jsonl:2: key "a" holds an object; modelkeeper reads flat records/,
  );
  await assert.rejects(
    readAll("test/fixtures/data/invalid.jsonl"),
    /^UserError: test\/fixtures\/data\/invalid\.jsonl:2:9: invalid JSON \(.*\); each line must be one complete JSON object/,
  );
  await assert.rejects(
    readAll("test/fixtures/data/not-an-object.jsonl"),
    /not-an-object\.jsonl:2: the line holds an array, not a JSON object/,
  );
  await assert.rejects(
    readAll(file("blank.jsonl", "\n  \n")),
    /blank\.jsonl: the file has no records; a JSON Lines file holds one JSON object per line/,
  );
  await assert.rejects(
    readAll(file("cols.jsonl", '{"a": 1}\n'), { columns: ["b"] }),
    /cols\.jsonl: no record has the key "b" \(keys: a\)/,
  );
});

test("batches, CRLF, a BOM and a last line without a newline", async () => {
  const lines = Array.from({ length: 7 }, (_, i) => JSON.stringify(i === 5 ? { v: i, w: "late" } : { v: i }));
  const path = file("batches.jsonl", `\ufeff${lines.join("\r\n")}`);
  const batches = await readAll(path, { batchRows: 3 });
  assert.deepEqual(
    batches.map((b) => [b.rowCount, b.firstLine, b.columns.map((c) => c.name)]),
    [
      [3, 1, ["v"]],
      [3, 4, ["v", "w"]],
      [1, 7, ["v", "w"]],
    ],
  );
  assert.deepEqual(plain(batches[1].columns[1]), [null, null, "late"]);
  assert.deepEqual(plain(batches[2].columns[0]), [6]);
});
