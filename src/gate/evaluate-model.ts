import type { ModelConfig } from "../config/types.ts";
import type { Table } from "../data/table.ts";
import { readTables } from "../data/index.ts";
import { loadModel, predict, timeInference, closeModel, type ModelHandle, type Prediction } from "../model/runner.ts";
import { computeAllMetrics, computeMetric, findMetric, METRICS } from "../stats/metrics/registry.ts";
import { createPreparationCache, type EvaluationData, type MetricOptions } from "../stats/metrics/types.ts";
import { pairedBootstrap, pairedBootstrapSync } from "../stats/paired/paired-bootstrap.ts";
import { delongTest } from "../stats/paired/delong.ts";
import { mcnemarTest } from "../stats/paired/mcnemar.ts";
import { rowCorrectness } from "../stats/paired/row-correctness.ts";
import { smallestDetectableDifference } from "../stats/paired/smallest-detectable-difference.ts";
import { decideVerdict, decideFirstModel, type GuardrailResult, type Direction } from "./verdict.ts";
import { judgeLatency } from "./latency.ts";
import { primaryUndefinedReason, metricMarginGuardrails, sizeGuardrails, sliceStatus } from "./decision-rules.ts";
import { combineVerdicts, type HoldoutEvaluation, type MetricRow, type ModelEvaluation, type SliceRow } from "./result.ts";
import { encodeLabels, featuresOf, labelRules } from "./labels.ts";
import type { ArtifactSource } from "./champion.ts";
import { isUserError, UserError } from "../errors.ts";
import { onnxSafetyProblems } from "../model/onnx-safety.ts";
import { readFile } from "node:fs/promises";

export interface HoldoutInput {
  name: string;
  /** Absolute paths of the held-out files. */
  paths: string[];
  /** Repository-relative path → sha256, for the report's provenance. */
  files: Record<string, string>;
}

export interface EvaluateModelInput {
  model: ModelConfig;
  challenger: ArtifactSource;
  champion?: ArtifactSource;
  holdouts: HoldoutInput[];
  log(line: string): void;
  /** Latency rounds (interleaved batches per model). */
  latencyRounds?: number;
}

/** Resamples of the per-slice interval: enough for a gate on a margin, cheap over many slices. */
const SLICE_RESAMPLES = 500;
const DEFAULT_PRIMARY: Record<string, string> = { binary: "roc_auc", multiclass: "log_loss", regression: "rmse" };

/**
 * Evaluates one model: challenger vs champion on each held-out set. Problems with one part
 * (an undefined metric, a slice) become data in the result; a problem that leaves no verdict
 * (unreadable data, a model that does not fit the data) makes kind "error" with the message.
 */
export async function evaluateModel(input: EvaluateModelInput): Promise<ModelEvaluation> {
  const { model, challenger, champion } = input;
  const metric = model.evaluate.metric ?? DEFAULT_PRIMARY[model.task];
  const base: ModelEvaluation = {
    model: model.name,
    task: model.task,
    metric,
    direction: METRICS.get(metric)?.direction ?? "higher",
    kind: champion ? "compared" : "first-model",
    reasons: [],
    warnings: [],
    errors: [],
    challenger: { label: challenger.label, sha256: challenger.sha256, bytes: challenger.bytes, commit: challenger.commit },
    champion: champion && { label: champion.label, sha256: champion.sha256, bytes: champion.bytes, commit: champion.commit },
    holdouts: [],
    seed: model.evaluate.seed,
    resamples: model.evaluate.resamples,
    confidence: model.evaluate.confidence,
    minImprovement: model.evaluate.min_improvement,
  };
  if (model.evaluate.guardrails.latency_p95_ratio !== undefined) {
    base.warnings.push(`models.${model.name}.evaluate.guardrails.latency_p95_ratio is the old name of latency_median_ratio (the gate decides on the median latency ratio): rename it.`);
  }
  if (champion && champion.sha256 === challenger.sha256) return { ...base, kind: "unchanged", reasons: ["the challenger is the champion's artifact"] };

  let handles: { challenger?: ModelHandle; champion?: ModelHandle } = {};
  try {
    findMetric(metric, model.task, `models.${model.name}.evaluate.metric`);
    await refuseUnsafeOnnx(challenger);
    handles = { challenger: await loadModel(challenger.path), champion: champion ? await loadModel(champion.path) : undefined };
    for (const holdout of input.holdouts) {
      input.log(`evaluate: ${model.name} on ${holdout.name} (${holdout.paths.length} file(s))`);
      base.holdouts.push(await evaluateHoldout(input, holdout, metric, handles.challenger!, handles.champion, base));
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { ...base, kind: "error", verdict: undefined, errors: [...base.errors, error.message] };
  } finally {
    await Promise.all([handles.challenger && closeModel(handles.challenger), handles.champion && closeModel(handles.champion)]);
  }

  const verdicts = base.holdouts.map((h) => h.decision?.verdict ?? "inconclusive");
  const verdict = combineVerdicts(verdicts);
  const reasons = base.holdouts.flatMap((h) => (base.holdouts.length > 1 ? (h.decision?.reasons ?? []).map((r) => `${h.name}: ${r}`) : (h.decision?.reasons ?? [])));
  return { ...base, verdict, reasons };
}

/**
 * The challenger may come from a fork: before onnxruntime sees it, refuse tensors kept in
 * external files (a path in the model would read the runner's disk) and custom-op domains.
 */
async function refuseUnsafeOnnx(artifact: ArtifactSource): Promise<void> {
  const problems = onnxSafetyProblems(await readFile(artifact.path));
  if (problems.length === 0 || problems.every((p) => p.kind === "not-onnx")) return; // not ONNX: loadModel says so.
  throw new UserError(
    `${artifact.label}: refusing to load this ONNX model: ${problems.map((p) => p.detail).join("; ")}. ` +
      `Export it self-contained (all weights inside the file, e.g. onnx.save(model, path, save_as_external_data=False)) with standard ONNX and ai.onnx.ml operators only.`,
  );
}

async function evaluateHoldout(
  input: EvaluateModelInput,
  holdout: HoldoutInput,
  metric: string,
  challengerModel: ModelHandle,
  championModel: ModelHandle | undefined,
  result: ModelEvaluation,
): Promise<HoldoutEvaluation> {
  const { model } = input;
  const table = await readTables(holdout.paths);
  if (table.rowCount === 0) throw new UserError(`${holdout.paths.join(", ")}: the held-out set has no rows. Add rows, or fix data.holdout in the config.`);
  const features = featuresOf(table, model.label, model.features);
  const options: MetricOptions = { threshold: model.evaluate.threshold };
  const challengerPrediction = await predict(challengerModel, table, features, model.task);
  const championPrediction = championModel ? await predict(championModel, table, features, model.task) : undefined;
  const { values: labels, classes } = encodeLabels(table, labelRules(model), [
    { source: `challenger (${input.challenger.label})`, classLabels: challengerModel.classLabels, classCount: challengerPrediction.classCount },
    ...(championModel ? [{ source: `champion (${input.champion!.label})`, classLabels: championModel.classLabels, classCount: championPrediction!.classCount }] : []),
  ]);
  const challenger = toData(model.task, labels, challengerPrediction, "challenger predictions");
  const champion = championPrediction ? toData(model.task, labels, championPrediction, "champion predictions") : undefined;

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
    name: holdout.name,
    files: holdout.files,
    rows: table.rowCount,
    positives: model.task === "binary" ? labels.reduce((n, v) => n + v, 0) : undefined,
    metrics,
    guardrails: [],
    slices: [],
    confusion: confusionOf(model.task, labels, challenger, champion, model.evaluate.threshold, classes),
  };

  if (!champion) {
    const values = Object.fromEntries(metrics.map((m) => [m.name, { value: m.challenger, direction: m.direction }]));
    const first = decideFirstModel(values, model.evaluate.min_value);
    evaluation.guardrails = first.floors;
    evaluation.decision = { verdict: first.verdict, improvementLow: NaN, improvementHigh: NaN, reasons: first.reasons };
    return evaluation;
  }

  // No verdict when the primary metric cannot be computed here (one class in the labels): another
  // metric would gate on something the config did not choose.
  const undefinedPrimary = primaryUndefinedReason(metric, holdout.name, challengerMetrics, championMetrics!);
  if (undefinedPrimary) {
    result.warnings.push(undefinedPrimary);
    evaluation.decision = { verdict: "inconclusive", improvementLow: NaN, improvementHigh: NaN, reasons: [undefinedPrimary] };
    return evaluation;
  }
  const primary = metric;
  const paired = await pairedBootstrap(champion, challenger, {
    metric: primary,
    metricOptions: options,
    resamples: model.evaluate.resamples,
    seed: model.evaluate.seed,
    confidence: model.evaluate.confidence,
    cache,
  });
  evaluation.paired = {
    metric: primary,
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
  if (model.task === "binary") {
    const delong = delongTest(champion as never, challenger as never, { confidence: model.evaluate.confidence, cache });
    if (!delong.undefinedReason) {
      evaluation.delong = { aucChampion: delong.championAuc, aucChallenger: delong.challengerAuc, delta: delong.difference, z: delong.z, pValue: delong.pValue, ciLow: delong.ciLow, ciHigh: delong.ciHigh };
    }
  }
  if (model.task !== "regression") {
    const m = mcnemarTest(rowCorrectness(champion as never, options), rowCorrectness(challenger as never, options));
    evaluation.mcnemar = { championOnlyCorrect: m.b, challengerOnlyCorrect: m.c, pExact: m.pValue, pMidP: m.midP };
  }

  evaluation.guardrails = await guardrails(input, table, features, challengerModel, championModel!, challengerMetrics, championMetrics!);
  evaluation.slices = slices(model, table, primary, challenger, champion, options, result);
  const direction = METRICS.get(primary)!.direction;
  const gating = [...evaluation.guardrails, ...evaluation.slices.filter((s) => s.status === "fail").map((s) => ({ name: `slice ${s.column}=${s.value}`, status: "fail" as const, detail: `${primary} ${s.delta! > 0 ? "+" : ""}${s.delta!.toFixed(4)} on ${s.rows} rows: the whole interval is worse than the margin ${model.evaluate.slice_margin}` }))];
  evaluation.decision = decideVerdict(
    { metric: primary, direction, champion: paired.champion, challenger: paired.challenger, delta: paired.delta, ciLow: paired.ciLow, ciHigh: paired.ciHigh, confidence: paired.confidence },
    gating,
    model.evaluate.min_improvement,
  );
  return evaluation;
}

function toData(task: ModelConfig["task"], labels: Float64Array, prediction: Prediction, source: string): EvaluationData {
  if (task === "binary") return { task, labels, scores: prediction.scores, source };
  if (task === "multiclass") return { task, labels, probabilities: prediction.probabilities!, classCount: prediction.classCount!, source };
  return { task, targets: labels, predictions: prediction.scores, source };
}

async function guardrails(
  input: EvaluateModelInput,
  table: Table,
  features: string[],
  challengerModel: ModelHandle,
  championModel: ModelHandle,
  challengerMetrics: Record<string, { value: number }>,
  championMetrics: Record<string, { value: number }>,
): Promise<GuardrailResult[]> {
  const { model, challenger, champion } = input;
  const g = model.evaluate.guardrails;
  const out: GuardrailResult[] = [];

  // Latency: interleaved champion/challenger batches on the same rows, judged so noise cannot fail it.
  const rounds = input.latencyRounds ?? 25;
  const rows = Math.min(1024, table.rowCount);
  const times = { champion: [] as number[], challenger: [] as number[] };
  await timeInference(championModel, table, features, rows, { repeats: 1, warmup: 2 });
  await timeInference(challengerModel, table, features, rows, { repeats: 1, warmup: 2 });
  for (let r = 0; r < rounds; r++) {
    times.champion.push(...(await timeInference(championModel, table, features, rows, { repeats: 1, warmup: 0 })).millis);
    times.challenger.push(...(await timeInference(challengerModel, table, features, rows, { repeats: 1, warmup: 0 })).millis);
  }
  const limit = g.latency_p95_ratio ?? g.latency_median_ratio;
  const latency = judgeLatency({ ...times, rowsPerBatch: rows }, limit);
  out.push({ name: "latency_median_ratio", status: latency.failed ? "fail" : "pass", champion: latency.championMedianMs, challenger: latency.challengerMedianMs, unit: `ms per batch of ${rows} rows (median)`, limit, detail: latency.detail });

  out.push(...sizeGuardrails(g, challenger.bytes, champion!.bytes));
  out.push(...metricMarginGuardrails(model.task, g, challengerMetrics, championMetrics, (name) => METRICS.get(name)?.direction));
  return out;
}

function slices(model: ModelConfig, table: Table, metric: string, challenger: EvaluationData, champion: EvaluationData, options: MetricOptions, result: ModelEvaluation): SliceRow[] {
  const rows: SliceRow[] = [];
  const direction: Direction = METRICS.get(metric)!.direction;
  for (const name of model.evaluate.slices) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) {
      result.warnings.push(`slice column "${name}" is not in the held-out set: not reported.`);
      continue;
    }
    const groups = new Map<string, number[]>();
    for (let i = 0; i < table.rowCount; i++) {
      const key = column.kind === "categorical" ? (column.codes[i] < 0 ? "(missing)" : column.categories[column.codes[i]]) : Number.isNaN(column.values[i]) ? "(missing)" : String(column.values[i]);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(i);
    }
    if (column.kind === "numeric" && groups.size > 20) {
      result.warnings.push(`slice column "${name}" is numeric with ${groups.size} distinct values: bin it into a categorical column to slice on it.`);
      continue;
    }
    for (const [value, indices] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      const slicedChallenger = subset(challenger, indices);
      const slicedChampion = subset(champion, indices);
      const after = computeMetric(metric, slicedChallenger, options).value;
      const before = computeMetric(metric, slicedChampion, options).value;
      const gated = indices.length >= model.evaluate.min_slice_size && Number.isFinite(after) && Number.isFinite(before);
      let interval: { ciLow: number; ciHigh: number } | undefined;
      if (gated) {
        // Small slices are noisy: a slice fails only on its own paired interval, not on point estimates.
        interval = pairedBootstrapSync(slicedChampion, slicedChallenger, {
          metric,
          metricOptions: options,
          resamples: SLICE_RESAMPLES,
          seed: model.evaluate.seed,
          confidence: model.evaluate.confidence,
          method: "percentile",
          threads: 1,
        });
      }
      rows.push({
        column: name,
        value,
        rows: indices.length,
        champion: Number.isFinite(before) ? before : undefined,
        challenger: Number.isFinite(after) ? after : undefined,
        delta: Number.isFinite(after - before) ? after - before : undefined,
        gated,
        status: gated ? sliceStatus({ rows: indices.length, ciLow: interval?.ciLow, ciHigh: interval?.ciHigh }, direction, model.evaluate.min_slice_size, model.evaluate.slice_margin) : "not-gated",
      });
    }
  }
  return rows;
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

function confusionOf(
  task: ModelConfig["task"],
  labels: Float64Array,
  challenger: EvaluationData,
  champion: EvaluationData | undefined,
  threshold: number,
  classes: string[] | undefined,
): HoldoutEvaluation["confusion"] {
  if (task === "regression") return undefined;
  const matrix = (data: EvaluationData) => {
    if (data.task === "binary") {
      const m = [[0, 0], [0, 0]];
      for (let i = 0; i < labels.length; i++) m[labels[i]][data.scores[i] >= threshold ? 1 : 0]++;
      return m;
    }
    const d = data as Extract<EvaluationData, { task: "multiclass" }>;
    const c = d.classCount;
    const m = Array.from({ length: c }, () => new Array(c).fill(0));
    for (let i = 0; i < labels.length; i++) {
      let best = 0;
      for (let k = 1; k < c; k++) if (d.probabilities[i * c + k] > d.probabilities[i * c + best]) best = k;
      if (labels[i] < c) m[labels[i]][best]++;
    }
    return m;
  };
  const size = challenger.task === "binary" ? 2 : (challenger as Extract<EvaluationData, { task: "multiclass" }>).classCount;
  return { labels: Array.from({ length: size }, (_, i) => classes?.[i] ?? String(i)), challenger: matrix(challenger), champion: champion && matrix(champion) };
}

