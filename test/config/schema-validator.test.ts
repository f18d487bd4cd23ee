import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
// @ts-expect-error: a plain .mjs script, no types
import { validatorSource, validatorPath } from "../../scripts/config-validator.mjs";

test("the committed config validator is what the schema compiles to (run node scripts/config-validator.mjs after a schema edit)", async () => {
  assert.equal(await readFile(validatorPath, "utf8"), await validatorSource());
});
