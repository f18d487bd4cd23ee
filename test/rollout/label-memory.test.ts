// The requests remembered for labels: bounded (oldest forgotten first), joined once, by step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LabelMemory } from "../../src/rollout/label-memory.ts";

test("at most `capacity` requests are remembered; the oldest is forgotten first and its label is unknown", () => {
  const memory = new LabelMemory(3);
  for (const id of ["a", "b", "c", "d"]) memory.predicted(id, 0, "stable", [0.5]);
  assert.equal(memory.size, 3);
  assert.equal(memory.label("a", 0, Float64Array.of(1)).outcome, "unknown");
  assert.deepEqual(memory.label("d", 0, Float64Array.of(1)), {
    outcome: "joined",
    join: [{ side: "stable", predictions: Float64Array.of(0.5) }],
  });
  assert.equal(memory.label("d", 0, Float64Array.of(0)).outcome, "duplicate");
});

test("a label for a request of an earlier step is outside the window; a retried id keeps its first prediction", () => {
  const memory = new LabelMemory(10);
  memory.predicted("a", 0, "challenger", [0.9]);
  memory.predicted("a", 0, "challenger", [0.1]);
  assert.equal(memory.label("a", 1, Float64Array.of(1)).outcome, "outside_window");
  assert.deepEqual(memory.label("a", 0, Float64Array.of(1)).join, [
    { side: "challenger", predictions: Float64Array.of(0.9) },
  ]);
  // The same id answered again in a later step starts afresh there.
  assert.equal(memory.predicted("a", 1, "stable", [0.3]), undefined);
  assert.equal(memory.label("a", 1, Float64Array.of(0)).outcome, "joined");
});

test("labels that come before a side's prediction are handed over when it arrives, if the rows match", () => {
  const memory = new LabelMemory(10);
  memory.predicted("s", 2, "stable", [0.2, 0.4]);
  assert.equal(memory.label("s", 2, Float64Array.of(1)).outcome, "rows_mismatch");
  assert.equal(memory.label("s", 2, Float64Array.of(1, 0)).outcome, "joined");
  assert.deepEqual(memory.predicted("s", 2, "challenger", [0.7, 0.1]), Float64Array.of(1, 0));
});
