import { test } from "node:test";
import assert from "node:assert/strict";
import { combineVerdicts } from "../../src/gate/result.ts";

test("one held-out set: its verdict", () => {
  for (const v of ["promote", "reject", "inconclusive"] as const) assert.equal(combineVerdicts([v]), v);
});

test("a PR that changed the held-out set must win on its own set and not lose on the base's", () => {
  assert.equal(combineVerdicts(["promote", "promote"]), "promote");
  assert.equal(combineVerdicts(["inconclusive", "promote"]), "promote");
  assert.equal(combineVerdicts(["reject", "promote"]), "reject");
  assert.equal(combineVerdicts(["promote", "inconclusive"]), "inconclusive");
  assert.equal(combineVerdicts(["promote", "reject"]), "reject");
});
