import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeFeatures } from "../../src/trainer/encode-features.ts";
import { makeTable } from "../model/helpers.ts";

test("the doc comment's example: one 0/1 column per known category; unseen and missing rows are all zeros", () => {
  const table = makeTable({ amount: [5, 6, 7, 8], device: ["chip", "online", "virtual_card", null] });
  const encoded = encodeFeatures(table, ["amount", "device"], { device: ["chip", "online"] });
  assert.deepEqual(
    encoded.columns.map((c) => [c.name, Array.from(c.kind === "numeric" ? c.values : [])]),
    [
      ["amount", [5, 6, 7, 8]],
      ["device=chip", [1, 0, 0, 0]],
      ["device=online", [0, 1, 0, 0]],
    ],
  );
  assert.equal(encoded.rowCount, 4);
});

test("a numeric column listed as categorical is matched by String(value)", () => {
  const table = makeTable({ store: [1, 10, 2, null, 7] });
  const encoded = encodeFeatures(table, ["store"], { store: ["1", "10", "2"] });
  assert.deepEqual(
    encoded.columns.map((c) => Array.from(c.kind === "numeric" ? c.values : [])),
    [
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 1, 0, 0],
    ],
  );
});
