import type { ModelConfig } from "../config/types.ts";
import type { Column } from "../data/table.ts";
import { computeMetric, METRICS } from "../stats/metrics/registry.ts";
import type { EvaluationData, MetricOptions } from "../stats/metrics/types.ts";
import { pairedBootstrapSync } from "../stats/bootstrap/paired-bootstrap.ts";
import { sliceStatus } from "./decision-rules.ts";
import type { SliceRow } from "./result.ts";
import type { Warning } from "./reasons.ts";

/** Resamples of the per-slice interval: enough for a gate on a margin, cheap over many slices. */
const SLICE_RESAMPLES = 500;
/** A numeric column with more distinct values than this is not sliced on (bin it first). */
const MAX_NUMERIC_SLICES = 20;

/**
 * The primary metric per value of each slice column, champion against challenger. A slice fails
 * only on its own paired interval (small slices are noisy), never on point estimates. Pure.
 */
export function judgeSlices(
  model: ModelConfig,
  columns: Column[],
  metric: string,
  challenger: EvaluationData,
  champion: EvaluationData,
  options: MetricOptions,
): { rows: SliceRow[]; warnings: Warning[] } {
  const rows: SliceRow[] = [];
  const warnings: Warning[] = [];
  const direction = METRICS.get(metric)!.direction;
  const { min_slice_size: minRows, slice_margin: margin, seed, confidence } = model.evaluate;
  for (const column of columns) {
    const groups = groupRows(column);
    if (column.kind === "numeric" && groups.size > MAX_NUMERIC_SLICES) {
      warnings.push({ code: "slice-column-too-many-values", column: column.name, distinct: groups.size });
      continue;
    }
    for (const [value, indices] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      const slicedChallenger = subset(challenger, indices);
      const slicedChampion = subset(champion, indices);
      const after = computeMetric(metric, slicedChallenger, options).value;
      const before = computeMetric(metric, slicedChampion, options).value;
      const gated = indices.length >= minRows && Number.isFinite(after) && Number.isFinite(before);
      const interval = gated
        ? pairedBootstrapSync(slicedChampion, slicedChallenger, {
            metric,
            metricOptions: options,
            resamples: SLICE_RESAMPLES,
            seed,
            confidence,
            method: "percentile",
            threads: 1,
          })
        : undefined;
      rows.push({
        column: column.name,
        value,
        rows: indices.length,
        champion: Number.isFinite(before) ? before : undefined,
        challenger: Number.isFinite(after) ? after : undefined,
        delta: Number.isFinite(after - before) ? after - before : undefined,
        gated,
        status: gated
          ? sliceStatus(
              { rows: indices.length, ciLow: interval?.ciLow, ciHigh: interval?.ciHigh },
              direction,
              minRows,
              margin,
            )
          : "not-gated",
      });
    }
  }
  return { rows, warnings };
}

function groupRows(column: Column): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const n = column.kind === "categorical" ? column.codes.length : column.values.length;
  for (let i = 0; i < n; i++) {
    const key =
      column.kind === "categorical"
        ? column.codes[i] < 0
          ? "(missing)"
          : column.categories[column.codes[i]]
        : Number.isNaN(column.values[i])
          ? "(missing)"
          : String(column.values[i]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
  }
  return groups;
}

function subset(data: EvaluationData, indices: number[]): EvaluationData {
  const pick = (a: Float64Array) => Float64Array.from(indices, (i) => a[i]);
  if (data.task === "binary") return { ...data, labels: pick(data.labels), scores: pick(data.scores) };
  if (data.task === "regression") return { ...data, targets: pick(data.targets), predictions: pick(data.predictions) };
  const c = data.classCount;
  const probabilities = new Float64Array(indices.length * c);
  indices.forEach((row, j) => probabilities.set(data.probabilities.subarray(row * c, row * c + c), j * c));
  return { ...data, labels: pick(data.labels), probabilities };
}
