import type { EvaluationData } from "../stats/metrics/types.ts";
import type { HoldoutEvaluation } from "./result.ts";

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
      const c = data.classCount;
      for (let i = 0; i < labels.length; i++) {
        let best = 0;
        for (let k = 1; k < c; k++) if (data.probabilities[i * c + k] > data.probabilities[i * c + best]) best = k;
        if (labels[i] < c) m[labels[i]][best]++;
      }
    }
    return m;
  };
  return {
    labels: Array.from({ length: size }, (_, i) => classes?.[i] ?? String(i)),
    challenger: matrix(challenger),
    champion: champion && matrix(champion),
  };
}
