/**
 * One answered (or failed) request as the rollout sees it: the model's prediction reduced to the
 * number per row the prediction-mix test compares, the score for binary and regression, the
 * predicted class index for multiclass (the mix of classes, not the confidence in them). Pure.
 */
import type { Prediction } from "../model/output-plan.ts";
import type { Task } from "../config/types.ts";
import type { Observation } from "./endpoint-window.ts";

export function observationOf(prediction: Prediction, task: Task, latencyMs: number): Observation {
  if (task !== "multiclass") return { ok: true, latencyMs, scores: prediction.scores };
  const { probabilities, classCount, rowCount } = prediction;
  if (probabilities && classCount) {
    const classes = new Float64Array(rowCount);
    for (let row = 0; row < rowCount; row++) {
      let best = 0;
      for (let k = 1; k < classCount; k++)
        if (probabilities[row * classCount + k] > probabilities[row * classCount + best]) best = k;
      classes[row] = best;
    }
    return { ok: true, latencyMs, scores: classes };
  }
  return { ok: true, latencyMs, scores: prediction.predictedLabel ?? prediction.scores };
}

/** A request the endpoint failed to answer (the model threw, or its budget ran out). */
export function failedObservation(latencyMs: number): Observation {
  return { ok: false, latencyMs };
}
