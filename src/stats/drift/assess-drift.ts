/**
 * The drift verdict: which monitored columns (features and model outputs) changed between the
 * reference (training data, or its profile) and a current window, and whether the dataset drifts.
 *
 * The calibrated verdict (default). A column drifts when, for its distribution or for its
 * missing-value share, both hold:
 *   1. Significance, corrected for testing every column: the Benjamini–Hochberg adjusted p-value
 *      is at most alpha = 0.005 (KS for numeric columns, chi-squared on the 2 x K table for
 *      categorical ones with exact handling of sparse categories, Fisher's exact test for the
 *      missing share; all hypotheses of all columns form one family). With no drift at all, BH
 *      bounds the chance of any false alarm in a report by alpha whatever the number of columns.
 *      At small windows this gate decides alone, so alpha is the false-alarm rate there: 0.005
 *      keeps it at about 1 report in 200 (simulated: 8 in 2,000 reports of 100 rows; 0.01 gave
 *      15), while a 0.25 sd shift at 5,000 rows still has p ~ 1e-38. BH rather than Bonferroni:
 *      the same guarantee when nothing moved, more power when several features moved together,
 *      which is how real drift usually looks.
 *   2. Practical size beyond sampling noise: the distance minus what sampling noise alone
 *      produces at these sample sizes (sampling-noise.ts) is at least
 *        0.1 reference standard deviations of Wasserstein distance (numeric),
 *        0.1 of Jensen–Shannon distance, base 2 (categorical; the noise is removed from the
 *          squared distance, i.e. the divergence),
 *        0.2 of |Cohen's h| for the missing share (Cohen's "small"; 0% -> 1% missing is 0.2).
 *      0.1 is Evidently's threshold for both distances, but Evidently applies it to the raw
 *      distance, and at a 100-row window the raw Wasserstein distance between two samples of
 *      one normal distribution is already 0.13 sd on average: noise alone would "drift".
 * Why both gates: at small windows the distances are mostly noise, so significance must decide
 * (and does: a real 0.1 sd shift is not detectable from 100 rows); at large windows everything
 * is significant (a 0.03 sd shift between two 200,000-row samples has p < 1e-10), so the size
 * gate decides whether the change matters. Each gate covers the other's blind spot.
 * The dataset drifts when any monitored column drifts; prediction columns count too and are
 * listed first.
 *
 * A single registered test can replace the verdict for all or some columns (`test: psi`); it
 * then compares its own value with its threshold, uncorrected, as Evidently does.
 */
import type { Column, Table } from "../../data/table.ts";
import { UserError } from "../../errors.ts";
import { alignCategories, unseenCategories, type UnseenCategory } from "./categorical-counts.ts";
import { cohensH } from "./cohens-h.ts";
import { isConstant, presentCount, summarizeColumn, type ColumnSummary } from "./column-summary.ts";
import { adjustPValues, type Correction } from "../tests/multiple-testing.ts";
import { isDriftProfile, profileColumnSummary, type DriftProfile } from "./profile.ts";
import { DEFAULT_PSI_BINS } from "./psi.ts";
import {
  driftTestsFor,
  evaluateDriftTest,
  findDriftTest,
  formatNumber,
  type DriftMetric,
  type DriftTestName,
  type DriftTestOutcome,
} from "./registry.ts";
import { expectedNullJensenShannonDivergence, expectedNullWasserstein } from "./sampling-noise.ts";
import { normalizeWasserstein } from "./wasserstein.ts";
import { ksFromGaps } from "../tests/ks-two-sample.ts";

type DriftVerdictMethod = "calibrated" | DriftTestName;

interface EffectThresholds {
  /** Wasserstein distance beyond noise, in reference standard deviations. */
  readonly numeric: number;
  /** Jensen–Shannon distance (base 2) beyond noise. */
  readonly categorical: number;
  /** |Cohen's h| of the missing-value share. */
  readonly missing: number;
}

const DEFAULT_ALPHA = 0.005;
const DEFAULT_EFFECT_THRESHOLDS: EffectThresholds = { numeric: 0.1, categorical: 0.1, missing: 0.2 };

export interface DriftOptions {
  /** Feature columns to monitor. Default: every reference column except predictions and `exclude`. */
  readonly features?: readonly string[];
  /** Columns never monitored as features (e.g. the label, an id). */
  readonly exclude?: readonly string[];
  /** Model-output columns (score, predicted class): assessed like features, listed first. */
  readonly predictions?: readonly string[];
  /** Significance level after correction (default 0.005). */
  readonly alpha?: number;
  /** Multiple-testing correction (default Benjamini–Hochberg). */
  readonly correction?: Correction;
  readonly effectThresholds?: Partial<EffectThresholds>;
  /** Verdict for every column: "calibrated" (default) or one registered test name. */
  readonly test?: DriftVerdictMethod;
  /** Threshold for `test` when it is a single test (default: the test's own). */
  readonly threshold?: number;
  /** Per-column verdict overrides. */
  readonly columnTests?: Readonly<Record<string, { readonly test: DriftVerdictMethod; readonly threshold?: number }>>;
  /** PSI bins when the reference is a Table (a profile brings its own; default 10). */
  readonly psiBins?: number;
  /**
   * Metrics already measured on these very summaries (by the same registry functions, on another
   * thread: monitor/column-pool.ts), by column; the others are measured here.
   */
  readonly metrics?: ReadonlyMap<string, Partial<Record<DriftTestName, DriftMetric | null>>>;
}

export type ColumnRole = "feature" | "prediction";

interface SignificanceResult {
  readonly test: "ks" | "chi2";
  /** KS D, or the chi-squared X^2 of the dense categories (NaN when only Fisher's test ran). */
  readonly statistic: number;
  readonly pValue: number;
  readonly adjustedPValue: number;
  /** "exact"/"asymptotic" for KS; for categorical columns how the p-value was formed. */
  readonly detail: string;
}

interface EffectResult {
  readonly measure: "wasserstein" | "jensenshannon";
  /** The plain distance (normalized Wasserstein, or Jensen–Shannon distance); Infinity when
   *  both sides are constant at different values (JSON turns it into null). */
  readonly value: number;
  /** What sampling noise alone would give on average at these sample sizes. */
  readonly noise: number;
  /** The distance beyond noise, compared with the threshold. */
  readonly excess: number;
  readonly threshold: number;
}

interface MissingShareResult {
  readonly referenceShare: number;
  readonly currentShare: number;
  readonly pValue: number;
  readonly adjustedPValue: number;
  readonly cohensH: number;
  readonly threshold: number;
}

interface SideDescription {
  readonly rowCount: number;
  readonly missingShare: number;
  /** At most one distinct non-missing value. */
  readonly constant: boolean;
  /** Numeric columns: mean and population std of the non-missing values. */
  readonly mean?: number;
  readonly std?: number;
}

export interface ColumnDrift {
  readonly name: string;
  readonly role: ColumnRole;
  readonly kind: "numeric" | "categorical";
  readonly drifted: boolean;
  /** One or two plain-English sentences: why drifted or not. */
  readonly reason: string;
  /** How far past the size threshold a drifted column is (1 = just at it); 0 when not drifted. */
  readonly severity: number;
  readonly verdictBy: DriftVerdictMethod;
  readonly reference: SideDescription;
  readonly current: SideDescription;
  readonly significance: SignificanceResult | null;
  readonly effect: EffectResult | null;
  readonly missing: MissingShareResult | null;
  /** Categories only the current window has, with their share of its non-missing values. */
  readonly unseenCategories: readonly UnseenCategory[];
  /** Every registered test for this column kind, each against its own threshold. */
  readonly tests: readonly DriftTestOutcome[];
}

interface ColumnError {
  readonly column: string;
  readonly role: ColumnRole;
  readonly message: string;
}

export interface DriftAssessment {
  /** Some monitored column (feature or prediction) drifted. */
  readonly drifted: boolean;
  readonly predictionDrifted: boolean;
  readonly driftedColumns: readonly string[];
  readonly method: {
    readonly verdict: DriftVerdictMethod;
    readonly alpha: number;
    readonly correction: Correction;
    readonly effectThresholds: EffectThresholds;
    /** Hypotheses in the multiple-testing family. */
    readonly hypotheses: number;
  };
  readonly reference: { readonly source: string; readonly rowCount: number; readonly fromProfile: boolean };
  readonly current: { readonly source: string; readonly rowCount: number };
  /** Predictions first, then drifted columns by severity, then the rest by adjusted p-value. */
  readonly columns: readonly ColumnDrift[];
}

/** Monitored columns that cannot be compared: drift refuses to judge without them (exit 2). */
class MonitoredColumnsError extends UserError {
  constructor(readonly columns: readonly ColumnError[]) {
    const names = columns.map((c) => JSON.stringify(c.column)).join(", ");
    super(
      `drift cannot judge the window: ${columns.length === 1 ? "a monitored column cannot" : `${columns.length} monitored columns cannot`} be compared (${names}).\n${columns.map((c) => `  - ${c.message}`).join("\n")}`,
      { column: columns[0].column },
    );
  }
}

/** Reference side: a Table (all values) or a saved profile (exact counts, sampled values). */
export type DriftReference = Table | DriftProfile;

interface Prepared {
  readonly name: string;
  readonly role: ColumnRole;
  readonly reference: ColumnSummary;
  readonly current: ColumnSummary;
  readonly verdictBy: DriftVerdictMethod;
  readonly threshold?: number;
  readonly metrics: Partial<Record<DriftTestName, DriftMetric | null>>;
  readonly significance: Omit<SignificanceResult, "adjustedPValue"> | null;
  readonly effect: EffectResult | null;
  readonly missing: Omit<MissingShareResult, "adjustedPValue"> | null;
  readonly unseen: readonly UnseenCategory[];
}

/** One side of a comparison as column summaries, computed on demand (each at most once). */
export interface SummarizedSide {
  readonly source: string;
  readonly rowCount: number;
  /** Column name -> its summary (a function, so unmonitored columns are never summarized). */
  readonly columns: ReadonlyMap<string, () => ColumnSummary>;
}

/**
 * Lazy, cached summaries of a reference Table or profile (the reference side's PSI bins included);
 * `ready` holds summaries already made (with the same bins) of some of its columns.
 */
export function summarizeReference(
  reference: DriftReference,
  options: { psiBins?: number; ready?: ReadonlyMap<string, ColumnSummary> } = {},
): SummarizedSide & { fromProfile: boolean } {
  const columns = new Map<string, () => ColumnSummary>();
  const fromProfile = isDriftProfile(reference);
  const psiBins = options.psiBins ?? DEFAULT_PSI_BINS;
  for (const column of reference.columns) {
    const ready = options.ready?.get(column.name);
    columns.set(
      column.name,
      ready
        ? () => ready
        : once(() =>
            isDriftProfile(reference)
              ? profileColumnSummary(column as DriftProfile["columns"][number])
              : summarizeColumn(column as Column, { psiBins }),
          ),
    );
  }
  return { source: reference.source, rowCount: reference.rowCount, columns, fromProfile };
}

/** Lazy summaries of a current Table. */
function summarizeTable(table: Table): SummarizedSide {
  return {
    source: table.source,
    rowCount: table.rowCount,
    columns: new Map(table.columns.map((c) => [c.name, once(() => summarizeColumn(c))])),
  };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** The monitored columns in report order: predictions, then features (default: every reference column but excluded ones). */
export function monitoredColumns(
  referenceNames: readonly string[],
  options: Pick<DriftOptions, "features" | "exclude" | "predictions">,
): [string, ColumnRole][] {
  const predictions = [...(options.predictions ?? [])];
  const excluded = new Set([...(options.exclude ?? []), ...predictions]);
  const features = (options.features ?? referenceNames).filter((name) => !excluded.has(name));
  return [
    ...predictions.map((n): [string, ColumnRole] => [n, "prediction"]),
    ...features.map((n): [string, ColumnRole] => [n, "feature"]),
  ];
}

export function assessDrift(reference: DriftReference, current: Table, options: DriftOptions = {}): DriftAssessment {
  return assessSummaries(summarizeReference(reference, { psiBins: options.psiBins }), summarizeTable(current), options);
}

/**
 * The verdict on two summarized sides. Fails closed: a monitored column that one side lacks, or
 * whose kind differs between the sides, is an error (UserError, listing every such column), never
 * a silent "no drift" on the columns that are left.
 */
export function assessSummaries(
  reference: SummarizedSide & { fromProfile: boolean },
  current: SummarizedSide,
  options: DriftOptions = {},
): DriftAssessment {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const correction = options.correction ?? "benjamini-hochberg";
  const thresholds: EffectThresholds = { ...DEFAULT_EFFECT_THRESHOLDS, ...options.effectThresholds };
  const verdict = options.test ?? "calibrated";
  if (verdict !== "calibrated") findDriftTest(verdict, { key: "drift.test" });
  for (const [column, override] of Object.entries(options.columnTests ?? {})) {
    if (override.test !== "calibrated") findDriftTest(override.test, { key: `drift.columns.${column}.test` });
  }
  const fromProfile = reference.fromProfile;
  const monitored = monitoredColumns([...reference.columns.keys()], options);

  const errors: ColumnError[] = [];
  const prepared: Prepared[] = [];
  for (const [name, role] of monitored) {
    const summarizeReference = reference.columns.get(name);
    const summarizeCurrent = current.columns.get(name);
    if (!summarizeReference) {
      errors.push({
        column: name,
        role,
        message: `Column "${name}" is not in the reference (${reference.source}); remove it from the monitored columns (drift.features) or rebuild the reference with it.`,
      });
      continue;
    }
    if (!summarizeCurrent) {
      errors.push({
        column: name,
        role,
        message: `Column "${name}" is in the reference but missing from the current data (${current.source}); log it again, or leave it out of drift.features.`,
      });
      continue;
    }
    const referenceSummary = summarizeReference();
    const currentSummary = summarizeCurrent();
    if (referenceSummary.kind !== currentSummary.kind) {
      errors.push({
        column: name,
        role,
        message: `Column "${name}" is ${referenceSummary.kind} in the reference but ${currentSummary.kind} in the current data (${current.source}); check for non-numeric values in it, or set drift.types.${name}.`,
      });
      continue;
    }
    const override = options.columnTests?.[name];
    prepared.push(
      prepareColumn(
        name,
        role,
        referenceSummary,
        currentSummary,
        thresholds,
        override?.test ?? verdict,
        override ? override.threshold : options.threshold,
        options.metrics?.get(name),
      ),
    );
  }
  if (errors.length > 0) throw new MonitoredColumnsError(errors);

  // One multiple-testing family over every hypothesis of every column.
  const pValues: number[] = [];
  for (const column of prepared) {
    pValues.push(column.significance ? column.significance.pValue : NaN);
    pValues.push(column.missing ? column.missing.pValue : NaN);
  }
  const adjusted = adjustPValues(pValues, correction);
  const hypotheses = pValues.filter((p) => !Number.isNaN(p)).length;

  const columns = prepared.map((column, i) =>
    decideColumn(column, adjusted[2 * i], adjusted[2 * i + 1], alpha, thresholds),
  );
  for (let i = 0; i < prepared.length; i++) {
    const message = unsettledByProfileError(prepared[i], columns[i], alpha, hypotheses);
    if (message) errors.push({ column: prepared[i].name, role: prepared[i].role, message });
  }
  if (errors.length > 0) throw new MonitoredColumnsError(errors);
  columns.sort(compareColumns);
  const driftedColumns = columns.filter((c) => c.drifted).map((c) => c.name);
  return {
    drifted: driftedColumns.length > 0,
    predictionDrifted: columns.some((c) => c.role === "prediction" && c.drifted),
    driftedColumns,
    method: { verdict, alpha, correction, effectThresholds: thresholds, hypotheses },
    reference: { source: reference.source, rowCount: reference.rowCount, fromProfile },
    current: { source: current.source, rowCount: current.rowCount },
    columns,
  };
}

export interface PredictionDriftOptions extends Omit<DriftOptions, "features" | "predictions" | "exclude"> {
  /** Numeric model score column (probability, regression output). */
  readonly score?: string;
  /** Categorical predicted-class column. */
  readonly predictedClass?: string;
}

/** Drift of the model's outputs only (the report shows these first). */
export function assessPredictionDrift(
  reference: DriftReference,
  current: Table,
  options: PredictionDriftOptions,
): DriftAssessment {
  const { score, predictedClass, ...rest } = options;
  const predictions = [score, predictedClass].filter((name): name is string => typeof name === "string");
  return assessDrift(reference, current, { ...rest, predictions, features: [] });
}

function describeSide(summary: ColumnSummary): SideDescription {
  const base = {
    rowCount: summary.rowCount,
    missingShare: summary.rowCount ? summary.missingCount / summary.rowCount : 0,
    constant: isConstant(summary),
  };
  return summary.kind === "numeric" ? { ...base, mean: summary.mean, std: summary.std } : base;
}

function prepareColumn(
  name: string,
  role: ColumnRole,
  reference: ColumnSummary,
  current: ColumnSummary,
  thresholds: EffectThresholds,
  verdictBy: DriftVerdictMethod,
  threshold: number | undefined,
  measured: Partial<Record<DriftTestName, DriftMetric | null>> | undefined,
): Prepared {
  const metrics: Partial<Record<DriftTestName, DriftMetric | null>> = {};
  for (const test of driftTestsFor(reference.kind))
    metrics[test.name] = measured && test.name in measured ? measured[test.name]! : test.measure(reference, current);

  let significance: Prepared["significance"] = null;
  let effect: EffectResult | null = null;
  let unseen: readonly UnseenCategory[] = [];
  if (reference.kind === "numeric" && current.kind === "numeric") {
    const ks = metrics.ks;
    const wasserstein = metrics.wasserstein;
    if (ks && wasserstein) {
      significance = { test: "ks", statistic: ks.statistic!, pValue: ks.value, detail: ks.detail ?? "" };
      const noise = normalizeWasserstein(
        expectedNullWasserstein(reference.sortedValues, reference.sortedValues.length, presentCount(current)),
        reference.std,
        current.std,
      );
      const excess = Number.isFinite(wasserstein.value)
        ? Math.max(0, wasserstein.value - (Number.isFinite(noise) ? noise : 0))
        : wasserstein.value;
      effect = { measure: "wasserstein", value: wasserstein.value, noise, excess, threshold: thresholds.numeric };
    }
  } else if (reference.kind === "categorical" && current.kind === "categorical") {
    const aligned = alignCategories(reference, current);
    unseen = unseenCategories(aligned);
    const chi2 = metrics.chi2;
    const js = metrics.jensenshannon;
    if (chi2 && js) {
      significance = { test: "chi2", statistic: chi2.statistic!, pValue: chi2.value, detail: chi2.detail ?? "" };
      const categoriesPresent = aligned.categories.filter(
        (_, i) => aligned.reference[i] + aligned.current[i] > 0,
      ).length;
      const noiseDivergence = expectedNullJensenShannonDivergence(
        categoriesPresent,
        presentCount(reference),
        presentCount(current),
      );
      const excess = Math.sqrt(Math.max(0, js.value * js.value - noiseDivergence));
      effect = {
        measure: "jensenshannon",
        value: js.value,
        noise: Math.sqrt(noiseDivergence),
        excess,
        threshold: thresholds.categorical,
      };
    }
  }

  let missing: Prepared["missing"] = null;
  const missingMetric = metrics.missing;
  if (missingMetric && (reference.missingCount > 0 || current.missingCount > 0)) {
    const referenceShare = reference.missingCount / reference.rowCount;
    const currentShare = current.missingCount / current.rowCount;
    missing = {
      referenceShare,
      currentShare,
      pValue: missingMetric.value,
      cohensH: cohensH(referenceShare, currentShare),
      threshold: thresholds.missing,
    };
  }
  return { name, role, reference, current, verdictBy, threshold, metrics, significance, effect, missing, unseen };
}

/**
 * A numeric column of a truncated server profile (profile-window.ts) has KS D known only within
 * ±ksError and the Wasserstein distance within ±wassersteinError. The verdict stands only if it is
 * the same at both ends of those intervals; otherwise the column is refused (an error, exit 2),
 * never reported as "no drift" (or "drift") on a statistic the profile cannot pin down. Checked:
 *   - single test "ks": p(D + ksError) < threshold vs p(D - ksError) < threshold;
 *   - single test "wasserstein": distance ± error against the threshold;
 *   - calibrated: the column could drift if p(D + ksError) <= alpha (the raw p-value; the adjusted
 *     one is never smaller) and the distance + error, beyond noise, reaches the threshold; it surely
 *     drifts if p(D - ksError) x hypotheses <= alpha (Bonferroni bounds the BH-adjusted p-value)
 *     and the distance - error, beyond noise, reaches it. Between the two the verdict is unsettled.
 *     A column drifting on its missing share (counted exactly) is settled either way.
 * Exact profiles and the readers' own counts (ksError 0) are never checked here. Returns the
 * error message, or undefined when the verdict stands.
 */
function unsettledByProfileError(
  column: Prepared,
  decided: ColumnDrift,
  alpha: number,
  hypotheses: number,
): string | undefined {
  const { reference, current } = column;
  if (reference.kind !== "numeric" || current.kind !== "numeric") return undefined;
  const measured = current.measured;
  const ks = column.metrics.ks;
  const wasserstein = column.metrics.wasserstein;
  if (!measured?.ksError || !ks || !wasserstein || ks.statistic === undefined) return undefined;
  const ksError = measured.ksError;
  const n = reference.sortedValues.length;
  const m = presentCount(current);
  const pAt = (d: number) =>
    ksFromGaps({ plusGap: Math.min(1, Math.max(0, d)), plusLocation: 0, minusGap: 0, minusLocation: 0 }, n, m).pValue;
  const pLow = pAt(ks.statistic + ksError); // the smallest p-value the true D can give
  const pHigh = pAt(ks.statistic - ksError);
  const wError = normalizeWasserstein(measured.wassersteinError, reference.std, current.std);
  const distance = wasserstein.value;
  let unsettled: boolean;
  if (column.verdictBy === "ks") {
    const threshold = column.threshold ?? findDriftTest("ks").defaultThreshold;
    unsettled = pLow < threshold !== pHigh < threshold;
  } else if (column.verdictBy === "wasserstein") {
    const threshold = column.threshold ?? findDriftTest("wasserstein").defaultThreshold;
    unsettled = distance + wError >= threshold !== distance - wError >= threshold;
  } else if (column.verdictBy === "calibrated") {
    const missing = decided.missing;
    if (missing && missing.adjustedPValue <= alpha && Math.abs(missing.cohensH) >= missing.threshold) return undefined;
    const effect = column.effect;
    if (!effect || !Number.isFinite(distance) || !Number.isFinite(wError)) return undefined;
    const noise = Number.isFinite(effect.noise) ? effect.noise : 0;
    const couldDrift = pLow <= alpha && distance + wError - noise >= effect.threshold;
    const surelyDrifts =
      Math.min(1, pHigh * Math.max(1, hypotheses)) <= alpha && distance - wError - noise >= effect.threshold;
    unsettled = couldDrift && !surelyDrifts;
  } else {
    return undefined;
  }
  if (!unsettled) return undefined;
  const verdict = decided.drifted ? "drift" : "no drift";
  return (
    `Column "${column.name}" comes from a server profile (${measured.by}): its KS D = ${formatNumber(ks.statistic)} is known only within ±${formatNumber(ksError)} ` +
    `and its Wasserstein distance ${formatNumber(distance)} sd within ±${formatNumber(wError)} sd, enough to change the verdict ("${verdict}" here); ` +
    `raise serve.profile.max_values so the window's values are kept more precisely, or judge the raw log.`
  );
}

function decideColumn(
  column: Prepared,
  adjustedSignificance: number,
  adjustedMissing: number,
  alpha: number,
  thresholds: EffectThresholds,
): ColumnDrift {
  const significance = column.significance ? { ...column.significance, adjustedPValue: adjustedSignificance } : null;
  const missing = column.missing ? { ...column.missing, adjustedPValue: adjustedMissing } : null;
  const effect = column.effect;
  const tests = driftTestsFor(column.reference.kind).map((definition) => {
    const threshold = column.verdictBy === definition.name ? column.threshold : undefined;
    return evaluateDriftTest(definition, column.metrics[definition.name] ?? null, threshold);
  });

  const distributionSignificant = significance !== null && significance.adjustedPValue <= alpha;
  const distributionLarge = effect !== null && effect.excess >= effect.threshold;
  const missingSignificant = missing !== null && missing.adjustedPValue <= alpha;
  const missingLarge = missing !== null && Math.abs(missing.cohensH) >= missing.threshold;
  let drifted: boolean;
  let severity = 0;
  const sentences: string[] = [];
  if (column.verdictBy === "calibrated") {
    const distributionDrift = distributionSignificant && distributionLarge;
    const missingDrift = missingSignificant && missingLarge;
    drifted = distributionDrift || missingDrift;
    if (distributionDrift) severity = Math.max(severity, effect!.excess / effect!.threshold);
    if (missingDrift) severity = Math.max(severity, Math.abs(missing!.cohensH) / missing!.threshold);
    sentences.push(...calibratedSentences(column, significance, effect, missing, alpha, thresholds));
  } else {
    const outcome = tests.find((t) => t.test === column.verdictBy);
    drifted = outcome?.status === "drift";
    if (drifted && outcome?.value !== null && outcome) {
      severity =
        outcome.scale === "distance"
          ? outcome.value! / outcome.threshold
          : outcome.threshold / Math.max(outcome.value!, Number.MIN_VALUE);
    }
    sentences.push(
      outcome ? outcome.sentence : `Test ${column.verdictBy} does not apply to ${column.reference.kind} columns.`,
    );
  }
  sentences.unshift(...contextSentences(column));
  return {
    name: column.name,
    role: column.role,
    kind: column.reference.kind,
    drifted,
    reason: sentences.join(" "),
    severity,
    verdictBy: column.verdictBy,
    reference: describeSide(column.reference),
    current: describeSide(column.current),
    significance,
    effect,
    missing,
    unseenCategories: column.unseen,
    tests,
  };
}

const percent = (share: number) => `${(100 * share).toFixed(share < 0.001 && share > 0 ? 2 : 1)}%`;

function contextSentences(column: Prepared): string[] {
  const sentences: string[] = [];
  const { reference, current } = column;
  const describeConstant = (summary: ColumnSummary) =>
    summary.kind === "numeric" ? formatNumber(summary.min) : JSON.stringify(summary.categories[0]);
  const referenceConstant = isConstant(reference);
  const currentConstant = isConstant(current);
  if (presentCount(current) === 0) sentences.push("The current window has no non-missing values in this column.");
  else if (referenceConstant && currentConstant) {
    const same = describeConstant(reference) === describeConstant(current);
    sentences.push(
      same
        ? `Constant (${describeConstant(reference)}) in both.`
        : `Constant in both, but ${describeConstant(reference)} in the reference and ${describeConstant(current)} now.`,
    );
  } else if (referenceConstant)
    sentences.push(`Constant (${describeConstant(reference)}) in the reference but varies now.`);
  else if (currentConstant && presentCount(current) > 1)
    sentences.push(
      `Stuck at one value (${describeConstant(current)}) in the current window but varies in the reference.`,
    );
  if (current.kind === "numeric" && current.measured?.ksError) {
    const measured = current.measured;
    const ksError = measured.ksError ?? 0;
    const sd =
      reference.kind === "numeric" ? normalizeWasserstein(measured.wassersteinError, reference.std, current.std) : NaN;
    sentences.push(
      `From a server profile (${measured.by}): KS D within ±${formatNumber(ksError)}, Wasserstein distance within ±${formatNumber(sd)} sd.`,
    );
  }
  if (column.unseen.length > 0) {
    const shown = column.unseen.slice(0, 3).map((u) => `${JSON.stringify(u.category)} (${percent(u.share)})`);
    const more = column.unseen.length > 3 ? ` and ${column.unseen.length - 3} more` : "";
    const total = column.unseen.reduce((sum, u) => sum + u.share, 0);
    if (column.unseen.length === 1)
      sentences.push(
        `New category ${JSON.stringify(column.unseen[0].category)}, not in the reference: ${percent(total)} of current values.`,
      );
    else
      sentences.push(
        `New categories, not in the reference: ${shown.join(", ")}${more}; ${percent(total)} of current values together.`,
      );
  }
  return sentences;
}

function calibratedSentences(
  column: Prepared,
  significance: SignificanceResult | null,
  effect: EffectResult | null,
  missing: MissingShareResult | null,
  alpha: number,
  thresholds: EffectThresholds,
): string[] {
  const sentences: string[] = [];
  const testName = significance?.test === "ks" ? "KS" : "chi-squared";
  if (significance && effect) {
    const unit = effect.measure === "wasserstein" ? " sd" : "";
    const measure = effect.measure === "wasserstein" ? "Wasserstein distance" : "Jensen–Shannon distance";
    const beyond =
      effect.excess > 0
        ? `${formatNumber(effect.excess)}${unit} beyond the ${formatNumber(effect.noise)}${unit} of sampling noise at this size`
        : `within the ${formatNumber(effect.noise)}${unit} of sampling noise at this size`;
    const size = `${measure} ${formatNumber(effect.value)}${unit}, ${beyond} (threshold ${formatNumber(effect.threshold)}${unit})`;
    const p = `${testName} adjusted p = ${formatNumber(significance.adjustedPValue)}`;
    const significant = significance.adjustedPValue <= alpha;
    const large = effect.excess >= effect.threshold;
    if (significant && large) sentences.push(`Distribution changed: ${size}; ${p} <= ${formatNumber(alpha)}.`);
    else if (significant) sentences.push(`A real but small change: ${p} <= ${formatNumber(alpha)}, but ${size}.`);
    else if (large)
      sentences.push(
        `A large-looking change that sampling noise explains at this window size: ${p} > ${formatNumber(alpha)}; ${size}.`,
      );
    else sentences.push(`No meaningful change: ${p}; ${size}.`);
  } else if (presentCount(column.reference) === 0) {
    sentences.push("The reference has no non-missing values in this column, so only the missing share is compared.");
  }
  if (missing) {
    const change = `Missing values ${percent(missing.referenceShare)} in the reference, ${percent(missing.currentShare)} now (Cohen's h ${formatNumber(missing.cohensH)}, threshold ${formatNumber(thresholds.missing)}; Fisher adjusted p = ${formatNumber(missing.adjustedPValue)})`;
    const significant = missing.adjustedPValue <= alpha;
    const large = Math.abs(missing.cohensH) >= missing.threshold;
    if (significant && large) sentences.push(`${change}: the missing share changed.`);
    else if (significant || large) sentences.push(`${change}: not a drift on its own.`);
  }
  return sentences;
}

function compareColumns(a: ColumnDrift, b: ColumnDrift): number {
  if (a.role !== b.role) return a.role === "prediction" ? -1 : 1;
  if (a.drifted !== b.drifted) return a.drifted ? -1 : 1;
  if (a.severity !== b.severity) return b.severity - a.severity;
  const minP = (c: ColumnDrift) => Math.min(c.significance?.adjustedPValue ?? 1, c.missing?.adjustedPValue ?? 1);
  const difference = minP(a) - minP(b);
  if (difference !== 0 && !Number.isNaN(difference)) return difference;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
