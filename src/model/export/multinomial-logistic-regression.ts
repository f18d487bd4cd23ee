/**
 * A multinomial (softmax) logistic regression as ONNX: P(class k) = softmax(W x' + b)_k with x'
 * the standardised features. Outputs "label" int64 [N] (argmax) and "probabilities" float [N, C].
 *
 * Example: two features, three classes, W = [[1, 0, 0], [0, 1, 0]] (row per feature), b = 0,
 * x = [2, 0] gives logits [2, 0, 0], probabilities [0.7870, 0.1065, 0.1065], label 0.
 */
import { UserError } from "../../errors.ts";
import { ElemType, tensorType } from "../onnx-proto.ts";
import {
  addArgMaxLabel,
  addFeatureInput,
  addLinear,
  encodedWidth,
  finishModel,
  GraphBuilder,
  type ExportCommon,
} from "./graph-parts.ts";

export interface MultinomialLogisticRegression extends ExportCommon {
  /** Row-major [F, C]: weights[f * C + k] multiplies feature f for class k. */
  weights: readonly number[];
  /** One intercept per class; its length sets the class count C. */
  intercepts: readonly number[];
}

export function exportMultinomialLogisticRegression(model: MultinomialLogisticRegression): Uint8Array {
  const classCount = model.intercepts.length;
  if (classCount < 2) throw new UserError(`a multiclass model needs at least 2 classes; got ${classCount} intercepts`);
  const graph = new GraphBuilder();
  const batch = model.batchDim ?? "N";
  const x = addFeatureInput(graph, model);
  const logits = addLinear(graph, x, model.weights, model.intercepts, encodedWidth(model), "logits");
  const probabilities = graph.node({
    opType: "Softmax",
    inputs: [logits],
    outputs: ["probabilities"],
    attributes: [{ name: "axis", kind: "int", value: 1 }],
  });
  addArgMaxLabel(graph, probabilities, "label");
  graph.outputs.push({ name: "label", type: tensorType(ElemType.INT64, [batch]) });
  graph.outputs.push({ name: "probabilities", type: tensorType(ElemType.FLOAT, [batch, classCount]) });
  return finishModel(graph, "multinomial_logistic_regression", "multiclass", model);
}
