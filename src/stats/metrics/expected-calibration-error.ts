/**
 * Expected calibration error (ECE) of binary probabilities. scikit-learn has no ECE, so the
 * definition is fixed here (and mirrored in numpy by scripts/references/evaluate_references.py):
 *
 *   bins: B equal-width bins on [0, 1] (default B = 10); row i goes to bin min(floor(p_i * B), B - 1)
 *         computed in floating point, so bin b holds [b/B, (b+1)/B) and the last bin includes 1.
 *   ECE = sum over non-empty bins b of (n_b / N) * | mean(y in b) - mean(p in b) |
 *
 * i.e. the weighted gap between observed frequency and mean predicted probability (Naeini,
 * Cooper & Hauskrecht 2015, "Obtaining well calibrated probabilities using Bayesian binning", AAAI;
 * Guo et al. 2017). Empty bins contribute nothing. With row weights, n_b and the means are weighted.
 * Worked example: labels [0, 1, 1, 0], probabilities [0.1, 0.15, 0.8, 0.9], B = 10:
 * bin 1 holds rows 0 and 1 (|0.5 - 0.125| = 0.375), bin 8 row 2 (|1 - 0.8| = 0.2), bin 9 row 3
 * (|0 - 0.9| = 0.9): ECE = (2 * 0.375 + 0.2 + 0.9) / 4 = 0.4625.
 */
import { computeWith } from "./compute-metric.ts";
import type { MetricImplementation, MetricOptions, MetricResult, RowWeights } from "./types.ts";
import { checkBinary, expectTask } from "./validate-inputs.ts";

export interface CalibrationState {
  readonly bins: Int32Array;
  readonly labels: Float64Array;
  readonly scores: Float64Array;
  readonly binCount: number;
}

function weightedCalibrationError(state: CalibrationState, weights: RowWeights): number {
  const { bins, labels, scores, binCount } = state;
  const labelSums = new Float64Array(binCount);
  const scoreSums = new Float64Array(binCount);
  let total = 0;
  for (let i = 0; i < bins.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    labelSums[bins[i]] += weight * labels[i];
    scoreSums[bins[i]] += weight * scores[i];
    total += weight;
  }
  if (total === 0) return NaN;
  let sum = 0;
  for (let b = 0; b < binCount; b++) sum += Math.abs(labelSums[b] - scoreSums[b]);
  return sum / total;
}

export const calibrationErrorImplementation: MetricImplementation<CalibrationState> = {
  prepare(data, options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, "expected calibration error", cache);
    const binCount = options.calibrationBins;
    const bins = new Int32Array(binary.scores.length);
    for (let i = 0; i < bins.length; i++) bins[i] = Math.min(Math.floor(binary.scores[i] * binCount), binCount - 1);
    return { bins, labels: binary.labels, scores: binary.scores, binCount };
  },
  weighted: weightedCalibrationError,
  explain: (state) => (state.bins.length === 0 ? { undefinedReason: "there are no rows" } : {}),
};

/** ECE of one model's binary probabilities with options.calibrationBins equal-width bins (default 10). */
export function expectedCalibrationError(
  labels: Float64Array,
  scores: Float64Array,
  options?: MetricOptions,
): MetricResult {
  return computeWith(calibrationErrorImplementation, { task: "binary", labels, scores }, options);
}
