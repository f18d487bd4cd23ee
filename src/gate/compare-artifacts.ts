import { join } from "node:path";
import type { ModelConfig } from "../config/types.ts";
import { readTables } from "../data/index.ts";
import { expandPaths } from "../provenance/expand-paths.ts";
import { loadModel, predict, closeModel } from "../model/runner.ts";
import { computeAllMetrics } from "../stats/metrics/registry.ts";
import type { EvaluationData } from "../stats/metrics/types.ts";
import { encodeLabels, featuresOf, labelRules } from "./labels.ts";

/**
 * Every held-out metric of two artifacts of the same model (the recorded one and a rebuild), for
 * reproduce when the bytes differ: exporters embed ids and timestamps, the predictions should not.
 */
export async function compareArtifactMetrics(
  model: ModelConfig,
  recordedPath: string,
  rebuiltPath: string,
  root: string,
): Promise<Array<{ metric: string; recorded: number; rebuilt: number }>> {
  const paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  const table = await readTables(paths.map((p) => join(root, p)));
  const features = featuresOf(table, model.label, model.features);
  const metricsOf = async (path: string) => {
    const handle = await loadModel(path);
    try {
      const p = await predict(handle, table, features, model.task);
      const { values: labels } = encodeLabels(table, labelRules(model), [
        { source: path, classLabels: handle.classLabels, classCount: p.classCount },
      ]);
      const data: EvaluationData =
        model.task === "binary"
          ? { task: "binary", labels, scores: p.scores }
          : model.task === "multiclass"
            ? { task: "multiclass", labels, probabilities: p.probabilities!, classCount: p.classCount! }
            : { task: "regression", targets: labels, predictions: p.scores };
      return computeAllMetrics(data, { threshold: model.evaluate.threshold });
    } finally {
      await closeModel(handle);
    }
  };
  const [recorded, rebuilt] = [await metricsOf(recordedPath), await metricsOf(rebuiltPath)];
  return Object.keys(recorded)
    .filter((name) => Number.isFinite(recorded[name].value) && Number.isFinite(rebuilt[name]?.value))
    .map((name) => ({ metric: name, recorded: recorded[name].value, rebuilt: rebuilt[name].value }));
}
