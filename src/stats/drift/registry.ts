/**
 * Drift tests by name, each with a default threshold, so configuration can say `test: psi`.
 * A metric (a number computed from reference and current data) is kept apart from a test
 * outcome (metric + threshold -> status + a sentence), as in Evidently; rendering is the
 * report's job.
 *
 * Defaults and why:
 *   ks             p < 0.05    Evidently's default for numeric columns (small data).
 *   wasserstein    >= 0.1      normalized by the reference std; Evidently's default for large data.
 *   psi            >= 0.1      Evidently's default; 0.1-0.25 is conventionally "moderate shift".
 *   chi2           p < 0.05    Evidently's default for categorical columns (sparse categories
 *                              handled as in categorical-significance.ts).
 *   jensenshannon  >= 0.1      base-2 distance; Evidently's default for large data.
 *   missing        p < 0.05    Fisher's exact test on the missing-value counts.
 * These single tests do not correct for testing many features or for sample-size noise; the
 * default verdict (assess-drift.ts, "calibrated") does, and uses them as ingredients.
 */
import { UserError } from "../../errors.ts";
import { alignCategories } from "./categorical-counts.ts";
import { categoricalSignificance } from "./categorical-significance.ts";
import {
  presentCount,
  type CategoricalSummary,
  type ColumnSummary,
  type MeasuredComparison,
  type NumericSummary,
} from "./column-summary.ts";
import { fisherExactTwoSided } from "../tests/fisher-exact.ts";
import { jensenShannonDistance } from "./jensen-shannon.ts";
import { ksFromGaps, ksTwoSampleSorted } from "../tests/ks-two-sample.ts";
import { binCountsSorted, populationStabilityIndex } from "./psi.ts";
import { normalizeWasserstein, wassersteinDistanceSorted } from "./wasserstein.ts";

const DRIFT_TEST_NAMES = ["ks", "wasserstein", "psi", "chi2", "jensenshannon", "missing"] as const;
export type DriftTestName = (typeof DRIFT_TEST_NAMES)[number];
export type ColumnKind = "numeric" | "categorical";

export interface DriftMetric {
  /** The number compared with the threshold: a p-value or a distance. */
  readonly value: number;
  /** The statistic behind a p-value (KS D, chi-squared X^2, ...), when there is one. */
  readonly statistic?: number;
  /** How it was computed, e.g. "exact" or "df = 4", for the report. */
  readonly detail?: string;
}

export interface DriftTestDefinition {
  readonly name: DriftTestName;
  readonly title: string;
  readonly columnKinds: readonly ColumnKind[];
  /** "p-value": drift when value < threshold. "distance": drift when value >= threshold. */
  readonly scale: "p-value" | "distance";
  readonly defaultThreshold: number;
  /** null when the test cannot run (no non-missing values on one side). */
  measure(reference: ColumnSummary, current: ColumnSummary): DriftMetric | null;
}

type DriftTestStatus = "drift" | "no drift" | "not applicable";

export interface DriftTestOutcome {
  readonly test: DriftTestName;
  readonly title: string;
  readonly scale: "p-value" | "distance";
  readonly value: number | null;
  readonly statistic?: number;
  readonly detail?: string;
  readonly threshold: number;
  readonly status: DriftTestStatus;
  /** One plain-English sentence saying what the number means against the threshold. */
  readonly sentence: string;
}

function bothNumeric(reference: ColumnSummary, current: ColumnSummary): [NumericSummary, NumericSummary] | null {
  if (reference.kind !== "numeric" || current.kind !== "numeric") return null;
  if (reference.sortedValues.length === 0 || presentCount(current) === 0) return null;
  return [reference, current];
}

/** The window's measured comparison, checked to be against this reference (see column-summary.ts). */
function measuredAgainst(reference: NumericSummary, current: NumericSummary): MeasuredComparison | undefined {
  const measured = current.measured;
  if (measured && measured.reference !== reference)
    throw new Error(`drift: column "${current.name}" was measured against another reference`);
  return measured;
}

function bothCategorical(
  reference: ColumnSummary,
  current: ColumnSummary,
): [CategoricalSummary, CategoricalSummary] | null {
  if (reference.kind !== "categorical" || current.kind !== "categorical") return null;
  if (presentCount(reference) === 0 || presentCount(current) === 0) return null;
  return [reference, current];
}

const DEFINITIONS: Record<DriftTestName, DriftTestDefinition> = {
  ks: {
    name: "ks",
    title: "Kolmogorov–Smirnov",
    columnKinds: ["numeric"],
    scale: "p-value",
    defaultThreshold: 0.05,
    measure(reference, current) {
      const pair = bothNumeric(reference, current);
      if (!pair) return null;
      const measured = measuredAgainst(pair[0], pair[1]);
      const result = measured
        ? ksFromGaps(measured.gaps, pair[0].sortedValues.length, presentCount(pair[1]))
        : ksTwoSampleSorted(pair[0].sortedValues, pair[1].sortedValues);
      // A statistic known only within a bound says so where it is read (the test's detail).
      const detail = measured?.ksError
        ? `${result.method}; D within ${formatNumber(measured.ksError)} (${measured.by})`
        : result.method;
      return { value: result.pValue, statistic: result.statistic, detail };
    },
  },
  wasserstein: {
    name: "wasserstein",
    title: "Wasserstein distance (in reference standard deviations)",
    columnKinds: ["numeric"],
    scale: "distance",
    defaultThreshold: 0.1,
    measure(reference, current) {
      const pair = bothNumeric(reference, current);
      if (!pair) return null;
      const measured = measuredAgainst(pair[0], pair[1]);
      const distance = measured
        ? measured.wasserstein
        : wassersteinDistanceSorted(pair[0].sortedValues, pair[1].sortedValues);
      const value = normalizeWasserstein(distance, pair[0].std, pair[1].std);
      if (!measured || measured.wassersteinError === 0) return { value, statistic: distance };
      const error = normalizeWasserstein(measured.wassersteinError, pair[0].std, pair[1].std);
      return { value, statistic: distance, detail: `within ${formatNumber(error)} sd (${measured.by})` };
    },
  },
  psi: {
    name: "psi",
    title: "Population Stability Index",
    columnKinds: ["numeric", "categorical"],
    scale: "distance",
    defaultThreshold: 0.1,
    measure(reference, current) {
      const numeric = bothNumeric(reference, current);
      if (numeric) {
        const bins = numeric[0].psi;
        if (!bins) return null;
        const measured = measuredAgainst(numeric[0], numeric[1]);
        if (measured && !measured.psiCounts) return null;
        const currentCounts = measured
          ? [...measured.psiCounts!]
          : binCountsSorted(numeric[1].sortedValues, bins.edges);
        const detail = measured?.psiMovedShare
          ? `${bins.counts.length} bins; up to ${formatNumber(measured.psiMovedShare * 100)}% of the window may sit in a neighbouring bin (${measured.by})`
          : `${bins.counts.length} bins`;
        return { value: populationStabilityIndex(bins.counts, currentCounts), detail };
      }
      const categorical = bothCategorical(reference, current);
      if (!categorical) return null;
      const aligned = alignCategories(categorical[0], categorical[1]);
      return {
        value: populationStabilityIndex(aligned.reference, aligned.current),
        detail: `${aligned.categories.length} categories`,
      };
    },
  },
  chi2: {
    name: "chi2",
    title: "Chi-squared",
    columnKinds: ["categorical"],
    scale: "p-value",
    defaultThreshold: 0.05,
    measure(reference, current) {
      const pair = bothCategorical(reference, current);
      if (!pair) return null;
      const result = categoricalSignificance(pair[0], pair[1]);
      return { value: result.pValue, statistic: result.statistic, detail: result.detail };
    },
  },
  jensenshannon: {
    name: "jensenshannon",
    title: "Jensen–Shannon distance",
    columnKinds: ["categorical"],
    scale: "distance",
    defaultThreshold: 0.1,
    measure(reference, current) {
      const pair = bothCategorical(reference, current);
      if (!pair) return null;
      const aligned = alignCategories(pair[0], pair[1]);
      return { value: jensenShannonDistance(aligned.reference, aligned.current) };
    },
  },
  missing: {
    name: "missing",
    title: "Missing-value share (Fisher's exact test)",
    columnKinds: ["numeric", "categorical"],
    scale: "p-value",
    defaultThreshold: 0.05,
    measure(reference, current) {
      if (reference.rowCount === 0 || current.rowCount === 0) return null;
      const value = fisherExactTwoSided(
        reference.missingCount,
        presentCount(reference),
        current.missingCount,
        presentCount(current),
      );
      const share = (s: ColumnSummary) => s.missingCount / s.rowCount;
      return { value, statistic: share(current) - share(reference) };
    },
  },
};

/** Every registered test, in a stable order. */
export const DRIFT_TESTS: readonly DriftTestDefinition[] = DRIFT_TEST_NAMES.map((name) => DEFINITIONS[name]);

/** The test registered under `name`; a UserError listing the valid names otherwise. */
export function findDriftTest(name: string, where?: { file?: string; key?: string }): DriftTestDefinition {
  if ((DRIFT_TEST_NAMES as readonly string[]).includes(name)) return DEFINITIONS[name as DriftTestName];
  throw new UserError(
    `Unknown drift test "${name}". Use one of: ${DRIFT_TEST_NAMES.join(", ")} (or leave it out for the calibrated default).`,
    where,
  );
}

/** Tests that apply to a column kind, in registry order. */
export function driftTestsFor(kind: ColumnKind): DriftTestDefinition[] {
  return DRIFT_TESTS.filter((test) => test.columnKinds.includes(kind));
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 0.001 || magnitude >= 1e6) return value.toExponential(1);
  return value
    .toPrecision(2)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** Maps a metric and a threshold to a status and a sentence. */
export function evaluateDriftTest(
  definition: DriftTestDefinition,
  metric: DriftMetric | null,
  threshold = definition.defaultThreshold,
): DriftTestOutcome {
  const base = { test: definition.name, title: definition.title, scale: definition.scale, threshold };
  if (!metric || Number.isNaN(metric.value)) {
    return {
      ...base,
      value: null,
      status: "not applicable",
      sentence: `${definition.title}: not applicable (no non-missing values on one side).`,
    };
  }
  const { value } = metric;
  const drift = definition.scale === "p-value" ? value < threshold : value >= threshold;
  const sentence =
    definition.scale === "p-value"
      ? drift
        ? `${definition.title} p-value ${formatNumber(value)} is below ${formatNumber(threshold)}: the distributions differ.`
        : `${definition.title} p-value ${formatNumber(value)} is not below ${formatNumber(threshold)}: no evidence of change.`
      : drift
        ? `${definition.title} ${formatNumber(value)} is at or above ${formatNumber(threshold)}: the distributions differ by more than the threshold.`
        : `${definition.title} ${formatNumber(value)} is below ${formatNumber(threshold)}.`;
  return {
    ...base,
    value,
    statistic: metric.statistic,
    detail: metric.detail,
    status: drift ? "drift" : "no drift",
    sentence,
  };
}

/** Runs the named test on two column summaries. */
export function runDriftTest(
  name: DriftTestName,
  reference: ColumnSummary,
  current: ColumnSummary,
  threshold?: number,
): DriftTestOutcome {
  const definition = DEFINITIONS[name];
  return evaluateDriftTest(definition, definition.measure(reference, current), threshold);
}
