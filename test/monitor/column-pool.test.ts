// Drift's column pool (issue 17 item 3): the per-column statistics computed on worker threads are
// the ones this thread computes, bit for bit, and the thread decision follows the work's size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { ColumnPool, MIN_POOLED_VALUES } from "../../src/monitor/column-pool.ts";
import { runColumnJob, type ColumnJob } from "../../src/monitor/column-jobs.ts";
import type { NumericColumn } from "../../src/data/table.ts";
import type { NumericSummary } from "../../src/stats/drift/column-summary.ts";
import { seededRandom } from "../support/seeded-random.ts";

const twoCores = availableParallelism() >= 2;

/** n values, a few missing, rounded so ties occur (the KS and PSI code paths for ties run). */
function column(name: string, n: number, seed: number, shift: number): NumericColumn {
  const random = seededRandom(seed);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++)
    values[i] =
      i % 97 === 0
        ? NaN
        : Math.round((Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random()) + shift) * 1000) /
          1000;
  return { kind: "numeric", name, values };
}

test(
  "summaries, sorts and every numeric test on two worker threads equal this thread's, bit for bit",
  { skip: !twoCores && "one core", timeout: 60_000 },
  async (t) => {
    const pool = new ColumnPool({ minValues: 0, threads: 2 });
    t.after(() => pool.close());
    const references = [column("a", 200_000, 1, 0), column("b", 15_000, 2, 0), column("c", 9_000, 3, 0)];
    const windows = [column("a", 150_000, 4, 0.03), column("b", 8_000, 5, 0), column("c", 9_000, 6, 0.5)];

    const summaries = await pool.summarize(references, 10);
    assert.equal(pool.lastThreads, 2);
    assert.deepEqual(
      summaries,
      references.map((c) => runColumnJob({ op: "summarize", column: c, psiBins: 10 })),
    );

    // A view into a larger buffer, as the window keeps its values.
    const views = windows.map((c) => {
      const buffer = new Float64Array(c.values.length * 2);
      buffer.set(c.values);
      return buffer.subarray(0, c.values.length);
    });
    const sorted = await pool.sort(views);
    assert.deepEqual(
      sorted,
      views.map((v) => runColumnJob({ op: "sort", values: v })),
    );

    const currents: NumericSummary[] = windows.map((c, i) => ({
      ...(runColumnJob({ op: "summarize", column: c }) as NumericSummary),
      sortedValues: sorted[i],
    }));
    const jobs: ColumnJob[] = summaries.map((reference, i) => ({ op: "measure", reference, current: currents[i] }));
    const measured = await pool.measure(summaries.map((reference, i) => ({ reference, current: currents[i] })));
    assert.equal(pool.lastThreads, 2);
    assert.deepEqual(measured, jobs.map(runColumnJob));
    // Exact (n <= 10,000) and asymptotic KS branches both ran, and a shift was seen.
    const ks = measured.map((m) => m.ks!);
    assert.deepEqual(
      ks.map((k) => k.detail),
      ["asymptotic", "asymptotic", "exact"],
    );
    assert.ok(ks[2].value < 1e-10 && ks[1].value > 1e-3);
  },
);

test(
  "small work stays on this thread; big work goes to the pool whatever the machine's load",
  { skip: !twoCores && "one core", timeout: 60_000 },
  async (t) => {
    const pool = new ColumnPool();
    t.after(() => pool.close());
    await pool.sort([column("x", 1000, 7, 0).values, column("y", 1000, 8, 0).values]);
    assert.equal(pool.lastThreads, 0);
    const half = Math.ceil(MIN_POOLED_VALUES / 2);
    await pool.sort([column("x", half, 7, 0).values, column("y", half, 8, 0).values]);
    assert.equal(pool.lastThreads, 2);
    // One job has nothing to share.
    await pool.sort([column("x", MIN_POOLED_VALUES, 7, 0).values]);
    assert.equal(pool.lastThreads, 0);
  },
);
