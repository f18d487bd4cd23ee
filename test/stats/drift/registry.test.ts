import { test } from "node:test";
import assert from "node:assert/strict";
import { isUserError } from "../../../src/errors.ts";
import { summarizeCategorical, summarizeNumeric } from "../../../src/stats/drift/column-summary.ts";
import {
  DRIFT_TESTS,
  driftTestsFor,
  evaluateDriftTest,
  findDriftTest,
  formatNumber,
  runDriftTest,
} from "../../../src/stats/drift/registry.ts";

const numeric = (values: number[]) =>
  summarizeNumeric({ kind: "numeric", name: "x", values: Float64Array.from(values) }, { psiBins: 10 });
const categorical = (labels: string[]) => {
  const categories = [...new Set(labels.filter((l) => l !== ""))];
  return summarizeCategorical({
    kind: "categorical",
    name: "c",
    codes: Int32Array.from(labels.map((l) => categories.indexOf(l))),
    categories,
  });
};

test("every test is registered with a default threshold and the kinds it applies to", () => {
  assert.deepEqual(
    DRIFT_TESTS.map((t) => [t.name, t.scale, t.defaultThreshold]),
    [
      ["ks", "p-value", 0.05],
      ["wasserstein", "distance", 0.1],
      ["psi", "distance", 0.1],
      ["chi2", "p-value", 0.05],
      ["jensenshannon", "distance", 0.1],
      ["missing", "p-value", 0.05],
    ],
  );
  assert.deepEqual(
    driftTestsFor("numeric").map((t) => t.name),
    ["ks", "wasserstein", "psi", "missing"],
  );
  assert.deepEqual(
    driftTestsFor("categorical").map((t) => t.name),
    ["psi", "chi2", "jensenshannon", "missing"],
  );
});

test("an unknown name is a UserError that lists the valid ones", () => {
  assert.throws(
    () => findDriftTest("kolmogorov", { file: "modelkeeper.yml", key: "models.fraud.drift.test" }),
    (error: unknown) =>
      isUserError(error) &&
      /Use one of: ks, wasserstein, psi, chi2, jensenshannon, missing/.test(error.message) &&
      error.where?.key === "models.fraud.drift.test",
  );
});

test("a metric and a threshold become a status and a sentence", () => {
  // [1,2,3] vs [4,5,6]: D = 1, exact p = 2/20 (scipy: 0.09999999999999999).
  const strict = runDriftTest("ks", numeric([1, 2, 3]), numeric([4, 5, 6]));
  assert.deepEqual([strict.value, strict.statistic, strict.status], [0.09999999999999999, 1, "no drift"]);
  assert.equal(strict.sentence, "Kolmogorov–Smirnov p-value 0.1 is not below 0.05: no evidence of change.");
  const lenient = runDriftTest("ks", numeric([1, 2, 3]), numeric([4, 5, 6]), 0.2);
  assert.deepEqual(
    [lenient.status, lenient.sentence],
    ["drift", "Kolmogorov–Smirnov p-value 0.1 is below 0.2: the distributions differ."],
  );
  const psi = runDriftTest("psi", categorical(["a", "a", "b", "b"]), categorical(["a", "a", "a", "b", "b"]));
  assert.equal(psi.status, "no drift");
  assert.equal(psi.sentence, `Population Stability Index ${formatNumber(psi.value!)} is below 0.1.`);
  const js = runDriftTest("jensenshannon", categorical(["a", "b"]), categorical(["c", "c"]));
  assert.deepEqual([js.value, js.status], [1, "drift"]);
  assert.equal(
    js.sentence,
    "Jensen–Shannon distance 1 is at or above 0.1: the distributions differ by more than the threshold.",
  );
});

test("tests that cannot run say so", () => {
  const outcome = runDriftTest("ks", numeric([NaN, NaN]), numeric([1, 2]));
  assert.equal(outcome.status, "not applicable");
  assert.equal(outcome.value, null);
  assert.equal(evaluateDriftTest(findDriftTest("chi2"), null).status, "not applicable");
});

test("the missing test compares missing shares exactly", () => {
  const outcome = runDriftTest(
    "missing",
    numeric([...Array(95).fill(1), ...Array(5).fill(NaN)]),
    numeric([...Array(60).fill(1), ...Array(40).fill(NaN)]),
  );
  assert.equal(outcome.status, "drift");
  assert.ok(Math.abs(outcome.statistic! - 0.35) < 1e-15);
  assert.ok(outcome.value! < 1e-8);
});

test("formatNumber keeps two significant digits", () => {
  assert.deepEqual([0.123456, 0.1, 12.5, 0.0001234, 1, 0, Infinity].map(formatNumber), [
    "0.12",
    "0.1",
    "13",
    "1.2e-4",
    "1",
    "0",
    "Infinity",
  ]);
});
