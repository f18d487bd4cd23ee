import type { Column, Table } from "../data/table.ts";
import type { ModelConfig } from "../config/types.ts";
import { predict, type ModelHandle } from "../model/runner.ts";

import { CLASS_COLUMN, LOGGED_PREDICTION, SCORE_COLUMN } from "./prediction-names.ts";
import { argmaxRows } from "../stats/metrics/multiclass-argmax.ts";

export { CLASS_COLUMN, LOGGED_PREDICTION, SCORE_COLUMN };

/**
 * The table with the model's outputs added as monitored columns: the score (binary: P(class 1),
 * regression: the value, multiclass: the top class's probability) and, for classifiers, the
 * predicted class. A window that logged its own `prediction` column keeps it as the score.
 */
export async function withPredictions(
  table: Table,
  handle: ModelHandle,
  model: ModelConfig,
  features: string[],
): Promise<Table> {
  const logged = table.columns.find((c) => c.name === LOGGED_PREDICTION && c.kind === "numeric");
  const prediction = logged ? undefined : await predict(handle, table, features, model.task);
  const scores = logged?.kind === "numeric" ? logged.values : prediction!.scores;
  const extra: Column[] = [{ kind: "numeric", name: SCORE_COLUMN, values: scores }];
  if (model.task === "binary") {
    const codes = Int32Array.from(scores, (s) => (Number.isNaN(s) ? -1 : s >= model.evaluate.threshold ? 1 : 0));
    extra.push({ kind: "categorical", name: CLASS_COLUMN, codes, categories: ["0", "1"] });
  } else if (model.task === "multiclass" && prediction?.probabilities) {
    const c = prediction.classCount!;
    const codes = argmaxRows(prediction.probabilities, c);
    extra.push({
      kind: "categorical",
      name: CLASS_COLUMN,
      codes,
      categories: Array.from({ length: c }, (_, k) => String(k)),
    });
  }
  return { ...table, columns: [...table.columns.filter((c) => c.name !== LOGGED_PREDICTION), ...extra] };
}
