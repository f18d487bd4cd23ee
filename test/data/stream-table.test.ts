import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamTable, tableBatches, type TableBatch } from "../../src/data/stream-table.ts";
import type { Column } from "../../src/data/table.ts";

const dir = mkdtempSync(join(tmpdir(), "modelkeeper-stream-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function plain(column: Column): (number | string | null)[] {
  if (column.kind === "numeric") return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.categories[c]));
}

async function collect(paths: string[], options: Parameters<typeof tableBatches>[1] = {}): Promise<TableBatch[]> {
  const batches: TableBatch[] = [];
  for await (const batch of tableBatches(paths, options)) batches.push(batch);
  return batches;
}

test("batches never span files; columns are the union so far; a promotion sticks for later files", async () => {
  const a = file("a.csv", "x,code\n1,10\n2,20\n3,30\n");
  const b = file("b.csv", "code,extra\n40,p\nX9,q\n");
  const c = file("c.jsonl", '{"code": "007", "x": 4}\n');
  const batches = await collect([a, b, c], { batchRows: 2 });
  assert.deepEqual(
    batches.map((t) => [t.file, t.firstLine, t.rowCount, t.columns.map((col) => `${col.name}:${col.kind}`)]),
    [
      [a, 2, 2, ["x:numeric", "code:numeric"]],
      [a, 4, 1, ["x:numeric", "code:numeric"]],
      [b, 2, 2, ["x:numeric", "code:categorical", "extra:categorical"]],
      [c, 1, 1, ["x:numeric", "code:categorical", "extra:categorical"]],
    ],
  );
  assert.deepEqual(plain(batches[2].columns[0]), [null, null]);
  assert.deepEqual(plain(batches[2].columns[1]), ["40", "X9"]);
  assert.deepEqual(batches[2].promotions, [{ column: "code", line: 3, value: "X9", numbersBefore: 1 }]);
  assert.deepEqual(plain(batches[3].columns[1]), ["007"]);
  assert.deepEqual(plain(batches[3].columns[2]), [null]);
});

test("a promotion in a later batch of the same file: earlier batches stay numeric", async () => {
  const path = file("late.csv", `v\n${["1", "2", "3", "oops", "5"].join("\n")}\n`);
  const batches = await collect([path], { batchRows: 2 });
  assert.deepEqual(
    batches.map((t) => [t.columns[0].kind, plain(t.columns[0]), t.promotions.length]),
    [
      ["numeric", [1, 2], 0],
      ["categorical", ["3", "oops"], 1],
      ["categorical", ["5"], 0],
    ],
  );
  assert.deepEqual(batches[1].promotions, [{ column: "v", line: 5, value: "oops", numbersBefore: 1 }]);
});

test("streamTable awaits each batch and counts rows over a larger file", async () => {
  const rows = 120_000;
  let text = "i,half\n";
  for (let i = 0; i < rows; i++) text += `${i},${i / 2}\n`;
  const path = file("big.csv", text);
  let sum = 0;
  let largest = 0;
  const result = await streamTable([path], {
    batchRows: 10_000,
    columns: ["half"],
    onBatch: async (batch) => {
      await new Promise((resolve) => setImmediate(resolve));
      const half = batch.columns[0];
      if (half.kind === "numeric") for (const v of half.values) sum += v;
      largest = Math.max(largest, batch.rowCount);
    },
  });
  assert.deepEqual(result, { rowCount: rows, batchCount: 12 });
  assert.equal(largest, 10_000);
  assert.equal(sum, ((rows - 1) * rows) / 4);
});

test("columns must exist in some file; batchRows must be a positive integer", async () => {
  const a = file("p.csv", "x\n1\n");
  const b = file("q.csv", "y\n2\n");
  const batches = await collect([a, b], { columns: ["y"] });
  assert.deepEqual(
    batches.map((t) => t.columns.map((c) => c.name)),
    [[], ["y"]],
  );
  await assert.rejects(collect([a, b], { columns: ["z"] }), /No column named "z" in any of/);
  await assert.rejects(collect([a], { columns: ["z"] }), /p\.csv:1: no column named "z" in the header/);
  await assert.rejects(collect([a], { batchRows: 0 }), /batchRows must be a positive integer/);
});
