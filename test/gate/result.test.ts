import { test } from "node:test";
import assert from "node:assert/strict";
import { combineVerdicts } from "../../src/gate/result.ts";

test("one held-out set: its verdict", () => {
  for (const v of ["promote", "reject", "inconclusive"] as const) assert.equal(combineVerdicts([v]), v);
});

test("a PR that changed the held-out set is judged on the base's set; its own set must not reject", () => {
  const cases: Array<
    [base: "promote" | "reject" | "inconclusive", pr: "promote" | "reject" | "inconclusive", expected: string]
  > = [
    ["promote", "promote", "promote"],
    ["promote", "inconclusive", "promote"],
    ["inconclusive", "promote", "inconclusive"], // winning only on a set the PR chose is not enough
    ["reject", "promote", "reject"],
    ["promote", "reject", "reject"],
  ];
  for (const [base, pr, expected] of cases)
    assert.equal(combineVerdicts([base, pr]), expected, `base ${base}, PR ${pr}`);
});
