import type { EvaluationData } from "../stats/metrics/types.ts";
import type { HoldoutEvaluation } from "./result.ts";
import { argmaxRows } from "../stats/metrics/multiclass-argmax.ts";

/**
 * Confusion matrices (rows: label, columns: predicted), the challenger's and the champion's, with
 * class names where known. Binary predictions use the threshold; multiclass the most probable
 * class. Regression has none. Pure.
 */
export function confusionOf(
  labels: Float64Array,
  challenger: EvaluationData,
  champion: EvaluationData | undefined,
  threshold: number,
  classes: string[] | undefined,
): HoldoutEvaluation["confusion"] {
  if (challenger.task === "regression") return undefined;
  const size = challenger.task === "binary" ? 2 : challenger.classCount;
  const matrix = (data: EvaluationData) => {
    const m = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    if (data.task === "binary") {
      for (let i = 0; i < labels.length; i++) m[labels[i]][data.scores[i] >= threshold ? 1 : 0]++;
    } else if (data.task === "multiclass") {
      const predicted = argmaxRows(data.probabilities, data.classCount);
      for (let i = 0; i < labels.length; i++) if (labels[i] < data.classCount) m[labels[i]][predicted[i]]++;
    }
    return m;
  };
  return {
    labels: Array.from({ length: size }, (_, i) => classes?.[i] ?? String(i)),
    challenger: matrix(challenger),
    champion: champion && matrix(champion),
  };
}
