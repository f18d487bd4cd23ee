/**
 * The simulated-report loop behind the drift goal tests. As in production, one 20,000-row
 * reference (drawn once per test from the twenty simulated features, simulate.ts) is compared
 * with many independent current windows. The reference is summarized once into an exact profile
 * (every value kept, so results equal those from the Table itself - see profile.test.ts), which
 * is the "pre-sort the reference once" fast path; each window is then checked with the default
 * calibrated verdict.
 */
import { assessDrift } from "../../../src/stats/drift/assess-drift.ts";
import { buildProfile } from "../../../src/stats/drift/profile.ts";
import { seededRandom as createPrng } from "../../support/seeded-random.ts";
import { generateTable, twentyFeatures, type Feature } from "./simulate.ts";

const REFERENCE_ROWS = 20000;

export interface GoalRun {
  readonly reports: number;
  /** Reports whose dataset verdict was "drift". */
  readonly alarms: number;
  /** Reports in which `target` (when given) was among the drifted columns. */
  readonly caught: number;
  /** Columns other than `target` flagged, summed over reports. */
  readonly otherColumnsFlagged: number;
  readonly milliseconds: number;
}

export function runReports(options: {
  seed: number;
  reports: number;
  windowRows: number;
  current?: Feature[];
  target?: string;
}): GoalRun {
  const features = twentyFeatures();
  const currentFeatures = options.current ?? features;
  const prng = createPrng(options.seed);
  const start = performance.now();
  const reference = buildProfile(generateTable(features, REFERENCE_ROWS, prng, "reference"), {
    random: prng.uniform,
    sampleSize: REFERENCE_ROWS,
  });
  let alarms = 0;
  let caught = 0;
  let otherColumnsFlagged = 0;
  for (let r = 0; r < options.reports; r++) {
    const result = assessDrift(reference, generateTable(currentFeatures, options.windowRows, prng, "window"));
    if (result.drifted) alarms += 1;
    if (options.target && result.driftedColumns.includes(options.target)) caught += 1;
    otherColumnsFlagged += result.driftedColumns.filter((name) => name !== options.target).length;
  }
  return {
    reports: options.reports,
    alarms,
    caught,
    otherColumnsFlagged,
    milliseconds: Math.round(performance.now() - start),
  };
}
