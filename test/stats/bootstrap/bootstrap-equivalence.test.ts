// The Poisson bootstrap (poisson-weights.ts) against the textbook multinomial bootstrap: scipy's
// bootstrap(paired=True) BCa and percentile intervals, 20,000 resamples each
// (scripts/references/bootstrap_references.py). Poisson and multinomial resampling agree up to
// O(1/N); with 20,000 resamples on both sides the Monte Carlo error is about 0.02 standard errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pairedBootstrapSync } from "../../../src/stats/bootstrap/paired-bootstrap.ts";
import { f64, reference } from "../metrics/fixture.ts";

interface BootstrapCase {
  name: string;
  delta: number;
  bcaLow: number;
  bcaHigh: number;
  percentileLow: number;
  percentileHigh: number;
  standardError: number;
}
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/stats/bootstrap.json", import.meta.url), "utf8")) as {
  cases: BootstrapCase[];
};

test("Poisson BCa and percentile intervals equal scipy's multinomial bootstrap within Monte Carlo error", () => {
  for (const expected of fixture.cases) {
    const c = reference.binary.find((b) => b.name === expected.name)!;
    const labels = f64(c.labels);
    const result = pairedBootstrapSync(
      { task: "binary", labels, scores: f64(c.champion) },
      { task: "binary", labels, scores: f64(c.challenger) },
      { metric: "roc_auc", resamples: 20000, seed: 5 },
    );
    assert.equal(result.method, "bca");
    const tolerance = 0.1 * expected.standardError; // measured: at most 0.04 SE
    const pairs: [string, number, number][] = [
      ["delta", result.delta, expected.delta],
      ["bca low", result.ciLow, expected.bcaLow],
      ["bca high", result.ciHigh, expected.bcaHigh],
      ["percentile low", result.percentile.low, expected.percentileLow],
      ["percentile high", result.percentile.high, expected.percentileHigh],
      ["standard error", result.standardError, expected.standardError],
    ];
    for (const [what, actual, wanted] of pairs) {
      assert.ok(
        Math.abs(actual - wanted) <= tolerance,
        `${expected.name} ${what}: ${actual} vs scipy ${wanted} (tolerance ${tolerance})`,
      );
    }
  }
});
