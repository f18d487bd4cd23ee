import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvBatches } from "../../src/data/csv-reader.ts";
import { jsonlBatches } from "../../src/data/jsonl-reader.ts";
import { readTable } from "../../src/data/read-table.ts";
import { cellsOfRow, firstNonNumber } from "../../src/data/locate-cell.ts";
import { MAX_RECORD_BYTES } from "../../src/data/record-limit.ts";
import { UserError } from "../../src/errors.ts";

async function withFile(name: string, content: string, body: (path: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "mk-record-limit-"));
  try {
    const path = join(dir, name);
    await writeFile(path, content);
    await body(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function drain(batches: AsyncGenerator<unknown>): Promise<void> {
  for await (const _ of batches);
}

// The real limit is 128 MiB (a 600 MB field was measured by hand); the path is the same at 64 KiB.
const LIMIT = 64 * 1024;

test("a CSV field longer than the limit is a UserError naming the file, the line and the column", async () => {
  assert.equal(MAX_RECORD_BYTES, 128 * 1024 * 1024);
  const content = `a,b,notes\n1,2,short\n\n1,2,${"x".repeat(3 * LIMIT)}\n1,2,after\n`;
  await withFile("big.csv", content, async (path) => {
    await assert.rejects(drain(csvBatches(path, { maxRecordBytes: LIMIT, chunkBytes: 4096 })), (error: unknown) => {
      assert.ok(error instanceof UserError, String(error));
      assert.match(
        error.message,
        /big\.csv:4: the field in column 3 \("notes"\) is longer than 64 KiB and has not ended/,
      );
      assert.match(error.message, /a quote is probably left open/);
      assert.deepEqual({ line: error.where?.line, column: error.where?.column }, { line: 4, column: "notes" });
      return true;
    });
    // Under the limit the same file reads (the buffer grows as before).
    let rows = 0;
    for await (const batch of csvBatches(path, { maxRecordBytes: 4 * LIMIT, chunkBytes: 4096 })) rows += batch.rowCount;
    assert.equal(rows, 3);
  });
});

test("an unclosed quote in a large file hits the limit at the line where the field starts", async () => {
  const content = `a,b\n1,"never closed\n${"2,3\n".repeat(LIMIT)}`;
  await withFile("quote.csv", content, async (path) => {
    await assert.rejects(
      drain(csvBatches(path, { maxRecordBytes: LIMIT, chunkBytes: 4096 })),
      /quote\.csv:2: the field in column 2 \("b"\) is longer than 64 KiB/,
    );
  });
});

test("a JSON Lines line longer than the limit names the file and line", async () => {
  // Longer than the reader's first 1 MiB buffer, so that it must grow to hold the line.
  const content = `{"a": 1}\n\n{"a": "${"y".repeat(1.5 * 1024 * 1024)}"}\n`;
  await withFile("big.jsonl", content, async (path) => {
    await assert.rejects(
      drain(jsonlBatches(path, { maxRecordBytes: LIMIT })),
      /big\.jsonl:3: the line is longer than 64 KiB and has not ended/,
    );
  });
});

test("a number of 300,000 digits in a numeric column is read, not a stack overflow", async () => {
  await withFile("long-number.csv", `x,y\n1,2\n1${"2".repeat(300_000)},3\n`, async (path) => {
    const table = await readTable(path);
    const x = table.columns[0];
    assert.equal(x.kind, "numeric");
    assert.equal(x.kind === "numeric" && x.values[1], Infinity); // what Number() gives for it
  });
});

test("cells are located by line through quoted line breaks and blank lines, with their text as written", async () => {
  const content = `id,x,note\n1,0.5,"two\nlines"\n\n2,n/a,plain\n3,oops,x\n`;
  await withFile("cells.csv", content, async (path) => {
    assert.deepEqual(await cellsOfRow([path], 1, ["x"]), [
      { file: path, line: 5, unit: "line", column: "x", text: "n/a" },
    ]);
    assert.deepEqual(await firstNonNumber([path], "x"), {
      file: path,
      line: 6,
      unit: "line",
      column: "x",
      text: "oops",
    });
  });
  await withFile("cells.jsonl", `{"x": 1}\n\n{"x": null}\n{"x": "oops"}\n`, async (path) => {
    assert.deepEqual(await cellsOfRow([path], 1, ["x"]), [
      { file: path, line: 3, unit: "line", column: "x", text: undefined },
    ]);
    assert.deepEqual(await firstNonNumber([path], "x"), {
      file: path,
      line: 4,
      unit: "line",
      column: "x",
      text: "oops",
    });
  });
});
