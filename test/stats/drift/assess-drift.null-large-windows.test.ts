// Goal: with no drift, at most 1 false dataset alarm in 100 reports for 100,000- and
// 1,000,000-row windows. The million-row case runs 5 reports by default (each generates and
// checks 20 million values, about 2 s); set DRIFT_GOALS_FULL=1 for all 100 (a few minutes).
// At these sizes the sampling noise of the distances is ~0.002 sd, so a false alarm would need
// a true effect of 0.1 sd by chance: the effect gate, not the p-value, keeps the rate at zero.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runReports } from "./goals.ts";

const millionRowReports = process.env.DRIFT_GOALS_FULL === "1" ? 100 : 5;

test("no drift, 100,000-row windows: at most 1 false alarm in 100 reports", (t) => {
  const run = runReports({ seed: 7100, reports: 100, windowRows: 100_000 });
  t.diagnostic(`${run.alarms} alarms in ${run.reports} reports, ${run.milliseconds} ms`);
  assert.ok(run.alarms <= 1, `${run.alarms} false alarms`);
});

test(`no drift, 1,000,000-row windows: no false alarm in ${millionRowReports} reports (100 with DRIFT_GOALS_FULL=1)`, (t) => {
  const run = runReports({ seed: 7200, reports: millionRowReports, windowRows: 1_000_000 });
  t.diagnostic(`${run.alarms} alarms in ${run.reports} reports, ${run.milliseconds} ms`);
  assert.ok(run.alarms <= (millionRowReports === 100 ? 1 : 0), `${run.alarms} false alarms`);
});
