import { test } from "node:test";
import assert from "node:assert/strict";
import { isMissingBytes, isMissingText, MISSING_VALUE_TEXTS } from "../../src/data/missing-values.ts";

test("the missing-value texts are pandas 2's default na_values", () => {
  // pandas._libs.parsers.STR_NA_VALUES (pandas 2.x; 1.5 lacks "None").
  assert.deepEqual(
    [...MISSING_VALUE_TEXTS].sort(),
    [
      "",
      "#N/A",
      "#N/A N/A",
      "#NA",
      "-1.#IND",
      "-1.#QNAN",
      "-NaN",
      "-nan",
      "1.#IND",
      "1.#QNAN",
      "<NA>",
      "N/A",
      "NA",
      "NULL",
      "NaN",
      "None",
      "n/a",
      "nan",
      "null",
    ].sort(),
  );
});

test("matching is exact, on text and on bytes", () => {
  const bytes = new TextEncoder().encode("xNAx nan N/A na NaNa");
  assert.equal(isMissingBytes(bytes, 1, 3), true); // "NA"
  assert.equal(isMissingBytes(bytes, 5, 8), true); // "nan"
  assert.equal(isMissingBytes(bytes, 9, 12), true); // "N/A"
  assert.equal(isMissingBytes(bytes, 13, 15), false); // "na"
  assert.equal(isMissingBytes(bytes, 16, 20), false); // "NaNa"
  assert.equal(isMissingBytes(bytes, 3, 3), true); // empty
  assert.equal(isMissingText(" NA"), false);
  assert.equal(isMissingText("#N/A N/A"), true);
  assert.equal(isMissingText("inf"), false);
});
