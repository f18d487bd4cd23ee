/**
 * Every metric by the name config uses (`evaluate.metric: roc_auc`), with the tasks it applies
 * to, which direction is better, and its implementation per task. The evaluate command, the
 * paired bootstrap (also inside worker threads, which look metrics up here by name) and the
 * reports all go through this table, so adding a metric is one entry.
 */
import { isUserError, UserError } from "../../errors.ts";
import { accuracyImplementation } from "./accuracy.ts";
import { averagePrecisionImplementation } from "./average-precision.ts";
import { brierScoreImplementation } from "./brier-score.ts";
import { computeWith } from "./compute-metric.ts";
import { calibrationErrorImplementation } from "./expected-calibration-error.ts";
import { f1Implementation } from "./f1-score.ts";
import { logLossImplementation } from "./log-loss.ts";
import { macroF1Implementation } from "./macro-f1.ts";
import { maeImplementation } from "./mae.ts";
import { multiclassAccuracyImplementation } from "./multiclass-accuracy.ts";
import { multiclassLogLossImplementation } from "./multiclass-log-loss.ts";
import { precisionImplementation } from "./precision.ts";
import { r2Implementation } from "./r2-score.ts";
import { recallImplementation } from "./recall.ts";
import { rmseImplementation } from "./rmse.ts";
import { rocAucImplementation } from "./roc-auc.ts";
import {
  createPreparationCache,
  type Direction,
  type EvaluationData,
  type MetricImplementation,
  type MetricOptions,
  type MetricResult,
  type PreparationCache,
  type Task,
} from "./types.ts";
import { checkBinary, checkMulticlass, checkRegression } from "./validate-inputs.ts";

export interface MetricDefinition {
  readonly name: string;
  /** One line for reports and the config schema. */
  readonly description: string;
  readonly direction: Direction;
  /** The implementation for each task the metric applies to. */
  readonly implementations: Readonly<Partial<Record<Task, MetricImplementation<any>>>>;
}

const definitions: readonly MetricDefinition[] = [
  {
    name: "roc_auc",
    description: "area under the ROC curve (probability a positive outranks a negative; ties count half)",
    direction: "higher",
    implementations: { binary: rocAucImplementation },
  },
  {
    name: "average_precision",
    description: "average precision: step-wise area under the precision-recall curve",
    direction: "higher",
    implementations: { binary: averagePrecisionImplementation },
  },
  {
    name: "log_loss",
    description: "cross-entropy of the predicted probabilities (natural log)",
    direction: "lower",
    implementations: { binary: logLossImplementation, multiclass: multiclassLogLossImplementation },
  },
  {
    name: "brier",
    description: "mean squared error of the predicted probability of class 1",
    direction: "lower",
    implementations: { binary: brierScoreImplementation },
  },
  {
    name: "accuracy",
    description: "share of rows predicted correctly (binary: score >= threshold; multiclass: most probable class)",
    direction: "higher",
    implementations: { binary: accuracyImplementation, multiclass: multiclassAccuracyImplementation },
  },
  {
    name: "precision",
    description: "TP / (TP + FP) at the threshold (0 when nothing is predicted positive)",
    direction: "higher",
    implementations: { binary: precisionImplementation },
  },
  {
    name: "recall",
    description: "TP / (TP + FN) at the threshold (0 when there is no positive)",
    direction: "higher",
    implementations: { binary: recallImplementation },
  },
  {
    name: "f1",
    description: "harmonic mean of precision and recall at the threshold",
    direction: "higher",
    implementations: { binary: f1Implementation },
  },
  {
    name: "ece",
    description: "expected calibration error: weighted |observed rate - mean probability| over equal-width bins",
    direction: "lower",
    implementations: { binary: calibrationErrorImplementation },
  },
  {
    name: "macro_f1",
    description: "unweighted mean of per-class F1 over the classes present",
    direction: "higher",
    implementations: { multiclass: macroF1Implementation },
  },
  {
    name: "rmse",
    description: "root mean squared error",
    direction: "lower",
    implementations: { regression: rmseImplementation },
  },
  {
    name: "mae",
    description: "mean absolute error",
    direction: "lower",
    implementations: { regression: maeImplementation },
  },
  {
    name: "r2",
    description: "coefficient of determination (1 - residual / total sum of squares)",
    direction: "higher",
    implementations: { regression: r2Implementation },
  },
];

export const METRICS: ReadonlyMap<string, MetricDefinition> = new Map(definitions.map((d) => [d.name, d]));

/** The metric names that apply to a task (all names without one), in registry order. */
export function metricNames(task?: Task): string[] {
  return definitions.filter((d) => !task || d.implementations[task]).map((d) => d.name);
}

/** The tasks a metric applies to. */
function metricTasks(definition: MetricDefinition): Task[] {
  return (Object.keys(definition.implementations) as Task[]).filter((task) => definition.implementations[task]);
}

/**
 * The metric called `name` for `task`; a UserError listing the valid names otherwise
 * (`key` names the config key in the message, e.g. "models.fraud.evaluate.metric").
 */
export function findMetric(
  name: string,
  task: Task,
  key = "evaluate.metric",
): { definition: MetricDefinition; implementation: MetricImplementation<any> } {
  const definition = METRICS.get(name);
  if (!definition) {
    throw new UserError(`${key}: unknown metric "${name}". Use one of: ${metricNames(task).join(", ")}.`, { key });
  }
  const implementation = definition.implementations[task];
  if (!implementation) {
    throw new UserError(
      `${key}: metric "${name}" does not apply to task ${task} (it applies to ${metricTasks(definition).join(", ")}). For ${task} use one of: ${metricNames(task).join(", ")}.`,
      { key },
    );
  }
  return { definition, implementation };
}

/** One metric of one model's predictions. */
export function computeMetric(name: string, data: EvaluationData, options?: MetricOptions): MetricResult {
  return computeWith(findMetric(name, data.task).implementation, data, options);
}

/**
 * Every metric that applies to the data's task, sorting the scores only once.
 * Input errors (NaN scores, bad labels, lengths) throw; undefined metrics come back as NaN with a
 * reason, and so do probability metrics (log_loss, brier, ece) when the scores are not
 * probabilities, so a model that outputs raw scores still gets its ranking metrics.
 */
export function computeAllMetrics(
  data: EvaluationData,
  options?: MetricOptions,
  cache: PreparationCache = createPreparationCache(),
): Record<string, MetricResult> {
  checkInput(data, cache);
  const results: Record<string, MetricResult> = {};
  for (const name of metricNames(data.task)) {
    try {
      results[name] = computeWith(findMetric(name, data.task).implementation, data, options, cache);
    } catch (error) {
      if (!isUserError(error)) throw error;
      results[name] = { value: NaN, undefinedReason: error.message };
    }
  }
  return results;
}

/** The checks every metric of the task makes (the probability-range check aside). */
function checkInput(data: EvaluationData, cache?: PreparationCache): void {
  if (data.task === "binary") checkBinary(data, undefined, cache);
  else if (data.task === "multiclass") checkMulticlass(data, undefined, cache);
  else checkRegression(data, cache);
}
