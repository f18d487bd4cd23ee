import { test } from "node:test";
import assert from "node:assert/strict";
import { annotationFor } from "../../src/action/annotation.ts";

test("an error's file becomes an annotation relative to the checkout, with its line and column; none outside it", () => {
  const ws = "/home/runner/work/repo/repo";
  assert.deepEqual(annotationFor({ file: "data/holdout.csv", line: 12, column: 3 }, ws, `${ws}/ml`), {
    title: "modelkeeper",
    file: "ml/data/holdout.csv",
    startLine: 12,
    startColumn: 3,
  });
  assert.deepEqual(annotationFor({ file: `${ws}/modelkeeper.yml`, line: 4, column: "amount" }, ws, ws), {
    title: "modelkeeper",
    file: "modelkeeper.yml",
    startLine: 4,
  });
  assert.deepEqual(annotationFor({ file: "modelkeeper.yml" }, ws, ws), {
    title: "modelkeeper",
    file: "modelkeeper.yml",
  });
  assert.equal(annotationFor({ file: "/tmp/reference.csv", line: 2 }, ws, ws), undefined);
  assert.equal(annotationFor({ file: "../other/x.csv", line: 2 }, ws, ws), undefined);
  assert.equal(annotationFor({ key: "MODELKEEPER_ORT" }, ws, ws), undefined);
  assert.equal(annotationFor(undefined, ws, ws), undefined);
});
