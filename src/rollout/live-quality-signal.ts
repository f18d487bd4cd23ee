/**
 * The live-quality signal: on the rows whose labels came back, is the canary (or shadow) worse than
 * the stable model, beyond doubt and by more than the margin? The two endpoints served different
 * requests, so the difference is of two independent estimates; one-sided at level alpha:
 *   binary      ROC AUC (threshold-free, so it sees a model that ranks the rare positives wrongly even
 *               when both predict "no" for nearly everyone); "worse" = stable AUC − canary AUC,
 *               its standard error from DeLong's variance of each (√(var_s + var_c)), normal bound.
 *   multiclass  misclassification rate, canary − stable, Newcombe's interval (as error_rate).
 *   regression  mean absolute error, canary − stable, normal (Welch) bound; the margin is a
 *               fraction of the stable MAE, so it means the same whatever the target's units.
 * Breach when the lower bound of "worse" exceeds quality_margin. Undefined (no breach) until both
 * sides have labelled rows (for the AUC, MIN_CLASS_ROWS of each class on each side). Pure: labelled samples in, evidence out.
 */
import type { Task } from "../config/types.ts";
import type { SignalEvidence } from "./analysis.ts";
import type { EndpointWindow } from "./endpoint-window.ts";
import { newcombeDifference } from "./newcombe-interval.ts";
import { aucVariance } from "../stats/intervals/auc-interval.ts";
import { normalQuantile } from "../stats/distributions/normal.ts";

/**
 * DeLong's variance comes from the placements of each class: with a handful of positives it is
 * itself a guess, and a normal bound on it is too sure of itself. Below this many rows of each
 * class on each side the AUC is not compared.
 */
export const MIN_CLASS_ROWS = 10;

export interface QualitySettings {
  task: Task;
  margin: number;
}

export function liveQualitySignal(
  stable: EndpointWindow,
  challenger: EndpointWindow,
  settings: QualitySettings,
  alpha: number,
): SignalEvidence {
  const s = stable.labelled;
  const c = challenger.labelled;
  const counts = {
    canary_labelled: c.labels.length,
    stable_labelled: s.labels.length,
    canary_labelled_seen: c.seen,
    stable_labelled_seen: s.seen,
    margin: settings.margin,
  };
  const none = (why: string): SignalEvidence => ({
    signal: "live_quality",
    breached: false,
    alpha,
    figures: counts,
    detail: `live_quality: ${why}`,
  });
  if (c.labels.length === 0 || s.labels.length === 0)
    return none(
      `no labelled rows yet on one side (canary ${c.labels.length}, stable ${s.labels.length}); POST them to /v2/models/{model}/labels`,
    );
  const z = normalQuantile(1 - alpha);
  if (settings.task === "binary") {
    const sa = aucVariance(Float64Array.from(s.labels), Float64Array.from(s.predictions));
    const ca = aucVariance(Float64Array.from(c.labels), Float64Array.from(c.predictions));
    const fewest = Math.min(sa?.positives ?? 0, sa?.negatives ?? 0, ca?.positives ?? 0, ca?.negatives ?? 0);
    if (!sa || !ca || fewest < MIN_CLASS_ROWS) {
      return none(
        `roc_auc needs ${MIN_CLASS_ROWS} labelled rows of each class on each side (canary ${ca?.positives ?? 0} positive of ${c.labels.length}, stable ${sa?.positives ?? 0} of ${s.labels.length})`,
      );
    }
    const worse = sa.auc - ca.auc;
    const low = worse - z * Math.sqrt(sa.variance + ca.variance);
    return judge(
      "roc_auc",
      settings.margin,
      alpha,
      {
        ...counts,
        canary_value: ca.auc,
        stable_value: sa.auc,
        canary_positives: ca.positives,
        stable_positives: sa.positives,
        worse,
        low,
      },
      `canary roc_auc ${ca.auc.toFixed(3)} on ${c.labels.length} labelled rows vs stable ${sa.auc.toFixed(3)} on ${s.labels.length}`,
    );
  }
  if (settings.task === "multiclass") {
    const wrong = (w: EndpointWindow["labelled"]) =>
      w.labels.reduce((n, label, i) => (label === w.predictions[i] ? n : n + 1), 0);
    const cw = wrong(c);
    const sw = wrong(s);
    const d = newcombeDifference(cw, c.labels.length, sw, s.labels.length, 1 - 2 * alpha);
    return judge(
      "misclassification",
      settings.margin,
      alpha,
      {
        ...counts,
        canary_value: cw / c.labels.length,
        stable_value: sw / s.labels.length,
        worse: d.difference,
        low: d.low,
      },
      `canary misclassified ${cw}/${c.labels.length} labelled rows vs stable ${sw}/${s.labels.length}`,
    );
  }
  const cm = absoluteErrors(c);
  const sm = absoluteErrors(s);
  if (c.labels.length < 2 || s.labels.length < 2)
    return none(`mae needs 2 labelled rows on each side (canary ${c.labels.length}, stable ${s.labels.length})`);
  const worse = cm.mean - sm.mean;
  const low = worse - z * Math.sqrt(cm.variance / c.labels.length + sm.variance / s.labels.length);
  // The margin is relative: "worse" and its bound are compared as fractions of the stable MAE.
  const scale = sm.mean > 0 ? sm.mean : 1;
  return judge(
    "mae",
    settings.margin,
    alpha,
    { ...counts, canary_value: cm.mean, stable_value: sm.mean, worse: worse / scale, low: low / scale },
    `canary mae ${cm.mean.toPrecision(4)} on ${c.labels.length} labelled rows vs stable ${sm.mean.toPrecision(4)} on ${s.labels.length} (relative)`,
  );
}

function judge(
  metric: string,
  margin: number,
  alpha: number,
  figures: Record<string, number>,
  what: string,
): SignalEvidence {
  const breached = figures.low > margin;
  return {
    signal: "live_quality",
    breached,
    alpha,
    metric,
    figures,
    detail: `live_quality: ${what}: canary worse by ${figures.worse.toFixed(3)}, lower bound ${figures.low.toFixed(3)} ${breached ? ">" : "≤"} margin ${margin} (α ${alpha.toExponential(2)})`,
  };
}

/** Mean and sample variance (n − 1) of |prediction − label|, by Welford's update. */
function absoluteErrors(w: EndpointWindow["labelled"]): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < w.labels.length; i++) {
    const x = Math.abs(w.predictions[i] - w.labels[i]);
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  return { mean, variance: w.labels.length > 1 ? m2 / (w.labels.length - 1) : NaN };
}
