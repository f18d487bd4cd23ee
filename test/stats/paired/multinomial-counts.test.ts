import { test } from "node:test";
import assert from "node:assert/strict";
import { binomialPmf } from "../../../src/stats/paired/binomial-distribution.ts";
import { addMultinomialCounts, BLOCK_SIZE } from "../../../src/stats/paired/multinomial-counts.ts";
import { xoshiroState } from "../../../src/stats/random.ts";

function resample(n: number, seed: number, stream: number): Uint8Array {
  const counts = new Uint8Array(n);
  addMultinomialCounts(counts, n, xoshiroState(seed, stream));
  return counts;
}

test("every resample draws exactly N rows, the same ones for the same stream", () => {
  for (const n of [1, 2, 3, 100, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1, 3 * BLOCK_SIZE + 17]) {
    const counts = resample(n, 1, n);
    assert.equal(counts.reduce((a, b) => a + b, 0), n, `n = ${n}`);
    assert.deepEqual(resample(n, 1, n), counts);
  }
  assert.notDeepEqual(resample(500, 1, 0), resample(500, 1, 1));
});

test("interleaved lanes hold the same draws as separate arrays", () => {
  const n = BLOCK_SIZE + 333;
  const interleaved = new Uint8Array(3 * n);
  for (const lane of [0, 1, 2]) addMultinomialCounts(interleaved, n, xoshiroState(5, lane), 3, lane);
  for (const lane of [0, 1, 2]) {
    assert.deepEqual(Uint8Array.from({ length: n }, (_, i) => interleaved[3 * i + lane]), resample(n, 5, lane), `lane ${lane}`);
  }
});

test("a row's count follows Binomial(N, 1/N) in full and partial blocks (chi-square, fixed seed)", () => {
  const n = 2 * BLOCK_SIZE + 1000; // two full blocks, one partial
  const histogram = { full: new Float64Array(8), partial: new Float64Array(8) };
  const resamples = 40;
  for (let r = 0; r < resamples; r++) {
    const counts = resample(n, 7, r);
    for (let i = 0; i < n; i++) (i < 2 * BLOCK_SIZE ? histogram.full : histogram.partial)[Math.min(counts[i], 7)]++;
  }
  for (const [part, observed] of Object.entries(histogram)) {
    const rows = observed.reduce((a, b) => a + b, 0);
    let chiSquare = 0;
    for (let k = 0; k < 8; k++) {
      let p = binomialPmf(k, n, 1 / n);
      if (k === 7) p = 1 - Array.from({ length: 7 }, (_, j) => binomialPmf(j, n, 1 / n)).reduce((a, b) => a + b, 0);
      const expected = rows * p;
      if (expected >= 5) chiSquare += (observed[k] - expected) ** 2 / expected;
    }
    // 99.9% point of chi-square with 5 degrees of freedom: 20.5
    assert.ok(chiSquare < 20.5, `${part}: chi-square ${chiSquare}, histogram ${[...observed]}`);
  }
});
