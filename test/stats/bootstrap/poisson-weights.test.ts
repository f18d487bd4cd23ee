import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
    ["lanes 0, 3", lanes[0], lanes[3]],
    ["lanes 1, 2", lanes[1], lanes[2]],
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

/** ceil(P(X <= k) * 2^32) for Poisson(1), from scripts/references/poisson_thresholds.py (exact decimals). */
const THRESHOLDS: number[] = JSON.parse(
  readFileSync(new URL("../../fixtures/stats/poisson-thresholds.json", import.meta.url), "utf8"),
).thresholds;
const weightOf = (u: number) => THRESHOLDS.filter((t) => u >= t).length;

/** The method as documented, written out here independently: a murmur3-style finaliser per hash. */
function referenceHash(row: number, key1: number, key2: number): number {
  const mix = (x: number) => {
    x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
    x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
    return x ^ (x >>> 16);
  };
  return mix((mix(row ^ key1) + key2) | 0) >>> 0;
}
function referenceWeight(row: number, key1: number, key2: number, lane: number): number {
  const bits =
    lane < 2 ? referenceHash(row, key1, key2) : referenceHash(row, key1 ^ 0x5bd1e995, (key2 + 0x68e31da4) | 0);
  const bucket = lane % 2 === 0 ? bits >>> 16 : bits & 65535;
  // The low 16 bits of the uniform (they matter only in a straddling bucket).
  const low = referenceHash(row, key2 ^ Math.imul(lane + 1, 0x9e3779b9), key1) >>> 16;
  return weightOf(bucket * 65536 + low);
}

test("every 16-bit bucket's table entry is the Poisson(1) quantile it fixes, or -1 where a threshold falls inside it", () => {
  const straddling: number[] = [];
  for (let bucket = 0; bucket < 65536; bucket++) {
    const low = weightOf(bucket * 65536);
    const high = weightOf(bucket * 65536 + 65535);
    if (low !== high) straddling.push(bucket);
    assert.equal(POISSON_BY_BUCKET[bucket], low === high ? low : -1, `bucket ${bucket}`);
  }
  assert.deepEqual(straddling, [24109, 48218, 60273, 64291, 65296, 65497, 65530, 65535]);
});

test("fillPoissonWeights equals the documented method, straddling buckets included, on 2^20 rows x 4 lanes", () => {
  const n = 1 << 20;
  const weights = new Uint8Array(n);
  for (const [seed, group] of [
    [3, 0],
    [20240601, 7],
  ]) {
    const [key1, key2] = groupKeys(seed, group);
    for (const lane of [0, 1, 2, 3]) {
      fillPoissonWeights(weights, n, key1, key2, lane);
      let refined = 0;
      for (let row = 0; row < n; row++) {
        const expected = referenceWeight(row, key1, key2, lane);
        if (weights[row] !== expected)
          assert.fail(`seed ${seed} group ${group} lane ${lane} row ${row}: ${weights[row]} vs ${expected}`);
        const bits =
          lane < 2 ? referenceHash(row, key1, key2) : referenceHash(row, key1 ^ 0x5bd1e995, (key2 + 0x68e31da4) | 0);
        if (POISSON_BY_BUCKET[lane % 2 === 0 ? bits >>> 16 : bits & 65535] < 0) refined++;
      }
      // 8 of 65,536 buckets straddle: about 128 of 2^20 rows per lane take the refinement.
      assert.ok(refined > 60 && refined < 220, `lane ${lane}: ${refined} refined rows`);
    }
  }
});
