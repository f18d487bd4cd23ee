import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  Xoshiro128,
  createRandom,
  xoshiroState
} from "./chunk-B2QWUM32.js";
import {
  radixArgsort
} from "./chunk-7NQOJBQY.js";
import {
  UserError,
  isUserError
} from "./chunk-G5TKV47H.js";
import {
  argmaxRows
} from "./chunk-4YKUQJNZ.js";

// src/stats/metrics/types.ts
var DEFAULT_THRESHOLD = 0.5;
var DEFAULT_CALIBRATION_BINS = 10;
function resolveMetricOptions(options = {}) {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const calibrationBins = options.calibrationBins ?? DEFAULT_CALIBRATION_BINS;
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be a finite number, got ${threshold}`);
  if (!Number.isInteger(calibrationBins) || calibrationBins < 1) {
    throw new RangeError(`calibrationBins must be a positive integer, got ${calibrationBins}`);
  }
  return { threshold, calibrationBins };
}
function createPreparationCache() {
  return { memo: /* @__PURE__ */ new Map() };
}
function cached(cache, kind, key, compute) {
  if (!cache) return compute();
  let byObject = cache.memo.get(kind);
  if (!byObject) cache.memo.set(kind, byObject = /* @__PURE__ */ new WeakMap());
  if (byObject.has(key)) return byObject.get(key);
  const value = compute();
  byObject.set(key, value);
  return value;
}

// src/stats/bootstrap/poisson-weights.ts
var GROUP_LANES = 4;
var MAX_WEIGHT = 12;
var POISSON_THRESHOLDS = (() => {
  const thresholds = [];
  let probability = Math.exp(-1);
  let cumulative = 0;
  for (let k = 0; k < MAX_WEIGHT; k++) {
    cumulative += probability;
    thresholds.push(Math.min(4294967296, Math.ceil(cumulative * 4294967296)));
    probability /= k + 1;
  }
  return thresholds;
})();
function weightOfUniform(u) {
  let weight = 0;
  while (weight < MAX_WEIGHT && u >= POISSON_THRESHOLDS[weight]) weight++;
  return weight;
}
var POISSON_BY_BUCKET = (() => {
  const table = new Float32Array(65536);
  for (let bucket = 0; bucket < 65536; bucket++) {
    const low = weightOfUniform(bucket * 65536);
    table[bucket] = low === weightOfUniform(bucket * 65536 + 65535) ? low : -1;
  }
  return table;
})();
var SALT1 = 1540483477;
var SALT2 = 1759714724;
function groupKeys(seed, group) {
  const random = new Xoshiro128(xoshiroState(seed, group));
  return [random.nextUint32() | 0, random.nextUint32() | 0];
}
function rowHash(row, key1, key2) {
  let h = row ^ key1;
  h = Math.imul(h ^ h >>> 16, 2146121005);
  h = Math.imul(h ^ h >>> 15, 2221713035);
  h = (h ^ h >>> 16) + key2 | 0;
  h = Math.imul(h ^ h >>> 16, 2146121005);
  h = Math.imul(h ^ h >>> 15, 2221713035);
  return h ^ h >>> 16;
}
function laneBucket(h, g, lane) {
  const bits = lane < 2 ? h : g;
  return lane % 2 === 0 ? bits >>> 16 : bits & 65535;
}
function refinedWeight(row, key1, key2, lane, bucket) {
  const low = rowHash(row, key2 ^ Math.imul(lane + 1, 2654435769), key1) >>> 16;
  return weightOfUniform(bucket * 65536 + low);
}
function allLaneWeights(h, g, row, key1, key2, out) {
  for (let lane = 0; lane < GROUP_LANES; lane++) {
    const bucket = laneBucket(h, g, lane);
    const weight = POISSON_BY_BUCKET[bucket];
    out[lane] = weight >= 0 ? weight : refinedWeight(row, key1, key2, lane, bucket);
  }
}
function fillPoissonWeights(weights, n, key1, key2, lane) {
  const [k1, k2] = lane < 2 ? [key1, key2] : [key1 ^ SALT1, key2 + SALT2 | 0];
  const shift = lane % 2 === 0 ? 16 : 0;
  for (let row = 0; row < n; row++) {
    const bucket = rowHash(row, k1, k2) >>> shift & 65535;
    const weight = POISSON_BY_BUCKET[bucket];
    weights[row] = weight >= 0 ? weight : refinedWeight(row, key1, key2, lane, bucket);
  }
}

// src/stats/bootstrap/kernel-warm-up.ts
var ROWS = 9e3;
var ROUNDS = 12;
function synthetic(id, seed) {
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
function warmUpKernel(id, kernel) {
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

// src/stats/bootstrap/bootstrap-runner.ts
var WARM_UP_THRESHOLD = 1e7;
function chunkCount(job) {
  return Math.ceil(job.resamples / job.chunkSize);
}
function createScratch(job, kernel) {
  return { weights: new Uint8Array(kernel.resampleGroup ? 0 : job.rowCount), out: new Float64Array(2 * GROUP_LANES) };
}
function runChunk(job, kernel, chunk, scratch) {
  const { weights, out } = scratch;
  const first = chunk * job.chunkSize;
  const last = Math.min(job.resamples, first + job.chunkSize);
  for (let r = first; r < last; r += GROUP_LANES) {
    const used = Math.min(GROUP_LANES, last - r);
    const [key1, key2] = groupKeys(job.seed, r / GROUP_LANES);
    if (kernel.resampleGroup) {
      kernel.resampleGroup(job.state, key1, key2, out);
    } else {
      for (let lane = 0; lane < used; lane++) {
        fillPoissonWeights(weights, job.rowCount, key1, key2, lane);
        kernel.evaluate(job.state, weights, out.subarray(2 * lane, 2 * lane + 2));
      }
    }
    for (let lane = 0; lane < used; lane++) {
      job.values[2 * (r + lane)] = out[2 * lane];
      job.values[2 * (r + lane) + 1] = out[2 * lane + 1];
    }
  }
  Atomics.store(job.chunkDone, chunk, 1);
}
function runClaimedChunks(job, kernel) {
  if (job.rowCount * job.resamples >= WARM_UP_THRESHOLD) warmUpKernel(job.kernel, kernel);
  const scratch = createScratch(job, kernel);
  const total = chunkCount(job);
  let ran = 0;
  for (; ; ) {
    const chunk = Atomics.add(job.nextChunk, 0, 1);
    if (chunk >= total) return ran;
    runChunk(job, kernel, chunk, scratch);
    ran++;
  }
}

// src/stats/metrics/compute-metric.ts
function computeWith(implementation, data, options, cache) {
  const state = implementation.prepare(data, resolveMetricOptions(options), cache);
  const { undefinedReason, note } = implementation.explain(state);
  if (undefinedReason) return { value: NaN, undefinedReason };
  const value = implementation.weighted(state, null);
  return note ? { value, note } : { value };
}

// src/stats/metrics/validate-inputs.ts
function once(cache, kind, first, second, check) {
  if (!cache) return check();
  const seen = cached(cache, kind, first, () => /* @__PURE__ */ new WeakSet());
  if (seen.has(second)) return;
  check();
  seen.add(second);
}
function describe(data, what) {
  return data.source ? `${data.source}: ${what}` : what;
}
function requireSameLength(data, aName, a, bName, b) {
  if (a.length !== b.length) {
    throw new UserError(
      describe(
        data,
        `${aName} has ${a.length} rows but ${bName} has ${b.length}; the model must produce exactly one prediction per held-out row.`
      )
    );
  }
}
var MODEL_OUTPUT_HINT = "Check the model's output for that row (missing or non-numeric feature values are the usual cause).";
var LABEL_HINT = "Fill or drop rows whose label is missing before evaluating.";
function requireFinite(data, name, values, hint, perRow = 1) {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value !== 0) {
      const row = Math.floor(i / perRow);
      const where = perRow > 1 ? `row ${row}, class ${i % perRow}` : `row ${row}`;
      throw new UserError(
        describe(data, `${name} at ${where} (0-based) is ${value}; it must be a finite number. ${hint}`)
      );
    }
  }
}
function requireProbabilities(data, name, values, metric, perRow = 1) {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!(value >= 0 && value <= 1)) {
      const row = Math.floor(i / perRow);
      throw new UserError(
        describe(
          data,
          `${name} at row ${row} (0-based) is ${value}, but ${metric} needs probabilities in [0, 1]. Export the model's probability output (e.g. predict_proba), not a raw score or logit.`
        )
      );
    }
  }
}
function checkBinary(data, probabilityMetric, cache) {
  once(cache, "checked-binary", data.scores, data.labels, () => checkBinaryRows(data));
  if (probabilityMetric) {
    once(
      cache,
      "checked-probabilities",
      data.scores,
      data.scores,
      () => requireProbabilities(data, "the score", data.scores, probabilityMetric)
    );
  }
}
function checkBinaryRows(data) {
  requireSameLength(data, "the label column", data.labels, "the scores", data.scores);
  const labels = data.labels;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) {
      throw new UserError(
        describe(
          data,
          `the label at row ${i} (0-based) is ${label}, but a binary task needs labels 0 or 1. ${Number.isNaN(label) ? LABEL_HINT + " " : ""}Encode the positive class as 1 and the other as 0, or set task: multiclass.`
        )
      );
    }
  }
  requireFinite(data, "the score", data.scores, MODEL_OUTPUT_HINT);
}
function checkMulticlass(data, probabilityMetric, cache) {
  once(cache, "checked-multiclass", data.probabilities, data.labels, () => checkMulticlassRows(data));
  if (probabilityMetric) {
    once(
      cache,
      "checked-class-probabilities",
      data.probabilities,
      data.probabilities,
      () => requireProbabilities(data, "the probability", data.probabilities, probabilityMetric, data.classCount)
    );
  }
}
function checkMulticlassRows(data) {
  const { labels, probabilities, classCount } = data;
  if (!Number.isInteger(classCount) || classCount < 2) {
    throw new UserError(describe(data, `a multiclass model needs at least 2 classes, got ${classCount}.`));
  }
  if (probabilities.length !== labels.length * classCount) {
    throw new UserError(
      describe(
        data,
        `the probabilities have ${probabilities.length} values, expected ${labels.length} rows x ${classCount} classes = ${labels.length * classCount}; the model must output one probability per class for every held-out row.`
      )
    );
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      throw new UserError(
        describe(
          data,
          `the label at row ${i} (0-based) is ${label}, but labels must be class indices 0..${classCount - 1} matching the model's probability columns.`
        )
      );
    }
  }
  requireFinite(data, "the probability", probabilities, MODEL_OUTPUT_HINT, classCount);
}
function checkRegression(data, cache) {
  once(cache, "checked-regression", data.predictions, data.targets, () => checkRegressionRows(data));
}
function checkRegressionRows(data) {
  requireSameLength(data, "the target column", data.targets, "the predictions", data.predictions);
  requireFinite(data, "the target", data.targets, LABEL_HINT);
  requireFinite(data, "the prediction", data.predictions, MODEL_OUTPUT_HINT);
}
function expectTask(data, task) {
  if (data.task !== task) throw new TypeError(`expected ${task} predictions, got ${data.task}`);
  return data;
}

// src/stats/metrics/confusion-counts.ts
var TN = 0;
var FP = 1;
var FN = 2;
var TP = 3;
function prepareConfusion(data, options, cache) {
  const binary = expectTask(data, "binary");
  checkBinary(binary, void 0, cache);
  const byThreshold = cached(
    cache,
    "confusion-codes",
    binary.scores,
    () => /* @__PURE__ */ new Map()
  );
  const hit = byThreshold.get(options.threshold);
  if (hit && hit.labels === binary.labels) return hit.state;
  const codes = new Uint8Array(binary.labels.length);
  for (let i = 0; i < codes.length; i++) {
    codes[i] = 2 * binary.labels[i] + (binary.scores[i] >= options.threshold ? 1 : 0);
  }
  const state = { codes };
  byThreshold.set(options.threshold, { labels: binary.labels, state });
  return state;
}
function confusionCells(state, weights) {
  const cells = new Float64Array(4);
  const { codes } = state;
  if (weights === null) for (let i = 0; i < codes.length; i++) cells[codes[i]]++;
  else for (let i = 0; i < codes.length; i++) cells[codes[i]] += weights[i];
  return cells;
}
function confusionImplementation(metric) {
  return {
    prepare: prepareConfusion,
    weighted(state, weights) {
      const cells = confusionCells(state, weights);
      return cells[0] + cells[1] + cells[2] + cells[3] === 0 ? NaN : metric.value(cells);
    },
    explain(state) {
      if (state.codes.length === 0) return { undefinedReason: "there are no rows" };
      const note = metric.note(confusionCells(state, null));
      return note ? { note } : {};
    },
    leaveOneOut(state) {
      const cells = confusionCells(state, null);
      const byCell = [0, 1, 2, 3].map((cell) => {
        const reduced = Float64Array.from(cells);
        reduced[cell]--;
        return reduced[0] + reduced[1] + reduced[2] + reduced[3] === 0 ? NaN : metric.value(reduced);
      });
      return Float64Array.from(state.codes, (code) => byCell[code]);
    }
  };
}

// src/stats/metrics/accuracy.ts
var accuracyImplementation = confusionImplementation({
  value: (cells) => (cells[TP] + cells[TN]) / (cells[TP] + cells[TN] + cells[FP] + cells[FN]),
  note: () => void 0
});

// src/stats/metrics/score-ranking.ts
function rankScores(labels, scores) {
  const n = labels.length;
  const start = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 0) start[next++] = i;
  const negatives = next;
  for (let i = 0; i < n; i++) if (labels[i] !== 0) start[next++] = i;
  const order = radixArgsort(scores, start);
  const sortedLabels = new Uint8Array(n);
  const sortedScores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = order[i];
    sortedLabels[i] = labels[row];
    sortedScores[i] = scores[row];
  }
  const ends = new Int32Array(n);
  let groupCount = 0;
  const mixed = [];
  let groupStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || sortedScores[i] !== sortedScores[groupStart]) {
      ends[groupCount++] = i;
      if (sortedLabels[groupStart] === 0 && sortedLabels[i - 1] === 1) mixed.push(groupStart, i);
      groupStart = i;
    }
  }
  return {
    order,
    sortedLabels,
    sortedScores,
    groupEnds: ends.slice(0, groupCount),
    mixedGroups: Int32Array.from(mixed),
    positives: n - negatives,
    negatives
  };
}
function rankScoresCached(labels, scores, cache) {
  const byLabels = cached(cache, "score-ranking", scores, () => /* @__PURE__ */ new WeakMap());
  let ranking = byLabels.get(labels);
  if (!ranking) {
    ranking = rankScores(labels, scores);
    byLabels.set(labels, ranking);
  }
  return ranking;
}

// src/stats/metrics/average-precision.ts
function averagePrecisionFromRanking(ranking, weights) {
  const { order, sortedLabels, groupEnds } = ranking;
  let sum = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let end = order.length;
  for (let g = groupEnds.length - 2; g >= -1; g--) {
    const start = g >= 0 ? groupEnds[g] : 0;
    let groupPositives = 0;
    let groupNegatives = 0;
    for (let i = start; i < end; i++) {
      const weight = weights === null ? 1 : weights[order[i]];
      if (sortedLabels[i] === 1) groupPositives += weight;
      else groupNegatives += weight;
    }
    truePositives += groupPositives;
    falsePositives += groupNegatives;
    if (groupPositives > 0) sum += groupPositives * truePositives / (truePositives + falsePositives);
    end = start;
  }
  return truePositives === 0 ? NaN : sum / truePositives;
}
var averagePrecisionImplementation = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, void 0, cache);
    return { ranking: rankScoresCached(binary.labels, binary.scores, cache) };
  },
  weighted: (state, weights) => averagePrecisionFromRanking(state.ranking, weights),
  explain(state) {
    if (state.ranking.order.length === 0) return { undefinedReason: "there are no rows" };
    if (state.ranking.positives === 0) {
      return {
        undefinedReason: "no positives (label 1) in the labels, so recall is undefined (scikit-learn warns and reports 0)"
      };
    }
    return {};
  }
};

// src/stats/metrics/row-mean.ts
function weightedRowMean(state, weights) {
  const { values } = state;
  let sum = 0;
  let total = 0;
  if (weights === null) {
    for (let i = 0; i < values.length; i++) sum += values[i];
    total = values.length;
  } else {
    for (let i = 0; i < values.length; i++) {
      const weight = weights[i];
      sum += weight * values[i];
      total += weight;
    }
  }
  if (total === 0) return NaN;
  const mean = sum / total;
  return state.transform === "sqrt" ? Math.sqrt(mean) : mean;
}
function rowMeanLeaveOneOut(state) {
  const { values } = state;
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const leftOut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mean = n > 1 ? (sum - values[i]) / (n - 1) : NaN;
    leftOut[i] = state.transform === "sqrt" ? Math.sqrt(Math.max(0, mean)) : mean;
  }
  return leftOut;
}
function explainRowMean(state) {
  return state.values.length === 0 ? { undefinedReason: "there are no rows" } : {};
}

// src/stats/metrics/brier-score.ts
var brierScoreImplementation = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, "brier", cache);
    const values = new Float64Array(binary.labels.length);
    for (let i = 0; i < values.length; i++) {
      const difference = binary.labels[i] - binary.scores[i];
      values[i] = difference * difference;
    }
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut
};

// src/stats/metrics/expected-calibration-error.ts
function weightedCalibrationError(state, weights) {
  const { bins, labels, scores, binCount } = state;
  const labelSums = new Float64Array(binCount);
  const scoreSums = new Float64Array(binCount);
  let total = 0;
  for (let i = 0; i < bins.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    labelSums[bins[i]] += weight * labels[i];
    scoreSums[bins[i]] += weight * scores[i];
    total += weight;
  }
  if (total === 0) return NaN;
  let sum = 0;
  for (let b = 0; b < binCount; b++) sum += Math.abs(labelSums[b] - scoreSums[b]);
  return sum / total;
}
var calibrationErrorImplementation = {
  prepare(data, options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, "expected calibration error", cache);
    const binCount = options.calibrationBins;
    const bins = new Int32Array(binary.scores.length);
    for (let i = 0; i < bins.length; i++) bins[i] = Math.min(Math.floor(binary.scores[i] * binCount), binCount - 1);
    return { bins, labels: binary.labels, scores: binary.scores, binCount };
  },
  weighted: weightedCalibrationError,
  explain: (state) => state.bins.length === 0 ? { undefinedReason: "there are no rows" } : {}
};

// src/stats/metrics/f1-score.ts
var f1Implementation = confusionImplementation({
  value: (cells) => {
    const denominator = 2 * cells[TP] + cells[FP] + cells[FN];
    return denominator === 0 ? 0 : 2 * cells[TP] / denominator;
  },
  note: (cells) => 2 * cells[TP] + cells[FP] + cells[FN] === 0 ? "no positive label and no positive prediction, so F1 is 0 by scikit-learn's zero_division convention" : void 0
});

// src/stats/metrics/log-loss.ts
var LOG_LOSS_EPS = Number.EPSILON;
function binaryLogLossTerm(label, probability) {
  const p = Math.min(Math.max(probability, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
  const q = 1 - p;
  const sum = q + p;
  return -Math.log((label === 1 ? p : q) / sum);
}
var logLossImplementation = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, "log_loss", cache);
    const values = new Float64Array(binary.labels.length);
    for (let i = 0; i < values.length; i++) values[i] = binaryLogLossTerm(binary.labels[i], binary.scores[i]);
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut
};

// src/stats/metrics/macro-f1.ts
function weightedMacroF1(state, weights) {
  const { labels, predicted, classCount } = state;
  const truePositives = new Float64Array(classCount);
  const actual = new Float64Array(classCount);
  const predictedTotals = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    if (weight === 0) continue;
    actual[labels[i]] += weight;
    predictedTotals[predicted[i]] += weight;
    if (labels[i] === predicted[i]) truePositives[labels[i]] += weight;
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classCount; c++) {
    const denominator = actual[c] + predictedTotals[c];
    if (denominator === 0) continue;
    sum += 2 * truePositives[c] / denominator;
    present++;
  }
  return present === 0 ? NaN : sum / present;
}
var macroF1Implementation = {
  prepare(data, _options, cache) {
    const multiclass = expectTask(data, "multiclass");
    checkMulticlass(multiclass, void 0, cache);
    return {
      labels: Int32Array.from(multiclass.labels),
      predicted: argmaxRows(multiclass.probabilities, multiclass.classCount),
      classCount: multiclass.classCount
    };
  },
  weighted: weightedMacroF1,
  explain: (state) => state.labels.length === 0 ? { undefinedReason: "there are no rows" } : {}
};

// src/stats/metrics/mae.ts
var maeImplementation = {
  prepare(data, _options, cache) {
    const regression = expectTask(data, "regression");
    checkRegression(regression, cache);
    const values = new Float64Array(regression.targets.length);
    for (let i = 0; i < values.length; i++) values[i] = Math.abs(regression.targets[i] - regression.predictions[i]);
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut
};

// src/stats/metrics/multiclass-accuracy.ts
var multiclassAccuracyImplementation = {
  prepare(data, _options, cache) {
    const multiclass = expectTask(data, "multiclass");
    checkMulticlass(multiclass, void 0, cache);
    const predicted = argmaxRows(multiclass.probabilities, multiclass.classCount);
    const values = new Float64Array(predicted.length);
    for (let i = 0; i < values.length; i++) values[i] = predicted[i] === multiclass.labels[i] ? 1 : 0;
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut
};

// src/stats/metrics/multiclass-log-loss.ts
var multiclassLogLossImplementation = {
  prepare(data, _options, cache) {
    const multiclass = expectTask(data, "multiclass");
    checkMulticlass(multiclass, "log_loss", cache);
    const { labels, probabilities, classCount } = multiclass;
    const values = new Float64Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const offset = i * classCount;
      let sum = 0;
      for (let c = 0; c < classCount; c++) sum += clip(probabilities[offset + c]);
      values[i] = -Math.log(clip(probabilities[offset + labels[i]]) / sum);
    }
    return { values, transform: "identity" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut
};
function clip(probability) {
  return Math.min(Math.max(probability, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}

// src/stats/metrics/precision.ts
var precisionImplementation = confusionImplementation({
  value: (cells) => cells[TP] + cells[FP] === 0 ? 0 : cells[TP] / (cells[TP] + cells[FP]),
  note: (cells) => cells[TP] + cells[FP] === 0 ? "no row is predicted positive, so precision is 0 by scikit-learn's zero_division convention" : void 0
});

// src/stats/metrics/r2-score.ts
function weightedR2(state, weights) {
  const { targets, predictions } = state;
  let total = 0;
  let targetSum = 0;
  for (let i = 0; i < targets.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    total += weight;
    targetSum += weight * targets[i];
  }
  if (total === 0) return NaN;
  const mean = targetSum / total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < targets.length; i++) {
    const weight = weights === null ? 1 : weights[i];
    const error = targets[i] - predictions[i];
    const deviation = targets[i] - mean;
    residual += weight * error * error;
    spread += weight * deviation * deviation;
  }
  return spread === 0 ? NaN : 1 - residual / spread;
}
var r2Implementation = {
  prepare(data, _options, cache) {
    const regression = expectTask(data, "regression");
    checkRegression(regression, cache);
    return { targets: regression.targets, predictions: regression.predictions };
  },
  weighted: weightedR2,
  explain(state) {
    if (state.targets.length === 0) return { undefinedReason: "there are no rows" };
    if (Number.isNaN(weightedR2(state, null))) {
      return {
        undefinedReason: "the targets are constant, so R\xB2 is undefined (scikit-learn reports 1.0 for a perfect fit, else 0.0)"
      };
    }
    return {};
  }
};

// src/stats/metrics/recall.ts
var recallImplementation = confusionImplementation({
  value: (cells) => cells[TP] + cells[FN] === 0 ? 0 : cells[TP] / (cells[TP] + cells[FN]),
  note: (cells) => cells[TP] + cells[FN] === 0 ? "the labels hold no positive, so recall is 0 by scikit-learn's zero_division convention" : void 0
});

// src/stats/metrics/rmse.ts
var rmseImplementation = {
  prepare(data, _options, cache) {
    const regression = expectTask(data, "regression");
    checkRegression(regression, cache);
    const values = new Float64Array(regression.targets.length);
    for (let i = 0; i < values.length; i++) {
      const error = regression.targets[i] - regression.predictions[i];
      values[i] = error * error;
    }
    return { values, transform: "sqrt" };
  },
  weighted: weightedRowMean,
  explain: explainRowMean,
  leaveOneOut: rowMeanLeaveOneOut
};

// src/stats/metrics/auc-placements.ts
function aucPlacements(ranking) {
  const { order, sortedLabels, groupEnds, positives, negatives } = ranking;
  const placements = new Float64Array(order.length);
  let start = 0;
  let negativesBelow = 0;
  let positivesBelow = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const end = groupEnds[g];
    let groupPositives = 0;
    for (let i = start; i < end; i++) groupPositives += sortedLabels[i];
    const groupNegatives = end - start - groupPositives;
    const positivePlacement = (negativesBelow + groupNegatives / 2) / negatives;
    const negativePlacement = (positives - positivesBelow - groupPositives / 2) / positives;
    for (let i = start; i < end; i++) {
      placements[order[i]] = sortedLabels[i] === 1 ? positivePlacement : negativePlacement;
    }
    negativesBelow += groupNegatives;
    positivesBelow += groupPositives;
    start = end;
  }
  return placements;
}

// src/stats/metrics/roc-auc.ts
function rocAucFromRanking(ranking, weights) {
  const { order, sortedLabels, groupEnds } = ranking;
  let numeratorTwice = 0;
  let negativesBelow = 0;
  let positiveTotal = 0;
  let start = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const end = groupEnds[g];
    let groupPositives = 0;
    let groupNegatives = 0;
    for (let i = start; i < end; i++) {
      const weight = weights === null ? 1 : weights[order[i]];
      if (sortedLabels[i] === 1) groupPositives += weight;
      else groupNegatives += weight;
    }
    numeratorTwice += groupPositives * (2 * negativesBelow + groupNegatives);
    negativesBelow += groupNegatives;
    positiveTotal += groupPositives;
    start = end;
  }
  if (positiveTotal === 0 || negativesBelow === 0) return NaN;
  return numeratorTwice / (2 * positiveTotal * negativesBelow);
}
function explainRocAuc(ranking) {
  if (ranking.order.length === 0) return { undefinedReason: "there are no rows" };
  if (ranking.positives === 0)
    return { undefinedReason: "only one class in the labels (no positives, label 1); ROC AUC needs both classes" };
  if (ranking.negatives === 0)
    return { undefinedReason: "only one class in the labels (no negatives, label 0); ROC AUC needs both classes" };
  return {};
}
var rocAucImplementation = {
  prepare(data, _options, cache) {
    const binary = expectTask(data, "binary");
    checkBinary(binary, void 0, cache);
    return { ranking: rankScoresCached(binary.labels, binary.scores, cache) };
  },
  weighted: (state, weights) => rocAucFromRanking(state.ranking, weights),
  explain: (state) => explainRocAuc(state.ranking),
  /**
   * Removing positive i gives (n1 * AUC - V10_i) / (n1 - 1); removing negative j gives
   * (n0 * AUC - V01_j) / (n0 - 1) (placements, auc-placements.ts). NaN where a class would vanish.
   */
  leaveOneOut(state) {
    const { ranking } = state;
    const auc = rocAucFromRanking(ranking, null);
    const placements = aucPlacements(ranking);
    const { positives, negatives } = ranking;
    const leftOut = new Float64Array(placements.length);
    for (let g = 0; g < ranking.order.length; g++) {
      const row = ranking.order[g];
      const isPositive = ranking.sortedLabels[g] === 1;
      const remaining = (isPositive ? positives : negatives) - 1;
      leftOut[row] = remaining === 0 ? NaN : ((remaining + 1) * auc - placements[row]) / remaining;
    }
    return leftOut;
  }
};

// src/stats/metrics/registry.ts
var definitions = [
  {
    name: "roc_auc",
    description: "area under the ROC curve (probability a positive outranks a negative; ties count half)",
    direction: "higher",
    implementations: { binary: rocAucImplementation }
  },
  {
    name: "average_precision",
    description: "average precision: step-wise area under the precision-recall curve",
    direction: "higher",
    implementations: { binary: averagePrecisionImplementation }
  },
  {
    name: "log_loss",
    description: "cross-entropy of the predicted probabilities (natural log)",
    direction: "lower",
    implementations: { binary: logLossImplementation, multiclass: multiclassLogLossImplementation }
  },
  {
    name: "brier",
    description: "mean squared error of the predicted probability of class 1",
    direction: "lower",
    implementations: { binary: brierScoreImplementation }
  },
  {
    name: "accuracy",
    description: "share of rows predicted correctly (binary: score >= threshold; multiclass: most probable class)",
    direction: "higher",
    implementations: { binary: accuracyImplementation, multiclass: multiclassAccuracyImplementation }
  },
  {
    name: "precision",
    description: "TP / (TP + FP) at the threshold (0 when nothing is predicted positive)",
    direction: "higher",
    implementations: { binary: precisionImplementation }
  },
  {
    name: "recall",
    description: "TP / (TP + FN) at the threshold (0 when there is no positive)",
    direction: "higher",
    implementations: { binary: recallImplementation }
  },
  {
    name: "f1",
    description: "harmonic mean of precision and recall at the threshold",
    direction: "higher",
    implementations: { binary: f1Implementation }
  },
  {
    name: "ece",
    description: "expected calibration error: weighted |observed rate - mean probability| over equal-width bins",
    direction: "lower",
    implementations: { binary: calibrationErrorImplementation }
  },
  {
    name: "macro_f1",
    description: "unweighted mean of per-class F1 over the classes present",
    direction: "higher",
    implementations: { multiclass: macroF1Implementation }
  },
  {
    name: "rmse",
    description: "root mean squared error",
    direction: "lower",
    implementations: { regression: rmseImplementation }
  },
  {
    name: "mae",
    description: "mean absolute error",
    direction: "lower",
    implementations: { regression: maeImplementation }
  },
  {
    name: "r2",
    description: "coefficient of determination (1 - residual / total sum of squares)",
    direction: "higher",
    implementations: { regression: r2Implementation }
  }
];
var METRICS = new Map(definitions.map((d) => [d.name, d]));
function metricNames(task) {
  return definitions.filter((d) => !task || d.implementations[task]).map((d) => d.name);
}
function metricTasks(definition) {
  return Object.keys(definition.implementations).filter((task) => definition.implementations[task]);
}
function findMetric(name, task, key = "evaluate.metric") {
  const definition = METRICS.get(name);
  if (!definition) {
    throw new UserError(`${key}: unknown metric "${name}". Use one of: ${metricNames(task).join(", ")}.`, { key });
  }
  const implementation = definition.implementations[task];
  if (!implementation) {
    throw new UserError(
      `${key}: metric "${name}" does not apply to task ${task} (it applies to ${metricTasks(definition).join(", ")}). For ${task} use one of: ${metricNames(task).join(", ")}.`,
      { key }
    );
  }
  return { definition, implementation };
}
function computeMetric(name, data, options) {
  return computeWith(findMetric(name, data.task).implementation, data, options);
}
function computeAllMetrics(data, options, cache = createPreparationCache()) {
  checkInput(data, cache);
  const results = {};
  for (const name of metricNames(data.task)) {
    try {
      results[name] = computeWith(findMetric(name, data.task).implementation, data, options, cache);
    } catch (error) {
      if (!isUserError(error)) throw error;
      results[name] = { value: NaN, undefinedReason: error.message };
    }
  }
  return results;
}
function checkInput(data, cache) {
  if (data.task === "binary") checkBinary(data, void 0, cache);
  else if (data.task === "multiclass") checkMulticlass(data, void 0, cache);
  else checkRegression(data, cache);
}

// src/stats/bootstrap/roc-auc-kernel.ts
var rocAucKernel = {
  prepare(championData, challengerData, _options, cache) {
    const champion = expectTask(championData, "binary");
    const challenger = expectTask(challengerData, "binary");
    checkBinary(champion, void 0, cache);
    checkBinary(challenger, void 0, cache);
    const championRanking = rankScoresCached(champion.labels, champion.scores, cache);
    const challengerRanking = rankScoresCached(challenger.labels, challenger.scores, cache);
    const n = champion.labels.length;
    const canonicalOfRow = new Int32Array(n);
    for (let position = 0; position < n; position++) canonicalOfRow[championRanking.order[position]] = position;
    const championOrder = new Int32Array(n);
    for (let i = 0; i < n; i++) championOrder[i] = i | championRanking.sortedLabels[i] << 31;
    const challengerOrder = new Int32Array(n);
    for (let i = 0; i < n; i++)
      challengerOrder[i] = canonicalOfRow[challengerRanking.order[i]] | challengerRanking.sortedLabels[i] << 31;
    const state = {
      rowCount: n,
      championOrder,
      championMixedGroups: championRanking.mixedGroups,
      challengerOrder,
      challengerMixedGroups: challengerRanking.mixedGroups
    };
    return {
      state,
      rowCount: n,
      full: [rocAucFromRanking(championRanking, null), rocAucFromRanking(challengerRanking, null)],
      leaveOneOut: () => ({
        champion: inCanonicalOrder(championRanking, canonicalOfRow),
        challenger: inCanonicalOrder(challengerRanking, canonicalOfRow)
      })
    };
  },
  evaluate(state, weights, out) {
    out[0] = weightedAuc(state.championOrder, state.championMixedGroups, weights);
    out[1] = weightedAuc(state.challengerOrder, state.challengerMixedGroups, weights);
  },
  resampleGroup(state, key1, key2, out) {
    poissonPass(state.championOrder, state.championMixedGroups, key1, key2, out, 0);
    poissonPass(state.challengerOrder, state.challengerMixedGroups, key1, key2, out, 1);
  }
};
function inCanonicalOrder(ranking, canonicalOfRow) {
  const byRow = rocAucImplementation.leaveOneOut({ ranking });
  const canonical = new Float64Array(byRow.length);
  for (let row = 0; row < byRow.length; row++) canonical[canonicalOfRow[row]] = byRow[row];
  return canonical;
}
var LABEL_VALUE = new Float64Array([0, 1]);
var POSITION_MASK = 2147483647;
function weightedAuc(order, mixedGroups, weights) {
  let below = 0;
  let sum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; i++) {
    const entry = order[i];
    const weight = weights[entry & POSITION_MASK];
    const positive = weight * LABEL_VALUE[entry >>> 31];
    sum += positive * below;
    below += weight - positive;
    positives += positive;
  }
  let tied = 0;
  for (let g = 0; g < mixedGroups.length; g += 2) {
    let positive = 0;
    let total = 0;
    for (let k = mixedGroups[g]; k < mixedGroups[g + 1]; k++) {
      const entry = order[k];
      const weight = weights[entry & POSITION_MASK];
      positive += weight * LABEL_VALUE[entry >>> 31];
      total += weight;
    }
    tied += positive * (total - positive);
  }
  return midrankAuc(sum, tied, positives, below);
}
function poissonPass(order, mixedGroups, key1, key2, out, model) {
  let below0 = 0;
  let sum0 = 0;
  let positives0 = 0;
  let below1 = 0;
  let sum1 = 0;
  let positives1 = 0;
  let below2 = 0;
  let sum2 = 0;
  let positives2 = 0;
  let below3 = 0;
  let sum3 = 0;
  let positives3 = 0;
  const key3 = key1 ^ SALT1;
  const key4 = key2 + SALT2 | 0;
  for (let i = 0; i < order.length; i++) {
    const entry = order[i];
    const row = entry & POSITION_MASK;
    const y = LABEL_VALUE[entry >>> 31];
    let h = row ^ key1;
    h = Math.imul(h ^ h >>> 16, 2146121005);
    h = Math.imul(h ^ h >>> 15, 2221713035);
    h = (h ^ h >>> 16) + key2 | 0;
    h = Math.imul(h ^ h >>> 16, 2146121005);
    h = Math.imul(h ^ h >>> 15, 2221713035);
    h ^= h >>> 16;
    let g = row ^ key3;
    g = Math.imul(g ^ g >>> 16, 2146121005);
    g = Math.imul(g ^ g >>> 15, 2221713035);
    g = (g ^ g >>> 16) + key4 | 0;
    g = Math.imul(g ^ g >>> 16, 2146121005);
    g = Math.imul(g ^ g >>> 15, 2221713035);
    g ^= g >>> 16;
    let w0 = POISSON_BY_BUCKET[h >>> 16];
    let w1 = POISSON_BY_BUCKET[h & 65535];
    let w2 = POISSON_BY_BUCKET[g >>> 16];
    let w3 = POISSON_BY_BUCKET[g & 65535];
    if (w0 < 0 || w1 < 0 || w2 < 0 || w3 < 0) {
      allLaneWeights(h, g, row, key1, key2, laneScratch);
      w0 = laneScratch[0];
      w1 = laneScratch[1];
      w2 = laneScratch[2];
      w3 = laneScratch[3];
    }
    const q0 = w0 * y;
    const q1 = w1 * y;
    const q2 = w2 * y;
    const q3 = w3 * y;
    sum0 += q0 * below0;
    below0 += w0 - q0;
    positives0 += q0;
    sum1 += q1 * below1;
    below1 += w1 - q1;
    positives1 += q1;
    sum2 += q2 * below2;
    below2 += w2 - q2;
    positives2 += q2;
    sum3 += q3 * below3;
    below3 += w3 - q3;
    positives3 += q3;
  }
  const tied = tieCorrections(order, mixedGroups, key1, key2);
  out[model] = midrankAuc(sum0, tied[0], positives0, below0);
  out[2 + model] = midrankAuc(sum1, tied[1], positives1, below1);
  out[4 + model] = midrankAuc(sum2, tied[2], positives2, below2);
  out[6 + model] = midrankAuc(sum3, tied[3], positives3, below3);
}
var laneScratch = new Float64Array(GROUP_LANES);
var tiedScratch = new Float64Array(GROUP_LANES);
function tieCorrections(order, mixedGroups, key1, key2) {
  let tied0 = 0;
  let tied1 = 0;
  let tied2 = 0;
  let tied3 = 0;
  const key3 = key1 ^ SALT1;
  const key4 = key2 + SALT2 | 0;
  for (let group = 0; group < mixedGroups.length; group += 2) {
    let positive0 = 0;
    let total0 = 0;
    let positive1 = 0;
    let total1 = 0;
    let positive2 = 0;
    let total2 = 0;
    let positive3 = 0;
    let total3 = 0;
    for (let k = mixedGroups[group]; k < mixedGroups[group + 1]; k++) {
      const entry = order[k];
      const row = entry & POSITION_MASK;
      const y = LABEL_VALUE[entry >>> 31];
      const h = rowHash(row, key1, key2);
      const g = rowHash(row, key3, key4);
      let w0 = POISSON_BY_BUCKET[h >>> 16];
      let w1 = POISSON_BY_BUCKET[h & 65535];
      let w2 = POISSON_BY_BUCKET[g >>> 16];
      let w3 = POISSON_BY_BUCKET[g & 65535];
      if (w0 < 0 || w1 < 0 || w2 < 0 || w3 < 0) {
        allLaneWeights(h, g, row, key1, key2, laneScratch);
        w0 = laneScratch[0];
        w1 = laneScratch[1];
        w2 = laneScratch[2];
        w3 = laneScratch[3];
      }
      positive0 += w0 * y;
      total0 += w0;
      positive1 += w1 * y;
      total1 += w1;
      positive2 += w2 * y;
      total2 += w2;
      positive3 += w3 * y;
      total3 += w3;
    }
    tied0 += positive0 * (total0 - positive0);
    tied1 += positive1 * (total1 - positive1);
    tied2 += positive2 * (total2 - positive2);
    tied3 += positive3 * (total3 - positive3);
  }
  tiedScratch[0] = tied0;
  tiedScratch[1] = tied1;
  tiedScratch[2] = tied2;
  tiedScratch[3] = tied3;
  return tiedScratch;
}
function midrankAuc(sum, tied, positives, negatives) {
  return positives === 0 || negatives === 0 ? NaN : (2 * sum - tied) / (2 * positives * negatives);
}

// src/stats/bootstrap/paired-kernel.ts
function genericKernel(implementation) {
  return {
    prepare(champion, challenger, options, cache) {
      const state = {
        champion: implementation.prepare(champion, options, cache),
        challenger: implementation.prepare(challenger, options, cache)
      };
      return {
        state,
        rowCount: rowCount(champion),
        full: [implementation.weighted(state.champion, null), implementation.weighted(state.challenger, null)],
        leaveOneOut() {
          if (!implementation.leaveOneOut) return null;
          return {
            champion: implementation.leaveOneOut(state.champion),
            challenger: implementation.leaveOneOut(state.challenger)
          };
        }
      };
    },
    evaluate(state, weights, out) {
      out[0] = implementation.weighted(state.champion, weights);
      out[1] = implementation.weighted(state.challenger, weights);
    }
  };
}
function rowCount(data) {
  return data.task === "regression" ? data.targets.length : data.labels.length;
}
function kernelFor(id) {
  if (id.metric === "roc_auc" && id.task === "binary") return rocAucKernel;
  return genericKernel(findMetric(id.metric, id.task).implementation);
}

export {
  resolveMetricOptions,
  createPreparationCache,
  checkBinary,
  checkMulticlass,
  rankScores,
  rankScoresCached,
  aucPlacements,
  rocAucFromRanking,
  METRICS,
  findMetric,
  computeMetric,
  computeAllMetrics,
  GROUP_LANES,
  chunkCount,
  createScratch,
  runChunk,
  runClaimedChunks,
  rowCount,
  kernelFor
};
