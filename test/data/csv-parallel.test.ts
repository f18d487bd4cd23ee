import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { readCsvParallel } from "../../src/data/csv-parallel.ts";
import { csvBatches } from "../../src/data/csv-reader.ts";
import type { ColumnBatch } from "../../src/data/column-batch.ts";

const dir = mkdtempSync(join(tmpdir(), "modelkeeper-parallel-"));
let count = 0;
function csvFile(content: string): string {
  const path = join(dir, `p${count++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function sequential(path: string, options: Parameters<typeof csvBatches>[1] = {}): Promise<ColumnBatch> {
  let only: ColumnBatch | undefined;
  for await (const batch of csvBatches(path, options)) only = batch;
  return { columns: only!.columns, rowCount: only!.rowCount, firstLine: only!.firstLine, promotions: only!.promotions };
}

const twoCores = availableParallelism() >= 2;
const force = { minBytes: 0 };

test(
  "two threads give exactly the sequential table (numbers, text, missing values)",
  { skip: !twoCores && "one core" },
  async () => {
    let text = "id,x,label,note\n";
    for (let i = 0; i < 5000; i++)
      text += `${i},${(i * 0.37 - 900).toFixed(i % 7)},${["a", "b", "c"][i % 3]},${i % 11 === 0 ? "" : `"n ${i % 13}, ok"`}\n`;
    const path = csvFile(text);
    const parallel = await readCsvParallel(path, {}, force);
    assert.ok(parallel, "the parallel path should have been taken");
    assert.deepEqual(parallel, await sequential(path));
  },
);

test(
  "halves that disagree on a column's type report it, so readTable re-reads it as text",
  { skip: !twoCores && "one core" },
  async () => {
    let text = "code,v\n";
    for (let i = 0; i < 2000; i++) text += `${i < 1000 ? String(i).padStart(4, "0") : `K${i}`},${i}\n`;
    const path = csvFile(text);
    const parallel = await readCsvParallel(path, {}, force);
    assert.ok(parallel);
    assert.equal(parallel.columns[0].kind, "categorical");
    assert.equal(parallel.promotions.length, 1);
    assert.equal(parallel.promotions[0].column, "code");
    assert.ok(parallel.promotions[0].numbersBefore > 0);
    assert.deepEqual(parallel.columns[1], (await sequential(path)).columns[1]);
  },
);

test(
  "a quoted line break across the split, or an error, falls back to the sequential reader",
  { skip: !twoCores && "one core" },
  async () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i}`).join("\n");
    const quoted = csvFile(`a,b\n1,"${long}"\n2,x\n`);
    assert.equal(await readCsvParallel(quoted, {}, force), undefined);
    const broken = csvFile(`a,b\n${"1,2\n".repeat(500)}3\n${"4,5\n".repeat(500)}`);
    assert.equal(await readCsvParallel(broken, {}, force), undefined);
    assert.equal(await readCsvParallel(csvFile("a\n1\n"), {}), undefined); // small: not worth a thread
  },
);
