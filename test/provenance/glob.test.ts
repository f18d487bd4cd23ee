import { test } from "node:test";
import assert from "node:assert/strict";
import { globToRegExp, staticPrefix, isGlob } from "../../src/provenance/glob.ts";

const cases: Array<[string, string, boolean]> = [
  ["src/*.py", "src/a.py", true],
  ["src/*.py", "src/sub/a.py", false],
  ["src/**/*.py", "src/a.py", true],
  ["src/**/*.py", "src/x/y/a.py", true],
  ["src/**", "src/x/y/a.py", true],
  ["**/*.csv", "data/a.csv", true],
  ["**/*.csv", "a.csv", true],
  ["data/?.csv", "data/a.csv", true],
  ["data/?.csv", "data/ab.csv", false],
  ["data/[ab].csv", "data/b.csv", true],
  ["data/[!ab].csv", "data/c.csv", true],
  ["data/[!ab].csv", "data/a.csv", false],
  ["data/*.{csv,jsonl}", "data/x.jsonl", true],
  ["data/*.{csv,jsonl}", "data/x.parquet", false],
  ["a.b", "axb", false],
];

for (const [pattern, path, expected] of cases) {
  test(`${pattern} ${expected ? "matches" : "does not match"} ${path}`, () => {
    assert.equal(globToRegExp(pattern).test(path), expected);
  });
}

test("static prefixes and glob detection", () => {
  assert.equal(staticPrefix("src/**/*.py"), "src");
  assert.equal(staticPrefix("data/raw/*.csv"), "data/raw");
  assert.equal(staticPrefix("*.csv"), "");
  assert.equal(isGlob("data/train.csv"), false);
  assert.equal(isGlob("data/*.csv"), true);
});
