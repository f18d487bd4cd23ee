import { test } from "node:test";
import assert from "node:assert/strict";
import { EXACT_BITS, ValueCounts, truncateBits } from "../../../src/stats/drift/value-counts.ts";
import { seededRandom } from "../../support/seeded-random.ts";

/** The reference: the first algorithm, dropping one bit at a time and rebuilding the map each time. */
class OneBitAtATime {
  counts = new Map<number, number>();
  bits = EXACT_BITS;
  constructor(private readonly cap: number) {}

  add(value: number, count = 1): void {
    const key = truncateBits(value, this.bits);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    if (this.counts.size > this.cap) this.coarsen(this.bits - 1);
  }

  merge(keys: ArrayLike<number>, counts: ArrayLike<number>, bits: number): void {
    if (bits < this.bits) this.coarsen(bits);
    for (let i = 0; i < keys.length; i++) this.add(keys[i], counts[i]);
  }

  coarsen(bits: number): void {
    let target = Math.max(0, bits);
    for (;;) {
      const next = new Map<number, number>();
      for (const [key, count] of this.counts) {
        const k = truncateBits(key, target);
        next.set(k, (next.get(k) ?? 0) + count);
      }
      this.counts = next;
      this.bits = target;
      if (next.size <= this.cap || target === 0) return;
      target -= 1;
    }
  }

  sorted(): { keys: Float64Array; counts: Float64Array } {
    const keys = Float64Array.from(this.counts.keys()).sort();
    const counts = Float64Array.from(keys, (k) => this.counts.get(k)!);
    return { keys, counts };
  }
}

const INPUTS: [string, (next: () => number) => number][] = [
  ["uniform [0, 1000)", (next) => next() * 1000],
  [
    "both signs over 40 binades, some zeros",
    (next) => (next() < 0.05 ? 0 : (next() < 0.5 ? -1 : 1) * 2 ** (next() * 40 - 20)),
  ],
  ["a point mass and values next to it", (next) => (next() < 0.3 ? 100 : 100 + 0.2 * next())],
  ["tiny values of both signs (subnormals)", (next) => (next() - 0.5) * 2 ** -1060],
  ["integers", (next) => Math.floor(next() * 50_000)],
];

for (const [label, draw] of INPUTS) {
  test(`coarsened counts are the one-bit-at-a-time algorithm's: ${label}`, () => {
    for (const seed of [1, 2, 3]) {
      const next = seededRandom(seed * 101).uniform32;
      const values = Array.from({ length: 25_000 }, () => draw(next));
      const cap = 4096;
      const fast = new ValueCounts(cap);
      const slow = new OneBitAtATime(cap);
      for (const v of values) {
        fast.add(v);
        slow.add(v);
        assert.equal(fast.bits, slow.bits);
      }
      assert.ok(fast.bits < EXACT_BITS, "coarsened past the cap");
      assert.deepEqual(fast.sorted(), slow.sorted(), `seed ${seed}`);

      // Merged from coarser parts too (the merge path coarsens to the part's bits first).
      const parts = [new ValueCounts(cap), new ValueCounts(cap)];
      values.forEach((v, i) => parts[i < 5_000 ? 0 : 1].add(v));
      const fastMerged = new ValueCounts(cap);
      const slowMerged = new OneBitAtATime(cap);
      for (const p of parts.reverse()) {
        const { keys, counts } = p.sorted();
        fastMerged.merge(keys, counts, p.bits);
        slowMerged.merge(keys, counts, p.bits);
        assert.equal(fastMerged.bits, slowMerged.bits);
      }
      assert.deepEqual(fastMerged.sorted(), slowMerged.sorted(), `seed ${seed}, merged`);
      assert.deepEqual(fastMerged.sorted(), fast.sorted(), `seed ${seed}, merged = whole`);
    }
  });
}
