import { test } from "node:test";
import assert from "node:assert/strict";
import { parseNote, serializeNoteLine, latest, type NoteLine } from "../../src/provenance/note-line.ts";

const line = (model: string, at: string, event: NoteLine["event"] = "record") =>
  ({ schema: 1, event, model, at, tool: "t" }) as unknown as NoteLine;

test("note lines are single-line JSON and parse back", () => {
  const text = serializeNoteLine(line("a", "2026-01-01T00:00:00.000Z"));
  assert.ok(!text.includes("\n"));
  assert.deepEqual(parseNote(text + "\n"), [line("a", "2026-01-01T00:00:00.000Z")]);
});

test("free text and broken lines in a note are skipped, not fatal", () => {
  const text = ["hand-written remark", serializeNoteLine(line("a", "x")), "{not json", "", '{"unrelated":true}'].join(
    "\n",
  );
  assert.deepEqual(parseNote(text), [line("a", "x")]);
});

test("latest picks by timestamp, since cat_sort_uniq merges reorder lines", () => {
  const lines = [
    line("m", "2026-03-01T00:00:00.000Z"),
    line("m", "2026-01-01T00:00:00.000Z"),
    line("other", "2027-01-01T00:00:00.000Z"),
  ];
  assert.equal(latest(lines, "record", "m")?.at, "2026-03-01T00:00:00.000Z");
  assert.equal(latest(lines, "evaluate", "m"), undefined);
});
