// The server's open profile windows: a finished window whose writes keep failing is let go after a
// few tries (its rows are in the log), so a disk that refuses profiles cannot grow memory for ever.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ProfileWindows } from "../../src/serve/profile-windows.ts";
import type { LogBatch } from "../../src/serve/log-record.ts";

function batch(time: string, rows: number): LogBatch {
  return {
    requestId: "r",
    time,
    model: "m",
    version: "v1",
    endpoint: "stable",
    table: {
      source: "t",
      rowCount: rows,
      columns: [{ kind: "numeric", name: "x", values: Float64Array.from({ length: rows }, (_, i) => i) }],
    },
    prediction: { rowCount: rows, scores: new Float64Array(rows), outputs: { value: "p" } },
    count: rows,
  };
}

test("a finished window that fails to be written three times is let go, with its rows counted", () => {
  const windows = new ProfileWindows("m", { windowMs: 60_000, writeMs: 1_000, maxValues: 4096 }, undefined, 0);
  windows.add([batch("2026-12-04T10:00:10.000Z", 5)]);
  const finished = Date.parse("2026-12-04T10:01:00.000Z");
  for (let attempt = 1; attempt <= 2; attempt++) {
    const [snapshot] = windows.due(finished);
    assert.equal(snapshot?.final, true, `attempt ${attempt}`);
    assert.equal(windows.retry(snapshot), 0, "kept for another try");
  }
  const [last] = windows.due(finished);
  assert.equal(windows.retry(last), 5, "let go: its 5 rows are in no profile");
  assert.deepEqual(windows.due(finished), [], "nothing left to write");
  // A row of that window arriving later starts a new part, as after a written window.
  windows.add([batch("2026-12-04T10:00:50.000Z", 1)]);
  assert.deepEqual(
    windows.due(finished).map((s) => [s.part, s.profile.rowCount]),
    [[2, 1]],
  );
});

test("an open window's failed write is retried without limit (it is still counting)", () => {
  const windows = new ProfileWindows("m", { windowMs: 60_000, writeMs: 1_000, maxValues: 4096 }, undefined, 0);
  windows.add([batch("2026-12-04T10:00:10.000Z", 3)]);
  const during = Date.parse("2026-12-04T10:00:20.000Z");
  for (let attempt = 0; attempt < 5; attempt++) {
    const [snapshot] = windows.due(during);
    assert.equal(snapshot.final, false);
    assert.equal(windows.retry(snapshot), 0);
  }
  assert.equal(windows.due(during)[0].profile.rowCount, 3);
});
