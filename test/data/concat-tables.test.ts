import { test } from "node:test";
import assert from "node:assert/strict";
import { concatTables } from "../../src/data/concat-tables.ts";
import type { Table } from "../../src/data/table.ts";

test("union of columns, missing where a part lacks one, categories merged by text", () => {
  const first: Table = {
    source: "a",
    rowCount: 2,
    columns: [
      { kind: "numeric", name: "x", values: new Float64Array([1, NaN]) },
      { kind: "categorical", name: "c", codes: new Int32Array([1, 0]), categories: ["p", "q"] },
    ],
  };
  const second: Table = {
    source: "b",
    rowCount: 3,
    columns: [
      { kind: "categorical", name: "c", codes: new Int32Array([0, -1, 1]), categories: ["q", "r"] },
      { kind: "numeric", name: "y", values: new Float64Array([7, 8, 9]) },
    ],
  };
  const table = concatTables([first, second], "a, b");
  assert.equal(table.rowCount, 5);
  assert.deepEqual(table.columns, [
    { kind: "numeric", name: "x", values: new Float64Array([1, NaN, NaN, NaN, NaN]) },
    { kind: "categorical", name: "c", codes: new Int32Array([1, 0, 1, -1, 2]), categories: ["p", "q", "r"] },
    { kind: "numeric", name: "y", values: new Float64Array([NaN, NaN, 7, 8, 9]) },
  ]);
});

test("a column numeric in one part and categorical in another is categorical, numbers as String(x)", () => {
  const table = concatTables(
    [
      { source: "a", rowCount: 2, columns: [{ kind: "numeric", name: "v", values: new Float64Array([1.5, NaN]) }] },
      {
        source: "b",
        rowCount: 1,
        columns: [{ kind: "categorical", name: "v", codes: new Int32Array([0]), categories: ["high"] }],
      },
    ],
    "a, b",
  );
  assert.deepEqual(table.columns, [
    { kind: "categorical", name: "v", codes: new Int32Array([0, -1, 1]), categories: ["1.5", "high"] },
  ]);
});
