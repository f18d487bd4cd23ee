/**
 * Runs a kernel and the Poisson draw on a small synthetic problem before the real resamples.
 *
 * Why: V8 optimizes a function from the type feedback its earlier runs left. On the first call
 * with a million rows, the hot loops are compiled mid-loop (on-stack replacement) before the
 * code after them has ever run; the next calls then deoptimize on that missing feedback and run
 * about twice as slowly for hundreds of resamples. A few calls on 9,000 rows first (covering
 * tie groups, refined weights, every branch) give complete feedback, at a cost of
 * milliseconds. The results are thrown away, so nothing here affects any interval.
 */
import type { EvaluationData } from "../metrics/types.ts";
import { resolveMetricOptions } from "../metrics/types.ts";
import { createRandom } from "../numeric/random.ts";
import type { KernelId, PairedKernel } from "./paired-kernel.ts";
import { fillPoissonWeights, groupKeys, GROUP_LANES } from "./poisson-weights.ts";

const ROWS = 9000;
const ROUNDS = 12;

function synthetic(id: KernelId, seed: number): EvaluationData {
  const random = createRandom(seed);
  const labels = new Float64Array(ROWS);
  if (id.task === "binary") {
    const scores = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) {
      labels[i] = random.nextFloat() < 0.3 ? 1 : 0;
      scores[i] = Math.round(Math.min(1, Math.max(0, 0.3 * labels[i] + 0.7 * random.nextFloat())) * 500) / 500;
    }
    return { task: "binary", labels, scores };
  }
  if (id.task === "multiclass") {
    const probabilities = new Float64Array(ROWS * 3);
    for (let i = 0; i < ROWS; i++) {
      labels[i] = random.nextBelow(3);
      let sum = 0;
      for (let c = 0; c < 3; c++) sum += probabilities[3 * i + c] = random.nextFloat() + (c === labels[i] ? 0.5 : 0);
      for (let c = 0; c < 3; c++) probabilities[3 * i + c] /= sum;
    }
    return { task: "multiclass", labels, probabilities, classCount: 3 };
  }
  const predictions = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    labels[i] = random.nextFloat() * 10;
    predictions[i] = labels[i] + random.nextFloat() - 0.5;
  }
  return { task: "regression", targets: labels, predictions };
}

export function warmUpKernel(id: KernelId, kernel: PairedKernel<unknown>): void {
  const prepared = kernel.prepare(synthetic(id, 1), synthetic(id, 2), resolveMetricOptions());
  const weights = new Uint8Array(ROWS);
  const out = new Float64Array(2 * GROUP_LANES);
  for (let group = 0; group < ROUNDS; group++) {
    const [key1, key2] = groupKeys(0, group);
    fillPoissonWeights(weights, ROWS, key1, key2, group % GROUP_LANES);
    kernel.evaluate(prepared.state, weights, out);
    kernel.resampleGroup?.(prepared.state, key1, key2, out);
  }
}
