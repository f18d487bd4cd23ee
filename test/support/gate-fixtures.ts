import { exportBinaryLogisticRegression } from "../../src/model/export/logistic-regression.ts";
import { seededRandom } from "./seeded-random.ts";

/** Seeded uniforms for test data (one generator for every test: test/support/seeded-random.ts). */
export const prng = seededRandom;

/** A seeded standard normal stream (Box–Muller over prng). */
export function gaussian(seed: number): () => number {
  const random = prng(seed);
  return () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
}

/** Rows x1, x2, segment, is_fraud with P(fraud) = sigmoid(2 x1 + x2 − 1): a model using both features is best. */
export function binaryCsv(rows: number, seed: number): string {
  const random = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const lines = ["x1,x2,segment,is_fraud"];
  for (let i = 0; i < rows; i++) {
    const x1 = gauss();
    const x2 = gauss();
    const p = 1 / (1 + Math.exp(-(2 * x1 + x2 - 1)));
    lines.push(`${x1.toFixed(5)},${x2.toFixed(5)},${random() < 0.7 ? "web" : "store"},${random() < p ? 1 : 0}`);
  }
  return lines.join("\n") + "\n";
}

/** ONNX logistic regressions of different quality on binaryCsv data. */
export const MODELS = {
  good: () =>
    Buffer.from(exportBinaryLogisticRegression({ featureNames: ["x1", "x2"], weights: [2, 1], intercept: -1 })),
  weak: () =>
    Buffer.from(exportBinaryLogisticRegression({ featureNames: ["x1", "x2"], weights: [1, 0], intercept: -1 })),
  alsoGood: () =>
    Buffer.from(
      exportBinaryLogisticRegression({ featureNames: ["x1", "x2"], weights: [2.02, 0.99], intercept: -1.01 }),
    ),
};

export function gateConfig(extra = ""): string {
  return [
    "models:",
    "  fraud:",
    "    task: binary",
    "    artifact: models/fraud.onnx",
    "    train: node train.mjs",
    "    label: is_fraud",
    "    features: [x1, x2]",
    "    data:",
    "      train: data/train.csv",
    "      holdout: data/holdout.csv",
    "    evaluate:",
    "      metric: roc_auc",
    "      resamples: 500",
    "      slices: [segment]",
    "      min_slice_size: 100",
    extra,
  ].join("\n");
}
