import { test } from "node:test";
import assert from "node:assert/strict";
import { isUserError } from "../../../src/errors.ts";
import { assessDrift } from "../../../src/stats/drift/assess-drift.ts";
import { summarizeNumeric } from "../../../src/stats/drift/column-summary.ts";
import { ksTwoSampleSorted } from "../../../src/stats/tests/ks-two-sample.ts";
import { buildProfile, parseDriftProfile, profileColumnSummary } from "../../../src/stats/drift/profile.ts";
import { wassersteinDistanceSorted } from "../../../src/stats/drift/wasserstein.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";
import { generateTable, twentyFeatures, withMeanShift } from "./simulate.ts";

const features = twentyFeatures();

test("a profile survives JSON and is repeatable for a seed", () => {
  const table = generateTable(features, 8000, createPrng(31), "train.csv");
  const profile = buildProfile(table, { random: createPrng(1).uniform, sampleSize: 1000 });
  const again = buildProfile(table, { random: createPrng(1).uniform, sampleSize: 1000 });
  assert.deepEqual(profile, again);
  const parsed = parseDriftProfile(JSON.parse(JSON.stringify(profile)), "profile.json");
  assert.deepEqual(parsed, profile);
  const amount = profile.columns.find((c) => c.name === "amount");
  assert.ok(amount && amount.kind === "numeric" && amount.sampled && amount.sample.length === 1000);
  assert.equal(
    amount.psi.counts.reduce((a, b) => a + b, 0),
    8000,
  );
});

test("with the whole column kept (sample >= rows), profile-based results equal raw-data results", () => {
  const prng = createPrng(32);
  const table = generateTable(features, 3000, prng, "train.csv");
  const current = generateTable(withMeanShift(features, "amount", 0.3, 40), 700, prng, "window.csv");
  const profile = buildProfile(table, { random: prng.uniform, sampleSize: 5000 });
  const fromTable = assessDrift(table, current);
  const fromProfile = assessDrift(profile, current);
  assert.deepEqual({ ...fromProfile, reference: undefined }, { ...fromTable, reference: undefined });
  assert.equal(fromProfile.reference.fromProfile, true);
});

test("with a 5,000-value sample, the KS statistic stays within the DKW bound 0.0276 of the raw one, counts-based tests are identical", () => {
  // DKW (Massart): P(sup |F_sample - F_full| > eps) <= 2 exp(-2 k eps^2); k = 5000, delta = 0.001 -> eps = 0.0276.
  const epsilon = Math.sqrt(Math.log(2 / 0.001) / (2 * 5000));
  assert.ok(Math.abs(epsilon - 0.0276) < 1e-4);
  const prng = createPrng(33);
  const table = generateTable(features, 60000, prng, "train.csv");
  const profile = buildProfile(table, { random: prng.uniform });
  let largestKsGap = 0;
  for (let window = 0; window < 3; window++) {
    const current = generateTable(withMeanShift(features, "normal", 0.05 * window, 1), 4000, prng, "window.csv");
    const fromTable = assessDrift(table, current);
    const fromProfile = assessDrift(profile, current);
    for (const column of fromTable.columns) {
      const other = fromProfile.columns.find((c) => c.name === column.name)!;
      if (column.kind === "numeric") {
        const gap = Math.abs(column.significance!.statistic - other.significance!.statistic);
        largestKsGap = Math.max(largestKsGap, gap);
        assert.ok(gap <= epsilon, `${column.name}: KS statistics differ by ${gap}`);
        // Wasserstein: the triangle inequality bound W1(sample, full), in reference sds.
        const full = table.columns.find((c) => c.name === column.name)!;
        const sample = profileColumnSummary(profile.columns.find((c) => c.name === column.name)!);
        const raw = summarizeNumeric(full as never);
        const bound =
          wassersteinDistanceSorted(
            sample.kind === "numeric" ? sample.sortedValues : new Float64Array(),
            raw.sortedValues,
          ) / raw.std;
        assert.ok(
          Math.abs(column.effect!.value - other.effect!.value) <= bound + 1e-12,
          `${column.name}: Wasserstein within ${bound}`,
        );
        assert.ok(bound < 0.06, `${column.name}: sample-to-full distance ${bound}`);
      } else {
        // Adjusted p-values may differ (the family includes the numeric columns); the rest is exact.
        assert.deepEqual(
          { ...other.significance, adjustedPValue: 0 },
          { ...column.significance, adjustedPValue: 0 },
          column.name,
        );
        assert.deepEqual(other.effect, column.effect, column.name);
      }
      assert.deepEqual(
        other.tests.find((t) => t.test === "psi"),
        column.tests.find((t) => t.test === "psi"),
        `${column.name} PSI`,
      );
      assert.deepEqual(other.missing?.pValue, column.missing?.pValue, `${column.name} missing`);
    }
  }
  assert.ok(largestKsGap > 0, "the sample really differs from the full data");
});

test("ks on the sample alone agrees with the profile path", () => {
  const prng = createPrng(34);
  const table = generateTable(features.slice(0, 1), 20000, prng, "train.csv");
  const profile = buildProfile(table, { random: prng.uniform, sampleSize: 500 });
  const current = generateTable(features.slice(0, 1), 300, prng, "window.csv");
  const sample = profileColumnSummary(profile.columns[0]);
  const direct = ksTwoSampleSorted(
    sample.kind === "numeric" ? sample.sortedValues : new Float64Array(),
    summarizeNumeric(current.columns[0] as never).sortedValues,
  );
  const viaAssess = assessDrift(profile, current).columns[0].significance!;
  assert.equal(viaAssess.statistic, direct.statistic);
  assert.equal(viaAssess.pValue, direct.pValue);
  assert.equal(viaAssess.detail, "exact");
});

test("parseDriftProfile names the bad key and says how to fix it", () => {
  const profile = buildProfile(generateTable(features.slice(0, 2), 50, createPrng(35), "t"), { random: () => 0.5 });
  const broken = JSON.parse(JSON.stringify(profile));
  broken.columns[1].sample = [3, 1, 2];
  assert.throws(
    () => parseDriftProfile(broken, "drift-profile.json"),
    (error: unknown) =>
      isUserError(error) &&
      error.where?.key === "columns[1].sample" &&
      /sorted ascending/.test(error.message) &&
      /Rebuild the profile/.test(error.message),
  );
  assert.throws(
    () => parseDriftProfile({ format: "something-else" }, "x.json"),
    (error: unknown) => isUserError(error) && error.where?.key === "format",
  );
  assert.throws(() => parseDriftProfile({ ...profile, version: 2 }, "x.json"), /version is 2/);
});
