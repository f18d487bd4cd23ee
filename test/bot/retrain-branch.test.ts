import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { modelSlug, recordPathOfBranch, retrainBranch, retrainRecordPath } from "../../bot/retrain-branch.ts";

const NAMES = [
  "fraud",
  "fraud_v2.1-b",
  "x",
  "x.",
  "x..",
  "x.y",
  "x..y",
  "x%2E",
  "%x",
  "%x%2E",
  "model.lock",
  "model-lock",
  "model.LOCK",
  "../../etc/passwd",
  "etc-passwd",
  "a b~c^d:e?f*g[h\\i",
  "...",
  "",
  ".x",
  "-x",
  "CON",
  "con",
  "fräud",
  "fr%C3%A4ud",
  "a@{1}",
  "x".repeat(64),
  "x".repeat(65),
  "x".repeat(200),
  `${"x".repeat(199)}y`,
  "y".repeat(40) + ".".repeat(40),
];

describe("retrain branch and record names", () => {
  it("a valid model name is its own slug", () => {
    for (const name of ["fraud", "fraud_v2.1-b", "x.y", "x".repeat(64)]) assert.equal(modelSlug(name), name);
    assert.equal(retrainBranch("fraud"), "modelkeeper/retrain/fraud");
    assert.equal(retrainRecordPath("fraud"), ".modelkeeper/retrain/fraud.json");
  });

  it("is injective: no two names share a branch (x. and x, x..y and x.y)", () => {
    assert.notEqual(modelSlug("x."), modelSlug("x"));
    assert.notEqual(modelSlug("x..y"), modelSlug("x.y"));
    assert.notEqual(modelSlug("model.lock"), modelSlug("model-lock"));
    const slugs = new Map<string, string>();
    for (const name of NAMES) {
      const slug = modelSlug(name);
      assert.ok(
        !slugs.has(slug),
        `${JSON.stringify(name)} and ${JSON.stringify(slugs.get(slug))} share the slug ${slug}`,
      );
      slugs.set(slug, name);
    }
  });

  it("every slug is a branch name real git accepts, and a short file name", () => {
    for (const name of NAMES) {
      const branch = retrainBranch(name);
      const git = spawnSync("git", ["check-ref-format", "--branch", branch], { encoding: "utf8" });
      assert.equal(git.status, 0, `${JSON.stringify(name)} -> ${branch}: ${git.stderr}`);
      assert.ok(modelSlug(name).length + ".json".length < 255, `${JSON.stringify(name)}: file name too long`);
      if (modelSlug(name) !== name) assert.doesNotMatch(modelSlug(name), /\./, "an escaped slug has no dot at all");
    }
  });

  it("maps a retrain branch back to its record, and nothing else", () => {
    for (const name of NAMES)
      assert.equal(recordPathOfBranch(retrainBranch(name)), retrainRecordPath(name), JSON.stringify(name));
    assert.equal(recordPathOfBranch("modelkeeper/retrain/churn"), ".modelkeeper/retrain/churn.json");
    assert.equal(recordPathOfBranch("modelkeeper/retrain/"), undefined);
    assert.equal(recordPathOfBranch("modelkeeper/retrain/a/../b"), undefined);
    assert.equal(recordPathOfBranch("modelkeeper/retrain/%a/../b"), undefined);
    assert.equal(recordPathOfBranch("modelkeeper/retrain/x."), undefined);
    assert.equal(recordPathOfBranch("feature/retrain/churn"), undefined);
  });
});
