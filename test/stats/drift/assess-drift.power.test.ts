// Goal: at 5,000-row windows against a 20,000-row reference with 20 features, a 0.25-sd mean
// shift in one feature, or a new category taking 5% of a categorical feature, is caught in at
// least 95 of 100 reports - by that feature, not by luck elsewhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runReports } from "./goals.ts";
import { twentyFeatures, withMeanShift, withNewCategory } from "./simulate.ts";

test("a 0.25 standard deviation mean shift in one of 20 features is caught in >= 95 of 100 reports", (t) => {
  // "amount" is normal with mean 250 and sd 40: a shift of 10.
  const current = withMeanShift(twentyFeatures(), "amount", 0.25, 40);
  const run = runReports({ seed: 7300, reports: 100, windowRows: 5000, current, target: "amount" });
  t.diagnostic(
    `caught ${run.caught}/100, other columns flagged ${run.otherColumnsFlagged} times, ${run.milliseconds} ms`,
  );
  assert.ok(run.caught >= 95, `caught ${run.caught}`);
  assert.ok(run.otherColumnsFlagged <= 1, `${run.otherColumnsFlagged} other columns flagged`);
});

test("a new category taking 5% of a categorical feature is caught in >= 95 of 100 reports", (t) => {
  const current = withNewCategory(twentyFeatures(), "region", "r_new", 0.05);
  const run = runReports({ seed: 7400, reports: 100, windowRows: 5000, current, target: "region" });
  t.diagnostic(
    `caught ${run.caught}/100, other columns flagged ${run.otherColumnsFlagged} times, ${run.milliseconds} ms`,
  );
  assert.ok(run.caught >= 95, `caught ${run.caught}`);
  assert.ok(run.otherColumnsFlagged <= 1, `${run.otherColumnsFlagged} other columns flagged`);
});
