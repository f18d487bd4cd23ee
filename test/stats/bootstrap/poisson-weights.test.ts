import { test } from "node:test";
import assert from "node:assert/strict";
import { fillPoissonWeights, groupKeys, POISSON_BY_BUCKET } from "../../../src/stats/bootstrap/poisson-weights.ts";

const ROWS = 250_000;
/** Poisson(1) probabilities e^-1 / k!, k = 0..5, and the tail P(X >= 6). */
const PMF = [0, 1, 2, 3, 4, 5].map((k) => Math.exp(-1) / [1, 1, 2, 6, 24, 120][k]);
const TAIL = 1 - PMF.reduce((a, b) => a + b, 0);

function laneWeights(seed: number, group: number, lane: number): Uint8Array {
  const [key1, key2] = groupKeys(seed, group);
  const weights = new Uint8Array(ROWS);
  fillPoissonWeights(weights, ROWS, key1, key2, lane);
  return weights;
}

test("each lane's weights are Poisson(1): frequencies within 5 standard errors of e^-1/k!, mean and variance 1", () => {
  for (const lane of [0, 1, 2, 3]) {
    const weights = laneWeights(11, 3, lane);
    const counts = new Array(7).fill(0);
    let sum = 0;
    let squares = 0;
    for (const w of weights) {
      counts[Math.min(w, 6)]++;
      sum += w;
      squares += w * w;
    }
    [...PMF, TAIL].forEach((p, k) => {
      const se = Math.sqrt((p * (1 - p)) / ROWS);
      assert.ok(
        Math.abs(counts[k] / ROWS - p) < 5 * se + 1e-9,
        `lane ${lane}, weight ${k}: ${counts[k] / ROWS} vs ${p}`,
      );
    });
    const mean = sum / ROWS;
    const variance = squares / ROWS - mean * mean;
    // Var of the sample mean is 1/n; of the sample variance about (mu4 - 1)/n = 3/n for Poisson(1).
    assert.ok(Math.abs(mean - 1) < 5 / Math.sqrt(ROWS), `lane ${lane}: mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 5 * Math.sqrt(3 / ROWS), `lane ${lane}: variance ${variance}`);
  }
});

test("the lanes of a group, and groups of a seed, are uncorrelated (the resamples are independent)", () => {
  const lanes = [0, 1, 2, 3].map((lane) => laneWeights(5, 0, lane));
  const others = [laneWeights(5, 1, 0), laneWeights(6, 0, 0)];
  const correlation = (a: Uint8Array, b: Uint8Array) => {
    let sa = 0,
      sb = 0,
      sab = 0,
      saa = 0,
      sbb = 0;
    for (let i = 0; i < ROWS; i++) {
      sa += a[i];
      sb += b[i];
      sab += a[i] * b[i];
      saa += a[i] * a[i];
      sbb += b[i] * b[i];
    }
    const cov = sab / ROWS - (sa / ROWS) * (sb / ROWS);
    return cov / Math.sqrt((saa / ROWS - (sa / ROWS) ** 2) * (sbb / ROWS - (sb / ROWS) ** 2));
  };
  const pairs: Array<[string, Uint8Array, Uint8Array]> = [
    ["lanes 0, 1", lanes[0], lanes[1]],
    ["lanes 0, 2", lanes[0], lanes[2]],
    ["lanes 1, 3", lanes[1], lanes[3]],
    ["lanes 2, 3", lanes[2], lanes[3]],
    ["groups 0, 1", lanes[0], others[0]],
    ["seeds 5, 6", lanes[0], others[1]],
  ];
  for (const [name, a, b] of pairs) {
    const r = correlation(a, b);
    assert.ok(Math.abs(r) < 5 / Math.sqrt(ROWS), `${name}: correlation ${r}`);
  }
});

test("a 16-bit bucket fixes the weight except where a Poisson(1) quantile falls inside it", () => {
  // Quantiles of Poisson(1) at 2^-16 resolution: the buckets holding P(X <= k) * 2^16 for some k.
  let cumulative = 0;
  let probability = Math.exp(-1);
  const straddled = new Set<number>();
  for (let k = 0; k < 12; k++) {
    cumulative += probability;
    probability /= k + 1;
    const at = cumulative * 65536;
    if (at < 65536 && at !== Math.floor(at)) straddled.add(Math.floor(at));
  }
  const marked = [...POISSON_BY_BUCKET.keys()].filter((b) => POISSON_BY_BUCKET[b] < 0);
  assert.deepEqual(
    marked,
    [...straddled].sort((a, b) => a - b),
  );
  assert.equal(POISSON_BY_BUCKET[0], 0);
});
