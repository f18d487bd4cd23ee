/**
 * A binary logistic regression as ONNX, P(class 1) = sigmoid(w·x' + b) with x' the standardised
 * features. The default output layout is skl2onnx's zipmap-free one: "label" int64 [N] and
 * "probabilities" float [N, 2] with columns P(0), P(1). Other layouts exist so the runner's output
 * recognition can be tested against each shape a converter may produce.
 *
 * Example: w = [2], b = -1, x = [1] gives sigmoid(1) = 0.7311, probabilities [0.2689, 0.7311], label 1.
 */
import { ElemType, tensorType } from "../onnx-proto.ts";
import {
  addArgMaxLabel,
  addBinaryProbabilities,
  addFeatureInput,
  encodedWidth,
  addLinear,
  addSqueezeColumn,
  finishModel,
  GraphBuilder,
  type ExportCommon,
} from "./graph-parts.ts";

/**
 * - "label+probabilities": label int64 [N] + probabilities float [N, 2] (default)
 * - "probabilities": probabilities float [N, 2] only
 * - "score": score float [N, 1] holding P(class 1)
 * - "score-vector": score float [N] holding P(class 1)
 */
type BinaryOutputLayout = "label+probabilities" | "probabilities" | "score" | "score-vector";

export interface BinaryLogisticRegression extends ExportCommon {
  /** One weight per encoded column (one per feature unless some are categorical), applied after standardisation if given. */
  weights: readonly number[];
  intercept: number;
  outputLayout?: BinaryOutputLayout;
}

export function exportBinaryLogisticRegression(model: BinaryLogisticRegression): Uint8Array {
  const graph = new GraphBuilder();
  const batch = model.batchDim ?? "N";
  const x = addFeatureInput(graph, model);
  const logit = addLinear(graph, x, model.weights, [model.intercept], encodedWidth(model), "logit");
  const positive = graph.node({ opType: "Sigmoid", inputs: [logit], outputs: ["positive_probability"] });
  const layout = model.outputLayout ?? "label+probabilities";
  if (layout === "score" || layout === "score-vector") {
    if (layout === "score") {
      graph.node({ opType: "Identity", inputs: [positive], outputs: ["score"] });
      graph.outputs.push({ name: "score", type: tensorType(ElemType.FLOAT, [batch, 1]) });
    } else {
      addSqueezeColumn(graph, positive, "score");
      graph.outputs.push({ name: "score", type: tensorType(ElemType.FLOAT, [batch]) });
    }
    return finishModel(graph, "binary_logistic_regression", "binary", model);
  }
  const probabilities = addBinaryProbabilities(graph, positive, "probabilities");
  if (layout === "label+probabilities") {
    addArgMaxLabel(graph, probabilities, "label");
    graph.outputs.push({ name: "label", type: tensorType(ElemType.INT64, [batch]) });
  }
  graph.outputs.push({ name: "probabilities", type: tensorType(ElemType.FLOAT, [batch, 2]) });
  return finishModel(graph, "binary_logistic_regression", "binary", model);
}
