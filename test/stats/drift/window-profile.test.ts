import { test } from "node:test";
import assert from "node:assert/strict";
import { assessSummaries, summarizeReference } from "../../../src/stats/drift/assess-drift.ts";
import { WindowSummarizer, type WindowSummary } from "../../../src/stats/drift/window-summary.ts";
import { summarizeProfileWindow } from "../../../src/stats/drift/profile-window.ts";
import {
  WindowProfileBuilder,
  parseWindowProfile,
  type WindowProfile,
} from "../../../src/stats/drift/window-profile.ts";
import { ValueCounts, bucketOf, truncateBits } from "../../../src/stats/drift/value-counts.ts";
import type { Table } from "../../../src/data/table.ts";
import { seededRandom } from "../../support/seeded-random.ts";

/** x: continuous normal (many distinct values); r: rounded to quarters (few); c: a category. */
function table(n: number, seed: number, shift: number, source = "t"): Table {
  const next = seededRandom(seed).uniform32;
  const x = new Float64Array(n);
  const r = new Float64Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()) + shift;
    x[i] = i % 50 === 0 ? NaN : 100 + 15 * z;
    r[i] = Math.round(z * 4) / 4;
    codes[i] = i % 97 === 0 ? -1 : next() < 0.3 + shift / 2 ? 1 : 0;
  }
  return {
    source,
    rowCount: n,
    columns: [
      { kind: "numeric", name: "x", values: x },
      { kind: "numeric", name: "r", values: r },
      { kind: "categorical", name: "c", codes, categories: ["a", "b"] },
    ],
  };
}

function slice(t: Table, start: number, end: number): Table {
  return {
    source: t.source,
    rowCount: end - start,
    columns: t.columns.map((c) =>
      c.kind === "numeric"
        ? { ...c, values: c.values.subarray(start, end) }
        : { ...c, codes: c.codes.subarray(start, end) },
    ),
  };
}

function profileOf(t: Table, maxValues: number, batch = 1000): WindowProfile {
  const b = new WindowProfileBuilder("m", maxValues);
  b.describe({ start: "2026-01-01T00:00:00.000Z", end: "2026-01-01T01:00:00.000Z" });
  for (let s = 0; s < t.rowCount; s += batch) b.add(slice(t, s, Math.min(t.rowCount, s + batch)), "v1");
  return b.build();
}

function streamed(t: Table, references: Map<string, any>, exactValues?: number): WindowSummary {
  const s = new WindowSummarizer(references, exactValues ? { exactValues } : {});
  for (let i = 0; i < t.rowCount; i += 4096) s.add(slice(t, i, Math.min(t.rowCount, i + 4096)));
  return s.finish();
}

function side(window: WindowSummary) {
  return {
    source: "cur",
    rowCount: window.rowCount,
    columns: new Map([...window.columns].map(([n, s]) => [n, () => s])),
  };
}

test("truncation nests and every value lies in its key's bucket", () => {
  const next = seededRandom(3).uniform32;
  for (let i = 0; i < 20000; i++) {
    const v = (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6);
    for (const bits of [0, 1, 7, 19, 20, 21, 31, 32, 33, 51]) {
      const k = truncateBits(v, bits);
      assert.equal(truncateBits(truncateBits(v, bits + 1), bits), k, `${v} at ${bits}`);
      const [lo, hi] = bucketOf(k, bits);
      assert.ok(lo <= v && v <= hi, `${v} in [${lo}, ${hi}] at ${bits} bits`);
      assert.ok(Math.abs(hi - lo) <= Math.abs(v) * 2 ** -bits + 1e-300, "bucket width is the stated precision");
    }
  }
  assert.equal(truncateBits(0.1, 52), 0.1);
  assert.equal(truncateBits(3, 5), 3, "small integers stay exact");
});

test("value counts depend on the values alone: any order, any split, merged", () => {
  const next = seededRandom(9).uniform32;
  const values = Array.from({ length: 30000 }, () => Math.exp(next() * 8));
  const whole = new ValueCounts(4096);
  for (const v of values) whole.add(v);
  assert.ok(whole.bits < 52, "coarsened past the cap");
  const shuffled = [...values].sort(() => next() - 0.5);
  const parts = [new ValueCounts(4096), new ValueCounts(4096), new ValueCounts(4096)];
  shuffled.forEach((v, i) => parts[i % 3].add(v));
  const merged = new ValueCounts(4096);
  for (const p of parts.reverse()) {
    const { keys, counts } = p.sorted();
    merged.merge(keys, counts, p.bits);
  }
  assert.equal(merged.bits, whole.bits);
  assert.deepEqual(merged.sorted(), whole.sorted());
});

test("merged profiles have the very counts of one profile of all rows", () => {
  const all = table(40000, 5, 0);
  const whole = profileOf(all, 4096);
  const a = profileOf(slice(all, 0, 13000), 4096);
  const b = profileOf(slice(all, 13000, 40000), 4096);
  const m = new WindowProfileBuilder("m", 4096);
  m.merge(b, "b");
  m.merge(a, "a");
  const merged = m.build();
  assert.equal(merged.rowCount, 40000);
  for (const column of whole.columns) {
    const twin = merged.columns.find((c) => c.name === column.name)!;
    assert.equal(twin.missingCount, column.missingCount);
    if (column.kind === "numeric" && twin.kind === "numeric") {
      assert.equal(twin.bits, column.bits);
      assert.deepEqual(twin.values, column.values);
      assert.deepEqual(twin.counts, column.counts);
      assert.ok(Math.abs(twin.mean! - column.mean!) < 1e-12 * Math.abs(column.mean!));
      assert.ok(Math.abs(twin.m2! - column.m2!) < 1e-9 * column.m2!);
      assert.equal(twin.min, column.min);
      assert.equal(twin.max, column.max);
    } else if (column.kind === "categorical" && twin.kind === "categorical") {
      const byLabel = (c: typeof column) => new Map(c.categories.map((label, i) => [label, c.counts[i]]));
      assert.deepEqual(byLabel(twin), byLabel(column));
    }
  }
  assert.equal(whole.columns.find((c) => c.name === "r")!.kind, "numeric");
  assert.equal((whole.columns.find((c) => c.name === "r") as any).bits, 52, "few distinct values stay exact");
  assert.ok((whole.columns.find((c) => c.name === "x") as any).bits < 52, "a continuous column was truncated");
});

for (const shift of [0, 0.04, 0.3]) {
  test(`drift on a profile = drift on the rows (shift ${shift}): identical when exact, KS within the stated error when truncated`, () => {
    const reference = table(5000, 1, 0, "ref");
    const current = table(60000, 2 + shift * 100, shift, "cur");
    const referenceSide = summarizeReference(reference);
    const summaries = new Map([...referenceSide.columns].map(([n, make]) => [n, make()]));
    for (const exactValues of [undefined, 100]) {
      const raw = assessSummaries(referenceSide, side(streamed(current, summaries, exactValues)));
      for (const maxValues of [4096, 1 << 20]) {
        const profile = parseWindowProfile(JSON.parse(JSON.stringify(profileOf(current, maxValues))), "p.json");
        const fromProfile = assessSummaries(
          referenceSide,
          side(summarizeProfileWindow(profile, summaries, exactValues ? { exactValues } : {})),
        );
        const what = `exactValues ${exactValues}, maxValues ${maxValues}`;
        assert.equal(fromProfile.drifted, raw.drifted, what);
        assert.deepEqual(fromProfile.driftedColumns, raw.driftedColumns, what);
        for (const column of raw.columns) {
          const twin = fromProfile.columns.find((c) => c.name === column.name)!;
          assert.equal(twin.drifted, column.drifted, `${what}: ${column.name}`);
          const exact = profile.columns.find((c) => c.name === column.name)!;
          const truncated = exact.kind === "numeric" && exact.bits < 52;
          if (!truncated) {
            assert.equal(
              twin.significance!.statistic,
              column.significance!.statistic,
              `${what}: ${column.name} identical`,
            );
            assert.equal(twin.significance!.pValue, column.significance!.pValue, `${what}: ${column.name}`);
            if (twin.effect)
              assert.ok(Math.abs(twin.effect.value - column.effect!.value) < 1e-9, `${what}: ${column.name} W`);
            continue;
          }
          const m = /D within ([\d.e+-]+)/.exec(twin.significance!.detail);
          assert.ok(m, twin.significance!.detail);
          const bound = Number(m[1]);
          assert.ok(bound < 0.002, `${what}: KS bound ${bound}`);
          assert.ok(
            Math.abs(twin.significance!.statistic - column.significance!.statistic) <= bound * 1.001,
            `${what}: |D - D_raw| = ${Math.abs(twin.significance!.statistic - column.significance!.statistic)} within ${bound}`,
          );
          assert.ok(Math.abs(twin.effect!.value - column.effect!.value) < 0.002, `${what}: W`);
          assert.ok(Math.abs(twin.current.mean! - column.current.mean!) < 1e-9);
          assert.ok(Math.abs(twin.current.std! - column.current.std!) < 1e-9);
        }
      }
    }
  });
}

test("hostile feature names are data: JSON and back, and a profile is checked", () => {
  const names = [
    "__proto__",
    "constructor",
    'a"b\\c',
    "../../etc/passwd",
    "line\nbreak",
    "\u2028",
    "prediction: score",
  ];
  const b = new WindowProfileBuilder("m");
  b.describe({ start: "s", end: "e" });
  b.add(
    {
      source: "t",
      rowCount: 2,
      columns: names.map((name, i) =>
        i % 2
          ? { kind: "numeric" as const, name, values: Float64Array.of(i, Infinity) }
          : { kind: "categorical" as const, name, codes: Int32Array.of(0, -1), categories: ["__proto__"] },
      ),
    },
    "v1",
  );
  const text = JSON.stringify(b.build());
  const back = parseWindowProfile(JSON.parse(text), "p.json");
  assert.deepEqual(
    back.columns.map((c) => c.name),
    names,
  );
  assert.equal(back.columns[1].missingCount, 1, "a non-finite number is missing, as the log writes it (null)");
  assert.equal(Object.getPrototypeOf(back), Object.prototype);
  const broken = JSON.parse(text);
  broken.columns[1].counts[0] = 5;
  assert.throws(() => parseWindowProfile(broken, "p.json"), /columns\[1\]\.counts.*add up to rowCount/);
  assert.throws(() => parseWindowProfile({ ...JSON.parse(text), version: 9 }, "p.json"), /version/);
});

test("long category strings cannot grow a column past its text bound: the rest is counted as overflow", () => {
  const b = new WindowProfileBuilder("m");
  b.describe({ start: "s", end: "e" });
  // 80 rows of 100,000-character strings per batch, as a hostile client might send them.
  for (let batch = 0; batch < 70; batch++) {
    const categories = Array.from({ length: 80 }, (_, i) => `${batch}-${i}-`.padEnd(100_000, "x"));
    b.add(
      {
        source: "t",
        rowCount: 80,
        columns: [
          { kind: "categorical", name: "note", codes: Int32Array.from({ length: 80 }, (_, i) => i), categories },
        ],
      },
      "v1",
    );
  }
  const [column] = b.build().columns as any[];
  const kept = column.categories.reduce((n: number, c: string) => n + c.length, 0);
  assert.ok(kept <= 4 * 1024 * 1024, `kept ${kept} characters`);
  assert.equal(column.categories.length, 41);
  assert.equal(column.overflowCount, 70 * 80 - 41);
});

test("a batch whose column changed kind is refused whole: the profile still adds up", () => {
  const b = new WindowProfileBuilder("m");
  b.describe({ start: "s", end: "e" });
  b.add(
    {
      source: "t",
      rowCount: 2,
      columns: [
        { kind: "numeric", name: "a", values: Float64Array.of(1, 2) },
        { kind: "numeric", name: "z", values: Float64Array.of(1, 2) },
      ],
    },
    "v1",
  );
  assert.throws(
    () =>
      b.add(
        {
          source: "t",
          rowCount: 1,
          columns: [
            { kind: "numeric", name: "a", values: Float64Array.of(3) },
            { kind: "categorical", name: "z", codes: Int32Array.of(0), categories: ["q"] },
          ],
        },
        "v2",
      ),
    /column "z" is categorical in this batch but numeric earlier in the window/,
  );
  const built = b.build();
  assert.equal(built.rowCount, 2);
  assert.deepEqual(built.versions, ["v1"]);
  parseWindowProfile(JSON.parse(JSON.stringify(built)), "p.json"); // still a valid profile
});
