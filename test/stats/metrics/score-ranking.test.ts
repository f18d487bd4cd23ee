import { test } from "node:test";
import assert from "node:assert/strict";
import { aucPlacements } from "../../../src/stats/metrics/auc-placements.ts";
import { rankScores } from "../../../src/stats/metrics/score-ranking.ts";
import { f64 } from "./fixture.ts";

test("worked example: order, tie groups, mixed groups", () => {
  const ranking = rankScores(f64([1, 0, 1, 0]), f64([0.8, 0.8, 0.3, 0.1]));
  assert.deepEqual([...ranking.order], [3, 2, 1, 0]);
  assert.deepEqual([...ranking.sortedLabels], [0, 1, 0, 1]);
  assert.deepEqual([...ranking.groupEnds], [1, 2, 4]);
  assert.deepEqual([...ranking.mixedGroups], [2, 4]);
  assert.equal(ranking.positives, 2);
  assert.equal(ranking.negatives, 2);
});

test("DeLong placements: positives {0.8, 0.4}, negatives {0.4, 0.1}", () => {
  const placements = aucPlacements(rankScores(f64([1, 1, 0, 0]), f64([0.8, 0.4, 0.4, 0.1])));
  assert.deepEqual([...placements], [1, 0.75, 0.75, 1]);
});
