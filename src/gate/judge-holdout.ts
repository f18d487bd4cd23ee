import type { ModelConfig } from "../config/types.ts";
import { computeAllMetrics, METRICS } from "../stats/metrics/registry.ts";
import { createPreparationCache, type MetricOptions } from "../stats/metrics/types.ts";
import { pairedBootstrap } from "../stats/bootstrap/paired-bootstrap.ts";
import { bootstrapThreads } from "../threads/bootstrap-threads.ts";
import { delongTest } from "../stats/tests/delong.ts";
import { mcnemarTest } from "../stats/tests/mcnemar.ts";
import { rowCorrectness } from "../stats/metrics/row-correctness.ts";
import { smallestDetectableDifference } from "../stats/tests/smallest-detectable-difference.ts";
import { decideVerdict, decideFirstModel, type GuardrailResult } from "./verdict.ts";
import { judgeLatency, type LatencySamples } from "./latency.ts";
import {
  failingSliceGuardrail,
  primaryUndefinedReason,
  metricMarginGuardrails,
  sizeGuardrails,
} from "./decision-rules.ts";
import { judgeSlices } from "./slices.ts";
import { confusionOf } from "./confusion.ts";
import type { HoldoutEvaluation, MetricRow } from "./result.ts";
import type { ScoredHoldout } from "./score-holdout.ts";
import type { Warning } from "./reasons.ts";

export interface Judged {
  evaluation: HoldoutEvaluation;
  /** Said once at the model's level (not per held-out set's decision). */
  warnings: Warning[];
}

/**
 * Everything evaluate decides about one scored held-out set: the metrics, the paired interval
 * and tests, the guardrails, the slices and the verdict. No I/O: the same scored set always gives
 * the same judgement (the bootstrap is seeded; worker threads give identical results).
 */
export async function judgeHoldout(
  model: ModelConfig,
  metric: string,
  scored: ScoredHoldout,
  bytes: { challenger: number; champion?: number },
): Promise<Judged> {
  const options: MetricOptions = { threshold: model.evaluate.threshold };
  const { challenger, champion } = scored;
  const warnings: Warning[] = scored.missingSliceColumns.map((column) => ({ code: "slice-column-missing", column }));

  // One cache per held-out set: the scores are sorted and checked once for every metric and test.
  const cache = createPreparationCache();
  const challengerMetrics = computeAllMetrics(challenger, options, cache);
  const championMetrics = champion ? computeAllMetrics(champion, options, cache) : undefined;
  const metrics: MetricRow[] = Object.entries(challengerMetrics).map(([name, value]) => {
    const before = championMetrics?.[name];
    return {
      name,
      direction: METRICS.get(name)!.direction,
      challenger: value.value,
      champion: before?.value,
      delta: before ? value.value - before.value : undefined,
      undefinedReason: value.undefinedReason ?? before?.undefinedReason,
    };
  });
  const evaluation: HoldoutEvaluation = {
    name: scored.name,
    files: scored.files,
    rows: scored.rows,
    positives: model.task === "binary" ? scored.labels.reduce((n, v) => n + v, 0) : undefined,
    metrics,
    guardrails: [],
    slices: [],
    confusion: confusionOf(scored.labels, challenger, champion, model.evaluate.threshold, scored.classes),
  };

  if (!champion || !championMetrics) {
    const values = Object.fromEntries(metrics.map((m) => [m.name, { value: m.challenger, direction: m.direction }]));
    const first = decideFirstModel(values, model.evaluate.min_value);
    evaluation.guardrails = first.floors;
    evaluation.decision = { verdict: first.verdict, improvementLow: NaN, improvementHigh: NaN, reasons: first.reasons };
    return { evaluation, warnings };
  }

  // No verdict when the primary metric cannot be computed here (one class in the labels): another
  // metric would gate on something the config did not choose.
  const undefinedPrimary = primaryUndefinedReason(metric, scored.name, challengerMetrics, championMetrics);
  if (undefinedPrimary) {
    evaluation.decision = {
      verdict: "inconclusive",
      improvementLow: NaN,
      improvementHigh: NaN,
      reasons: [undefinedPrimary],
    };
    return { evaluation, warnings: [...warnings, undefinedPrimary] };
  }

  const paired = await pairedBootstrap(
    champion,
    challenger,
    {
      metric,
      metricOptions: options,
      resamples: model.evaluate.resamples,
      seed: model.evaluate.seed,
      confidence: model.evaluate.confidence,
      cache,
    },
    bootstrapThreads,
  );
  evaluation.paired = {
    metric,
    delta: paired.delta,
    ciLow: paired.ciLow,
    ciHigh: paired.ciHigh,
    method: paired.method === "bca" ? "BCa" : "percentile",
    resamples: paired.resamples,
    seed: paired.seed,
    confidence: paired.confidence,
    standardError: paired.standardError,
    detectable: smallestDetectableDifference(paired.standardError, { confidence: model.evaluate.confidence }),
  };
  if (challenger.task === "binary" && champion.task === "binary") {
    const delong = delongTest(champion, challenger, { confidence: model.evaluate.confidence, cache });
    if (!delong.undefinedReason) {
      evaluation.delong = {
        aucChampion: delong.championAuc,
        aucChallenger: delong.challengerAuc,
        delta: delong.difference,
        z: delong.z,
        pValue: delong.pValue,
        ciLow: delong.ciLow,
        ciHigh: delong.ciHigh,
      };
    }
  }
  if (challenger.task !== "regression" && champion.task !== "regression") {
    const m = mcnemarTest(rowCorrectness(champion, options), rowCorrectness(challenger, options));
    evaluation.mcnemar = { championOnlyCorrect: m.b, challengerOnlyCorrect: m.c, pExact: m.pValue, pMidP: m.midP };
  }

  evaluation.guardrails = guardrails(model, scored.latency, bytes, challengerMetrics, championMetrics);
  const slices = judgeSlices(model, scored.sliceColumns, metric, challenger, champion, options);
  evaluation.slices = slices.rows;
  const failingSlices: GuardrailResult[] = slices.rows
    .filter((s) => s.status === "fail")
    .map((s) => failingSliceGuardrail({ ...s, delta: s.delta! }, metric, model.evaluate.slice_margin));
  evaluation.decision = decideVerdict(
    {
      metric,
      direction: METRICS.get(metric)!.direction,
      champion: paired.champion,
      challenger: paired.challenger,
      delta: paired.delta,
      ciLow: paired.ciLow,
      ciHigh: paired.ciHigh,
      confidence: paired.confidence,
    },
    [...evaluation.guardrails, ...failingSlices],
    model.evaluate.min_improvement,
  );
  return { evaluation, warnings: [...warnings, ...slices.warnings] };
}

function guardrails(
  model: ModelConfig,
  latency: LatencySamples | undefined,
  bytes: { challenger: number; champion?: number },
  challengerMetrics: Record<string, { value: number }>,
  championMetrics: Record<string, { value: number }>,
): GuardrailResult[] {
  const g = model.evaluate.guardrails;
  const out: GuardrailResult[] = [];
  if (latency) {
    const limit = g.latency_p95_ratio ?? g.latency_median_ratio;
    const judged = judgeLatency(latency, limit);
    out.push({
      name: "latency_median_ratio",
      status: judged.failed ? "fail" : "pass",
      champion: judged.championMedianMs,
      challenger: judged.challengerMedianMs,
      unit: `ms per batch of ${latency.rowsPerBatch} rows (median)`,
      limit,
      finding: judged.finding,
    });
  }
  if (bytes.champion !== undefined) out.push(...sizeGuardrails(g, bytes.challenger, bytes.champion));
  out.push(
    ...metricMarginGuardrails(
      model.task,
      g,
      challengerMetrics,
      championMetrics,
      (name) => METRICS.get(name)?.direction,
    ),
  );
  return out;
}
