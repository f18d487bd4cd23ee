import { test } from "node:test";
import assert from "node:assert/strict";
import { assessDrift, assessSummaries, summarizeReference } from "../../../src/stats/drift/assess-drift.ts";
import { WindowSummarizer } from "../../../src/stats/drift/window-summary.ts";
import type { Table } from "../../../src/data/table.ts";

function normalTable(n: number, seed: number, shift: number, source: string): Table {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const values = new Float64Array(n);
  const rounded = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()) + shift;
    values[i] = i % 50 === 0 ? NaN : z;
    rounded[i] = Math.round(z * 4) / 4; // ties, and values between the reference's
  }
  return {
    source,
    rowCount: n,
    columns: [
      { kind: "numeric", name: "x", values },
      { kind: "numeric", name: "r", values: rounded },
    ],
  };
}

/** The same window summarized in batches on counts (exactValues tiny) and whole: same statistics and verdicts. */
for (const shift of [0, 0.05, 0.3]) {
  test(`a window counted on the reference's values gives today's exact KS and PSI, Wasserstein within its bound (shift ${shift})`, () => {
    const reference = normalTable(3000, 7, 0, "ref");
    const current = normalTable(20000, 11 + shift * 10, shift, "cur");
    const exact = assessDrift(reference, current);
    const referenceSide = summarizeReference(reference);
    const summaries = new Map([...referenceSide.columns].map(([name, make]) => [name, make()]));
    const summarizer = new WindowSummarizer(summaries, { exactValues: 2 });
    for (let start = 0; start < current.rowCount; start += 4096) {
      const end = Math.min(current.rowCount, start + 4096);
      summarizer.add({
        source: "cur",
        rowCount: end - start,
        columns: current.columns.map((c) =>
          c.kind === "numeric" ? { ...c, values: c.values.subarray(start, end) } : c,
        ),
      });
    }
    const window = summarizer.finish();
    assert.ok(
      window.columns.get("x")!.kind === "numeric" && (window.columns.get("x") as any).measured,
      "the window was binned",
    );
    const streamed = assessSummaries(referenceSide, {
      source: "cur",
      rowCount: window.rowCount,
      columns: new Map([...window.columns].map(([n, s]) => [n, () => s])),
    });
    assert.equal(streamed.drifted, exact.drifted);
    for (const column of exact.columns) {
      const twin = streamed.columns.find((c) => c.name === column.name)!;
      assert.equal(twin.drifted, column.drifted, column.name);
      assert.equal(twin.significance!.statistic, column.significance!.statistic, `${column.name}: KS D identical`);
      assert.equal(twin.significance!.pValue, column.significance!.pValue, `${column.name}: KS p identical`);
      const psi = (c: typeof column) => c.tests.find((t) => t.test === "psi")!.value!;
      assert.ok(Math.abs(psi(twin) - psi(column)) < 1e-12, `${column.name}: PSI`);
      const bound = (window.columns.get(column.name) as any).measured.wassersteinError / column.reference.std! + 1e-12;
      assert.ok(
        Math.abs(twin.effect!.value - column.effect!.value) <= bound,
        `${column.name}: Wasserstein ${twin.effect!.value} vs ${column.effect!.value}, bound ${bound}`,
      );
      assert.ok(bound < twin.effect!.noise / 10, "the bound is far below the sampling noise the verdict removes");
      assert.ok(Math.abs(twin.current.mean! - column.current.mean!) < 1e-12);
    }
  });
}
