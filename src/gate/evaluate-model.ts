import type { ModelConfig } from "../config/types.ts";
import { loadModel, closeModel, type ModelHandle } from "../model/runner.ts";
import { findMetric, METRICS } from "../stats/metrics/registry.ts";
import { combineVerdicts, type ModelEvaluation } from "./result.ts";
import type { HoldoutReason, Warning } from "./reasons.ts";
import { scoreHoldout, type HoldoutInput } from "./score-holdout.ts";
import { judgeHoldout } from "./judge-holdout.ts";
import type { ArtifactSource } from "./champion.ts";
import { isUserError, UserError } from "../errors.ts";
import { onnxSafetyProblems } from "../model/onnx-safety.ts";
import { readFile } from "node:fs/promises";

export interface EvaluateModelInput {
  model: ModelConfig;
  challenger: ArtifactSource;
  champion?: ArtifactSource;
  holdouts: HoldoutInput[];
  log(line: string): void;
  /** Latency rounds (interleaved batches per model). */
  latencyRounds?: number;
}

const DEFAULT_PRIMARY: Record<string, string> = { binary: "roc_auc", multiclass: "log_loss", regression: "rmse" };

/**
 * Evaluates one model: challenger vs champion on each held-out set, scored (I/O: score-holdout.ts)
 * then judged (pure: judge-holdout.ts). Problems with one part
 * (an undefined metric, a slice) become data in the result; a problem that leaves no verdict
 * (unreadable data, a model that does not fit the data) makes kind "error" with the message.
 */
export async function evaluateModel(input: EvaluateModelInput): Promise<ModelEvaluation> {
  const { model, challenger, champion } = input;
  const metric = model.evaluate.metric ?? DEFAULT_PRIMARY[model.task];
  const warnings: Warning[] = [];
  if (model.evaluate.guardrails.latency_p95_ratio !== undefined)
    warnings.push({ code: "latency-p95-ratio-renamed", model: model.name });
  const base: ModelEvaluation = {
    model: model.name,
    task: model.task,
    metric,
    direction: METRICS.get(metric)?.direction ?? "higher",
    kind: champion ? "compared" : "first-model",
    reasons: [],
    warnings,
    errors: [],
    challenger: {
      label: challenger.label,
      sha256: challenger.sha256,
      bytes: challenger.bytes,
      commit: challenger.commit,
    },
    champion: champion && {
      label: champion.label,
      sha256: champion.sha256,
      bytes: champion.bytes,
      commit: champion.commit,
    },
    holdouts: [],
    seed: model.evaluate.seed,
    resamples: model.evaluate.resamples,
    confidence: model.evaluate.confidence,
    minImprovement: model.evaluate.min_improvement,
  };
  if (champion && champion.sha256 === challenger.sha256)
    return { ...base, kind: "unchanged", reasons: [{ code: "challenger-is-champion" }] };

  const holdouts: ModelEvaluation["holdouts"] = [];
  let handles: { challenger?: ModelHandle; champion?: ModelHandle } = {};
  try {
    findMetric(metric, model.task, `models.${model.name}.evaluate.metric`);
    await refuseUnsafeOnnx(challenger, model.artifact);
    handles = {
      challenger: await loadModel(challenger.path),
      champion: champion ? await loadModel(champion.path) : undefined,
    };
    for (const holdout of input.holdouts) {
      input.log(`evaluate: ${model.name} on ${holdout.name} (${holdout.paths.length} file(s))`);
      const scored = await scoreHoldout(
        model,
        holdout,
        {
          challenger: { label: challenger.label, handle: handles.challenger! },
          champion: champion && { label: champion.label, handle: handles.champion! },
        },
        input.latencyRounds,
      );
      const judged = await judgeHoldout(model, metric, scored, {
        challenger: challenger.bytes,
        champion: champion?.bytes,
      });
      holdouts.push(judged.evaluation);
      warnings.push(...judged.warnings);
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { ...base, holdouts, kind: "error", verdict: undefined, errors: [error.message] };
  } finally {
    await Promise.all([
      handles.challenger && closeModel(handles.challenger),
      handles.champion && closeModel(handles.champion),
    ]);
  }

  const verdict = combineVerdicts(holdouts.map((h) => h.decision?.verdict ?? "inconclusive"));
  const reasons: HoldoutReason[] = holdouts.flatMap((h) =>
    (h.decision?.reasons ?? []).map((r) => (holdouts.length > 1 ? { ...r, judgedOn: h.name } : r)),
  );
  return { ...base, holdouts, verdict, reasons };
}

/**
 * The challenger may come from a fork: before onnxruntime sees it, refuse tensors kept in
 * external files (a path in the model would read the runner's disk) and custom-op domains.
 */
async function refuseUnsafeOnnx(artifact: ArtifactSource, path: string): Promise<void> {
  const problems = onnxSafetyProblems(await readFile(artifact.path));
  // Fail closed: a file this check cannot read completely is refused, whatever onnxruntime would make of it.
  if (problems.length === 0) return;
  if (problems.some((p) => p.kind === "not-onnx")) {
    throw new UserError(
      `${artifact.label}: ${path} is not an ONNX model this check can read completely (${problems.map((p) => p.detail).join("; ")}), so it is not loaded. ` +
        `Commit the file your exporter wrote (onnx.save, torch.onnx.export, skl2onnx), whole.`,
      { file: path },
    );
  }
  throw new UserError(
    `${artifact.label}: ${path}: refusing to load this ONNX model: ${problems.map((p) => p.detail).join("; ")}. ` +
      `Export it self-contained (all weights inside the file, e.g. onnx.save(model, path, save_as_external_data=False)) with standard ONNX and ai.onnx.ml operators only.`,
    { file: path },
  );
}
