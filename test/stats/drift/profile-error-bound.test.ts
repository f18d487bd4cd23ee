import { test } from "node:test";
import assert from "node:assert/strict";
import { assessSummaries, summarizeReference, type SummarizedSide } from "../../../src/stats/drift/assess-drift.ts";
import { summarizeProfileWindow } from "../../../src/stats/drift/profile-window.ts";
import { WindowProfileBuilder, parseWindowProfile } from "../../../src/stats/drift/window-profile.ts";
import type { WindowSummary } from "../../../src/stats/drift/window-summary.ts";
import type { Table } from "../../../src/data/table.ts";
import { binCountsSorted } from "../../../src/stats/drift/psi.ts";
import { sortedNonMissing, type NumericSummary } from "../../../src/stats/drift/column-summary.ts";
import { seededRandom } from "../../support/seeded-random.ts";

/**
 * A point mass at 100 in the reference, the same share just above it (100 + U(0, 0.2)) now; the
 * other values span ~40 binades, so a 4096-value profile keeps 6 bits and cannot tell them apart.
 * Raw rows: KS D ~0.3; the profile's D ~0.005, "within 0.3".
 */
function table(n: number, current: boolean, next: () => number): Table {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = next() < 0.3 ? (current ? 100 + 0.2 * next() : 100) : 2 ** (next() * 40 - 20);
  return {
    source: current ? "current" : "reference",
    rowCount: n,
    columns: [{ kind: "numeric", name: "x", values: x }],
  };
}

function fromProfile(current: Table, maxValues: number) {
  const builder = new WindowProfileBuilder("m", maxValues);
  builder.describe({ start: "2026-01-01T00:00:00.000Z", end: "2026-01-01T01:00:00.000Z" });
  builder.add(current, "v1");
  return parseWindowProfile(JSON.parse(JSON.stringify(builder.build())), "profile.json");
}

const side = (w: WindowSummary): SummarizedSide => ({
  source: "profiles",
  rowCount: w.rowCount,
  columns: new Map([...w.columns].map(([n, s]) => [n, () => s])),
});

test("a profile too coarse to settle the KS verdict is refused, naming the column, the bound and the fix", () => {
  const next = seededRandom(7).uniform32;
  const reference = summarizeReference(table(20000, false, next));
  const summaries = new Map([...reference.columns].map(([n, make]) => [n, make()]));
  const current = table(50000, true, next);
  const profile = fromProfile(current, 4096);
  assert.ok((profile.columns[0] as { bits: number }).bits < 52, "truncated");
  const window = side(summarizeProfileWindow(profile, summaries));

  // The raw rows drift by KS; the profile's D alone would say "no drift".
  assert.equal(assessSummaries(reference, rawSide(current), { test: "ks" }).drifted, true);
  assert.throws(
    () => assessSummaries(reference, window, { test: "ks" }),
    (error: Error) =>
      /"x"/.test(error.message) &&
      /KS D = 0\.0\d+ is known only within ±0\.3/.test(error.message) &&
      /serve\.profile\.max_values/.test(error.message),
  );

  // Calibrated: the Wasserstein distance cannot reach its threshold within its bound, so "no drift"
  // stands (as on the raw rows), and the report says how well the profile knows the statistics.
  const calibrated = assessSummaries(reference, window);
  assert.equal(calibrated.drifted, false);
  assert.match(calibrated.columns[0].reason, /KS D within ±0\.3, Wasserstein distance within ±[\d.e-]+ sd/);
});

test("a profile precise enough keeps its verdict: no refusal when the bounds cannot change it", () => {
  const next = seededRandom(11).uniform32;
  const values = (n: number, shift: number) => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++)
      x[i] = 100 + 15 * (Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()) + shift);
    return { source: "t", rowCount: n, columns: [{ kind: "numeric" as const, name: "x", values: x }] };
  };
  const reference = summarizeReference(values(20000, 0));
  const summaries = new Map([...reference.columns].map(([n, make]) => [n, make()]));
  for (const [shift, drifted] of [
    [0, false],
    [0.5, true],
  ] as const) {
    const profile = fromProfile(values(50000, shift), 4096);
    assert.ok((profile.columns[0] as { bits: number }).bits < 52, "truncated");
    const window = side(summarizeProfileWindow(profile, summaries));
    assert.equal(assessSummaries(reference, window, { test: "ks" }).drifted, drifted, `ks, shift ${shift}`);
    assert.equal(assessSummaries(reference, window).drifted, drifted, `calibrated, shift ${shift}`);
  }
});

function rawSide(table: Table): SummarizedSide {
  return summarizeReference(table);
}

test("a truncated profile states how much of the window may sit in a neighbouring PSI bin, and every bin's true count is within it", () => {
  const next = seededRandom(23).uniform32;
  const normal = (n: number, shift: number) => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++)
      x[i] = 100 + 15 * (Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()) + shift);
    return { source: "t", rowCount: n, columns: [{ kind: "numeric" as const, name: "x", values: x }] };
  };
  const reference = summarizeReference(normal(20000, 0));
  const summaries = new Map([...reference.columns].map(([n, make]) => [n, make()]));
  const referenceX = summaries.get("x") as NumericSummary;
  const edges = referenceX.psi!.edges;
  for (const [seedShift, maxValues] of [
    [0, 4096],
    [0.3, 4096],
    [0, 16384],
  ] as const) {
    const current = normal(60000, seedShift);
    const profile = fromProfile(current, maxValues);
    assert.ok((profile.columns[0] as { bits: number }).bits < 52, "truncated");
    const summary = summarizeProfileWindow(profile, summaries).columns.get("x") as NumericSummary;
    const measured = summary.measured!;
    const share = measured.psiMovedShare!;
    assert.ok(share > 0 && share < 0.05, `a small, stated share: ${share}`);
    // The truth: the raw rows binned by psi.ts (checked against a reference elsewhere).
    const truth = binCountsSorted(sortedNonMissing(current.columns[0].values), edges);
    for (const [bin, count] of truth.entries())
      assert.ok(
        Math.abs(count - measured.psiCounts![bin]) <= share * current.rowCount,
        `bin ${bin}: true ${count}, profile ${measured.psiCounts![bin]}, bound ${share * current.rowCount}`,
      );
    const assessed = assessSummaries(reference, side(summarizeProfileWindow(profile, summaries)));
    const psi = assessed.columns[0].tests.find((outcome) => outcome.test === "psi")!;
    assert.match(
      psi.detail!,
      /of the window may sit in a neighbouring bin \(server profiles, values kept to \d+ significant bits\)/,
    );
  }
});
