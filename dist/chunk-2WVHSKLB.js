import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  CLASSES_METADATA_KEY,
  FEATURES_METADATA_KEY,
  ProtoWriter
} from "./chunk-7DYEKQYO.js";
import {
  UserError
} from "./chunk-G5TKV47H.js";

// src/model/onnx-proto.ts
var ElemType = { FLOAT: 1, INT32: 6, INT64: 7, STRING: 8, DOUBLE: 11 };
var DEFAULT_IR_VERSION = 8;
var ONNX_ML_DOMAIN = "ai.onnx.ml";
var AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 };
function encodeModel(model) {
  const writer = new ProtoWriter();
  writer.varint(1, model.irVersion ?? DEFAULT_IR_VERSION);
  writer.string(2, model.producerName ?? "modelkeeper");
  if (model.producerVersion) writer.string(3, model.producerVersion);
  if (model.docString) writer.string(6, model.docString);
  writer.message(7, (w) => writeGraph(w, model.graph));
  for (const opset of model.opsetImports) {
    writer.message(8, (w) => {
      if (opset.domain) w.string(1, opset.domain);
      w.varint(2, opset.version);
    });
  }
  for (const [key, value] of model.metadata ?? []) {
    writer.message(14, (w) => w.string(1, key).string(2, value));
  }
  return writer.finish();
}
function writeGraph(writer, graph) {
  for (const node of graph.nodes) writer.message(1, (w) => writeNode(w, node));
  writer.string(2, graph.name);
  for (const tensor of graph.initializers) writer.message(5, (w) => writeTensor(w, tensor));
  if (graph.docString) writer.string(10, graph.docString);
  for (const input of graph.inputs) writer.message(11, (w) => writeValueInfo(w, input));
  for (const output of graph.outputs) writer.message(12, (w) => writeValueInfo(w, output));
}
function writeNode(writer, node) {
  for (const input of node.inputs) writer.string(1, input);
  for (const output of node.outputs) writer.string(2, output);
  if (node.name) writer.string(3, node.name);
  writer.string(4, node.opType);
  for (const attribute of node.attributes ?? []) writer.message(5, (w) => writeAttribute(w, attribute));
  if (node.domain) writer.string(7, node.domain);
}
function writeAttribute(writer, attribute) {
  writer.string(1, attribute.name);
  switch (attribute.kind) {
    case "float":
      writer.float(2, attribute.value).varint(20, AttributeType.FLOAT);
      break;
    case "int":
      writer.varint(3, attribute.value).varint(20, AttributeType.INT);
      break;
    case "string":
      writer.string(4, attribute.value).varint(20, AttributeType.STRING);
      break;
    case "tensor":
      writer.message(5, (w) => writeTensor(w, attribute.value)).varint(20, AttributeType.TENSOR);
      break;
    case "floats":
      writer.packedFloats(7, attribute.value).varint(20, AttributeType.FLOATS);
      break;
    case "ints":
      writer.packedVarints(8, attribute.value).varint(20, AttributeType.INTS);
      break;
    case "strings":
      for (const value of attribute.value) writer.string(9, value);
      writer.varint(20, AttributeType.STRINGS);
      break;
  }
}
function writeTensor(writer, tensor) {
  const elementCount = tensor.dims.reduce((product, dim) => product * dim, 1);
  if (elementCount !== tensor.values.length) {
    throw new Error(
      `tensor ${tensor.name ?? "(unnamed)"}: dims [${tensor.dims}] hold ${elementCount} values, got ${tensor.values.length}`
    );
  }
  writer.packedVarints(1, tensor.dims);
  writer.varint(2, tensor.dataType);
  if (tensor.name) writer.string(8, tensor.name);
  writer.bytes(9, rawData(tensor));
}
function rawData(tensor) {
  if (tensor.dataType === ElemType.FLOAT) {
    const bytes2 = new Uint8Array(tensor.values.length * 4);
    const view2 = new DataView(bytes2.buffer);
    for (let i = 0; i < tensor.values.length; i++) view2.setFloat32(i * 4, tensor.values[i], true);
    return bytes2;
  }
  const bytes = new Uint8Array(tensor.values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < tensor.values.length; i++) view.setBigInt64(i * 8, BigInt(tensor.values[i]), true);
  return bytes;
}
function writeValueInfo(writer, info) {
  writer.string(1, info.name);
  writer.message(2, (w) => writeType(w, info.type));
  if (info.docString) writer.string(3, info.docString);
}
function writeType(writer, type) {
  switch (type.kind) {
    case "tensor":
      writer.message(1, (tensor) => {
        tensor.varint(1, type.elemType);
        tensor.message(2, (shape) => {
          for (const dim of type.shape) {
            shape.message(1, (d) => typeof dim === "number" ? d.varint(1, dim) : d.string(2, dim));
          }
        });
      });
      break;
    case "sequence":
      writer.message(4, (sequence) => sequence.message(1, (elem) => writeType(elem, type.elem)));
      break;
    case "map":
      writer.message(5, (map) => {
        map.varint(1, type.keyType);
        map.message(2, (value) => writeType(value, type.value));
      });
      break;
  }
}
var tensorType = (elemType, shape) => ({
  kind: "tensor",
  elemType,
  shape
});
var floatTensor = (name, dims, values) => ({
  name,
  dataType: ElemType.FLOAT,
  dims,
  values
});
var int64Tensor = (name, dims, values) => ({
  name,
  dataType: ElemType.INT64,
  dims,
  values
});

// src/model/export/one-hot.ts
function encodedColumnNames(featureNames, categories = {}) {
  return featureNames.flatMap(
    (feature) => Object.hasOwn(categories, feature) ? categories[feature].map((category) => `${feature}=${category}`) : [feature]
  );
}
function checkCategoryLists(featureNames, categories) {
  for (const [feature, list] of Object.entries(categories)) {
    if (!featureNames.includes(feature)) {
      throw new UserError(
        `categories are given for "${feature}", which is not one of the features ${JSON.stringify(featureNames)}; add it to featureNames or drop its categories`
      );
    }
    if (list.length === 0)
      throw new UserError(
        `categorical feature "${feature}" has no categories; give at least one, or treat the feature as numeric`
      );
    if (new Set(list).size !== list.length)
      throw new UserError(`categories of "${feature}" must be distinct; got ${JSON.stringify(list)}`);
    if (list.includes(""))
      throw new UserError(
        `categories of "${feature}" include "", which stands for a missing value (encoded as all zeros); remove it`
      );
  }
}
function addOneHotInput(graph, feature, categories, batch) {
  graph.inputs.push({ name: feature, type: tensorType(ElemType.STRING, [batch, 1]) });
  const encoded = graph.node({
    opType: "OneHotEncoder",
    domain: ONNX_ML_DOMAIN,
    inputs: [feature],
    outputs: [`${feature}_one_hot_3d`],
    attributes: [
      { name: "cats_strings", kind: "strings", value: categories },
      { name: "zeros", kind: "int", value: 1 }
    ]
  });
  const axes = graph.constant(int64Tensor(`${feature}_one_hot_axes`, [1], [1]));
  return graph.node({ opType: "Squeeze", inputs: [encoded, axes], outputs: [`${feature}_one_hot`] });
}

// src/model/export/graph-parts.ts
var TASK_METADATA_KEY = "modelkeeper.task";
var ONNX_OPSET = 17;
var ONNX_ML_OPSET = 3;
var GraphBuilder = class {
  nodes = [];
  initializers = [];
  inputs = [];
  outputs = [];
  usesMlDomain = false;
  node(node) {
    if (node.domain === ONNX_ML_DOMAIN) this.usesMlDomain = true;
    this.nodes.push({ name: `${node.opType}_${this.nodes.length}`, ...node });
    return node.outputs[0];
  }
  constant(tensor) {
    this.initializers.push(tensor);
    return tensor.name;
  }
};
function encodedWidth(options) {
  return encodedColumnNames(options.featureNames, options.categories).length;
}
function addFeatureInput(graph, options) {
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
      `categorical features (${Object.keys(categories).join(", ")}) need inputLayout "per-feature": a float matrix cannot carry their text`
    );
  }
  let matrix;
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
      attributes: [{ name: "axis", kind: "int", value: 1 }]
    });
  }
  const standardization = options.standardization;
  if (!standardization) return matrix;
  const columns = encodedColumnNames(features, categories);
  checkLength("standardization.mean", standardization.mean, columns.length);
  checkLength("standardization.scale", standardization.scale, columns.length);
  standardization.scale.forEach((scale2, i) => {
    if (scale2 === 0)
      throw new UserError(`standardization.scale[${i}] (feature "${columns[i]}") is 0; use 1 for a constant feature`);
  });
  const mean = graph.constant(floatTensor("feature_mean", [columns.length], standardization.mean));
  const scale = graph.constant(floatTensor("feature_scale", [columns.length], standardization.scale));
  const centred = graph.node({ opType: "Sub", inputs: [matrix, mean], outputs: ["features_centred"] });
  return graph.node({ opType: "Div", inputs: [centred, scale], outputs: ["features_standardized"] });
}
function addLinear(graph, x, weights, bias, featureCount, output) {
  const outputs = bias.length;
  checkLength("weights", weights, featureCount * outputs);
  const w = graph.constant(floatTensor(`${output}_weights`, [featureCount, outputs], weights));
  const b = graph.constant(floatTensor(`${output}_bias`, [outputs], bias));
  return graph.node({ opType: "Gemm", inputs: [x, w, b], outputs: [output] });
}
function addBinaryProbabilities(graph, positive, output) {
  const one = graph.constant(floatTensor("one", [1], [1]));
  const negative = graph.node({ opType: "Sub", inputs: [one, positive], outputs: ["negative_probability"] });
  return graph.node({
    opType: "Concat",
    inputs: [negative, positive],
    outputs: [output],
    attributes: [{ name: "axis", kind: "int", value: 1 }]
  });
}
function addArgMaxLabel(graph, probabilities, output) {
  return graph.node({
    opType: "ArgMax",
    inputs: [probabilities],
    outputs: [output],
    attributes: [
      { name: "axis", kind: "int", value: 1 },
      { name: "keepdims", kind: "int", value: 0 }
    ]
  });
}
function addSqueezeColumn(graph, x, output) {
  const axes = graph.constant(int64Tensor(`${output}_axes`, [1], [1]));
  return graph.node({ opType: "Squeeze", inputs: [x, axes], outputs: [output] });
}
function finishModel(graph, name, task, options) {
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
      ...options.classes ? [[CLASSES_METADATA_KEY, JSON.stringify(options.classes)]] : []
    ]
  });
}
function checkLength(what, values, expected) {
  if (values.length !== expected) throw new UserError(`${what} has ${values.length} values; expected ${expected}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new UserError(`${what}[${i}] is ${values[i]}; every parameter must be a finite number`);
  }
}

// src/model/export/logistic-regression.ts
function exportBinaryLogisticRegression(model) {
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

// src/model/train/cholesky-solve.ts
function choleskySolve(a, b, n) {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return void 0;
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * y[k];
    y[i] = sum / lower[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}

// src/model/train/logistic-regression.ts
function trainLogisticRegression(table, features, label, options = {}) {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(l2 > 0)) throw new UserError(`l2 must be > 0 (got ${l2}); without it separable data has no finite optimum`);
  const n = table.rowCount;
  if (n === 0) throw new UserError(`${table.source} has no rows to train on`, { file: table.source });
  const columns = features.map((name) => numericValues(table, name, "feature"));
  const y = numericValues(table, label, "label");
  y.forEach((value, row) => {
    if (value !== 0 && value !== 1) {
      throw new UserError(
        `label column "${label}" has ${Number.isNaN(value) ? "a missing value" : `the value ${value}`} at data row ${row + 1}; a binary label must be 0 or 1`,
        {
          file: table.source,
          column: label
        }
      );
    }
  });
  const { mean, scale, standardized } = standardize(columns, features, table.source);
  const f = features.length;
  const dim = f + 1;
  let theta = new Float64Array(dim);
  let current = objective(theta, standardized, y, l2);
  let iterations = 0;
  let converged = false;
  const z = new Float64Array(n);
  while (iterations < maxIterations) {
    linearPredictor(theta, standardized, z);
    const gradient = new Float64Array(dim);
    const hessian = new Float64Array(dim * dim);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(z[i]);
      const residual = p - y[i];
      const weight = p * (1 - p);
      for (let a = 0; a < dim; a++) {
        const xa = a < f ? standardized[a][i] : 1;
        gradient[a] += residual * xa;
        for (let b = 0; b <= a; b++) hessian[a * dim + b] += weight * xa * (b < f ? standardized[b][i] : 1);
      }
    }
    for (let a = 0; a < f; a++) {
      gradient[a] += l2 * theta[a];
      hessian[a * dim + a] += l2;
    }
    for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) hessian[b * dim + a] = hessian[a * dim + b];
    if (Math.max(...gradient.map(Math.abs)) / n < tolerance) {
      converged = true;
      break;
    }
    const step = choleskySolve(hessian, gradient, dim) ?? choleskySolve(
      hessian.map((h, k) => k % (dim + 1) === 0 ? h + 1e-8 : h),
      gradient,
      dim
    );
    if (!step) break;
    let size = 1;
    let next = theta;
    let nextValue = current;
    for (let halvings = 0; halvings < 40; halvings++, size /= 2) {
      next = theta.map((t, k) => t - size * step[k]);
      nextValue = objective(next, standardized, y, l2);
      if (nextValue <= current) break;
    }
    iterations++;
    if (!(nextValue <= current)) break;
    theta = next;
    current = nextValue;
  }
  return {
    featureNames: [...features],
    standardization: { mean, scale },
    weights: Array.from(theta.subarray(0, f)),
    intercept: theta[f],
    iterations,
    converged,
    loss: current / n
  };
}
function numericValues(table, name, role) {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    throw new UserError(
      `${role} column "${name}" is not in ${table.source} (columns: ${table.columns.map((c) => c.name).join(", ")})`,
      {
        file: table.source,
        column: name
      }
    );
  }
  if (column.kind !== "numeric") {
    throw new UserError(
      `${role} column "${name}" in ${table.source} holds text; this trainer takes numeric columns only, so encode it as numbers first`,
      {
        file: table.source,
        column: name
      }
    );
  }
  return column.values;
}
function standardize(columns, features, source) {
  const mean = [];
  const scale = [];
  const standardized = columns.map((values, j) => {
    let sum = 0;
    values.forEach((value, row) => {
      if (Number.isNaN(value)) {
        throw new UserError(
          `feature column "${features[j]}" has a missing value at data row ${row + 1}; impute or drop such rows before training`,
          {
            file: source,
            column: features[j]
          }
        );
      }
      sum += value;
    });
    const m = sum / values.length;
    let squares = 0;
    for (const value of values) squares += (value - m) ** 2;
    const sd = Math.sqrt(squares / values.length);
    const s = sd > 0 ? sd : 1;
    mean.push(m);
    scale.push(s);
    return values.map((value) => (value - m) / s);
  });
  return { mean, scale, standardized };
}
function linearPredictor(theta, x, out) {
  const f = x.length;
  out.fill(theta[f]);
  for (let j = 0; j < f; j++) {
    const w = theta[j];
    const column = x[j];
    for (let i = 0; i < out.length; i++) out[i] += w * column[i];
  }
}
function objective(theta, x, y, l2) {
  const z = new Float64Array(y.length);
  linearPredictor(theta, x, z);
  let total = 0;
  for (let i = 0; i < y.length; i++) total += softplus(z[i]) - y[i] * z[i];
  let penalty = 0;
  for (let j = 0; j < x.length; j++) penalty += theta[j] ** 2;
  return total + l2 / 2 * penalty;
}
function softplus(z) {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
function sigmoid(z) {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

// src/trainer/category-vocabulary.ts
function learnCategories(column, maxCategories) {
  const counts = /* @__PURE__ */ new Map();
  if (column.kind === "categorical") {
    const perCode = new Float64Array(column.categories.length);
    for (const code of column.codes) if (code >= 0) perCode[code]++;
    perCode.forEach((count, code) => {
      if (count > 0) counts.set(column.categories[code], (counts.get(column.categories[code]) ?? 0) + count);
    });
  } else {
    for (const value of column.values) {
      if (Number.isNaN(value)) continue;
      const name = String(value);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  counts.delete("");
  const byFrequency = [...counts].sort(([a, countA], [b, countB]) => countB - countA || compareNames(a, b));
  return byFrequency.slice(0, maxCategories).map(([name]) => name).sort(compareNames);
}
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/trainer/encode-features.ts
function encodeFeatures(table, features, categories) {
  const columns = [];
  for (const feature of features) {
    const column = findColumn(table, feature);
    if (!Object.hasOwn(categories, feature)) {
      if (column.kind !== "numeric")
        throw new Error(`internal: feature "${feature}" holds text but has no category list`);
      columns.push(column);
      continue;
    }
    const names = encodedColumnNames([feature], categories);
    const position = new Map(categories[feature].map((category, i) => [category, i]));
    const indicators = names.map(() => new Float64Array(table.rowCount));
    const valueIndex = valueIndexer(column, position);
    for (let row = 0; row < table.rowCount; row++) {
      const index = valueIndex(row);
      if (index >= 0) indicators[index][row] = 1;
    }
    names.forEach((name, i) => columns.push({ kind: "numeric", name, values: indicators[i] }));
  }
  return { source: table.source, rowCount: table.rowCount, columns };
}
function valueIndexer(column, position) {
  if (column.kind === "categorical") {
    const byCode = Int32Array.from(column.categories, (category) => position.get(category) ?? -1);
    return (row) => column.codes[row] < 0 ? -1 : byCode[column.codes[row]];
  }
  return (row) => Number.isNaN(column.values[row]) ? -1 : position.get(String(column.values[row])) ?? -1;
}
function findColumn(table, name) {
  const found = table.columns.find((column) => column.name === name);
  if (!found) {
    throw new UserError(
      `column "${name}" is not in ${table.source} (columns: ${table.columns.map((c) => c.name).join(", ")}); fix the feature list or the data`,
      {
        file: table.source,
        column: name
      }
    );
  }
  return found;
}

// src/trainer/roc-auc.ts
function rocAuc(scores, labels) {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k]] === 1) {
        rankSum += averageRank;
        positives++;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

// src/trainer/train-logistic-model.ts
var DEFAULT_MAX_CATEGORIES = 50;
var GRADIENT_TOLERANCE = 1e-8;
function trainLogisticModel(options) {
  const { table, label, features } = options;
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  if (!Number.isInteger(maxCategories) || maxCategories < 1)
    throw new UserError(`maxCategories must be a positive integer, got ${maxCategories}`);
  if (features.includes(label))
    throw new UserError(`the label "${label}" is also listed as a feature; remove it from the features`, {
      column: label
    });
  for (const name of options.categorical ?? []) {
    if (!features.includes(name))
      throw new UserError(
        `categorical column "${name}" is not one of the features (${features.join(", ")}); add it to the features or drop it from categorical`,
        { column: name }
      );
  }
  const listed = new Set(options.categorical ?? []);
  const categories = {};
  for (const feature of features) {
    const column = findColumn(table, feature);
    if (column.kind !== "categorical" && !listed.has(feature)) continue;
    const learned = learnCategories(column, maxCategories);
    if (learned.length === 0) {
      throw new UserError(
        `categorical column "${feature}" has no values in ${table.source}; fill it or drop it from the features`,
        { file: table.source, column: feature }
      );
    }
    categories[feature] = learned;
  }
  const encoded = encodeFeatures(table, features, categories);
  const labelColumn = findColumn(table, label);
  const design = { ...encoded, columns: [...encoded.columns, labelColumn] };
  const columns = encodedColumnNames(features, categories);
  const fit = trainLogisticRegression(design, columns, label, { l2: options.l2, tolerance: GRADIENT_TOLERANCE });
  const model = exportBinaryLogisticRegression({
    featureNames: features,
    categories,
    inputLayout: "per-feature",
    standardization: fit.standardization,
    weights: fit.weights,
    intercept: fit.intercept,
    docString: options.description
  });
  const labels = labelColumn.values;
  const scores = linearScores(encoded, fit.weights, fit.intercept, fit.standardization);
  let positives = 0;
  for (const value of labels) positives += value;
  return {
    model,
    summary: {
      rows: table.rowCount,
      positives,
      features: [...features],
      categories,
      coefficients: columns.map((column, i) => ({
        column,
        weight: fit.weights[i],
        mean: fit.standardization.mean[i],
        scale: fit.standardization.scale[i]
      })),
      intercept: fit.intercept,
      trainingAuc: rocAuc(scores, labels),
      iterations: fit.iterations,
      converged: fit.converged
    }
  };
}
function linearScores(encoded, weights, intercept, standardization) {
  const scores = new Float64Array(encoded.rowCount).fill(intercept);
  encoded.columns.forEach((column, j) => {
    const values = column.values;
    const w = weights[j] / standardization.scale[j];
    const m = standardization.mean[j];
    for (let i = 0; i < scores.length; i++) scores[i] += w * (values[i] - m);
  });
  return scores;
}

export {
  exportBinaryLogisticRegression,
  rocAuc,
  DEFAULT_MAX_CATEGORIES,
  trainLogisticModel
};
