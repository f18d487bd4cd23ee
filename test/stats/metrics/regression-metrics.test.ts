import { test } from "node:test";
import assert from "node:assert/strict";
import { mae } from "../../../src/stats/metrics/mae.ts";
import { r2Score } from "../../../src/stats/metrics/r2-score.ts";
import { rmse } from "../../../src/stats/metrics/rmse.ts";
import { assertClose, f64, reference } from "./fixture.ts";

const functions = { rmse, mae, r2: r2Score };

test("RMSE, MAE and R^2 equal scikit-learn", () => {
  for (const c of reference.regression) {
    for (const model of ["champion", "challenger"] as const) {
      for (const [key, expected] of Object.entries(c.metrics[model])) {
        assertClose(
          functions[key as keyof typeof functions](f64(c.targets), f64(c[model])).value,
          expected!,
          `${c.name} ${model} ${key}`,
        );
      }
    }
  }
});

test("sklearn's docstring example: targets [3, -0.5, 2, 7], predictions [2.5, 0, 2, 8]", () => {
  const y = f64([3, -0.5, 2, 7]);
  const p = f64([2.5, 0, 2, 8]);
  assertClose(rmse(y, p).value, Math.sqrt(0.375), "rmse");
  assert.equal(mae(y, p).value, 0.5);
  assertClose(r2Score(y, p).value, 0.9486081370449679, "r2");
});

test("R^2 of constant targets is undefined with the reason (sklearn would force 0 or 1)", () => {
  const result = r2Score(f64([2, 2, 2]), f64([1, 2, 3]));
  assert.ok(Number.isNaN(result.value));
  assert.match(result.undefinedReason!, /targets are constant/);
});
