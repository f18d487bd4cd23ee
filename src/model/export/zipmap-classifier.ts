/**
 * A binary logistic regression exported the way skl2onnx does by default: "output_label" int64 [N]
 * and "output_probability" as a sequence of maps {class: probability} (ai.onnx.ml ZipMap). The
 * runner cannot score that layout and must say how to re-export; this builder exists to test that.
 */
import { ElemType, ONNX_ML_DOMAIN, tensorType } from "../onnx-proto.ts";
import {
  addArgMaxLabel,
  addBinaryProbabilities,
  addFeatureInput,
  addLinear,
  encodedWidth,
  finishModel,
  GraphBuilder,
} from "./graph-parts.ts";
import type { BinaryLogisticRegression } from "./logistic-regression.ts";

export function exportZipMapLogisticRegression(model: Omit<BinaryLogisticRegression, "outputLayout">): Uint8Array {
  const graph = new GraphBuilder();
  const x = addFeatureInput(graph, model);
  const logit = addLinear(graph, x, model.weights, [model.intercept], encodedWidth(model), "logit");
  const positive = graph.node({ opType: "Sigmoid", inputs: [logit], outputs: ["positive_probability"] });
  const probabilities = addBinaryProbabilities(graph, positive, "probability_tensor");
  addArgMaxLabel(graph, probabilities, "output_label");
  graph.node({
    opType: "ZipMap",
    domain: ONNX_ML_DOMAIN,
    inputs: [probabilities],
    outputs: ["output_probability"],
    attributes: [{ name: "classlabels_int64s", kind: "ints", value: [0, 1] }],
  });
  graph.outputs.push({ name: "output_label", type: tensorType(ElemType.INT64, [model.batchDim ?? "N"]) });
  graph.outputs.push({
    name: "output_probability",
    type: { kind: "sequence", elem: { kind: "map", keyType: ElemType.INT64, value: tensorType(ElemType.FLOAT, []) } },
  });
  return finishModel(graph, "binary_logistic_regression_zipmap", "binary", model);
}
