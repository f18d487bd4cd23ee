import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvBatches } from "../../src/data/csv-reader.ts";
import type { ColumnBatch } from "../../src/data/column-batch.ts";
import type { Column } from "../../src/data/table.ts";
import { seededRandom as seeded } from "../support/seeded-random.ts";

const dir = mkdtempSync(join(tmpdir(), "modelkeeper-csv-"));
let fileCount = 0;
function csvFile(content: string | Buffer): string {
  const path = join(dir, `f${fileCount++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, options: Parameters<typeof csvBatches>[1] = {}): Promise<ColumnBatch[]> {
  const batches: ColumnBatch[] = [];
  for await (const batch of csvBatches(path, options)) batches.push(batch);
  return batches;
}

/** Column values as plain JS: numbers (null for missing) or strings (null for missing). */
function plain(column: Column): (number | string | null)[] {
  if (column.kind === "numeric") return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.categories[c]));
}

/** A deliberately naive RFC 4180 parser over a string: the reference the fast one must agree with. */
function naiveParse(text: string): string[][] {
  if (text.startsWith("\ufeff")) text = text.slice(1);
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let i = 0;
  let quotedField = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !quotedField)) records.push(fields);
    fields = [];
    field = "";
    quotedField = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === "" && !quotedField) {
      quotedField = true;
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else if (c === ",") {
      fields.push(field);
      field = "";
      quotedField = false;
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      endRecord();
      i += 2;
    } else if (c === "\n" || c === "\r") {
      endRecord();
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || fields.length > 0 || quotedField) endRecord();
  return records;
}

test("tricky RFC 4180 records: quotes, escaped quotes, embedded commas and line breaks, CRLF, BOM, blank lines", async () => {
  const [batch] = await readAll("test/fixtures/data/rfc4180.csv");
  assert.equal(batch.rowCount, 6);
  assert.deepEqual(
    batch.columns.map((c) => [c.name, c.kind]),
    [
      ["id", "numeric"],
      ["amount", "numeric"],
      ["note", "categorical"],
      ["country", "categorical"],
      ["flag", "categorical"],
    ],
  );
  assert.deepEqual(plain(batch.columns[1]), [12.5, -0.25, null, null, 1000, Infinity]);
  assert.deepEqual(plain(batch.columns[2]), [
    "plain, with comma",
    'say "hi"',
    "two\r\nlines",
    null,
    'end "quoted"\nand LF',
    "x",
  ]);
  assert.deepEqual(plain(batch.columns[3]), ["DE", "FR", null, "DE", null, "US"]);
  assert.deepEqual(plain(batch.columns[4]), ["true", "false", "true", "false", "true", null]);
  assert.equal(batch.firstLine, 2);
});

test("every chunk size gives the same table as a naive parser (random quoting, CRLF/LF/CR, missing values)", async () => {
  const random = seeded(42);
  const pieces = ["", "NA", "x", "a,b", 'say "hi"', "line\nbreak", "cr\r\nlf", "-1.5", "2e3", "007", "é ü", "  7 "];
  for (let trial = 0; trial < 12; trial++) {
    const columns = 1 + Math.floor(random() * 4);
    const newline = ["\n", "\r\n", "\r"][trial % 3];
    const numericColumn = Math.floor(random() * columns);
    let text = trial % 4 === 0 ? "\ufeff" : "";
    text += Array.from({ length: columns }, (_, c) => `c${c}`).join(",") + newline;
    const rows = 1 + Math.floor(random() * 30);
    for (let r = 0; r < rows; r++) {
      const fields = Array.from({ length: columns }, (_, c) => {
        if (c === numericColumn) return random() < 0.2 ? "" : String(Math.round((random() - 0.5) * 1e6) / 1000);
        const piece = pieces[Math.floor(random() * pieces.length)];
        const mustQuote = /[",\r\n]/.test(piece) || (piece === "" && columns === 1);
        return mustQuote || random() < 0.3 ? `"${piece.replaceAll('"', '""')}"` : piece;
      });
      text += fields.join(",") + (r < rows - 1 || random() < 0.5 ? newline : "");
    }
    const expected = naiveParse(text);
    const header = expected[0];
    const path = csvFile(text);
    for (const chunkBytes of [1, 2, 3, 5, 8, 13, 64, 1 << 20]) {
      const [batch] = await readAll(path, {
        chunkBytes,
        types: Object.fromEntries(header.map((h, c) => [h, c === numericColumn ? "numeric" : "categorical"])),
      });
      assert.equal(batch.rowCount, expected.length - 1, `trial ${trial}, chunk ${chunkBytes}`);
      batch.columns.forEach((column, c) => {
        const want = expected.slice(1).map((record) => {
          const value = record[c];
          if (["", "NA"].includes(value)) return null;
          return c === numericColumn ? Number(value) : value;
        });
        assert.deepEqual(plain(column), want, `trial ${trial}, chunk ${chunkBytes}, column ${c}`);
      });
    }
  }
});

test("numbers in a CSV are exactly Number(text), for short and long mantissas and exponents", async () => {
  const random = seeded(5);
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const x = (random() - 0.5) * 10 ** Math.floor(random() * 20 - 8);
    texts.push(
      [String(x), x.toFixed(Math.floor(random() * 8)), x.toExponential(Math.floor(random() * 17)), x.toPrecision(17)][
        i % 4
      ],
    );
  }
  const path = csvFile(`v\n${texts.join("\n")}\n`);
  const [batch] = await readAll(path, { chunkBytes: 4096 });
  const column = batch.columns[0];
  assert.equal(column.kind, "numeric");
  if (column.kind !== "numeric") return;
  texts.forEach((text, i) => assert.ok(Object.is(column.values[i], Number(text)), `${text}: ${column.values[i]}`));
});

test("type inference: numbers numeric, pandas' missing tokens missing, anything else categorical", async () => {
  const path = csvFile("n,m,s,b\n1,NaN,1,true\n2.5,null,x,false\n,N/A,2,\n-inf,#N/A,,TRUE\n");
  const [batch] = await readAll(path);
  assert.deepEqual(
    batch.columns.map((c) => c.kind),
    ["numeric", "numeric", "categorical", "categorical"],
  );
  assert.deepEqual(plain(batch.columns[0]), [1, 2.5, null, -Infinity]);
  assert.deepEqual(plain(batch.columns[1]), [null, null, null, null]);
  assert.deepEqual(plain(batch.columns[2]), ["1", "x", "2", null]);
  assert.deepEqual(plain(batch.columns[3]), ["true", "false", null, "TRUE"]);
  assert.deepEqual(batch.promotions, [{ column: "s", line: 3, value: "x", numbersBefore: 1 }]);
});

test("only the selected columns are built, in file order", async () => {
  const path = csvFile('a,b,c\n1,"x,y",3\n4,z,6\n');
  const [batch] = await readAll(path, { columns: ["c", "a"] });
  assert.deepEqual(
    batch.columns.map((c) => [c.name, plain(c)]),
    [
      ["a", [1, 4]],
      ["c", [3, 6]],
    ],
  );
});

test("batches of a fixed size carry their first line; promotions stay with the batch they happen in", async () => {
  const rows = Array.from({ length: 10 }, (_, i) => `${i},${i === 6 ? "seven" : i}`);
  const path = csvFile(`i,v\n${rows.join("\n")}\n`);
  const batches = await readAll(path, { batchRows: 4, chunkBytes: 7 });
  assert.deepEqual(
    batches.map((b) => [b.rowCount, b.firstLine]),
    [
      [4, 2],
      [4, 6],
      [2, 10],
    ],
  );
  assert.deepEqual(
    batches.map((b) => b.columns[1].kind),
    ["numeric", "categorical", "categorical"],
  );
  assert.deepEqual(plain(batches[1].columns[1]), ["4", "5", "seven", "7"]);
  assert.deepEqual(batches[1].promotions, [{ column: "v", line: 8, value: "seven", numbersBefore: 2 }]);
  assert.deepEqual(batches[2].promotions, []);
});

test("a header-only file is a table with no rows", async () => {
  const [batch] = await readAll(csvFile("a,b\r\n"));
  assert.equal(batch.rowCount, 0);
  assert.deepEqual(
    batch.columns.map((c) => c.name),
    ["a", "b"],
  );
});

test("errors name the file, the line and the column", async () => {
  const cases: [string, RegExp][] = [
    [
      "test/fixtures/data/unterminated-quote.csv",
      /^test\/fixtures\/data\/unterminated-quote\.csv:3: the quoted field in column 2 \("b"\) is never closed; add the closing quote/,
    ],
    [
      "test/fixtures/data/too-many-fields.csv",
      /^test\/fixtures\/data\/too-many-fields\.csv:3: this row has 4 fields but the header has 3; quote fields that contain commas/,
    ],
    [
      "test/fixtures/data/too-few-fields.csv",
      /^test\/fixtures\/data\/too-few-fields\.csv:3: this row has 2 fields but the header has 3; add the missing fields/,
    ],
    [
      "test/fixtures/data/duplicate-header.csv",
      /^test\/fixtures\/data\/duplicate-header\.csv:1: column 3 of the header repeats the name "a" of column 1; rename one of them\.$/,
    ],
    [
      "test/fixtures/data/empty-header.csv",
      /^test\/fixtures\/data\/empty-header\.csv:1: column 2 of the header has no name; give every column a name/,
    ],
    [
      "test/fixtures/data/empty.csv",
      /^test\/fixtures\/data\/empty\.csv: the file is empty; a CSV file needs a header row/,
    ],
    [
      "test/fixtures/data/text-after-quote.csv",
      /^test\/fixtures\/data\/text-after-quote\.csv:2: unexpected text after the closing quote in column 2 \("b"\); a quote inside a quoted field must be doubled/,
    ],
    ["test/fixtures/data/no-such-file.csv", /^test\/fixtures\/data\/no-such-file\.csv: no such file; check the path/],
    ["test/fixtures/data", /^test\/fixtures\/data: it is a directory; name a data file/],
  ];
  for (const [path, message] of cases) {
    await assert.rejects(readAll(path), (error: Error) => {
      assert.equal(error.name, "UserError");
      assert.match(error.message, message);
      return true;
    });
  }
});

test("an unterminated quote is reported at the line where the field started, even after embedded breaks", async () => {
  const path = csvFile('a,b\n1,"ok\nstill ok"\n2,"open\nnever\nclosed\n');
  await assert.rejects(readAll(path, { chunkBytes: 4 }), /:4: the quoted field in column 2 \("b"\) is never closed/);
});

test("a forced numeric column names the line and column of a non-number", async () => {
  await assert.rejects(
    readAll("test/fixtures/data/not-a-number.csv", { types: { amount: "numeric" } }),
    (error: Error & { where?: unknown }) => {
      assert.equal(
        error.message,
        'test/fixtures/data/not-a-number.csv:4: column 1 ("amount") holds "abc", which is not a number, but its type is set to numeric; fix the value, leave it empty for a missing value, or set the column\'s type to categorical.',
      );
      assert.deepEqual(error.where, { file: "test/fixtures/data/not-a-number.csv", line: 4, column: "amount" });
      return true;
    },
  );
});

test("a selected column that is not in the header is an error listing the columns", async () => {
  await assert.rejects(
    readAll(csvFile("a,b\n1,2\n"), { columns: ["a", "z"] }),
    /:1: no column named "z" in the header \(columns: a, b\); fix the column name or the file\./,
  );
});

test("a record longer than the read buffer is still read whole", async () => {
  const long = "x".repeat(5000);
  const [batch] = await readAll(csvFile(`a,b\n"${long}\n${long}",1\n`), { chunkBytes: 64 });
  assert.deepEqual(plain(batch.columns[0]), [`${long}\n${long}`]);
  assert.deepEqual(plain(batch.columns[1]), [1]);
});
