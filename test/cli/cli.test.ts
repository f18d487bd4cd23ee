import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/modelkeeper.js", import.meta.url));

test("modelkeeper --help lists the commands that work, from the installed bin", () => {
  const result = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  for (const name of ["record", "verify", "reproduce", "demo"])
    assert.match(result.stdout, new RegExp(`^  ${name} `, "m"));
  assert.match(result.stdout, /--json/);
});

test("an unknown command or option exits 2 with a pointer to --help", () => {
  const unknown = spawnSync(process.execPath, [bin, "frobnicate"], { encoding: "utf8" });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const badOption = spawnSync(process.execPath, [bin, "verify", "--nope"], { encoding: "utf8" });
  assert.equal(badOption.status, 2);
  assert.match(badOption.stderr, /Unknown option '--nope'.*See modelkeeper verify --help/);
});
