/**
 * A linear regression as ONNX: prediction = w·x' + b with x' the standardised features, output
 * "variable" float [N, 1] (the name skl2onnx gives regressor outputs).
 *
 * Example: w = [0.5, -1], b = 3, x = [4, 1] gives 0.5·4 - 1·1 + 3 = 4.
 */
import { ElemType, tensorType } from "../onnx-proto.ts";
import {
  addFeatureInput,
  addLinear,
  encodedWidth,
  finishModel,
  GraphBuilder,
  type ExportCommon,
} from "./graph-parts.ts";

export interface LinearRegression extends ExportCommon {
  weights: readonly number[];
  intercept: number;
}

export function exportLinearRegression(model: LinearRegression): Uint8Array {
  const graph = new GraphBuilder();
  const x = addFeatureInput(graph, model);
  addLinear(graph, x, model.weights, [model.intercept], encodedWidth(model), "variable");
  graph.outputs.push({ name: "variable", type: tensorType(ElemType.FLOAT, [model.batchDim ?? "N", 1]) });
  return finishModel(graph, "linear_regression", "regression", model);
}
