/**
 * Builds the ONNX fixtures under test/fixtures/models/ from fixed weights, one per input/output
 * layout the runner must recognise, plus params.json with the weights so tests can recompute each
 * model's formula directly. Deterministic: re-running rewrites identical bytes (a test checks it).
 *
 *   node --import tsx scripts/make-test-models.ts [outDir]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportBinaryLogisticRegression } from "../src/model/export/logistic-regression.ts";
import { exportMultinomialLogisticRegression } from "../src/model/export/multinomial-logistic-regression.ts";
import { exportLinearRegression } from "../src/model/export/linear-regression.ts";
import { exportZipMapLogisticRegression } from "../src/model/export/zipmap-classifier.ts";
import {
  addBinaryProbabilities,
  addArgMaxLabel,
  addLinear,
  finishModel,
  GraphBuilder,
} from "../src/model/export/graph-parts.ts";
import { ElemType, ONNX_ML_DOMAIN, tensorType } from "../src/model/onnx-proto.ts";

export const TEST_MODEL_PARAMS = {
  binary: {
    featureNames: ["amount", "hour", "distance"],
    standardization: { mean: [50, 12, 3], scale: [20, 6, 2] },
    weights: [0.8, -0.3, 1.1],
    intercept: -0.2,
  },
  multiclass: {
    featureNames: ["amount", "hour", "distance"],
    standardization: { mean: [50, 12, 3], scale: [20, 6, 2] },
    // row-major [F, C]: weights[f * 3 + k]
    weights: [0.5, -0.4, 0.1, -0.2, 0.3, 0.6, 1.0, 0.0, -0.7],
    intercepts: [0.1, -0.3, 0.2],
  },
  regression: {
    featureNames: ["amount", "hour", "distance"],
    weights: [0.25, -1.5, 2.0],
    intercept: 10,
  },
  /** amount (float) and city (string, mapped to a code by ai.onnx.ml CategoryMapper, -1 if unknown). */
  categorical: {
    featureNames: ["amount", "city"],
    cities: ["paris", "oslo", "lima"],
    weights: [0.05, 0.9],
    intercept: -1,
  },
  fixedBatch: 4,
} as const;

export function buildTestModels(): Record<string, Uint8Array> {
  const p = TEST_MODEL_PARAMS;
  const binary = { ...p.binary, docString: "fixture: binary logistic regression" };
  const files: Record<string, Uint8Array> = {
    "binary-label-probabilities.onnx": exportBinaryLogisticRegression(binary),
    "binary-probabilities.onnx": exportBinaryLogisticRegression({ ...binary, outputLayout: "probabilities" }),
    "binary-score.onnx": exportBinaryLogisticRegression({ ...binary, outputLayout: "score" }),
    "binary-score-vector.onnx": exportBinaryLogisticRegression({ ...binary, outputLayout: "score-vector" }),
    "binary-per-feature.onnx": exportBinaryLogisticRegression({ ...binary, inputLayout: "per-feature" }),
    "binary-fixed-batch.onnx": exportBinaryLogisticRegression({
      ...binary,
      outputLayout: "probabilities",
      batchDim: p.fixedBatch,
    }),
    "binary-zipmap.onnx": exportZipMapLogisticRegression(binary),
    "multiclass-softmax.onnx": exportMultinomialLogisticRegression(p.multiclass),
    "linear-regression.onnx": exportLinearRegression(p.regression),
    "binary-string-input.onnx": categoricalModel(),
  };
  files["params.json"] = new TextEncoder().encode(JSON.stringify(p, null, 2) + "\n");
  return files;
}

/** Per-feature inputs with a string column encoded inside the graph, as skl2onnx pipelines do. */
function categoricalModel(): Uint8Array {
  const p = TEST_MODEL_PARAMS.categorical;
  const graph = new GraphBuilder();
  graph.inputs.push({ name: "amount", type: tensorType(ElemType.FLOAT, ["N", 1]) });
  graph.inputs.push({ name: "city", type: tensorType(ElemType.STRING, ["N", 1]) });
  const code = graph.node({
    opType: "CategoryMapper",
    domain: ONNX_ML_DOMAIN,
    inputs: ["city"],
    outputs: ["city_code"],
    attributes: [
      { name: "cats_strings", kind: "strings", value: p.cities },
      { name: "cats_int64s", kind: "ints", value: p.cities.map((_, i) => i) },
      { name: "default_int64", kind: "int", value: -1 },
    ],
  });
  const codeFloat = graph.node({
    opType: "Cast",
    inputs: [code],
    outputs: ["city_code_float"],
    attributes: [{ name: "to", kind: "int", value: ElemType.FLOAT }],
  });
  const x = graph.node({
    opType: "Concat",
    inputs: ["amount", codeFloat],
    outputs: ["features"],
    attributes: [{ name: "axis", kind: "int", value: 1 }],
  });
  const logit = addLinear(graph, x, p.weights, [p.intercept], 2, "logit");
  const positive = graph.node({ opType: "Sigmoid", inputs: [logit], outputs: ["positive_probability"] });
  addBinaryProbabilities(graph, positive, "probabilities");
  addArgMaxLabel(graph, "probabilities", "label");
  graph.outputs.push({ name: "label", type: tensorType(ElemType.INT64, ["N"]) });
  graph.outputs.push({ name: "probabilities", type: tensorType(ElemType.FLOAT, ["N", 2]) });
  return finishModel(graph, "binary_with_category_mapper", "binary", { featureNames: p.featureNames });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? join(fileURLToPath(new URL("..", import.meta.url)), "test", "fixtures", "models");
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of Object.entries(buildTestModels())) {
    writeFileSync(join(outDir, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}
