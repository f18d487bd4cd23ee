import { computeAllMetrics, METRICS } from "../stats/metrics/registry.ts";
import type { Direction, EvaluationData } from "../stats/metrics/types.ts";
import { wilsonInterval } from "../stats/intervals/wilson-interval.ts";
import { meanInterval } from "../stats/intervals/mean-interval.ts";
import { aucInterval } from "../stats/intervals/auc-interval.ts";

/** What the logged outputs allow: a binary score, a regression value, or a multiclass predicted class. */
export type LiveOutcomes =
  | { task: "binary"; labels: Float64Array; scores: Float64Array }
  | { task: "regression"; targets: Float64Array; predictions: Float64Array }
  | { task: "multiclass"; labels: Float64Array; predictedClasses: Float64Array };

export interface LiveMetric {
  name: string;
  direction: Direction;
  value: number;
  /** The interval at `confidence`, where the metric has one (see intervalOf). */
  low?: number;
  high?: number;
  method?: "Wilson" | "DeLong" | "normal";
  undefinedReason?: string;
  /** The configured floor (evaluate.min_value), and whether the live value is clearly past it. */
  floor?: number;
  status: "ok" | "below-floor" | "no-floor" | "undefined";
}

export interface LiveQuality {
  rows: number;
  confidence: number;
  metrics: LiveMetric[];
  /** Metrics whose whole interval (or, without one, whose value) is on the wrong side of the floor. */
  breached: string[];
}

/** One model's live quality: how many logged rows have labels, and the judgement on them. */
export interface ModelLiveQuality {
  model: string;
  logRows: number;
  labelled: number;
  unlabelled: number;
  unmatchedLabels: number;
  quality?: LiveQuality;
}

/**
 * The same metrics evaluate reports, on production rows whose labels came back, each with an
 * interval where a closed form is known, judged against the absolute floors the config sets for
 * a model (evaluate.min_value). A floor is breached only when the whole interval lies past it:
 * a few unlucky rows must not page anyone. Pure.
 */
export function liveQuality(
  outcomes: LiveOutcomes,
  options: { threshold: number; confidence: number; floors: Record<string, number> },
): LiveQuality {
  const metrics: LiveMetric[] = [];
  if (outcomes.task === "multiclass") {
    const n = outcomes.labels.length;
    let correct = 0;
    for (let i = 0; i < n; i++) if (outcomes.labels[i] === outcomes.predictedClasses[i]) correct++;
    const interval = wilsonInterval(correct, n, options.confidence);
    metrics.push(
      judge(
        {
          name: "accuracy",
          direction: "higher",
          value: n ? correct / n : NaN,
          low: interval.low,
          high: interval.high,
          method: "Wilson",
        },
        options.floors,
      ),
    );
  } else {
    const data: EvaluationData =
      outcomes.task === "binary"
        ? { task: "binary", labels: outcomes.labels, scores: outcomes.scores, source: "labelled log rows" }
        : {
            task: "regression",
            targets: outcomes.targets,
            predictions: outcomes.predictions,
            source: "labelled log rows",
          };
    for (const [name, result] of Object.entries(computeAllMetrics(data, { threshold: options.threshold }))) {
      const direction = METRICS.get(name)!.direction;
      const interval = result.undefinedReason ? undefined : intervalOf(name, outcomes, options);
      metrics.push(
        judge(
          { name, direction, value: result.value, undefinedReason: result.undefinedReason, ...interval },
          options.floors,
        ),
      );
    }
  }
  const rows = outcomes.task === "regression" ? outcomes.targets.length : outcomes.labels.length;
  return {
    rows,
    confidence: options.confidence,
    metrics,
    breached: metrics.filter((m) => m.status === "below-floor").map((m) => m.name),
  };
}

function judge(metric: Omit<LiveMetric, "status" | "floor">, floors: Record<string, number>): LiveMetric {
  const floor = floors[metric.name];
  if (metric.undefinedReason || !Number.isFinite(metric.value)) return { ...metric, floor, status: "undefined" };
  if (floor === undefined) return { ...metric, status: "no-floor" };
  const worstPlausible = metric.direction === "higher" ? (metric.high ?? metric.value) : (metric.low ?? metric.value);
  const past = metric.direction === "higher" ? worstPlausible < floor : worstPlausible > floor;
  return { ...metric, floor, status: past ? "below-floor" : "ok" };
}

/**
 * Closed-form intervals: proportions (Wilson), the AUC (DeLong's variance), means of per-row
 * losses (normal), RMSE as the square root of the MSE's interval. Other metrics have none here.
 */
function intervalOf(
  name: string,
  outcomes: LiveOutcomes,
  options: { threshold: number; confidence: number },
): Pick<LiveMetric, "low" | "high" | "method"> | undefined {
  const c = options.confidence;
  if (outcomes.task === "binary") {
    const { labels, scores } = outcomes;
    const predicted = (i: number) => (scores[i] >= options.threshold ? 1 : 0);
    const proportion = (hit: (i: number) => boolean, among: (i: number) => boolean) => {
      let k = 0;
      let n = 0;
      for (let i = 0; i < labels.length; i++) if (among(i)) (n++, hit(i) && k++);
      const w = wilsonInterval(k, n, c);
      return { low: w.low, high: w.high, method: "Wilson" as const };
    };
    const perRow = (loss: (i: number) => number) => {
      const m = meanInterval(
        Float64Array.from(labels, (_, i) => loss(i)),
        c,
      );
      return { low: m.low, high: m.high, method: "normal" as const };
    };
    switch (name) {
      case "accuracy":
        return proportion(
          (i) => predicted(i) === labels[i],
          () => true,
        );
      case "precision":
        return proportion(
          (i) => labels[i] === 1,
          (i) => predicted(i) === 1,
        );
      case "recall":
        return proportion(
          (i) => predicted(i) === 1,
          (i) => labels[i] === 1,
        );
      case "roc_auc": {
        const a = aucInterval(labels, scores, c);
        return a && { low: a.low, high: a.high, method: "DeLong" };
      }
      case "brier":
        return perRow((i) => (scores[i] - labels[i]) ** 2);
      case "log_loss": {
        const eps = 1e-15;
        return perRow((i) => {
          const p = Math.min(1 - eps, Math.max(eps, scores[i]));
          return -(labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p));
        });
      }
    }
    return undefined;
  }
  if (outcomes.task === "regression") {
    const { targets, predictions } = outcomes;
    if (name === "mae") {
      const m = meanInterval(
        Float64Array.from(targets, (t, i) => Math.abs(predictions[i] - t)),
        c,
      );
      return { low: m.low, high: m.high, method: "normal" };
    }
    if (name === "rmse") {
      const m = meanInterval(
        Float64Array.from(targets, (t, i) => (predictions[i] - t) ** 2),
        c,
      );
      return { low: Math.sqrt(Math.max(0, m.low)), high: Math.sqrt(m.high), method: "normal" };
    }
  }
  return undefined;
}
