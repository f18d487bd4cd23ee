/**
 * Pieces shared by the model builders: the feature input (one [N, F] matrix, or one [N, 1] input
 * per feature concatenated inside the graph), in-graph standardisation (so raw features go in),
 * the classifier heads, and the ModelProto wrapper with modelkeeper's metadata.
 */
import { UserError } from "../../errors.ts";
import { CLASSES_METADATA_KEY, FEATURES_METADATA_KEY } from "../onnx-summary.ts";
import { addOneHotInput, checkCategoryLists, encodedColumnNames, type CategoryLists } from "./one-hot.ts";
import {
  ElemType,
  encodeModel,
  floatTensor,
  int64Tensor,
  ONNX_ML_DOMAIN,
  tensorType,
  type Dim,
  type Node,
  type TensorValue,
  type ValueInfo,
} from "../onnx-proto.ts";

/** Metadata key naming the task the model was exported for. */
const TASK_METADATA_KEY = "modelkeeper.task";

/** Opset 17 has every operator used here with its current signature (Squeeze axes as input, Softmax per axis). */
const ONNX_OPSET = 17;
const ONNX_ML_OPSET = 3;

/** How features enter the graph. */
type InputLayout = "matrix" | "per-feature";

/**
 * Feature standardisation applied inside the graph: x' = (x - mean) / scale, one entry per encoded
 * column (see encodedColumnNames: a numeric feature is one column, a categorical one a column per category).
 */
export interface Standardization {
  mean: readonly number[];
  scale: readonly number[];
}

export interface ExportCommon {
  featureNames: readonly string[];
  /** Default "matrix": one float input named "input" of shape [N, F]; "per-feature" when there are categorical features. */
  inputLayout?: InputLayout;
  /**
   * Categorical features and their categories: each becomes a string [N, 1] input, one-hot encoded
   * inside the graph (one-hot.ts); needs the per-feature layout. Weights and standardisation then
   * cover the encoded columns, in feature order.
   */
  categories?: CategoryLists;
  standardization?: Standardization;
  /** The batch dimension: "N" (any size) unless a fixed size is wanted. */
  batchDim?: Dim;
  docString?: string;
  /** The label value of each probability column, recorded as metadata "modelkeeper.classes". */
  classes?: readonly string[];
}

/** A graph under construction: nodes and initializers are appended in topological order. */
export class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly initializers: TensorValue[] = [];
  readonly inputs: ValueInfo[] = [];
  readonly outputs: ValueInfo[] = [];
  usesMlDomain = false;

  node(node: Node): string {
    if (node.domain === ONNX_ML_DOMAIN) this.usesMlDomain = true;
    this.nodes.push({ name: `${node.opType}_${this.nodes.length}`, ...node });
    return node.outputs[0];
  }

  constant(tensor: TensorValue): string {
    this.initializers.push(tensor);
    return tensor.name!;
  }
}

/** How many columns the linear part sees: features, with each categorical one widened to its category count. */
export function encodedWidth(options: ExportCommon): number {
  return encodedColumnNames(options.featureNames, options.categories).length;
}

/** Adds the feature input(s) and returns the name of the [N, D] float matrix they form (D = encodedWidth). */
export function addFeatureInput(graph: GraphBuilder, options: ExportCommon): string {
  const batch = options.batchDim ?? "N";
  const features = options.featureNames;
  if (features.length === 0) throw new UserError("a model needs at least one feature; featureNames is empty");
  if (new Set(features).size !== features.length) {
    throw new UserError(`feature names must be distinct; got ${JSON.stringify(features)}`);
  }
  const categories = options.categories ?? {};
  checkCategoryLists(features, categories);
  const categorical = Object.keys(categories).length > 0;
  const layout = options.inputLayout ?? (categorical ? "per-feature" : "matrix");
  if (categorical && layout === "matrix") {
    throw new UserError(
      `categorical features (${Object.keys(categories).join(", ")}) need inputLayout "per-feature": a float matrix cannot carry their text`,
    );
  }
  let matrix: string;
  if (layout === "matrix") {
    graph.inputs.push({ name: "input", type: tensorType(ElemType.FLOAT, [batch, features.length]) });
    matrix = "input";
  } else {
    const parts = features.map((name) => {
      if (Object.hasOwn(categories, name)) return addOneHotInput(graph, name, categories[name], batch);
      graph.inputs.push({ name, type: tensorType(ElemType.FLOAT, [batch, 1]) });
      return name;
    });
    matrix = graph.node({
      opType: "Concat",
      inputs: parts,
      outputs: ["features"],
      attributes: [{ name: "axis", kind: "int", value: 1 }],
    });
  }
  const standardization = options.standardization;
  if (!standardization) return matrix;
  const columns = encodedColumnNames(features, categories);
  checkLength("standardization.mean", standardization.mean, columns.length);
  checkLength("standardization.scale", standardization.scale, columns.length);
  standardization.scale.forEach((scale, i) => {
    if (scale === 0)
      throw new UserError(`standardization.scale[${i}] (feature "${columns[i]}") is 0; use 1 for a constant feature`);
  });
  const mean = graph.constant(floatTensor("feature_mean", [columns.length], standardization.mean));
  const scale = graph.constant(floatTensor("feature_scale", [columns.length], standardization.scale));
  const centred = graph.node({ opType: "Sub", inputs: [matrix, mean], outputs: ["features_centred"] });
  return graph.node({ opType: "Div", inputs: [centred, scale], outputs: ["features_standardized"] });
}

/** Adds Gemm(x, W, b): W is [F, K] row-major, b is [K]; returns the [N, K] output name. */
export function addLinear(
  graph: GraphBuilder,
  x: string,
  weights: readonly number[],
  bias: readonly number[],
  featureCount: number,
  output: string,
): string {
  const outputs = bias.length;
  checkLength("weights", weights, featureCount * outputs);
  const w = graph.constant(floatTensor(`${output}_weights`, [featureCount, outputs], weights));
  const b = graph.constant(floatTensor(`${output}_bias`, [outputs], bias));
  return graph.node({ opType: "Gemm", inputs: [x, w, b], outputs: [output] });
}

/** From P(class 1) [N, 1], builds probabilities [N, 2] = [1 - p, p]. */
export function addBinaryProbabilities(graph: GraphBuilder, positive: string, output: string): string {
  const one = graph.constant(floatTensor("one", [1], [1]));
  const negative = graph.node({ opType: "Sub", inputs: [one, positive], outputs: ["negative_probability"] });
  return graph.node({
    opType: "Concat",
    inputs: [negative, positive],
    outputs: [output],
    attributes: [{ name: "axis", kind: "int", value: 1 }],
  });
}

/** The predicted class index per row: ArgMax over classes (ties go to the lower index). */
export function addArgMaxLabel(graph: GraphBuilder, probabilities: string, output: string): string {
  return graph.node({
    opType: "ArgMax",
    inputs: [probabilities],
    outputs: [output],
    attributes: [
      { name: "axis", kind: "int", value: 1 },
      { name: "keepdims", kind: "int", value: 0 },
    ],
  });
}

/** Squeezes [N, 1] to [N]. */
export function addSqueezeColumn(graph: GraphBuilder, x: string, output: string): string {
  const axes = graph.constant(int64Tensor(`${output}_axes`, [1], [1]));
  return graph.node({ opType: "Squeeze", inputs: [x, axes], outputs: [output] });
}

/** Wraps the graph in a ModelProto with modelkeeper's metadata and returns the file bytes. */
export function finishModel(graph: GraphBuilder, name: string, task: string, options: ExportCommon): Uint8Array {
  const opsetImports = [{ domain: "", version: ONNX_OPSET }];
  if (graph.usesMlDomain) opsetImports.push({ domain: ONNX_ML_DOMAIN, version: ONNX_ML_OPSET });
  return encodeModel({
    graph: { name, nodes: graph.nodes, initializers: graph.initializers, inputs: graph.inputs, outputs: graph.outputs },
    opsetImports,
    producerName: "modelkeeper",
    docString: options.docString,
    metadata: [
      [FEATURES_METADATA_KEY, JSON.stringify(options.featureNames)],
      [TASK_METADATA_KEY, task],
      ...(options.classes
        ? ([[CLASSES_METADATA_KEY, JSON.stringify(options.classes)]] as Array<[string, string]>)
        : []),
    ],
  });
}

function checkLength(what: string, values: ArrayLike<number>, expected: number): void {
  if (values.length !== expected) throw new UserError(`${what} has ${values.length} values; expected ${expected}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new UserError(`${what}[${i}] is ${values[i]}; every parameter must be a finite number`);
  }
}
