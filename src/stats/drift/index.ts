/**
 * Drift statistics: the public surface the drift command, the report and the bot use.
 * Start with assessDrift (the calibrated verdict) and buildProfile (a saved reference).
 */
export {
  assessDrift,
  assessPredictionDrift,
  DEFAULT_ALPHA,
  DEFAULT_EFFECT_THRESHOLDS,
  type ColumnDrift,
  type ColumnError,
  type ColumnRole,
  type DriftAssessment,
  type DriftOptions,
  type DriftReference,
  type DriftVerdictMethod,
  type EffectResult,
  type EffectThresholds,
  type MissingShareResult,
  type PredictionDriftOptions,
  type SideDescription,
  type SignificanceResult,
} from "./assess-drift.ts";
export {
  buildProfile,
  DEFAULT_PROFILE_SAMPLE_SIZE,
  isDriftProfile,
  parseDriftProfile,
  PROFILE_FORMAT,
  PROFILE_VERSION,
  type DriftProfile,
  type ProfileColumn,
  type ProfileOptions,
} from "./profile.ts";
export {
  DRIFT_TEST_NAMES,
  DRIFT_TESTS,
  driftTestsFor,
  evaluateDriftTest,
  findDriftTest,
  formatNumber,
  runDriftTest,
  type DriftMetric,
  type DriftTestDefinition,
  type DriftTestName,
  type DriftTestOutcome,
  type DriftTestStatus,
} from "./registry.ts";
export type { UnseenCategory } from "./categorical-counts.ts";
export type { Correction } from "../tests/multiple-testing.ts";
export type { RandomSource } from "./reservoir-sample.ts";
export { ksTwoSample, type KsResult } from "../tests/ks-two-sample.ts";
export { kstwoSurvival } from "../distributions/kolmogorov-two-sided.ts";
export { wassersteinDistance, normalizeWasserstein } from "./wasserstein.ts";
export { populationStabilityIndex, psiBinEdges } from "./psi.ts";
export { chiSquaredContingency } from "../tests/chi-squared-contingency.ts";
export { jensenShannonDistance } from "./jensen-shannon.ts";
export { fisherExactTwoSided } from "../tests/fisher-exact.ts";
export { benjaminiHochberg, bonferroni } from "../tests/multiple-testing.ts";
