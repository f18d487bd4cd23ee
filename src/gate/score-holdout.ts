import type { ModelConfig } from "../config/types.ts";
import type { Column } from "../data/table.ts";
import { readTables } from "../data/index.ts";
import { timeInference, type ModelHandle, type Prediction } from "../model/runner.ts";
import { predictNamingCells } from "./name-bad-cells.ts";
import type { EvaluationData } from "../stats/metrics/types.ts";
import { encodeLabels, featuresOf, labelRules } from "./labels.ts";
import type { LatencySamples } from "./latency.ts";
import { UserError } from "../errors.ts";

/** One held-out set as evaluate reads it: which files, where they are. */
export interface HoldoutInput {
  name: string;
  /** Absolute paths of the held-out files. */
  paths: string[];
  /** Repository-relative path → sha256, for the report's provenance. */
  files: Record<string, string>;
}

/**
 * A held-out set after all the I/O: both models' predictions on the same rows, the encoded labels,
 * the slice columns and the latency samples. Everything a decision needs, as plain values.
 */
export interface ScoredHoldout {
  name: string;
  files: Record<string, string>;
  rows: number;
  labels: Float64Array;
  /** Class names by index (from the models or the config), when known. */
  classes?: string[];
  challenger: EvaluationData;
  champion?: EvaluationData;
  /** The configured slice columns found in the held-out set, in config order. */
  sliceColumns: Column[];
  /** Configured slice columns the held-out set lacks. */
  missingSliceColumns: string[];
  /** Interleaved champion/challenger batch timings; only when there is a champion. */
  latency?: LatencySamples;
}

export interface Models {
  challenger: { label: string; handle: ModelHandle };
  champion?: { label: string; handle: ModelHandle };
}

/** Reads the held-out files, scores both models on them and times them. */
export async function scoreHoldout(
  model: ModelConfig,
  holdout: HoldoutInput,
  models: Models,
  latencyRounds = 25,
): Promise<ScoredHoldout> {
  const table = await readTables(holdout.paths);
  if (table.rowCount === 0)
    throw new UserError(
      `${holdout.paths.join(", ")}: the held-out set has no rows. Add rows, or fix data.holdout in the config.`,
    );
  const features = featuresOf(table, model.label, model.features);
  const files = { paths: holdout.paths, names: Object.keys(holdout.files) };
  const challengerPrediction = await predictNamingCells(
    models.challenger.handle,
    `challenger (${models.challenger.label})`,
    table,
    features,
    model.task,
    files,
  );
  const championPrediction = models.champion
    ? await predictNamingCells(
        models.champion.handle,
        `champion (${models.champion.label})`,
        table,
        features,
        model.task,
        files,
      )
    : undefined;
  const { values: labels, classes } = encodeLabels(table, labelRules(model), [
    {
      source: `challenger (${models.challenger.label})`,
      classLabels: models.challenger.handle.classLabels,
      classCount: challengerPrediction.classCount,
    },
    ...(models.champion
      ? [
          {
            source: `champion (${models.champion.label})`,
            classLabels: models.champion.handle.classLabels,
            classCount: championPrediction!.classCount,
          },
        ]
      : []),
  ]);
  const sliceColumns = model.evaluate.slices
    .map((name) => table.columns.find((c) => c.name === name))
    .filter((c): c is Column => c !== undefined);
  let latency: LatencySamples | undefined;
  if (models.champion) {
    // Interleaved champion/challenger batches on the same rows, so machine noise hits both alike.
    const rows = Math.min(1024, table.rowCount);
    latency = { champion: [], challenger: [], rowsPerBatch: rows };
    await timeInference(models.champion.handle, table, features, rows, { repeats: 1, warmup: 2 });
    await timeInference(models.challenger.handle, table, features, rows, { repeats: 1, warmup: 2 });
    for (let r = 0; r < latencyRounds; r++) {
      latency.champion.push(
        ...(await timeInference(models.champion.handle, table, features, rows, { repeats: 1, warmup: 0 })).millis,
      );
      latency.challenger.push(
        ...(await timeInference(models.challenger.handle, table, features, rows, { repeats: 1, warmup: 0 })).millis,
      );
    }
  }
  return {
    name: holdout.name,
    files: holdout.files,
    rows: table.rowCount,
    labels,
    classes,
    challenger: toData(model.task, labels, challengerPrediction, "challenger predictions"),
    champion: championPrediction ? toData(model.task, labels, championPrediction, "champion predictions") : undefined,
    sliceColumns,
    missingSliceColumns: model.evaluate.slices.filter((name) => !sliceColumns.some((c) => c.name === name)),
    latency,
  };
}

function toData(
  task: ModelConfig["task"],
  labels: Float64Array,
  prediction: Prediction,
  source: string,
): EvaluationData {
  if (task === "binary") return { task, labels, scores: prediction.scores, source };
  if (task === "multiclass")
    return { task, labels, probabilities: prediction.probabilities!, classCount: prediction.classCount!, source };
  return { task, targets: labels, predictions: prediction.scores, source };
}
