import { test } from "node:test";
import assert from "node:assert/strict";
import { compareNames, learnCategories } from "../../src/trainer/category-vocabulary.ts";
import { makeTable } from "../model/helpers.ts";

const columnOf = (values: Array<string | null> | Array<number | null>) =>
  makeTable({ c: values as string[] }).columns[0];

test("the doc comment's example: the 2 most frequent of b, a, b, c, c, b are b and c; missing is not a category", () => {
  assert.deepEqual(learnCategories(columnOf(["b", "a", "b", "c", "c", "b", null]), 2), ["b", "c"]);
  assert.deepEqual(learnCategories(columnOf(["b", "a", "b", "c", "c", "b", null]), 50), ["a", "b", "c"]);
});

test("ties in frequency are broken by name, and the kept categories are sorted by code unit, not locale", () => {
  assert.deepEqual(learnCategories(columnOf(["z", "y", "x", "Z"]), 2), ["Z", "x"]);
  assert.deepEqual(["b", "B", "a", "é"].sort(compareNames), ["B", "a", "b", "é"]);
});

test("a numeric column's categories are String(value), the text the runner feeds a string input", () => {
  assert.deepEqual(learnCategories(columnOf([10, 2, 1, 2, null, 1.5]), 50), ["1", "1.5", "10", "2"]);
});

test("categories that never occur in the rows (a dictionary holding more than the data) are not learned", () => {
  const column = {
    kind: "categorical" as const,
    name: "c",
    codes: Int32Array.from([1, 1, -1]),
    categories: ["unused", "used"],
  };
  assert.deepEqual(learnCategories(column, 50), ["used"]);
});
