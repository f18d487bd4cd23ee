import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { KeyedLock } from "../../../bot/services/keyed-lock.ts";

describe("KeyedLock", () => {
  it("runs tasks of one key one at a time in arrival order, other keys alongside, and survives failures", async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      lock.run("m", task("a1", true)),
      lock.run("m", task("a2")),
      lock.run("n", task("b1")),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ["rejected", "fulfilled", "fulfilled"],
    );
    assert.deepEqual(events, ["start a1", "start b1", "end a1", "start a2", "end b1", "end a2"]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(lock.size, 0);
  });
});
