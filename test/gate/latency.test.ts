import { test } from "node:test";
import assert from "node:assert/strict";
import { judgeLatency, medianRankInterval } from "../../src/gate/latency.ts";
import { seededRandom as prng } from "../support/seeded-random.ts";

test("median rank interval matches the binomial order-statistic table (n=20, 95% → ranks 5..14, 0-based)", () => {
  // For n = 20, P(B(20, 0.5) <= 5) = 0.0207 <= 0.025 and P(<= 6) = 0.0577: the interval is [x(6), x(15)] 1-based.
  assert.deepEqual(medianRankInterval(20, 0.95), [5, 14]);
  assert.deepEqual(medianRankInterval(5, 0.99), [0, 4]);
});

test("two models of the same architecture never fail, however noisy the machine (1,000 seeded trials)", () => {
  const random = prng(7);
  for (let trial = 0; trial < 1000; trial++) {
    const champion: number[] = [];
    const challenger: number[] = [];
    for (let round = 0; round < 30; round++) {
      const load = 1 + 3 * random() * random(); // a shared, drifting machine load
      const spike = () => (random() < 0.1 ? 1 + 4 * random() : 1); // occasional GC pauses or preemption
      champion.push(10 * load * (0.9 + 0.2 * random()) * spike());
      challenger.push(10 * load * (0.9 + 0.2 * random()) * spike());
    }
    assert.equal(judgeLatency({ champion, challenger, rowsPerBatch: 1000 }, 1.5).failed, false, `trial ${trial}`);
  }
});

test("a challenger three times slower fails, and the finding says by how much", () => {
  const random = prng(11);
  const champion = Array.from({ length: 30 }, () => 10 * (0.9 + 0.2 * random()));
  const challenger = champion.map(() => 30 * (0.9 + 0.2 * random()));
  const judgement = judgeLatency({ champion, challenger, rowsPerBatch: 1000 }, 1.5);
  assert.equal(judgement.failed, true);
  assert.ok(judgement.medianRatio > 2.5 && judgement.medianRatio < 3.5);
  const f = judgement.finding;
  assert.deepEqual(
    [f.code, f.exceeds, f.limit, f.rounds, f.confidence, f.ratio, f.low, f.high],
    ["latency-median-ratio", true, 1.5, 30, 0.99, judgement.medianRatio, judgement.ratioLow, judgement.ratioHigh],
  );
  assert.ok(f.low > 1.5, "the whole interval is above the limit");
});

test("the finding's per-row times are the median batch times over the batch size", () => {
  const judgement = judgeLatency(
    { champion: [10, 10, 10, 10, 10], challenger: [20, 20, 20, 20, 20], rowsPerBatch: 1000 },
    1.5,
  );
  // 10 ms / 1000 rows = 10 µs per row; 20 ms → 20 µs. Five rounds at 99% give the whole range as the interval.
  assert.deepEqual(judgement.finding, {
    code: "latency-median-ratio",
    ratio: 2,
    low: 2,
    high: 2,
    rounds: 5,
    confidence: 0.99,
    limit: 1.5,
    exceeds: true,
    challengerMicrosPerRow: 20,
    championMicrosPerRow: 10,
  });
});
