import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { concurrencyGroup, tokenBucketGroup, unlimitedGroup } from "../../bot/limiter-groups.ts";

/** A fake clock: sleeping advances it, so pacing is checked exactly and instantly. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)),
    sleeps,
    advance: (ms: number) => void (now += ms),
  };
}

describe("tokenBucketGroup", () => {
  it("lets a burst through at once, then paces at the refill rate, in arrival order", async () => {
    const time = fakeTime();
    const group = tokenBucketGroup({ burst: 3, perSecond: 2, now: time.now, sleep: time.sleep });
    const order: number[] = [];
    const started: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => group.key("i1").schedule({}, () => (order.push(n), started.push(time.now())))),
    );
    assert.deepEqual(order, [1, 2, 3, 4, 5]);
    assert.deepEqual(started, [0, 0, 0, 500, 1000]);
    assert.deepEqual(time.sleeps, [500, 500]);
  });

  it("refills while idle up to the burst, skips retries (weight 0), and keeps keys apart", async () => {
    const time = fakeTime();
    const group = tokenBucketGroup({ burst: 2, perSecond: 1, now: time.now, sleep: time.sleep });
    await group.key("a").schedule({}, () => 0);
    await group.key("a").schedule({}, () => 0);
    await group.key("a").schedule({ weight: 0 }, () => 0);
    await group.key("b").schedule({}, () => 0);
    assert.deepEqual(time.sleeps, []);
    time.advance(10_000);
    await group.key("a").schedule({}, () => 0);
    await group.key("a").schedule({}, () => 0);
    await group.key("a").schedule({}, () => 0);
    assert.deepEqual(time.sleeps, [1000]);
  });

  it("passes arguments and results through, and a failing task does not block the queue", async () => {
    const group = tokenBucketGroup({ burst: 1, perSecond: 1000 });
    await assert.rejects(
      group.key().schedule({}, () => Promise.reject(new Error("boom"))),
      /boom/,
    );
    assert.equal(await group.key().schedule({}, (a: number, b: number) => a + b, 2, 3), 5);
    assert.equal(
      await unlimitedGroup()
        .key("x")
        .schedule({}, (s: string) => s.toUpperCase(), "ok"),
      "OK",
    );
  });
});

describe("concurrencyGroup", () => {
  it("runs at most `limit` jobs of a key at once, starts the rest in arrival order, and frees slots on failure", async () => {
    const group = concurrencyGroup(2);
    let running = 0;
    let peak = 0;
    const started: string[] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        started.push(name);
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled(
      ["a", "b", "c", "d", "e"].map((n) => group.key("i1").schedule({}, job(n, n === "a"))),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ["rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"],
    );
    assert.deepEqual(started, ["a", "b", "c", "d", "e"]);
    assert.equal(peak, 2);
    // Another key has its own slots.
    const other = await Promise.all([group.key("i2").schedule({}, job("x")), group.key("i2").schedule({}, job("y"))]);
    assert.deepEqual(other, ["x", "y"]);
  });
});
