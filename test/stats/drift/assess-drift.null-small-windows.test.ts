// Goal: with no drift, at most 1 false dataset alarm in 100 reports (20 features, 20,000-row
// reference) for windows of 100, 1,000 and 10,000 rows. Larger windows: null-large-windows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runReports } from "./goals.ts";

for (const windowRows of [100, 1000, 10000]) {
  test(`no drift, ${windowRows}-row windows: at most 1 false alarm in 100 reports`, (t) => {
    const run = runReports({ seed: 7000 + windowRows, reports: 100, windowRows });
    t.diagnostic(`${run.alarms} alarms in ${run.reports} reports, ${run.milliseconds} ms`);
    assert.ok(run.alarms <= 1, `${run.alarms} false alarms`);
  });
}
