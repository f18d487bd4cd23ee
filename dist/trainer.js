import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  constructor(message, where2) {
    super(message);
    this.where = where2;
  }
  where;
  name = "UserError";
};

// src/model/protobuf-wire.ts
var WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 };
var textEncoder = new TextEncoder();
var textDecoder = new TextDecoder("utf-8", { fatal: true });
var TWO_TO_64 = 1n << 64n;
var ProtoWriter = class _ProtoWriter {
  buffer = new Uint8Array(256);
  length = 0;
  reserve(extra) {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
  rawVarint(value) {
    let v = BigInt(value);
    if (v < 0n) v += TWO_TO_64;
    this.reserve(10);
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 128;
      this.buffer[this.length++] = byte;
    } while (v !== 0n);
  }
  key(field, wireType) {
    this.rawVarint(field << 3 | wireType);
  }
  rawBytes(bytes) {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  /** int32 / int64 / enum / bool fields. */
  varint(field, value) {
    this.key(field, WireType.varint);
    this.rawVarint(value);
    return this;
  }
  /** A `float` field (fixed32, little-endian IEEE 754 single). */
  float(field, value) {
    this.key(field, WireType.fixed32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.rawBytes(bytes);
    return this;
  }
  /** A `double` field (fixed64, little-endian IEEE 754 double). */
  double(field, value) {
    this.key(field, WireType.fixed64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.rawBytes(bytes);
    return this;
  }
  /** A `bytes` field, or an already-encoded nested message. */
  bytes(field, value) {
    this.key(field, WireType.lengthDelimited);
    this.rawVarint(value.length);
    this.rawBytes(value);
    return this;
  }
  /** A `string` field (UTF-8). */
  string(field, value) {
    return this.bytes(field, textEncoder.encode(value));
  }
  /** A nested message built by `build` into its own writer. */
  message(field, build) {
    const inner = new _ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }
  /** A packed `repeated float` field: one length-delimited run of fixed32 values. */
  packedFloats(field, values) {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    return this.bytes(field, bytes);
  }
  /** A packed `repeated int64` field: one length-delimited run of varints. */
  packedVarints(field, values) {
    const inner = new _ProtoWriter();
    for (let i = 0; i < values.length; i++) inner.rawVarint(values[i]);
    return this.bytes(field, inner.finish());
  }
  finish() {
    return this.buffer.slice(0, this.length);
  }
};
var lenientDecoder = new TextDecoder("utf-8");

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
    throw new Error(`tensor ${tensor.name ?? "(unnamed)"}: dims [${tensor.dims}] hold ${elementCount} values, got ${tensor.values.length}`);
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
var tensorType = (elemType, shape) => ({ kind: "tensor", elemType, shape });
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

// src/model/onnx-summary.ts
var FEATURES_METADATA_KEY = "modelkeeper.features";
var CLASSES_METADATA_KEY = "modelkeeper.classes";

// src/model/export/one-hot.ts
function encodedColumnNames(featureNames, categories = {}) {
  return featureNames.flatMap((feature) => Object.hasOwn(categories, feature) ? categories[feature].map((category) => `${feature}=${category}`) : [feature]);
}
function checkCategoryLists(featureNames, categories) {
  for (const [feature, list] of Object.entries(categories)) {
    if (!featureNames.includes(feature)) {
      throw new UserError(`categories are given for "${feature}", which is not one of the features ${JSON.stringify(featureNames)}; add it to featureNames or drop its categories`);
    }
    if (list.length === 0) throw new UserError(`categorical feature "${feature}" has no categories; give at least one, or treat the feature as numeric`);
    if (new Set(list).size !== list.length) throw new UserError(`categories of "${feature}" must be distinct; got ${JSON.stringify(list)}`);
    if (list.includes("")) throw new UserError(`categories of "${feature}" include "", which stands for a missing value (encoded as all zeros); remove it`);
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
    throw new UserError(`categorical features (${Object.keys(categories).join(", ")}) need inputLayout "per-feature": a float matrix cannot carry their text`);
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
    matrix = graph.node({ opType: "Concat", inputs: parts, outputs: ["features"], attributes: [{ name: "axis", kind: "int", value: 1 }] });
  }
  const standardization = options.standardization;
  if (!standardization) return matrix;
  const columns = encodedColumnNames(features, categories);
  checkLength("standardization.mean", standardization.mean, columns.length);
  checkLength("standardization.scale", standardization.scale, columns.length);
  standardization.scale.forEach((scale2, i) => {
    if (scale2 === 0) throw new UserError(`standardization.scale[${i}] (feature "${columns[i]}") is 0; use 1 for a constant feature`);
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
    if (!Number.isFinite(values[i])) throw new UserError(`${what}[${i}] is ${values[i]}; every parameter must be a finite number`);
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
      throw new UserError(`label column "${label}" has ${Number.isNaN(value) ? "a missing value" : `the value ${value}`} at data row ${row + 1}; a binary label must be 0 or 1`, {
        file: table.source,
        column: label
      });
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
    const step = choleskySolve(hessian, gradient, dim) ?? choleskySolve(hessian.map((h, k) => k % (dim + 1) === 0 ? h + 1e-8 : h), gradient, dim);
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
    throw new UserError(`${role} column "${name}" is not in ${table.source} (columns: ${table.columns.map((c) => c.name).join(", ")})`, {
      file: table.source,
      column: name
    });
  }
  if (column.kind !== "numeric") {
    throw new UserError(`${role} column "${name}" in ${table.source} holds text; this trainer takes numeric columns only, so encode it as numbers first`, {
      file: table.source,
      column: name
    });
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
        throw new UserError(`feature column "${features[j]}" has a missing value at data row ${row + 1}; impute or drop such rows before training`, {
          file: source,
          column: features[j]
        });
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
      if (column.kind !== "numeric") throw new Error(`internal: feature "${feature}" holds text but has no category list`);
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
    throw new UserError(`column "${name}" is not in ${table.source} (columns: ${table.columns.map((c) => c.name).join(", ")}); fix the feature list or the data`, {
      file: table.source,
      column: name
    });
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
  if (!Number.isInteger(maxCategories) || maxCategories < 1) throw new UserError(`maxCategories must be a positive integer, got ${maxCategories}`);
  if (features.includes(label)) throw new UserError(`the label "${label}" is also listed as a feature; remove it from the features`, { column: label });
  for (const name of options.categorical ?? []) {
    if (!features.includes(name)) throw new UserError(`categorical column "${name}" is not one of the features (${features.join(", ")}); add it to the features or drop it from categorical`, { column: name });
  }
  const listed = new Set(options.categorical ?? []);
  const categories = {};
  for (const feature of features) {
    const column = findColumn(table, feature);
    if (column.kind !== "categorical" && !listed.has(feature)) continue;
    const learned = learnCategories(column, maxCategories);
    if (learned.length === 0) {
      throw new UserError(`categorical column "${feature}" has no values in ${table.source}; fill it or drop it from the features`, { file: table.source, column: feature });
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
      coefficients: columns.map((column, i) => ({ column, weight: fit.weights[i], mean: fit.standardization.mean[i], scale: fit.standardization.scale[i] })),
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

// src/data/concat-tables.ts
function concatTables(tables, source) {
  const rowCount = tables.reduce((sum, table) => sum + table.rowCount, 0);
  const kinds = /* @__PURE__ */ new Map();
  for (const table of tables) {
    for (const column of table.columns) {
      if (kinds.get(column.name) !== "categorical") kinds.set(column.name, column.kind);
    }
  }
  const columns = [];
  for (const [name, kind] of kinds) {
    const parts = tables.map((table) => ({ rows: table.rowCount, column: table.columns.find((c) => c.name === name) }));
    columns.push(kind === "numeric" ? stackNumeric(name, parts, rowCount) : stackCategorical(name, parts, rowCount));
  }
  return { source, rowCount, columns };
}
function stackNumeric(name, parts, rowCount) {
  const values = new Float64Array(rowCount);
  let offset = 0;
  for (const { rows, column } of parts) {
    if (column?.kind === "numeric") values.set(column.values, offset);
    else values.fill(NaN, offset, offset + rows);
    offset += rows;
  }
  return { kind: "numeric", name, values };
}
function stackCategorical(name, parts, rowCount) {
  const codes = new Int32Array(rowCount);
  const categories = [];
  const index = /* @__PURE__ */ new Map();
  const code = (text) => {
    let c = index.get(text);
    if (c === void 0) {
      c = categories.length;
      categories.push(text);
      index.set(text, c);
    }
    return c;
  };
  let offset = 0;
  for (const { rows, column } of parts) {
    if (column === void 0) {
      codes.fill(-1, offset, offset + rows);
    } else if (column.kind === "numeric") {
      for (let i = 0; i < rows; i++) {
        const x = column.values[i];
        codes[offset + i] = x === x ? code(String(x)) : -1;
      }
    } else {
      const remap = column.categories.map(code);
      for (let i = 0; i < rows; i++) {
        const c = column.codes[i];
        codes[offset + i] = c < 0 ? -1 : remap[c];
      }
    }
    offset += rows;
  }
  return { kind: "categorical", name, codes, categories };
}

// src/data/csv-parallel.ts
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/data/missing-values.ts
var MISSING_VALUE_TEXTS = /* @__PURE__ */ new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null"
]);
var LONGEST = 8;
function isMissingText(text) {
  return text.length <= LONGEST && MISSING_VALUE_TEXTS.has(text);
}
function isMissingBytes(bytes, start, end) {
  const length = end - start;
  if (length === 0) return true;
  if (length > LONGEST) return false;
  return MISSING_VALUE_TEXTS.has(String.fromCharCode.apply(null, bytes.subarray(start, end)));
}

// src/data/column-builder.ts
var ColumnBuilder = class {
  /** `verbatim`: missing-value texts become categories as written (see BatchReadOptions). */
  constructor(name, forced, capacity, verbatim = false) {
    this.name = name;
    this.verbatim = verbatim;
    this.forced = forced;
    this.kind = forced ?? "numeric";
    this.capacity = capacity;
    this.values = this.kind === "numeric" ? new Float64Array(capacity) : EMPTY_VALUES;
    this.codes = this.kind === "categorical" ? new Int32Array(capacity) : EMPTY_CODES;
  }
  name;
  verbatim;
  kind;
  forced;
  values;
  codes;
  categories = [];
  index = /* @__PURE__ */ new Map();
  byteIndex = /* @__PURE__ */ new Map();
  capacity;
  /** Set when this column turned categorical during the current batch after holding numbers. */
  promotion;
  /** Whether an earlier batch delivered this column numeric with at least one value. */
  deliveredNumbers = false;
  /** Makes room for at least `rows` rows, keeping the first `used`. */
  grow(rows, used) {
    if (rows <= this.capacity) return;
    if (this.kind === "numeric") {
      const values = new Float64Array(rows);
      values.set(this.values.subarray(0, used));
      this.values = values;
    } else {
      const codes = new Int32Array(rows);
      codes.set(this.codes.subarray(0, used));
      this.codes = codes;
    }
    this.capacity = rows;
  }
  /** The code of a whole field's text: −1 for a missing-value token unless verbatim. */
  codeOfText(text) {
    return !this.verbatim && isMissingText(text) ? -1 : this.code(text);
  }
  /** The dictionary code of `text`, adding it on first sight (codes follow first appearance). */
  code(text) {
    let code = this.index.get(text);
    if (code === void 0) {
      code = this.categories.length;
      this.categories.push(text);
      this.index.set(text, code);
    }
    return code;
  }
  /**
   * The code of the text in bytes[start, end) (UTF-8), or −1 for a missing-value token. Repeated
   * values are recognised by a hash of their bytes, so a category costs one string only once.
   */
  codeOfBytes(bytes, start, end) {
    let hash = 2166136261;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
    const known = this.byteIndex.get(hash);
    if (known !== void 0 && known.bytes.length === end - start) {
      const stored = known.bytes;
      let same = true;
      for (let i = 0; i < stored.length; i++) {
        if (stored[i] !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return known.code;
    }
    const code = !this.verbatim && isMissingBytes(bytes, start, end) ? -1 : this.code(bytes.toString("utf8", start, end));
    if (known === void 0) this.byteIndex.set(hash, { bytes: Uint8Array.prototype.slice.call(bytes, start, end), code });
    return code;
  }
  /** Turns this numeric column categorical at `row` (rows before it already hold numbers). */
  promote(row, line, value) {
    const codes = new Int32Array(this.capacity);
    let numbersBefore = 0;
    for (let i = 0; i < row; i++) {
      const x = this.values[i];
      if (x === x) {
        codes[i] = this.code(String(x));
        numbersBefore++;
      } else {
        codes[i] = -1;
      }
    }
    this.codes = codes;
    this.values = EMPTY_VALUES;
    this.kind = "categorical";
    if (numbersBefore > 0 || this.deliveredNumbers) this.promotion = { column: this.name, line, value, numbersBefore };
  }
  /** The finished column for rows [0, rowCount); the builder starts an empty batch afterwards. */
  finish(rowCount, nextCapacity, trimSpare = true) {
    let column;
    if (this.kind === "numeric") {
      column = { kind: "numeric", name: this.name, values: trimSpare ? trim(this.values, rowCount) : this.values.subarray(0, rowCount) };
      if (!this.deliveredNumbers) this.deliveredNumbers = column.values.some((x) => x === x);
      this.values = new Float64Array(nextCapacity);
    } else {
      column = { kind: "categorical", name: this.name, codes: trimSpare ? trim(this.codes, rowCount) : this.codes.subarray(0, rowCount), categories: this.categories };
      this.codes = new Int32Array(nextCapacity);
      this.categories = [];
      this.index = /* @__PURE__ */ new Map();
      this.byteIndex = /* @__PURE__ */ new Map();
    }
    this.capacity = nextCapacity;
    this.promotion = void 0;
    return column;
  }
};
var EMPTY_VALUES = new Float64Array(0);
var EMPTY_CODES = new Int32Array(0);
function trim(array, length) {
  if (array.length === length) return array;
  if (array.length - length <= array.length / 8) return array.subarray(0, length);
  return array.slice(0, length);
}

// src/data/parse-number.ts
var MAX_EXACT_INTEGER = 9007199254740991;
var POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
var SPLITTER = 134217729;
var POWER_HIGH = POWERS_OF_TEN.map((p) => SPLITTER * p - (SPLITTER * p - p));
var POWER_LOW = POWERS_OF_TEN.map((p, i) => p - POWER_HIGH[i]);
var SPACE = 32;
var TAB = 9;
var PLUS = 43;
var MINUS = 45;
var DOT = 46;
var ZERO = 48;
var NINE = 57;
function parseNumberBytes(bytes, start, end) {
  let p = start;
  while (p < end && (bytes[p] === SPACE || bytes[p] === TAB)) p++;
  while (end > p && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  if (p === end) return NaN;
  const textStart = p;
  let negative = false;
  let c = bytes[p];
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    if (++p === end) return NaN;
    c = bytes[p];
  }
  if (c === 105 || c === 73) return isInfinityWord(bytes, p, end) ? negative ? -Infinity : Infinity : NaN;
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let significant = 0;
  let exponent = 0;
  let digits = 0;
  while (p < end && (c = bytes[p]) >= ZERO && c <= NINE) {
    if (significant > 0 || c !== ZERO) {
      if (significant < 15) high = high * 10 + (c - ZERO);
      else if (significant < 19) {
        low = low * 10 + (c - ZERO);
        lowDigits++;
      } else exponent++;
      significant++;
    }
    digits++;
    p++;
  }
  if (p < end && bytes[p] === DOT) {
    p++;
    while (p < end && (c = bytes[p]) >= ZERO && c <= NINE) {
      if (significant > 0 || c !== ZERO) {
        if (significant < 15) high = high * 10 + (c - ZERO);
        else if (significant < 19) {
          low = low * 10 + (c - ZERO);
          lowDigits++;
        } else exponent++;
        significant++;
      }
      exponent--;
      digits++;
      p++;
    }
  }
  if (digits === 0) return NaN;
  if (p < end && (bytes[p] === 101 || bytes[p] === 69)) {
    p++;
    let exponentNegative = false;
    if (p < end && (bytes[p] === MINUS || bytes[p] === PLUS)) exponentNegative = bytes[p++] === MINUS;
    const exponentStart = p;
    let written = 0;
    while (p < end && (c = bytes[p]) >= ZERO && c <= NINE) {
      if (written < 1e5) written = written * 10 + (c - ZERO);
      p++;
    }
    if (p === exponentStart) return NaN;
    exponent += exponentNegative ? -written : written;
  }
  if (p !== end) return NaN;
  if (significant === 0) return negative ? -0 : 0;
  let magnitude = NaN;
  if (significant <= 19 && exponent >= -22 && exponent <= 22) {
    const mantissa = lowDigits === 0 ? high : high * POWERS_OF_TEN[lowDigits] + low;
    if (mantissa <= MAX_EXACT_INTEGER) {
      magnitude = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
    } else {
      magnitude = longMantissaValue(high, lowDigits, low, exponent);
    }
  }
  if (magnitude !== magnitude) {
    return Number(latin1(bytes, textStart, end));
  }
  return negative ? -magnitude : magnitude;
}
function parsePlainDecimal(bytes, start, end, fractionDigits) {
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let significant = 0;
  for (let p = start; p < end; p++) {
    const c = bytes[p];
    if (c === DOT || significant === 0 && c === ZERO) continue;
    if (significant < 15) high = high * 10 + (c - ZERO);
    else if (significant < 19) {
      low = low * 10 + (c - ZERO);
      lowDigits++;
    }
    significant++;
  }
  if (significant === 0) return 0;
  if (significant <= 19 && fractionDigits <= 22) {
    const mantissa = lowDigits === 0 ? high : high * POWERS_OF_TEN[lowDigits] + low;
    if (mantissa <= MAX_EXACT_INTEGER) return mantissa / POWERS_OF_TEN[fractionDigits];
    const value = longMantissaValue(high, lowDigits, low, -fractionDigits);
    if (value === value) return value;
  }
  return Number(latin1(bytes, start, end));
}
function longMantissaValue(high, lowDigits, low, exponent) {
  const scale = POWERS_OF_TEN[lowDigits];
  const product = high * scale;
  let split = SPLITTER * high;
  const highHigh = split - (split - high);
  const productError = highHigh * scale - product + (high - highHigh) * scale;
  const s = product + low;
  const t = product - s + low + productError;
  const index = exponent < 0 ? -exponent : exponent;
  const power = POWERS_OF_TEN[index];
  const powerHigh = POWER_HIGH[index];
  const powerLow = POWER_LOW[index];
  let q0;
  let q1;
  if (exponent < 0) {
    q0 = s / power;
    const qp = q0 * power;
    split = SPLITTER * q0;
    const q0High = split - (split - q0);
    const q0Low = q0 - q0High;
    const qpError = q0High * powerHigh - qp + q0High * powerLow + q0Low * powerHigh + q0Low * powerLow;
    q1 = (s - qp - qpError + t) / power;
  } else {
    q0 = s * power;
    split = SPLITTER * s;
    const sHigh = split - (split - s);
    const sLow = s - sHigh;
    const spError = sHigh * powerHigh - q0 + sHigh * powerLow + sLow * powerHigh + sLow * powerLow;
    q1 = spError + t * power;
  }
  const r = q0 + q1;
  const e = q1 - (r - q0);
  return r + e * 1.0000009536743164 === r ? r : NaN;
}
function isInfinityWord(bytes, start, end) {
  const length = end - start;
  if (length !== 3 && length !== 8) return false;
  const word = "infinity";
  for (let i = 0; i < length; i++) {
    if ((bytes[start + i] | 32) !== word.charCodeAt(i)) return false;
  }
  return true;
}
function latin1(bytes, start, end) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
function parseNumberText(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return NaN;
    bytes[i] = code;
  }
  return parseNumberBytes(bytes, 0, bytes.length);
}

// src/data/record-limit.ts
var MAX_RECORD_BYTES = 128 * 1024 * 1024;
function formatBytes(bytes) {
  return bytes >= 1 << 20 ? `${+(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1 << 10 ? `${+(bytes / (1 << 10)).toFixed(1)} KiB` : `${bytes} bytes`;
}
function recordTooLong(file, line, limit, what, column) {
  return new UserError(
    `${file}:${line}: ${what} is longer than ${formatBytes(limit)} and has not ended: modelkeeper reads rows of up to ${formatBytes(limit)}. If it should be short, a quote is probably left open at or before this line: close it (a quote inside a quoted field is written ""). Otherwise shorten the field, or leave the column out of the file.`,
    { file, line, column }
  );
}

// src/data/csv-parser.ts
var COMMA = 44;
var QUOTE = 34;
var LF = 10;
var CR = 13;
var MINUS2 = 45;
var DOT2 = 46;
var MAX_EXACT_INTEGER2 = 9007199254740991;
var POWERS_OF_TEN2 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
var INITIAL_CAPACITY = 4096;
var CsvParser = class {
  constructor(file, options) {
    this.file = file;
    this.options = options;
    if (options.withLines) this.lines = [];
    if (options.header) {
      this.setHeader([...options.header], 1);
      this.started = true;
    }
  }
  file;
  options;
  /** Header names, once the header has been read. */
  header;
  /** Builders for the selected columns, in file order. */
  builders = [];
  slots = new Int32Array(0);
  // file column → builder index, −1 when not selected
  row = 0;
  line = 1;
  // line of the next record
  batchFirstLine = 0;
  bytesConsumed = 0;
  rowsSeen = 0;
  started = false;
  /** Physical line breaks inside the quoted field parsed last. */
  quotedBreaks = 0;
  quotedText = "";
  /** With `withLines`: the line of each row of the current batch. */
  lines;
  /** The line the next record starts on (after the last consumed record). */
  get nextLine() {
    return this.line;
  }
  /**
   * Parses the whole records in bytes[0, dataEnd) and returns how many bytes it consumed; the
   * caller keeps the rest for the next call. With `eof`, everything must be consumed, so `bytes`
   * needs one spare byte after dataEnd (a line break is written there if the file lacks a last one).
   */
  consume(bytes, dataEnd, eof) {
    let p = 0;
    if (!this.started) {
      if (dataEnd < 3 && !eof) return 0;
      this.started = true;
      if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) p = 3;
    }
    if (eof && dataEnd > p && bytes[dataEnd - 1] !== LF && bytes[dataEnd - 1] !== CR) {
      bytes[dataEnd++] = LF;
    }
    let safeEnd;
    if (eof) {
      safeEnd = dataEnd;
    } else {
      safeEnd = bytes.lastIndexOf(LF, dataEnd - 1) + 1;
      if (safeEnd <= p && dataEnd >= 2) safeEnd = bytes.lastIndexOf(CR, dataEnd - 2) + 1;
      if (safeEnd <= p) return this.consumed(p);
    }
    if (this.header === void 0) {
      const start = p;
      p = this.readHeader(bytes, p, safeEnd, eof);
      if (p < 0) return this.consumed(start);
    }
    return this.consumed(this.readRecords(bytes, p, safeEnd, eof));
  }
  consumed(bytes) {
    this.bytesConsumed += bytes;
    return bytes;
  }
  /** Emits the last batch; call after the final `consume(…, eof=true)`. */
  finish() {
    if (this.header === void 0) {
      throw new UserError(`${this.file}: the file is empty; a CSV file needs a header row naming its columns.`, { file: this.file, line: 1 });
    }
    if (this.row > 0 || this.rowsSeen === 0) this.emitBatch();
  }
  readHeader(bytes, start, safeEnd, eof) {
    let p = start;
    let headerLine = this.line;
    while (p < safeEnd && (bytes[p] === LF || bytes[p] === CR)) {
      p = skipLineBreak(bytes, p);
      headerLine++;
    }
    if (p >= safeEnd) {
      if (eof) throw new UserError(`${this.file}: the file is empty; a CSV file needs a header row naming its columns.`, { file: this.file, line: 1 });
      return -1;
    }
    const fields = [];
    let breaks = 0;
    for (; ; ) {
      let text;
      if (bytes[p] === QUOTE) {
        const end = this.readQuoted(bytes, p, safeEnd, eof, headerLine + breaks, fields.length + 1, "header");
        if (end < 0) return -1;
        text = this.quotedText;
        breaks += this.quotedBreaks;
        p = end;
      } else {
        const s = p;
        while (bytes[p] !== COMMA && bytes[p] !== LF && bytes[p] !== CR) p++;
        text = bytes.toString("utf8", s, p);
      }
      fields.push(text);
      if (bytes[p] === COMMA) {
        p++;
        continue;
      }
      p = skipLineBreak(bytes, p);
      break;
    }
    this.line = headerLine + breaks + 1;
    this.setHeader(fields, headerLine);
    return p;
  }
  setHeader(names, line) {
    const seen = /* @__PURE__ */ new Map();
    names.forEach((name, i) => {
      if (name.trim() === "") {
        throw new UserError(
          `${this.file}:${line}: column ${i + 1} of the header has no name; give every column a name in the first row.`,
          { file: this.file, line, column: i + 1 }
        );
      }
      const earlier = seen.get(name);
      if (earlier !== void 0) {
        throw new UserError(
          `${this.file}:${line}: column ${i + 1} of the header repeats the name "${name}" of column ${earlier + 1}; rename one of them.`,
          { file: this.file, line, column: i + 1 }
        );
      }
      seen.set(name, i);
    });
    const wanted = this.options.columns;
    if (wanted && this.options.requireColumns !== false) {
      const missing = wanted.filter((name) => !seen.has(name));
      if (missing.length > 0) {
        throw new UserError(
          `${this.file}:${line}: no column named ${missing.map((m) => `"${m}"`).join(", ")} in the header (columns: ${names.join(", ")}); fix the column name or the file.`,
          { file: this.file, line, column: missing[0] }
        );
      }
    }
    const selected = wanted ? new Set(wanted) : void 0;
    this.header = names;
    this.slots = new Int32Array(names.length).fill(-1);
    const capacity = Math.min(this.options.batchRows, INITIAL_CAPACITY);
    names.forEach((name, i) => {
      if (selected && !selected.has(name)) return;
      this.slots[i] = this.builders.length;
      this.builders.push(new ColumnBuilder(name, this.options.types?.[name], capacity, this.options.verbatim));
    });
  }
  /** The hot loop: whole records from p until safeEnd (or a record that runs past it). */
  readRecords(bytes, start, safeEnd, eof) {
    const slots = this.slots;
    const builders = this.builders;
    const columnCount = slots.length;
    const batchRows = this.options.batchRows;
    let p = start;
    let row = this.row;
    let line = this.line;
    let capacity = builders.length > 0 ? builders[0].capacity : Infinity;
    while (p < safeEnd) {
      const recordStart = p;
      let b = bytes[p];
      if (b === LF || b === CR) {
        p = skipLineBreak(bytes, p);
        line++;
        continue;
      }
      if (row === capacity) capacity = this.growColumns(row, p - start);
      if (row === 0) this.batchFirstLine = line;
      if (this.lines) this.lines[row] = line;
      let breaks = 0;
      let column = 0;
      for (; ; ) {
        if (column === columnCount) this.fieldCountError(bytes, recordStart, safeEnd, line);
        const slot = slots[column];
        if (b === QUOTE) {
          const end = this.readQuoted(bytes, p, safeEnd, eof, line + breaks, column + 1, void 0);
          if (end < 0) {
            this.row = row;
            this.line = line;
            return recordStart;
          }
          if (slot >= 0) this.storeText(builders[slot], row, this.quotedText, line + breaks, column);
          breaks += this.quotedBreaks;
          p = end;
          b = bytes[p];
        } else if (slot < 0) {
          while (b !== COMMA && b !== LF && b !== CR) b = bytes[++p];
        } else if (builders[slot].kind === "categorical") {
          const fieldStart = p;
          while (b !== COMMA && b !== LF && b !== CR) b = bytes[++p];
          builders[slot].codes[row] = builders[slot].codeOfBytes(bytes, fieldStart, p);
        } else {
          const fieldStart = p;
          let negative = false;
          if (b === MINUS2) {
            negative = true;
            b = bytes[++p];
          }
          const digitsStart = p;
          let mantissa = 0;
          while (b >= 48 && b <= 57) {
            mantissa = mantissa * 10 + (b - 48);
            b = bytes[++p];
          }
          let fractionDigits = 0;
          let digitCount = p - digitsStart;
          if (b === DOT2) {
            b = bytes[++p];
            const fractionStart = p;
            while (b >= 48 && b <= 57) {
              mantissa = mantissa * 10 + (b - 48);
              b = bytes[++p];
            }
            fractionDigits = p - fractionStart;
            digitCount += fractionDigits;
          }
          const builder = builders[slot];
          if ((b === COMMA || b === LF || b === CR) && digitCount > 0 && mantissa <= MAX_EXACT_INTEGER2 && fractionDigits <= 22 && builder.kind === "numeric") {
            const magnitude = fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN2[fractionDigits];
            builder.values[row] = negative ? -magnitude : magnitude;
          } else if ((b === COMMA || b === LF || b === CR) && digitCount > 0 && builder.kind === "numeric") {
            const magnitude = parsePlainDecimal(bytes, digitsStart, p, fractionDigits);
            builder.values[row] = negative ? -magnitude : magnitude;
          } else {
            while (b !== COMMA && b !== LF && b !== CR) b = bytes[++p];
            this.storeBytes(builder, row, bytes, fieldStart, p, line + breaks, column);
          }
        }
        column++;
        if (b === COMMA) {
          b = bytes[++p];
          continue;
        }
        p = skipLineBreak(bytes, p);
        break;
      }
      if (column !== columnCount) this.fieldCountError(bytes, recordStart, safeEnd, line);
      line += 1 + breaks;
      row++;
      this.rowsSeen++;
      if (row === batchRows) {
        this.row = row;
        this.line = line;
        this.emitBatch();
        row = 0;
        capacity = builders.length > 0 ? builders[0].capacity : Infinity;
      }
    }
    this.row = row;
    this.line = line;
    return p;
  }
  /**
   * Reads the quoted field starting at p (on its opening quote) into `quotedText` and returns the
   * index just after the closing quote, or −1 when the field runs past safeEnd (more data needed).
   */
  readQuoted(bytes, p, safeEnd, eof, line, column, where2) {
    const open2 = p;
    let breaks = 0;
    let escapes = false;
    p++;
    for (; ; ) {
      const next = bytes.indexOf(QUOTE, p);
      const stop = next < 0 || next >= safeEnd ? safeEnd : next;
      for (let i = p; i < stop; i++) {
        const c = bytes[i];
        if (c === LF) breaks++;
        else if (c === CR && bytes[i + 1] !== LF) breaks++;
      }
      if (stop === safeEnd) {
        if (!eof) return -1;
        throw new UserError(
          `${this.file}:${line}: the quoted field in column ${this.columnLabel(column, where2)} is never closed; add the closing quote (") or double any quote inside the field ("").`,
          { file: this.file, line, column: this.columnName(column) }
        );
      }
      p = next + 1;
      if (bytes[p] === QUOTE) {
        escapes = true;
        p++;
        continue;
      }
      const after = bytes[p];
      if (after !== COMMA && after !== LF && after !== CR) {
        throw new UserError(
          `${this.file}:${line + breaks}: unexpected text after the closing quote in column ${this.columnLabel(column, where2)}; a quote inside a quoted field must be doubled ("").`,
          { file: this.file, line: line + breaks, column: this.columnName(column) }
        );
      }
      let text = bytes.toString("utf8", open2 + 1, next);
      if (escapes) text = text.replaceAll('""', '"');
      this.quotedText = text;
      this.quotedBreaks = breaks;
      return p;
    }
  }
  /** The general path for an unquoted field: missing, any number form, or text. */
  storeBytes(builder, row, bytes, start, end, line, column) {
    if (builder.kind === "numeric") {
      const value = parseNumberBytes(bytes, start, end);
      if (value === value || isMissingBytes(bytes, start, end)) {
        builder.values[row] = value;
        return;
      }
      this.notANumber(builder, row, bytes.toString("utf8", start, end), line, column);
    }
    builder.codes[row] = builder.codeOfBytes(bytes, start, end);
  }
  /** The same for a quoted field's text. */
  storeText(builder, row, text, line, column) {
    if (builder.kind === "numeric") {
      const value = parseNumberText(text);
      if (value === value || isMissingText(text)) {
        builder.values[row] = value;
        return;
      }
      this.notANumber(builder, row, text, line, column);
    }
    builder.codes[row] = builder.codeOfText(text);
  }
  /** A non-number in a numeric column: an error when forced numeric, else the column turns categorical. */
  notANumber(builder, row, text, line, column) {
    if (builder.forced === "numeric") {
      throw new UserError(
        `${this.file}:${line}: column ${column + 1} ("${builder.name}") holds ${JSON.stringify(text)}, which is not a number, but its type is set to numeric; fix the value, leave it empty for a missing value, or set the column's type to categorical.`,
        { file: this.file, line, column: builder.name }
      );
    }
    builder.promote(row, line, text);
  }
  growColumns(row, bytesInChunk) {
    const batchRows = this.options.batchRows;
    let target = row * 2;
    const sizeHint = this.options.sizeHint;
    const consumed = this.bytesConsumed + bytesInChunk;
    if (sizeHint !== void 0 && consumed > 0 && row > 0) {
      const projected = Math.ceil(row * sizeHint / consumed * 1.05) + 1024;
      target = Math.max(projected, Math.ceil(row * 1.25));
    }
    target = Math.min(Math.max(target, INITIAL_CAPACITY), batchRows);
    for (const builder of this.builders) builder.grow(target, row);
    return target;
  }
  emitBatch() {
    const rowCount = this.row;
    const nextCapacity = this.options.batchRows === Infinity ? 0 : Math.min(this.options.batchRows, INITIAL_CAPACITY);
    const promotions = this.builders.flatMap((builder) => builder.promotion ? [builder.promotion] : []);
    const columns = this.builders.map((builder) => builder.finish(rowCount, nextCapacity, this.options.trim !== false));
    const lines = this.lines ? { lines: this.lines.slice(0, rowCount) } : {};
    this.options.onBatch({ columns, rowCount, firstLine: rowCount > 0 ? this.batchFirstLine : 0, promotions, ...lines });
    this.row = 0;
  }
  fieldCountError(bytes, recordStart, safeEnd, line) {
    const fields = countFields(bytes, recordStart, safeEnd);
    const expected = this.slots.length;
    throw new UserError(
      `${this.file}:${line}: this row has ${fields} field${fields === 1 ? "" : "s"} but the header has ${expected}; ${fields > expected ? "quote fields that contain commas" : "add the missing fields (leave them empty for missing values)"} so every row has ${expected}.`,
      { file: this.file, line }
    );
  }
  /**
   * The error for bytes[0, end): the start of one record (or the header) that reached `limit`
   * bytes without ending. Names its line and the field still going at the end.
   */
  recordTooLong(bytes, end, limit) {
    if (this.header === void 0) return recordTooLong(this.file, this.line, limit, "the header row");
    let p = 0;
    if (this.rowsSeen === 0 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) p = 3;
    let line = this.line;
    while (p < end && (bytes[p] === LF || bytes[p] === CR)) {
      p = skipLineBreak(bytes, p);
      line++;
    }
    const column = countFields(bytes, p, end);
    return recordTooLong(this.file, line, limit, `the field in column ${this.columnLabel(column, void 0)}`, this.columnName(column));
  }
  columnName(column) {
    return this.header?.[column - 1] ?? column;
  }
  columnLabel(column, where2) {
    const name = this.header?.[column - 1];
    return name === void 0 ? `${column}${where2 ? ` of the ${where2}` : ""}` : `${column} ("${name}")`;
  }
};
function skipLineBreak(bytes, p) {
  if (bytes[p] === CR && bytes[p + 1] === LF) return p + 2;
  return p + 1;
}
function countFields(bytes, p, end) {
  let fields = 1;
  let quoted = false;
  for (; p < end; p++) {
    const c = bytes[p];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === COMMA) fields++;
    else if (!quoted && (c === LF || c === CR)) break;
  }
  return fields;
}

// src/data/open-file.ts
import { open } from "node:fs/promises";
async function openDataFile(path) {
  let handle;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    return { handle, size: stat.size };
  } catch (error) {
    await handle?.close();
    throw unreadableFile(path, error);
  }
}
function unreadableFile(path, error) {
  const code = error?.code;
  const reason = code === "ENOENT" ? "no such file; check the path (it is relative to the current directory) or create the file" : code === "EACCES" || code === "EPERM" ? "permission denied; make the file readable" : code === "EISDIR" ? "it is a directory; name a data file (.csv, .jsonl, .ndjson or .parquet) instead" : `it cannot be read (${error?.message ?? String(error)})`;
  return new UserError(`${path}: ${reason}.`, { file: path });
}

// src/data/csv-reader.ts
var DEFAULT_CHUNK_BYTES = 1 << 20;
async function* csvBatches(path, options = {}) {
  const { handle, size } = await openDataFile(path);
  const batchRows = options.batchRows ?? Infinity;
  const ready = [];
  const parser = new CsvParser(path, {
    columns: options.columns,
    requireColumns: options.requireColumns,
    types: options.types,
    verbatim: options.verbatim,
    withLines: options.withLines,
    batchRows,
    sizeHint: batchRows === Infinity ? size : void 0,
    onBatch: (batch) => ready.push(batch)
  });
  try {
    for await (const batch of feedRange(handle, path, parser, ready, 0, size, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, options.maxRecordBytes)) {
      yield { ...batch, header: parser.header };
    }
  } finally {
    await handle.close();
  }
}
async function* feedRange(handle, path, parser, ready, start, end, chunkBytes, maxRecordBytes = MAX_RECORD_BYTES) {
  let buffer = Buffer.allocUnsafe(Math.max(4, Math.min(chunkBytes, end - start + 16)) + 1);
  let kept = 0;
  let position = start;
  for (; ; ) {
    const want = Math.min(buffer.length - 1 - kept, end - position);
    let read = 0;
    if (want > 0) {
      try {
        ({ bytesRead: read } = await handle.read(buffer, kept, want, position));
      } catch (error) {
        throw unreadableFile(path, error);
      }
      position += read;
    }
    const eof = read === 0;
    const dataEnd = kept + read;
    const consumed = parser.consume(buffer, dataEnd, eof);
    while (ready.length > 0) yield ready.shift();
    if (eof) break;
    kept = dataEnd - consumed;
    if (consumed > 0) {
      buffer.copy(buffer, 0, consumed, dataEnd);
    } else if (kept === buffer.length - 1) {
      if (kept >= maxRecordBytes) throw parser.recordTooLong(buffer, kept, maxRecordBytes);
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxRecordBytes + 1));
      buffer.copy(larger, 0, 0, kept);
      buffer = larger;
    }
  }
  parser.finish();
  while (ready.length > 0) yield ready.shift();
}

// src/data/csv-parallel.ts
var DEFAULT_POLICY = { minBytes: 32 * 1024 * 1024, respectLoad: true };
async function readCsvParallel(path, options, policy = DEFAULT_POLICY) {
  const cores = availableParallelism();
  if (cores < 2) return void 0;
  if (policy.respectLoad && loadavg()[0] > cores - 1) return void 0;
  const { handle, size } = await openDataFile(path);
  let worker;
  try {
    if (size < policy.minBytes || size < 2) return void 0;
    const split = await lineStartAfter(handle, Math.floor(size / 2), size);
    if (split === void 0) return void 0;
    const ready = [];
    const parser = new CsvParser(path, { ...options, batchRows: Infinity, sizeHint: size, trim: false, onBatch: (b) => ready.push(b) });
    const headerProbe = Buffer.allocUnsafe(Math.min(size, 1 << 16) + 1);
    const { bytesRead } = await handle.read(headerProbe, 0, headerProbe.length - 1, 0);
    const headerParser = new CsvParser(path, { ...options, batchRows: 1, onBatch: () => {
    } });
    try {
      headerParser.consume(headerProbe, bytesRead, bytesRead === size);
    } catch {
      return void 0;
    }
    const header = headerParser.header;
    if (header === void 0) return void 0;
    const task = { path, start: split, end: size, header, columns: options.columns, types: options.types, chunkBytes: DEFAULT_CHUNK_BYTES };
    const started = await startWorker(task);
    if (started === void 0) return void 0;
    worker = started.worker;
    let first;
    try {
      for await (const batch of feedRange(handle, path, parser, ready, 0, split, DEFAULT_CHUNK_BYTES)) first = batch;
    } catch {
      return void 0;
    }
    const second = await started.result;
    if (first === void 0 || second === void 0) return void 0;
    return merge(first, second.batch, parser.nextLine - 1);
  } finally {
    await worker?.terminate();
    await handle.close();
  }
}
async function lineStartAfter(handle, from, size) {
  const window = Buffer.allocUnsafe(1 << 16);
  for (let position = from; position < size; position += window.length) {
    const { bytesRead } = await handle.read(window, 0, window.length, position);
    const newline = window.subarray(0, bytesRead).indexOf(10);
    if (newline >= 0) return position + newline + 1 < size ? position + newline + 1 : void 0;
    if (bytesRead === 0) return void 0;
  }
  return void 0;
}
async function startWorker(task) {
  const code = await workerCode();
  if (code === void 0) return void 0;
  let worker;
  try {
    worker = new Worker(code, { eval: true, execArgv: [], workerData: task });
  } catch {
    return void 0;
  }
  const result = new Promise((resolve2) => {
    worker.once("message", (message) => {
      resolve2(message.batch ? { batch: message.batch, lines: message.lines ?? 0 } : void 0);
    });
    worker.once("error", () => resolve2(void 0));
    worker.once("exit", () => resolve2(void 0));
  });
  return { worker, result };
}
var compiledWorker;
function workerCode() {
  compiledWorker ??= (async () => {
    try {
      const bundler = "esbuild";
      const { build } = await import(bundler);
      const output = await build({
        entryPoints: [fileURLToPath(new URL("./csv-range-worker.ts", import.meta.url))],
        bundle: true,
        format: "cjs",
        platform: "node",
        target: "node20",
        write: false,
        logLevel: "silent"
      });
      return output.outputFiles[0].text;
    } catch {
      return void 0;
    }
  })();
  return compiledWorker;
}
function merge(first, second, linesBefore) {
  const rowCount = first.rowCount + second.rowCount;
  const promotions = [...first.promotions];
  for (const p of second.promotions) promotions.push({ ...p, line: p.line + linesBefore });
  const columns = first.columns.map((a, i) => {
    const b = second.columns[i];
    if (a.kind === "numeric" && b.kind === "numeric") return appendNumeric(a, b, rowCount);
    if (a.kind === "categorical" && b.kind === "categorical") return appendCategorical(a, b, rowCount);
    const numeric = a.kind === "numeric" ? a : b;
    const numbers = numeric.values.reduce((count, x) => x === x ? count + 1 : count, 0);
    if (numbers > 0) {
      promotions.push({ column: a.name, line: second.firstLine + linesBefore, value: "", numbersBefore: numbers });
    }
    const text = a.kind === "categorical" ? a : b;
    const codes = new Int32Array(rowCount).fill(-1);
    codes.set(text.codes, a.kind === "categorical" ? 0 : first.rowCount);
    return { kind: "categorical", name: a.name, codes, categories: text.categories };
  });
  return { columns, rowCount, firstLine: first.firstLine, promotions };
}
function appendNumeric(a, b, rowCount) {
  return { kind: "numeric", name: a.name, values: appendInto(a.values, b.values, rowCount, Float64Array) };
}
function appendCategorical(a, b, rowCount) {
  const categories = [...a.categories];
  const index = new Map(categories.map((c, i) => [c, i]));
  const remap = b.categories.map((c) => {
    let code = index.get(c);
    if (code === void 0) {
      code = categories.length;
      categories.push(c);
      index.set(c, code);
    }
    return code;
  });
  const codes = new Int32Array(b.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = b.codes[i] < 0 ? -1 : remap[b.codes[i]];
  return { kind: "categorical", name: a.name, codes: appendInto(a.codes, codes, rowCount, Int32Array), categories };
}
function appendInto(a, b, rowCount, Kind) {
  const room = (a.buffer.byteLength - a.byteOffset) / a.BYTES_PER_ELEMENT;
  const out = room >= rowCount ? new Kind(a.buffer, a.byteOffset, rowCount) : copyPrefix(a, rowCount, Kind);
  out.set(b, a.length);
  if (room > rowCount * 1.25) return out.slice();
  return out;
}
function copyPrefix(a, rowCount, Kind) {
  const out = new Kind(rowCount);
  out.set(a);
  return out;
}

// src/data/data-format.ts
import { extname } from "node:path";

// src/data/store-value.ts
function storeValue(builder, row, value, origin) {
  if (value === null || value === void 0) {
    if (builder.kind === "numeric") builder.values[row] = NaN;
    else builder.codes[row] = -1;
    return;
  }
  let number;
  let text;
  switch (typeof value) {
    case "number":
      number = value;
      break;
    case "bigint":
      number = Number(value);
      break;
    case "string":
      text = value;
      break;
    case "boolean":
      text = value ? "true" : "false";
      break;
    default:
      if (value instanceof Date) {
        number = value.getTime();
        break;
      }
      throw nestedValueError(builder.name, value, origin);
  }
  if (number !== void 0) {
    if (builder.kind === "numeric") builder.values[row] = number;
    else builder.codes[row] = number === number ? builder.code(String(number)) : -1;
    return;
  }
  if (builder.kind === "numeric") {
    if (builder.forced === "numeric") {
      const parsed = typeof value === "string" ? parseNumberText(text) : NaN;
      if (parsed === parsed || typeof value === "string" && isMissingText(text)) {
        builder.values[row] = parsed;
        return;
      }
      throw new UserError(
        `${where(origin)}: ${origin.unit === "line" ? "key" : "column"} "${builder.name}" holds ${JSON.stringify(value)}, which is not a number, but its type is set to numeric; fix the value, use null for a missing value, or set the column's type to categorical.`,
        { file: origin.file, line: origin.line, column: builder.name, key: builder.name }
      );
    }
    builder.promote(row, origin.line, text);
  }
  builder.codes[row] = builder.code(text);
}
function nestedValueError(name, value, origin) {
  const shape = Array.isArray(value) ? "an array" : "an object";
  return new UserError(
    origin.unit === "line" ? `${where(origin)}: key "${name}" holds ${shape}; modelkeeper reads flat records of numbers and strings: flatten it (for example "${name}.x": \u2026) or leave the key out.` : `${where(origin)}: column "${name}" holds ${shape} (a nested Parquet column); modelkeeper reads flat columns of numbers and strings: flatten the column when writing the file, or read only other columns.`,
    { file: origin.file, line: origin.line, column: name, key: name }
  );
}
function where(origin) {
  return origin.unit === "line" ? `${origin.file}:${origin.line}` : `${origin.file}: row ${origin.line}`;
}

// src/data/jsonl-reader.ts
async function* jsonlBatches(path, options = {}) {
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const { handle, size } = await openDataFile(path);
  const batchRows = options.batchRows ?? Infinity;
  const wanted = options.columns ? new Set(options.columns) : void 0;
  const builders = [];
  const byName = /* @__PURE__ */ new Map();
  const keysSeen = /* @__PURE__ */ new Set();
  let capacity = Math.min(batchRows, 4096);
  let row = 0;
  let rowsRead = 0;
  let firstLine = 0;
  let line = 0;
  let buffer = Buffer.allocUnsafe(Math.min(1 << 20, size + 16));
  let kept = 0;
  let atStart = true;
  let lines = options.withLines ? [] : void 0;
  const emit = () => {
    const promotions = builders.flatMap((b) => b.promotion ? [b.promotion] : []);
    const next = batchRows === Infinity ? 0 : Math.min(batchRows, 4096);
    const batch = { columns: builders.map((b) => b.finish(row, next)), rowCount: row, firstLine: row > 0 ? firstLine : 0, promotions, ...lines ? { lines } : {} };
    if (lines) lines = [];
    capacity = next;
    row = 0;
    return batch;
  };
  const addLine = (start, end) => {
    line++;
    if (atStart) {
      atStart = false;
      if (buffer[start] === 239 && buffer[start + 1] === 187 && buffer[start + 2] === 191) start += 3;
    }
    if (end > start && buffer[end - 1] === 13) end--;
    let first = start;
    while (first < end && (buffer[first] === 32 || buffer[first] === 9)) first++;
    if (first === end) return;
    const record = parseLine(buffer.toString("utf8", start, end), path, line);
    if (row === capacity) {
      capacity = Math.min(Math.max(capacity * 2, 4096), batchRows);
      for (const b of builders) b.grow(capacity, row);
    }
    if (row === 0) firstLine = line;
    if (lines) lines[row] = line;
    const origin = { file: path, line, unit: "line" };
    const stamp = rowsRead + 1;
    let written = 0;
    for (const key in record) {
      if (wanted && !wanted.has(key)) {
        keysSeen.add(key);
        continue;
      }
      let entry = byName.get(key);
      if (entry === void 0) {
        const builder = new ColumnBuilder(key, options.types?.[key], capacity);
        if (builder.kind === "numeric") builder.values.fill(NaN, 0, row);
        else builder.codes.fill(-1, 0, row);
        entry = { builder, stamp: 0 };
        byName.set(key, entry);
        builders.push(builder);
      }
      storeValue(entry.builder, row, record[key], origin);
      entry.stamp = stamp;
      written++;
    }
    if (written < builders.length) {
      for (const entry of byName.values()) {
        if (entry.stamp !== stamp) storeValue(entry.builder, row, null, origin);
      }
    }
    row++;
    rowsRead++;
  };
  try {
    for (; ; ) {
      let read;
      try {
        ({ bytesRead: read } = await handle.read(buffer, kept, buffer.length - kept, null));
      } catch (error) {
        throw unreadableFile(path, error);
      }
      const dataEnd = kept + read;
      let start = 0;
      for (; ; ) {
        const newline = buffer.indexOf(10, start);
        if (newline < 0 || newline >= dataEnd) break;
        addLine(start, newline);
        start = newline + 1;
        if (row === batchRows) yield emit();
      }
      if (read === 0) {
        if (start < dataEnd) addLine(start, dataEnd);
        break;
      }
      kept = dataEnd - start;
      if (start > 0) buffer.copy(buffer, 0, start, dataEnd);
      else if (kept === buffer.length) {
        if (kept >= maxRecordBytes) throw recordTooLong(path, line + 1, maxRecordBytes, "the line");
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxRecordBytes));
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
    }
    if (rowsRead === 0) {
      throw new UserError(`${path}: the file has no records; a JSON Lines file holds one JSON object per line, like {"amount": 12.5, "country": "DE"}.`, { file: path, line: 1 });
    }
    if (wanted && options.requireColumns !== false) {
      const missing = [...wanted].filter((name) => !byName.has(name));
      if (missing.length > 0) {
        throw new UserError(
          `${path}: no record has the key ${missing.map((m) => `"${m}"`).join(", ")} (keys: ${[.../* @__PURE__ */ new Set([...byName.keys(), ...keysSeen])].join(", ") || "none"}); fix the column name or the file.`,
          { file: path, key: missing[0] }
        );
      }
    }
    if (row > 0) yield emit();
  } finally {
    await handle.close();
  }
}
function parseLine(text, file, line) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const repaired = /NaN|Infinity/.test(text) ? withoutPythonLiterals(text) : void 0;
    try {
      if (repaired === void 0) throw error;
      value = JSON.parse(repaired);
    } catch {
      const message = error.message;
      const position = /position (\d+)/.exec(message);
      const column = position ? Number(position[1]) + 1 : void 0;
      throw new UserError(
        `${file}:${line}${column ? `:${column}` : ""}: invalid JSON (${message}); each line must be one complete JSON object, like {"amount": 12.5, "country": "DE"}.`,
        { file, line, column }
      );
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UserError(
      `${file}:${line}: the line holds ${Array.isArray(value) ? "an array" : JSON.stringify(value)}, not a JSON object; write each record as an object of column names to values, like {"amount": 12.5}.`,
      { file, line }
    );
  }
  return value;
}
function withoutPythonLiterals(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (text.startsWith("NaN", i)) {
      out += "null";
      i += 2;
    } else if (text.startsWith("-Infinity", i)) {
      out += "-1e999";
      i += 8;
    } else if (text.startsWith("Infinity", i)) {
      out += "1e999";
      i += 7;
    } else {
      out += c;
    }
  }
  return out;
}

// node_modules/hyparquet/src/node.js
import { createReadStream, promises as fs } from "fs";

// node_modules/hyparquet/src/constants.js
var ParquetTypes = [
  "BOOLEAN",
  "INT32",
  "INT64",
  "INT96",
  // deprecated
  "FLOAT",
  "DOUBLE",
  "BYTE_ARRAY",
  "FIXED_LEN_BYTE_ARRAY"
];
var Encodings = [
  "PLAIN",
  "GROUP_VAR_INT",
  // deprecated
  "PLAIN_DICTIONARY",
  "RLE",
  "BIT_PACKED",
  // deprecated
  "DELTA_BINARY_PACKED",
  "DELTA_LENGTH_BYTE_ARRAY",
  "DELTA_BYTE_ARRAY",
  "RLE_DICTIONARY",
  "BYTE_STREAM_SPLIT",
  "ALP"
];
var FieldRepetitionTypes = [
  "REQUIRED",
  "OPTIONAL",
  "REPEATED"
];
var ConvertedTypes = [
  "UTF8",
  "MAP",
  "MAP_KEY_VALUE",
  "LIST",
  "ENUM",
  "DECIMAL",
  "DATE",
  "TIME_MILLIS",
  "TIME_MICROS",
  "TIMESTAMP_MILLIS",
  "TIMESTAMP_MICROS",
  "UINT_8",
  "UINT_16",
  "UINT_32",
  "UINT_64",
  "INT_8",
  "INT_16",
  "INT_32",
  "INT_64",
  "JSON",
  "BSON",
  "INTERVAL"
];
var CompressionCodecs = [
  "UNCOMPRESSED",
  "SNAPPY",
  "GZIP",
  "LZO",
  "BROTLI",
  "LZ4",
  "ZSTD",
  "LZ4_RAW"
];
var PageTypes = [
  "DATA_PAGE",
  "INDEX_PAGE",
  "DICTIONARY_PAGE",
  "DATA_PAGE_V2"
];
var BoundaryOrders = [
  "UNORDERED",
  "ASCENDING",
  "DESCENDING"
];
var EdgeInterpolationAlgorithms = [
  "SPHERICAL",
  "VINCENTY",
  "THOMAS",
  "ANDOYER",
  "KARNEY"
];

// node_modules/hyparquet/src/wkb.js
function wkbToGeojson(reader) {
  const flags = getFlags(reader);
  if (flags.type === 1) {
    return { type: "Point", coordinates: readPosition(reader, flags) };
  } else if (flags.type === 2) {
    return { type: "LineString", coordinates: readLine(reader, flags) };
  } else if (flags.type === 3) {
    return { type: "Polygon", coordinates: readPolygon(reader, flags) };
  } else if (flags.type === 4) {
    const points = [];
    for (let i = 0; i < flags.count; i++) {
      points.push(readPosition(reader, getFlags(reader)));
    }
    return { type: "MultiPoint", coordinates: points };
  } else if (flags.type === 5) {
    const lines = [];
    for (let i = 0; i < flags.count; i++) {
      lines.push(readLine(reader, getFlags(reader)));
    }
    return { type: "MultiLineString", coordinates: lines };
  } else if (flags.type === 6) {
    const polygons = [];
    for (let i = 0; i < flags.count; i++) {
      polygons.push(readPolygon(reader, getFlags(reader)));
    }
    return { type: "MultiPolygon", coordinates: polygons };
  } else if (flags.type === 7) {
    const geometries = [];
    for (let i = 0; i < flags.count; i++) {
      geometries.push(wkbToGeojson(reader));
    }
    return { type: "GeometryCollection", geometries };
  } else {
    throw new Error(`Unsupported geometry type: ${flags.type}`);
  }
}
function getFlags(reader) {
  const { view } = reader;
  const littleEndian = view.getUint8(reader.offset++) === 1;
  const rawType = view.getUint32(reader.offset, littleEndian);
  reader.offset += 4;
  const type = rawType % 1e3;
  const flags = Math.floor(rawType / 1e3);
  let count = 0;
  if (type > 1 && type <= 7) {
    count = view.getUint32(reader.offset, littleEndian);
    reader.offset += 4;
  }
  let dim = 2;
  if (flags) dim++;
  if (flags === 3) dim++;
  return { littleEndian, type, dim, count };
}
function readPosition(reader, flags) {
  const points = [];
  for (let i = 0; i < flags.dim; i++) {
    const coord = reader.view.getFloat64(reader.offset, flags.littleEndian);
    reader.offset += 8;
    points.push(coord);
  }
  return points;
}
function readLine(reader, flags) {
  const points = [];
  for (let i = 0; i < flags.count; i++) {
    points.push(readPosition(reader, flags));
  }
  return points;
}
function readPolygon(reader, flags) {
  const { view } = reader;
  const rings = [];
  for (let r = 0; r < flags.count; r++) {
    const count = view.getUint32(reader.offset, flags.littleEndian);
    reader.offset += 4;
    rings.push(readLine(reader, { ...flags, count }));
  }
  return rings;
}

// node_modules/hyparquet/src/convert.js
var decoder = new TextDecoder();
var DEFAULT_PARSERS = {
  timestampFromMilliseconds(millis) {
    return new Date(Number(millis));
  },
  timestampFromMicroseconds(micros) {
    return new Date(Number(micros / 1000n));
  },
  timestampFromNanoseconds(nanos) {
    return new Date(Number(nanos / 1000000n));
  },
  dateFromDays(days) {
    return new Date(days * 864e5);
  },
  stringFromBytes(bytes) {
    return bytes && decoder.decode(bytes);
  },
  jsonFromBytes(bytes) {
    return bytes && JSON.parse(decoder.decode(bytes));
  },
  geometryFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  },
  geographyFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  },
  uuidFromBytes(bytes) {
    if (!bytes) return void 0;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20, 32);
  }
};
function convertWithDictionary(data, dictionary, encoding, columnDecoder) {
  if (dictionary && encoding.endsWith("_DICTIONARY")) {
    let output = data;
    if (data instanceof Uint8Array && !(dictionary instanceof Uint8Array)) {
      output = new dictionary.constructor(data.length);
    }
    for (let i = 0; i < data.length; i++) {
      output[i] = dictionary[data[i]];
    }
    return output;
  } else {
    return convert(data, columnDecoder);
  }
}
function convert(data, columnDecoder) {
  const { element, parsers, utf8 = true, schemaPath } = columnDecoder;
  const { type, converted_type: ctype, logical_type: ltype } = element;
  const nullable = element.repetition_type !== "REQUIRED";
  if (type === "BYTE_ARRAY" && element.name === "inline" && schemaPath?.at(-2)?.element.logical_type?.type === "FILE") {
    return data;
  }
  const isVariant = schemaPath?.some((s) => s.element.logical_type?.type === "VARIANT");
  if (isVariant && type === "BYTE_ARRAY" && ctype !== "UTF8" && ltype?.type !== "STRING") {
    return data;
  }
  if (ctype === "DECIMAL") {
    const scale = element.scale || 0;
    const factor = 10 ** scale;
    const arr = new Array(data.length);
    for (let i = 0; i < arr.length; i++) {
      if (data[i] instanceof Uint8Array) {
        arr[i] = scale > 308 ? parseDecimal(data[i]) * 10 ** -scale : parseDecimal(data[i]) / factor;
      } else {
        arr[i] = Number(data[i]) / factor;
      }
    }
    return arr;
  }
  if (!ctype && type === "INT96") {
    return Array.from(data).map((v) => parsers.timestampFromNanoseconds(parseInt96Nanos(v)));
  }
  if (ctype === "DATE") {
    return Array.from(data).map((v) => parsers.dateFromDays(v));
  }
  if (ctype === "TIMESTAMP_MILLIS") {
    return Array.from(data).map((v) => parsers.timestampFromMilliseconds(v));
  }
  if (ctype === "TIMESTAMP_MICROS") {
    return Array.from(data).map((v) => parsers.timestampFromMicroseconds(v));
  }
  if (ctype === "JSON") {
    return data.map((v) => parsers.jsonFromBytes(v));
  }
  if (ctype === "BSON") {
    throw new Error("parquet bson not supported");
  }
  if (ctype === "INTERVAL") {
    throw new Error("parquet interval not supported");
  }
  if (ltype?.type === "GEOMETRY") {
    return data.map((v) => parsers.geometryFromBytes(v));
  }
  if (ltype?.type === "GEOGRAPHY") {
    return data.map((v) => parsers.geographyFromBytes(v));
  }
  if (ltype?.type === "UUID") {
    return data.map((v) => parsers.uuidFromBytes(v));
  }
  if (ctype === "UTF8" || ltype?.type === "STRING" || utf8 && type === "BYTE_ARRAY") {
    return data.map((v) => parsers.stringFromBytes(v));
  }
  if (ctype === "UINT_64" || ltype?.type === "INTEGER" && ltype.bitWidth === 64 && !ltype.isSigned) {
    if (data instanceof BigInt64Array) return new BigUint64Array(data.buffer, data.byteOffset, data.length);
    const arr = nullable ? new Array(data.length) : new BigUint64Array(data.length);
    for (let i = 0; i < arr.length; i++) arr[i] = data[i];
    return arr;
  }
  if (ctype === "UINT_32" || ltype?.type === "INTEGER" && ltype.bitWidth === 32 && !ltype.isSigned) {
    if (data instanceof Int32Array) return new Uint32Array(data.buffer, data.byteOffset, data.length);
    const arr = nullable ? new Array(data.length) : new Uint32Array(data.length);
    for (let i = 0; i < arr.length; i++) {
      arr[i] = data[i] < 0 ? 4294967296 + data[i] : data[i];
    }
    return arr;
  }
  if (ltype?.type === "FLOAT16") {
    return Array.from(data).map(parseFloat16);
  }
  if (ltype?.type === "TIMESTAMP") {
    const { unit } = ltype;
    let parser = parsers.timestampFromMilliseconds;
    if (unit === "MICROS") parser = parsers.timestampFromMicroseconds;
    if (unit === "NANOS") parser = parsers.timestampFromNanoseconds;
    const arr = new Array(data.length);
    for (let i = 0; i < arr.length; i++) {
      arr[i] = parser(data[i]);
    }
    return arr;
  }
  return data;
}
function parseDecimal(bytes) {
  if (!bytes.length) return 0;
  let value = 0n;
  for (const byte of bytes) {
    value = value * 256n + BigInt(byte);
  }
  const bits = bytes.length * 8;
  if (value >= 2n ** BigInt(bits - 1)) {
    value -= 2n ** BigInt(bits);
  }
  return Number(value);
}
function parseInt96Nanos(value) {
  const days = (value >> 64n) - 2440588n;
  const nano = value & 0xffffffffffffffffn;
  return days * 86400000000000n + nano;
}
function parseFloat16(bytes) {
  if (!bytes) return void 0;
  const int16 = bytes[1] << 8 | bytes[0];
  const sign = int16 >> 15 ? -1 : 1;
  const exp = int16 >> 10 & 31;
  const frac = int16 & 1023;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

// node_modules/hyparquet/src/schema.js
function schemaTree(schema, rootIndex, path) {
  const element = schema[rootIndex];
  const children = [];
  let count = 1;
  if (element.num_children) {
    while (children.length < element.num_children) {
      const childElement = schema[rootIndex + count];
      const child = schemaTree(schema, rootIndex + count, [...path, childElement.name]);
      count += child.count;
      children.push(child);
    }
  }
  return { count, element, children, path };
}
function getSchemaPath(schema, name) {
  return getTreePath(schemaTree(schema, 0, []), name);
}
function getTreePath(tree, name) {
  const path = [tree];
  for (const part of name) {
    const child = tree.children.find((child2) => child2.element.name === part);
    if (!child) throw new Error(`parquet schema element not found: ${name}`);
    path.push(child);
    tree = child;
  }
  return path;
}
function getPhysicalColumns(schemaTree2) {
  const columns = [];
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) {
        traverse(child);
      }
    } else {
      columns.push(node.path.join("."));
    }
  }
  traverse(schemaTree2);
  return columns;
}
function getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0;
  for (const { element } of schemaPath) {
    if (element.repetition_type === "REPEATED") {
      maxLevel++;
    }
  }
  return maxLevel;
}
function getMaxDefinitionLevel(schemaPath) {
  let maxLevel = 0;
  for (const { element } of schemaPath.slice(1)) {
    if (element.repetition_type !== "REQUIRED") {
      maxLevel++;
    }
  }
  return maxLevel;
}
function isListLike(schema) {
  if (!schema) return false;
  if (schema.element.converted_type !== "LIST") return false;
  if (schema.children.length > 1) return false;
  const firstChild = schema.children[0];
  if (firstChild.children.length > 1) return false;
  if (firstChild.element.repetition_type !== "REPEATED") return false;
  return true;
}
function isMapLike(schema) {
  if (!schema) return false;
  if (schema.element.converted_type !== "MAP") return false;
  if (schema.children.length > 1) return false;
  const firstChild = schema.children[0];
  if (firstChild.children.length !== 2) return false;
  if (firstChild.element.repetition_type !== "REPEATED") return false;
  const keyChild = firstChild.children.find((child) => child.element.name === "key");
  if (keyChild?.element.repetition_type === "REPEATED") return false;
  const valueChild = firstChild.children.find((child) => child.element.name === "value");
  if (valueChild?.element.repetition_type === "REPEATED") return false;
  return true;
}
function isFlatColumn(schemaPath) {
  if (schemaPath.length !== 2) return false;
  const [, column] = schemaPath;
  if (column.element.repetition_type === "REPEATED") return false;
  if (column.children.length) return false;
  return true;
}

// node_modules/hyparquet/src/thrift.js
var STOP = 0;
var TRUE = 1;
var FALSE = 2;
var BYTE = 3;
var I16 = 4;
var I32 = 5;
var I64 = 6;
var DOUBLE = 7;
var BINARY = 8;
var LIST = 9;
var STRUCT = 12;
function deserializeTCompactProtocol(reader) {
  const value = {};
  let fid = 0;
  while (true) {
    if (reader.offset >= reader.view.byteLength) throw new Error("thrift struct ended without STOP");
    const byte = reader.view.getUint8(reader.offset++);
    const type = byte & 15;
    if (type === STOP) break;
    const delta = byte >> 4;
    fid = delta ? fid + delta : readZigZag(reader);
    value[`field_${fid}`] = readElement(reader, type);
  }
  return value;
}
function readElement(reader, type) {
  switch (type) {
    case TRUE:
      return true;
    case FALSE:
      return false;
    case BYTE:
      return reader.view.getInt8(reader.offset++);
    case I16:
    case I32:
      return readZigZag(reader);
    case I64:
      return readZigZagBigInt(reader);
    case DOUBLE: {
      const value = reader.view.getFloat64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case BINARY: {
      const stringLength = readVarInt(reader);
      if (reader.offset + stringLength > reader.view.byteLength) {
        throw new Error(`thrift binary length ${stringLength} exceeds remaining ${reader.view.byteLength - reader.offset} bytes`);
      }
      const strBytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, stringLength);
      reader.offset += stringLength;
      return strBytes;
    }
    case LIST: {
      const byte = reader.view.getUint8(reader.offset++);
      const elemType = byte & 15;
      let listSize = byte >> 4;
      if (listSize === 15) {
        listSize = readVarInt(reader);
      }
      const boolType = elemType === TRUE || elemType === FALSE;
      const values = new Array(listSize);
      for (let i = 0; i < listSize; i++) {
        values[i] = boolType ? readElement(reader, BYTE) === 1 : readElement(reader, elemType);
      }
      return values;
    }
    case STRUCT:
      return deserializeTCompactProtocol(reader);
    default:
      throw new Error(`thrift unhandled type: ${type}`);
  }
}
function readVarInt(reader) {
  let result = 0;
  let shift = 0;
  while (true) {
    const byte = reader.view.getUint8(reader.offset++);
    result |= (byte & 127) << shift;
    if (!(byte & 128)) {
      return result;
    }
    shift += 7;
  }
}
function readVarBigInt(reader) {
  let result = 0n;
  let shift = 0n;
  while (true) {
    const byte = reader.view.getUint8(reader.offset++);
    result |= BigInt(byte & 127) << shift;
    if (!(byte & 128)) {
      return result;
    }
    shift += 7n;
  }
}
function readZigZag(reader) {
  const zigzag = readVarInt(reader);
  return zigzag >>> 1 ^ -(zigzag & 1);
}
function readZigZagBigInt(reader) {
  const zigzag = readVarBigInt(reader);
  return zigzag >> 1n ^ -(zigzag & 1n);
}

// node_modules/hyparquet/src/geoparquet.js
function markGeoColumns(schema, key_value_metadata) {
  const columns = /* @__PURE__ */ new Map();
  const geo = key_value_metadata?.find(({ key }) => key === "geo")?.value;
  const decodedColumns = (geo && JSON.parse(geo)?.columns) ?? {};
  for (const [name, column] of Object.entries(decodedColumns)) {
    if (column.encoding !== "WKB") continue;
    const type = column.edges === "spherical" ? "GEOGRAPHY" : "GEOMETRY";
    const id = column.crs?.id ?? column.crs?.ids?.[0];
    const crs = id ? `${id.authority}:${id.code.toString()}` : void 0;
    columns.set(name, { type, crs });
  }
  for (let i = 1; i < schema.length; i++) {
    const { logical_type, name, num_children, type } = schema[i];
    if (num_children) {
      i += num_children;
      continue;
    }
    if (type === "BYTE_ARRAY" && !logical_type) {
      schema[i].logical_type = columns.get(name);
    }
  }
}

// node_modules/hyparquet/src/metadata.js
var defaultInitialFetchSize = 1 << 19;
var decoder2 = new TextDecoder();
function decode(value) {
  return value && decoder2.decode(value);
}
async function parquetMetadataAsync(asyncBuffer, { parsers, initialFetchSize = defaultInitialFetchSize, geoparquet = true } = {}) {
  if (!asyncBuffer || !(asyncBuffer.byteLength >= 0)) throw new Error("parquet expected AsyncBuffer");
  const footerOffset = Math.max(0, asyncBuffer.byteLength - initialFetchSize);
  const footerBuffer = await asyncBuffer.slice(footerOffset, asyncBuffer.byteLength);
  const footerView = new DataView(footerBuffer);
  if (footerView.getUint32(footerBuffer.byteLength - 4, true) !== 827474256) {
    throw new Error("parquet file invalid (footer != PAR1)");
  }
  const metadataLength = footerView.getUint32(footerBuffer.byteLength - 8, true);
  if (metadataLength > asyncBuffer.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${asyncBuffer.byteLength - 8}`);
  }
  if (metadataLength + 8 > initialFetchSize) {
    const metadataOffset = asyncBuffer.byteLength - metadataLength - 8;
    const metadataBuffer = await asyncBuffer.slice(metadataOffset, footerOffset);
    const combinedBuffer = new ArrayBuffer(metadataLength + 8);
    const combinedView = new Uint8Array(combinedBuffer);
    combinedView.set(new Uint8Array(metadataBuffer));
    combinedView.set(new Uint8Array(footerBuffer), footerOffset - metadataOffset);
    return parquetMetadata(combinedBuffer, { parsers, geoparquet });
  } else {
    return parquetMetadata(footerBuffer, { parsers, geoparquet });
  }
}
function parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view;
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer);
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength);
  } else {
    throw new Error("parquet expected ArrayBuffer or Uint8Array");
  }
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  if (view.byteLength < 8) {
    throw new Error("parquet file is too short");
  }
  if (view.getUint32(view.byteLength - 4, true) !== 827474256) {
    throw new Error("parquet file invalid (footer != PAR1)");
  }
  const metadataLengthOffset = view.byteLength - 8;
  const metadataLength = view.getUint32(metadataLengthOffset, true);
  if (metadataLength > view.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`);
  }
  const metadataOffset = metadataLengthOffset - metadataLength;
  const reader = { view, offset: metadataOffset };
  const metadata = deserializeTCompactProtocol(reader);
  const version = metadata.field_1;
  const schema = metadata.field_2.map((field) => ({
    type: ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: FieldRepetitionTypes[field.field_3],
    name: decode(field.field_4),
    num_children: field.field_5,
    converted_type: ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: logicalType(field.field_10)
  }));
  const columnSchema = schema.filter((e) => e.type);
  const num_rows = metadata.field_3;
  const row_groups = metadata.field_4.map((rowGroup) => ({
    columns: rowGroup.field_1.map((column, columnIndex) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((e) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((kv) => ({
          key: decode(kv.field_1),
          value: decode(kv.field_2)
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((encodingStat) => ({
          page_type: PageTypes[encodingStat.field_1],
          encoding: Encodings[encodingStat.field_2],
          count: encodingStat.field_3
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8
          },
          geospatial_types: column.field_3.field_17.field_2
        }
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7
  }));
  const key_value_metadata = metadata.field_5?.map((kv) => ({
    key: decode(kv.field_1),
    value: decode(kv.field_2)
  }));
  const created_by = decode(metadata.field_6);
  if (geoparquet) {
    markGeoColumns(schema, key_value_metadata);
  }
  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength
  };
}
function parquetSchema({ schema }) {
  return getSchemaPath(schema, [])[0];
}
function logicalType(logicalType2) {
  if (logicalType2?.field_1) return { type: "STRING" };
  if (logicalType2?.field_2) return { type: "MAP" };
  if (logicalType2?.field_3) return { type: "LIST" };
  if (logicalType2?.field_4) return { type: "ENUM" };
  if (logicalType2?.field_5) return {
    type: "DECIMAL",
    scale: logicalType2.field_5.field_1,
    precision: logicalType2.field_5.field_2
  };
  if (logicalType2?.field_6) return { type: "DATE" };
  if (logicalType2?.field_7) return {
    type: "TIME",
    isAdjustedToUTC: logicalType2.field_7.field_1,
    unit: timeUnit(logicalType2.field_7.field_2)
  };
  if (logicalType2?.field_8) return {
    type: "TIMESTAMP",
    isAdjustedToUTC: logicalType2.field_8.field_1,
    unit: timeUnit(logicalType2.field_8.field_2)
  };
  if (logicalType2?.field_10) return {
    type: "INTEGER",
    bitWidth: logicalType2.field_10.field_1,
    isSigned: logicalType2.field_10.field_2
  };
  if (logicalType2?.field_11) return { type: "NULL" };
  if (logicalType2?.field_12) return { type: "JSON" };
  if (logicalType2?.field_13) return { type: "BSON" };
  if (logicalType2?.field_14) return { type: "UUID" };
  if (logicalType2?.field_15) return { type: "FLOAT16" };
  if (logicalType2?.field_16) return {
    type: "VARIANT",
    specification_version: logicalType2.field_16.field_1
  };
  if (logicalType2?.field_17) return {
    type: "GEOMETRY",
    crs: decode(logicalType2.field_17.field_1)
  };
  if (logicalType2?.field_18) return {
    type: "GEOGRAPHY",
    crs: decode(logicalType2.field_18.field_1),
    algorithm: EdgeInterpolationAlgorithms[logicalType2.field_18.field_2]
  };
  if (logicalType2?.field_19) return { type: "FILE" };
  return logicalType2;
}
function timeUnit(unit) {
  if (unit.field_1) return "MILLIS";
  if (unit.field_2) return "MICROS";
  if (unit.field_3) return "NANOS";
  throw new Error("parquet time unit required");
}
function convertStats(stats, schema, parsers) {
  return stats && {
    max: convertMetadata(stats.field_1, schema, parsers),
    min: convertMetadata(stats.field_2, schema, parsers),
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: convertMetadata(stats.field_5, schema, parsers),
    min_value: convertMetadata(stats.field_6, schema, parsers),
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8
  };
}
function convertMetadata(value, schema, parsers) {
  const { type, converted_type, logical_type } = schema;
  if (value === void 0) return value;
  if (type === "BOOLEAN") return value[0] === 1;
  if (type === "BYTE_ARRAY") return parsers.stringFromBytes(value);
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  if (type === "FLOAT" && view.byteLength === 4) return view.getFloat32(0, true);
  if (type === "DOUBLE" && view.byteLength === 8) return view.getFloat64(0, true);
  if (type === "INT32" && converted_type === "DECIMAL" && view.byteLength === 4) {
    return view.getInt32(0, true) / 10 ** (schema.scale || 0);
  }
  if (type === "INT64" && converted_type === "DECIMAL" && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) / 10 ** (schema.scale || 0);
  }
  if (type === "INT32" && converted_type === "DATE") return parsers.dateFromDays(view.getInt32(0, true));
  if (type === "INT64" && converted_type === "TIMESTAMP_MILLIS") return parsers.timestampFromMilliseconds(view.getBigInt64(0, true));
  if (type === "INT64" && converted_type === "TIMESTAMP_MICROS") return parsers.timestampFromMicroseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP" && logical_type?.unit === "NANOS") return parsers.timestampFromNanoseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP" && logical_type?.unit === "MICROS") return parsers.timestampFromMicroseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP") return parsers.timestampFromMilliseconds(view.getBigInt64(0, true));
  const unsigned = converted_type?.startsWith("UINT_") || logical_type?.type === "INTEGER" && !logical_type.isSigned;
  if (type === "INT32" && unsigned && view.byteLength === 4) return view.getUint32(0, true);
  if (type === "INT64" && unsigned && view.byteLength === 8) return view.getBigUint64(0, true);
  if (type === "INT32" && view.byteLength === 4) return view.getInt32(0, true);
  if (type === "INT64" && view.byteLength === 8) return view.getBigInt64(0, true);
  if (converted_type === "DECIMAL") {
    const scale = schema.scale || 0;
    return scale > 308 ? parseDecimal(value) * 10 ** -scale : parseDecimal(value) / 10 ** scale;
  }
  if (logical_type?.type === "FLOAT16") return parseFloat16(value);
  if (logical_type?.type === "UUID") return parsers.uuidFromBytes(value);
  if (type === "FIXED_LEN_BYTE_ARRAY") return value;
  return value;
}

// node_modules/hyparquet/src/indexes.js
function readColumnIndex(reader, schema, parsers = void 0) {
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  const thrift = deserializeTCompactProtocol(reader);
  return {
    null_pages: thrift.field_1,
    min_values: thrift.field_2.map((m) => convertMetadata(m, schema, allParsers)),
    max_values: thrift.field_3.map((m) => convertMetadata(m, schema, allParsers)),
    boundary_order: BoundaryOrders[thrift.field_4],
    null_counts: thrift.field_5,
    repetition_level_histograms: thrift.field_6,
    definition_level_histograms: thrift.field_7
  };
}
function readOffsetIndex(reader) {
  const thrift = deserializeTCompactProtocol(reader);
  return {
    // @ts-ignore
    page_locations: thrift.field_1.map((loc) => ({
      offset: loc.field_1,
      compressed_page_size: loc.field_2,
      first_row_index: loc.field_3
    })),
    unencoded_byte_array_data_bytes: thrift.field_2
  };
}

// node_modules/hyparquet/src/xxhash.js
var MASK = 0xffffffffffffffffn;
var PRIME1 = 0x9e3779b185ebca87n;
var PRIME2 = 0xc2b2ae3d27d4eb4fn;
var PRIME3 = 0x165667b19e3779f9n;
var PRIME4 = 0x85ebca77c2b2ae63n;
var PRIME5 = 0x27d4eb2f165667c5n;
function rotl64(x, r) {
  return (x << r | x >> 64n - r) & MASK;
}
function round(acc, val) {
  acc = acc + val * PRIME2 & MASK;
  acc = rotl64(acc, 31n);
  return acc * PRIME1 & MASK;
}
function mergeRound(acc, val) {
  acc ^= round(0n, val);
  return acc * PRIME1 + PRIME4 & MASK;
}
function xxhash64(input, seed = 0n) {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const len = input.byteLength;
  let offset = 0;
  let h64;
  if (len >= 32) {
    let v1 = seed + PRIME1 + PRIME2 & MASK;
    let v2 = seed + PRIME2 & MASK;
    let v3 = seed;
    let v4 = seed - PRIME1 & MASK;
    while (offset + 32 <= len) {
      v1 = round(v1, view.getBigUint64(offset, true));
      offset += 8;
      v2 = round(v2, view.getBigUint64(offset, true));
      offset += 8;
      v3 = round(v3, view.getBigUint64(offset, true));
      offset += 8;
      v4 = round(v4, view.getBigUint64(offset, true));
      offset += 8;
    }
    h64 = rotl64(v1, 1n) + rotl64(v2, 7n) + rotl64(v3, 12n) + rotl64(v4, 18n) & MASK;
    h64 = mergeRound(h64, v1);
    h64 = mergeRound(h64, v2);
    h64 = mergeRound(h64, v3);
    h64 = mergeRound(h64, v4);
  } else {
    h64 = seed + PRIME5 & MASK;
  }
  h64 = h64 + BigInt(len) & MASK;
  while (offset + 8 <= len) {
    h64 ^= round(0n, view.getBigUint64(offset, true));
    h64 = rotl64(h64, 27n) * PRIME1 + PRIME4 & MASK;
    offset += 8;
  }
  if (offset + 4 <= len) {
    h64 ^= BigInt(view.getUint32(offset, true)) * PRIME1 & MASK;
    h64 = rotl64(h64, 23n) * PRIME2 + PRIME3 & MASK;
    offset += 4;
  }
  while (offset < len) {
    h64 ^= BigInt(view.getUint8(offset)) * PRIME5 & MASK;
    h64 = rotl64(h64, 11n) * PRIME1 & MASK;
    offset += 1;
  }
  h64 ^= h64 >> 33n;
  h64 = h64 * PRIME2 & MASK;
  h64 ^= h64 >> 29n;
  h64 = h64 * PRIME3 & MASK;
  h64 ^= h64 >> 32n;
  return h64;
}

// node_modules/hyparquet/src/bloom.js
var textEncoder2 = new TextEncoder();
var SALT = new Uint32Array([
  1203114875,
  1150766481,
  2284105051,
  2729912477,
  1884591559,
  770785867,
  2667333959,
  1550580529
]);
function blockIndex(hash, numBlocks) {
  return Number((hash >> 32n) * BigInt(numBlocks) >> 32n);
}
function blockMask(hash) {
  const m = new Uint32Array(8);
  const low = Number(hash & 0xffffffffn) | 0;
  for (let i = 0; i < 8; i++) {
    m[i] = 1 << (Math.imul(low, SALT[i]) >>> 27);
  }
  return m;
}
function sbbfContains(blocks, hash) {
  const offset = blockIndex(hash, blocks.length >> 3) << 3;
  const m = blockMask(hash);
  for (let i = 0; i < 8; i++) {
    if ((blocks[offset + i] & m[i]) === 0) return false;
  }
  return true;
}
function readBloomFilter(reader) {
  const header = deserializeTCompactProtocol(reader);
  const numBytes = header.field_1;
  if (typeof numBytes !== "number" || numBytes <= 0 || numBytes % 32 !== 0) return void 0;
  if (!header.field_2?.field_1) return void 0;
  if (!header.field_3?.field_1) return void 0;
  if (!header.field_4?.field_1) return void 0;
  const { view, offset } = reader;
  if (offset + numBytes > view.byteLength) {
    throw new Error(`parquet bloom filter truncated: need ${numBytes} bytes, have ${view.byteLength - offset}`);
  }
  const blocks = new Uint32Array(numBytes >> 2);
  for (let i = 0; i < blocks.length; i++) {
    blocks[i] = view.getUint32(offset + i * 4, true);
  }
  reader.offset = offset + numBytes;
  return { numBytes, blocks };
}
function hashParquetValue(value, element) {
  if (value === null || value === void 0) return void 0;
  const { type, converted_type, logical_type } = element;
  if (type === "BOOLEAN") {
    if (typeof value !== "boolean") return void 0;
    return xxhash64(new Uint8Array([value ? 1 : 0]));
  }
  if (type === "FLOAT") {
    if (typeof value !== "number") return void 0;
    const buf = new ArrayBuffer(4);
    new DataView(buf).setFloat32(0, value, true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "DOUBLE") {
    if (typeof value !== "number") return void 0;
    const buf = new ArrayBuffer(8);
    new DataView(buf).setFloat64(0, value, true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "INT32") {
    if (converted_type === "DATE" || converted_type === "DECIMAL" || converted_type === "TIME_MILLIS") return void 0;
    if (logical_type?.type === "DATE" || logical_type?.type === "TIME" || logical_type?.type === "DECIMAL") return void 0;
    if (typeof value !== "number" || !Number.isInteger(value)) return void 0;
    const buf = new ArrayBuffer(4);
    new DataView(buf).setInt32(0, value | 0, true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "INT64") {
    if (converted_type === "TIMESTAMP_MILLIS" || converted_type === "TIMESTAMP_MICROS") return void 0;
    if (converted_type === "TIME_MICROS" || converted_type === "DECIMAL") return void 0;
    if (logical_type?.type === "TIMESTAMP" || logical_type?.type === "TIME" || logical_type?.type === "DECIMAL") return void 0;
    let bigValue;
    if (typeof value === "bigint") bigValue = value;
    else if (typeof value === "number" && Number.isSafeInteger(value)) bigValue = BigInt(value);
    else return void 0;
    const buf = new ArrayBuffer(8);
    new DataView(buf).setBigUint64(0, BigInt.asUintN(64, bigValue), true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "BYTE_ARRAY") {
    if (converted_type === "JSON" || converted_type === "BSON" || converted_type === "DECIMAL") return void 0;
    if (logical_type?.type === "JSON" || logical_type?.type === "BSON" || logical_type?.type === "VARIANT") return void 0;
    if (logical_type?.type === "GEOMETRY" || logical_type?.type === "GEOGRAPHY") return void 0;
    if (typeof value === "string") return xxhash64(textEncoder2.encode(value));
    if (value instanceof Uint8Array) return xxhash64(value);
    return void 0;
  }
  if (type === "FIXED_LEN_BYTE_ARRAY") {
    if (converted_type === "DECIMAL" || converted_type === "INTERVAL") return void 0;
    if (logical_type?.type === "DECIMAL" || logical_type?.type === "UUID" || logical_type?.type === "FLOAT16") return void 0;
    if (logical_type?.type === "GEOMETRY" || logical_type?.type === "GEOGRAPHY") return void 0;
    if (value instanceof Uint8Array) return xxhash64(value);
    return void 0;
  }
  return void 0;
}
function bloomEligibleColumns(filter) {
  const out = /* @__PURE__ */ new Set();
  walkBloomEligible(filter, out);
  return out;
}
function walkBloomEligible(filter, out) {
  if (!filter) return;
  if ("$and" in filter && Array.isArray(filter.$and)) {
    for (const sub of filter.$and) walkBloomEligible(sub, out);
    return;
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    for (const sub of filter.$or) walkBloomEligible(sub, out);
    return;
  }
  if ("$nor" in filter) return;
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith("$")) continue;
    if (typeof condition === "object" && condition !== null && !Array.isArray(condition)) {
      if ("$eq" in condition || "$in" in condition) out.add(field);
    } else {
      out.add(field);
    }
  }
}

// node_modules/hyparquet/src/utils.js
function concat(aaa, bbb) {
  const chunk = 1e4;
  for (let i = 0; i < bbb.length; i += chunk) {
    aaa.push(...bbb.slice(i, i + chunk));
  }
}
function equals(a, b, strict = true) {
  if (strict ? a === b : a == b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return false;
    }
    return true;
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!equals(a[i], b[i], strict)) return false;
    }
    return true;
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const k of aKeys) {
    if (!equals(a[k], b[k], strict)) return false;
  }
  return true;
}
function flatten(chunks) {
  if (!chunks) return [];
  if (chunks.length === 1) return chunks[0];
  const output = [];
  for (const chunk of chunks) {
    concat(output, chunk);
  }
  return output;
}

// node_modules/hyparquet/src/filter.js
var encoder = new TextEncoder();
function pathsNeededForFilter(filter) {
  if (!filter) return [];
  const paths = [];
  if ("$and" in filter && Array.isArray(filter.$and)) {
    paths.push(...filter.$and.flatMap(pathsNeededForFilter));
  } else if ("$or" in filter && Array.isArray(filter.$or)) {
    paths.push(...filter.$or.flatMap(pathsNeededForFilter));
  } else if ("$nor" in filter && Array.isArray(filter.$nor)) {
    paths.push(...filter.$nor.flatMap(pathsNeededForFilter));
  } else {
    paths.push(...Object.keys(filter));
  }
  return [...new Set(paths)];
}
function columnsNeededForFilter(filter) {
  return [...new Set(pathsNeededForFilter(filter).map((path) => path.split(".")[0]))];
}
function matchFilter(record, filter, strict = true) {
  if ("$and" in filter && Array.isArray(filter.$and)) {
    return filter.$and.every((subQuery) => matchFilter(record, subQuery, strict));
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    return filter.$or.some((subQuery) => matchFilter(record, subQuery, strict));
  }
  if ("$nor" in filter && Array.isArray(filter.$nor)) {
    return !filter.$nor.some((subQuery) => matchFilter(record, subQuery, strict));
  }
  return Object.entries(filter).every(([field, condition]) => {
    const value = resolve(record, field);
    if (typeof condition !== "object" || condition === null || Array.isArray(condition)) {
      return equals(value, condition, strict);
    }
    return Object.entries(condition || {}).every(([operator, target]) => {
      if (operator === "$gt") return value !== null && value !== void 0 && value > target;
      if (operator === "$gte") return value !== null && value !== void 0 && value >= target;
      if (operator === "$lt") return value !== null && value !== void 0 && value < target;
      if (operator === "$lte") return value !== null && value !== void 0 && value <= target;
      if (operator === "$eq") return equals(value, target, strict);
      if (operator === "$ne") return !equals(value, target, strict);
      if (operator === "$in") return Array.isArray(target) && matchesIn(value, target, strict);
      if (operator === "$nin") return Array.isArray(target) && !matchesIn(value, target, strict);
      if (operator === "$not") return !matchFilter({ value }, { value: target }, strict);
      return true;
    });
  });
}
function matchesIn(value, targets, strict) {
  return targets.some((target) => equals(value, target, strict) || Array.isArray(value) && value.some((element) => equals(element, target, strict)));
}
function canSkipRowGroup({ rowGroup, physicalColumns, filter, strict = true, bloomFilters, schemaElements }) {
  if (!filter) return false;
  if ("$and" in filter && Array.isArray(filter.$and)) {
    return filter.$and.some((subFilter) => canSkipRowGroup({ rowGroup, physicalColumns, filter: subFilter, strict, bloomFilters, schemaElements }));
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    return filter.$or.every((subFilter) => canSkipRowGroup({ rowGroup, physicalColumns, filter: subFilter, strict, bloomFilters, schemaElements }));
  }
  if ("$nor" in filter && Array.isArray(filter.$nor)) {
    return false;
  }
  for (const [field, condition] of Object.entries(filter)) {
    const columnIndex = physicalColumns.indexOf(field);
    if (columnIndex === -1) continue;
    const stats = rowGroup.columns[columnIndex].meta_data?.statistics;
    const { min, max, min_value, max_value, null_count: nullCount } = stats || {};
    const minVal = min_value !== void 0 ? min_value : min;
    const maxVal = max_value !== void 0 ? max_value : max;
    const haveStats = minVal !== void 0 && maxVal !== void 0;
    const bloom = bloomFilters?.[field];
    const element = schemaElements?.[field];
    const matchingNulls = matchFilter({ value: null }, { value: condition }, strict) && (nullCount === void 0 || nullCount > 0);
    if (haveStats && !matchingNulls && canSkipStats(condition, minVal, maxVal, strict, element)) {
      return true;
    }
    for (const [operator, target] of Object.entries(condition || {})) {
      if (bloom && element) {
        if (operator === "$eq") {
          const hash = hashParquetValue(target, element);
          if (hash !== void 0 && !sbbfContains(bloom.blocks, hash)) return true;
        }
        if (operator === "$in" && Array.isArray(target) && target.length > 0) {
          let allAbsent = true;
          for (const v of target) {
            const h = hashParquetValue(v, element);
            if (h === void 0 || sbbfContains(bloom.blocks, h)) {
              allAbsent = false;
              break;
            }
          }
          if (allAbsent) return true;
        }
      }
    }
  }
  return false;
}
function canSkipStats(condition, minVal, maxVal, strict, element) {
  if (minVal === void 0 || maxVal === void 0) return false;
  const mayContainNaN = element?.type === "FLOAT" || element?.type === "DOUBLE" || element?.logical_type?.type === "FLOAT16";
  for (const [operator, target] of Object.entries(condition || {})) {
    const minComparison = compareParquetValues(minVal, target, strict, element);
    const maxComparison = compareParquetValues(maxVal, target, strict, element);
    const binaryBounds = minVal instanceof Uint8Array || maxVal instanceof Uint8Array;
    const relationalBoundsAreSafe = !binaryBounds && (element?.type !== "BYTE_ARRAY" || typeof target === "string" && [...target].every((character) => character.charCodeAt(0) <= 127));
    if (operator === "$gt" && relationalBoundsAreSafe && maxComparison !== void 0 && maxComparison <= 0) return true;
    if (operator === "$gte" && relationalBoundsAreSafe && maxComparison !== void 0 && maxComparison < 0) return true;
    if (operator === "$lt" && relationalBoundsAreSafe && minComparison !== void 0 && minComparison >= 0) return true;
    if (operator === "$lte" && relationalBoundsAreSafe && minComparison !== void 0 && minComparison > 0) return true;
    if (operator === "$eq") {
      const targetMinComparison = compareParquetValues(target, minVal, strict, element);
      const targetMaxComparison = compareParquetValues(target, maxVal, strict, element);
      if (targetMinComparison !== void 0 && targetMinComparison < 0 || targetMaxComparison !== void 0 && targetMaxComparison > 0) return true;
    }
    if (operator === "$ne" && !mayContainNaN && equals(minVal, maxVal, strict) && equals(minVal, target, strict)) return true;
    if (operator === "$in" && Array.isArray(target) && target.every((value) => {
      const valueMinComparison = compareParquetValues(value, minVal, strict, element);
      const valueMaxComparison = compareParquetValues(value, maxVal, strict, element);
      return valueMinComparison !== void 0 && valueMinComparison < 0 || valueMaxComparison !== void 0 && valueMaxComparison > 0;
    })) return true;
    if (operator === "$nin" && !mayContainNaN && Array.isArray(target) && equals(minVal, maxVal, strict) && target.some((value) => equals(minVal, value, strict))) return true;
  }
  return false;
}
function compareParquetValues(a, b, strict, element) {
  if (element?.type === "BYTE_ARRAY") {
    if (typeof a !== "string" || typeof b !== "string") return void 0;
    return compareBytes(encoder.encode(a), encoder.encode(b));
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return void 0;
    return compareBytes(a, b);
  }
  if (a < b) return -1;
  if (a > b) return 1;
  if (equals(a, b, strict)) return 0;
  return void 0;
}
function compareBytes(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  if (a.length < b.length) return -1;
  if (a.length > b.length) return 1;
  return 0;
}
function matchesNull(condition, strict) {
  return matchFilter({ value: null }, { value: condition }, strict);
}
function filterPageRanges(filter, columnPages, groupRows, strict = true) {
  if (!filter) return void 0;
  if ("$and" in filter && Array.isArray(filter.$and)) {
    let ranges;
    for (const subFilter of filter.$and) {
      ranges = intersectRanges(ranges, filterPageRanges(subFilter, columnPages, groupRows, strict));
    }
    return ranges;
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    let ranges = [];
    for (const subFilter of filter.$or) {
      const subRanges = filterPageRanges(subFilter, columnPages, groupRows, strict);
      if (!subRanges) return void 0;
      ranges = unionRanges(ranges, subRanges);
    }
    return ranges;
  }
  if ("$nor" in filter && Array.isArray(filter.$nor)) {
    return void 0;
  }
  let result;
  for (const [field, condition] of Object.entries(filter)) {
    const pages = columnPages[field];
    if (!pages) continue;
    const nullCanMatch = matchesNull(condition, strict);
    const keep = [];
    for (let i = 0; i < pages.pageStarts.length; i++) {
      const start = pages.pageStarts[i];
      const end = i + 1 < pages.pageStarts.length ? pages.pageStarts[i + 1] : groupRows;
      const nullCount = pages.nullCounts?.[i];
      const matchingNulls = nullCanMatch && (nullCount === void 0 || nullCount > 0);
      const skip = !pages.nullPages[i] && !matchingNulls && canSkipStats(condition, pages.minValues[i], pages.maxValues[i], strict, pages.element);
      if (!skip) {
        const last = keep[keep.length - 1];
        if (last && last[1] === start) last[1] = end;
        else keep.push([start, end]);
      }
    }
    result = intersectRanges(result, keep);
  }
  return result;
}
function intersectRanges(a, b) {
  if (!a) return b;
  if (!b) return a;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (start < end) out.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}
function unionRanges(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || i < a.length && a[i][0] <= b[j][0] ? a[i++] : b[j++];
    const last = out[out.length - 1];
    if (last && next[0] <= last[1]) last[1] = Math.max(last[1], next[1]);
    else out.push([next[0], next[1]]);
  }
  return out;
}
function resolve(record, path) {
  let value = record;
  for (const part of path.split(".")) {
    value = value?.[part];
  }
  return value;
}

// node_modules/hyparquet/src/plan.js
var runLimit = 1 << 21;
var columnGapLimit = 1 << 13;
function parquetPlanGroups({ metadata, rowStart = 0, rowEnd = Infinity, columns, filter, filterStrict = true, bloomFiltersByGroup, schemaElements, pageRangesByGroup, pageLocationsByGroup }) {
  if (!metadata) throw new Error("parquetPlan requires metadata");
  const schemaTree2 = parquetSchema(metadata);
  const physicalColumns = getPhysicalColumns(schemaTree2);
  const elementsByPath = filter ? {
    ...physicalSchemaElements(schemaTree2),
    ...schemaElements
  } : schemaElements;
  const groups = [];
  let groupStart = 0;
  for (let groupIndex = 0; groupIndex < metadata.row_groups.length; groupIndex++) {
    const rowGroup = metadata.row_groups[groupIndex];
    const groupRows = Number(rowGroup.num_rows);
    const groupEnd = groupStart + groupRows;
    if (groupRows > 0 && groupEnd > rowStart && groupStart < rowEnd && !canSkipRowGroup({
      rowGroup,
      physicalColumns,
      filter,
      strict: filterStrict,
      bloomFilters: bloomFiltersByGroup?.[groupIndex],
      schemaElements: elementsByPath
    })) {
      const selectStart = Math.max(rowStart - groupStart, 0);
      const selectEnd = Math.min(rowEnd - groupStart, groupRows);
      const pageRanges = pageRangesByGroup?.[groupIndex];
      const pageLocations = pageLocationsByGroup?.[groupIndex];
      let ranges = pageRanges ? pageRanges.map(([start, end]) => {
        const range = [Math.max(start, selectStart), Math.min(end, selectEnd)];
        return range;
      }).filter(([start, end]) => start < end) : [[selectStart, selectEnd]];
      if (ranges.length > 1) {
        const canSplit = rowGroup.columns.every((chunk) => {
          const columnName = chunk.meta_data?.path_in_schema[0];
          const columnPath = chunk.meta_data?.path_in_schema.join(".");
          if (columns && columnName && !columns.includes(columnName)) return true;
          return !!(chunk.offset_index_offset && chunk.offset_index_length) || !!(columnPath && pageLocations?.[columnPath]);
        });
        ranges = canSplit ? coalesceOverlappingPageRanges(ranges, rowGroup, columns, pageLocations) : [[ranges[0][0], ranges[ranges.length - 1][1]]];
      }
      if (ranges.length) {
        groups.push({ rowGroup, groupIndex, groupStart, groupRows, ranges, pageRanges, pageLocations });
      }
    }
    groupStart = groupEnd;
  }
  return { groups, rowEnd: isFinite(rowEnd) ? rowEnd : groupStart };
}
function parquetPlanGroup({ rowGroup, groupStart, groupRows, ranges, columns, useOffsetIndex = false, pageRanges, pageLocations }) {
  const chunks = [];
  const fetches = [];
  const indexes = [];
  const narrowed = ranges.length > 1 || ranges[0][0] > 0 || ranges[0][1] < groupRows;
  for (const chunk of rowGroup.columns) {
    const meta = chunk.meta_data;
    if (chunk.file_path) throw new Error("parquet file_path not supported");
    if (!meta) throw new Error("parquet column metadata is undefined");
    if (columns && !columns.includes(meta.path_in_schema[0])) continue;
    const columnOffset = meta.dictionary_page_offset || meta.data_page_offset;
    const startByte = Number(columnOffset);
    const endByte = Number(columnOffset + meta.total_compressed_size);
    const chunkPageLocations = pageLocations?.[meta.path_in_schema.join(".")];
    if (chunkPageLocations && narrowed) {
      chunks.push({ columnMetadata: meta, pageLocations: chunkPageLocations, range: { startByte, endByte } });
    } else if ((useOffsetIndex || pageRanges) && chunk.offset_index_offset && chunk.offset_index_length && narrowed) {
      const startByte2 = Number(chunk.offset_index_offset);
      chunks.push({
        columnMetadata: meta,
        offsetIndex: { startByte: startByte2, endByte: startByte2 + chunk.offset_index_length },
        range: { startByte: Number(columnOffset), endByte }
      });
    } else {
      chunks.push({ columnMetadata: meta, range: { startByte, endByte } });
    }
  }
  const columnRanges = [];
  let run;
  for (const chunk of chunks) {
    if ("pageLocations" in chunk) continue;
    if ("offsetIndex" in chunk) {
      indexes.push(chunk.offsetIndex);
    } else if (columns) {
      columnRanges.push(chunk.range);
    } else if (run && chunk.range.endByte - run.startByte <= runLimit) {
      run.endByte = chunk.range.endByte;
    } else {
      if (run) fetches.push(run);
      run = { ...chunk.range };
    }
  }
  if (run) fetches.push(run);
  fetches.push(...coalesceByteRanges(columnRanges, columnGapLimit, runLimit));
  const groups = ranges.map(([selectStart, selectEnd]) => ({
    chunks,
    rowGroup,
    groupStart,
    groupRows,
    selectStart,
    selectEnd
  }));
  return { groups, fetches, indexes };
}
function coalesceOverlappingPageRanges(ranges, rowGroup, columns, pageLocations) {
  const selectedPageLayouts = rowGroup.columns.filter((chunk) => !columns || columns.includes(chunk.meta_data?.path_in_schema[0] || "")).map((chunk) => pageLocations?.[chunk.meta_data?.path_in_schema.join(".") || ""]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    const overlapsPage = last && selectedPageLayouts.some((pages) => {
      if (!pages) return true;
      const lastPages = pagesForRange(last, pages, Number(rowGroup.num_rows));
      const rangePages = pagesForRange(range, pages, Number(rowGroup.num_rows));
      return lastPages[0] <= rangePages[1] && rangePages[0] <= lastPages[1];
    });
    if (last && overlapsPage) last[1] = range[1];
    else merged.push([...range]);
  }
  return merged;
}
function pagesForRange([rangeStart, rangeEnd], pages, groupRows) {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < pages.length; i++) {
    const pageStart = Number(pages[i].first_row_index);
    const pageEnd = i + 1 < pages.length ? Number(pages[i + 1].first_row_index) : groupRows;
    if (pageEnd > rangeStart && pageStart < rangeEnd) {
      first = Math.min(first, i);
      last = i;
    }
  }
  return [first, last];
}
async function prefetchBloomFilters({ file, metadata, filter, filterStrict = true }) {
  const result = metadata.row_groups.map(() => (
    /** @type {Record<string, BloomFilter>} */
    {}
  ));
  const eligibleCols = bloomEligibleColumns(filter);
  if (eligibleCols.size === 0) return result;
  const physicalColumns = getPhysicalColumns(parquetSchema(metadata));
  const tasks = [];
  metadata.row_groups.forEach((rowGroup, rgIdx) => {
    if (canSkipRowGroup({ rowGroup, physicalColumns, filter, strict: filterStrict })) return;
    for (const colName of eligibleCols) {
      const columnIdx = physicalColumns.indexOf(colName);
      if (columnIdx === -1) continue;
      const meta = rowGroup.columns[columnIdx]?.meta_data;
      if (!meta?.bloom_filter_offset || !meta.bloom_filter_length) continue;
      const start = Number(meta.bloom_filter_offset);
      const end = start + meta.bloom_filter_length;
      tasks.push((async () => {
        const buffer = await file.slice(start, end);
        const bloom = readBloomFilter({ view: new DataView(buffer), offset: 0 });
        if (bloom) result[rgIdx][colName] = bloom;
      })());
    }
  });
  if (tasks.length) await Promise.all(tasks);
  return result;
}
async function prefetchPageIndexes({ file, metadata, filter, filterStrict = true, rowStart = 0, rowEnd = Infinity, columns, bloomFiltersByGroup, schemaElements, parsers }) {
  const pageRangesByGroup = metadata.row_groups.map(() => void 0);
  const pageLocationsByGroup = metadata.row_groups.map(() => (
    /** @type {Record<string, PageLocation[]>} */
    {}
  ));
  if (filter && "$nor" in filter && Array.isArray(filter.$nor)) {
    return { pageRangesByGroup, pageLocationsByGroup };
  }
  const filterColumns = pathsNeededForFilter(filter);
  if (!filterColumns.length) return { pageRangesByGroup, pageLocationsByGroup };
  const schemaTree2 = parquetSchema(metadata);
  const physicalColumns = getPhysicalColumns(schemaTree2);
  const elementsByPath = {
    ...physicalSchemaElements(schemaTree2),
    ...schemaElements
  };
  const indexRanges = [];
  const indexTasks = [];
  const candidateGroups = [];
  let groupStart = 0;
  metadata.row_groups.forEach((rowGroup, rgIdx) => {
    const groupRows = Number(rowGroup.num_rows);
    const groupEnd = groupStart + groupRows;
    const overlaps = groupRows > 0 && groupEnd > rowStart && groupStart < rowEnd;
    groupStart = groupEnd;
    if (!overlaps) return;
    if (canSkipRowGroup({ rowGroup, physicalColumns, filter, strict: filterStrict, bloomFilters: bloomFiltersByGroup?.[rgIdx], schemaElements: elementsByPath })) return;
    const columnPages = {};
    let columnTaskCount = 0;
    const scheduledOffsetPaths = /* @__PURE__ */ new Set();
    let hasFilterIndex = false;
    for (const columnName of filterColumns) {
      const columnIdx = physicalColumns.indexOf(columnName);
      if (columnIdx === -1) continue;
      const chunk = rowGroup.columns[columnIdx];
      const meta = chunk?.meta_data;
      if (!meta) continue;
      if (!chunk.column_index_offset || !chunk.column_index_length) continue;
      if (!chunk.offset_index_offset || !chunk.offset_index_length) continue;
      const element = elementsByPath[columnName];
      if (!element) continue;
      hasFilterIndex = true;
      scheduledOffsetPaths.add(columnName);
      const columnIndexStart = Number(chunk.column_index_offset);
      const offsetIndexStart = Number(chunk.offset_index_offset);
      const columnIndexEnd = columnIndexStart + chunk.column_index_length;
      const offsetIndexEnd = offsetIndexStart + chunk.offset_index_length;
      indexRanges.push(
        { startByte: columnIndexStart, endByte: columnIndexEnd },
        { startByte: offsetIndexStart, endByte: offsetIndexEnd }
      );
      columnTaskCount++;
      indexTasks.push(async (prefetchedFile) => {
        const [columnIndexBuffer, offsetIndexBuffer] = await Promise.all([
          prefetchedFile.slice(columnIndexStart, columnIndexEnd),
          prefetchedFile.slice(offsetIndexStart, offsetIndexEnd)
        ]);
        const columnIndex = readColumnIndex({ view: new DataView(columnIndexBuffer), offset: 0 }, element, parsers);
        const offsetIndex = readOffsetIndex({ view: new DataView(offsetIndexBuffer), offset: 0 });
        pageLocationsByGroup[rgIdx][columnName] = offsetIndex.page_locations;
        columnPages[columnName] = {
          minValues: columnIndex.min_values,
          maxValues: columnIndex.max_values,
          nullPages: columnIndex.null_pages,
          nullCounts: columnIndex.null_counts,
          pageStarts: offsetIndex.page_locations.map((page) => Number(page.first_row_index)),
          element
        };
      });
    }
    if (hasFilterIndex) {
      for (const chunk of rowGroup.columns) {
        const meta = chunk.meta_data;
        if (!meta) continue;
        const columnName = meta.path_in_schema[0];
        const columnPath = meta.path_in_schema.join(".");
        if (columns && !columns.includes(columnName)) continue;
        if (scheduledOffsetPaths.has(columnPath)) continue;
        if (!chunk.offset_index_offset || !chunk.offset_index_length) continue;
        scheduledOffsetPaths.add(columnPath);
        const offsetIndexStart = Number(chunk.offset_index_offset);
        const offsetIndexEnd = offsetIndexStart + chunk.offset_index_length;
        indexRanges.push({ startByte: offsetIndexStart, endByte: offsetIndexEnd });
        columnTaskCount++;
        indexTasks.push(async (prefetchedFile) => {
          const offsetIndexBuffer = await prefetchedFile.slice(offsetIndexStart, offsetIndexEnd);
          const offsetIndex = readOffsetIndex({ view: new DataView(offsetIndexBuffer), offset: 0 });
          pageLocationsByGroup[rgIdx][columnPath] = offsetIndex.page_locations;
        });
      }
    }
    if (columnTaskCount) {
      candidateGroups.push({ rgIdx, groupRows, columnPages });
    }
  });
  if (indexTasks.length) {
    const prefetchedFile = prefetchAsyncBuffer(file, { fetches: coalesceByteRanges(indexRanges) });
    await Promise.all(indexTasks.map((task) => task(prefetchedFile)));
    for (const { rgIdx, groupRows, columnPages } of candidateGroups) {
      pageRangesByGroup[rgIdx] = filterPageRanges(filter, columnPages, groupRows, filterStrict);
    }
  }
  return { pageRangesByGroup, pageLocationsByGroup };
}
function coalesceByteRanges(ranges, maxGap = 0, maxSize = Infinity) {
  const sorted = ranges.map((range) => ({ ...range })).sort((a, b) => a.startByte - b.startByte || a.endByte - b.endByte);
  const merged = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.startByte <= last.endByte + maxGap && Math.max(last.endByte, range.endByte) - last.startByte <= maxSize) {
      last.endByte = Math.max(last.endByte, range.endByte);
    } else {
      merged.push(range);
    }
  }
  return merged;
}
function physicalSchemaElements(schemaTree2) {
  const elements = {};
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) traverse(child);
    } else {
      elements[node.path.join(".")] = node.element;
    }
  }
  traverse(schemaTree2);
  return elements;
}
function prefetchAsyncBuffer(file, { fetches }) {
  const promises = fetches.map(({ startByte, endByte }) => file.slice(startByte, endByte));
  return {
    byteLength: file.byteLength,
    slice(start, end = file.byteLength) {
      const index = fetches.findIndex(({ startByte, endByte }) => startByte <= start && end <= endByte);
      if (index < 0) {
        return file.slice(start, end);
      }
      if (fetches[index].startByte !== start || fetches[index].endByte !== end) {
        const startOffset = start - fetches[index].startByte;
        const endOffset = end - fetches[index].startByte;
        if (promises[index] instanceof Promise) {
          return promises[index].then((buffer) => buffer.slice(startOffset, endOffset));
        } else {
          return promises[index].slice(startOffset, endOffset);
        }
      } else {
        return promises[index];
      }
    }
  };
}

// node_modules/hyparquet/src/variant.js
var decoder3 = new TextDecoder();
var metadataCache = /* @__PURE__ */ new WeakMap();
function decodeVariantColumn(value, parsers = DEFAULT_PARSERS) {
  if (Array.isArray(value)) {
    return value.map((entry) => decodeVariantColumn(entry, parsers));
  }
  if (typeof value !== "object") return value;
  if ("metadata" in value) {
    const metadata = parseVariantMetadata(value.metadata);
    const shreddedFields = value.typed_value && decodeTypedValue(value.typed_value, metadata, parsers);
    const binaryValue = value.value && readVariant(makeReader(value.value), metadata, parsers);
    if (shreddedFields && binaryValue) {
      return { ...binaryValue, ...shreddedFields };
    }
    return shreddedFields ?? binaryValue;
  }
  return value;
}
function decodeTypedValue(typedValue, metadata, parsers) {
  if (typedValue instanceof Date) return typedValue;
  if (typedValue && typeof typedValue === "object" && !Array.isArray(typedValue) && !(typedValue instanceof Uint8Array)) {
    if ("typed_value" in typedValue && typedValue.typed_value !== null && typedValue.typed_value !== void 0) {
      return decodeTypedValue(typedValue.typed_value, metadata, parsers);
    }
    if ("value" in typedValue && typedValue.value instanceof Uint8Array) {
      return readVariant(makeReader(typedValue.value), metadata, parsers);
    }
    if ("typed_value" in typedValue || "value" in typedValue) {
      return null;
    }
    const result = {};
    for (const [key, field] of Object.entries(typedValue)) {
      if (!metadata.dictionary.includes(key)) continue;
      result[key] = decodeTypedValue(field, metadata, parsers);
    }
    return result;
  }
  if (typedValue instanceof Uint8Array) {
    return readVariant(makeReader(typedValue), metadata, parsers);
  }
  if (Array.isArray(typedValue)) {
    return typedValue.map((element) => decodeTypedValue(element, metadata, parsers));
  }
  return typedValue;
}
function makeReader(bytes) {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
}
function parseVariantMetadata(bytes) {
  let bufferCache = metadataCache.get(bytes.buffer);
  if (!bufferCache) {
    bufferCache = /* @__PURE__ */ new Map();
    metadataCache.set(bytes.buffer, bufferCache);
  }
  const key = `${bytes.byteOffset}:${bytes.byteLength}`;
  const cached = bufferCache.get(key);
  if (cached) return cached;
  const reader = makeReader(bytes);
  const header = reader.view.getUint8(reader.offset++);
  const version = header & 15;
  if (version !== 1) throw new Error(`parquet unsupported variant metadata version: ${version}`);
  const sorted = (header >> 4 & 1) === 1;
  const offsetSize = (header >> 6 & 3) + 1;
  const dictionarySize = readUnsigned(reader, offsetSize);
  const offsets = new Array(dictionarySize + 1);
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetSize);
  }
  const base = reader.offset;
  const dictionary = new Array(dictionarySize);
  for (let i = 0; i < dictionarySize; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    const strBytes = new Uint8Array(bytes.buffer, bytes.byteOffset + base + start, end - start);
    dictionary[i] = decoder3.decode(strBytes);
  }
  const metadata = { dictionary, sorted };
  bufferCache.set(key, metadata);
  return metadata;
}
function readUnsigned(reader, byteWidth2) {
  let value = 0;
  for (let i = 0; i < byteWidth2; i++) {
    value |= reader.view.getUint8(reader.offset + i) << i * 8;
  }
  reader.offset += byteWidth2;
  return value;
}
function readVariant(reader, metadata, parsers) {
  const typeByte = reader.view.getUint8(reader.offset++);
  const basicType = typeByte & 3;
  const header = typeByte >> 2;
  if (basicType === 0) return readVariantPrimitive(reader, header, parsers);
  if (basicType === 2) return readVariantObject(reader, header, metadata, parsers);
  if (basicType === 3) return readVariantArray(reader, header, metadata, parsers);
  const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, header);
  reader.offset += header;
  return decoder3.decode(bytes);
}
function readVariantPrimitive(reader, typeId, parsers) {
  switch (typeId) {
    case 0:
      return null;
    case 1:
      return true;
    case 2:
      return false;
    case 3: {
      const value = reader.view.getInt8(reader.offset);
      reader.offset += 1;
      return value;
    }
    case 4: {
      const value = reader.view.getInt16(reader.offset, true);
      reader.offset += 2;
      return value;
    }
    case 5: {
      const value = reader.view.getInt32(reader.offset, true);
      reader.offset += 4;
      return value;
    }
    case 6: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case 7: {
      const value = reader.view.getFloat64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case 8:
      return readVariantDecimal(reader, 4);
    case 9:
      return readVariantDecimal(reader, 8);
    case 10:
      return readVariantDecimal(reader, 16);
    case 11: {
      const value = reader.view.getInt32(reader.offset, true);
      reader.offset += 4;
      return parsers.dateFromDays(value);
    }
    case 12:
    // timestamp_micros (utc)
    case 13: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return parsers.timestampFromMicroseconds(value);
    }
    case 14: {
      const value = reader.view.getFloat32(reader.offset, true);
      reader.offset += 4;
      return value;
    }
    case 15:
      return readVariantBinary(reader);
    case 16: {
      const bytes = readVariantBinary(reader);
      return decoder3.decode(bytes);
    }
    case 17: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case 18:
    // timestamp_nanos (utc)
    case 19: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return parsers.timestampFromNanoseconds(value);
    }
    case 20: {
      const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, 16);
      reader.offset += 16;
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    default:
      throw new Error(`parquet unsupported variant primitive type: ${typeId}`);
  }
}
function readVariantObject(reader, header, metadata, parsers) {
  const offsetWidth = (header & 3) + 1;
  const idWidth = (header >> 2 & 3) + 1;
  const isLarge = header >> 4 & 1;
  const numElements = isLarge ? readUnsigned(reader, 4) : reader.view.getUint8(reader.offset++);
  const fieldIds = new Array(numElements);
  for (let i = 0; i < numElements; i++) {
    fieldIds[i] = readUnsigned(reader, idWidth);
  }
  const offsets = new Array(numElements + 1);
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetWidth);
  }
  const out = {};
  for (let i = 0; i < numElements; i++) {
    const key = metadata.dictionary[fieldIds[i]];
    const valueReader = {
      view: reader.view,
      offset: reader.offset + offsets[i]
    };
    out[key] = readVariant(valueReader, metadata, parsers);
  }
  reader.offset += offsets[offsets.length - 1];
  return out;
}
function readVariantArray(reader, header, metadata, parsers) {
  const fieldOffsetSize = header & 3;
  const isLarge = header >> 2 & 1;
  const offsetWidth = fieldOffsetSize + 1;
  const numElements = readUnsigned(reader, isLarge ? 4 : 1);
  const offsets = new Array(numElements + 1);
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetWidth);
  }
  const valuesStart = reader.offset;
  const result = new Array(numElements);
  for (let i = 0; i < numElements; i++) {
    const valueReader = {
      view: reader.view,
      offset: valuesStart + offsets[i]
    };
    result[i] = readVariant(valueReader, metadata, parsers);
  }
  reader.offset = valuesStart + offsets[offsets.length - 1];
  return result;
}
function readVariantDecimal(reader, width) {
  const scale = reader.view.getUint8(reader.offset);
  reader.offset += 1;
  let unscaled;
  if (width === 4) {
    unscaled = BigInt(reader.view.getInt32(reader.offset, true));
    reader.offset += 4;
  } else if (width === 8) {
    unscaled = reader.view.getBigInt64(reader.offset, true);
    reader.offset += 8;
  } else {
    const low = reader.view.getBigUint64(reader.offset, true);
    const high = reader.view.getBigInt64(reader.offset + 8, true);
    unscaled = high << 64n | low;
    reader.offset += 16;
  }
  return Number(unscaled) / 10 ** scale;
}
function readVariantBinary(reader) {
  const length = reader.view.getUint32(reader.offset, true);
  reader.offset += 4;
  const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length);
  reader.offset += length;
  return bytes;
}

// node_modules/hyparquet/src/assemble.js
function assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath);
  if (!definitionLevels?.length && !repetitionLevels.length) {
    if (!maxDefinitionLevel || !values.length) return values;
    definitionLevels = new Array(values.length).fill(maxDefinitionLevel);
  }
  const n = definitionLevels?.length || repetitionLevels.length;
  const repetitionPath = schemaPath.map(({ element }) => element.repetition_type);
  let valueIndex = 0;
  const containerStack = [output];
  let currentContainer = output;
  let currentDepth = 0;
  let currentDefLevel = 0;
  let currentRepLevel = 0;
  if (repetitionLevels[0]) {
    while (currentDepth < repetitionPath.length - 2 && currentRepLevel < repetitionLevels[0]) {
      currentDepth++;
      if (repetitionPath[currentDepth] !== "REQUIRED") {
        currentContainer = currentContainer.at(-1);
        containerStack.push(currentContainer);
        currentDefLevel++;
      }
      if (repetitionPath[currentDepth] === "REPEATED") currentRepLevel++;
    }
  }
  for (let i = 0; i < n; i++) {
    const def = definitionLevels?.length ? definitionLevels[i] : maxDefinitionLevel;
    const rep = repetitionLevels[i];
    while (currentDepth && (rep < currentRepLevel || repetitionPath[currentDepth] !== "REPEATED")) {
      if (repetitionPath[currentDepth] !== "REQUIRED") {
        containerStack.pop();
        currentDefLevel--;
      }
      if (repetitionPath[currentDepth] === "REPEATED") currentRepLevel--;
      currentDepth--;
    }
    currentContainer = containerStack.at(-1);
    while ((currentDepth < repetitionPath.length - 2 || repetitionPath[currentDepth + 1] === "REPEATED") && (currentDefLevel < def || repetitionPath[currentDepth + 1] === "REQUIRED")) {
      currentDepth++;
      if (repetitionPath[currentDepth] !== "REQUIRED") {
        const newList = [];
        currentContainer.push(newList);
        currentContainer = newList;
        containerStack.push(newList);
        currentDefLevel++;
      }
      if (repetitionPath[currentDepth] === "REPEATED") currentRepLevel++;
    }
    if (def === maxDefinitionLevel) {
      currentContainer.push(values[valueIndex++]);
    } else if (currentDepth === repetitionPath.length - 2) {
      currentContainer.push(repetitionPath[currentDepth + 1] === "REPEATED" ? [] : null);
    } else {
      currentContainer.push([]);
    }
  }
  if (!output.length) {
    for (let i = 0; i < maxDefinitionLevel; i++) {
      const newList = [];
      currentContainer.push(newList);
      currentContainer = newList;
    }
  }
  return output;
}
function assembleNested(subcolumnData, schema, parsers, depth = 0) {
  const path = schema.path.join(".");
  const optional = schema.element.repetition_type === "OPTIONAL";
  const nextDepth = optional ? depth + 1 : depth;
  if (isListLike(schema)) {
    let sublist = schema.children[0];
    let subDepth = nextDepth;
    if (sublist.children.length === 1) {
      sublist = sublist.children[0];
      subDepth++;
    }
    assembleNested(subcolumnData, sublist, parsers, subDepth);
    const subcolumn = sublist.path.join(".");
    const values = subcolumnData.get(subcolumn);
    if (!values) throw new Error("parquet list column missing values");
    if (optional) flattenAtDepth(values, depth);
    subcolumnData.set(path, values);
    subcolumnData.delete(subcolumn);
    return;
  }
  if (isMapLike(schema)) {
    const mapName = schema.children[0].element.name;
    assembleNested(subcolumnData, schema.children[0].children[0], parsers, nextDepth + 1);
    assembleNested(subcolumnData, schema.children[0].children[1], parsers, nextDepth + 1);
    const keys = subcolumnData.get(`${path}.${mapName}.key`);
    const values = subcolumnData.get(`${path}.${mapName}.value`);
    if (!keys) throw new Error("parquet map column missing keys");
    if (!values) throw new Error("parquet map column missing values");
    if (keys.length !== values.length) {
      throw new Error("parquet map column key/value length mismatch");
    }
    const out = assembleMaps(keys, values, nextDepth);
    if (optional) flattenAtDepth(out, depth);
    subcolumnData.delete(`${path}.${mapName}.key`);
    subcolumnData.delete(`${path}.${mapName}.value`);
    subcolumnData.set(path, out);
    return;
  }
  if (schema.children.length) {
    const invertDepth = schema.element.repetition_type === "REQUIRED" ? depth : depth + 1;
    const struct = {};
    for (const child of schema.children) {
      assembleNested(subcolumnData, child, parsers, invertDepth);
      const childData = subcolumnData.get(child.path.join("."));
      if (!childData) throw new Error("parquet struct missing child data");
      struct[child.element.name] = childData;
    }
    for (const child of schema.children) {
      subcolumnData.delete(child.path.join("."));
    }
    let inverted = invertStruct(struct, invertDepth);
    if (schema.element.logical_type?.type === "VARIANT") {
      inverted = decodeVariantColumn(inverted, parsers);
    }
    if (optional) flattenAtDepth(inverted, depth);
    subcolumnData.set(path, inverted);
  }
}
function flattenAtDepth(arr, depth) {
  for (let i = 0; i < arr.length; i++) {
    if (depth) {
      flattenAtDepth(arr[i], depth - 1);
    } else {
      arr[i] = arr[i].length ? arr[i][0] : null;
    }
  }
}
function assembleMaps(keys, values, depth) {
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    if (depth) {
      out.push(assembleMaps(keys[i], values[i], depth - 1));
    } else {
      if (keys[i]) {
        const obj = {};
        for (let j = 0; j < keys[i].length; j++) {
          const value = values[i][j];
          obj[keys[i][j]] = value === void 0 ? null : value;
        }
        out.push(obj);
      } else {
        out.push(void 0);
      }
    }
  }
  return out;
}
function invertStruct(struct, depth) {
  const keys = Object.keys(struct);
  const length = struct[keys[0]]?.length;
  const out = [];
  for (let i = 0; i < length; i++) {
    const obj = {};
    for (const key of keys) {
      if (struct[key].length !== length) throw new Error("parquet struct parsing error");
      obj[key] = struct[key][i];
    }
    if (depth) {
      out.push(invertStruct(obj, depth - 1));
    } else {
      out.push(obj);
    }
  }
  return out;
}

// node_modules/hyparquet/src/alp.js
var POW10 = [
  1,
  10,
  100,
  1e3,
  1e4,
  1e5,
  1e6,
  1e7,
  1e8,
  1e9,
  1e10,
  1e11,
  1e12,
  1e13,
  1e14,
  1e15,
  1e16,
  1e17,
  1e18
];
var POW10_NEG = [
  1,
  0.1,
  0.01,
  1e-3,
  1e-4,
  1e-5,
  1e-6,
  1e-7,
  1e-8,
  1e-9,
  1e-10,
  1e-11,
  1e-12,
  1e-13,
  1e-14,
  1e-15,
  1e-16,
  1e-17,
  1e-18
];
var POW10F = POW10.slice(0, 11).map(Math.fround);
var POW10F_NEG = POW10_NEG.slice(0, 11).map(Math.fround);
function alpDecode(reader, count, type) {
  if (type === "FLOAT") {
    return alpDecodeFloat(reader, count);
  } else if (type === "DOUBLE") {
    return alpDecodeDouble(reader, count);
  } else {
    throw new Error(`ALP encoding unsupported type: ${type}`);
  }
}
function readAlpHeader(reader) {
  const { view } = reader;
  const compressionMode = view.getUint8(reader.offset++);
  if (compressionMode !== 0) {
    throw new Error(`ALP unsupported compression mode: ${compressionMode}`);
  }
  const integerEncoding = view.getUint8(reader.offset++);
  if (integerEncoding !== 0) {
    throw new Error(`ALP unsupported integer encoding: ${integerEncoding}`);
  }
  const logVectorSize = view.getUint8(reader.offset++);
  if (logVectorSize < 3 || logVectorSize > 15) {
    throw new Error(`ALP invalid log_vector_size: ${logVectorSize}`);
  }
  const vectorSize = 1 << logVectorSize;
  const numElements = view.getInt32(reader.offset, true);
  reader.offset += 4;
  const numVectors = Math.ceil(numElements / vectorSize);
  const offsetArrayStart = reader.offset;
  reader.offset += numVectors * 4;
  return { vectorSize, numElements, numVectors, offsetArrayStart };
}
function alpDecodeFloat(reader, count) {
  const { view } = reader;
  const { vectorSize, numElements, numVectors, offsetArrayStart } = readAlpHeader(reader);
  if (numElements !== count) {
    throw new Error(`ALP num_elements ${numElements} does not match expected ${count}`);
  }
  const output = new Float32Array(count);
  const outputBytes = new Uint8Array(output.buffer);
  for (let v = 0; v < numVectors; v++) {
    reader.offset = offsetArrayStart + view.getUint32(offsetArrayStart + v * 4, true);
    const outputOffset = v * vectorSize;
    const n = Math.min(vectorSize, numElements - outputOffset);
    const exponent = view.getUint8(reader.offset++);
    const factor = view.getUint8(reader.offset++);
    const numExceptions = view.getUint16(reader.offset, true);
    reader.offset += 2;
    const frameOfReference = view.getInt32(reader.offset, true);
    reader.offset += 4;
    const bitWidth2 = view.getUint8(reader.offset++);
    const deltas = unpackBits(reader, n, bitWidth2);
    const mulFactor = POW10F[factor];
    const mulExponent = POW10F_NEG[exponent];
    for (let i = 0; i < n; i++) {
      const encoded = deltas[i] + frameOfReference | 0;
      output[outputOffset + i] = Math.fround(Math.fround(encoded) * mulFactor) * mulExponent;
    }
    patchExceptions(reader, numExceptions, 4, outputBytes, outputOffset);
  }
  return output;
}
function alpDecodeDouble(reader, count) {
  const { view } = reader;
  const { vectorSize, numElements, numVectors, offsetArrayStart } = readAlpHeader(reader);
  if (numElements !== count) {
    throw new Error(`ALP num_elements ${numElements} does not match expected ${count}`);
  }
  const output = new Float64Array(count);
  const outputBytes = new Uint8Array(output.buffer);
  for (let v = 0; v < numVectors; v++) {
    reader.offset = offsetArrayStart + view.getUint32(offsetArrayStart + v * 4, true);
    const outputOffset = v * vectorSize;
    const n = Math.min(vectorSize, numElements - outputOffset);
    const exponent = view.getUint8(reader.offset++);
    const factor = view.getUint8(reader.offset++);
    const numExceptions = view.getUint16(reader.offset, true);
    reader.offset += 2;
    const frameOfReference = view.getBigInt64(reader.offset, true);
    reader.offset += 8;
    const bitWidth2 = view.getUint8(reader.offset++);
    const mulFactor = POW10[factor];
    const mulExponent = POW10_NEG[exponent];
    const forNumber = Number(frameOfReference);
    if (bitWidth2 <= 32 && Number.isSafeInteger(forNumber)) {
      const deltas = unpackBits(reader, n, bitWidth2);
      for (let i = 0; i < n; i++) {
        output[outputOffset + i] = (deltas[i] + forNumber) * mulFactor * mulExponent;
      }
    } else {
      const deltas = unpackBitsBig(reader, n, bitWidth2);
      for (let i = 0; i < n; i++) {
        const encoded = BigInt.asIntN(64, deltas[i] + frameOfReference);
        output[outputOffset + i] = Number(encoded) * mulFactor * mulExponent;
      }
    }
    patchExceptions(reader, numExceptions, 8, outputBytes, outputOffset);
  }
  return output;
}
function patchExceptions(reader, numExceptions, byteSize, outputBytes, outputOffset) {
  if (!numExceptions) return;
  const { view } = reader;
  const positionsStart = reader.offset;
  const valuesStart = positionsStart + numExceptions * 2;
  const source = new Uint8Array(view.buffer, view.byteOffset + valuesStart, numExceptions * byteSize);
  for (let e = 0; e < numExceptions; e++) {
    const pos = view.getUint16(positionsStart + e * 2, true);
    const dest = (outputOffset + pos) * byteSize;
    outputBytes.set(source.subarray(e * byteSize, (e + 1) * byteSize), dest);
  }
  reader.offset = valuesStart + numExceptions * byteSize;
}
function unpackBits(reader, count, bitWidth2) {
  const output = new Uint32Array(count);
  if (!bitWidth2) return output;
  const { view } = reader;
  const start = reader.offset;
  const modulus = 2 ** bitWidth2;
  let bitPos = 0;
  for (let i = 0; i < count; i++) {
    let byteIndex = start + (bitPos >>> 3);
    const shift = bitPos & 7;
    let value = view.getUint8(byteIndex++) >>> shift;
    let bits = 8 - shift;
    while (bits < bitWidth2) {
      value += view.getUint8(byteIndex++) * 2 ** bits;
      bits += 8;
    }
    output[i] = value % modulus;
    bitPos += bitWidth2;
  }
  reader.offset = start + Math.ceil(count * bitWidth2 / 8);
  return output;
}
function unpackBitsBig(reader, count, bitWidth2) {
  const output = new BigUint64Array(count);
  if (!bitWidth2) return output;
  const { view } = reader;
  const start = reader.offset;
  const mask = (1n << BigInt(bitWidth2)) - 1n;
  let buffer = 0n;
  let bitsInBuffer = 0;
  let byteIndex = start;
  for (let i = 0; i < count; i++) {
    while (bitsInBuffer < bitWidth2) {
      buffer |= BigInt(view.getUint8(byteIndex++)) << BigInt(bitsInBuffer);
      bitsInBuffer += 8;
    }
    output[i] = buffer & mask;
    buffer >>= BigInt(bitWidth2);
    bitsInBuffer -= bitWidth2;
  }
  reader.offset = start + Math.ceil(count * bitWidth2 / 8);
  return output;
}

// node_modules/hyparquet/src/delta.js
function deltaBinaryUnpack(reader, count, output) {
  if (output instanceof Int32Array) {
    deltaBinaryUnpackInt32(reader, count, output);
    return;
  }
  const blockSize = readVarInt(reader);
  const miniblockPerBlock = readVarInt(reader);
  readVarInt(reader);
  let value = readZigZagBigInt(reader);
  let outputIndex = 0;
  output[outputIndex++] = value;
  const valuesPerMiniblock = blockSize / miniblockPerBlock;
  while (outputIndex < count) {
    const minDelta = readZigZagBigInt(reader);
    const bitWidths = new Uint8Array(miniblockPerBlock);
    for (let i = 0; i < miniblockPerBlock; i++) {
      bitWidths[i] = reader.view.getUint8(reader.offset++);
    }
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth2 = bitWidths[i];
      if (bitWidth2) {
        let bitpackPos = 0;
        let miniblockCount = valuesPerMiniblock;
        const mask = (1n << BigInt(bitWidth2)) - 1n;
        while (miniblockCount && outputIndex < count) {
          let bits = BigInt(reader.view.getUint32(reader.offset, true) >>> bitpackPos) & mask;
          bitpackPos += bitWidth2;
          while (bitpackPos >= 32) {
            bitpackPos -= 32;
            reader.offset += 4;
            if (bitpackPos) {
              bits |= BigInt(reader.view.getUint32(reader.offset, true)) << BigInt(bitWidth2 - bitpackPos) & mask;
            }
          }
          const delta = minDelta + bits;
          value += delta;
          output[outputIndex++] = value;
          miniblockCount--;
        }
        if (miniblockCount) {
          reader.offset += Math.ceil((miniblockCount * bitWidth2 + bitpackPos) / 8);
        }
      } else {
        for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
          value += minDelta;
          output[outputIndex++] = value;
        }
      }
    }
  }
}
function deltaBinaryUnpackInt32(reader, count, output) {
  const blockSize = readVarInt(reader);
  const miniblockPerBlock = readVarInt(reader);
  readVarInt(reader);
  let value = readZigZag(reader);
  let outputIndex = 0;
  output[outputIndex++] = value;
  const valuesPerMiniblock = blockSize / miniblockPerBlock;
  const { view } = reader;
  while (outputIndex < count) {
    const minDelta = readZigZagInt33(reader);
    const bitWidthsOffset = reader.offset;
    let offset = bitWidthsOffset + miniblockPerBlock;
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth2 = view.getUint8(bitWidthsOffset + i);
      const end = offset + valuesPerMiniblock * bitWidth2 / 8;
      let bitOffset = 0;
      for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
        let residual = 0;
        let bitsRead = 0;
        while (bitsRead < bitWidth2) {
          const bitsToRead = Math.min(8 - bitOffset, bitWidth2 - bitsRead);
          if (bitsRead < 32) {
            residual |= (view.getUint8(offset) >>> bitOffset & (1 << bitsToRead) - 1) << bitsRead;
          }
          bitsRead += bitsToRead;
          bitOffset += bitsToRead;
          if (bitOffset === 8) {
            bitOffset = 0;
            offset++;
          }
        }
        value = value + minDelta + residual | 0;
        output[outputIndex++] = value;
      }
      offset = end;
    }
    reader.offset = offset;
  }
}
function readZigZagInt33(reader) {
  const start = reader.offset;
  const low = readVarInt(reader);
  const high = reader.offset - start === 5 ? reader.view.getUint8(start + 4) >>> 4 & 1 : 0;
  return (low >>> 1 | high << 31) ^ -(low & 1);
}
function deltaLengthByteArray(reader, count, output) {
  const lengths = new Int32Array(count);
  deltaBinaryUnpack(reader, count, lengths);
  for (let i = 0; i < count; i++) {
    output[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, lengths[i]);
    reader.offset += lengths[i];
  }
}
function deltaByteArray(reader, count, output) {
  const prefixData = new Int32Array(count);
  deltaBinaryUnpack(reader, count, prefixData);
  const suffixData = new Int32Array(count);
  deltaBinaryUnpack(reader, count, suffixData);
  for (let i = 0; i < count; i++) {
    const suffix = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, suffixData[i]);
    if (prefixData[i]) {
      output[i] = new Uint8Array(prefixData[i] + suffixData[i]);
      output[i].set(output[i - 1].subarray(0, prefixData[i]));
      output[i].set(suffix, prefixData[i]);
    } else {
      output[i] = suffix;
    }
    reader.offset += suffixData[i];
  }
}

// node_modules/hyparquet/src/encoding.js
function readRleBitPackedHybrid(reader, width, output, length) {
  if (length === void 0) {
    length = reader.view.getUint32(reader.offset, true);
    reader.offset += 4;
  }
  const startOffset = reader.offset;
  let seen = 0;
  while (seen < output.length) {
    const header = readVarInt(reader);
    if (header & 1) {
      seen = readBitPacked(reader, header, width, output, seen);
    } else {
      const count = header >>> 1;
      readRle(reader, count, width, output, seen);
      seen += count;
    }
  }
  reader.offset = startOffset + length;
}
function readRle(reader, count, bitWidth2, output, seen) {
  const width = bitWidth2 + 7 >> 3;
  let value = 0;
  for (let i = 0; i < width; i++) {
    value |= reader.view.getUint8(reader.offset++) << (i << 3);
  }
  for (let i = 0; i < count; i++) {
    output[seen + i] = value;
  }
}
function readBitPacked(reader, header, bitWidth2, output, seen) {
  let count = header >> 1 << 3;
  const mask = (1 << bitWidth2) - 1;
  let data = 0;
  if (reader.offset < reader.view.byteLength) {
    data = reader.view.getUint8(reader.offset++);
  } else if (mask) {
    throw new Error(`parquet bitpack offset ${reader.offset} out of range`);
  }
  let left = 8;
  let right = 0;
  while (count) {
    if (right > 8) {
      right -= 8;
      left -= 8;
      data >>>= 8;
    } else if (left - right < bitWidth2) {
      data |= reader.view.getUint8(reader.offset) << left;
      reader.offset++;
      left += 8;
    } else {
      if (seen < output.length) {
        output[seen++] = data >> right & mask;
      }
      count--;
      right += bitWidth2;
    }
  }
  return seen;
}
function byteStreamSplit(reader, count, type, typeLength) {
  const width = byteWidth(type, typeLength);
  const bytes = new Uint8Array(count * width);
  for (let b = 0; b < width; b++) {
    for (let i = 0; i < count; i++) {
      bytes[i * width + b] = reader.view.getUint8(reader.offset++);
    }
  }
  if (type === "FLOAT") return new Float32Array(bytes.buffer);
  else if (type === "DOUBLE") return new Float64Array(bytes.buffer);
  else if (type === "INT32") return new Int32Array(bytes.buffer);
  else if (type === "INT64") return new BigInt64Array(bytes.buffer);
  else if (type === "FIXED_LEN_BYTE_ARRAY") {
    const split = new Array(count);
    for (let i = 0; i < count; i++) {
      split[i] = bytes.subarray(i * width, (i + 1) * width);
    }
    return split;
  }
  throw new Error(`parquet byte_stream_split unsupported type: ${type}`);
}
function byteWidth(type, typeLength) {
  switch (type) {
    case "INT32":
    case "FLOAT":
      return 4;
    case "INT64":
    case "DOUBLE":
      return 8;
    case "FIXED_LEN_BYTE_ARRAY":
      if (!typeLength) throw new Error("parquet byteWidth missing type_length");
      return typeLength;
    default:
      throw new Error(`parquet unsupported type: ${type}`);
  }
}

// node_modules/hyparquet/src/plain.js
function readPlain(reader, type, count, fixedLength) {
  if (count === 0) return [];
  if (type === "BOOLEAN") {
    return readPlainBoolean(reader, count);
  } else if (type === "INT32") {
    return readPlainInt32(reader, count);
  } else if (type === "INT64") {
    return readPlainInt64(reader, count);
  } else if (type === "INT96") {
    return readPlainInt96(reader, count);
  } else if (type === "FLOAT") {
    return readPlainFloat(reader, count);
  } else if (type === "DOUBLE") {
    return readPlainDouble(reader, count);
  } else if (type === "BYTE_ARRAY") {
    return readPlainByteArray(reader, count);
  } else if (type === "FIXED_LEN_BYTE_ARRAY") {
    if (!fixedLength) throw new Error("parquet missing fixed length");
    return readPlainByteArrayFixed(reader, count, fixedLength);
  } else {
    throw new Error(`parquet unhandled type: ${type}`);
  }
}
function readPlainBoolean(reader, count) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    const byteOffset = reader.offset + (i / 8 | 0);
    const bitOffset = i % 8;
    const byte = reader.view.getUint8(byteOffset);
    values[i] = (byte & 1 << bitOffset) !== 0;
  }
  reader.offset += Math.ceil(count / 8);
  return values;
}
function readPlainInt32(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4 ? new Int32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4)) : new Int32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 4;
  return values;
}
function readPlainInt64(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8 ? new BigInt64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8)) : new BigInt64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 8;
  return values;
}
function readPlainInt96(reader, count) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    const low = reader.view.getBigInt64(reader.offset + i * 12, true);
    const high = reader.view.getInt32(reader.offset + i * 12 + 8, true);
    values[i] = BigInt(high) << 64n | low;
  }
  reader.offset += count * 12;
  return values;
}
function readPlainFloat(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4 ? new Float32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4)) : new Float32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 4;
  return values;
}
function readPlainDouble(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8 ? new Float64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8)) : new Float64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 8;
  return values;
}
function readPlainByteArray(reader, count) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    const length = reader.view.getUint32(reader.offset, true);
    reader.offset += 4;
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length);
    reader.offset += length;
  }
  return values;
}
function readPlainByteArrayFixed(reader, count, fixedLength) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, fixedLength);
    reader.offset += fixedLength;
  }
  return values;
}
function align(buffer, offset, size) {
  const aligned = new ArrayBuffer(size);
  new Uint8Array(aligned).set(new Uint8Array(buffer, offset, size));
  return aligned;
}

// node_modules/hyparquet/src/snappy.js
var WORD_MASK = [0, 255, 65535, 16777215, 4294967295];
function copyBytes(fromArray, fromPos, toArray, toPos, length) {
  for (let i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i];
  }
}
function snappyUncompress(input, output) {
  const inputLength = input.byteLength;
  const outputLength = output.byteLength;
  let pos = 0;
  let outPos = 0;
  while (pos < inputLength) {
    const c = input[pos];
    pos++;
    if (c < 128) {
      break;
    }
  }
  if (outputLength && pos >= inputLength) {
    throw new Error("invalid snappy length header");
  }
  while (pos < inputLength) {
    const c = input[pos];
    let len = 0;
    pos++;
    if (pos >= inputLength) {
      throw new Error("missing eof marker");
    }
    if ((c & 3) === 0) {
      let len2 = (c >>> 2) + 1;
      if (len2 > 60) {
        if (pos + 3 >= inputLength) {
          throw new Error("snappy error literal pos + 3 >= inputLength");
        }
        const lengthSize = len2 - 60;
        len2 = input[pos] + (input[pos + 1] << 8) + (input[pos + 2] << 16) + (input[pos + 3] << 24);
        len2 = (len2 & WORD_MASK[lengthSize]) + 1;
        pos += lengthSize;
      }
      if (pos + len2 > inputLength) {
        throw new Error("snappy error literal exceeds input length");
      }
      copyBytes(input, pos, output, outPos, len2);
      pos += len2;
      outPos += len2;
    } else {
      let offset = 0;
      switch (c & 3) {
        case 1:
          len = (c >>> 2 & 7) + 4;
          offset = input[pos] + (c >>> 5 << 8);
          pos++;
          break;
        case 2:
          if (inputLength <= pos + 1) {
            throw new Error("snappy error end of input");
          }
          len = (c >>> 2) + 1;
          offset = input[pos] + (input[pos + 1] << 8);
          pos += 2;
          break;
        case 3:
          if (inputLength <= pos + 3) {
            throw new Error("snappy error end of input");
          }
          len = (c >>> 2) + 1;
          offset = input[pos] + (input[pos + 1] << 8) + (input[pos + 2] << 16) + (input[pos + 3] << 24);
          pos += 4;
          break;
        default:
          break;
      }
      if (offset === 0 || isNaN(offset)) {
        throw new Error(`invalid offset ${offset} pos ${pos} inputLength ${inputLength}`);
      }
      if (offset > outPos) {
        throw new Error("cannot copy from before start of buffer");
      }
      copyBytes(output, outPos - offset, output, outPos, len);
      outPos += len;
    }
  }
  if (outPos !== outputLength) throw new Error("premature end of input");
}

// node_modules/hyparquet/src/datapage.js
function readDataPage(bytes, daph, { type, element, schemaPath }) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  let dataPage;
  const repetitionLevels = readRepetitionLevels(reader, daph, schemaPath);
  const { definitionLevels, numNulls } = readDefinitionLevels(reader, daph, schemaPath);
  const nValues = daph.num_values - numNulls;
  if (daph.encoding === "PLAIN") {
    dataPage = readPlain(reader, type, nValues, element.type_length);
  } else if (daph.encoding === "PLAIN_DICTIONARY" || daph.encoding === "RLE_DICTIONARY" || daph.encoding === "RLE") {
    const bitWidth2 = type === "BOOLEAN" ? 1 : view.getUint8(reader.offset++);
    if (bitWidth2) {
      dataPage = new Array(nValues);
      if (type === "BOOLEAN") {
        readRleBitPackedHybrid(reader, bitWidth2, dataPage);
        dataPage = dataPage.map((x) => !!x);
      } else {
        readRleBitPackedHybrid(reader, bitWidth2, dataPage, view.byteLength - reader.offset);
      }
    } else {
      dataPage = new Uint8Array(nValues);
    }
  } else if (daph.encoding === "BYTE_STREAM_SPLIT") {
    dataPage = byteStreamSplit(reader, nValues, type, element.type_length);
  } else if (daph.encoding === "ALP") {
    dataPage = alpDecode(reader, nValues, type);
  } else if (daph.encoding === "DELTA_BINARY_PACKED") {
    const int32 = type === "INT32";
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues);
    deltaBinaryUnpack(reader, nValues, dataPage);
  } else if (daph.encoding === "DELTA_LENGTH_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaLengthByteArray(reader, nValues, dataPage);
  } else if (daph.encoding === "DELTA_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaByteArray(reader, nValues, dataPage);
  } else {
    throw new Error(`parquet unsupported encoding: ${daph.encoding}`);
  }
  return { definitionLevels, repetitionLevels, dataPage };
}
function readRepetitionLevels(reader, daph, schemaPath) {
  if (schemaPath.length > 1) {
    const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath);
    if (maxRepetitionLevel) {
      const values = new Array(daph.num_values);
      readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values);
      return values;
    }
  }
  return [];
}
function readDefinitionLevels(reader, daph, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath);
  if (!maxDefinitionLevel) return { definitionLevels: [], numNulls: 0 };
  const definitionLevels = new Array(daph.num_values);
  readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), definitionLevels);
  let numNulls = daph.num_values;
  for (const def of definitionLevels) {
    if (def === maxDefinitionLevel) numNulls--;
  }
  if (numNulls === 0) definitionLevels.length = 0;
  return { definitionLevels, numNulls };
}
function decompressPage(compressedBytes, uncompressed_page_size, codec, compressors) {
  let page;
  const customDecompressor = compressors?.[codec];
  if (codec === "UNCOMPRESSED") {
    page = compressedBytes;
  } else if (customDecompressor) {
    page = customDecompressor(compressedBytes, uncompressed_page_size);
  } else if (codec === "SNAPPY") {
    page = new Uint8Array(uncompressed_page_size);
    snappyUncompress(compressedBytes, page);
  } else {
    throw new Error(`parquet unsupported compression codec: ${codec}`);
  }
  if (page?.length !== uncompressed_page_size) {
    throw new Error(`parquet decompressed page length ${page?.length} does not match header ${uncompressed_page_size}`);
  }
  return page;
}
function readDataPageV2(compressedBytes, ph, columnDecoder) {
  const view = new DataView(compressedBytes.buffer, compressedBytes.byteOffset, compressedBytes.byteLength);
  const reader = { view, offset: 0 };
  const { type, element, schemaPath, codec, compressors } = columnDecoder;
  const daph2 = ph.data_page_header_v2;
  if (!daph2) throw new Error("parquet data page header v2 is undefined");
  const repetitionLevels = readRepetitionLevelsV2(reader, daph2, schemaPath);
  reader.offset = daph2.repetition_levels_byte_length;
  const definitionLevels = readDefinitionLevelsV2(reader, daph2, schemaPath);
  const uncompressedPageSize = ph.uncompressed_page_size - daph2.definition_levels_byte_length - daph2.repetition_levels_byte_length;
  let page = compressedBytes.subarray(reader.offset);
  if (daph2.is_compressed !== false && uncompressedPageSize) {
    page = decompressPage(page, uncompressedPageSize, codec, compressors);
  }
  const pageView = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const pageReader = { view: pageView, offset: 0 };
  let dataPage;
  const nValues = daph2.num_values - daph2.num_nulls;
  if (daph2.encoding === "PLAIN") {
    dataPage = readPlain(pageReader, type, nValues, element.type_length);
  } else if (daph2.encoding === "RLE") {
    dataPage = new Array(nValues);
    readRleBitPackedHybrid(pageReader, 1, dataPage);
    dataPage = dataPage.map((x) => !!x);
  } else if (daph2.encoding === "PLAIN_DICTIONARY" || daph2.encoding === "RLE_DICTIONARY") {
    const bitWidth2 = pageView.getUint8(pageReader.offset++);
    dataPage = new Array(nValues);
    readRleBitPackedHybrid(pageReader, bitWidth2, dataPage, uncompressedPageSize - 1);
  } else if (daph2.encoding === "DELTA_BINARY_PACKED") {
    const int32 = type === "INT32";
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues);
    deltaBinaryUnpack(pageReader, nValues, dataPage);
  } else if (daph2.encoding === "DELTA_LENGTH_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaLengthByteArray(pageReader, nValues, dataPage);
  } else if (daph2.encoding === "DELTA_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaByteArray(pageReader, nValues, dataPage);
  } else if (daph2.encoding === "BYTE_STREAM_SPLIT") {
    dataPage = byteStreamSplit(pageReader, nValues, type, element.type_length);
  } else if (daph2.encoding === "ALP") {
    dataPage = alpDecode(pageReader, nValues, type);
  } else {
    throw new Error(`parquet unsupported encoding: ${daph2.encoding}`);
  }
  return { definitionLevels, repetitionLevels, dataPage };
}
function readRepetitionLevelsV2(reader, daph2, schemaPath) {
  const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath);
  if (!maxRepetitionLevel) return [];
  const values = new Array(daph2.num_values);
  readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values, daph2.repetition_levels_byte_length);
  return values;
}
function readDefinitionLevelsV2(reader, daph2, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath);
  if (maxDefinitionLevel) {
    const values = new Array(daph2.num_values);
    readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), values, daph2.definition_levels_byte_length);
    return values;
  }
}
function bitWidth(value) {
  return 32 - Math.clz32(value);
}

// node_modules/hyparquet/src/column.js
function readColumn(reader, { groupStart, selectStart, selectEnd }, columnDecoder, onPage) {
  const { pathInSchema, schemaPath } = columnDecoder;
  const isFlat = isFlatColumn(schemaPath);
  const chunks = [];
  let dictionary = void 0;
  let lastChunk = void 0;
  let rowCount = 0;
  let skipped = 0;
  const emitLastChunk = onPage && (() => {
    lastChunk && onPage({
      pathInSchema,
      columnData: lastChunk,
      rowStart: groupStart + rowCount - lastChunk.length,
      rowEnd: groupStart + rowCount
    });
  });
  while (isFlat ? rowCount < selectEnd : reader.offset < reader.view.byteLength - 1) {
    if (reader.offset >= reader.view.byteLength - 1) break;
    const header = parquetHeader(reader);
    if (header.type === "DICTIONARY_PAGE") {
      const { data } = readPage(reader, header, columnDecoder, dictionary, void 0, 0);
      if (data) dictionary = convert(data, columnDecoder);
    } else {
      const lastChunkLength = lastChunk?.length || 0;
      const result = readPage(reader, header, columnDecoder, dictionary, lastChunk, selectStart - rowCount);
      if (result.skipped) {
        if (!chunks.length) {
          skipped += result.skipped;
        }
        rowCount += result.skipped;
      } else if (result.data && lastChunk === result.data) {
        rowCount += result.data.length - lastChunkLength;
      } else if (result.data && result.data.length) {
        emitLastChunk?.();
        chunks.push(result.data);
        rowCount += result.data.length;
        lastChunk = result.data;
      }
    }
  }
  emitLastChunk?.();
  return { data: chunks, skipped };
}
function readPage(reader, header, columnDecoder, dictionary, previousChunk, pageStart) {
  const { type, element, schemaPath, codec, compressors } = columnDecoder;
  const compressedBytes = new Uint8Array(
    reader.view.buffer,
    reader.view.byteOffset + reader.offset,
    header.compressed_page_size
  );
  reader.offset += header.compressed_page_size;
  if (header.type === "DATA_PAGE") {
    const daph = header.data_page_header;
    if (!daph) throw new Error("parquet data page header is undefined");
    if (pageStart > daph.num_values && isFlatColumn(schemaPath)) {
      return { skipped: daph.num_values };
    }
    const page = decompressPage(compressedBytes, Number(header.uncompressed_page_size), codec, compressors);
    const { definitionLevels, repetitionLevels, dataPage } = readDataPage(page, daph, columnDecoder);
    const values = convertWithDictionary(dataPage, dictionary, daph.encoding, columnDecoder);
    const output = Array.isArray(previousChunk) ? previousChunk : [];
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath);
    return { skipped: 0, data: assembled };
  } else if (header.type === "DATA_PAGE_V2") {
    const daph2 = header.data_page_header_v2;
    if (!daph2) throw new Error("parquet data page header v2 is undefined");
    if (pageStart > daph2.num_rows) {
      return { skipped: daph2.num_rows };
    }
    const { definitionLevels, repetitionLevels, dataPage } = readDataPageV2(compressedBytes, header, columnDecoder);
    const values = convertWithDictionary(dataPage, dictionary, daph2.encoding, columnDecoder);
    const output = Array.isArray(previousChunk) ? previousChunk : [];
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath);
    return { skipped: 0, data: assembled };
  } else if (header.type === "DICTIONARY_PAGE") {
    const diph = header.dictionary_page_header;
    if (!diph) throw new Error("parquet dictionary page header is undefined");
    const page = decompressPage(
      compressedBytes,
      Number(header.uncompressed_page_size),
      codec,
      compressors
    );
    const reader2 = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
    const dictArray = readPlain(reader2, type, diph.num_values, element.type_length);
    return { skipped: 0, data: dictArray };
  } else {
    throw new Error(`parquet unsupported page type: ${header.type}`);
  }
}
function parquetHeader(reader) {
  const header = deserializeTCompactProtocol(reader);
  const type = PageTypes[header.field_1];
  const uncompressed_page_size = header.field_2;
  const compressed_page_size = header.field_3;
  const crc = header.field_4;
  const data_page_header = header.field_5 && {
    num_values: header.field_5.field_1,
    encoding: Encodings[header.field_5.field_2],
    definition_level_encoding: Encodings[header.field_5.field_3],
    repetition_level_encoding: Encodings[header.field_5.field_4],
    statistics: pageStatistics(header.field_5.field_5)
  };
  const index_page_header = header.field_6;
  const dictionary_page_header = header.field_7 && {
    num_values: header.field_7.field_1,
    encoding: Encodings[header.field_7.field_2],
    is_sorted: header.field_7.field_3
  };
  const data_page_header_v2 = header.field_8 && {
    num_values: header.field_8.field_1,
    num_nulls: header.field_8.field_2,
    num_rows: header.field_8.field_3,
    encoding: Encodings[header.field_8.field_4],
    definition_levels_byte_length: header.field_8.field_5,
    repetition_levels_byte_length: header.field_8.field_6,
    is_compressed: header.field_8.field_7 === void 0 ? true : header.field_8.field_7,
    // default true
    statistics: pageStatistics(header.field_8.field_8)
  };
  return {
    type,
    uncompressed_page_size,
    compressed_page_size,
    crc,
    data_page_header,
    index_page_header,
    dictionary_page_header,
    data_page_header_v2
  };
}
function pageStatistics(stats) {
  return stats && {
    max: stats.field_1,
    min: stats.field_2,
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: stats.field_5,
    min_value: stats.field_6,
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8
  };
}

// node_modules/hyparquet/src/rowgroup.js
function readRowGroup(options, { metadata }, groupPlan) {
  const asyncColumns = [];
  const schemaTree2 = parquetSchema(metadata);
  for (const chunk of groupPlan.chunks) {
    const { path_in_schema: pathInSchema } = chunk.columnMetadata;
    const schemaPath = getTreePath(schemaTree2, pathInSchema);
    const columnDecoder = {
      pathInSchema,
      element: schemaPath[schemaPath.length - 1].element,
      schemaPath,
      ...options,
      ...chunk.columnMetadata,
      // merge after options, so a partial parsers object keeps the defaults
      parsers: { ...DEFAULT_PARSERS, ...options.parsers }
    };
    const { startByte, endByte } = chunk.range;
    if ("pageLocations" in chunk) {
      asyncColumns.push({
        pathInSchema,
        data: readSelectedPages(options, groupPlan, chunk, chunk.pageLocations, columnDecoder)
      });
    } else if ("offsetIndex" in chunk) {
      asyncColumns.push({
        pathInSchema,
        // fetch offset index
        data: Promise.resolve(options.file.slice(chunk.offsetIndex.startByte, chunk.offsetIndex.endByte)).then((arrayBuffer) => {
          const pages = readOffsetIndex({ view: new DataView(arrayBuffer), offset: 0 }).page_locations;
          return readSelectedPages(options, groupPlan, chunk, pages, columnDecoder);
        })
      });
    } else {
      asyncColumns.push({
        pathInSchema,
        data: Promise.resolve(options.file.slice(startByte, endByte)).then((buffer) => {
          const reader = { view: new DataView(buffer), offset: 0 };
          return readColumn(reader, groupPlan, columnDecoder, options.onPage);
        })
      });
    }
  }
  return {
    groupStart: groupPlan.groupStart,
    groupRows: groupPlan.groupRows,
    selectStart: groupPlan.selectStart,
    selectEnd: groupPlan.selectEnd,
    asyncColumns
  };
}
async function readSelectedPages(options, groupPlan, chunk, pages, columnDecoder) {
  const { data_page_offset, dictionary_page_offset } = chunk.columnMetadata;
  const { selectStart, selectEnd } = groupPlan;
  let { startByte, endByte } = chunk.range;
  let skipped = -1;
  const hasDict = dictionary_page_offset || data_page_offset < pages[0].offset;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    const pageStart = Number(page.first_row_index);
    const pageEnd = i + 1 < pages.length ? Number(pages[i + 1].first_row_index) : groupPlan.groupRows;
    if (skipped < 0 && pageEnd > selectStart) {
      startByte = Number(page.offset);
      skipped = pageStart;
    }
    if (pageStart < selectEnd) {
      endByte = Number(page.offset) + page.compressed_page_size;
    }
  }
  if (skipped < 0) skipped = 0;
  let view;
  if (hasDict && skipped) {
    const dictLength = Number(pages[0].offset) - chunk.range.startByte;
    const [dictBuffer, dataBuffer] = await Promise.all([
      options.file.slice(chunk.range.startByte, Number(pages[0].offset)),
      options.file.slice(startByte, endByte)
    ]);
    const combined = new Uint8Array(dictLength + dataBuffer.byteLength);
    combined.set(new Uint8Array(dictBuffer, 0, dictLength));
    combined.set(new Uint8Array(dataBuffer), dictLength);
    view = new DataView(combined.buffer);
  } else if (hasDict) {
    view = new DataView(await options.file.slice(chunk.range.startByte, endByte));
  } else {
    view = new DataView(await options.file.slice(startByte, endByte));
  }
  const reader = { view, offset: 0 };
  const adjustedGroupPlan = skipped ? {
    ...groupPlan,
    groupStart: groupPlan.groupStart + skipped,
    selectStart: groupPlan.selectStart - skipped,
    selectEnd: groupPlan.selectEnd - skipped
  } : groupPlan;
  const { data, skipped: columnSkipped } = readColumn(reader, adjustedGroupPlan, columnDecoder, options.onPage);
  return {
    data,
    skipped: skipped + columnSkipped
  };
}
function assembleAsync(asyncRowGroup, schemaTree2, parsers) {
  const { asyncColumns } = asyncRowGroup;
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  const assembled = [];
  for (const child of schemaTree2.children) {
    if (child.children.length) {
      const childColumns = asyncColumns.filter((column) => column.pathInSchema[0] === child.element.name);
      if (!childColumns.length) continue;
      assembled.push({
        pathInSchema: child.path,
        data: (async () => {
          const resolved = await Promise.all(childColumns.map((c) => c.data));
          const subcolumnData = /* @__PURE__ */ new Map();
          const flattened = resolved.map(({ data }) => flatten(data));
          const skipped = Math.max(asyncRowGroup.selectStart ?? 0, ...resolved.map((result) => result.skipped));
          const end = Math.min(asyncRowGroup.selectEnd ?? Infinity, ...resolved.map((result, i) => result.skipped + flattened[i].length));
          for (let i = 0; i < childColumns.length; i++) {
            const start = skipped - resolved[i].skipped;
            const length = Math.max(0, end - skipped);
            subcolumnData.set(
              childColumns[i].pathInSchema.join("."),
              flattened[i].slice(start, start + length)
            );
          }
          assembleNested(subcolumnData, child, allParsers);
          const assembled2 = subcolumnData.get(child.element.name);
          if (!assembled2) throw new Error("parquet column data not assembled");
          return { data: [assembled2], skipped };
        })()
      });
    } else {
      const asyncColumn = asyncColumns.find((column) => column.pathInSchema[0] === child.element.name);
      if (asyncColumn) assembled.push(asyncColumn);
    }
  }
  return { ...asyncRowGroup, asyncColumns: assembled };
}

// node_modules/hyparquet/src/scan.js
async function parquetScan(options) {
  options.metadata ??= await parquetMetadataAsync(options.file, options);
  const { pruningFilter, ...readOptions } = options;
  let { columns } = readOptions;
  if (columns && pruningFilter) {
    const selectedColumns = new Set(columns);
    const extraColumns = columnsNeededForFilter(pruningFilter).filter((column) => !selectedColumns.has(column));
    if (extraColumns.length) columns = [...columns, ...extraColumns];
  }
  const preparedOptions = await prepareParquetOptions({
    ...readOptions,
    columns,
    filter: pruningFilter,
    useOffsetIndex: readOptions.useOffsetIndex ?? true
  });
  const { metadata } = preparedOptions;
  if (!metadata) throw new Error("parquet requires metadata");
  const schemaTree2 = parquetSchema(metadata);
  const availableColumns = new Set(columns ?? schemaTree2.children.map((child) => child.element.name));
  const plan = parquetPlanGroups(preparedOptions);
  const candidates = plan.groups.flatMap((group) => group.ranges.map(([selectStart, selectEnd]) => ({
    rowStart: group.groupStart + selectStart,
    rowEnd: group.groupStart + selectEnd,
    group
  })));
  const ranges = candidates.map(({ rowStart, rowEnd }) => ({ rowStart, rowEnd }));
  const cache = /* @__PURE__ */ new Map();
  function readColumn2({ column, rowStart, rowEnd }) {
    if (!availableColumns.has(column)) {
      throw new Error(`parquet column not found in scan: ${column}`);
    }
    validateRange(rowStart, rowEnd);
    if (rowStart === rowEnd) return Promise.resolve([]);
    const candidateIndex = findCandidate(candidates, rowStart, rowEnd);
    if (candidateIndex < 0) {
      throw new RangeError(`parquet row range [${rowStart}, ${rowEnd}) is outside scan ranges`);
    }
    const { group } = candidates[candidateIndex];
    const cached = cache.get(column);
    if (cached && rowStart >= cached.rowStart && rowEnd <= cached.rowEnd) {
      return cached.data.then((data2) => sliceDecodedArray(
        data2,
        rowStart - cached.rowStart,
        rowEnd - cached.rowStart
      ));
    }
    const data = readColumnRange({
      options: preparedOptions,
      schemaTree: schemaTree2,
      group,
      column,
      rowStart,
      rowEnd
    });
    cache.set(column, { rowStart, rowEnd, data });
    return data;
  }
  return {
    metadata,
    ranges,
    readColumn: readColumn2
  };
}
async function prepareParquetOptions(options) {
  const metadata = options.metadata ?? await parquetMetadataAsync(options.file, options);
  const schemaColumns = parquetSchema(metadata).children.map((child) => child.element.name);
  const filterColumns = columnsNeededForFilter(options.filter);
  const missingFilterColumns = filterColumns.filter((column) => !schemaColumns.includes(column));
  if (missingFilterColumns.length) {
    throw new Error(`parquet filter columns not found: ${missingFilterColumns.join(", ")}`);
  }
  if (options.columns) {
    const missingColumns = options.columns.filter((column) => !schemaColumns.includes(column));
    if (missingColumns.length) throw new Error(`parquet column not found: ${missingColumns[0]}`);
  }
  let prepared = { ...options, metadata };
  prepared = await withBloomFilters(prepared);
  prepared = await withPageIndexes(prepared);
  return prepared;
}
function readParquetPlan(options, plan) {
  const readOptions = { ...options, file: prefetchAsyncBuffer(options.file, plan) };
  return plan.groups.map((group) => readRowGroup(readOptions, plan, group));
}
async function readColumnRange({ options, schemaTree: schemaTree2, group, column, rowStart, rowEnd }) {
  const columnOptions = {
    ...options,
    columns: [column],
    filter: void 0,
    rowStart,
    rowEnd,
    useBloomFilters: false,
    useOffsetIndex: options.useOffsetIndex ?? true,
    usePageIndex: false,
    pageRangesByGroup: void 0
  };
  const columnPlan = planCandidateColumn({ options, group, column, rowStart, rowEnd });
  const [asyncGroup] = readParquetPlan(columnOptions, columnPlan);
  if (!asyncGroup) throw new Error("parquet scan range not planned");
  const assembled = assembleAsync(asyncGroup, schemaTree2, options.parsers);
  const asyncColumn = assembled.asyncColumns.find((child) => child.pathInSchema[0] === column);
  if (!asyncColumn) throw new Error(`parquet column not found: ${column}`);
  const result = await asyncColumn.data;
  const data = flatten(result.data);
  const selectStart = assembled.selectStart ?? rowStart - assembled.groupStart;
  const selectEnd = assembled.selectEnd ?? rowEnd - assembled.groupStart;
  return sliceDecodedArray(data, selectStart - result.skipped, selectEnd - result.skipped);
}
function planCandidateColumn({ options, group, column, rowStart, rowEnd }) {
  if (!options.metadata) throw new Error("parquet requires metadata");
  const localPlan = parquetPlanGroup({
    rowGroup: group.rowGroup,
    groupStart: group.groupStart,
    groupRows: group.groupRows,
    ranges: [[rowStart - group.groupStart, rowEnd - group.groupStart]],
    columns: [column],
    useOffsetIndex: options.useOffsetIndex ?? true,
    pageLocations: group.pageLocations
  });
  const [localGroupPlan] = localPlan.groups;
  if (!localGroupPlan) throw new Error(`parquet column not found: ${column}`);
  return {
    metadata: options.metadata,
    rowStart,
    rowEnd,
    columns: [column],
    fetches: [...localPlan.fetches, ...localPlan.indexes],
    groups: [localGroupPlan]
  };
}
function findCandidate(candidates, rowStart, rowEnd) {
  let low = 0;
  let high = candidates.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = candidates[middle];
    if (rowStart < candidate.rowStart) {
      high = middle - 1;
    } else if (rowStart >= candidate.rowEnd) {
      low = middle + 1;
    } else {
      return rowEnd <= candidate.rowEnd ? middle : -1;
    }
  }
  return -1;
}
function validateRange(rowStart, rowEnd) {
  if (!Number.isSafeInteger(rowStart) || rowStart < 0) {
    throw new RangeError("parquet rowStart must be a non-negative safe integer");
  }
  if (!Number.isSafeInteger(rowEnd) || rowEnd < rowStart) {
    throw new RangeError("parquet rowEnd must be a safe integer greater than or equal to rowStart");
  }
}
function sliceDecodedArray(data, start, end) {
  if (start === 0 && end === data.length) return data;
  return Array.isArray(data) ? data.slice(start, end) : data.subarray(start, end);
}
async function withBloomFilters(options) {
  if (!options.useBloomFilters || !options.filter || !options.metadata) return options;
  const schemaTree2 = parquetSchema(options.metadata);
  const schemaElements = {};
  for (const child of schemaTree2.children) schemaElements[child.element.name] = child.element;
  const bloomFiltersByGroup = await prefetchBloomFilters({
    file: options.file,
    metadata: options.metadata,
    filter: options.filter,
    filterStrict: options.filterStrict
  });
  return { ...options, bloomFiltersByGroup, schemaElements };
}
async function withPageIndexes(options) {
  if (!options.usePageIndex || !options.filter || !options.metadata) return options;
  const { pageRangesByGroup, pageLocationsByGroup } = await prefetchPageIndexes({
    file: options.file,
    metadata: options.metadata,
    filter: options.filter,
    filterStrict: options.filterStrict,
    rowStart: options.rowStart,
    rowEnd: options.rowEnd,
    columns: options.columns,
    bloomFiltersByGroup: options.bloomFiltersByGroup,
    schemaElements: options.schemaElements,
    parsers: options.parsers
  });
  return { ...options, pageRangesByGroup, pageLocationsByGroup };
}

// node_modules/hyparquet/src/node.js
async function asyncBufferFromFile(filename) {
  const { size } = await fs.stat(filename);
  return {
    byteLength: size,
    slice(start, end) {
      if (start === end) return Promise.resolve(new ArrayBuffer(0));
      const reader = createReadStream(filename, { start, end: end === void 0 ? void 0 : end - 1 });
      return new Promise((resolve2, reject) => {
        const chunks = [];
        reader.on("data", (chunk) => chunks.push(chunk));
        reader.on("error", reject);
        reader.on("end", () => {
          const buffer = Buffer.concat(chunks);
          if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
            resolve2(buffer.buffer);
          } else {
            resolve2(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
          }
        });
      });
    }
  };
}

// src/data/parquet-reader.ts
async function* parquetBatches(path, options = {}) {
  let file;
  try {
    file = await asyncBufferFromFile(path);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw corrupt(path, error);
  }
  const fields = parquetSchema(metadata).children;
  const names = fields.map((field) => field.element.name);
  const wanted = options.columns;
  if (wanted && options.requireColumns !== false) {
    const missing = wanted.filter((name) => !names.includes(name));
    if (missing.length > 0) {
      throw new UserError(
        `${path}: no column named ${missing.map((m) => `"${m}"`).join(", ")} in the Parquet schema (columns: ${names.join(", ")}); fix the column name or the file.`,
        { file: path, column: missing[0] }
      );
    }
  }
  const selected = fields.filter((field) => !wanted || wanted.includes(field.element.name));
  for (const field of selected) {
    if (isNested(field)) {
      throw new UserError(
        `${path}: column "${field.element.name}" is nested (a list, map or struct); modelkeeper reads flat columns of numbers and strings: flatten the column when writing the file, or read only other columns.`,
        { file: path, column: field.element.name }
      );
    }
  }
  const batchRows = options.batchRows ?? Infinity;
  const totalRows = Number(metadata.num_rows);
  const builders = selected.map(
    (field) => new ColumnBuilder(field.element.name, options.types?.[field.element.name] ?? schemaKind(field), Math.min(batchRows, totalRows))
  );
  const columnNames = builders.map((b) => b.name);
  let scan;
  try {
    scan = await parquetScan({ file, metadata, columns: columnNames.length > 0 ? columnNames : void 0 });
  } catch (error) {
    throw corrupt(path, error);
  }
  let row = 0;
  let firstRow = 0;
  const emit = () => {
    const promotions = builders.flatMap((b) => b.promotion ? [b.promotion] : []);
    const next = batchRows === Infinity ? 0 : Math.min(batchRows, totalRows);
    const batch = { columns: builders.map((b) => b.finish(row, next)), rowCount: row, firstLine: row > 0 ? firstRow : 0, promotions };
    row = 0;
    return batch;
  };
  for (const range of scan.ranges) {
    const data = [];
    for (const name of columnNames) {
      try {
        data.push(await scan.readColumn({ column: name, rowStart: range.rowStart, rowEnd: range.rowEnd }));
      } catch (error) {
        throw corrupt(path, error, `rows ${range.rowStart + 1}\u2013${range.rowEnd} of column "${name}"`);
      }
    }
    for (let i = 0; i < range.rowEnd - range.rowStart; ) {
      if (row === 0) firstRow = range.rowStart + i + 1;
      const take = Math.min(range.rowEnd - range.rowStart - i, batchRows - row);
      builders.forEach((builder, c) => {
        if (builder.capacity < row + take) builder.grow(row + take, row);
        copyValues(builder, row, data[c], i, take, path, range.rowStart);
      });
      row += take;
      i += take;
      if (row === batchRows) yield emit();
    }
  }
  if (row > 0 || batchRows === Infinity) yield emit();
}
function copyValues(builder, row, source, from, count, file, rangeStart) {
  if (builder.kind === "numeric" && (source instanceof Float64Array || source instanceof Float32Array || source instanceof Int32Array || source instanceof Uint32Array || source instanceof Uint8Array)) {
    builder.values.set(source.subarray(from, from + count), row);
    return;
  }
  for (let i = 0; i < count; i++) {
    storeValue(builder, row + i, source[from + i], { file, line: rangeStart + from + i + 1, unit: "row" });
  }
}
function schemaKind(field) {
  const { type, converted_type: converted, logical_type: logical } = field.element;
  if (type === "BOOLEAN") return "categorical";
  if (type === "BYTE_ARRAY" || type === "FIXED_LEN_BYTE_ARRAY") {
    return converted === "DECIMAL" || logical?.type === "DECIMAL" || logical?.type === "FLOAT16" ? void 0 : "categorical";
  }
  return void 0;
}
function isNested(field) {
  return field.children.length > 0 || field.element.repetition_type === "REPEATED";
}
function corrupt(path, error, what) {
  const message = error instanceof Error ? error.message : String(error);
  return new UserError(
    `${path}: not a readable Parquet file${what ? ` (${what})` : ""}: ${message}. The file may be truncated or written with an unsupported codec; write it again (uncompressed or snappy).`,
    { file: path }
  );
}

// src/data/data-format.ts
var EXTENSIONS = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet"
};
function dataFormat(path) {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (format === void 0) {
    throw new UserError(
      `${path}: unknown data file type "${extname(path) || "(no extension)"}"; modelkeeper reads .csv (with a header row), .jsonl / .ndjson (JSON Lines) and .parquet files.`,
      { file: path }
    );
  }
  return format;
}
function batchesOf(path, options) {
  switch (dataFormat(path)) {
    case "csv":
      return csvBatches(path, options);
    case "jsonl":
      return jsonlBatches(path, options);
    case "parquet":
      return parquetBatches(path, options);
  }
}

// src/data/read-table.ts
async function readTable(path, options = {}) {
  return readWhole(path, options, true);
}
async function readTables(paths, options = {}) {
  if (paths.length === 0) throw new UserError("No data files to read; name at least one .csv, .jsonl, .ndjson or .parquet file.");
  if (paths.length === 1) return readTable(paths[0], options);
  const tables = [];
  for (const path of paths) tables.push(await readWhole(path, options, false));
  for (const name of options.columns ?? []) {
    if (!tables.some((table) => table.columns.some((c) => c.name === name))) {
      throw new UserError(`No column named "${name}" in any of ${paths.join(", ")}; fix the column name or the files.`, { column: name });
    }
  }
  const categorical = new Set(tables.flatMap((table) => table.columns.filter((c) => c.kind === "categorical").map((c) => c.name)));
  for (let i = 0; i < tables.length; i++) {
    if (dataFormat(paths[i]) !== "csv") continue;
    const numericHere = tables[i].columns.filter((c) => c.kind === "numeric" && categorical.has(c.name) && hasValue(c.values));
    if (numericHere.length > 0) tables[i] = await rereadAsText(tables[i], paths[i], options, numericHere.map((c) => c.name));
  }
  return concatTables(tables, paths.join(", "));
}
async function readWhole(path, options, requireColumns) {
  const readOptions = { columns: options.columns, types: options.types, requireColumns };
  const batch = (dataFormat(path) === "csv" ? await readCsvParallel(path, readOptions) : void 0) ?? await onlyBatch(path, readOptions);
  let table = { source: path, rowCount: batch.rowCount, columns: batch.columns };
  const promotedAfterNumbers = batch.promotions.filter((p) => p.numbersBefore > 0).map((p) => p.column);
  if (promotedAfterNumbers.length > 0 && dataFormat(path) === "csv") {
    table = await rereadAsText(table, path, options, promotedAfterNumbers);
  }
  return table;
}
async function rereadAsText(table, path, options, names) {
  const types = { ...options.types };
  for (const name of names) types[name] = "categorical";
  const again = await onlyBatch(path, { columns: names, types, requireColumns: true });
  const replaced = new Map(again.columns.map((c) => [c.name, c]));
  return { ...table, columns: table.columns.map((c) => replaced.get(c.name) ?? c) };
}
async function onlyBatch(path, options) {
  let only;
  for await (const batch of batchesOf(path, { ...options, batchRows: Infinity })) only = batch;
  if (only === void 0) throw new Error(`reader yielded no batch for ${path}`);
  return only;
}
function hasValue(values) {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return true;
  return false;
}
export {
  DEFAULT_MAX_CATEGORIES,
  readTable,
  readTables,
  rocAuc,
  trainLogisticModel
};
