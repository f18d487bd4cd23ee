import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DeliveryLog } from "../../../bot/services/delivery-log.ts";

describe("DeliveryLog", () => {
  it("handles an id once, makes a concurrent duplicate wait, and lets a failed one run again", async () => {
    const log = new DeliveryLog();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    assert.deepEqual(await Promise.all([log.once("d1", work), log.once("d1", work)]), ["handled", "skipped"]);
    assert.equal(await log.once("d1", work), "skipped");
    assert.equal(runs, 1);

    await assert.rejects(
      log.once("d2", () => Promise.reject(new Error("502"))),
      /502/,
    );
    assert.equal(await log.once("d2", work), "handled");
    assert.equal(await log.once(undefined, work), "handled");
    assert.equal(runs, 3);
  });

  it("forgets the oldest finished ids beyond its capacity", async () => {
    const log = new DeliveryLog(2);
    for (const id of ["a", "b", "c"]) await log.once(id, async () => {});
    assert.equal(await log.once("a", async () => {}), "handled");
    assert.equal(await log.once("c", async () => {}), "skipped");
  });
});
