/**
 * Input checks shared by every metric. Bad input (NaN or infinite scores, labels outside the
 * task's classes, arrays of different lengths) is the user's to fix, so it throws a UserError that
 * names the row; undefined-but-valid cases (one class present, no rows) are not errors here.
 * Row numbers in messages are 0-based indices into the evaluated arrays (the held-out rows in order).
 */
import { UserError } from "../../errors.ts";
import {
  cached,
  type BinaryPredictions,
  type EvaluationData,
  type MulticlassPredictions,
  type PreparationCache,
  type RegressionPredictions,
  type Task,
} from "./types.ts";

/**
 * Runs `check` once per (first, second) array pair within a preparation cache, so the metrics of
 * one evaluation do not each re-validate a million rows.
 */
function once(
  cache: PreparationCache | undefined,
  kind: string,
  first: object,
  second: object,
  check: () => void,
): void {
  if (!cache) return check();
  const seen = cached(cache, kind, first, () => new WeakSet<object>());
  if (seen.has(second)) return;
  check();
  seen.add(second);
}

function describe(data: { source?: string }, what: string): string {
  return data.source ? `${data.source}: ${what}` : what;
}

function requireSameLength(
  data: { source?: string },
  aName: string,
  a: ArrayLike<number>,
  bName: string,
  b: ArrayLike<number>,
): void {
  if (a.length !== b.length) {
    throw new UserError(
      describe(
        data,
        `${aName} has ${a.length} rows but ${bName} has ${b.length}; the model must produce exactly one prediction per held-out row.`,
      ),
    );
  }
}

const MODEL_OUTPUT_HINT =
  "Check the model's output for that row (missing or non-numeric feature values are the usual cause).";
const LABEL_HINT = "Fill or drop rows whose label is missing before evaluating.";

function requireFinite(data: { source?: string }, name: string, values: Float64Array, hint: string, perRow = 1): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value !== 0) {
      const row = Math.floor(i / perRow);
      const where = perRow > 1 ? `row ${row}, class ${i % perRow}` : `row ${row}`;
      throw new UserError(
        describe(data, `${name} at ${where} (0-based) is ${value}; it must be a finite number. ${hint}`),
      );
    }
  }
}

function requireProbabilities(
  data: { source?: string },
  name: string,
  values: Float64Array,
  metric: string,
  perRow = 1,
): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!(value >= 0 && value <= 1)) {
      const row = Math.floor(i / perRow);
      throw new UserError(
        describe(
          data,
          `${name} at row ${row} (0-based) is ${value}, but ${metric} needs probabilities in [0, 1]. Export the model's probability output (e.g. predict_proba), not a raw score or logit.`,
        ),
      );
    }
  }
}

/** Checks binary labels (0 or 1) and finite scores; with `metric`, also that scores are probabilities. */
export function checkBinary(data: BinaryPredictions, probabilityMetric?: string, cache?: PreparationCache): void {
  once(cache, "checked-binary", data.scores, data.labels, () => checkBinaryRows(data));
  if (probabilityMetric) {
    // a pass is cached, a failure throws naming this metric
    once(cache, "checked-probabilities", data.scores, data.scores, () =>
      requireProbabilities(data, "the score", data.scores, probabilityMetric),
    );
  }
}

function checkBinaryRows(data: BinaryPredictions): void {
  requireSameLength(data, "the label column", data.labels, "the scores", data.scores);
  const labels = data.labels;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) {
      throw new UserError(
        describe(
          data,
          `the label at row ${i} (0-based) is ${label}, but a binary task needs labels 0 or 1. ${Number.isNaN(label) ? LABEL_HINT + " " : ""}Encode the positive class as 1 and the other as 0, or set task: multiclass.`,
        ),
      );
    }
  }
  requireFinite(data, "the score", data.scores, MODEL_OUTPUT_HINT);
}

/** Checks class indices in [0, classCount) and a finite [N, classCount] probability matrix. */
export function checkMulticlass(
  data: MulticlassPredictions,
  probabilityMetric?: string,
  cache?: PreparationCache,
): void {
  once(cache, "checked-multiclass", data.probabilities, data.labels, () => checkMulticlassRows(data));
  if (probabilityMetric) {
    once(cache, "checked-class-probabilities", data.probabilities, data.probabilities, () =>
      requireProbabilities(data, "the probability", data.probabilities, probabilityMetric, data.classCount),
    );
  }
}

function checkMulticlassRows(data: MulticlassPredictions): void {
  const { labels, probabilities, classCount } = data;
  if (!Number.isInteger(classCount) || classCount < 2) {
    throw new UserError(describe(data, `a multiclass model needs at least 2 classes, got ${classCount}.`));
  }
  if (probabilities.length !== labels.length * classCount) {
    throw new UserError(
      describe(
        data,
        `the probabilities have ${probabilities.length} values, expected ${labels.length} rows x ${classCount} classes = ${labels.length * classCount}; the model must output one probability per class for every held-out row.`,
      ),
    );
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      throw new UserError(
        describe(
          data,
          `the label at row ${i} (0-based) is ${label}, but labels must be class indices 0..${classCount - 1} matching the model's probability columns.`,
        ),
      );
    }
  }
  requireFinite(data, "the probability", probabilities, MODEL_OUTPUT_HINT, classCount);
}

/** Checks finite targets and predictions of equal length. */
export function checkRegression(data: RegressionPredictions, cache?: PreparationCache): void {
  once(cache, "checked-regression", data.predictions, data.targets, () => checkRegressionRows(data));
}

function checkRegressionRows(data: RegressionPredictions): void {
  requireSameLength(data, "the target column", data.targets, "the predictions", data.predictions);
  requireFinite(data, "the target", data.targets, LABEL_HINT);
  requireFinite(data, "the prediction", data.predictions, MODEL_OUTPUT_HINT);
}

/** Narrows data to the task a metric implementation expects (a programming error otherwise). */
export function expectTask<T extends Task>(data: EvaluationData, task: T): Extract<EvaluationData, { task: T }> {
  if (data.task !== task) throw new TypeError(`expected ${task} predictions, got ${data.task}`);
  return data as Extract<EvaluationData, { task: T }>;
}
