import { test } from "node:test";
import assert from "node:assert/strict";
import { ColumnBuilder } from "../../src/data/column-builder.ts";

test("a numeric column promoted mid-batch renders earlier numbers as text and reports it", () => {
  const builder = new ColumnBuilder("v", undefined, 4);
  builder.values.set([1.5, NaN, 2]);
  builder.promote(3, 5, "high");
  builder.codes[3] = builder.code("high");
  assert.equal(builder.kind, "categorical");
  assert.deepEqual(builder.promotion, { column: "v", line: 5, value: "high", numbersBefore: 2 });
  assert.deepEqual(builder.finish(4, 4), {
    kind: "categorical",
    name: "v",
    codes: new Int32Array([0, -1, 1, 2]),
    categories: ["1.5", "2", "high"],
  });
  // The next batch starts categorical with its own dictionary and no promotion.
  assert.equal(builder.kind, "categorical");
  assert.equal(builder.promotion, undefined);
  assert.deepEqual(builder.categories, []);
});

test("a promotion before any number is not reported", () => {
  const builder = new ColumnBuilder("c", undefined, 2);
  builder.values[0] = NaN;
  builder.promote(1, 3, "x");
  assert.equal(builder.promotion, undefined);
});

test("codeOfBytes: same bytes, same code; missing tokens are −1; UTF-8 decoded", () => {
  const builder = new ColumnBuilder("c", "categorical", 8);
  const bytes = Buffer.from("DE,FR,DE,NA,Zürich,Zürich,");
  const fields = [
    [0, 2],
    [3, 5],
    [6, 8],
    [9, 11],
    [12, 19],
    [20, 27],
  ];
  assert.deepEqual(
    fields.map(([s, e]) => builder.codeOfBytes(bytes, s, e)),
    [0, 1, 0, -1, 2, 2],
  );
  assert.deepEqual(builder.categories, ["DE", "FR", "Zürich"]);
});

test("grow keeps the rows written so far", () => {
  const builder = new ColumnBuilder("n", "numeric", 2);
  builder.values.set([3, 4]);
  builder.grow(5, 2);
  assert.equal(builder.capacity, 5);
  assert.deepEqual(Array.from(builder.values.subarray(0, 2)), [3, 4]);
  assert.deepEqual(builder.finish(2, 0), { kind: "numeric", name: "n", values: new Float64Array([3, 4]) });
});
