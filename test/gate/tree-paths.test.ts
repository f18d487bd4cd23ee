import { test } from "node:test";
import assert from "node:assert/strict";
import { matchTreePaths } from "../../src/gate/tree-paths.ts";
import { parseChampionClaim } from "../../src/gate/champion.ts";

const TREE = [
  "data/holdout.csv",
  "data/holdout/a.csv",
  "data/holdout/b.csv",
  "data/holdout/deep/c.csv",
  "data/train.csv",
  "models/fraud.onnx",
];

test("config patterns match a commit's tree as they match the working tree: files, folders, globs", () => {
  const cases: Array<[string[], string[], string[]]> = [
    [["data/holdout.csv"], ["data/holdout.csv"], []],
    [["data/holdout"], ["data/holdout/a.csv", "data/holdout/b.csv", "data/holdout/deep/c.csv"], []],
    [["data/holdout/*.csv"], ["data/holdout/a.csv", "data/holdout/b.csv"], []],
    [
      ["data/**/*.csv"],
      ["data/holdout.csv", "data/holdout/a.csv", "data/holdout/b.csv", "data/holdout/deep/c.csv", "data/train.csv"],
      [],
    ],
    [["./data/holdout/{a,b}.csv", "missing/*.csv"], ["data/holdout/a.csv", "data/holdout/b.csv"], ["missing/*.csv"]],
  ];
  for (const [patterns, matched, unmatched] of cases)
    assert.deepEqual(matchTreePaths(TREE, patterns), { matched, unmatched }, patterns.join(" "));
});

test("a champion tag's claim must name this model, this tag, its version and a sha256", () => {
  const line = (over: Record<string, unknown>) =>
    JSON.stringify({
      event: "promote",
      model: "fraud",
      version: 2,
      tag: "modelkeeper/fraud/v2",
      artifact: { path: "m.onnx", sha256: "a".repeat(64) },
      ...over,
    });
  assert.deepEqual(
    parseChampionClaim(`modelkeeper: fraud v2\n\n${line({})}`, "fraud", "modelkeeper/fraud/v2")?.artifact,
    { path: "m.onnx", sha256: "a".repeat(64) },
  );
  for (const bad of [
    line({ model: "other" }),
    line({ version: 3 }),
    line({ tag: "modelkeeper/fraud/v3" }),
    line({ artifact: { path: "m.onnx", sha256: "abc" } }),
    line({ event: "evaluate" }),
    "free text only",
  ]) {
    assert.equal(parseChampionClaim(bad, "fraud", "modelkeeper/fraud/v2"), undefined, bad);
  }
});
