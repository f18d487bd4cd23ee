import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_FILE,
  loadConfig
} from "./chunk-V4KZY5W7.js";
import {
  Octokit,
  closeAfterAnswer,
  commentAuthor,
  commentMarker,
  createOnce,
  escapeHtml,
  escapeMarkdown,
  legacyRestEndpointMethods,
  markdownCode,
  paginateRest,
  retry,
  runShellCommand,
  throttling,
  upsertComment
} from "./chunk-JWWP2G4R.js";
import {
  assertNoStaleLocks,
  createGit,
  findRepoRoot,
  gitFailure,
  parseConfig,
  resolveCommit
} from "./chunk-FGOFSWAX.js";
import {
  ProtoDecodeError,
  batchesOf,
  dataFormat,
  decodeUtf8Lenient,
  readFields,
  readModelSummary,
  readTable,
  readTables,
  recordedClassLabels,
  recordedFeatureNames,
  startWorker
} from "./chunk-WBPJ563D.js";
import {
  GROUP_LANES,
  METRICS,
  aucPlacements,
  checkBinary,
  checkMulticlass,
  chunkCount,
  computeAllMetrics,
  computeMetric,
  createPreparationCache,
  createScratch,
  findMetric,
  kernelFor,
  rankScores,
  rankScoresCached,
  resolveMetricOptions,
  rocAucFromRanking,
  rowCount,
  runChunk,
  runClaimedChunks
} from "./chunk-3DG2FFFF.js";
import {
  createRandom
} from "./chunk-B2QWUM32.js";
import {
  MISSING_VALUE_TEXTS,
  isMissingText,
  parseNumberText
} from "./chunk-ET2GZXVJ.js";
import {
  DEFAULT_PSI_BINS,
  alignCategories,
  driftTestsFor,
  evaluateDriftTest,
  exactNumericSummary,
  findDriftTest,
  formatNumber,
  isConstant,
  jobSize,
  ksFromGaps,
  ksTwoSample,
  moments,
  normalizeWasserstein,
  presentCount,
  quantileSorted,
  runColumnJob,
  sortedNonMissing,
  summarizeCategorical,
  summarizeColumn,
  summarizeNumeric,
  unseenCategories
} from "./chunk-7XIFXTXH.js";
import {
  sortFloat64
} from "./chunk-7NQOJBQY.js";
import {
  UserError,
  isUserError
} from "./chunk-G5TKV47H.js";
import {
  CLASS_COLUMN,
  LOGGED_PREDICTION,
  RESERVED_NAMES,
  SCORE_COLUMN,
  formatRecords
} from "./chunk-CVDLFXB7.js";
import {
  argmaxRows
} from "./chunk-4YKUQJNZ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-O7XNMCZ6.js";

// node_modules/prom-client/lib/util.js
var require_util = __commonJS({
  "node_modules/prom-client/lib/util.js"(exports) {
    "use strict";
    exports.getValueAsString = function getValueString(value2) {
      if (Number.isNaN(value2)) {
        return "Nan";
      } else if (!Number.isFinite(value2)) {
        if (value2 < 0) {
          return "-Inf";
        } else {
          return "+Inf";
        }
      } else {
        return `${value2}`;
      }
    };
    exports.removeLabels = function removeLabels(hashMap, labels2, sortedLabelNames) {
      const hash = hashObject(labels2, sortedLabelNames);
      delete hashMap[hash];
    };
    exports.setValue = function setValue(hashMap, value2, labels2) {
      const hash = hashObject(labels2);
      hashMap[hash] = {
        value: typeof value2 === "number" ? value2 : 0,
        labels: labels2 || {}
      };
      return hashMap;
    };
    exports.setValueDelta = function setValueDelta(hashMap, deltaValue, labels2, hash = "") {
      const value2 = typeof deltaValue === "number" ? deltaValue : 0;
      if (hashMap[hash]) {
        hashMap[hash].value += value2;
      } else {
        hashMap[hash] = { value: value2, labels: labels2 };
      }
      return hashMap;
    };
    exports.getLabels = function(labelNames, args) {
      if (typeof args[0] === "object") {
        return args[0];
      }
      if (labelNames.length !== args.length) {
        throw new Error(
          `Invalid number of arguments (${args.length}): "${args.join(
            ", "
          )}" for label names (${labelNames.length}): "${labelNames.join(", ")}".`
        );
      }
      const acc = {};
      for (let i = 0; i < labelNames.length; i++) {
        acc[labelNames[i]] = args[i];
      }
      return acc;
    };
    function fastHashObject(keys, labels2) {
      if (keys.length === 0) {
        return "";
      }
      let hash = "";
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value2 = labels2[key];
        if (value2 === void 0) continue;
        hash += `${key}:${value2},`;
      }
      return hash;
    }
    function hashObject(labels2, labelNames) {
      if (labelNames) {
        return fastHashObject(labelNames, labels2);
      }
      const keys = Object.keys(labels2);
      if (keys.length > 1) {
        keys.sort();
      }
      return fastHashObject(keys, labels2);
    }
    exports.hashObject = hashObject;
    exports.isObject = function isObject(obj) {
      return obj !== null && typeof obj === "object";
    };
    exports.nowTimestamp = function nowTimestamp() {
      return Date.now() / 1e3;
    };
    var Grouper = class extends Map {
      /**
       * Adds the `value` to the `key`'s array of values.
       * @param {*} key Key to set.
       * @param {*} value Value to add to `key`'s array.
       * @returns {undefined} undefined.
       */
      add(key, value2) {
        if (this.has(key)) {
          this.get(key).push(value2);
        } else {
          this.set(key, [value2]);
        }
      }
    };
    exports.Grouper = Grouper;
  }
});

// node_modules/prom-client/lib/registry.js
var require_registry = __commonJS({
  "node_modules/prom-client/lib/registry.js"(exports, module) {
    "use strict";
    var { getValueAsString } = require_util();
    var Registry2 = class _Registry {
      static get PROMETHEUS_CONTENT_TYPE() {
        return "text/plain; version=0.0.4; charset=utf-8";
      }
      static get OPENMETRICS_CONTENT_TYPE() {
        return "application/openmetrics-text; version=1.0.0; charset=utf-8";
      }
      constructor(regContentType = _Registry.PROMETHEUS_CONTENT_TYPE) {
        this._metrics = {};
        this._collectors = [];
        this._defaultLabels = {};
        if (regContentType !== _Registry.PROMETHEUS_CONTENT_TYPE && regContentType !== _Registry.OPENMETRICS_CONTENT_TYPE) {
          throw new TypeError(`Content type ${regContentType} is unsupported`);
        }
        this._contentType = regContentType;
      }
      getMetricsAsArray() {
        return Object.values(this._metrics);
      }
      async getMetricsAsString(metrics) {
        const metric = typeof metrics.getForPromString === "function" ? await metrics.getForPromString() : await metrics.get();
        const name = escapeString(metric.name);
        const help = `# HELP ${name} ${escapeString(metric.help)}`;
        const type = `# TYPE ${name} ${metric.type}`;
        const values = [help, type];
        const defaultLabels = Object.keys(this._defaultLabels).length > 0 ? this._defaultLabels : null;
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        for (const val of metric.values || []) {
          let { metricName = name, labels: labels2 = {} } = val;
          const { sharedLabels = {} } = val;
          if (isOpenMetrics && metric.type === "counter") {
            metricName = `${metricName}_total`;
          }
          if (defaultLabels) {
            labels2 = { ...labels2, ...defaultLabels, ...labels2 };
          }
          const formattedLabels = formatLabels(labels2, sharedLabels);
          const flattenedShared = flattenSharedLabels(sharedLabels);
          const labelParts = [...formattedLabels, flattenedShared].filter(Boolean);
          const labelsString = labelParts.length ? `{${labelParts.join(",")}}` : "";
          let fullMetricLine = `${metricName}${labelsString} ${getValueAsString(
            val.value
          )}`;
          const { exemplar } = val;
          if (exemplar && isOpenMetrics) {
            const formattedExemplars = formatLabels(exemplar.labelSet);
            fullMetricLine += ` # {${formattedExemplars.join(
              ","
            )}} ${getValueAsString(exemplar.value)} ${exemplar.timestamp}`;
          }
          values.push(fullMetricLine);
        }
        return values.join("\n");
      }
      async metrics() {
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        const promises = this.getMetricsAsArray().map((metric) => {
          if (isOpenMetrics && metric.type === "counter") {
            metric.name = standardizeCounterName(metric.name);
          }
          return this.getMetricsAsString(metric);
        });
        const resolves = await Promise.all(promises);
        return isOpenMetrics ? `${resolves.join("\n")}
# EOF
` : `${resolves.join("\n\n")}
`;
      }
      registerMetric(metric) {
        if (this._metrics[metric.name] && this._metrics[metric.name] !== metric) {
          throw new Error(
            `A metric with the name ${metric.name} has already been registered.`
          );
        }
        this._metrics[metric.name] = metric;
      }
      clear() {
        this._metrics = {};
        this._defaultLabels = {};
      }
      async getMetricsAsJSON() {
        const metrics = [];
        const defaultLabelNames = Object.keys(this._defaultLabels);
        const promises = [];
        for (const metric of this.getMetricsAsArray()) {
          promises.push(metric.get());
        }
        const resolves = await Promise.all(promises);
        for (const item of resolves) {
          if (item.values && defaultLabelNames.length > 0) {
            for (const val of item.values) {
              val.labels = Object.assign({}, val.labels);
              for (const labelName of defaultLabelNames) {
                val.labels[labelName] = val.labels[labelName] || this._defaultLabels[labelName];
              }
            }
          }
          metrics.push(item);
        }
        return metrics;
      }
      removeSingleMetric(name) {
        delete this._metrics[name];
      }
      getSingleMetricAsString(name) {
        return this.getMetricsAsString(this._metrics[name]);
      }
      getSingleMetric(name) {
        return this._metrics[name];
      }
      setDefaultLabels(labels2) {
        this._defaultLabels = labels2;
      }
      resetMetrics() {
        for (const metric in this._metrics) {
          this._metrics[metric].reset();
        }
      }
      get contentType() {
        return this._contentType;
      }
      setContentType(metricsContentType) {
        if (metricsContentType === _Registry.OPENMETRICS_CONTENT_TYPE || metricsContentType === _Registry.PROMETHEUS_CONTENT_TYPE) {
          this._contentType = metricsContentType;
        } else {
          throw new Error(`Content type ${metricsContentType} is unsupported`);
        }
      }
      static merge(registers) {
        const regType = registers[0].contentType;
        for (const reg of registers) {
          if (reg.contentType !== regType) {
            throw new Error(
              "Registers can only be merged if they have the same content type"
            );
          }
        }
        const mergedRegistry = new _Registry(regType);
        const metricsToMerge = registers.reduce(
          (acc, reg) => acc.concat(reg.getMetricsAsArray()),
          []
        );
        metricsToMerge.forEach(mergedRegistry.registerMetric, mergedRegistry);
        return mergedRegistry;
      }
    };
    function formatLabels(labels2, exclude) {
      const { hasOwnProperty } = Object.prototype;
      const formatted = [];
      for (const [name, value2] of Object.entries(labels2)) {
        if (!exclude || !hasOwnProperty.call(exclude, name)) {
          formatted.push(`${name}="${escapeLabelValue(value2)}"`);
        }
      }
      return formatted;
    }
    var sharedLabelCache = /* @__PURE__ */ new WeakMap();
    function flattenSharedLabels(labels2) {
      const cached = sharedLabelCache.get(labels2);
      if (cached) {
        return cached;
      }
      const formattedLabels = formatLabels(labels2);
      const flattened = formattedLabels.join(",");
      sharedLabelCache.set(labels2, flattened);
      return flattened;
    }
    function escapeLabelValue(str) {
      if (typeof str !== "string") {
        return str;
      }
      return escapeString(str).replace(/"/g, '\\"');
    }
    function escapeString(str) {
      return str.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
    }
    function standardizeCounterName(name) {
      return name.replace(/_total$/, "");
    }
    module.exports = Registry2;
    module.exports.globalRegistry = new Registry2();
  }
});

// node_modules/prom-client/lib/validation.js
var require_validation = __commonJS({
  "node_modules/prom-client/lib/validation.js"(exports) {
    "use strict";
    var util = __require("util");
    var metricRegexp = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
    var labelRegexp = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
    exports.validateMetricName = function(name) {
      return metricRegexp.test(name);
    };
    exports.validateLabelName = function(names = []) {
      return names.every((name) => labelRegexp.test(name));
    };
    exports.validateLabel = function validateLabel(savedLabels, labels2) {
      for (const label in labels2) {
        if (!savedLabels.includes(label)) {
          throw new Error(
            `Added label "${label}" is not included in initial labelset: ${util.inspect(
              savedLabels
            )}`
          );
        }
      }
    };
  }
});

// node_modules/prom-client/lib/metric.js
var require_metric = __commonJS({
  "node_modules/prom-client/lib/metric.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { isObject } = require_util();
    var { validateMetricName, validateLabelName } = require_validation();
    var Metric = class {
      constructor(config, defaults = {}) {
        if (!isObject(config)) {
          throw new TypeError("constructor expected a config object");
        }
        Object.assign(
          this,
          {
            labelNames: [],
            registers: [Registry2.globalRegistry],
            aggregator: "sum",
            enableExemplars: false
          },
          defaults,
          config
        );
        if (!this.registers) {
          this.registers = [Registry2.globalRegistry];
        }
        if (!this.help) {
          throw new Error("Missing mandatory help parameter");
        }
        if (!this.name) {
          throw new Error("Missing mandatory name parameter");
        }
        if (!validateMetricName(this.name)) {
          throw new Error("Invalid metric name");
        }
        if (!validateLabelName(this.labelNames)) {
          throw new Error("Invalid label name");
        }
        if (this.collect && typeof this.collect !== "function") {
          throw new Error('Optional "collect" parameter must be a function');
        }
        if (this.labelNames) {
          this.sortedLabelNames = [...this.labelNames].sort();
        } else {
          this.sortedLabelNames = [];
        }
        this.reset();
        for (const register of this.registers) {
          if (this.enableExemplars && register.contentType === Registry2.PROMETHEUS_CONTENT_TYPE) {
            throw new TypeError(
              "Exemplars are supported only on OpenMetrics registries"
            );
          }
          register.registerMetric(this);
        }
      }
      reset() {
      }
    };
    module.exports = { Metric };
  }
});

// node_modules/prom-client/lib/exemplar.js
var require_exemplar = __commonJS({
  "node_modules/prom-client/lib/exemplar.js"(exports, module) {
    "use strict";
    var Exemplar = class {
      constructor(labelSet = {}, value2 = null) {
        this.labelSet = labelSet;
        this.value = value2;
      }
      /**
       * Validation for the label set format.
       * https://github.com/OpenObservability/OpenMetrics/blob/d99b705f611b75fec8f450b05e344e02eea6921d/specification/OpenMetrics.md#exemplars
       *
       * @param {object} labelSet - Exemplar labels.
       * @throws {RangeError}
       * @return {void}
       */
      validateExemplarLabelSet(labelSet) {
        let res = "";
        for (const [labelName, labelValue] of Object.entries(labelSet)) {
          res += `${labelName}${labelValue}`;
        }
        if (res.length > 128) {
          throw new RangeError(
            "Label set size must be smaller than 128 UTF-8 chars"
          );
        }
      }
    };
    module.exports = Exemplar;
  }
});

// node_modules/prom-client/lib/counter.js
var require_counter = __commonJS({
  "node_modules/prom-client/lib/counter.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      hashObject,
      isObject,
      getLabels,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Counter2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "counter";
        this.defaultLabels = {};
        this.defaultValue = 1;
        this.defaultExemplarLabelSet = {};
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.inc = this.incWithExemplar;
        } else {
          this.inc = this.incWithoutExemplar;
        }
      }
      /**
       * Increment counter
       * @param {object} labels - What label you want to be incremented
       * @param {Number} value - Value to increment, if omitted increment with 1
       * @returns {object} results - object with information about the inc operation
       * @returns {string} results.labelHash - hash representation of the labels
       */
      incWithoutExemplar(labels2, value2) {
        let hash = "";
        if (isObject(labels2)) {
          hash = hashObject(labels2, this.sortedLabelNames);
          validateLabel(this.labelNames, labels2);
        } else {
          value2 = labels2;
          labels2 = {};
        }
        if (value2 && !Number.isFinite(value2)) {
          throw new TypeError(`Value is not a valid number: ${util.format(value2)}`);
        }
        if (value2 < 0) {
          throw new Error("It is not possible to decrease a counter");
        }
        if (value2 === null || value2 === void 0) value2 = 1;
        setValue(this.hashMap, value2, labels2, hash);
        return { labelHash: hash };
      }
      /**
       * Increment counter with exemplar, same as inc but accepts labels for an
       * exemplar.
       * If no label is provided the current exemplar labels are kept unchanged
       * (defaults to empty set).
       *
       * @param {object} incOpts - Object with options about what metric to increase
       * @param {object} incOpts.labels - What label you want to be incremented,
       *                                  defaults to null (metric with no labels)
       * @param {Number} incOpts.value - Value to increment, defaults to 1
       * @param {object} incOpts.exemplarLabels - Key-value  labels for the
       *                                          exemplar, defaults to empty set {}
       * @returns {void}
       */
      incWithExemplar({
        labels: labels2 = this.defaultLabels,
        value: value2 = this.defaultValue,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        const res = this.incWithoutExemplar(labels2, value2);
        this.updateExemplar(exemplarLabels, value2, res.labelHash);
      }
      updateExemplar(exemplarLabels, value2, hash) {
        if (exemplarLabels === this.defaultExemplarLabelSet) return;
        if (!isObject(this.hashMap[hash].exemplar)) {
          this.hashMap[hash].exemplar = new Exemplar();
        }
        this.hashMap[hash].exemplar.validateExemplarLabelSet(exemplarLabels);
        this.hashMap[hash].exemplar.labelSet = exemplarLabels;
        this.hashMap[hash].exemplar.value = value2 ? value2 : 1;
        this.hashMap[hash].exemplar.timestamp = nowTimestamp();
      }
      /**
       * Reset counter
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0);
        }
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      labels(...args) {
        const labels2 = getLabels(this.labelNames, args) || {};
        return {
          inc: this.inc.bind(this, labels2)
        };
      }
      remove(...args) {
        const labels2 = getLabels(this.labelNames, args) || {};
        validateLabel(this.labelNames, labels2);
        return removeLabels.call(this, this.hashMap, labels2, this.sortedLabelNames);
      }
    };
    function setValue(hashMap, value2, labels2 = {}, hash = "") {
      if (hashMap[hash]) {
        hashMap[hash].value += value2;
      } else {
        hashMap[hash] = { value: value2, labels: labels2 };
      }
      return hashMap;
    }
    module.exports = Counter2;
  }
});

// node_modules/prom-client/lib/gauge.js
var require_gauge = __commonJS({
  "node_modules/prom-client/lib/gauge.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      setValue,
      setValueDelta,
      getLabels,
      hashObject,
      isObject,
      removeLabels
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Gauge2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "gauge";
      }
      /**
       * Set a gauge to a value
       * @param {object} labels - Object with labels and their values
       * @param {Number} value - Value to set the gauge to, must be positive
       * @returns {void}
       */
      set(labels2, value2) {
        value2 = getValueArg(labels2, value2);
        labels2 = getLabelArg(labels2);
        set(this, labels2, value2);
      }
      /**
       * Reset gauge
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0, {});
        }
      }
      /**
       * Increment a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to increment - if omitted, increment with 1
       * @returns {void}
       */
      inc(labels2, value2) {
        value2 = getValueArg(labels2, value2);
        labels2 = getLabelArg(labels2);
        if (value2 === void 0) value2 = 1;
        setDelta(this, labels2, value2);
      }
      /**
       * Decrement a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to decrement - if omitted, decrement with 1
       * @returns {void}
       */
      dec(labels2, value2) {
        value2 = getValueArg(labels2, value2);
        labels2 = getLabelArg(labels2);
        if (value2 === void 0) value2 = 1;
        setDelta(this, labels2, -value2);
      }
      /**
       * Set the gauge to current unix epoch
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      setToCurrentTime(labels2) {
        const now = Date.now() / 1e3;
        if (labels2 === void 0) {
          this.set(now);
        } else {
          this.set(labels2, now);
        }
      }
      /**
       * Start a timer
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Invoke this function to set the duration in seconds since you started the timer.
       * @example
       * var done = gauge.startTimer();
       * makeXHRRequest(function(err, response) {
       *	done(); //Duration of the request will be saved
       * });
       */
      startTimer(labels2) {
        const start2 = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start2);
          const value2 = delta[0] + delta[1] / 1e9;
          this.set(Object.assign({}, labels2, endLabels), value2);
          return value2;
        };
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      _getValue(labels2) {
        const hash = hashObject(labels2 || {}, this.sortedLabelNames);
        return this.hashMap[hash] ? this.hashMap[hash].value : 0;
      }
      labels(...args) {
        const labels2 = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels2);
        return {
          inc: this.inc.bind(this, labels2),
          dec: this.dec.bind(this, labels2),
          set: this.set.bind(this, labels2),
          setToCurrentTime: this.setToCurrentTime.bind(this, labels2),
          startTimer: this.startTimer.bind(this, labels2)
        };
      }
      remove(...args) {
        const labels2 = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels2);
        removeLabels.call(this, this.hashMap, labels2, this.sortedLabelNames);
      }
    };
    function set(gauge, labels2, value2) {
      if (typeof value2 !== "number") {
        throw new TypeError(`Value is not a valid number: ${util.format(value2)}`);
      }
      validateLabel(gauge.labelNames, labels2);
      setValue(gauge.hashMap, value2, labels2);
    }
    function setDelta(gauge, labels2, delta) {
      if (typeof delta !== "number") {
        throw new TypeError(`Delta is not a valid number: ${util.format(delta)}`);
      }
      validateLabel(gauge.labelNames, labels2);
      const hash = hashObject(labels2, gauge.sortedLabelNames);
      setValueDelta(gauge.hashMap, delta, labels2, hash);
    }
    function getLabelArg(labels2) {
      return isObject(labels2) ? labels2 : {};
    }
    function getValueArg(labels2, value2) {
      return isObject(labels2) ? value2 : labels2;
    }
    module.exports = Gauge2;
  }
});

// node_modules/prom-client/lib/histogram.js
var require_histogram = __commonJS({
  "node_modules/prom-client/lib/histogram.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      getLabels,
      hashObject,
      isObject,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Histogram2 = class extends Metric {
      constructor(config) {
        super(config, {
          buckets: [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
        });
        this.type = "histogram";
        this.defaultLabels = {};
        this.defaultExemplarLabelSet = {};
        this.enableExemplars = false;
        for (const label of this.labelNames) {
          if (label === "le") {
            throw new Error("le is a reserved label keyword");
          }
        }
        this.upperBounds = this.buckets;
        this.bucketValues = this.upperBounds.reduce((acc, upperBound) => {
          acc[upperBound] = 0;
          return acc;
        }, {});
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.bucketExemplars = this.upperBounds.reduce((acc, upperBound) => {
            acc[upperBound] = null;
            return acc;
          }, {});
          Object.freeze(this.bucketExemplars);
          this.observe = this.observeWithExemplar;
        } else {
          this.observe = this.observeWithoutExemplar;
        }
        Object.freeze(this.bucketValues);
        Object.freeze(this.upperBounds);
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: createBaseValues(
              {},
              this.bucketValues,
              this.bucketExemplars
            )
          };
        }
      }
      /**
       * Observe a value in histogram
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe in the histogram
       * @returns {void}
       */
      observeWithoutExemplar(labels2, value2) {
        observe.call(this, labels2 === 0 ? 0 : labels2 || {})(value2);
      }
      observeWithExemplar({
        labels: labels2 = this.defaultLabels,
        value: value2,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        observe.call(this, labels2 === 0 ? 0 : labels2 || {})(value2);
        this.updateExemplar(labels2, value2, exemplarLabels);
      }
      updateExemplar(labels2, value2, exemplarLabels) {
        if (Object.keys(exemplarLabels).length === 0) return;
        const hash = hashObject(labels2, this.sortedLabelNames);
        const bound = findBound(this.upperBounds, value2);
        const { bucketExemplars } = this.hashMap[hash];
        let exemplar = bucketExemplars[bound];
        if (!isObject(exemplar)) {
          exemplar = new Exemplar();
          bucketExemplars[bound] = exemplar;
        }
        exemplar.validateExemplarLabelSet(exemplarLabels);
        exemplar.labelSet = exemplarLabels;
        exemplar.value = value2;
        exemplar.timestamp = nowTimestamp();
      }
      async get() {
        const data = await this.getForPromString();
        data.values = data.values.map(splayLabels);
        return data;
      }
      async getForPromString() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const data = Object.values(this.hashMap);
        const values = data.map(extractBucketValuesForExport(this)).reduce(addSumAndCountForExport(this), []);
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        this.hashMap = {};
      }
      /**
       * Initialize the metrics for the given combination of labels to zero
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      zero(labels2) {
        const hash = hashObject(labels2, this.sortedLabelNames);
        this.hashMap[hash] = createBaseValues(
          labels2,
          this.bucketValues,
          this.bucketExemplars
        );
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {object} exemplarLabels - Object with labels for exemplar where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = histogram.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       * 	const duration = end(); //Observe the duration of expensiveXHRRequest and returns duration in seconds
       * 	console.log('Duration', duration);
       * });
       */
      startTimer(labels2, exemplarLabels) {
        return this.enableExemplars ? startTimerWithExemplar.call(this, labels2, exemplarLabels)() : startTimer.call(this, labels2)();
      }
      labels(...args) {
        const labels2 = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels2);
        return {
          observe: observe.call(this, labels2),
          startTimer: startTimer.call(this, labels2)
        };
      }
      remove(...args) {
        const labels2 = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels2);
        removeLabels.call(this, this.hashMap, labels2, this.sortedLabelNames);
      }
    };
    function startTimer(startLabels) {
      return () => {
        const start2 = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start2);
          const value2 = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value2);
          return value2;
        };
      };
    }
    function startTimerWithExemplar(startLabels, startExemplarLabels) {
      return () => {
        const start2 = process.hrtime();
        return (endLabels, endExemplarLabels) => {
          const delta = process.hrtime(start2);
          const value2 = delta[0] + delta[1] / 1e9;
          this.observe({
            labels: Object.assign({}, startLabels, endLabels),
            value: value2,
            exemplarLabels: Object.assign(
              {},
              startExemplarLabels,
              endExemplarLabels
            )
          });
          return value2;
        };
      };
    }
    function setValuePair(labels2, value2, metricName, exemplar, sharedLabels = {}) {
      return {
        labels: labels2,
        sharedLabels,
        value: value2,
        metricName,
        exemplar
      };
    }
    function findBound(upperBounds, value2) {
      for (let i = 0; i < upperBounds.length; i++) {
        const bound = upperBounds[i];
        if (value2 <= bound) {
          return bound;
        }
      }
      return -1;
    }
    function observe(labels2) {
      return (value2) => {
        const labelValuePair = convertLabelsAndValues(labels2, value2);
        validateLabel(this.labelNames, labelValuePair.labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let valueFromMap = this.hashMap[hash];
        if (!valueFromMap) {
          valueFromMap = createBaseValues(
            labelValuePair.labels,
            this.bucketValues,
            this.bucketExemplars
          );
        }
        const b = findBound(this.upperBounds, labelValuePair.value);
        valueFromMap.sum += labelValuePair.value;
        valueFromMap.count += 1;
        if (Object.prototype.hasOwnProperty.call(valueFromMap.bucketValues, b)) {
          valueFromMap.bucketValues[b] += 1;
        }
        this.hashMap[hash] = valueFromMap;
      };
    }
    function createBaseValues(labels2, bucketValues, bucketExemplars) {
      const result = {
        labels: labels2,
        bucketValues: { ...bucketValues },
        sum: 0,
        count: 0
      };
      if (bucketExemplars) {
        result.bucketExemplars = { ...bucketExemplars };
      }
      return result;
    }
    function convertLabelsAndValues(labels2, value2) {
      return isObject(labels2) ? {
        labels: labels2,
        value: value2
      } : {
        value: labels2,
        labels: {}
      };
    }
    function extractBucketValuesForExport(histogram) {
      const name = `${histogram.name}_bucket`;
      return (bucketData) => {
        let acc = 0;
        const buckets = histogram.upperBounds.map((upperBound) => {
          acc += bucketData.bucketValues[upperBound];
          return setValuePair(
            { le: upperBound },
            acc,
            name,
            bucketData.bucketExemplars ? bucketData.bucketExemplars[upperBound] : null,
            bucketData.labels
          );
        });
        return { buckets, data: bucketData };
      };
    }
    function addSumAndCountForExport(histogram) {
      return (acc, d) => {
        acc.push(...d.buckets);
        const infLabel = { le: "+Inf" };
        acc.push(
          setValuePair(
            infLabel,
            d.data.count,
            `${histogram.name}_bucket`,
            d.data.bucketExemplars ? d.data.bucketExemplars["-1"] : null,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.sum,
            `${histogram.name}_sum`,
            void 0,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.count,
            `${histogram.name}_count`,
            void 0,
            d.data.labels
          )
        );
        return acc;
      };
    }
    function splayLabels(bucket) {
      const { sharedLabels, labels: labels2, ...newBucket } = bucket;
      for (const label of Object.keys(sharedLabels)) {
        labels2[label] = sharedLabels[label];
      }
      newBucket.labels = labels2;
      return newBucket;
    }
    module.exports = Histogram2;
  }
});

// node_modules/bintrees/lib/treebase.js
var require_treebase = __commonJS({
  "node_modules/bintrees/lib/treebase.js"(exports, module) {
    function TreeBase() {
    }
    TreeBase.prototype.clear = function() {
      this._root = null;
      this.size = 0;
    };
    TreeBase.prototype.find = function(data) {
      var res = this._root;
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          return res.data;
        } else {
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.findIter = function(data) {
      var res = this._root;
      var iter = this.iterator();
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          iter._cursor = res;
          return iter;
        } else {
          iter._ancestors.push(res);
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.lowerBound = function(item) {
      var cur = this._root;
      var iter = this.iterator();
      var cmp = this._comparator;
      while (cur !== null) {
        var c = cmp(item, cur.data);
        if (c === 0) {
          iter._cursor = cur;
          return iter;
        }
        iter._ancestors.push(cur);
        cur = cur.get_child(c > 0);
      }
      for (var i = iter._ancestors.length - 1; i >= 0; --i) {
        cur = iter._ancestors[i];
        if (cmp(item, cur.data) < 0) {
          iter._cursor = cur;
          iter._ancestors.length = i;
          return iter;
        }
      }
      iter._ancestors.length = 0;
      return iter;
    };
    TreeBase.prototype.upperBound = function(item) {
      var iter = this.lowerBound(item);
      var cmp = this._comparator;
      while (iter.data() !== null && cmp(iter.data(), item) === 0) {
        iter.next();
      }
      return iter;
    };
    TreeBase.prototype.min = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.left !== null) {
        res = res.left;
      }
      return res.data;
    };
    TreeBase.prototype.max = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.right !== null) {
        res = res.right;
      }
      return res.data;
    };
    TreeBase.prototype.iterator = function() {
      return new Iterator(this);
    };
    TreeBase.prototype.each = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.next()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    TreeBase.prototype.reach = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.prev()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    function Iterator(tree) {
      this._tree = tree;
      this._ancestors = [];
      this._cursor = null;
    }
    Iterator.prototype.data = function() {
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.next = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._minNode(root);
        }
      } else {
        if (this._cursor.right === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.right === save);
        } else {
          this._ancestors.push(this._cursor);
          this._minNode(this._cursor.right);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.prev = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._maxNode(root);
        }
      } else {
        if (this._cursor.left === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.left === save);
        } else {
          this._ancestors.push(this._cursor);
          this._maxNode(this._cursor.left);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype._minNode = function(start2) {
      while (start2.left !== null) {
        this._ancestors.push(start2);
        start2 = start2.left;
      }
      this._cursor = start2;
    };
    Iterator.prototype._maxNode = function(start2) {
      while (start2.right !== null) {
        this._ancestors.push(start2);
        start2 = start2.right;
      }
      this._cursor = start2;
    };
    module.exports = TreeBase;
  }
});

// node_modules/bintrees/lib/rbtree.js
var require_rbtree = __commonJS({
  "node_modules/bintrees/lib/rbtree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
      this.red = true;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function RBTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    RBTree.prototype = new TreeBase();
    RBTree.prototype.insert = function(data) {
      var ret2 = false;
      if (this._root === null) {
        this._root = new Node(data);
        ret2 = true;
        this.size++;
      } else {
        var head = new Node(void 0);
        var dir = 0;
        var last = 0;
        var gp = null;
        var ggp = head;
        var p = null;
        var node = this._root;
        ggp.right = this._root;
        while (true) {
          if (node === null) {
            node = new Node(data);
            p.set_child(dir, node);
            ret2 = true;
            this.size++;
          } else if (is_red(node.left) && is_red(node.right)) {
            node.red = true;
            node.left.red = false;
            node.right.red = false;
          }
          if (is_red(node) && is_red(p)) {
            var dir2 = ggp.right === gp;
            if (node === p.get_child(last)) {
              ggp.set_child(dir2, single_rotate(gp, !last));
            } else {
              ggp.set_child(dir2, double_rotate(gp, !last));
            }
          }
          var cmp = this._comparator(node.data, data);
          if (cmp === 0) {
            break;
          }
          last = dir;
          dir = cmp < 0;
          if (gp !== null) {
            ggp = gp;
          }
          gp = p;
          p = node;
          node = node.get_child(dir);
        }
        this._root = head.right;
      }
      this._root.red = false;
      return ret2;
    };
    RBTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var gp = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        var last = dir;
        gp = p;
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
        if (!is_red(node) && !is_red(node.get_child(dir))) {
          if (is_red(node.get_child(!dir))) {
            var sr = single_rotate(node, dir);
            p.set_child(last, sr);
            p = sr;
          } else if (!is_red(node.get_child(!dir))) {
            var sibling = p.get_child(!last);
            if (sibling !== null) {
              if (!is_red(sibling.get_child(!last)) && !is_red(sibling.get_child(last))) {
                p.red = false;
                sibling.red = true;
                node.red = true;
              } else {
                var dir2 = gp.right === p;
                if (is_red(sibling.get_child(last))) {
                  gp.set_child(dir2, double_rotate(p, last));
                } else if (is_red(sibling.get_child(!last))) {
                  gp.set_child(dir2, single_rotate(p, last));
                }
                var gpc = gp.get_child(dir2);
                gpc.red = true;
                node.red = true;
                gpc.left.red = false;
                gpc.right.red = false;
              }
            }
          }
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this.size--;
      }
      this._root = head.right;
      if (this._root !== null) {
        this._root.red = false;
      }
      return found !== null;
    };
    function is_red(node) {
      return node !== null && node.red;
    }
    function single_rotate(root, dir) {
      var save = root.get_child(!dir);
      root.set_child(!dir, save.get_child(dir));
      save.set_child(dir, root);
      root.red = true;
      save.red = false;
      return save;
    }
    function double_rotate(root, dir) {
      root.set_child(!dir, single_rotate(root.get_child(!dir), !dir));
      return single_rotate(root, dir);
    }
    module.exports = RBTree;
  }
});

// node_modules/bintrees/lib/bintree.js
var require_bintree = __commonJS({
  "node_modules/bintrees/lib/bintree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function BinTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    BinTree.prototype = new TreeBase();
    BinTree.prototype.insert = function(data) {
      if (this._root === null) {
        this._root = new Node(data);
        this.size++;
        return true;
      }
      var dir = 0;
      var p = null;
      var node = this._root;
      while (true) {
        if (node === null) {
          node = new Node(data);
          p.set_child(dir, node);
          ret = true;
          this.size++;
          return true;
        }
        if (this._comparator(node.data, data) === 0) {
          return false;
        }
        dir = this._comparator(node.data, data) < 0;
        p = node;
        node = node.get_child(dir);
      }
    };
    BinTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this._root = head.right;
        this.size--;
        return true;
      } else {
        return false;
      }
    };
    module.exports = BinTree;
  }
});

// node_modules/bintrees/index.js
var require_bintrees = __commonJS({
  "node_modules/bintrees/index.js"(exports, module) {
    module.exports = {
      RBTree: require_rbtree(),
      BinTree: require_bintree()
    };
  }
});

// node_modules/tdigest/tdigest.js
var require_tdigest = __commonJS({
  "node_modules/tdigest/tdigest.js"(exports, module) {
    var RBTree = require_bintrees().RBTree;
    function TDigest(delta, K, CX) {
      this.discrete = delta === false;
      this.delta = delta || 0.01;
      this.K = K === void 0 ? 25 : K;
      this.CX = CX === void 0 ? 1.1 : CX;
      this.centroids = new RBTree(compare_centroid_means);
      this.nreset = 0;
      this.reset();
    }
    TDigest.prototype.reset = function() {
      this.centroids.clear();
      this.n = 0;
      this.nreset += 1;
      this.last_cumulate = 0;
    };
    TDigest.prototype.size = function() {
      return this.centroids.size;
    };
    TDigest.prototype.toArray = function(everything) {
      var result = [];
      if (everything) {
        this._cumulate(true);
        this.centroids.each(function(c) {
          result.push(c);
        });
      } else {
        this.centroids.each(function(c) {
          result.push({ mean: c.mean, n: c.n });
        });
      }
      return result;
    };
    TDigest.prototype.summary = function() {
      var approx = this.discrete ? "exact " : "approximating ";
      var s = [
        approx + this.n + " samples using " + this.size() + " centroids",
        "min = " + this.percentile(0),
        "Q1  = " + this.percentile(0.25),
        "Q2  = " + this.percentile(0.5),
        "Q3  = " + this.percentile(0.75),
        "max = " + this.percentile(1)
      ];
      return s.join("\n");
    };
    function compare_centroid_means(a, b) {
      return a.mean > b.mean ? 1 : a.mean < b.mean ? -1 : 0;
    }
    function compare_centroid_mean_cumns(a, b) {
      return a.mean_cumn - b.mean_cumn;
    }
    TDigest.prototype.push = function(x, n) {
      n = n || 1;
      x = Array.isArray(x) ? x : [x];
      for (var i = 0; i < x.length; i++) {
        this._digest(x[i], n);
      }
    };
    TDigest.prototype.push_centroid = function(c) {
      c = Array.isArray(c) ? c : [c];
      for (var i = 0; i < c.length; i++) {
        this._digest(c[i].mean, c[i].n);
      }
    };
    TDigest.prototype._cumulate = function(exact) {
      if (this.n === this.last_cumulate || !exact && this.CX && this.CX > this.n / this.last_cumulate) {
        return;
      }
      var cumn = 0;
      this.centroids.each(function(c) {
        c.mean_cumn = cumn + c.n / 2;
        cumn = c.cumn = cumn + c.n;
      });
      this.n = this.last_cumulate = cumn;
    };
    TDigest.prototype.find_nearest = function(x) {
      if (this.size() === 0) {
        return null;
      }
      var iter = this.centroids.lowerBound({ mean: x });
      var c = iter.data() === null ? iter.prev() : iter.data();
      if (c.mean === x || this.discrete) {
        return c;
      }
      var prev = iter.prev();
      if (prev && Math.abs(prev.mean - x) < Math.abs(c.mean - x)) {
        return prev;
      } else {
        return c;
      }
    };
    TDigest.prototype._new_centroid = function(x, n, cumn) {
      var c = { mean: x, n, cumn };
      this.centroids.insert(c);
      this.n += n;
      return c;
    };
    TDigest.prototype._addweight = function(nearest, x, n) {
      if (x !== nearest.mean) {
        nearest.mean += n * (x - nearest.mean) / (nearest.n + n);
      }
      nearest.cumn += n;
      nearest.mean_cumn += n / 2;
      nearest.n += n;
      this.n += n;
    };
    TDigest.prototype._digest = function(x, n) {
      var min = this.centroids.min();
      var max = this.centroids.max();
      var nearest = this.find_nearest(x);
      if (nearest && nearest.mean === x) {
        this._addweight(nearest, x, n);
      } else if (nearest === min) {
        this._new_centroid(x, n, 0);
      } else if (nearest === max) {
        this._new_centroid(x, n, this.n);
      } else if (this.discrete) {
        this._new_centroid(x, n, nearest.cumn);
      } else {
        var p = nearest.mean_cumn / this.n;
        var max_n = Math.floor(4 * this.n * this.delta * p * (1 - p));
        if (max_n - nearest.n >= n) {
          this._addweight(nearest, x, n);
        } else {
          this._new_centroid(x, n, nearest.cumn);
        }
      }
      this._cumulate(false);
      if (!this.discrete && this.K && this.size() > this.K / this.delta) {
        this.compress();
      }
    };
    TDigest.prototype.bound_mean = function(x) {
      var iter = this.centroids.upperBound({ mean: x });
      var lower = iter.prev();
      var upper = lower.mean === x ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.p_rank = function(x_or_xlist) {
      var xs = Array.isArray(x_or_xlist) ? x_or_xlist : [x_or_xlist];
      var ps = xs.map(this._p_rank, this);
      return Array.isArray(x_or_xlist) ? ps : ps[0];
    };
    TDigest.prototype._p_rank = function(x) {
      if (this.size() === 0) {
        return void 0;
      } else if (x < this.centroids.min().mean) {
        return 0;
      } else if (x > this.centroids.max().mean) {
        return 1;
      }
      this._cumulate(true);
      var bound = this.bound_mean(x);
      var lower = bound[0], upper = bound[1];
      if (this.discrete) {
        return lower.cumn / this.n;
      } else {
        var cumn = lower.mean_cumn;
        if (lower !== upper) {
          cumn += (x - lower.mean) * (upper.mean_cumn - lower.mean_cumn) / (upper.mean - lower.mean);
        }
        return cumn / this.n;
      }
    };
    TDigest.prototype.bound_mean_cumn = function(cumn) {
      this.centroids._comparator = compare_centroid_mean_cumns;
      var iter = this.centroids.upperBound({ mean_cumn: cumn });
      this.centroids._comparator = compare_centroid_means;
      var lower = iter.prev();
      var upper = lower && lower.mean_cumn === cumn ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.percentile = function(p_or_plist) {
      var ps = Array.isArray(p_or_plist) ? p_or_plist : [p_or_plist];
      var qs = ps.map(this._percentile, this);
      return Array.isArray(p_or_plist) ? qs : qs[0];
    };
    TDigest.prototype._percentile = function(p) {
      if (this.size() === 0) {
        return void 0;
      }
      this._cumulate(true);
      var h = this.n * p;
      var bound = this.bound_mean_cumn(h);
      var lower = bound[0], upper = bound[1];
      if (upper === lower || lower === null || upper === null) {
        return (lower || upper).mean;
      } else if (!this.discrete) {
        return lower.mean + (h - lower.mean_cumn) * (upper.mean - lower.mean) / (upper.mean_cumn - lower.mean_cumn);
      } else if (h <= lower.cumn) {
        return lower.mean;
      } else {
        return upper.mean;
      }
    };
    function pop_random(choices) {
      var idx = Math.floor(Math.random() * choices.length);
      return choices.splice(idx, 1)[0];
    }
    TDigest.prototype.compress = function() {
      if (this.compressing) {
        return;
      }
      var points = this.toArray();
      this.reset();
      this.compressing = true;
      while (points.length > 0) {
        this.push_centroid(pop_random(points));
      }
      this._cumulate(true);
      this.compressing = false;
    };
    function Digest(config) {
      this.config = config || {};
      this.mode = this.config.mode || "auto";
      TDigest.call(this, this.mode === "cont" ? config.delta : false);
      this.digest_ratio = this.config.ratio || 0.9;
      this.digest_thresh = this.config.thresh || 1e3;
      this.n_unique = 0;
    }
    Digest.prototype = Object.create(TDigest.prototype);
    Digest.prototype.constructor = Digest;
    Digest.prototype.push = function(x_or_xlist) {
      TDigest.prototype.push.call(this, x_or_xlist);
      this.check_continuous();
    };
    Digest.prototype._new_centroid = function(x, n, cumn) {
      this.n_unique += 1;
      TDigest.prototype._new_centroid.call(this, x, n, cumn);
    };
    Digest.prototype._addweight = function(nearest, x, n) {
      if (nearest.n === 1) {
        this.n_unique -= 1;
      }
      TDigest.prototype._addweight.call(this, nearest, x, n);
    };
    Digest.prototype.check_continuous = function() {
      if (this.mode !== "auto" || this.size() < this.digest_thresh) {
        return false;
      }
      if (this.n_unique / this.size() > this.digest_ratio) {
        this.mode = "cont";
        this.discrete = false;
        this.delta = this.config.delta || 0.01;
        this.compress();
        return true;
      }
      return false;
    };
    module.exports = {
      "TDigest": TDigest,
      "Digest": Digest
    };
  }
});

// node_modules/prom-client/lib/timeWindowQuantiles.js
var require_timeWindowQuantiles = __commonJS({
  "node_modules/prom-client/lib/timeWindowQuantiles.js"(exports, module) {
    "use strict";
    var { TDigest } = require_tdigest();
    var TimeWindowQuantiles = class {
      constructor(maxAgeSeconds, ageBuckets) {
        this.maxAgeSeconds = maxAgeSeconds || 0;
        this.ageBuckets = ageBuckets || 0;
        this.shouldRotate = maxAgeSeconds && ageBuckets;
        this.ringBuffer = Array(ageBuckets).fill(new TDigest());
        this.currentBuffer = 0;
        this.lastRotateTimestampMillis = Date.now();
        this.durationBetweenRotatesMillis = maxAgeSeconds * 1e3 / ageBuckets || Infinity;
      }
      size() {
        const bucket = rotate.call(this);
        return bucket.size();
      }
      percentile(quantile) {
        const bucket = rotate.call(this);
        return bucket.percentile(quantile);
      }
      push(value2) {
        rotate.call(this);
        this.ringBuffer.forEach((bucket) => {
          bucket.push(value2);
        });
      }
      reset() {
        this.ringBuffer.forEach((bucket) => {
          bucket.reset();
        });
      }
      compress() {
        this.ringBuffer.forEach((bucket) => {
          bucket.compress();
        });
      }
    };
    function rotate() {
      let timeSinceLastRotateMillis = Date.now() - this.lastRotateTimestampMillis;
      while (timeSinceLastRotateMillis > this.durationBetweenRotatesMillis && this.shouldRotate) {
        this.ringBuffer[this.currentBuffer] = new TDigest();
        if (++this.currentBuffer >= this.ringBuffer.length) {
          this.currentBuffer = 0;
        }
        timeSinceLastRotateMillis -= this.durationBetweenRotatesMillis;
        this.lastRotateTimestampMillis += this.durationBetweenRotatesMillis;
      }
      return this.ringBuffer[this.currentBuffer];
    }
    module.exports = TimeWindowQuantiles;
  }
});

// node_modules/prom-client/lib/summary.js
var require_summary = __commonJS({
  "node_modules/prom-client/lib/summary.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var { getLabels, hashObject, removeLabels } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var timeWindowQuantiles = require_timeWindowQuantiles();
    var DEFAULT_COMPRESS_COUNT = 1e3;
    var Summary = class extends Metric {
      constructor(config) {
        super(config, {
          percentiles: [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
          compressCount: DEFAULT_COMPRESS_COUNT,
          hashMap: {}
        });
        this.type = "summary";
        for (const label of this.labelNames) {
          if (label === "quantile")
            throw new Error("quantile is a reserved label keyword");
        }
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: {
              labels: {},
              td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
              count: 0,
              sum: 0
            }
          };
        }
      }
      /**
       * Observe a value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe
       * @returns {void}
       */
      observe(labels2, value2) {
        observe.call(this, labels2 === 0 ? 0 : labels2 || {})(value2);
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const hashKeys = Object.keys(this.hashMap);
        const values = [];
        hashKeys.forEach((hashKey) => {
          const s = this.hashMap[hashKey];
          if (s) {
            if (this.pruneAgedBuckets && s.td.size() === 0) {
              delete this.hashMap[hashKey];
            } else {
              extractSummariesForExport(s, this.percentiles).forEach((v) => {
                values.push(v);
              });
              values.push(getSumForExport(s, this));
              values.push(getCountForExport(s, this));
            }
          }
        });
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        const data = Object.values(this.hashMap);
        data.forEach((s) => {
          s.td.reset();
          s.count = 0;
          s.sum = 0;
        });
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = summary.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       *	end(); //Observe the duration of expensiveXHRRequest
       * });
       */
      startTimer(labels2) {
        return startTimer.call(this, labels2)();
      }
      labels(...args) {
        const labels2 = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels2);
        return {
          observe: observe.call(this, labels2),
          startTimer: startTimer.call(this, labels2)
        };
      }
      remove(...args) {
        const labels2 = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels2);
        removeLabels.call(this, this.hashMap, labels2, this.sortedLabelNames);
      }
    };
    function extractSummariesForExport(summaryOfLabels, percentiles) {
      summaryOfLabels.td.compress();
      return percentiles.map((percentile) => {
        const percentileValue = summaryOfLabels.td.percentile(percentile);
        return {
          labels: Object.assign({ quantile: percentile }, summaryOfLabels.labels),
          value: percentileValue ? percentileValue : 0
        };
      });
    }
    function getCountForExport(value2, summary) {
      return {
        metricName: `${summary.name}_count`,
        labels: value2.labels,
        value: value2.count
      };
    }
    function getSumForExport(value2, summary) {
      return {
        metricName: `${summary.name}_sum`,
        labels: value2.labels,
        value: value2.sum
      };
    }
    function startTimer(startLabels) {
      return () => {
        const start2 = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start2);
          const value2 = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value2);
          return value2;
        };
      };
    }
    function observe(labels2) {
      return (value2) => {
        const labelValuePair = convertLabelsAndValues(labels2, value2);
        validateLabel(this.labelNames, labels2);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let summaryOfLabel = this.hashMap[hash];
        if (!summaryOfLabel) {
          summaryOfLabel = {
            labels: labelValuePair.labels,
            td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
            count: 0,
            sum: 0
          };
        }
        summaryOfLabel.td.push(labelValuePair.value);
        summaryOfLabel.count++;
        if (summaryOfLabel.count % this.compressCount === 0) {
          summaryOfLabel.td.compress();
        }
        summaryOfLabel.sum += labelValuePair.value;
        this.hashMap[hash] = summaryOfLabel;
      };
    }
    function convertLabelsAndValues(labels2, value2) {
      if (value2 === void 0) {
        return {
          value: labels2,
          labels: {}
        };
      }
      return {
        labels: labels2,
        value: value2
      };
    }
    module.exports = Summary;
  }
});

// node_modules/prom-client/lib/pushgateway.js
var require_pushgateway = __commonJS({
  "node_modules/prom-client/lib/pushgateway.js"(exports, module) {
    "use strict";
    var url = __require("url");
    var http = __require("http");
    var https = __require("https");
    var { gzipSync } = __require("zlib");
    var { globalRegistry } = require_registry();
    var Pushgateway = class {
      constructor(gatewayUrl, options, registry) {
        if (!registry) {
          registry = globalRegistry;
        }
        this.registry = registry;
        this.gatewayUrl = gatewayUrl;
        const { requireJobName, ...requestOptions } = {
          requireJobName: true,
          ...options
        };
        this.requireJobName = requireJobName;
        this.requestOptions = requestOptions;
      }
      pushAdd(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "POST", params.jobName, params.groupings);
      }
      push(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "PUT", params.jobName, params.groupings);
      }
      delete(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "DELETE", params.jobName, params.groupings);
      }
    };
    async function useGateway(method, job, groupings) {
      const gatewayUrlParsed = url.parse(this.gatewayUrl);
      const gatewayUrlPath = gatewayUrlParsed.pathname && gatewayUrlParsed.pathname !== "/" ? gatewayUrlParsed.pathname : "";
      const jobPath = job ? `/job/${encodeURIComponent(job)}${generateGroupings(groupings)}` : "";
      const path = `${gatewayUrlPath}/metrics${jobPath}`;
      const target = url.resolve(this.gatewayUrl, path);
      const requestParams = url.parse(target);
      const httpModule = isHttps(requestParams.href) ? https : http;
      const options = Object.assign(requestParams, this.requestOptions, {
        method
      });
      return new Promise((resolve11, reject) => {
        if (method === "DELETE" && options.headers) {
          delete options.headers["Content-Encoding"];
        }
        const req = httpModule.request(options, (resp) => {
          let body = "";
          resp.setEncoding("utf8");
          resp.on("data", (chunk) => {
            body += chunk;
          });
          resp.on("end", () => {
            if (resp.statusCode >= 400) {
              reject(
                new Error(`push failed with status ${resp.statusCode}, ${body}`)
              );
            } else {
              resolve11({ resp, body });
            }
          });
        });
        req.on("error", (err) => {
          reject(err);
        });
        req.on("timeout", () => {
          req.destroy(new Error("Pushgateway request timed out"));
        });
        if (method !== "DELETE") {
          this.registry.metrics().then((metrics) => {
            if (options.headers && options.headers["Content-Encoding"] === "gzip") {
              metrics = gzipSync(metrics);
            }
            req.write(metrics);
            req.end();
          }).catch((err) => {
            reject(err);
          });
        } else {
          req.end();
        }
      });
    }
    function generateGroupings(groupings) {
      if (!groupings) {
        return "";
      }
      return Object.keys(groupings).map(
        (key) => `/${encodeURIComponent(key)}/${encodeURIComponent(groupings[key])}`
      ).join("");
    }
    function isHttps(href) {
      return href.search(/^https/) !== -1;
    }
    module.exports = Pushgateway;
  }
});

// node_modules/prom-client/lib/bucketGenerators.js
var require_bucketGenerators = __commonJS({
  "node_modules/prom-client/lib/bucketGenerators.js"(exports) {
    "use strict";
    exports.linearBuckets = (start2, width, count) => {
      if (count < 1) {
        throw new Error("Linear buckets needs a positive count");
      }
      const buckets = new Array(count);
      for (let i = 0; i < count; i++) {
        buckets[i] = start2 + i * width;
      }
      return buckets;
    };
    exports.exponentialBuckets = (start2, factor, count) => {
      if (start2 <= 0) {
        throw new Error("Exponential buckets needs a positive start");
      }
      if (count < 1) {
        throw new Error("Exponential buckets needs a positive count");
      }
      if (factor <= 1) {
        throw new Error("Exponential buckets needs a factor greater than 1");
      }
      const buckets = new Array(count);
      for (let i = 0; i < count; i++) {
        buckets[i] = start2;
        start2 *= factor;
      }
      return buckets;
    };
  }
});

// node_modules/@opentelemetry/api/dist/diag/types.cjs
var require_types = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/types.cjs"(exports) {
    var DiagLogLevel = /* @__PURE__ */ (function(DiagLogLevel2) {
      DiagLogLevel2[DiagLogLevel2["NONE"] = 0] = "NONE";
      DiagLogLevel2[DiagLogLevel2["ERROR"] = 30] = "ERROR";
      DiagLogLevel2[DiagLogLevel2["WARN"] = 50] = "WARN";
      DiagLogLevel2[DiagLogLevel2["INFO"] = 60] = "INFO";
      DiagLogLevel2[DiagLogLevel2["DEBUG"] = 70] = "DEBUG";
      DiagLogLevel2[DiagLogLevel2["VERBOSE"] = 80] = "VERBOSE";
      DiagLogLevel2[DiagLogLevel2["ALL"] = 9999] = "ALL";
      return DiagLogLevel2;
    })({});
    exports.DiagLogLevel = DiagLogLevel;
  }
});

// node_modules/@opentelemetry/api/dist/version.cjs
var require_version = __commonJS({
  "node_modules/@opentelemetry/api/dist/version.cjs"(exports) {
    var VERSION5 = "1.10.0";
    exports.VERSION = VERSION5;
  }
});

// node_modules/@opentelemetry/api/dist/internal/semver.cjs
var require_semver = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/semver.cjs"(exports) {
    var require_version3 = require_version();
    var re = /^(\d+)\.(\d+)\.(\d+)(-(.+))?$/;
    function _makeCompatibilityCheck(ownVersion) {
      const acceptedVersions = /* @__PURE__ */ new Set([ownVersion]);
      const rejectedVersions = /* @__PURE__ */ new Set();
      const myVersionMatch = ownVersion.match(re);
      if (!myVersionMatch) return () => false;
      const ownVersionParsed = {
        major: +myVersionMatch[1],
        minor: +myVersionMatch[2],
        patch: +myVersionMatch[3],
        prerelease: myVersionMatch[4]
      };
      if (ownVersionParsed.prerelease != null) return function isExactmatch(globalVersion) {
        return globalVersion === ownVersion;
      };
      function _reject(v) {
        rejectedVersions.add(v);
        return false;
      }
      function _accept(v) {
        acceptedVersions.add(v);
        return true;
      }
      return function isCompatible2(globalVersion) {
        if (acceptedVersions.has(globalVersion)) return true;
        if (rejectedVersions.has(globalVersion)) return false;
        const globalVersionMatch = globalVersion.match(re);
        if (!globalVersionMatch) return _reject(globalVersion);
        const globalVersionParsed = {
          major: +globalVersionMatch[1],
          minor: +globalVersionMatch[2],
          patch: +globalVersionMatch[3],
          prerelease: globalVersionMatch[4]
        };
        if (globalVersionParsed.prerelease != null) return _reject(globalVersion);
        if (ownVersionParsed.major !== globalVersionParsed.major) return _reject(globalVersion);
        if (ownVersionParsed.major === 0) {
          if (ownVersionParsed.minor === globalVersionParsed.minor && ownVersionParsed.patch <= globalVersionParsed.patch) return _accept(globalVersion);
          return _reject(globalVersion);
        }
        if (ownVersionParsed.minor <= globalVersionParsed.minor) return _accept(globalVersion);
        return _reject(globalVersion);
      };
    }
    var isCompatible = _makeCompatibilityCheck(require_version3.VERSION);
    exports._makeCompatibilityCheck = _makeCompatibilityCheck;
    exports.isCompatible = isCompatible;
  }
});

// node_modules/@opentelemetry/api/dist/internal/global-utils.cjs
var require_global_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/global-utils.cjs"(exports) {
    var require_version3 = require_version();
    var require_semver2 = require_semver();
    var major = require_version3.VERSION.split(".")[0];
    var GLOBAL_OPENTELEMETRY_API_KEY = /* @__PURE__ */ Symbol.for(`opentelemetry.js.api.${major}`);
    var _global = typeof globalThis === "object" ? globalThis : typeof self === "object" ? self : typeof window === "object" ? window : typeof global === "object" ? global : {};
    function _makeGlobalApi() {
      return Object.defineProperty({}, "version", {
        value: require_version3.VERSION,
        enumerable: true,
        writable: false,
        configurable: false
      });
    }
    function registerGlobal(type, instance, diag, allowOverride = false) {
      var _global$GLOBAL_OPENTE;
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY] = (_global$GLOBAL_OPENTE = _global[GLOBAL_OPENTELEMETRY_API_KEY]) !== null && _global$GLOBAL_OPENTE !== void 0 ? _global$GLOBAL_OPENTE : _makeGlobalApi();
      if (!allowOverride && api[type]) {
        const err = /* @__PURE__ */ new Error(`@opentelemetry/api: Attempted duplicate registration of API: ${type}`);
        diag.error(err.stack || err.message);
        return false;
      }
      if (api.version !== "1.10.0") {
        const err = /* @__PURE__ */ new Error(`@opentelemetry/api: Registration of version v${api.version} for ${type} does not match previously registered API v${require_version3.VERSION}`);
        diag.error(err.stack || err.message);
        return false;
      }
      api[type] = instance;
      diag.debug(`@opentelemetry/api: Registered a global for ${type} v${require_version3.VERSION}.`);
      return true;
    }
    var _compatibleGlobalApi;
    function getGlobal(type) {
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api == null) return;
      if (api !== _compatibleGlobalApi) {
        if (!api.version || !require_semver2.isCompatible(api.version)) return;
        _compatibleGlobalApi = api;
      }
      return api[type];
    }
    function unregisterGlobal(type, diag) {
      diag.debug(`@opentelemetry/api: Unregistering a global for ${type} v${require_version3.VERSION}.`);
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api) delete api[type];
    }
    exports.getGlobal = getGlobal;
    exports.registerGlobal = registerGlobal;
    exports.unregisterGlobal = unregisterGlobal;
  }
});

// node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs
var require_ComponentLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var DiagComponentLogger = class {
      constructor(props) {
        this._namespace = props.namespace || "DiagComponentLogger";
      }
      debug(...args) {
        return logProxy("debug", this._namespace, args);
      }
      error(...args) {
        return logProxy("error", this._namespace, args);
      }
      info(...args) {
        return logProxy("info", this._namespace, args);
      }
      warn(...args) {
        return logProxy("warn", this._namespace, args);
      }
      verbose(...args) {
        return logProxy("verbose", this._namespace, args);
      }
    };
    function logProxy(funcName, namespace, args) {
      const logger = require_global_utils2.getGlobal("diag");
      if (!logger) return;
      return logger[funcName](namespace, ...args);
    }
    exports.DiagComponentLogger = DiagComponentLogger;
  }
});

// node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs
var require_logLevelLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs"(exports) {
    require_types();
    function createLogLevelDiagLogger(maxLevel, logger) {
      if (maxLevel < 0) maxLevel = 0;
      else if (maxLevel > 9999) maxLevel = 9999;
      logger = logger || {};
      function _filterFunc(funcName, theLevel) {
        const theFunc = logger[funcName];
        if (typeof theFunc === "function" && maxLevel >= theLevel) return theFunc.bind(logger);
        return function() {
        };
      }
      return {
        error: _filterFunc("error", 30),
        warn: _filterFunc("warn", 50),
        info: _filterFunc("info", 60),
        debug: _filterFunc("debug", 70),
        verbose: _filterFunc("verbose", 80)
      };
    }
    exports.createLogLevelDiagLogger = createLogLevelDiagLogger;
  }
});

// node_modules/@opentelemetry/api/dist/api/diag.cjs
var require_diag = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/diag.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_ComponentLogger2 = require_ComponentLogger();
    require_types();
    var require_logLevelLogger2 = require_logLevelLogger();
    var API_NAME = "diag";
    var DiagAPI = class DiagAPI2 {
      /** Get the singleton instance of the DiagAPI API */
      static instance() {
        if (!this._instance) this._instance = new DiagAPI2();
        return this._instance;
      }
      /**
      * Private internal constructor
      * @private
      */
      constructor() {
        function _logProxy(funcName) {
          return function(...args) {
            const logger = require_global_utils2.getGlobal("diag");
            if (!logger) return;
            return logger[funcName](...args);
          };
        }
        const self2 = this;
        const setLogger = (logger, optionsOrLogLevel = { logLevel: 60 }) => {
          var _optionsOrLogLevel$lo;
          if (logger === self2) {
            var _err$stack;
            const err = /* @__PURE__ */ new Error("Cannot use diag as the logger for itself. Please use a DiagLogger implementation like ConsoleDiagLogger or a custom implementation");
            self2.error((_err$stack = err.stack) !== null && _err$stack !== void 0 ? _err$stack : err.message);
            return false;
          }
          if (typeof optionsOrLogLevel === "number") optionsOrLogLevel = { logLevel: optionsOrLogLevel };
          const oldLogger = require_global_utils2.getGlobal("diag");
          const newLogger = require_logLevelLogger2.createLogLevelDiagLogger((_optionsOrLogLevel$lo = optionsOrLogLevel.logLevel) !== null && _optionsOrLogLevel$lo !== void 0 ? _optionsOrLogLevel$lo : 60, logger);
          if (oldLogger && !optionsOrLogLevel.suppressOverrideMessage) {
            var _Error$stack;
            const stack = (_Error$stack = (/* @__PURE__ */ new Error()).stack) !== null && _Error$stack !== void 0 ? _Error$stack : "<failed to generate stacktrace>";
            oldLogger.warn(`Current logger will be overwritten from ${stack}`);
            newLogger.warn(`Current logger will overwrite one already registered from ${stack}`);
          }
          return require_global_utils2.registerGlobal("diag", newLogger, self2, true);
        };
        self2.setLogger = setLogger;
        self2.disable = () => {
          require_global_utils2.unregisterGlobal(API_NAME, self2);
        };
        self2.createComponentLogger = (options) => {
          return new require_ComponentLogger2.DiagComponentLogger(options);
        };
        self2.verbose = _logProxy("verbose");
        self2.debug = _logProxy("debug");
        self2.info = _logProxy("info");
        self2.warn = _logProxy("warn");
        self2.error = _logProxy("error");
      }
    };
    exports.DiagAPI = DiagAPI;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs
var require_baggage_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs"(exports) {
    var BaggageImpl = class BaggageImpl2 {
      constructor(entries) {
        this._entries = entries ? new Map(entries) : /* @__PURE__ */ new Map();
      }
      getEntry(key) {
        const entry = this._entries.get(key);
        if (!entry) return;
        return Object.assign({}, entry);
      }
      getAllEntries() {
        return Array.from(this._entries.entries());
      }
      setEntry(key, entry) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.set(key, entry);
        return newBaggage;
      }
      removeEntry(key) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.delete(key);
        return newBaggage;
      }
      removeEntries(...keys) {
        const newBaggage = new BaggageImpl2(this._entries);
        for (const key of keys) newBaggage._entries.delete(key);
        return newBaggage;
      }
      clear() {
        return new BaggageImpl2();
      }
    };
    exports.BaggageImpl = BaggageImpl;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs
var require_symbol = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs"(exports) {
    var baggageEntryMetadataSymbol = /* @__PURE__ */ Symbol("BaggageEntryMetadata");
    exports.baggageEntryMetadataSymbol = baggageEntryMetadataSymbol;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/utils.cjs
var require_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/utils.cjs"(exports) {
    var require_diag2 = require_diag();
    var require_baggage_impl2 = require_baggage_impl();
    var require_symbol2 = require_symbol();
    var diag = require_diag2.DiagAPI.instance();
    function createBaggage(entries = {}) {
      return new require_baggage_impl2.BaggageImpl(new Map(Object.entries(entries)));
    }
    function baggageEntryMetadataFromString(str) {
      if (typeof str !== "string") {
        diag.error(`Cannot create baggage metadata from unknown type: ${typeof str}`);
        str = "";
      }
      return {
        __TYPE__: require_symbol2.baggageEntryMetadataSymbol,
        toString() {
          return str;
        }
      };
    }
    exports.baggageEntryMetadataFromString = baggageEntryMetadataFromString;
    exports.createBaggage = createBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/context/context.cjs
var require_context = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/context.cjs"(exports) {
    function createContextKey(description) {
      return Symbol.for(description);
    }
    var ROOT_CONTEXT = new class BaseContext {
      /**
      * Construct a new context which inherits values from an optional parent context.
      *
      * @param parentContext a context from which to inherit values
      */
      constructor(parentContext) {
        const self2 = this;
        self2._currentContext = parentContext ? new Map(parentContext) : /* @__PURE__ */ new Map();
        self2.getValue = (key) => self2._currentContext.get(key);
        self2.setValue = (key, value2) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.set(key, value2);
          return context;
        };
        self2.deleteValue = (key) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.delete(key);
          return context;
        };
      }
    }();
    exports.ROOT_CONTEXT = ROOT_CONTEXT;
    exports.createContextKey = createContextKey;
  }
});

// node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs
var require_consoleLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs"(exports) {
    var consoleMap = [
      {
        n: "error",
        c: "error"
      },
      {
        n: "warn",
        c: "warn"
      },
      {
        n: "info",
        c: "info"
      },
      {
        n: "debug",
        c: "debug"
      },
      {
        n: "verbose",
        c: "trace"
      }
    ];
    var _originalConsoleMethods = {};
    if (typeof console !== "undefined") {
      for (const key of [
        "error",
        "warn",
        "info",
        "debug",
        "trace",
        "log"
      ]) if (typeof console[key] === "function") _originalConsoleMethods[key] = console[key];
    }
    var DiagConsoleLogger = class {
      constructor() {
        function _consoleFunc(funcName) {
          return function(...args) {
            let theFunc = _originalConsoleMethods[funcName];
            if (typeof theFunc !== "function") theFunc = _originalConsoleMethods["log"];
            if (typeof theFunc !== "function" && console) {
              theFunc = console[funcName];
              if (typeof theFunc !== "function") theFunc = console.log;
            }
            if (typeof theFunc === "function") return theFunc.apply(console, args);
          };
        }
        for (let i = 0; i < consoleMap.length; i++) this[consoleMap[i].n] = _consoleFunc(consoleMap[i].c);
      }
    };
    exports.DiagConsoleLogger = DiagConsoleLogger;
    exports._originalConsoleMethods = _originalConsoleMethods;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs
var require_NoopMeter = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs"(exports) {
    var NoopMeter = class {
      constructor() {
      }
      /**
      * @see {@link Meter.createGauge}
      */
      createGauge(_name, _options) {
        return NOOP_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createHistogram}
      */
      createHistogram(_name, _options) {
        return NOOP_HISTOGRAM_METRIC;
      }
      /**
      * @see {@link Meter.createCounter}
      */
      createCounter(_name, _options) {
        return NOOP_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createUpDownCounter}
      */
      createUpDownCounter(_name, _options) {
        return NOOP_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableGauge}
      */
      createObservableGauge(_name, _options) {
        return NOOP_OBSERVABLE_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createObservableCounter}
      */
      createObservableCounter(_name, _options) {
        return NOOP_OBSERVABLE_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableUpDownCounter}
      */
      createObservableUpDownCounter(_name, _options) {
        return NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.addBatchObservableCallback}
      */
      addBatchObservableCallback(_callback, _observables) {
      }
      /**
      * @see {@link Meter.removeBatchObservableCallback}
      */
      removeBatchObservableCallback(_callback) {
      }
    };
    var NoopMetric = class {
    };
    var NoopCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopUpDownCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopGaugeMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopHistogramMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopObservableMetric = class {
      addCallback(_callback) {
      }
      removeCallback(_callback) {
      }
    };
    var NoopObservableCounterMetric = class extends NoopObservableMetric {
    };
    var NoopObservableGaugeMetric = class extends NoopObservableMetric {
    };
    var NoopObservableUpDownCounterMetric = class extends NoopObservableMetric {
    };
    var NOOP_METER = new NoopMeter();
    var NOOP_COUNTER_METRIC = new NoopCounterMetric();
    var NOOP_GAUGE_METRIC = new NoopGaugeMetric();
    var NOOP_HISTOGRAM_METRIC = new NoopHistogramMetric();
    var NOOP_UP_DOWN_COUNTER_METRIC = new NoopUpDownCounterMetric();
    var NOOP_OBSERVABLE_COUNTER_METRIC = new NoopObservableCounterMetric();
    var NOOP_OBSERVABLE_GAUGE_METRIC = new NoopObservableGaugeMetric();
    var NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = new NoopObservableUpDownCounterMetric();
    function createNoopMeter() {
      return NOOP_METER;
    }
    exports.NOOP_COUNTER_METRIC = NOOP_COUNTER_METRIC;
    exports.NOOP_GAUGE_METRIC = NOOP_GAUGE_METRIC;
    exports.NOOP_HISTOGRAM_METRIC = NOOP_HISTOGRAM_METRIC;
    exports.NOOP_METER = NOOP_METER;
    exports.NOOP_OBSERVABLE_COUNTER_METRIC = NOOP_OBSERVABLE_COUNTER_METRIC;
    exports.NOOP_OBSERVABLE_GAUGE_METRIC = NOOP_OBSERVABLE_GAUGE_METRIC;
    exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
    exports.NOOP_UP_DOWN_COUNTER_METRIC = NOOP_UP_DOWN_COUNTER_METRIC;
    exports.NoopCounterMetric = NoopCounterMetric;
    exports.NoopGaugeMetric = NoopGaugeMetric;
    exports.NoopHistogramMetric = NoopHistogramMetric;
    exports.NoopMeter = NoopMeter;
    exports.NoopMetric = NoopMetric;
    exports.NoopObservableCounterMetric = NoopObservableCounterMetric;
    exports.NoopObservableGaugeMetric = NoopObservableGaugeMetric;
    exports.NoopObservableMetric = NoopObservableMetric;
    exports.NoopObservableUpDownCounterMetric = NoopObservableUpDownCounterMetric;
    exports.NoopUpDownCounterMetric = NoopUpDownCounterMetric;
    exports.createNoopMeter = createNoopMeter;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/Metric.cjs
var require_Metric = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/Metric.cjs"(exports) {
    var ValueType = /* @__PURE__ */ (function(ValueType2) {
      ValueType2[ValueType2["INT"] = 0] = "INT";
      ValueType2[ValueType2["DOUBLE"] = 1] = "DOUBLE";
      return ValueType2;
    })({});
    exports.ValueType = ValueType;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs
var require_NoopLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs"(exports) {
    var NoopLogger = class {
      emit(_logRecord) {
      }
      enabled() {
        return false;
      }
    };
    var NOOP_LOGGER = new NoopLogger();
    function createNoopLogger() {
      return NOOP_LOGGER;
    }
    exports.NOOP_LOGGER = NOOP_LOGGER;
    exports.NoopLogger = NoopLogger;
    exports.createNoopLogger = createNoopLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs
var require_LogRecord = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs"(exports) {
    var SeverityNumber = /* @__PURE__ */ (function(SeverityNumber2) {
      SeverityNumber2[SeverityNumber2["UNSPECIFIED"] = 0] = "UNSPECIFIED";
      SeverityNumber2[SeverityNumber2["TRACE"] = 1] = "TRACE";
      SeverityNumber2[SeverityNumber2["TRACE2"] = 2] = "TRACE2";
      SeverityNumber2[SeverityNumber2["TRACE3"] = 3] = "TRACE3";
      SeverityNumber2[SeverityNumber2["TRACE4"] = 4] = "TRACE4";
      SeverityNumber2[SeverityNumber2["DEBUG"] = 5] = "DEBUG";
      SeverityNumber2[SeverityNumber2["DEBUG2"] = 6] = "DEBUG2";
      SeverityNumber2[SeverityNumber2["DEBUG3"] = 7] = "DEBUG3";
      SeverityNumber2[SeverityNumber2["DEBUG4"] = 8] = "DEBUG4";
      SeverityNumber2[SeverityNumber2["INFO"] = 9] = "INFO";
      SeverityNumber2[SeverityNumber2["INFO2"] = 10] = "INFO2";
      SeverityNumber2[SeverityNumber2["INFO3"] = 11] = "INFO3";
      SeverityNumber2[SeverityNumber2["INFO4"] = 12] = "INFO4";
      SeverityNumber2[SeverityNumber2["WARN"] = 13] = "WARN";
      SeverityNumber2[SeverityNumber2["WARN2"] = 14] = "WARN2";
      SeverityNumber2[SeverityNumber2["WARN3"] = 15] = "WARN3";
      SeverityNumber2[SeverityNumber2["WARN4"] = 16] = "WARN4";
      SeverityNumber2[SeverityNumber2["ERROR"] = 17] = "ERROR";
      SeverityNumber2[SeverityNumber2["ERROR2"] = 18] = "ERROR2";
      SeverityNumber2[SeverityNumber2["ERROR3"] = 19] = "ERROR3";
      SeverityNumber2[SeverityNumber2["ERROR4"] = 20] = "ERROR4";
      SeverityNumber2[SeverityNumber2["FATAL"] = 21] = "FATAL";
      SeverityNumber2[SeverityNumber2["FATAL2"] = 22] = "FATAL2";
      SeverityNumber2[SeverityNumber2["FATAL3"] = 23] = "FATAL3";
      SeverityNumber2[SeverityNumber2["FATAL4"] = 24] = "FATAL4";
      return SeverityNumber2;
    })({});
    exports.SeverityNumber = SeverityNumber;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs
var require_TextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs"(exports) {
    var defaultTextMapGetter = {
      get(carrier, key) {
        if (carrier == null) return;
        return carrier[key];
      },
      keys(carrier) {
        if (carrier == null) return [];
        return Object.keys(carrier);
      }
    };
    var defaultTextMapSetter = { set(carrier, key, value2) {
      if (carrier == null) return;
      carrier[key] = value2;
    } };
    exports.defaultTextMapGetter = defaultTextMapGetter;
    exports.defaultTextMapSetter = defaultTextMapSetter;
  }
});

// node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs
var require_trace_flags = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs"(exports) {
    var TraceFlags = /* @__PURE__ */ (function(TraceFlags2) {
      TraceFlags2[TraceFlags2["NONE"] = 0] = "NONE";
      TraceFlags2[TraceFlags2["SAMPLED"] = 1] = "SAMPLED";
      return TraceFlags2;
    })({});
    exports.TraceFlags = TraceFlags;
  }
});

// node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs
var require_invalid_span_constants = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs"(exports) {
    require_trace_flags();
    var INVALID_SPANID = "0000000000000000";
    var INVALID_TRACEID = "00000000000000000000000000000000";
    var INVALID_SPAN_CONTEXT = {
      traceId: INVALID_TRACEID,
      spanId: INVALID_SPANID,
      traceFlags: 0
    };
    exports.INVALID_SPANID = INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = INVALID_TRACEID;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs
var require_NonRecordingSpan = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs"(exports) {
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var NonRecordingSpan = class {
      constructor(spanContext = require_invalid_span_constants2.INVALID_SPAN_CONTEXT) {
        this._spanContext = spanContext;
      }
      spanContext() {
        return this._spanContext;
      }
      setAttribute(_key, _value) {
        return this;
      }
      setAttributes(_attributes) {
        return this;
      }
      addEvent(_name, _attributes) {
        return this;
      }
      addLink(_link) {
        return this;
      }
      addLinks(_links) {
        return this;
      }
      setStatus(_status) {
        return this;
      }
      updateName(_name) {
        return this;
      }
      end(_endTime) {
      }
      isRecording() {
        return false;
      }
      recordException(_exception, _time) {
      }
    };
    exports.NonRecordingSpan = NonRecordingSpan;
  }
});

// node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs
var require_spancontext_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs"(exports) {
    require_invalid_span_constants();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var isHex = new Uint8Array([
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1
    ]);
    function isValidHex(id, length) {
      if (typeof id !== "string" || id.length !== length) return false;
      let r = 0;
      for (let i = 0; i < id.length; i += 4) r += (isHex[id.charCodeAt(i)] | 0) + (isHex[id.charCodeAt(i + 1)] | 0) + (isHex[id.charCodeAt(i + 2)] | 0) + (isHex[id.charCodeAt(i + 3)] | 0);
      return r === length;
    }
    function isValidTraceId(traceId) {
      return isValidHex(traceId, 32) && traceId !== "00000000000000000000000000000000";
    }
    function isValidSpanId(spanId) {
      return isValidHex(spanId, 16) && spanId !== "0000000000000000";
    }
    function isSpanContextValid(spanContext) {
      return isValidTraceId(spanContext.traceId) && isValidSpanId(spanContext.spanId);
    }
    function wrapSpanContext(spanContext) {
      return new require_NonRecordingSpan2.NonRecordingSpan(spanContext);
    }
    exports.isSpanContextValid = isSpanContextValid;
    exports.isValidSpanId = isValidSpanId;
    exports.isValidTraceId = isValidTraceId;
    exports.wrapSpanContext = wrapSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs
var require_NoopContextManager = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs"(exports) {
    var require_context3 = require_context();
    var NoopContextManager = class {
      active() {
        return require_context3.ROOT_CONTEXT;
      }
      with(_context, fn, thisArg, ...args) {
        return fn.call(thisArg, ...args);
      }
      bind(_context, target) {
        return target;
      }
      enable() {
        return this;
      }
      disable() {
        return this;
      }
      /** @experimental This API is experimental and may change in minor releases without prior notice. */
      attach(_context) {
        return { dispose() {
        } };
      }
    };
    exports.NoopContextManager = NoopContextManager;
  }
});

// node_modules/@opentelemetry/api/dist/api/context.cjs
var require_context2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/context.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopContextManager2 = require_NoopContextManager();
    var API_NAME = "context";
    var NOOP_CONTEXT_MANAGER = new require_NoopContextManager2.NoopContextManager();
    var NOOP_TOKEN = Object.freeze({ dispose: () => {
    } });
    var ContextAPI = class ContextAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._attachUnsupportedWarned = false;
      }
      /** Get the singleton instance of the Context API */
      static getInstance() {
        if (!this._instance) this._instance = new ContextAPI2();
        return this._instance;
      }
      /**
      * Set the current context manager.
      *
      * @returns true if the context manager was successfully registered, else false
      */
      setGlobalContextManager(contextManager) {
        return require_global_utils2.registerGlobal(API_NAME, contextManager, require_diag2.DiagAPI.instance());
      }
      /**
      * Get the currently active context
      */
      active() {
        return this._getContextManager().active();
      }
      /**
      * Execute a function with an active context
      *
      * @param context context to be active during function execution
      * @param fn function to execute in a context
      * @param thisArg optional receiver to be used for calling fn
      * @param args optional arguments forwarded to fn
      */
      with(context, fn, thisArg, ...args) {
        return this._getContextManager().with(context, fn, thisArg, ...args);
      }
      /**
      * Bind a context to a target function or event emitter
      *
      * @param context context to bind to the event emitter or function. Defaults to the currently active context
      * @param target function or event emitter to bind
      */
      bind(context, target) {
        return this._getContextManager().bind(context, target);
      }
      /**
      * Imperatively sets `context` as active, returning a {@link ContextManagementToken} whose
      * {@link ContextManagementToken.dispose} restores the previous context.
      *
      * This is a delicate, low-level API - prefer {@link with}/{@link bind}, which
      * restore context automatically. Use `attach` only to bridge callback
      * boundaries that `with` cannot wrap. Call `token.dispose()` when the
      * operation is done.
      *
      * **Caveat for async functions:** If called inside an async function before
      * the first `await`, the context change may leak into the caller's context
      * and remain active there. Prefer {@link with} for async code.
      *
      * Support is best-effort and varies by the active ContextManager (see
      * {@link ContextManager.attach}); if it does not implement `attach`, this logs
      * a warning and returns a no-op token.
      *
      * @param context The Context to attach
      * @returns A {@link ContextManagementToken} whose dispose() restores the previous Context
      * @since 1.10.0
      * @experimental This API is experimental and may change in minor releases without prior notice.
      */
      attach(context) {
        const contextManager = this._getContextManager();
        if (contextManager.attach) return contextManager.attach(context);
        if (!this._attachUnsupportedWarned) {
          this._attachUnsupportedWarned = true;
          require_diag2.DiagAPI.instance().warn("The current ContextManager does not implement attach(). The context will not be attached. Use a ContextManager that supports attach() (e.g. AsyncLocalStorageContextManager) or use with()/bind() instead.");
        }
        return NOOP_TOKEN;
      }
      _getContextManager() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_CONTEXT_MANAGER;
      }
      /** Disable and remove the global context manager */
      disable() {
        this._getContextManager().disable();
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.ContextAPI = ContextAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace/context-utils.cjs
var require_context_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/context-utils.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var SPAN_KEY = require_context3.createContextKey("OpenTelemetry Context Key SPAN");
    function getSpan(context) {
      return context.getValue(SPAN_KEY) || void 0;
    }
    function getActiveSpan() {
      return getSpan(require_context$1.ContextAPI.getInstance().active());
    }
    function setSpan(context, span) {
      return context.setValue(SPAN_KEY, span);
    }
    function deleteSpan(context) {
      return context.deleteValue(SPAN_KEY);
    }
    function setSpanContext(context, spanContext) {
      return setSpan(context, new require_NonRecordingSpan2.NonRecordingSpan(spanContext));
    }
    function getSpanContext(context) {
      var _getSpan;
      return (_getSpan = getSpan(context)) === null || _getSpan === void 0 ? void 0 : _getSpan.spanContext();
    }
    exports.deleteSpan = deleteSpan;
    exports.getActiveSpan = getActiveSpan;
    exports.getSpan = getSpan;
    exports.getSpanContext = getSpanContext;
    exports.setSpan = setSpan;
    exports.setSpanContext = setSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs
var require_NoopTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs"(exports) {
    var require_context3 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var contextApi = require_context3.ContextAPI.getInstance();
    var NoopTracer = class {
      startSpan(name, options, context = contextApi.active()) {
        if (Boolean(options === null || options === void 0 ? void 0 : options.root)) return new require_NonRecordingSpan2.NonRecordingSpan();
        const parentFromContext = context && require_context_utils2.getSpanContext(context);
        if (isSpanContext(parentFromContext) && require_spancontext_utils2.isSpanContextValid(parentFromContext)) return new require_NonRecordingSpan2.NonRecordingSpan(parentFromContext);
        else return new require_NonRecordingSpan2.NonRecordingSpan();
      }
      startActiveSpan(name, arg2, arg3, arg4) {
        var _ctx;
        let opts;
        let ctx;
        let fn;
        if (arguments.length < 2) return;
        else if (arguments.length === 2) fn = arg2;
        else if (arguments.length === 3) {
          opts = arg2;
          fn = arg3;
        } else {
          opts = arg2;
          ctx = arg3;
          fn = arg4;
        }
        const parentContext = (_ctx = ctx) !== null && _ctx !== void 0 ? _ctx : contextApi.active();
        const span = this.startSpan(name, opts, parentContext);
        const contextWithSpanSet = require_context_utils2.setSpan(parentContext, span);
        return contextApi.with(contextWithSpanSet, fn, void 0, span);
      }
    };
    function isSpanContext(spanContext) {
      return spanContext !== null && typeof spanContext === "object" && "spanId" in spanContext && typeof spanContext["spanId"] === "string" && "traceId" in spanContext && typeof spanContext["traceId"] === "string" && "traceFlags" in spanContext && typeof spanContext["traceFlags"] === "number";
    }
    exports.NoopTracer = NoopTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs
var require_ProxyTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs"(exports) {
    var NOOP_TRACER = new (require_NoopTracer()).NoopTracer();
    var ProxyTracer = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      startSpan(name, options, context) {
        return this._getTracer().startSpan(name, options, context);
      }
      startActiveSpan(_name, _options, _context, _fn) {
        const tracer = this._getTracer();
        return Reflect.apply(tracer.startActiveSpan, tracer, arguments);
      }
      /**
      * Try to get a tracer from the proxy tracer provider.
      * If the proxy tracer provider has no delegate, return a noop tracer.
      */
      _getTracer() {
        if (this._delegate) return this._delegate;
        const tracer = this._provider.getDelegateTracer(this.name, this.version, this.options);
        if (!tracer) return NOOP_TRACER;
        this._delegate = tracer;
        return this._delegate;
      }
    };
    exports.ProxyTracer = ProxyTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/span_kind.cjs
var require_span_kind = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/span_kind.cjs"(exports) {
    var SpanKind = /* @__PURE__ */ (function(SpanKind2) {
      SpanKind2[SpanKind2["INTERNAL"] = 0] = "INTERNAL";
      SpanKind2[SpanKind2["SERVER"] = 1] = "SERVER";
      SpanKind2[SpanKind2["CLIENT"] = 2] = "CLIENT";
      SpanKind2[SpanKind2["PRODUCER"] = 3] = "PRODUCER";
      SpanKind2[SpanKind2["CONSUMER"] = 4] = "CONSUMER";
      return SpanKind2;
    })({});
    exports.SpanKind = SpanKind;
  }
});

// node_modules/@opentelemetry/api/dist/trace/status.cjs
var require_status = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/status.cjs"(exports) {
    var SpanStatusCode = /* @__PURE__ */ (function(SpanStatusCode2) {
      SpanStatusCode2[SpanStatusCode2["UNSET"] = 0] = "UNSET";
      SpanStatusCode2[SpanStatusCode2["OK"] = 1] = "OK";
      SpanStatusCode2[SpanStatusCode2["ERROR"] = 2] = "ERROR";
      return SpanStatusCode2;
    })({});
    exports.SpanStatusCode = SpanStatusCode;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs
var require_tracestate_validators = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs"(exports) {
    var VALID_KEY_CHAR_RANGE = "[_0-9a-z-*/]";
    var VALID_KEY_REGEX = new RegExp(`^(?:${`[a-z]${VALID_KEY_CHAR_RANGE}{0,255}`}|${`[a-z0-9]${VALID_KEY_CHAR_RANGE}{0,240}@[a-z]${VALID_KEY_CHAR_RANGE}{0,13}`})$`);
    var VALID_VALUE_BASE_REGEX = /^[ -~]{0,255}[!-~]$/;
    var INVALID_VALUE_COMMA_EQUAL_REGEX = /,|=/;
    function validateKey(key) {
      return VALID_KEY_REGEX.test(key);
    }
    function validateValue(value2) {
      return VALID_VALUE_BASE_REGEX.test(value2) && !INVALID_VALUE_COMMA_EQUAL_REGEX.test(value2);
    }
    exports.validateKey = validateKey;
    exports.validateValue = validateValue;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs
var require_tracestate_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs"(exports) {
    var require_tracestate_validators2 = require_tracestate_validators();
    var MAX_TRACE_STATE_ITEMS = 32;
    var MAX_TRACE_STATE_LEN = 512;
    var LIST_MEMBERS_SEPARATOR = ",";
    var LIST_MEMBER_KEY_VALUE_SPLITTER = "=";
    var TraceStateImpl = class TraceStateImpl2 {
      constructor(rawTraceState) {
        this._internalState = /* @__PURE__ */ new Map();
        if (rawTraceState) this._parse(rawTraceState);
      }
      set(key, value2) {
        const currValue = this._internalState.get(key);
        let newLength = this.serialize().length;
        if (typeof currValue === "string") newLength += value2.length - currValue.length;
        else {
          if (this._internalState.size >= MAX_TRACE_STATE_ITEMS) return this;
          newLength += key.length + value2.length + (this._internalState.size > 0 ? 2 : 1);
        }
        if (newLength > MAX_TRACE_STATE_LEN) return this;
        const traceState = this._clone();
        if (traceState._internalState.has(key)) traceState._internalState.delete(key);
        traceState._internalState.set(key, value2);
        return traceState;
      }
      unset(key) {
        const traceState = this._clone();
        traceState._internalState.delete(key);
        return traceState;
      }
      get(key) {
        return this._internalState.get(key);
      }
      serialize() {
        return Array.from(this._internalState.keys()).reduceRight((agg, key) => {
          agg.push(key + LIST_MEMBER_KEY_VALUE_SPLITTER + this.get(key));
          return agg;
        }, []).join(LIST_MEMBERS_SEPARATOR);
      }
      _parse(rawTraceState) {
        if (rawTraceState.length > MAX_TRACE_STATE_LEN) return;
        this._internalState = rawTraceState.split(LIST_MEMBERS_SEPARATOR).reduceRight((agg, part) => {
          const listMember = part.trim();
          const i = listMember.indexOf(LIST_MEMBER_KEY_VALUE_SPLITTER);
          if (i !== -1) {
            const key = listMember.slice(0, i);
            const value2 = listMember.slice(i + 1, part.length);
            if (require_tracestate_validators2.validateKey(key) && require_tracestate_validators2.validateValue(value2)) agg.set(key, value2);
          }
          return agg;
        }, /* @__PURE__ */ new Map());
        if (this._internalState.size > MAX_TRACE_STATE_ITEMS) this._internalState = new Map(Array.from(this._internalState.entries()).reverse().slice(0, MAX_TRACE_STATE_ITEMS));
      }
      _keys() {
        return Array.from(this._internalState.keys()).reverse();
      }
      _clone() {
        const traceState = new TraceStateImpl2();
        traceState._internalState = new Map(this._internalState);
        return traceState;
      }
    };
    exports.TraceStateImpl = TraceStateImpl;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs
var require_utils2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs"(exports) {
    var require_tracestate_impl2 = require_tracestate_impl();
    function createTraceState(rawTraceState) {
      return new require_tracestate_impl2.TraceStateImpl(rawTraceState);
    }
    exports.createTraceState = createTraceState;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs
var require_NoopTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs"(exports) {
    var require_NoopTracer2 = require_NoopTracer();
    var NoopTracerProvider = class {
      getTracer(_name, _version, _options) {
        return new require_NoopTracer2.NoopTracer();
      }
    };
    exports.NoopTracerProvider = NoopTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs
var require_ProxyTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs"(exports) {
    var require_ProxyTracer2 = require_ProxyTracer();
    var NOOP_TRACER_PROVIDER = new (require_NoopTracerProvider()).NoopTracerProvider();
    var ProxyTracerProvider = class {
      /**
      * Get a {@link ProxyTracer}
      */
      getTracer(name, version, options) {
        var _this$getDelegateTrac;
        return (_this$getDelegateTrac = this.getDelegateTracer(name, version, options)) !== null && _this$getDelegateTrac !== void 0 ? _this$getDelegateTrac : new require_ProxyTracer2.ProxyTracer(this, name, version, options);
      }
      getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : NOOP_TRACER_PROVIDER;
      }
      /**
      * Set the delegate tracer provider
      */
      setDelegate(delegate) {
        this._delegate = delegate;
      }
      getDelegateTracer(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getTracer(name, version, options);
      }
    };
    exports.ProxyTracerProvider = ProxyTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs
var require_SamplingResult = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs"(exports) {
    var SamplingDecision = /* @__PURE__ */ (function(SamplingDecision2) {
      SamplingDecision2[SamplingDecision2["NOT_RECORD"] = 0] = "NOT_RECORD";
      SamplingDecision2[SamplingDecision2["RECORD"] = 1] = "RECORD";
      SamplingDecision2[SamplingDecision2["RECORD_AND_SAMPLED"] = 2] = "RECORD_AND_SAMPLED";
      return SamplingDecision2;
    })({});
    exports.SamplingDecision = SamplingDecision;
  }
});

// node_modules/@opentelemetry/api/dist/context-api.cjs
var require_context_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/context-api.cjs"(exports) {
    var context = require_context2().ContextAPI.getInstance();
    exports.context = context;
  }
});

// node_modules/@opentelemetry/api/dist/diag-api.cjs
var require_diag_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag-api.cjs"(exports) {
    var diag = require_diag().DiagAPI.instance();
    exports.diag = diag;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs
var require_NoopLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var NoopLoggerProvider = class {
      getLogger(_name, _version, _options) {
        return new require_NoopLogger2.NoopLogger();
      }
    };
    var NOOP_LOGGER_PROVIDER = new NoopLoggerProvider();
    exports.NOOP_LOGGER_PROVIDER = NOOP_LOGGER_PROVIDER;
    exports.NoopLoggerProvider = NoopLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs
var require_ProxyLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var ProxyLogger = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      /**
      * Emit a log record. This method should only be used by log appenders.
      *
      * @param logRecord
      */
      emit(logRecord) {
        this._getLogger().emit(logRecord);
      }
      enabled(options) {
        return this._getLogger().enabled(options);
      }
      /**
      * Try to get a logger from the proxy logger provider.
      * If the proxy logger provider has no delegate, return a noop logger.
      */
      _getLogger() {
        if (this._delegate) return this._delegate;
        const logger = this._provider._getDelegateLogger(this.name, this.version, this.options);
        if (!logger) return require_NoopLogger2.NOOP_LOGGER;
        this._delegate = logger;
        return this._delegate;
      }
    };
    exports.ProxyLogger = ProxyLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs
var require_ProxyLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs"(exports) {
    var require_NoopLoggerProvider2 = require_NoopLoggerProvider();
    var require_ProxyLogger2 = require_ProxyLogger();
    var ProxyLoggerProvider = class {
      getLogger(name, version, options) {
        var _this$_getDelegateLog;
        return (_this$_getDelegateLog = this._getDelegateLogger(name, version, options)) !== null && _this$_getDelegateLog !== void 0 ? _this$_getDelegateLog : new require_ProxyLogger2.ProxyLogger(this, name, version, options);
      }
      /**
      * Get the delegate logger provider.
      * Used by tests only.
      * @internal
      */
      _getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : require_NoopLoggerProvider2.NOOP_LOGGER_PROVIDER;
      }
      /**
      * Set the delegate logger provider
      * @internal
      */
      _setDelegate(delegate) {
        this._delegate = delegate;
      }
      /**
      * @internal
      */
      _getDelegateLogger(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getLogger(name, version, options);
      }
    };
    exports.ProxyLoggerProvider = ProxyLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/logs.cjs
var require_logs = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/logs.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_ProxyLoggerProvider2 = require_ProxyLoggerProvider();
    var API_NAME = "logs";
    var LogsAPI = class LogsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
      /** Get the singleton instance of the Logs API */
      static getInstance() {
        if (!this._instance) this._instance = new LogsAPI2();
        return this._instance;
      }
      setGlobalLoggerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
        if (success) this._proxyLoggerProvider._setDelegate(provider);
        return success;
      }
      /**
      * Returns the global logger provider.
      *
      * @returns LoggerProvider
      */
      getLoggerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyLoggerProvider;
      }
      /**
      * Returns a Logger, creating one if one with the given name, version,
      * schemaUrl, and attributes is not already created.
      *
      * Getting a Logger may be expensive, especially when `attributes` are
      * provided. Reuse Logger instances where possible instead of calling
      * `getLogger()` on hot paths.
      *
      * @param name The name of the logger or instrumentation library.
      * @param version The version of the logger or instrumentation library.
      * @param options The options of the logger or instrumentation library.
      * @returns {@link Logger}
      */
      getLogger(name, version, options) {
        return this.getLoggerProvider().getLogger(name, version, options);
      }
      /** Remove the global logger provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
    };
    exports.LogsAPI = LogsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/logs-api.cjs
var require_logs_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs-api.cjs"(exports) {
    var logs = require_logs().LogsAPI.getInstance();
    exports.logs = logs;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs
var require_NoopMeterProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs"(exports) {
    var require_NoopMeter2 = require_NoopMeter();
    var NoopMeterProvider = class {
      getMeter(_name, _version, _options) {
        return require_NoopMeter2.NOOP_METER;
      }
    };
    var NOOP_METER_PROVIDER = new NoopMeterProvider();
    exports.NOOP_METER_PROVIDER = NOOP_METER_PROVIDER;
    exports.NoopMeterProvider = NoopMeterProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/metrics.cjs
var require_metrics = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/metrics.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopMeterProvider2 = require_NoopMeterProvider();
    var API_NAME = "metrics";
    var MetricsAPI = class MetricsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
      }
      /** Get the singleton instance of the Metrics API */
      static getInstance() {
        if (!this._instance) this._instance = new MetricsAPI2();
        return this._instance;
      }
      /**
      * Set the current global meter provider.
      * Returns true if the meter provider was successfully registered, else false.
      */
      setGlobalMeterProvider(provider) {
        return require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
      }
      /**
      * Returns the global meter provider.
      */
      getMeterProvider() {
        return require_global_utils2.getGlobal(API_NAME) || require_NoopMeterProvider2.NOOP_METER_PROVIDER;
      }
      /**
      * Returns a meter from the global meter provider.
      */
      getMeter(name, version, options) {
        return this.getMeterProvider().getMeter(name, version, options);
      }
      /** Remove the global meter provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.MetricsAPI = MetricsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/metrics-api.cjs
var require_metrics_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics-api.cjs"(exports) {
    var metrics = require_metrics().MetricsAPI.getInstance();
    exports.metrics = metrics;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs
var require_NoopTextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs"(exports) {
    var NoopTextMapPropagator = class {
      /** Noop inject function does nothing */
      inject(_context, _carrier) {
      }
      /** Noop extract function does nothing and returns the input context */
      extract(context, _carrier) {
        return context;
      }
      fields() {
        return [];
      }
    };
    exports.NoopTextMapPropagator = NoopTextMapPropagator;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs
var require_context_helpers = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var BAGGAGE_KEY = require_context3.createContextKey("OpenTelemetry Baggage Key");
    function getBaggage(context) {
      return context.getValue(BAGGAGE_KEY) || void 0;
    }
    function getActiveBaggage() {
      return getBaggage(require_context$1.ContextAPI.getInstance().active());
    }
    function setBaggage(context, baggage) {
      return context.setValue(BAGGAGE_KEY, baggage);
    }
    function deleteBaggage(context) {
      return context.deleteValue(BAGGAGE_KEY);
    }
    exports.deleteBaggage = deleteBaggage;
    exports.getActiveBaggage = getActiveBaggage;
    exports.getBaggage = getBaggage;
    exports.setBaggage = setBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/api/propagation.cjs
var require_propagation = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/propagation.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_utils3 = require_utils();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_NoopTextMapPropagator2 = require_NoopTextMapPropagator();
    var require_context_helpers2 = require_context_helpers();
    var API_NAME = "propagation";
    var NOOP_TEXT_MAP_PROPAGATOR = new require_NoopTextMapPropagator2.NoopTextMapPropagator();
    var PropagationAPI = class PropagationAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this.createBaggage = require_utils3.createBaggage;
        this.getBaggage = require_context_helpers2.getBaggage;
        this.getActiveBaggage = require_context_helpers2.getActiveBaggage;
        this.setBaggage = require_context_helpers2.setBaggage;
        this.deleteBaggage = require_context_helpers2.deleteBaggage;
      }
      /** Get the singleton instance of the Propagator API */
      static getInstance() {
        if (!this._instance) this._instance = new PropagationAPI2();
        return this._instance;
      }
      /**
      * Set the current propagator.
      *
      * @returns true if the propagator was successfully registered, else false
      */
      setGlobalPropagator(propagator) {
        return require_global_utils2.registerGlobal(API_NAME, propagator, require_diag2.DiagAPI.instance());
      }
      /**
      * Inject context into a carrier to be propagated inter-process
      *
      * @param context Context carrying tracing data to inject
      * @param carrier carrier to inject context into
      * @param setter Function used to set values on the carrier
      */
      inject(context, carrier, setter = require_TextMapPropagator2.defaultTextMapSetter) {
        return this._getGlobalPropagator().inject(context, carrier, setter);
      }
      /**
      * Extract context from a carrier
      *
      * @param context Context which the newly created context will inherit from
      * @param carrier Carrier to extract context from
      * @param getter Function used to extract keys from a carrier
      */
      extract(context, carrier, getter = require_TextMapPropagator2.defaultTextMapGetter) {
        return this._getGlobalPropagator().extract(context, carrier, getter);
      }
      /**
      * Return a list of all fields which may be used by the propagator.
      */
      fields() {
        return this._getGlobalPropagator().fields();
      }
      /** Remove the global propagator */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
      _getGlobalPropagator() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_TEXT_MAP_PROPAGATOR;
      }
    };
    exports.PropagationAPI = PropagationAPI;
  }
});

// node_modules/@opentelemetry/api/dist/propagation-api.cjs
var require_propagation_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation-api.cjs"(exports) {
    var propagation = require_propagation().PropagationAPI.getInstance();
    exports.propagation = propagation;
  }
});

// node_modules/@opentelemetry/api/dist/api/trace.cjs
var require_trace = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/trace.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var API_NAME = "trace";
    var TraceAPI = class TraceAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
        this.wrapSpanContext = require_spancontext_utils2.wrapSpanContext;
        this.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
        this.deleteSpan = require_context_utils2.deleteSpan;
        this.getSpan = require_context_utils2.getSpan;
        this.getActiveSpan = require_context_utils2.getActiveSpan;
        this.getSpanContext = require_context_utils2.getSpanContext;
        this.setSpan = require_context_utils2.setSpan;
        this.setSpanContext = require_context_utils2.setSpanContext;
      }
      /** Get the singleton instance of the Trace API */
      static getInstance() {
        if (!this._instance) this._instance = new TraceAPI2();
        return this._instance;
      }
      /**
      * Set the current global tracer.
      *
      * @returns true if the tracer provider was successfully registered, else false
      */
      setGlobalTracerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, this._proxyTracerProvider, require_diag2.DiagAPI.instance());
        if (success) this._proxyTracerProvider.setDelegate(provider);
        return success;
      }
      /**
      * Returns the global tracer provider.
      */
      getTracerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyTracerProvider;
      }
      /**
      * Returns a tracer from the global tracer provider.
      */
      getTracer(name, version) {
        return this.getTracerProvider().getTracer(name, version);
      }
      /** Remove the global tracer provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
      }
    };
    exports.TraceAPI = TraceAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace-api.cjs
var require_trace_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace-api.cjs"(exports) {
    var trace = require_trace().TraceAPI.getInstance();
    exports.trace = trace;
  }
});

// node_modules/@opentelemetry/api/dist/index.cjs
var require_dist = __commonJS({
  "node_modules/@opentelemetry/api/dist/index.cjs"(exports) {
    Object.defineProperties(exports, {
      __esModule: { value: true },
      [Symbol.toStringTag]: { value: "Module" }
    });
    var require_types2 = require_types();
    var require_utils3 = require_utils();
    var require_context3 = require_context();
    var require_consoleLogger2 = require_consoleLogger();
    var require_NoopMeter2 = require_NoopMeter();
    var require_Metric2 = require_Metric();
    var require_NoopLogger2 = require_NoopLogger();
    var require_LogRecord2 = require_LogRecord();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_trace_flags2 = require_trace_flags();
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracer2 = require_ProxyTracer();
    var require_span_kind2 = require_span_kind();
    var require_status2 = require_status();
    var require_utils$1 = require_utils2();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var require_SamplingResult2 = require_SamplingResult();
    var require_context_api2 = require_context_api();
    var require_diag_api2 = require_diag_api();
    var require_logs_api2 = require_logs_api();
    var require_metrics_api2 = require_metrics_api();
    var require_propagation_api2 = require_propagation_api();
    var require_trace_api2 = require_trace_api();
    var src_default = {
      context: require_context_api2.context,
      diag: require_diag_api2.diag,
      logs: require_logs_api2.logs,
      metrics: require_metrics_api2.metrics,
      propagation: require_propagation_api2.propagation,
      trace: require_trace_api2.trace
    };
    exports.DiagConsoleLogger = require_consoleLogger2.DiagConsoleLogger;
    exports.DiagLogLevel = require_types2.DiagLogLevel;
    exports.INVALID_SPANID = require_invalid_span_constants2.INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = require_invalid_span_constants2.INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = require_invalid_span_constants2.INVALID_TRACEID;
    exports.ProxyTracer = require_ProxyTracer2.ProxyTracer;
    exports.ProxyTracerProvider = require_ProxyTracerProvider2.ProxyTracerProvider;
    exports.ROOT_CONTEXT = require_context3.ROOT_CONTEXT;
    exports.SamplingDecision = require_SamplingResult2.SamplingDecision;
    exports.SeverityNumber = require_LogRecord2.SeverityNumber;
    exports.SpanKind = require_span_kind2.SpanKind;
    exports.SpanStatusCode = require_status2.SpanStatusCode;
    exports.TraceFlags = require_trace_flags2.TraceFlags;
    exports.ValueType = require_Metric2.ValueType;
    exports.baggageEntryMetadataFromString = require_utils3.baggageEntryMetadataFromString;
    exports.context = require_context_api2.context;
    exports.createContextKey = require_context3.createContextKey;
    exports.createNoopLogger = require_NoopLogger2.createNoopLogger;
    exports.createNoopMeter = require_NoopMeter2.createNoopMeter;
    exports.createTraceState = require_utils$1.createTraceState;
    exports.default = src_default;
    exports.defaultTextMapGetter = require_TextMapPropagator2.defaultTextMapGetter;
    exports.defaultTextMapSetter = require_TextMapPropagator2.defaultTextMapSetter;
    exports.diag = require_diag_api2.diag;
    exports.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
    exports.isValidSpanId = require_spancontext_utils2.isValidSpanId;
    exports.isValidTraceId = require_spancontext_utils2.isValidTraceId;
    exports.logs = require_logs_api2.logs;
    exports.metrics = require_metrics_api2.metrics;
    exports.propagation = require_propagation_api2.propagation;
    exports.trace = require_trace_api2.trace;
  }
});

// node_modules/prom-client/lib/metrics/processCpuTotal.js
var require_processCpuTotal = __commonJS({
  "node_modules/prom-client/lib/metrics/processCpuTotal.js"(exports, module) {
    "use strict";
    var OtelApi = require_dist();
    var Counter2 = require_counter();
    var PROCESS_CPU_USER_SECONDS = "process_cpu_user_seconds_total";
    var PROCESS_CPU_SYSTEM_SECONDS = "process_cpu_system_seconds_total";
    var PROCESS_CPU_SECONDS = "process_cpu_seconds_total";
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const exemplars = config.enableExemplars ? config.enableExemplars : false;
      const labelNames = Object.keys(labels2);
      let lastCpuUsage = process.cpuUsage();
      const cpuUserUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_USER_SECONDS,
        help: "Total user CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          const cpuUsage = process.cpuUsage();
          const userUsageMicros = cpuUsage.user - lastCpuUsage.user;
          const systemUsageMicros = cpuUsage.system - lastCpuUsage.system;
          lastCpuUsage = cpuUsage;
          if (this.enableExemplars) {
            let exemplarLabels = {};
            const currentSpan = OtelApi.trace.getSpan(OtelApi.context.active());
            if (currentSpan) {
              exemplarLabels = {
                traceId: currentSpan.spanContext().traceId,
                spanId: currentSpan.spanContext().spanId
              };
            }
            cpuUserUsageCounter.inc({
              labels: labels2,
              value: userUsageMicros / 1e6,
              exemplarLabels
            });
            cpuSystemUsageCounter.inc({
              labels: labels2,
              value: systemUsageMicros / 1e6,
              exemplarLabels
            });
            cpuUsageCounter.inc({
              labels: labels2,
              value: (userUsageMicros + systemUsageMicros) / 1e6,
              exemplarLabels
            });
          } else {
            cpuUserUsageCounter.inc(labels2, userUsageMicros / 1e6);
            cpuSystemUsageCounter.inc(labels2, systemUsageMicros / 1e6);
            cpuUsageCounter.inc(
              labels2,
              (userUsageMicros + systemUsageMicros) / 1e6
            );
          }
        }
      });
      const cpuSystemUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SYSTEM_SECONDS,
        help: "Total system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
      const cpuUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SECONDS,
        help: "Total user and system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_CPU_USER_SECONDS,
      PROCESS_CPU_SYSTEM_SECONDS,
      PROCESS_CPU_SECONDS
    ];
  }
});

// node_modules/prom-client/lib/metrics/processStartTime.js
var require_processStartTime = __commonJS({
  "node_modules/prom-client/lib/metrics/processStartTime.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var startInSeconds = Math.round(Date.now() / 1e3 - process.uptime());
    var PROCESS_START_TIME = "process_start_time_seconds";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + PROCESS_START_TIME,
        help: "Start time of the process since unix epoch in seconds.",
        registers: registry ? [registry] : void 0,
        labelNames,
        aggregator: "omit",
        collect() {
          this.set(labels2, startInSeconds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_START_TIME];
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js
var require_osMemoryHeapLinux = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var values = ["VmSize", "VmRSS", "VmData"];
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    var PROCESS_VIRTUAL_MEMORY = "process_virtual_memory_bytes";
    var PROCESS_HEAP = "process_heap_bytes";
    function structureOutput(input) {
      return input.split("\n").reduce((acc, string) => {
        if (!values.some((value3) => string.startsWith(value3))) {
          return acc;
        }
        const split = string.split(":");
        let value2 = split[1].trim();
        value2 = value2.substr(0, value2.length - 3);
        value2 = Number(value2) * 1024;
        acc[split[0]] = value2;
        return acc;
      }, {});
    }
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      const residentMemGauge = new Gauge2({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          try {
            const stat7 = fs.readFileSync("/proc/self/status", "utf8");
            const structuredOutput = structureOutput(stat7);
            residentMemGauge.set(labels2, structuredOutput.VmRSS);
            virtualMemGauge.set(labels2, structuredOutput.VmSize);
            heapSizeMemGauge.set(labels2, structuredOutput.VmData);
          } catch {
          }
        }
      });
      const virtualMemGauge = new Gauge2({
        name: namePrefix + PROCESS_VIRTUAL_MEMORY,
        help: "Virtual memory size in bytes.",
        registers,
        labelNames
      });
      const heapSizeMemGauge = new Gauge2({
        name: namePrefix + PROCESS_HEAP,
        help: "Process heap size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_RESIDENT_MEMORY,
      PROCESS_VIRTUAL_MEMORY,
      PROCESS_HEAP
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js
var require_safeMemoryUsage = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js"(exports, module) {
    "use strict";
    function safeMemoryUsage() {
      try {
        return process.memoryUsage();
      } catch {
        return;
      }
    }
    module.exports = safeMemoryUsage;
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeap.js
var require_osMemoryHeap = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeap.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var linuxVariant = require_osMemoryHeapLinux();
    var safeMemoryUsage = require_safeMemoryUsage();
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    function notLinuxVariant(registry, config = {}) {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const memUsage = safeMemoryUsage();
          if (memUsage) {
            this.set(labels2, memUsage.rss);
          }
        }
      });
    }
    module.exports = (registry, config) => process.platform === "linux" ? linuxVariant(registry, config) : notLinuxVariant(registry, config);
    module.exports.metricNames = process.platform === "linux" ? linuxVariant.metricNames : [PROCESS_RESIDENT_MEMORY];
  }
});

// node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js
var require_processOpenFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var process2 = __require("process");
    var PROCESS_OPEN_FDS = "process_open_fds";
    module.exports = (registry, config = {}) => {
      if (process2.platform !== "linux") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + PROCESS_OPEN_FDS,
        help: "Number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          try {
            const fds = fs.readdirSync("/proc/self/fd");
            this.set(labels2, fds.length - 1);
          } catch {
          }
        }
      });
    };
    module.exports.metricNames = [PROCESS_OPEN_FDS];
  }
});

// node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js
var require_processMaxFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var PROCESS_MAX_FDS = "process_max_fds";
    var maxFds;
    module.exports = (registry, config = {}) => {
      if (maxFds === void 0) {
        try {
          const limits = fs.readFileSync("/proc/self/limits", "utf8");
          const lines = limits.split("\n");
          for (const line of lines) {
            if (line.startsWith("Max open files")) {
              const parts = line.split(/  +/);
              maxFds = Number(parts[1]);
              break;
            }
          }
        } catch {
          return;
        }
      }
      if (maxFds === void 0) return;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + PROCESS_MAX_FDS,
        help: "Maximum number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          if (maxFds !== void 0) this.set(labels2, maxFds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_MAX_FDS];
  }
});

// node_modules/prom-client/lib/metrics/eventLoopLag.js
var require_eventLoopLag = __commonJS({
  "node_modules/prom-client/lib/metrics/eventLoopLag.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_EVENTLOOP_LAG = "nodejs_eventloop_lag_seconds";
    var NODEJS_EVENTLOOP_LAG_MIN = "nodejs_eventloop_lag_min_seconds";
    var NODEJS_EVENTLOOP_LAG_MAX = "nodejs_eventloop_lag_max_seconds";
    var NODEJS_EVENTLOOP_LAG_MEAN = "nodejs_eventloop_lag_mean_seconds";
    var NODEJS_EVENTLOOP_LAG_STDDEV = "nodejs_eventloop_lag_stddev_seconds";
    var NODEJS_EVENTLOOP_LAG_P50 = "nodejs_eventloop_lag_p50_seconds";
    var NODEJS_EVENTLOOP_LAG_P90 = "nodejs_eventloop_lag_p90_seconds";
    var NODEJS_EVENTLOOP_LAG_P99 = "nodejs_eventloop_lag_p99_seconds";
    function reportEventloopLag(start2, gauge, labels2) {
      const delta = process.hrtime(start2);
      const nanosec = delta[0] * 1e9 + delta[1];
      const seconds = nanosec / 1e9;
      gauge.set(labels2, seconds);
    }
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      const registers = registry ? [registry] : void 0;
      let collect2 = () => {
        const start2 = process.hrtime();
        setImmediate(reportEventloopLag, start2, lag, labels2);
      };
      if (perf_hooks && perf_hooks.monitorEventLoopDelay) {
        try {
          const histogram = perf_hooks.monitorEventLoopDelay({
            resolution: config.eventLoopMonitoringPrecision
          });
          histogram.enable();
          collect2 = () => {
            const start2 = process.hrtime();
            setImmediate(reportEventloopLag, start2, lag, labels2);
            lagMin.set(labels2, histogram.min / 1e9);
            lagMax.set(labels2, histogram.max / 1e9);
            lagMean.set(labels2, histogram.mean / 1e9);
            lagStddev.set(labels2, histogram.stddev / 1e9);
            lagP50.set(labels2, histogram.percentile(50) / 1e9);
            lagP90.set(labels2, histogram.percentile(90) / 1e9);
            lagP99.set(labels2, histogram.percentile(99) / 1e9);
            histogram.reset();
          };
        } catch (e) {
          if (e.code === "ERR_NOT_IMPLEMENTED") {
            return;
          }
          throw e;
        }
      }
      const lag = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG,
        help: "Lag of event loop in seconds.",
        registers,
        labelNames,
        aggregator: "average",
        // Use this one metric's `collect` to set all metrics' values.
        collect: collect2
      });
      const lagMin = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MIN,
        help: "The minimum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "min"
      });
      const lagMax = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MAX,
        help: "The maximum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "max"
      });
      const lagMean = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MEAN,
        help: "The mean of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagStddev = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_STDDEV,
        help: "The standard deviation of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP50 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P50,
        help: "The 50th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP90 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P90,
        help: "The 90th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP99 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P99,
        help: "The 99th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
    };
    module.exports.metricNames = [
      NODEJS_EVENTLOOP_LAG,
      NODEJS_EVENTLOOP_LAG_MIN,
      NODEJS_EVENTLOOP_LAG_MAX,
      NODEJS_EVENTLOOP_LAG_MEAN,
      NODEJS_EVENTLOOP_LAG_STDDEV,
      NODEJS_EVENTLOOP_LAG_P50,
      NODEJS_EVENTLOOP_LAG_P90,
      NODEJS_EVENTLOOP_LAG_P99
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js
var require_processMetricsHelpers = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js"(exports, module) {
    "use strict";
    function aggregateByObjectName(list2) {
      const data = {};
      for (let i = 0; i < list2.length; i++) {
        const listElement = list2[i];
        if (!listElement || typeof listElement.constructor === "undefined") {
          continue;
        }
        if (Object.hasOwnProperty.call(data, listElement.constructor.name)) {
          data[listElement.constructor.name] += 1;
        } else {
          data[listElement.constructor.name] = 1;
        }
      }
      return data;
    }
    function updateMetrics(gauge, data, labels2) {
      gauge.reset();
      for (const key in data) {
        gauge.set(Object.assign({ type: key }, labels2 || {}), data[key]);
      }
    }
    module.exports = {
      aggregateByObjectName,
      updateMetrics
    };
  }
});

// node_modules/prom-client/lib/metrics/processHandles.js
var require_processHandles = __commonJS({
  "node_modules/prom-client/lib/metrics/processHandles.js"(exports, module) {
    "use strict";
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var Gauge2 = require_gauge();
    var NODEJS_ACTIVE_HANDLES = "nodejs_active_handles";
    var NODEJS_ACTIVE_HANDLES_TOTAL = "nodejs_active_handles_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveHandles !== "function") {
        return;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_HANDLES,
        help: "Number of active libuv handles grouped by handle type. Every handle type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers,
        collect() {
          const handles = process._getActiveHandles();
          updateMetrics(this, aggregateByObjectName(handles), labels2);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_HANDLES_TOTAL,
        help: "Total number of active handles.",
        registers,
        labelNames,
        collect() {
          const handles = process._getActiveHandles();
          this.set(labels2, handles.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_HANDLES,
      NODEJS_ACTIVE_HANDLES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processRequests.js
var require_processRequests = __commonJS({
  "node_modules/prom-client/lib/metrics/processRequests.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_REQUESTS = "nodejs_active_requests";
    var NODEJS_ACTIVE_REQUESTS_TOTAL = "nodejs_active_requests_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveRequests !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS,
        help: "Number of active libuv requests grouped by request type. Every request type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const requests = process._getActiveRequests();
          updateMetrics(this, aggregateByObjectName(requests), labels2);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS_TOTAL,
        help: "Total number of active requests.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const requests = process._getActiveRequests();
          this.set(labels2, requests.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_REQUESTS,
      NODEJS_ACTIVE_REQUESTS_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processResources.js
var require_processResources = __commonJS({
  "node_modules/prom-client/lib/metrics/processResources.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_RESOURCES = "nodejs_active_resources";
    var NODEJS_ACTIVE_RESOURCES_TOTAL = "nodejs_active_resources_total";
    module.exports = (registry, config = {}) => {
      if (typeof process.getActiveResourcesInfo !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES,
        help: "Number of active resources that are currently keeping the event loop alive, grouped by async resource type.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const resources = process.getActiveResourcesInfo();
          const data = {};
          for (let i = 0; i < resources.length; i++) {
            const resource = resources[i];
            if (Object.hasOwn(data, resource)) {
              data[resource] += 1;
            } else {
              data[resource] = 1;
            }
          }
          updateMetrics(this, data, labels2);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES_TOTAL,
        help: "Total number of active resources.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const resources = process.getActiveResourcesInfo();
          this.set(labels2, resources.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_RESOURCES,
      NODEJS_ACTIVE_RESOURCES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSizeAndUsed.js
var require_heapSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var safeMemoryUsage = require_safeMemoryUsage();
    var NODEJS_HEAP_SIZE_TOTAL = "nodejs_heap_size_total_bytes";
    var NODEJS_HEAP_SIZE_USED = "nodejs_heap_size_used_bytes";
    var NODEJS_EXTERNAL_MEMORY = "nodejs_external_memory_bytes";
    module.exports = (registry, config = {}) => {
      if (typeof process.memoryUsage !== "function") {
        return;
      }
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const collect2 = () => {
        const memUsage = safeMemoryUsage();
        if (memUsage) {
          heapSizeTotal.set(labels2, memUsage.heapTotal);
          heapSizeUsed.set(labels2, memUsage.heapUsed);
          if (memUsage.external !== void 0) {
            externalMemUsed.set(labels2, memUsage.external);
          }
        }
      };
      const heapSizeTotal = new Gauge2({
        name: namePrefix + NODEJS_HEAP_SIZE_TOTAL,
        help: "Process heap size from Node.js in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect: collect2
      });
      const heapSizeUsed = new Gauge2({
        name: namePrefix + NODEJS_HEAP_SIZE_USED,
        help: "Process heap size used from Node.js in bytes.",
        registers,
        labelNames
      });
      const externalMemUsed = new Gauge2({
        name: namePrefix + NODEJS_EXTERNAL_MEMORY,
        help: "Node.js external memory size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      NODEJS_HEAP_SIZE_TOTAL,
      NODEJS_HEAP_SIZE_USED,
      NODEJS_EXTERNAL_MEMORY
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js
var require_heapSpacesSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var v8 = __require("v8");
    var METRICS2 = ["total", "used", "available"];
    var NODEJS_HEAP_SIZE = {};
    METRICS2.forEach((metricType) => {
      NODEJS_HEAP_SIZE[metricType] = `nodejs_heap_space_size_${metricType}_bytes`;
    });
    module.exports = (registry, config = {}) => {
      try {
        v8.getHeapSpaceStatistics();
      } catch (e) {
        if (e.code === "ERR_NOT_IMPLEMENTED") {
          return;
        }
        throw e;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = ["space", ...Object.keys(labels2)];
      const gauges = {};
      METRICS2.forEach((metricType) => {
        gauges[metricType] = new Gauge2({
          name: namePrefix + NODEJS_HEAP_SIZE[metricType],
          help: `Process heap space size ${metricType} from Node.js in bytes.`,
          labelNames,
          registers
        });
      });
      gauges.total.collect = () => {
        for (const space of v8.getHeapSpaceStatistics()) {
          const spaceName = space.space_name.substr(
            0,
            space.space_name.indexOf("_space")
          );
          gauges.total.set({ space: spaceName, ...labels2 }, space.space_size);
          gauges.used.set({ space: spaceName, ...labels2 }, space.space_used_size);
          gauges.available.set(
            { space: spaceName, ...labels2 },
            space.space_available_size
          );
        }
      };
    };
    module.exports.metricNames = Object.values(NODEJS_HEAP_SIZE);
  }
});

// node_modules/prom-client/lib/metrics/version.js
var require_version2 = __commonJS({
  "node_modules/prom-client/lib/metrics/version.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var version = process.version;
    var versionSegments = version.slice(1).split(".").map(Number);
    var NODE_VERSION_INFO = "nodejs_version_info";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      new Gauge2({
        name: namePrefix + NODE_VERSION_INFO,
        help: "Node.js version info.",
        labelNames: ["version", "major", "minor", "patch", ...labelNames],
        registers: registry ? [registry] : void 0,
        aggregator: "first",
        collect() {
          this.labels(
            version,
            versionSegments[0],
            versionSegments[1],
            versionSegments[2],
            ...Object.values(labels2)
          ).set(1);
        }
      });
    };
    module.exports.metricNames = [NODE_VERSION_INFO];
  }
});

// node_modules/prom-client/lib/metrics/gc.js
var require_gc = __commonJS({
  "node_modules/prom-client/lib/metrics/gc.js"(exports, module) {
    "use strict";
    var Histogram2 = require_histogram();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_GC_DURATION_SECONDS = "nodejs_gc_duration_seconds";
    var DEFAULT_GC_DURATION_BUCKETS = [1e-3, 0.01, 0.1, 1, 2, 5];
    var kinds = [];
    if (perf_hooks && perf_hooks.constants) {
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MAJOR] = "major";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MINOR] = "minor";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_INCREMENTAL] = "incremental";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_WEAKCB] = "weakcb";
    }
    module.exports = (registry, config = {}) => {
      if (!perf_hooks) {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels2 = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels2);
      const buckets = config.gcDurationBuckets ? config.gcDurationBuckets : DEFAULT_GC_DURATION_BUCKETS;
      const gcHistogram = new Histogram2({
        name: namePrefix + NODEJS_GC_DURATION_SECONDS,
        help: "Garbage collection duration by kind, one of major, minor, incremental or weakcb.",
        labelNames: ["kind", ...labelNames],
        enableExemplars: false,
        buckets,
        registers: registry ? [registry] : void 0
      });
      const obs = new perf_hooks.PerformanceObserver((list2) => {
        const entry = list2.getEntries()[0];
        const kind2 = entry.detail ? kinds[entry.detail.kind] : kinds[entry.kind];
        gcHistogram.observe(Object.assign({ kind: kind2 }, labels2), entry.duration / 1e3);
      });
      obs.observe({ entryTypes: ["gc"] });
    };
    module.exports.metricNames = [NODEJS_GC_DURATION_SECONDS];
  }
});

// node_modules/prom-client/lib/defaultMetrics.js
var require_defaultMetrics = __commonJS({
  "node_modules/prom-client/lib/defaultMetrics.js"(exports, module) {
    "use strict";
    var { isObject } = require_util();
    var processCpuTotal = require_processCpuTotal();
    var processStartTime = require_processStartTime();
    var osMemoryHeap = require_osMemoryHeap();
    var processOpenFileDescriptors = require_processOpenFileDescriptors();
    var processMaxFileDescriptors = require_processMaxFileDescriptors();
    var eventLoopLag = require_eventLoopLag();
    var processHandles = require_processHandles();
    var processRequests = require_processRequests();
    var processResources = require_processResources();
    var heapSizeAndUsed = require_heapSizeAndUsed();
    var heapSpacesSizeAndUsed = require_heapSpacesSizeAndUsed();
    var version = require_version2();
    var gc = require_gc();
    var metrics = {
      processCpuTotal,
      processStartTime,
      osMemoryHeap,
      processOpenFileDescriptors,
      processMaxFileDescriptors,
      eventLoopLag,
      ...typeof process.getActiveResourcesInfo === "function" ? { processResources } : {},
      processHandles,
      processRequests,
      heapSizeAndUsed,
      heapSpacesSizeAndUsed,
      version,
      gc
    };
    var metricsList = Object.keys(metrics);
    module.exports = function collectDefaultMetrics2(config) {
      if (config !== null && config !== void 0 && !isObject(config)) {
        throw new TypeError("config must be null, undefined, or an object");
      }
      config = { eventLoopMonitoringPrecision: 10, ...config };
      for (const metric of Object.values(metrics)) {
        metric(config.register, config);
      }
    };
    module.exports.metricsList = metricsList;
  }
});

// node_modules/prom-client/lib/metricAggregators.js
var require_metricAggregators = __commonJS({
  "node_modules/prom-client/lib/metricAggregators.js"(exports) {
    "use strict";
    var { Grouper, hashObject } = require_util();
    function AggregatorFactory(aggregatorFn) {
      return (metrics) => {
        if (metrics.length === 0) return;
        const result = {
          help: metrics[0].help,
          name: metrics[0].name,
          type: metrics[0].type,
          values: [],
          aggregator: metrics[0].aggregator
        };
        const byLabels = new Grouper();
        metrics.forEach((metric) => {
          metric.values.forEach((value2) => {
            const key = hashObject(value2.labels);
            byLabels.add(`${value2.metricName}_${key}`, value2);
          });
        });
        byLabels.forEach((values) => {
          if (values.length === 0) return;
          const valObj = {
            value: aggregatorFn(values),
            labels: values[0].labels
          };
          if (values[0].metricName) {
            valObj.metricName = values[0].metricName;
          }
          result.values.push(valObj);
        });
        return result;
      };
    }
    exports.AggregatorFactory = AggregatorFactory;
    exports.aggregators = {
      /**
       * @return The sum of values.
       */
      sum: AggregatorFactory((v) => v.reduce((p, c) => p + c.value, 0)),
      /**
       * @return The first value.
       */
      first: AggregatorFactory((v) => v[0].value),
      /**
       * @return {undefined} Undefined; omits the metric.
       */
      omit: () => {
      },
      /**
       * @return The arithmetic mean of the values.
       */
      average: AggregatorFactory(
        (v) => v.reduce((p, c) => p + c.value, 0) / v.length
      ),
      /**
       * @return The minimum of the values.
       */
      min: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.min(p, c.value), Infinity)
      ),
      /**
       * @return The maximum of the values.
       */
      max: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.max(p, c.value), -Infinity)
      )
    };
  }
});

// node_modules/prom-client/lib/cluster.js
var require_cluster = __commonJS({
  "node_modules/prom-client/lib/cluster.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { Grouper } = require_util();
    var { aggregators } = require_metricAggregators();
    var cluster = () => {
      const data = __require("cluster");
      cluster = () => data;
      return data;
    };
    var GET_METRICS_REQ = "prom-client:getMetricsReq";
    var GET_METRICS_RES = "prom-client:getMetricsRes";
    var registries = [Registry2.globalRegistry];
    var requestCtr = 0;
    var listenersAdded = false;
    var requests = /* @__PURE__ */ new Map();
    var AggregatorRegistry = class extends Registry2 {
      constructor(regContentType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        super(regContentType);
        addListeners();
      }
      /**
       * Gets aggregated metrics for all workers. The optional callback and
       * returned Promise resolve with the same value; either may be used.
       * @return {Promise<string>} Promise that resolves with the aggregated
       *   metrics.
       */
      clusterMetrics() {
        const requestId = requestCtr++;
        return new Promise((resolve11, reject) => {
          let settled = false;
          function done(err, result) {
            if (settled) return;
            settled = true;
            if (err) reject(err);
            else resolve11(result);
          }
          const request = {
            responses: [],
            pending: 0,
            done,
            errorTimeout: setTimeout(() => {
              const err = new Error("Operation timed out.");
              request.done(err);
            }, 5e3)
          };
          requests.set(requestId, request);
          const message = {
            type: GET_METRICS_REQ,
            requestId
          };
          for (const id in cluster().workers) {
            if (cluster().workers[id].isConnected()) {
              cluster().workers[id].send(message);
              request.pending++;
            }
          }
          if (request.pending === 0) {
            clearTimeout(request.errorTimeout);
            process.nextTick(() => done(null, ""));
          }
        });
      }
      get contentType() {
        return super.contentType;
      }
      /**
       * Creates a new Registry instance from an array of metrics that were
       * created by `registry.getMetricsAsJSON()`. Metrics are aggregated using
       * the method specified by their `aggregator` property, or by summation if
       * `aggregator` is undefined.
       * @param {Array} metricsArr Array of metrics, each of which created by
       *   `registry.getMetricsAsJSON()`.
       * @param {string} registryType content type of the new registry. Defaults
       * to PROMETHEUS_CONTENT_TYPE.
       * @return {Registry} aggregated registry.
       */
      static aggregate(metricsArr, registryType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        const aggregatedRegistry = new Registry2();
        const metricsByName = new Grouper();
        aggregatedRegistry.setContentType(registryType);
        metricsArr.forEach((metrics) => {
          metrics.forEach((metric) => {
            metricsByName.add(metric.name, metric);
          });
        });
        metricsByName.forEach((metrics) => {
          const aggregatorName = metrics[0].aggregator;
          const aggregatorFn = aggregators[aggregatorName];
          if (typeof aggregatorFn !== "function") {
            throw new Error(`'${aggregatorName}' is not a defined aggregator.`);
          }
          const aggregatedMetric = aggregatorFn(metrics);
          if (aggregatedMetric) {
            const aggregatedMetricWrapper = Object.assign(
              {
                get: () => aggregatedMetric
              },
              aggregatedMetric
            );
            aggregatedRegistry.registerMetric(aggregatedMetricWrapper);
          }
        });
        return aggregatedRegistry;
      }
      /**
       * Sets the registry or registries to be aggregated. Call from workers to
       * use a registry/registries other than the default global registry.
       * @param {Array<Registry>|Registry} regs Registry or registries to be
       *   aggregated.
       * @return {void}
       */
      static setRegistries(regs) {
        if (!Array.isArray(regs)) regs = [regs];
        regs.forEach((reg) => {
          if (!(reg instanceof Registry2)) {
            throw new TypeError(`Expected Registry, got ${typeof reg}`);
          }
        });
        registries = regs;
      }
    };
    function addListeners() {
      if (listenersAdded) return;
      listenersAdded = true;
      if (cluster().isMaster) {
        cluster().on("message", (worker, message) => {
          if (message.type === GET_METRICS_RES) {
            const request = requests.get(message.requestId);
            if (message.error) {
              request.done(new Error(message.error));
              return;
            }
            message.metrics.forEach((registry) => request.responses.push(registry));
            request.pending--;
            if (request.pending === 0) {
              requests.delete(message.requestId);
              clearTimeout(request.errorTimeout);
              const registry = AggregatorRegistry.aggregate(request.responses);
              const promString = registry.metrics();
              request.done(null, promString);
            }
          }
        });
      }
      if (cluster().isWorker) {
        process.on("message", (message) => {
          if (message.type === GET_METRICS_REQ) {
            Promise.all(registries.map((r) => r.getMetricsAsJSON())).then((metrics) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                metrics
              });
            }).catch((error) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                error: error.message
              });
            });
          }
        });
      }
    }
    module.exports = AggregatorRegistry;
  }
});

// node_modules/prom-client/index.js
var require_prom_client = __commonJS({
  "node_modules/prom-client/index.js"(exports) {
    "use strict";
    exports.register = require_registry().globalRegistry;
    exports.Registry = require_registry();
    Object.defineProperty(exports, "contentType", {
      configurable: false,
      enumerable: true,
      get() {
        return exports.register.contentType;
      },
      set(value2) {
        exports.register.setContentType(value2);
      }
    });
    exports.prometheusContentType = exports.Registry.PROMETHEUS_CONTENT_TYPE;
    exports.openMetricsContentType = exports.Registry.OPENMETRICS_CONTENT_TYPE;
    exports.validateMetricName = require_validation().validateMetricName;
    exports.Counter = require_counter();
    exports.Gauge = require_gauge();
    exports.Histogram = require_histogram();
    exports.Summary = require_summary();
    exports.Pushgateway = require_pushgateway();
    exports.linearBuckets = require_bucketGenerators().linearBuckets;
    exports.exponentialBuckets = require_bucketGenerators().exponentialBuckets;
    exports.collectDefaultMetrics = require_defaultMetrics();
    exports.aggregators = require_metricAggregators().aggregators;
    exports.AggregatorRegistry = require_cluster();
  }
});

// src/ort-env.ts
process.env.ORT_DISABLE_TELEMETRY = "1";

// src/commands/command.ts
function defineCommand(command) {
  return command;
}
var COMMON_OPTIONS = {
  config: {
    type: "string",
    value: "PATH",
    description: "config file (default: modelkeeper.yml at the repository root)"
  },
  model: { type: "string", value: "NAME", description: "act on this model only (default: every model in the config)" },
  json: { type: "boolean", description: "print one JSON document on stdout and nothing else there" },
  "report-md": { type: "string", value: "FILE", description: "also write the report as Markdown" },
  "report-html": {
    type: "string",
    value: "FILE",
    description: "also write the report as self-contained HTML, where the command has one"
  }
};

// src/version.ts
var VERSION = "0.1.0";
var TOOL = `modelkeeper/${VERSION}`;

// src/model/ort.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompress } from "node:zlib";
import { promisify } from "node:util";

// src/model/ort-runtime.ts
var REQUESTS = ["auto", "wasm", "native"];
function chooseRuntime(facts) {
  const requested = (facts.requested ?? "").trim().toLowerCase() || "auto";
  if (!REQUESTS.includes(requested)) {
    throw new UserError(
      `MODELKEEPER_ORT="${facts.requested}" is not a runtime. Use auto (the default), wasm or native.`,
      { key: "MODELKEEPER_ORT" }
    );
  }
  const target = `${facts.platform}-${facts.arch}`;
  if (requested === "wasm") return { runtime: "wasm", forced: true, reason: "MODELKEEPER_ORT=wasm" };
  if (requested === "native") {
    if (!facts.nativeInstalled) {
      throw new UserError(
        `MODELKEEPER_ORT=native, but onnxruntime-node is not installed. Run \`npm install onnxruntime-node --ignore-scripts\` (its install script only fetches optional CUDA libraries), or unset MODELKEEPER_ORT to use the WebAssembly runtime modelkeeper ships.`,
        { key: "MODELKEEPER_ORT" }
      );
    }
    if (!facts.nativeBinding) {
      throw new UserError(
        `MODELKEEPER_ORT=native, but onnxruntime-node has no binding for ${target} (it ships linux-x64, linux-arm64, darwin-arm64, win32-x64 and win32-arm64). Unset MODELKEEPER_ORT to use the WebAssembly runtime modelkeeper ships, which runs on every platform Node runs on.`,
        { key: "MODELKEEPER_ORT" }
      );
    }
    return { runtime: "native", forced: true, reason: `MODELKEEPER_ORT=native (${target})` };
  }
  if (facts.nativeBinding)
    return { runtime: "native", forced: false, reason: `onnxruntime-node is installed with a binding for ${target}` };
  return {
    runtime: "wasm",
    forced: false,
    reason: facts.nativeInstalled ? `onnxruntime-node has no binding for ${target}` : "onnxruntime-node is not installed"
  };
}

// src/model/ort.ts
process.env.ORT_DISABLE_TELEMETRY = "1";
var WASM_FILE = "ort-wasm-simd-threaded.wasm";
var WASM_LOADER = "ort-wasm-simd-threaded.mjs";
var loading;
function loadOrt() {
  return loadRuntime().then((loaded2) => loaded2.ort);
}
function loadRuntime() {
  if (!loading) {
    process.env.ORT_DISABLE_TELEMETRY = "1";
    loading = start(runtimeChoice());
    loading.catch(() => loading = void 0);
  }
  return loading;
}
function runtimeChoice(env = process.env) {
  return chooseRuntime(runtimeFacts(env));
}
function runtimeFacts(env = process.env) {
  const { platform, arch } = process;
  const packageJson = resolveFromHere("onnxruntime-node/package.json");
  const binding = packageJson && join(dirname(packageJson), "bin", "napi-v6", platform, arch, "onnxruntime_binding.node");
  return {
    requested: env.MODELKEEPER_ORT,
    platform,
    arch,
    nativeInstalled: Boolean(packageJson),
    nativeBinding: binding && existsSync(binding) ? binding : void 0
  };
}
async function start(choice) {
  if (choice.runtime === "native") {
    try {
      const ort = await import("onnxruntime-node");
      return { ort, runtime: "native", reason: choice.reason };
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      if (choice.forced)
        throw new UserError(
          `MODELKEEPER_ORT=native, but onnxruntime-node failed to load: ${why}. Unset MODELKEEPER_ORT to use the WebAssembly runtime.`,
          { key: "MODELKEEPER_ORT" }
        );
      return {
        ort: await startWasm(),
        runtime: "wasm",
        reason: `onnxruntime-node failed to load on ${process.platform}-${process.arch} (${why})`
      };
    }
  }
  return { ort: await startWasm(), runtime: "wasm", reason: choice.reason };
}
async function startWasm() {
  const ort = await import("./chunk-EDCH45U6.js");
  const assets = wasmAssets();
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if (assets.loader) ort.env.wasm.wasmPaths = { mjs: assets.loader };
  const bytes = await readFile(assets.binary);
  ort.env.wasm.wasmBinary = assets.binary.endsWith(".br") ? await promisify(brotliDecompress)(bytes) : bytes;
  return ort;
}
function wasmAssets() {
  const here = dirname(fileURLToPath(import.meta.url));
  const shipped = join(here, `${WASM_FILE}.br`);
  if (existsSync(shipped)) return { binary: shipped, loader: new URL(WASM_LOADER, import.meta.url).href };
  const entry = resolveFromHere("onnxruntime-web");
  if (!entry)
    throw new Error(
      `the WebAssembly runtime is missing: neither ${shipped} nor onnxruntime-web is there (a broken install)`
    );
  return { binary: join(dirname(entry), WASM_FILE) };
}
function resolveFromHere(specifier) {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return void 0;
  }
}

// src/commands/record.ts
import { join as join3 } from "node:path";

// src/commands/workspace.ts
import { resolve } from "node:path";
async function openWorkspace(context, values) {
  const root = await findRepoRoot(context.cwd);
  const configPath = resolve(
    context.cwd,
    typeof values.config === "string" ? values.config : resolve(root, DEFAULT_CONFIG_FILE)
  );
  const config = await loadConfig(configPath, root);
  return {
    root,
    git: createGit(root, context.env),
    config,
    models: selectModels(config, values.model)
  };
}
function selectModels(config, name) {
  if (!name) return config.models;
  const model = config.models.find((m) => m.name === name);
  if (!model) {
    throw new UserError(
      `--model ${name}: no such model in ${config.relativePath}. Models there: ${config.models.map((m) => m.name).join(", ")}.`,
      { file: config.relativePath, key: "models" }
    );
  }
  return [model];
}

// src/git/git-dir.ts
async function gitDir(git) {
  return (await git.run(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
}
async function isShallow(git) {
  return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}

// src/git/revisions.ts
var WRONG_TYPE = /^error: [^\n]*: expected \w+ type, but the object dereferences to \w+ type$/;
async function verifiedId(git, spec) {
  const args = ["rev-parse", "--verify", "--quiet", spec];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  const said = result.stderr.trim();
  if (!said || result.code === 1 && WRONG_TYPE.test(said)) return void 0;
  throw gitFailure(args, result);
}
async function commitOf(git, rev) {
  return verifiedId(git, `${rev}^{commit}`);
}
async function hasBlob(git, oid) {
  return await verifiedId(git, `${oid}^{blob}`) !== void 0;
}
async function headCommit(git) {
  return (await git.run(["rev-parse", "HEAD^{commit}"])).trim();
}
async function objectAt(git, rev, path) {
  return verifiedId(git, `${rev}:${path}`);
}
var NO_SUCH_PATH = [
  /^fatal: path '.*' (does not exist in|exists on disk, but not in) '.*'$/,
  /^fatal: .*'.*' is outside repository( at '.*')?$/,
  /^fatal: ambiguous argument '.*': unknown revision or path not in the working tree\.$/,
  /^Use '--' to separate paths from revisions, like this:$/,
  /^'git <command> \[<revision>\.\.\.\] -- \[<file>\.\.\.\]'$/
];
async function objectsAt(git, commit, paths) {
  const args = ["rev-parse", ...paths.map((p) => `${commit}:${p}`)];
  const result = await git.tryRun(args);
  if (result.code === 0) {
    const ids = result.stdout.trim().split("\n");
    return ids.length === paths.length ? ids : void 0;
  }
  const said = result.stderr.trim().split("\n");
  if (result.code === 128 && said.every((line) => NO_SUCH_PATH.some((form) => form.test(line)))) return void 0;
  throw gitFailure(args, result);
}
var NOT_HELD = /^fatal: Not a valid (commit|object) name .*$/;
var NOT_A_COMMIT = /^error: object [0-9a-f]+ is a \w+, not a commit$/;
async function isAncestor(git, ancestor, descendant) {
  const args = ["merge-base", "--is-ancestor", ancestor, descendant];
  const result = await git.tryRun(args);
  if (result.code === 0) return true;
  const said = result.stderr.trim().split("\n");
  if (result.code === 1) return false;
  if (result.code === 128 && NOT_HELD.test(said.at(-1)) && said.slice(0, -1).every((l) => NOT_A_COMMIT.test(l)))
    return false;
  throw gitFailure(args, result);
}
async function commitCount(git, from, to) {
  return Number((await git.run(["rev-list", "--count", `${from}..${to}`])).trim());
}
async function changedPaths(git, from, to) {
  const out = await git.run(["diff", "--no-renames", "--name-only", "-z", from, to, "--"]);
  return out.split("\0").filter(Boolean);
}
async function commitMessage(git, commit, path) {
  return git.run(["log", "-1", "--format=%B", commit, ...path === void 0 ? [] : ["--", path]]);
}

// src/github/event.ts
import { readFileSync } from "node:fs";
function pullRequestFromEnv(env) {
  const name = env.GITHUB_EVENT_NAME;
  if (!env.GITHUB_EVENT_PATH || name !== "pull_request" && name !== "pull_request_target") return void 0;
  let payload;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return void 0;
  }
  const pr = payload?.pull_request;
  if (!pr?.head?.sha) return void 0;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseRef: pr.base?.ref,
    baseSha: pr.base?.sha,
    fromFork: Boolean(pr.head.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name)
  };
}

// src/provenance/record-target.ts
async function recordTarget(git, env, commit) {
  if (commit) return commit;
  const pr = pullRequestFromEnv(env);
  if (pr) {
    if (await commitOf(git, pr.headSha) !== void 0) return pr.headSha;
  }
  return "HEAD";
}

// src/git/notes.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/provenance/note-line.ts
import { randomBytes } from "node:crypto";
var NOTES_REF = "refs/notes/modelkeeper";
var NOTE_SCHEMA = 1;
function newLineId() {
  return randomBytes(8).toString("hex");
}
function serializeNoteLine(line) {
  const text2 = JSON.stringify(line);
  if (text2.includes("\n")) throw new Error("a note line must be a single line");
  return text2;
}
function parseNote(text2) {
  const lines = [];
  for (const raw of text2.split("\n")) {
    const trimmed = raw.trim();
    if (!trimmed.startsWith("{")) continue;
    try {
      const value2 = JSON.parse(trimmed);
      if (value2 && typeof value2.event === "string" && typeof value2.model === "string") lines.push(value2);
    } catch {
    }
  }
  return lines;
}
function newestFirst(lines, event, model) {
  return lines.filter((l) => l.event === event && l.model === model).sort((a, b) => a.at < b.at ? 1 : a.at > b.at ? -1 : 0);
}
function latest(lines, event, model) {
  return newestFirst(lines, event, model)[0];
}

// src/git/notes.ts
var incomingRef = (ref) => `${ref}-incoming`;
var FETCH_NOTES_HINT = `add a step after actions/checkout: \`git fetch origin "${NOTES_REF}:${NOTES_REF}"\` (checkout fetches no notes, and a shallow clone has none)`;
async function readNote(git, commit) {
  const result = await git.tryRun(["notes", `--ref=${NOTES_REF}`, "show", commit]);
  return result.code === 0 ? parseNote(result.stdout) : [];
}
async function readNoteText(git, commit, ref) {
  const result = await git.tryRun(["notes", `--ref=${ref}`, "show", commit]);
  return result.code === 0 ? result.stdout : void 0;
}
async function hasNotesRef(git) {
  return (await git.tryRun(["rev-parse", "--verify", "--quiet", NOTES_REF])).code === 0;
}
async function noteBlobOf(git, object, ref) {
  const args = ["notes", `--ref=${ref}`, "list", object];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  if (result.code === 1 && /no note found/i.test(result.stderr)) return void 0;
  throw gitFailure(args, result);
}
async function addNoteFromBlob(git, object, blob, ref) {
  await git.run(["notes", `--ref=${ref}`, "add", "-f", "-C", blob, object]);
}
async function appendNoteLines(git, commit, lines) {
  await appendRawLines(git, commit, lines.map(serializeNoteLine), NOTES_REF);
}
async function appendRawLines(git, commit, lines, ref) {
  const existing = await git.tryRun(["notes", `--ref=${ref}`, "show", commit]);
  const before = existing.code === 0 ? existing.stdout.replace(/\n+$/, "") : "";
  const text2 = (before ? `${before}
` : "") + lines.join("\n") + "\n";
  await git.run(["notes", `--ref=${ref}`, "add", "-f", "-F", "-", commit], { input: text2 });
}
async function readAllNotes(git) {
  const list2 = await git.tryRun(["notes", `--ref=${NOTES_REF}`, "list"]);
  if (list2.code !== 0 || !list2.stdout.trim()) return [];
  const pairs = list2.stdout.trim().split("\n").map((row) => row.split(" ")).filter(([blob, object]) => blob !== object);
  if (pairs.length === 0) return [];
  const batch = await git.run(["cat-file", "--batch"], { input: pairs.map(([blob]) => blob).join("\n") + "\n" });
  const blobs = splitCatFileBatch(batch);
  return pairs.map(([, commit], i) => ({ commit, lines: parseNote(blobs[i] ?? "") }));
}
function splitCatFileBatch(output) {
  const blobs = [];
  let offset = 0;
  const bytes = Buffer.from(output, "utf8");
  while (offset < bytes.length) {
    const headerEnd = bytes.indexOf(10, offset);
    const header = bytes.subarray(offset, headerEnd).toString("utf8").split(" ");
    const size = Number(header[2]);
    blobs.push(bytes.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}
async function pushNotes(git, remote = "origin", maxAttempts = 12, ref = NOTES_REF) {
  let merged = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const push = await git.tryRun(["push", "--porcelain", remote, `${ref}:${ref}`]);
    if (push.code === 0) return { attempts: attempt, merged };
    const rejected = /\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock|failed to update)/i.test(
      push.stdout + push.stderr
    );
    if (!rejected) {
      throw new UserError(
        `could not push ${ref} to ${remote}: ${(push.stderr || push.stdout).trim()}. Check that the job may push (permissions: contents: write) and that "${remote}" exists.`
      );
    }
    await mergeRemoteNotes(git, remote, ref);
    merged = true;
    await sleep(Math.floor(Math.random() * 50 * attempt));
  }
  throw new UserError(
    `could not push ${ref} to ${remote} after ${maxAttempts} attempts: other jobs kept pushing notes. Run record --push again.`
  );
}
async function mergeRemoteNotes(git, remote = "origin", ref = NOTES_REF) {
  const incoming = incomingRef(ref);
  const fetch = await git.tryRun(["fetch", "--quiet", remote, `+${ref}:${incoming}`]);
  if (fetch.code !== 0) {
    if (/couldn't find remote ref/i.test(fetch.stderr)) return false;
    throw new UserError(
      `could not fetch ${ref} from ${remote}: ${fetch.stderr.trim()}. Check that the remote exists and the job may read it.`
    );
  }
  if ((await git.tryRun(["rev-parse", "--verify", "--quiet", ref])).code !== 0) {
    await git.run(["update-ref", ref, incoming]);
  } else {
    await git.run(["notes", `--ref=${ref}`, "merge", "--quiet", "-s", "cat_sort_uniq", incoming]);
  }
  await git.tryRun(["update-ref", "-d", incoming]);
  return true;
}

// src/provenance/expand-paths.ts
import { readdir, stat, realpath } from "node:fs/promises";
import { resolve as resolve2, relative, sep } from "node:path";

// src/provenance/glob.ts
function isGlob(pattern) {
  return /[*?[\]{}]/.test(pattern);
}
function staticPrefix(pattern) {
  const segments = pattern.split("/");
  const fixed = [];
  for (const segment of segments) {
    if (isGlob(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === segments.length ? fixed.slice(0, -1).join("/") : fixed.join("/");
}
function globToRegExp(pattern) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        const atSegmentStart = i === 0 || pattern[i - 1] === "/";
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atSegmentStart && atSegmentEnd) {
          if (pattern[i + 2] === "/") {
            source += "(?:[^/]+/)*";
            i += 2;
          } else {
            source += ".*";
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) {
        source += "\\[";
      } else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else if (char === "{") {
      const end = pattern.indexOf("}", i + 1);
      if (end === -1) {
        source += "\\{";
      } else {
        const options = pattern.slice(i + 1, end).split(",").map((o) => globToRegExp(o).source.slice(1, -1));
        source += `(?:${options.join("|")})`;
        i = end;
      }
    } else {
      source += char.replace(/[.+^$()|\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

// src/provenance/expand-paths.ts
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function expandPaths(repoRoot, patterns, what) {
  const found = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const matches = await expandOne(repoRoot, pattern, what);
    if (matches.length === 0) {
      throw new UserError(
        `${what}: "${pattern}" matches no file. Fix the path in the config, or create the file first.`,
        {
          key: what
        }
      );
    }
    for (const match of matches) found.add(match);
  }
  return [...found].sort(comparePaths);
}
function comparePaths(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
async function expandOne(repoRoot, pattern, what) {
  const normalized = pattern.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  const absolute = resolve2(repoRoot, normalized);
  const rel = relative(repoRoot, absolute);
  if (rel.startsWith("..") || resolve2(repoRoot, rel) !== absolute || normalized.startsWith("/")) {
    throw new UserError(
      `${what}: "${pattern}" is outside the repository. Use a path relative to the repository root.`,
      { key: what }
    );
  }
  if (!isGlob(normalized)) {
    const info2 = await stat(absolute).catch(() => void 0);
    if (!info2) return [];
    await assertInside(repoRoot, absolute, pattern, what);
    if (info2.isFile()) return [toPosix(rel)];
    if (info2.isDirectory()) return walk(repoRoot, absolute, () => true, pattern, what);
    return [];
  }
  const matcher = globToRegExp(normalized);
  const start2 = resolve2(repoRoot, staticPrefix(normalized) || ".");
  const info = await stat(start2).catch(() => void 0);
  if (!info?.isDirectory()) return [];
  await assertInside(repoRoot, start2, pattern, what);
  return walk(repoRoot, start2, (path) => matcher.test(path), pattern, what);
}
async function walk(repoRoot, dir, accept, pattern, what) {
  const out = [];
  const visit = async (absoluteDir, relativeDir) => {
    const entries = await readdir(absoluteDir, { withFileTypes: true });
    for (const entry of entries) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const absolute = absoluteDir + sep + entry.name;
      const rel = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await visit(absolute, rel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!accept(rel)) continue;
        if (entry.isSymbolicLink()) {
          const target = await stat(absolute).catch(() => void 0);
          if (!target?.isFile()) continue;
          await assertInside(repoRoot, absolute, pattern, what);
        }
        out.push(rel);
      }
    }
  };
  await visit(dir, toPosix(relative(repoRoot, dir)));
  return out;
}
async function assertInside(repoRoot, absolute, pattern, what) {
  const [realRoot, real] = await Promise.all([realpath(repoRoot), realpath(absolute)]);
  const rel = relative(realRoot, real);
  if (rel.startsWith("..") || rel.startsWith(sep)) {
    throw new UserError(
      `${what}: "${pattern}" resolves to ${real}, outside the repository. Keep inputs inside the repository.`,
      { key: what }
    );
  }
}
function toPosix(path) {
  return path.split(sep).join("/");
}

// src/provenance/lockfiles.ts
import { readdir as readdir2 } from "node:fs/promises";
var LOCKFILE_PATTERNS = [
  /^package-lock\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^yarn\.lock$/,
  /^pnpm-lock\.yaml$/,
  /^requirements.*\.txt$/,
  /^constraints.*\.txt$/,
  /^poetry\.lock$/,
  /^uv\.lock$/,
  /^Pipfile\.lock$/,
  /^pdm\.lock$/,
  /^environment\.ya?ml$/,
  /^conda-lock\.ya?ml$/,
  /^renv\.lock$/,
  /^Cargo\.lock$/,
  /^go\.sum$/
];
async function findLockfiles(repoRoot) {
  const entries = await readdir2(repoRoot, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && LOCKFILE_PATTERNS.some((p) => p.test(e.name))).map((e) => e.name).sort();
}

// src/provenance/hash-files.ts
import { availableParallelism } from "node:os";
import { sep as sep2 } from "node:path";

// src/provenance/hash-workers.ts
import { Worker } from "node:worker_threads";
var WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { openSync, readSync, closeSync, fstatSync } = require("node:fs");
const { createHash } = require("node:crypto");
const buffer = Buffer.allocUnsafe(1 << 20);
function one(path, expect) {
  let fd;
  try {
    fd = openSync(path, "r");
    const s = fstatSync(fd, { bigint: true });
    if (!s.isFile()) return "! not a regular file";
    const fp = "f " + s.dev + " " + s.ino + " " + s.size + " " + s.mtimeNs;
    if (expect && expect === fp) return "= " + s.size + " " + fp;
    const hash = createHash("sha256");
    let bytes = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      bytes += n;
    }
    return "h " + hash.digest("hex") + " " + bytes + " " + fp;
  } catch (error) {
    return "! " + (error.code || String(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
parentPort.on("message", ({ id, paths, expects }) => {
  const p = paths.split("\\0"), e = expects.split("\\0"), out = new Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = one(p[i], e[i]);
  parentPort.postMessage({ id, answers: out.join("\\0") });
});
`;
var HashWorkers = class {
  idle = [];
  queue = [];
  waiting = /* @__PURE__ */ new Map();
  all = [];
  nextId = 0;
  failed;
  constructor(threads) {
    for (let i = 0; i < Math.max(1, threads); i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 24 }
      });
      worker.on("message", (message) => {
        const pending = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        this.idle.push(worker);
        this.pump();
        pending?.resolve(message.answers.split("\0"));
      });
      worker.on("error", (error) => this.fail(error));
      this.all.push(worker);
      this.idle.push(worker);
    }
  }
  /** Hashes a batch of absolute paths; `expects[i]` is the fingerprint the cache holds, or "". */
  run(paths, expects) {
    return new Promise((resolve11, reject) => {
      if (this.failed) return reject(this.failed);
      this.queue.push({ paths: paths.join("\0"), expects: expects.join("\0"), resolve: resolve11, reject });
      this.pump();
    });
  }
  async close() {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
  pump() {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop();
      const { paths, expects, resolve: resolve11, reject } = this.queue.shift();
      const id = this.nextId++;
      this.waiting.set(id, { resolve: resolve11, reject });
      worker.postMessage({ id, paths, expects });
    }
  }
  fail(error) {
    this.failed = error;
    for (const pending of [...this.waiting.values(), ...this.queue]) pending.reject(error);
    this.waiting.clear();
    this.queue.length = 0;
  }
};

// src/provenance/hash-files.ts
function defaultThreads() {
  return Math.max(1, availableParallelism() - 1);
}
var BATCH_FILES = 256;
var BATCHES_PER_THREAD = 4;
async function* hashInOrder(root, paths, options = {}) {
  const { cache, blobs } = options;
  const stats = options.stats ?? { hashed: 0, reused: 0, bytesRead: 0 };
  const startedNs = BigInt(Date.now()) * 1000000n;
  const threads = Math.max(1, options.threads ?? defaultThreads());
  let workers;
  const base = root.endsWith(sep2) ? root : root + sep2;
  const fifo = [];
  const inFlight = [];
  let batch = [];
  const send2 = () => {
    const slots = batch;
    batch = [];
    workers ??= new HashWorkers(threads);
    const sent = workers.run(
      slots.map((s) => base + s.path),
      slots.map((s) => s.cached?.key.startsWith("f ") ? s.cached.key : "")
    ).then((answers) => {
      slots.forEach((slot, i) => {
        slot.answer = answers[i];
        slot.ready = true;
      });
    });
    inFlight.push(sent);
    void sent.catch(() => {
    });
  };
  let out = [];
  const finish = async (slot) => {
    if (slot.answer === void 0) {
      stats.reused++;
      const pending2 = cache?.set(slot.path, slot.cached);
      if (pending2) await pending2;
      out.push({ path: slot.path, sha256: slot.cached.sha256, bytes: slot.cached.bytes, read: false });
      return;
    }
    const fields = slot.answer.split(" ");
    if (fields[0] === "!") throw unreadable(slot.path, slot.answer.slice(2));
    const read = fields[0] === "h";
    const sha2562 = read ? fields[1] : slot.cached.sha256;
    const bytes = Number(read ? fields[2] : fields[1]);
    const fingerprint = fields.slice(read ? 3 : 2).join(" ");
    const mtimeNs = BigInt(fields[fields.length - 1]);
    if (read) {
      stats.hashed++;
      stats.bytesRead += bytes;
    } else {
      stats.reused++;
    }
    if (slot.oid && options.checkedNs !== void 0 && mtimeNs >= options.checkedNs) options.onLate?.(slot.path);
    const key = slot.oid && options.checkedNs !== void 0 && mtimeNs < options.checkedNs ? `b ${slot.oid}` : mtimeNs < startedNs ? fingerprint : void 0;
    const pending = cache?.set(slot.path, key ? { key, sha256: sha2562, bytes } : void 0);
    if (pending) await pending;
    out.push({ path: slot.path, sha256: sha2562, bytes, read });
  };
  const take = () => {
    const group = out;
    out = [];
    return group;
  };
  try {
    for await (const path of paths) {
      let cached = cache?.get(path);
      if (cached instanceof Promise) cached = await cached;
      let oid = blobs?.get(path);
      if (oid instanceof Promise) oid = await oid;
      const slot = { path, oid, cached, ready: false };
      if (cached && oid && cached.key === `b ${oid}`) slot.ready = true;
      else batch.push(slot);
      fifo.push(slot);
      if (batch.length >= BATCH_FILES) send2();
      while (inFlight.length >= threads * BATCHES_PER_THREAD) await inFlight.shift();
      while (fifo.length && fifo[0].ready) await finish(fifo.shift());
      if (out.length >= BATCH_FILES) yield take();
    }
    if (batch.length) send2();
    while (fifo.length) {
      if (fifo[0].ready) await finish(fifo.shift());
      else if (inFlight.length) await inFlight.shift();
      else throw new Error(`hashInOrder: ${fifo[0].path} was never sent to a worker`);
      if (out.length >= BATCH_FILES) yield take();
    }
    if (out.length) yield take();
  } finally {
    await workers?.close();
  }
}
async function hashFiles(root, paths, options = {}) {
  const stats = { hashed: 0, reused: 0, bytesRead: 0 };
  const hashes = /* @__PURE__ */ new Map();
  for await (const group of hashInOrder(root, new Set(paths), {
    threads: Math.min(options.threads ?? defaultThreads(), Math.ceil(paths.length / BATCH_FILES)),
    stats
  })) {
    for (const { path, sha256: sha2562, bytes } of group) hashes.set(path, { sha256: sha2562, bytes });
  }
  return { hashes, stats };
}
function unreadable(path, reason) {
  return new UserError(`${path}: cannot read (${reason}). Check that the file exists and is readable.`, { file: path });
}

// src/provenance/config-section.ts
import { createHash } from "node:crypto";

// src/provenance/canonical-json.ts
function canonicalJson(value2) {
  return JSON.stringify(sortKeys(value2));
}
function sortKeys(value2) {
  if (Array.isArray(value2)) return value2.map((v) => v === void 0 ? null : sortKeys(v));
  if (value2 && typeof value2 === "object") {
    const out = {};
    for (const key of Object.keys(value2).sort()) {
      const member = value2[key];
      if (member !== void 0) out[key] = sortKeys(member);
    }
    return out;
  }
  return value2;
}

// src/provenance/config-section.ts
function configSection(model) {
  return JSON.parse(canonicalJson(model));
}
function sectionSha256(section) {
  return createHash("sha256").update(canonicalJson(section)).digest("hex");
}
function changedKeys(before, after, prefix = "") {
  const isObject = (v) => Boolean(v) && typeof v === "object" && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedKeys(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  return [
    {
      key: prefix || "(section)",
      ...before === void 0 ? {} : { before },
      ...after === void 0 ? {} : { after }
    }
  ];
}
function sectionChange(model, recorded) {
  if (!recorded.section) return [];
  const now = configSection(model);
  const actual = sectionSha256(now);
  if (actual === recorded.section.sha256) return [];
  return [
    {
      path: `${recorded.section.file}#models.${model.name}`,
      role: "section",
      kind: "changed",
      expected: recorded.section.sha256,
      actual,
      keys: changedKeys(recorded.section.value, now)
    }
  ];
}

// src/provenance/manifest-store.ts
import { createHash as createHash2 } from "node:crypto";

// src/git/blob.ts
import { execFile, spawn } from "node:child_process";
function readBlob(git, object) {
  return new Promise((resolve11, reject) => {
    execFile(
      "git",
      ["cat-file", "blob", object],
      { cwd: git.cwd, encoding: "buffer", maxBuffer: 4 * 1024 ** 3 },
      (error, stdout) => error ? reject(error) : resolve11(stdout)
    );
  });
}
async function readTextAt(git, rev, path) {
  const blob = await objectAt(git, rev, path);
  return blob === void 0 ? void 0 : (await readBlob(git, blob)).toString("utf8");
}
async function blobIdsOfFiles(git, files) {
  if (files.length === 0) return [];
  return (await git.run(["hash-object", "--", ...files])).trim().split("\n");
}
function openBlobWriter(git) {
  return spawn("git", ["hash-object", "-w", "--stdin"], { cwd: git.cwd, stdio: ["pipe", "pipe", "pipe"] });
}
function openBlobReader(git, oid) {
  return spawn("git", ["cat-file", "blob", oid], { cwd: git.cwd, stdio: ["ignore", "pipe", "pipe"] });
}
function smudgeLfsPointer(git, pointer, path) {
  return new Promise((resolve11, reject) => {
    const child = execFile(
      "git",
      ["lfs", "smudge", "--", path],
      { cwd: git.cwd, encoding: "buffer", maxBuffer: 4 * 1024 ** 3 },
      (error, stdout) => error ? reject(error) : resolve11(stdout)
    );
    child.stdin?.end(pointer);
  });
}

// src/provenance/manifest-store.ts
var ROLES = ["data", "code", "config", "lockfiles"];
var ManifestWriter = class {
  constructor(git, header) {
    this.git = git;
    this.child = openBlobWriter(git);
    this.done = collect(this.child, "git hash-object -w --stdin");
    this.pending = canonicalJson({ model: header.model, modelkeeper: "manifest", section: header.section, version: 1 }) + "\n";
  }
  git;
  child;
  done;
  digest = createHash2("sha256");
  files = 0;
  pending = "";
  /** Adds an entry; a promise only when a piece goes to git. */
  add(role, path, sha2562) {
    this.pending += JSON.stringify([role, path, sha2562]) + "\n";
    this.files++;
    if (this.pending.length >= 1 << 16) return this.flush();
  }
  async finish() {
    await this.flush();
    this.child.stdin.end();
    const oid = (await this.done).toString("utf8").trim();
    await keepManifest(this.git, oid);
    return { oid, sha256: this.digest.digest("hex"), files: this.files };
  }
  /** Stops git without a blob (a failure elsewhere). */
  abort() {
    this.child.stdin.destroy();
    this.child.kill();
    void this.done.catch(() => {
    });
  }
  async flush() {
    if (!this.pending) return;
    const chunk = Buffer.from(this.pending, "utf8");
    this.pending = "";
    this.digest.update(chunk);
    if (!this.child.stdin.write(chunk))
      await new Promise((resolve11) => this.child.stdin.once("drain", () => resolve11()));
  }
};
async function keepManifest(git, oid) {
  if (await noteBlobOf(git, oid, NOTES_REF) === oid) return;
  await addNoteFromBlob(git, oid, oid, NOTES_REF);
}
async function readManifest(git, ref, where) {
  const oid = typeof ref?.oid === "string" ? ref.oid : "";
  const bad = (why) => new UserError(
    `${where}: the record's manifest ${oid.slice(0, 12) || "(none)"} ${why}. Record the commit again (modelkeeper record), or fetch ${NOTES_REF} in full.`
  );
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw bad("is not a git object id");
  const child = openBlobReader(git, ref.oid);
  const digest = createHash2("sha256");
  const inputs = { data: {}, code: {}, config: {}, lockfiles: {} };
  let header;
  let files = 0;
  let rest = Buffer.alloc(0);
  const lineError = [];
  const take = (line) => {
    if (!line) return;
    let value2;
    try {
      value2 = JSON.parse(line);
    } catch {
      lineError.push("has a line that is not JSON");
      return;
    }
    if (!header) {
      const h = value2;
      if (h?.modelkeeper !== "manifest" || h.version !== 1 || typeof h.model !== "string")
        lineError.push("has no manifest header");
      else header = { model: h.model, section: h.section ?? {} };
      return;
    }
    const [role, path, sha2562] = Array.isArray(value2) ? value2 : [];
    if (!ROLES.includes(role) || typeof path !== "string" || !isSafePath(path) || typeof sha2562 !== "string" || !/^[0-9a-f]{64}$/.test(sha2562)) {
      lineError.push(`has an invalid entry ${JSON.stringify(line.slice(0, 120))}`);
      return;
    }
    inputs[role][path] = sha2562;
    files++;
  };
  const stderr = [];
  child.stderr.on("data", (c) => stderr.push(c));
  for await (const chunk of child.stdout) {
    digest.update(chunk);
    let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start2 = 0;
    for (let nl = data.indexOf(10, start2); nl !== -1; nl = data.indexOf(10, start2)) {
      take(data.subarray(start2, nl).toString("utf8"));
      start2 = nl + 1;
    }
    rest = Buffer.from(data.subarray(start2));
    data = rest;
  }
  take(rest.toString("utf8"));
  const code = await new Promise(
    (resolve11) => child.exitCode !== null ? resolve11(child.exitCode) : child.once("close", resolve11)
  );
  if (code !== 0)
    throw bad(`is not in this clone (${Buffer.concat(stderr).toString("utf8").trim() || `git exit ${code}`})`);
  if (digest.digest("hex") !== ref.sha256) throw bad("does not hash to the sha256 the note line names (altered?)");
  if (lineError.length) throw bad(lineError[0]);
  if (!header) throw bad("is empty");
  if (files !== ref.files) throw bad(`lists ${files} files where the note line says ${ref.files}`);
  return { ...header, inputs };
}
function isSafePath(path) {
  if (!path || path.startsWith("/") || path.includes("\\") || path.includes("\0") || /^[A-Za-z]:/.test(path))
    return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
function collect(child, what) {
  return new Promise((resolve11, reject) => {
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", reject);
    child.on(
      "close",
      (code) => code === 0 ? resolve11(Buffer.concat(out)) : reject(new Error(`${what} failed (exit ${code}): ${Buffer.concat(err).toString("utf8").trim()}`))
    );
  });
}

// src/provenance/manifest.ts
async function listModelFiles(repoRoot, model) {
  const where = (key) => `models.${model.name}.${key}`;
  const [artifact] = await expandPaths(repoRoot, [model.artifact], where("artifact"));
  const data = await expandPaths(repoRoot, [...model.data.train, ...model.data.holdout], where("data"));
  const code = await expandPaths(repoRoot, model.code, where("code"));
  const config = model.config.length ? await expandPaths(repoRoot, model.config, where("config")) : [];
  return { artifact, data, code, config, lockfiles: await findLockfiles(repoRoot) };
}
function modelPatterns(model) {
  return { data: [...model.data.train, ...model.data.holdout], code: model.code, config: model.config };
}
function hasPath(files, path) {
  return path === files.artifact || ROLES.some((role) => sortedIncludes(files[role], path));
}
async function buildRecords(repoRoot, models, configFile, options = {}) {
  const git = options.git ?? createGit(repoRoot, options.env);
  const sections = models.map(({ model }) => configSection(model));
  const writers = models.map(({ model }, i) => new ManifestWriter(git, { model: model.name, section: sections[i] }));
  const stats = models.map(() => ({ hashed: 0, reused: 0, bytesRead: 0 }));
  const artifacts = models.map(() => void 0);
  const lists = models.flatMap(({ files }, m) => [
    { list: [files.artifact], at: 0, model: m, role: "artifact" },
    ...ROLES.map((role) => ({ list: files[role], at: 0, model: m, role }))
  ]);
  const uses = [];
  function* paths() {
    for (; ; ) {
      let next;
      for (const l of lists)
        if (l.at < l.list.length && (next === void 0 || comparePaths(l.list[l.at], next) < 0)) next = l.list[l.at];
      if (next === void 0) return;
      const found = [];
      for (const l of lists) {
        if (l.at < l.list.length && l.list[l.at] === next) {
          found.push({ model: l.model, role: l.role });
          l.at++;
        }
      }
      uses.push(found);
      yield next;
    }
  }
  try {
    let next = 0;
    for await (const group of hashInOrder(repoRoot, paths(), options)) {
      for (const file of group) {
        let counted = -1;
        for (const use of uses[next++]) {
          if (counted !== use.model) {
            counted = use.model;
            if (file.read) stats[use.model].hashed++, stats[use.model].bytesRead += file.bytes;
            else stats[use.model].reused++;
          }
          if (use.role === "artifact") artifacts[use.model] = file;
          else {
            const pending = writers[use.model].add(use.role, file.path, file.sha256);
            if (pending) await pending;
          }
        }
      }
      uses.splice(0, next);
      next = 0;
    }
  } catch (error) {
    for (const writer of writers) writer.abort();
    throw error;
  }
  const out = [];
  for (const [i, { model, files }] of models.entries()) {
    const manifest = await writers[i].finish();
    const artifact = artifacts[i];
    const line = recordLine(
      model,
      configFile,
      { path: files.artifact, ...artifact },
      manifest,
      options.dirty?.get(model.name) ?? [],
      options
    );
    out.push({ line, stats: stats[i] });
  }
  return out;
}
function recordLine(model, configFile, artifact, manifest, dirty, options = {}) {
  const env = options.env ?? process.env;
  return {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "record",
    model: model.name,
    at: (options.now ?? /* @__PURE__ */ new Date()).toISOString(),
    tool: TOOL,
    ...model.train ? { train: model.train } : {},
    artifact: { path: artifact.path, sha256: artifact.sha256, bytes: artifact.bytes },
    section: { file: configFile, sha256: sectionSha256(configSection(model)) },
    manifest,
    ...dirty.length ? { dirty } : {},
    patterns: modelPatterns(model),
    env: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      ...env.GITHUB_ACTIONS === "true" ? { ci: "github-actions", runId: env.GITHUB_RUN_ID } : env.CI ? { ci: "ci" } : {}
    }
  };
}
async function buildRecord(repoRoot, model, configFile, options = {}) {
  const [record] = await buildRecords(
    repoRoot,
    [{ model, files: await listModelFiles(repoRoot, model) }],
    configFile,
    options
  );
  return record;
}
function sortedIncludes(list2, path) {
  let lo = 0;
  let hi = list2.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const order = comparePaths(list2[mid], path);
    if (order === 0) return true;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

// src/provenance/record-memo.ts
import { createHash as createHash3 } from "node:crypto";
import { readFile as readFile2, writeFile, rename } from "node:fs/promises";

// src/git/working-tree.ts
async function workingTreeChanges(git, commit) {
  const out = await git.run([
    "--no-optional-locks",
    "diff",
    "--no-renames",
    "--no-ext-diff",
    "--name-status",
    "-z",
    commit,
    "--"
  ]);
  const fields = out.split("\0");
  const changes = [];
  for (let i = 0; i + 1 < fields.length; i += 2) changes.push({ status: fields[i], path: fields[i + 1] });
  return changes;
}
async function untrackedFiles(git) {
  const out = await git.run(["--no-optional-locks", "ls-files", "--others", "--exclude-standard", "-z"]);
  return out.split("\0").filter(Boolean);
}
async function ignoredFiles(git, pathspecs) {
  const out = await git.run([
    "--no-optional-locks",
    // Paths, not pathspecs: a folder named `:(attr:x)data` or `:!data` is a folder.
    "--literal-pathspecs",
    "ls-files",
    "--others",
    "--ignored",
    "--exclude-standard",
    "--directory",
    "-z",
    "--",
    ...pathspecs
  ]);
  return out.split("\0").filter(Boolean);
}
async function changedTrackedFiles(git) {
  const status = await git.run(["status", "--porcelain", "--untracked-files=no"]);
  return status.split("\n").filter(Boolean).map((line) => line.slice(3));
}
async function differsFromCommit(git, commit, path) {
  const args = ["diff", "--quiet", commit, "--", path];
  const result = await git.tryRun(args);
  if (result.code === 0 || result.code === 1) return result.code === 1;
  throw gitFailure(args, result);
}
async function restoreFromHead(git, path) {
  const args = ["checkout", "--quiet", "HEAD", "--", path];
  const result = await git.tryRun(args);
  if (result.code === 0) return true;
  if (result.code === 1 && /did not match any file\(s\) known to git/.test(result.stderr)) return false;
  throw gitFailure(args, result);
}
async function resetHard(git, commit) {
  await git.run(["reset", "--quiet", "--hard", commit]);
}

// src/provenance/record-memo.ts
var KEEP = 64;
function memoPaths(model, lockfiles) {
  const patterns = [model.artifact, ...model.data.train, ...model.data.holdout, ...model.code, ...model.config];
  const normalized = patterns.map((p) => p.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, ""));
  return [.../* @__PURE__ */ new Set([...normalized.map((p) => isGlob(p) ? staticPrefix(p) : p), ...lockfiles])].sort();
}
async function memoKey(git, commit, model, paths) {
  const oids = await objectsAt(git, commit, paths);
  if (oids === void 0) return void 0;
  return createHash3("sha256").update(
    canonicalJson({
      memo: 1,
      section: configSection(model),
      patterns: modelPatterns(model),
      artifact: model.artifact,
      trees: paths.map((p, i) => [p, oids[i]])
    })
  ).digest("hex");
}
async function reusableRecord(git, commit, model, lockfiles, memo, dirtyAmong) {
  const paths = memoPaths(model, lockfiles);
  const key = await memoKey(git, commit, model, paths);
  const value2 = key ? memo.get(key) : void 0;
  if (!key || !value2) return { key, value: void 0 };
  const [dirty, ignored, present] = await Promise.all([
    dirtyAmong((path) => paths.some((p) => p === "" || path === p || path.startsWith(`${p}/`))),
    ignoredFiles(
      git,
      paths.map((p) => p === "" ? "." : p)
    ),
    hasBlob(git, value2.manifest.oid)
  ]);
  return { key, value: dirty.length === 0 && ignored.length === 0 && present ? value2 : void 0 };
}
var RecordMemo = class _RecordMemo {
  constructor(file, lines) {
    this.file = file;
    this.lines = lines;
  }
  file;
  lines;
  static async open(file) {
    const text2 = await readFile2(file, "utf8").catch(() => "");
    return new _RecordMemo(
      file,
      text2.split("\n").filter((l) => /^[0-9a-f]{64} \{/.test(l))
    );
  }
  get(key) {
    const line = this.lines.findLast((l) => l.startsWith(`${key} `));
    if (!line) return void 0;
    try {
      const value2 = JSON.parse(line.slice(65));
      const ok = /^[0-9a-f]{40,64}$/.test(value2?.manifest?.oid) && /^[0-9a-f]{64}$/.test(value2.manifest.sha256) && /^[0-9a-f]{64}$/.test(value2.artifact?.sha256) && typeof value2.artifact.path === "string";
      return ok ? value2 : void 0;
    } catch {
      return void 0;
    }
  }
  set(key, value2) {
    const kept = this.lines.filter((l) => !l.startsWith(`${key} `));
    this.lines.splice(0, this.lines.length, ...kept.slice(-(KEEP - 1)), `${key} ${JSON.stringify(value2)}`);
  }
  /** Temp file and rename: a crash leaves the old memo or the new one. */
  async save() {
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, this.lines.join("\n") + "\n");
    await rename(temp, this.file);
  }
};

// src/provenance/dirty-files.ts
function scanDirtyFiles(git, commit) {
  const scan = Promise.all([workingTreeChanges(git, commit), untrackedFiles(git)]);
  return scan.then(([changes, others]) => (hashed) => {
    const out = [];
    for (const { status, path } of changes) {
      if (!hashed(path)) continue;
      out.push({ path, state: status.startsWith("A") ? "added" : status.startsWith("D") ? "deleted" : "modified" });
    }
    for (const path of others) if (hashed(path)) out.push({ path, state: "untracked" });
    return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  });
}

// src/provenance/hash-cache.ts
import { open, mkdir, rename as rename2, rm } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
var HEADER = "modelkeeper-hash-cache 3\n";
var CHUNK = 1 << 16;
var HashCache = class _HashCache {
  constructor(file, reader, copier, writer, temp) {
    this.file = file;
    this.reader = reader;
    this.copier = copier;
    this.writer = writer;
    this.temp = temp;
  }
  file;
  reader;
  copier;
  writer;
  temp;
  changed = false;
  static async open(file) {
    await mkdir(dirname2(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    return new _HashCache(
      file,
      await EntryReader.open(file),
      await EntryReader.open(file),
      await ChunkWriter.open(temp, HEADER),
      temp
    );
  }
  /**
   * The entry for `path`, if any. Calls must come in ascending path order (comparePaths). A
   * promise only when the next piece of the file must be read: no promise per file.
   */
  get(path) {
    if (!this.reader) return void 0;
    for (; ; ) {
      const head = this.reader.peekBuffered();
      if (head === NEED_READ) return this.reader.fill().then(() => this.get(path));
      if (!head) return void 0;
      const order = comparePaths(head.path, path);
      if (order > 0) return void 0;
      this.reader.advance();
      if (order === 0) return parseEntry(head.value);
    }
  }
  /** Remembers (or, with undefined, forgets) `path`'s entry. Calls in ascending path order; a promise only when a piece is read or written. */
  set(path, entry) {
    let old;
    if (this.copier) {
      for (; ; ) {
        const head = this.copier.peekBuffered();
        if (head === NEED_READ) return this.copier.fill().then(() => this.set(path, entry));
        if (!head) break;
        const order = comparePaths(head.path, path);
        if (order > 0) break;
        this.copier.advance();
        if (order === 0) {
          old = head.value;
          break;
        }
        this.writer.add(`${head.path}\0${head.value}\0`);
      }
    }
    const value2 = entry && `${entry.key} ${entry.sha256} ${entry.bytes}`;
    if (value2 !== old) this.changed = true;
    if (value2 && !path.includes("\0")) this.writer.add(`${path}\0${value2}\0`);
    if (this.writer.full) return this.writer.flush();
  }
  /** Copies the rest and renames the new file over the old (atomic: a crash never leaves half a cache); unchanged, keeps the old file. */
  async save() {
    if (this.copier) {
      for (let head = await this.copier.peek(); head; head = await this.copier.peek()) {
        this.copier.advance();
        this.writer.add(`${head.path}\0${head.value}\0`);
        if (this.writer.full) await this.writer.flush();
      }
    }
    await this.close(this.changed);
  }
  /** Closes the files; without `keep`, the new file is discarded. */
  async close(keep = false) {
    await Promise.all([this.reader?.close(), this.copier?.close()]);
    await this.writer.close();
    if (keep) await rename2(this.temp, this.file);
    else await rm(this.temp, { force: true });
  }
};
var NEED_READ = /* @__PURE__ */ Symbol("need read");
function parseEntry(value2) {
  const b = value2.lastIndexOf(" ");
  const a = value2.lastIndexOf(" ", b - 1);
  if (a < 1 || b - a !== 65) return void 0;
  const bytes = Number(value2.slice(b + 1));
  if (!Number.isSafeInteger(bytes) || bytes < 0) return void 0;
  return { key: value2.slice(0, a), sha256: value2.slice(a + 1, b), bytes };
}
var EntryReader = class _EntryReader {
  constructor(handle2) {
    this.handle = handle2;
  }
  handle;
  text = "";
  at = 0;
  eof = false;
  current;
  buffer = Buffer.allocUnsafe(CHUNK);
  carry = Buffer.alloc(0);
  static async open(file) {
    const handle2 = await open(file, "r").catch(() => void 0);
    if (!handle2) return void 0;
    const reader = new _EntryReader(handle2);
    await reader.fill();
    if (!reader.text.startsWith(HEADER)) {
      await handle2.close();
      return void 0;
    }
    reader.at = HEADER.length;
    return reader;
  }
  async peek() {
    for (; ; ) {
      const head = this.peekBuffered();
      if (head !== NEED_READ) return head;
      await this.fill();
    }
  }
  /** The current entry from what is read so far; NEED_READ when the next piece must be read first. */
  peekBuffered() {
    if (this.current) return this.current;
    const a = this.text.indexOf("\0", this.at);
    const b = a === -1 ? -1 : this.text.indexOf("\0", a + 1);
    if (b !== -1) {
      this.current = { path: this.text.slice(this.at, a), value: this.text.slice(a + 1, b) };
      this.at = b + 1;
      return this.current;
    }
    return this.eof ? void 0 : NEED_READ;
  }
  advance() {
    this.current = void 0;
  }
  async close() {
    await this.handle.close().catch(() => {
    });
  }
  async fill() {
    this.text = this.text.slice(this.at);
    this.at = 0;
    const { bytesRead } = await this.handle.read(this.buffer, 0, CHUNK, null);
    if (bytesRead === 0) {
      this.eof = true;
      this.text += this.carry.toString("utf8");
      this.carry = Buffer.alloc(0);
      return;
    }
    const bytes = Buffer.concat([this.carry, this.buffer.subarray(0, bytesRead)]);
    const cut = completeUtf8Length(bytes);
    this.carry = Buffer.from(bytes.subarray(cut));
    this.text += bytes.toString("utf8", 0, cut);
  }
};
function completeUtf8Length(bytes) {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead] & 192) === 128) lead--;
  if (lead < 0 || bytes[lead] < 192) return bytes.length;
  const needed = bytes[lead] >= 240 ? 4 : bytes[lead] >= 224 ? 3 : 2;
  return bytes.length - lead < needed ? lead : bytes.length;
}
var ChunkWriter = class _ChunkWriter {
  constructor(handle2, first) {
    this.handle = handle2;
    this.pending = first;
  }
  handle;
  pending;
  static async open(file, first) {
    return new _ChunkWriter(await open(file, "w"), first);
  }
  add(text2) {
    this.pending += text2;
  }
  get full() {
    return this.pending.length >= CHUNK;
  }
  async close() {
    await this.flush();
    await this.handle.close();
  }
  async flush() {
    const text2 = this.pending;
    this.pending = "";
    if (text2) await this.handle.write(text2);
  }
};

// src/git/tree.ts
import { spawn as spawn2 } from "node:child_process";
async function treeFiles(git, commit) {
  const out = await git.run(["ls-tree", "-r", "-z", "--full-tree", commit]);
  const files = /* @__PURE__ */ new Map();
  for (const entry of out.split("\0")) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match && (match[1] === "100644" || match[1] === "100755")) files.set(match[3], match[2]);
  }
  return files;
}
async function fileEntry(git, rev, path) {
  const out = (await git.run(["ls-tree", "-z", rev, "--", path])).split("\0")[0];
  const match = /^(\d+) blob ([0-9a-f]+)\t/.exec(out);
  return match ? { mode: match[1], blob: match[2] } : void 0;
}
function openTreeListing(git, commit) {
  return spawn2("git", ["ls-tree", "-r", "-z", "--full-tree", commit], {
    cwd: git.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C" }
  });
}

// src/provenance/committed-blobs.ts
var NEED_READ2 = /* @__PURE__ */ Symbol("need read");
var CommittedBlobs = class _CommittedBlobs {
  constructor(child, dirty) {
    this.child = child;
    this.dirty = dirty;
    this.chunks = child.stdout[Symbol.asyncIterator]();
    child.on("error", () => {
    });
    child.stderr?.resume();
  }
  child;
  dirty;
  text = "";
  at = 0;
  done = false;
  head;
  chunks;
  /** Paths asked for that are not clean committed regular files (untracked, ignored, links, dirty). */
  misses = 0;
  static open(git, commit, dirty) {
    return new _CommittedBlobs(openTreeListing(git, commit), dirty);
  }
  /** The committed blob id for `path` when it is a clean regular file. Ascending paths only; a promise only when git's next piece is needed. */
  get(path) {
    for (; ; ) {
      const head = this.peekBuffered();
      if (head === NEED_READ2) return this.read().then(() => this.get(path));
      const order = head ? comparePaths(head.path, path) : 1;
      if (order > 0) {
        this.misses++;
        return void 0;
      }
      this.head = void 0;
      if (order === 0) {
        if (head.oid && !this.dirty(path)) return head.oid;
        this.misses++;
        return void 0;
      }
    }
  }
  close() {
    if (this.child.exitCode === null) this.child.kill();
  }
  peekBuffered() {
    while (!this.head) {
      const end = this.text.indexOf("\0", this.at);
      if (end === -1) return this.done ? void 0 : NEED_READ2;
      const record = this.text.slice(this.at, end);
      this.at = end + 1;
      const tab = record.indexOf("	");
      if (tab === -1) continue;
      const [mode, type, oid] = record.slice(0, tab).split(" ");
      this.head = {
        path: record.slice(tab + 1),
        oid: type === "blob" && (mode === "100644" || mode === "100755") ? oid : void 0
      };
    }
    return this.head;
  }
  async read() {
    const next = await this.chunks.next().catch(() => ({ done: true, value: void 0 }));
    if (next.done) {
      this.done = true;
      return;
    }
    this.pending = Buffer.concat([this.pending, next.value]);
    const last = this.pending.lastIndexOf(0);
    if (last === -1) return;
    this.text = this.text.slice(this.at) + this.pending.toString("utf8", 0, last + 1);
    this.at = 0;
    this.pending = Buffer.from(this.pending.subarray(last + 1));
  }
  pending = Buffer.alloc(0);
};

// src/report/record-report.ts
function fileCount(line) {
  if (line.manifest) return 1 + line.manifest.files;
  return 1 + Object.values(line.inputs ?? {}).reduce((n, files) => n + Object.keys(files).length, 0);
}
function renderRecordText(report) {
  const lines = report.models.map(
    ({ line, hashed, reused }) => `  ${line.model}: ${fileCount(line)} files (${hashed} hashed, ${reused} unchanged since last time), artifact ${line.artifact.path} sha256 ${line.artifact.sha256.slice(0, 12)}${line.manifest ? `, manifest ${line.manifest.oid.slice(0, 12)}` : ""}${line.dirty?.length ? `, DIRTY: ${line.dirty.length} file(s) not as committed` : ""}`
  );
  return [
    `Recorded ${report.models.length} model(s) on ${report.commit.slice(0, 12)} in ${report.notesRef}${report.pushed ? " (pushed)" : ""}:`,
    ...lines
  ].join("\n");
}
function renderRecordMarkdown(report) {
  const rows = report.models.map(
    ({ line }) => `| ${escapeMarkdown(line.model)} | ${markdownCode(line.artifact.path)} | ${markdownCode(line.artifact.sha256.slice(0, 16))} | ${fileCount(line)} |`
  );
  return [
    `### modelkeeper record`,
    ``,
    `Recorded on ${markdownCode(report.commit.slice(0, 12))} in ${markdownCode(report.notesRef)}${report.pushed ? " and pushed" : ""}.`,
    ``,
    `| model | artifact | sha256 | files |`,
    `| --- | --- | --- | --- |`,
    ...rows,
    ``
  ].join("\n");
}

// src/monitor/reference-profile.ts
import { createHash as createHash4 } from "node:crypto";
import { join as join2 } from "node:path";

// src/repo-boundary.ts
import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { basename, dirname as dirname3, isAbsolute, relative as relative2, resolve as resolve3, sep as sep3 } from "node:path";
function insideRepository(root, path, what) {
  const realRoot = realpathSync(root);
  const target = resolve3(root, path);
  const real = realPathOfNearestExisting(target);
  if (!isWithin(realRoot, real)) {
    throw new UserError(
      `${what}: ${path} resolves to ${real}, outside the repository ${realRoot} (through a symbolic link). modelkeeper reads and writes only files inside the repository: replace the link with the file or folder itself.`,
      { key: what }
    );
  }
  return real;
}
function isWithin(root, path) {
  const rel = relative2(root, path);
  return rel === "" || !rel.startsWith(`..${sep3}`) && rel !== ".." && !isAbsolute(rel);
}
function realPathOfNearestExisting(path, depth = 0) {
  const missing = [];
  let current = path;
  for (; ; ) {
    try {
      return resolve3(realpathSync(current), ...missing.reverse());
    } catch (error) {
      const code = error.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
      const link = lstatSync(current, { throwIfNoEntry: false });
      if (link?.isSymbolicLink() && depth < 40) {
        return resolve3(
          realPathOfNearestExisting(resolve3(dirname3(current), readlinkSync(current)), depth + 1),
          ...missing.reverse()
        );
      }
      const parent = dirname3(current);
      if (parent === current) return resolve3(path);
      missing.push(basename(current));
      current = parent;
    }
  }
}

// src/stats/drift/reservoir-sample.ts
function reservoirSample(values, k, random) {
  const reservoir = new Float64Array(k);
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (seen < k) {
      reservoir[seen] = v;
    } else {
      const slot = Math.floor(random() * (seen + 1));
      if (slot < k) reservoir[slot] = v;
    }
    seen += 1;
  }
  return seen < k ? reservoir.slice(0, seen) : reservoir;
}

// src/stats/drift/profile.ts
var PROFILE_FORMAT = "modelkeeper-drift-profile";
var PROFILE_VERSION = 1;
var DEFAULT_PROFILE_SAMPLE_SIZE = 5e3;
var finiteOrNull = (x) => Number.isFinite(x) ? x : null;
function buildProfile(table2, options) {
  const sampleSize = options.sampleSize ?? DEFAULT_PROFILE_SAMPLE_SIZE;
  const psiBins = options.psiBins ?? DEFAULT_PSI_BINS;
  if (!Number.isInteger(sampleSize) || sampleSize < 1)
    throw new Error(`buildProfile: sampleSize must be a positive integer, got ${sampleSize}`);
  const wanted = options.columns ? new Set(options.columns) : void 0;
  const columns = [];
  for (const column of table2.columns) {
    if (wanted && !wanted.has(column.name)) continue;
    if (column.kind === "categorical") {
      const s2 = summarizeCategorical(column);
      columns.push({
        kind: "categorical",
        name: s2.name,
        rowCount: s2.rowCount,
        missingCount: s2.missingCount,
        categories: [...s2.categories],
        counts: [...s2.counts]
      });
      continue;
    }
    const s = summarizeNumeric(column, { psiBins });
    const present = s.sortedValues.length;
    const sampled = present > sampleSize;
    const sample = sampled ? Array.from(reservoirSample(column.values, sampleSize, options.random).sort()) : Array.from(s.sortedValues);
    columns.push({
      kind: "numeric",
      name: s.name,
      rowCount: s.rowCount,
      missingCount: s.missingCount,
      mean: finiteOrNull(s.mean),
      std: finiteOrNull(s.std),
      min: finiteOrNull(s.min),
      max: finiteOrNull(s.max),
      psi: s.psi,
      sample,
      sampled
    });
  }
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    source: table2.source,
    rowCount: table2.rowCount,
    sampleSize,
    psiBins,
    columns
  };
}
function isDriftProfile(value2) {
  return typeof value2 === "object" && value2 !== null && value2.format === PROFILE_FORMAT;
}
function profileColumnSummary(column) {
  if (column.kind === "categorical") return { ...column };
  const toNumber = (x) => x === null ? NaN : x;
  return {
    kind: "numeric",
    name: column.name,
    rowCount: column.rowCount,
    missingCount: column.missingCount,
    sortedValues: Float64Array.from(column.sample),
    sampled: column.sampled,
    mean: toNumber(column.mean),
    std: toNumber(column.std),
    min: toNumber(column.min),
    max: toNumber(column.max),
    psi: column.psi
  };
}
function parseDriftProfile(json, file) {
  const fail = (key, problem) => {
    throw new UserError(
      `${file}: ${key} ${problem}. Rebuild the profile with the same modelkeeper version, or point drift.reference at the training data instead.`,
      { file, key }
    );
  };
  if (!isDriftProfile(json)) fail("format", `must be "${PROFILE_FORMAT}"`);
  const profile = json;
  if (profile.version !== PROFILE_VERSION)
    fail("version", `is ${String(profile.version)}, expected ${PROFILE_VERSION}`);
  if (!Array.isArray(profile.columns)) fail("columns", "must be a list");
  const isCount = (x) => typeof x === "number" && Number.isInteger(x) && x >= 0;
  const isNumberList = (x) => Array.isArray(x) && x.every((v) => typeof v === "number");
  profile.columns.forEach((column, i) => {
    const key = `columns[${i}]`;
    if (typeof column?.name !== "string") fail(`${key}.name`, "must be a string");
    if (!isCount(column.rowCount) || !isCount(column.missingCount) || column.missingCount > column.rowCount)
      fail(`${key}.rowCount/missingCount`, "must be counts with missingCount <= rowCount");
    if (column.kind === "numeric") {
      if (!isNumberList(column.sample)) fail(`${key}.sample`, "must be a list of numbers");
      for (let k = 1; k < column.sample.length; k++)
        if (column.sample[k] < column.sample[k - 1]) fail(`${key}.sample`, "must be sorted ascending");
      if (!isNumberList(column.psi?.edges) || !isNumberList(column.psi?.counts) || column.psi.counts.length !== column.psi.edges.length + 1) {
        fail(`${key}.psi`, "must have edges and one more count than edges");
      }
    } else if (column.kind === "categorical") {
      if (!Array.isArray(column.categories) || !column.categories.every((c) => typeof c === "string"))
        fail(`${key}.categories`, "must be a list of strings");
      if (!Array.isArray(column.counts) || column.counts.length !== column.categories.length || !column.counts.every(isCount))
        fail(`${key}.counts`, "must be one count per category");
    } else {
      fail(`${key}.kind`, 'must be "numeric" or "categorical"');
    }
  });
  return profile;
}

// src/model/runner.ts
import { readFile as readFile3 } from "node:fs/promises";
import { performance as performance2 } from "node:perf_hooks";

// src/model/signature.ts
function describeValue(value2) {
  if (value2.kind !== "tensor") return `"${value2.name}" (${value2.kind})`;
  return `"${value2.name}" (${value2.type} [${value2.dims.join(", ")}])`;
}

// src/model/input-plan.ts
var FLOAT_TYPES = /* @__PURE__ */ new Set(["float32", "float64"]);
var PER_FEATURE_TYPES = /* @__PURE__ */ new Set(["float32", "float64", "int64", "string"]);
function planInputs(signature, features, table2, model) {
  if (features.length === 0)
    throw new UserError("no features are configured; list them under features in modelkeeper.yml", { key: "features" });
  const inputs = signature.inputs;
  if (inputs.length === 0)
    throw new UserError(`${model.path} has no inputs; re-export the model with its feature input(s)`, {
      file: model.path
    });
  const byName = new Set(features);
  const perFeature = inputs.length > 1 || byName.has(inputs[0].name);
  const plan = perFeature ? planPerFeature(inputs, features, table2, model) : planMatrix(inputs[0], features, table2, model);
  const batchSizes = new Set(
    inputs.map((input) => input.dims[0]).filter((dim) => typeof dim === "number" && dim > 0)
  );
  if (batchSizes.size > 1) {
    throw new UserError(
      `${model.path}: inputs have different fixed batch sizes (${[...batchSizes].join(", ")}); re-export with a symbolic batch dimension`,
      { file: model.path }
    );
  }
  const [fixedBatch] = batchSizes;
  return fixedBatch === void 0 ? plan : { ...plan, fixedBatch };
}
function planMatrix(input, features, table2, model) {
  if (input.kind !== "tensor" || !FLOAT_TYPES.has(input.type)) {
    throw new UserError(
      `${model.path}: input ${describeValue(input)} is not a float tensor. modelkeeper feeds one float [N, F] matrix in features order, or one input per feature named after its column; re-export the model with one of these inputs.`,
      { file: model.path }
    );
  }
  if (input.dims.length !== 0 && input.dims.length !== 2) {
    throw new UserError(
      `${model.path}: input ${describeValue(input)} has rank ${input.dims.length}; a feature matrix must be [N, F]. Re-export the model with a 2-D float input, or with one input per feature.`,
      { file: model.path }
    );
  }
  const width = input.dims[1];
  if (typeof width === "number" && width !== features.length) {
    const recorded = model.recordedFeatures?.length === width ? ` The model records its features as ${JSON.stringify(model.recordedFeatures)}.` : "";
    throw new UserError(
      `${model.path}: input "${input.name}" takes ${width} features per row, but ${features.length} are configured (${features.join(", ")}). Set features in modelkeeper.yml to the ${width} columns the model was trained on, in training order.${recorded}`,
      { file: model.path, key: "features" }
    );
  }
  if (model.recordedFeatures && !sameList(model.recordedFeatures, features)) {
    throw new UserError(
      `${model.path} was exported for features ${JSON.stringify(model.recordedFeatures)} (in this order), but modelkeeper.yml configures ${JSON.stringify(features)}. A matrix input depends on column order: set features to the recorded list, or re-export the model.`,
      { file: model.path, key: "features" }
    );
  }
  const element = input.type;
  const columns = features.map((feature) => numericColumn(table2, feature, input.name, model));
  return { layout: "matrix", feeds: [{ inputName: input.name, element, columns, innerDims: [features.length] }] };
}
function planPerFeature(inputs, features, table2, model) {
  const inputNames = new Set(inputs.map((input) => input.name));
  const unknownInputs = inputs.filter((input) => !features.includes(input.name)).map((input) => input.name);
  const unusedFeatures = features.filter((feature) => !inputNames.has(feature));
  if (unknownInputs.length > 0 || unusedFeatures.length > 0) {
    const parts = [];
    if (unknownInputs.length > 0)
      parts.push(`model inputs ${JSON.stringify(unknownInputs)} match no configured feature`);
    if (unusedFeatures.length > 0) parts.push(`features ${JSON.stringify(unusedFeatures)} match no model input`);
    throw new UserError(
      `${model.path} takes one input per feature (${inputs.map((input) => input.name).join(", ")}), but ${parts.join(" and ")}. Set features in modelkeeper.yml to exactly the model's input names, or re-export the model with a single [N, F] float input.`,
      { file: model.path, key: "features" }
    );
  }
  const feeds = inputs.map((input) => {
    if (input.kind !== "tensor" || !PER_FEATURE_TYPES.has(input.type)) {
      throw new UserError(
        `${model.path}: input ${describeValue(input)} has a type modelkeeper cannot fill; per-feature inputs must be float, double, int64 or string tensors. Re-export the model with one of these.`,
        { file: model.path }
      );
    }
    if (input.dims.length > 2 || input.dims.length === 2 && typeof input.dims[1] === "number" && input.dims[1] !== 1) {
      throw new UserError(
        `${model.path}: per-feature input ${describeValue(input)} must be [N, 1] or [N]; re-export it with one column per feature input.`,
        { file: model.path }
      );
    }
    const element = input.type;
    const column = element === "string" ? anyColumn(table2, input.name) : numericColumn(table2, input.name, input.name, model);
    return { inputName: input.name, element, columns: [column], innerDims: input.dims.length === 1 ? [] : [1] };
  });
  return { layout: "per-feature", feeds };
}
function anyColumn(table2, name) {
  const found = table2.columns.find((column) => column.name === name);
  if (!found) {
    const available = table2.columns.map((column) => column.name).join(", ");
    throw new UserError(
      `column "${name}" is not in ${table2.source} (columns: ${available}). Add it to the data, or remove it from features in modelkeeper.yml and re-export the model without it.`,
      { file: table2.source, column: name, key: "features" }
    );
  }
  return found;
}
var TextForNumericInput = class extends UserError {
  constructor(message, where, column, inputName, modelPath) {
    super(message, where);
    this.column = column;
    this.inputName = inputName;
    this.modelPath = modelPath;
  }
  column;
  inputName;
  modelPath;
};
function numericColumn(table2, name, inputName, model) {
  const found = anyColumn(table2, name);
  if (found.kind === "categorical") {
    const example = found.categories.length > 0 ? ` such as ${JSON.stringify(found.categories[0])}` : "";
    throw new TextForNumericInput(
      `column "${name}" in ${table2.source} holds text${example}, but model input "${inputName}" of ${model.path} takes numbers. Encode the column inside the model (e.g. a OneHotEncoder in the exported pipeline, with a string input for this column) or encode it as numbers in the data.`,
      { file: table2.source, column: name },
      name,
      inputName,
      model.path
    );
  }
  return found;
}
function sameList(a, b) {
  return a.length === b.length && a.every((value2, i) => value2 === b[i]);
}
var BatchPacker = class {
  constructor(plan, maxBatch) {
    this.plan = plan;
    this.maxBatch = maxBatch;
  }
  plan;
  maxBatch;
  buffers = /* @__PURE__ */ new Map();
  /**
   * Rows [start, start + count) of the table, padded with zeros (or "") up to `paddedCount` rows
   * for models with a fixed batch size. `rowOf(i)` maps a batch position to a table row, so timing
   * runs can cycle through a small table.
   */
  pack(start2, count, paddedCount = count, rowOf2 = (i) => start2 + i) {
    const feeds = {};
    for (const spec of this.plan.feeds) {
      const width = spec.columns.length;
      const dims = [paddedCount, ...spec.innerDims];
      if (spec.element === "string") {
        const column = spec.columns[0];
        const strings = new Array(paddedCount).fill("");
        if (column.kind === "categorical") {
          for (let i = 0; i < count; i++) {
            const code = column.codes[rowOf2(i)];
            strings[i] = code < 0 ? "" : column.categories[code];
          }
        } else {
          for (let i = 0; i < count; i++) {
            const value2 = column.values[rowOf2(i)];
            strings[i] = Number.isNaN(value2) ? "" : String(value2);
          }
        }
        feeds[spec.inputName] = { element: "string", data: strings, dims };
        continue;
      }
      const buffer = this.buffer(spec, width).subarray(0, paddedCount * width);
      buffer.fill(spec.element === "int64" ? 0n : 0);
      spec.columns.forEach((column, f) => {
        const values = column.values;
        if (spec.element === "int64") {
          const ints = buffer;
          for (let i = 0; i < count; i++) ints[i * width + f] = toInt64(values[rowOf2(i)], column.name, rowOf2(i));
        } else {
          const floats = buffer;
          for (let i = 0; i < count; i++) floats[i * width + f] = values[rowOf2(i)];
        }
      });
      feeds[spec.inputName] = { element: spec.element, data: buffer, dims };
    }
    return feeds;
  }
  buffer(spec, width) {
    let buffer = this.buffers.get(spec.inputName);
    if (!buffer) {
      const length = this.maxBatch * width;
      buffer = spec.element === "float32" ? new Float32Array(length) : spec.element === "float64" ? new Float64Array(length) : new BigInt64Array(length);
      this.buffers.set(spec.inputName, buffer);
    }
    return buffer;
  }
};
function toInt64(value2, column, row) {
  if (!Number.isInteger(value2)) {
    const what = Number.isNaN(value2) ? "a missing value" : `the non-integer ${value2}`;
    throw new UserError(
      `column "${column}" has ${what} at data row ${row + 1}, but the model's input "${column}" is int64. Fill or round the column in the data, or re-export the model with a float input for it.`,
      { column }
    );
  }
  return BigInt(value2);
}

// src/model/output-plan.ts
var FLOAT_TYPES2 = /* @__PURE__ */ new Set(["float32", "float64"]);
var LABEL_TYPES = /* @__PURE__ */ new Set(["int64", "int32"]);
var ZIPMAP_ADVICE = "Re-export the classifier without ZipMap so probabilities come out as a float tensor [N, C]: with skl2onnx, to_onnx(model, X, options={'zipmap': False}) or convert_sklearn(..., options={id(model): {'zipmap': False}}); with onnxmltools, remove the ZipMap node.";
function planOutputs(signature, task, model) {
  const floats = signature.outputs.filter((output) => output.kind === "tensor" && FLOAT_TYPES2.has(output.type));
  const nonTensors = signature.outputs.filter((output) => output.kind !== "tensor");
  if (floats.length === 0) {
    if (nonTensors.length > 0) {
      throw new UserError(
        `${model.path}: output ${describeValue(nonTensors[0])} is a ${nonTensors[0].kind === "sequence" ? "sequence of maps (a ZipMap)" : nonTensors[0].kind}, not a tensor, and modelkeeper cannot read predictions from it. ${ZIPMAP_ADVICE}`,
        { file: model.path }
      );
    }
    const described = signature.outputs.map(describeValue).join(", ") || "none";
    throw new UserError(
      `${model.path} has no float output to read ${task === "regression" ? "predictions" : "probabilities or scores"} from (outputs: ${described}). Export the model so it outputs ${task === "regression" ? "a float prediction [N] or [N, 1]" : "float probabilities [N, C] or a score [N, 1]"}.`,
      { file: model.path }
    );
  }
  const value2 = pick(floats, task === "regression" ? /variable|predict|output/i : /prob/i);
  checkStaticShape(value2, task, model);
  if (task === "regression") return { task, value: value2 };
  const labels2 = signature.outputs.filter((output) => output.kind === "tensor" && LABEL_TYPES.has(output.type));
  const label = labels2.length > 0 ? pick(labels2, /label/i) : void 0;
  return label ? { task, value: value2, label } : { task, value: value2 };
}
function pick(candidates, preferred) {
  return candidates.find((output) => preferred.test(output.name)) ?? candidates[0];
}
function checkStaticShape(value2, task, model) {
  const dims = value2.dims;
  if (dims.length === 0) return;
  const columns = dims.length === 1 ? 1 : dims[1];
  if (dims.length > 2) throw shapeError(value2, task, model, `has rank ${dims.length}`);
  if (typeof columns !== "number") return;
  if (task === "binary" && columns > 2) throw shapeError(value2, task, model, `has ${columns} columns`);
  if (task === "multiclass" && columns < 2) throw shapeError(value2, task, model, `has ${columns} column`);
  if (task === "regression" && columns !== 1) throw shapeError(value2, task, model, `has ${columns} columns`);
}
function shapeError(value2, task, model, problem) {
  const name = typeof value2 === "string" ? `"${value2}"` : describeValue(value2);
  const expected2 = {
    binary: "probabilities [N, 2] (P(0), P(1)), or a single score [N] / [N, 1]; if the model has more classes, set task: multiclass",
    multiclass: "probabilities [N, C] with C >= 2 classes; if the model scores one class, set task: binary",
    regression: "one prediction per row, [N] or [N, 1]"
  }[task];
  return new UserError(`${model.path}: output ${name} ${problem}; a ${task} model must output ${expected2}.`, {
    file: model.path,
    key: "task"
  });
}
var PredictionCollector = class {
  constructor(plan, rowCount3, model) {
    this.plan = plan;
    this.rowCount = rowCount3;
    this.model = model;
    this.scores = new Float64Array(rowCount3);
    if (plan.label) this.labels = new Int32Array(rowCount3);
  }
  plan;
  rowCount;
  model;
  scores;
  probabilities;
  classCount;
  labels;
  add(start2, count, outputs) {
    const value2 = outputs[this.plan.value.name];
    const columns = this.columnsOf(value2, count);
    const data = value2.data;
    if (this.plan.task === "multiclass") {
      if (columns < 2)
        throw shapeError(this.plan.value.name, "multiclass", this.model, `has shape [${value2.dims.join(", ")}]`);
      if (this.classCount === void 0) {
        this.classCount = columns;
        this.probabilities = new Float64Array(this.rowCount * columns);
      } else if (this.classCount !== columns) {
        throw shapeError(
          this.plan.value.name,
          "multiclass",
          this.model,
          `changed from ${this.classCount} to ${columns} columns between batches`
        );
      }
      const probabilities = this.probabilities;
      for (let i = 0; i < count; i++) {
        let best = -Infinity;
        for (let k = 0; k < columns; k++) {
          const p = Number(data[i * columns + k]);
          probabilities[(start2 + i) * columns + k] = p;
          if (p > best) best = p;
        }
        this.scores[start2 + i] = best;
      }
    } else {
      if (columns > (this.plan.task === "binary" ? 2 : 1)) {
        throw shapeError(this.plan.value.name, this.plan.task, this.model, `has shape [${value2.dims.join(", ")}]`);
      }
      const column = columns === 2 ? 1 : 0;
      for (let i = 0; i < count; i++) this.scores[start2 + i] = Number(data[i * columns + column]);
    }
    if (this.plan.label && this.labels) {
      const label = outputs[this.plan.label.name];
      const labelColumns = this.columnsOf(label, count);
      if (labelColumns !== 1) {
        throw new UserError(
          `${this.model.path}: label output "${this.plan.label.name}" has shape [${label.dims.join(", ")}]; a label must be [N] or [N, 1]. Re-export the model with a per-row label or without a label output.`,
          { file: this.model.path }
        );
      }
      for (let i = 0; i < count; i++) this.labels[start2 + i] = Number(label.data[i]);
    }
  }
  /** Columns per row of an output with at least `count` rows; [N] counts as one column. */
  columnsOf(output, count) {
    const rows = output.dims[0] ?? 0;
    if (output.dims.length === 0 || rows < count) {
      throw new UserError(
        `${this.model.path}: an output has shape [${output.dims.join(", ")}] for a batch of ${count} rows; outputs must have one row per input row.`,
        { file: this.model.path }
      );
    }
    return output.dims.slice(1).reduce((product, dim) => product * dim, 1);
  }
  finish() {
    const prediction = {
      rowCount: this.rowCount,
      scores: this.scores,
      outputs: this.plan.label ? { value: this.plan.value.name, label: this.plan.label.name } : { value: this.plan.value.name }
    };
    if (this.plan.task === "multiclass") {
      prediction.probabilities = this.probabilities ?? new Float64Array(0);
      prediction.classCount = this.classCount ?? (typeof this.plan.value.dims[1] === "number" ? this.plan.value.dims[1] : 0);
    }
    if (this.labels) prediction.predictedLabel = this.labels;
    return prediction;
  }
};

// src/model/runner.ts
var LFS_POINTER_PREFIX = "version https://git-lfs.github.com/spec/";
async function loadModel(path, options = {}) {
  let bytes;
  try {
    bytes = await readFile3(path);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") {
      throw new UserError(
        `model file ${path} does not exist. Run the model's train command to create it, or fix artifact in modelkeeper.yml.`,
        { file: path, key: "artifact" }
      );
    }
    throw new UserError(`cannot read model file ${path}: ${error.message}`, { file: path });
  }
  const summary = summarize(path, bytes);
  const ort = await loadOrt();
  let session;
  try {
    session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      logSeverityLevel: 3
    });
  } catch (error) {
    throw new UserError(
      `onnxruntime cannot load ${path}: ${firstLine(error)}. Re-export it with standard ONNX operators and an opset this onnxruntime (${ort.env.versions.common ?? "1.30"}) supports, and check the file is complete.`,
      { file: path }
    );
  }
  const recordedFeatures = recordedFeatureNames(summary);
  const classLabels = recordedClassLabels(summary);
  return {
    path,
    signature: {
      inputs: session.inputMetadata.map((m) => toSignature(m, summary.inputs)),
      outputs: session.outputMetadata.map((m) => toSignature(m, summary.outputs))
    },
    metadata: new Map(summary.metadata),
    ...recordedFeatures ? { recordedFeatures } : {},
    ...classLabels ? { classLabels } : {},
    producerName: summary.producerName,
    session
  };
}
function summarize(path, bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (head.startsWith(LFS_POINTER_PREFIX)) {
    throw new UserError(
      `${path} is a Git LFS pointer, not the model itself. Run \`git lfs pull\` (or check out with lfs: true) before evaluating.`,
      { file: path }
    );
  }
  try {
    return readModelSummary(bytes);
  } catch (error) {
    if (!(error instanceof ProtoDecodeError)) throw error;
    throw new UserError(
      `${path} is not an ONNX model (${error.message}). Point artifact in modelkeeper.yml at the .onnx file your train command writes (e.g. exported with skl2onnx, torch.onnx.export or tf2onnx), and check it is not truncated.`,
      { file: path, key: "artifact" }
    );
  }
}
function toSignature(meta, declared) {
  if (meta.isTensor) return { name: meta.name, kind: "tensor", type: meta.type, dims: [...meta.shape] };
  const kind2 = declared.find((value2) => value2.name === meta.name)?.type.kind;
  return { name: meta.name, kind: kind2 === "sequence" || kind2 === "map" ? kind2 : "other", type: "", dims: [] };
}
async function closeModel(handle2) {
  await handle2.session.release();
}
var MAX_BATCH_ELEMENTS = 1 << 24;
async function predict(handle2, table2, features, task, options = {}) {
  const context = { path: handle2.path, recordedFeatures: handle2.recordedFeatures };
  const inputs = planInputs(handle2.signature, features, table2, context);
  const outputs = planOutputs(handle2.signature, task, context);
  const batchRows = batchSize(inputs, options.batchRows ?? 65536);
  const packer = new BatchPacker(inputs, batchRows);
  const collector = new PredictionCollector(outputs, table2.rowCount, context);
  const ort = await loadOrt();
  for (let start2 = 0; start2 < table2.rowCount; start2 += batchRows) {
    const count = Math.min(batchRows, table2.rowCount - start2);
    const feeds = packer.pack(start2, count, inputs.fixedBatch ?? count);
    collector.add(start2, count, await run(handle2, ort, feeds, outputs));
  }
  return collector.finish();
}
function batchSize(plan, requested) {
  if (plan.fixedBatch !== void 0) return plan.fixedBatch;
  const width = plan.feeds.reduce((sum, feed) => sum + feed.columns.length, 0);
  return Math.max(1, Math.min(Math.floor(requested), Math.floor(MAX_BATCH_ELEMENTS / width)));
}
async function run(handle2, ort, feeds, plan) {
  const tensors = {};
  for (const [name, feed] of Object.entries(feeds)) tensors[name] = new ort.Tensor(feed.element, feed.data, feed.dims);
  const fetches = plan.label ? [plan.value.name, plan.label.name] : [plan.value.name];
  let results;
  try {
    results = await handle2.session.run(tensors, fetches);
  } catch (error) {
    throw new UserError(
      `onnxruntime failed running ${handle2.path}: ${firstLine(error)}. Check the model's input types and shapes against the data.`,
      { file: handle2.path }
    );
  }
  const outputs = {};
  for (const name of fetches)
    outputs[name] = { dims: results[name].dims, data: results[name].data };
  return outputs;
}
async function timeInference(handle2, table2, features, rows, options = {}) {
  if (table2.rowCount === 0)
    throw new UserError(`${table2.source} has no rows to time the model on`, { file: table2.source });
  const context = { path: handle2.path, recordedFeatures: handle2.recordedFeatures };
  const inputs = planInputs(handle2.signature, features, table2, context);
  const batch = inputs.fixedBatch ?? Math.max(1, Math.floor(rows));
  const feeds = new BatchPacker(inputs, batch).pack(0, batch, batch, (i) => i % table2.rowCount);
  const fetches = handle2.signature.outputs.filter((output) => output.kind === "tensor").map((output) => output.name);
  if (fetches.length === 0) throw new UserError(`${handle2.path} has no tensor outputs to time`, { file: handle2.path });
  const ort = await loadOrt();
  const tensors = {};
  for (const [name, feed] of Object.entries(feeds)) tensors[name] = new ort.Tensor(feed.element, feed.data, feed.dims);
  const millis = [];
  const warmup = options.warmup ?? 1;
  const repeats = options.repeats ?? 5;
  for (let i = 0; i < warmup + repeats; i++) {
    const started = performance2.now();
    await handle2.session.run(tensors, fetches);
    if (i >= warmup) millis.push(performance2.now() - started);
  }
  return { rows: batch, millis };
}
function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

// src/monitor/prediction-columns.ts
async function withPredictions(table2, handle2, model, features) {
  const logged = table2.columns.find((c) => c.name === LOGGED_PREDICTION && c.kind === "numeric");
  const prediction = logged ? void 0 : await predict(handle2, table2, features, model.task);
  const scores = logged?.kind === "numeric" ? logged.values : prediction.scores;
  const extra = [{ kind: "numeric", name: SCORE_COLUMN, values: scores }];
  if (model.task === "binary") {
    const codes = Int32Array.from(scores, (s) => Number.isNaN(s) ? -1 : s >= model.evaluate.threshold ? 1 : 0);
    extra.push({ kind: "categorical", name: CLASS_COLUMN, codes, categories: ["0", "1"] });
  } else if (model.task === "multiclass" && prediction?.probabilities) {
    const c = prediction.classCount;
    const codes = argmaxRows(prediction.probabilities, c);
    extra.push({
      kind: "categorical",
      name: CLASS_COLUMN,
      codes,
      categories: Array.from({ length: c }, (_, k) => String(k))
    });
  }
  return { ...table2, columns: [...table2.columns.filter((c) => c.name !== LOGGED_PREDICTION), ...extra] };
}

// src/monitor/reference-profile.ts
var PROFILES_REF = "refs/notes/modelkeeper-profiles";
var PROFILE_SEED = 20240601;
async function buildReferenceProfile(root, model) {
  const paths = await expandPaths(
    root,
    model.drift.reference ?? model.data.train,
    `models.${model.name}.drift.reference`
  );
  let table2 = await readTables(paths.map((p) => join2(root, p)));
  try {
    const handle2 = await loadModel(insideRepository(root, model.artifact, `models.${model.name}.artifact`));
    try {
      table2 = await withPredictions(
        table2,
        handle2,
        model,
        model.features ?? table2.columns.map((c) => c.name).filter((n) => n !== model.label)
      );
    } finally {
      await closeModel(handle2);
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
  }
  const random = createRandom(PROFILE_SEED);
  const profile = buildProfile({ ...table2, source: paths.join(", ") }, { random: () => random.nextFloat() });
  const json = JSON.stringify(profile);
  return {
    schema: 1,
    model: model.name,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    sha256: createHash4("sha256").update(json).digest("hex"),
    profile
  };
}
async function storeProfile(git, commit, line) {
  await appendRawLines(git, commit, [JSON.stringify(line)], PROFILES_REF);
}
async function readProfile(git, commit, model) {
  const text2 = await readNoteText(git, commit, PROFILES_REF);
  if (!text2) return void 0;
  let best;
  for (const raw of text2.split("\n")) {
    if (!raw.trim().startsWith("{")) continue;
    let value2;
    try {
      value2 = JSON.parse(raw);
    } catch {
      continue;
    }
    if (value2?.model !== model || best && value2.at <= best.at) continue;
    best = { ...value2, profile: parseDriftProfile(value2.profile, `${PROFILES_REF} on ${commit.slice(0, 12)}`) };
  }
  return best;
}

// src/commands/record.ts
var recordCommand = defineCommand({
  name: "record",
  summary: "hash each model's data, code, config and artifact into a note on the commit",
  usage: "record [--commit REV] [--push] [--allow-dirty]",
  options: {
    "allow-dirty": {
      type: "boolean",
      description: "record files that differ from the commit or are untracked, and mark the line `dirty` (default: refuse)"
    },
    commit: {
      type: "string",
      value: "REV",
      description: "commit to attach the note to (default: HEAD; on a pull_request event, the PR head)"
    },
    push: { type: "boolean", description: `push ${NOTES_REF}, merging with notes other jobs pushed` },
    remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const [commit, gitFolder] = await Promise.all([
      recordTarget(git, context.env, values.commit).then((rev) => resolveCommit(git, rev)),
      gitDir(git),
      warnIfNotesMissing(git, context.warn)
    ]);
    const checkedNs = BigInt(Date.now()) * 1000000n;
    const scan = scanDirtyFiles(git, commit);
    void scan.catch(() => {
    });
    const state = join3(gitFolder, "modelkeeper");
    const memo = await RecordMemo.open(join3(state, "record-memo"));
    const lockfiles = await findLockfiles(root);
    const keys = /* @__PURE__ */ new Map();
    const reused = /* @__PURE__ */ new Map();
    for (const model of workspace.models) {
      const { key, value: value2 } = await reusableRecord(
        git,
        commit,
        model,
        lockfiles,
        memo,
        async (wanted) => (await scan)(wanted)
      );
      keys.set(model.name, key);
      if (value2) reused.set(model.name, value2);
    }
    const listed = [];
    for (const model of workspace.models)
      if (!reused.has(model.name)) listed.push({ model, files: await listModelFiles(root, model) });
    const dirty = (await scan)((path) => listed.some(({ files }) => hasPath(files, path)));
    if (dirty.length && !values["allow-dirty"]) throw dirtyError(dirty, commit);
    const dirtyPaths = new Set(dirty.map((d) => d.path));
    if (dirty.length)
      context.warn(
        `recording ${dirty.length} file(s) that are not as committed in ${commit.slice(0, 12)} (--allow-dirty): the line is marked "dirty"`
      );
    const dirtyByModel = new Map(
      listed.map(({ model, files }) => [model.name, dirty.filter((d) => hasPath(files, d.path)).map((d) => d.path)])
    );
    const built = /* @__PURE__ */ new Map();
    for (const [name, value2] of reused) {
      context.log(
        `record: ${name}: the files under its patterns are exactly those of an earlier record (same git trees, nothing modified, untracked or ignored there): its manifest ${value2.manifest.oid.slice(0, 12)} is reused`
      );
      const model = workspace.models.find((m) => m.name === name);
      await keepManifest(git, value2.manifest.oid);
      built.set(name, {
        line: recordLine(model, workspace.config.relativePath, value2.artifact, value2.manifest, [], {
          env: context.env
        }),
        stats: { hashed: 0, reused: value2.manifest.files + 1 }
      });
    }
    if (listed.length) {
      context.log(`record: hashing ${listed.map((l) => l.model.name).join(", ")}'s inputs and artifact`);
      const cache = await HashCache.open(join3(state, "hash-cache"));
      const blobs = CommittedBlobs.open(git, commit, (path) => dirtyPaths.has(path));
      let late = 0;
      try {
        const lines = await buildRecords(root, listed, workspace.config.relativePath, {
          git,
          cache,
          blobs,
          checkedNs,
          env: context.env,
          dirty: dirtyByModel,
          onLate: () => late++
        });
        await cache.save();
        for (const [i, { model }] of listed.entries()) {
          built.set(model.name, lines[i]);
          const key = keys.get(model.name);
          const { line } = lines[i];
          if (key && blobs.misses === 0 && late === 0 && !line.dirty)
            memo.set(key, {
              manifest: line.manifest,
              artifact: { path: line.artifact.path, sha256: line.artifact.sha256, bytes: line.artifact.bytes }
            });
        }
      } catch (error) {
        await cache.close();
        throw error;
      } finally {
        blobs.close();
      }
    }
    const records = [];
    const profiles = [];
    for (const model of workspace.models) {
      const { line, stats } = built.get(model.name);
      if (model.drift.profile) {
        context.log(`record: profiling ${model.name}'s drift reference`);
        const profile = await buildReferenceProfile(root, model);
        profiles.push(profile);
        line.profile = { ref: PROFILES_REF, sha256: profile.sha256, rows: profile.profile.rowCount };
      }
      records.push({ line, hashed: stats.hashed, reused: stats.reused });
    }
    for (const profile of profiles) await storeProfile(git, commit, profile);
    const existing = await readNote(git, commit);
    const fresh = records.filter((r) => {
      const before = latest(existing, "record", r.line.model);
      return !before || recordContent(before) !== recordContent(r.line);
    });
    for (const r of records)
      if (!fresh.includes(r))
        context.log(
          `record: ${r.line.model}: already recorded on ${commit.slice(0, 12)} with the same artifact and inputs; no new line`
        );
    if (fresh.length)
      await appendNoteLines(
        git,
        commit,
        fresh.map((r) => r.line)
      );
    await memo.save();
    let pushed;
    if (values.push) {
      const remote = values.remote ?? "origin";
      context.log(`record: pushing ${NOTES_REF} to ${remote}`);
      pushed = await pushNotes(git, remote);
      if (profiles.length) await pushNotes(git, remote, 12, PROFILES_REF);
    }
    const data = {
      commit,
      notesRef: NOTES_REF,
      pushed: Boolean(pushed),
      pushAttempts: pushed?.attempts ?? 0,
      models: records
    };
    return {
      exitCode: 0,
      data,
      text: renderRecordText(data),
      markdown: renderRecordMarkdown(data),
      outputs: {
        commit,
        manifest: JSON.stringify(records.map((r) => r.line)),
        models: records.map((r) => r.line.model).join(",")
      }
    };
  }
});
function recordContent(line) {
  const { train: train2, artifact, manifest, section, inputs, dirty, patterns, profile, rollbackTo } = line;
  return canonicalJson({
    train: train2,
    artifact,
    manifest: manifest?.sha256,
    section,
    inputs,
    dirty: dirty ?? [],
    patterns,
    profile,
    rollbackTo
  });
}
function dirtyError(dirty, commit) {
  const shown = dirty.slice(0, 20).map((d) => `  ${d.state.padEnd(9)} ${d.path}`);
  const more = dirty.length > shown.length ? [`  \u2026 and ${dirty.length - shown.length} more`] : [];
  return new UserError(
    [
      `record: ${dirty.length} hashed file(s) are not as committed in ${commit.slice(0, 12)}, so the record would not describe the commit:`,
      ...shown,
      ...more,
      `Commit them (or stash or restore them) and run record again, or pass --allow-dirty to record them as they are (the line is marked "dirty"). Files kept outside git on purpose belong in .gitignore.`
    ].join("\n"),
    { file: dirty[0].path }
  );
}
async function warnIfNotesMissing(git, warn) {
  if (await isShallow(git) && !await hasNotesRef(git)) {
    warn(
      `this is a shallow clone without ${NOTES_REF}: existing notes were not fetched. To read them, ${FETCH_NOTES_HINT}.`
    );
  }
}

// src/commands/verify.ts
import { join as join4 } from "node:path";

// src/provenance/record-inputs.ts
async function readRecordedInputs(git, record, where) {
  if (!isSafePath(record.artifact?.path ?? ""))
    throw new UserError(
      `${where}: the record names the artifact path ${JSON.stringify(record.artifact?.path)}, which is not inside the repository: the note was altered. Record the commit again.`
    );
  if (record.manifest) {
    const manifest = await readManifest(git, record.manifest, where);
    if (manifest.model !== record.model)
      throw new UserError(
        `${where}: the record's manifest belongs to model "${manifest.model}", not "${record.model}": the note was altered. Record the commit again.`
      );
    return {
      inputs: manifest.inputs,
      ...record.section ? { section: { ...record.section, value: manifest.section } } : {}
    };
  }
  const inline = record.inputs ?? { data: {}, code: {}, config: {}, lockfiles: {} };
  const inputs = { data: {}, code: {}, config: {}, lockfiles: {} };
  for (const role of ["data", "code", "config", "lockfiles"]) {
    for (const [path, sha2562] of Object.entries(inline[role] ?? {})) {
      if (!isSafePath(path))
        throw new UserError(
          `${where}: the record names the path ${JSON.stringify(path)}, which is not inside the repository: the note was altered. Record the commit again.`
        );
      inputs[role][path] = sha2562;
    }
  }
  return { inputs };
}

// src/provenance/find-record.ts
import { createHash as createHash5 } from "node:crypto";
async function findRecord(git, model, commit, warn = () => {
}) {
  const sha2562 = await committedArtifactSha256(git, commit, model.artifact);
  const namesCommitted = (line) => sha2562 === void 0 || line.artifact?.sha256 === sha2562;
  const describesCommit = (line) => namesCommitted(line) || line.dirty?.includes(line.artifact?.path);
  const ownLines = newestFirst(await readNote(git, commit), "record", model.name);
  const own = ownLines.find(namesCommitted) ?? ownLines.find(describesCommit);
  const strays = ownLines.filter((line) => !describesCommit(line));
  if (strays.length > 0) {
    warn(
      `${model.name}: ${strays.length === 1 ? "a record line" : `${strays.length} record lines`} on ${commit.slice(0, 12)} ${strays.length === 1 ? "names" : "name"} ${model.artifact} with sha256 ${String(strays[0].artifact?.sha256).slice(0, 12)}, but the commit holds ${sha2562.slice(0, 12)}: not this commit's (altered?), not used`
    );
  }
  if (own) return { record: own, commit, relation: "own" };
  if (sha2562 === void 0) return void 0;
  const candidates = [];
  for (const note of await readAllNotes(git)) {
    if (note.commit === commit) continue;
    const line = newestFirst(note.lines, "record", model.name).find((l) => l.artifact?.sha256 === sha2562);
    if (line) candidates.push({ record: line, commit: note.commit });
  }
  let nearest;
  for (const candidate of candidates) {
    if (!await isAncestor(git, candidate.commit, commit)) continue;
    const distance = await commitCount(git, candidate.commit, commit);
    if (!nearest || distance < nearest.distance) nearest = { found: { ...candidate, relation: "ancestor" }, distance };
  }
  if (nearest) return nearest.found;
  for (const candidate of candidates.sort((a, b) => a.record.at < b.record.at ? 1 : -1)) {
    if (await sameRecordedFiles(git, model, candidate, commit)) return { ...candidate, relation: "same-files" };
  }
  return void 0;
}
async function committedArtifactSha256(git, commit, path) {
  const blob = await objectAt(git, commit, path);
  if (blob === void 0) return void 0;
  return createHash5("sha256").update(await readBlob(git, blob)).digest("hex");
}
async function sameRecordedFiles(git, model, candidate, commit) {
  if (JSON.stringify(candidate.record.patterns) !== JSON.stringify(modelPatterns(model))) return false;
  if (!candidate.record.section || candidate.record.section.sha256 !== sectionSha256(configSection(model)))
    return false;
  const recorded = await readRecordedInputs(git, candidate.record, `record on ${candidate.commit.slice(0, 12)}`).catch(
    () => void 0
  );
  if (!recorded) return false;
  const named2 = /* @__PURE__ */ new Set([
    candidate.record.artifact.path,
    ...Object.values(recorded.inputs).flatMap((files) => Object.keys(files))
  ]);
  if (await commitOf(git, candidate.commit) === void 0) return false;
  return !(await changedPaths(git, candidate.commit, commit)).some((path) => named2.has(path));
}
async function noRecordError(git, model, rev, commit) {
  const hint = await hasNotesRef(git) ? `Run \`modelkeeper record --commit ${rev}\` (or check --commit). Records on commits that are not ancestors of ${rev} (another branch) are not used.` : `This clone has no ${NOTES_REF} at all: if the notes exist on the remote, ${FETCH_NOTES_HINT}; otherwise run \`modelkeeper record\` first.`;
  return new UserError(`no record of model "${model}" on ${rev} (${commit.slice(0, 12)}). ${hint}`);
}

// src/provenance/compare.ts
function compareRecord(record, inputs, current) {
  const recorded = { artifact: { [record.artifact.path]: record.artifact.sha256 }, ...inputs };
  const changes = [];
  for (const role of ["artifact", "data", "code", "config", "lockfiles"]) {
    const before = recorded[role] ?? {};
    const now = current[role] ?? {};
    for (const [path, expected2] of Object.entries(before)) {
      const actual = now[path];
      if (actual === void 0) changes.push({ path, role, kind: "missing", expected: expected2 });
      else if (actual !== expected2) changes.push({ path, role, kind: "changed", expected: expected2, actual });
    }
    for (const [path, actual] of Object.entries(now)) {
      if (!(path in before)) changes.push({ path, role, kind: "new", actual });
    }
  }
  return changes.sort((a, b) => comparePaths(a.path, b.path));
}

// src/report/verify-report.ts
var value = (v) => v === void 0 ? "(absent)" : JSON.stringify(v).slice(0, 80);
function keyLines(change) {
  return (change.keys ?? []).map((k) => `      ${k.key}: ${value(k.before)} -> ${value(k.after)}`);
}
var short = (hash) => hash ? hash.slice(0, 12) : "-";
function renderVerifyText(report) {
  const out = [];
  for (const m of report.models) {
    if (m.ok) {
      out.push(
        `${m.model}: OK, ${m.checked} files match the record of ${m.recordedAt} on ${m.recordCommit.slice(0, 12)}`
      );
      continue;
    }
    out.push(
      `${m.model}: ${m.changes.length} difference(s) from the record of ${m.recordedAt} on ${m.recordCommit.slice(0, 12)}:`
    );
    for (const c of m.changes) {
      out.push(
        `  ${c.kind.padEnd(7)} ${c.role.padEnd(9)} ${c.path}  expected ${short(c.expected)}  actual ${short(c.actual)}`,
        ...keyLines(c)
      );
    }
  }
  for (const m of report.models) {
    if (m.dirty?.length)
      out.push(
        `${m.model}: the record was made with --allow-dirty: ${m.dirty.length} file(s) were not as committed (${m.dirty.slice(0, 5).join(", ")}${m.dirty.length > 5 ? ", \u2026" : ""})`
      );
  }
  if (report.fast)
    out.push("(--fast: files unchanged in size and mtime since they were last hashed were not read again)");
  return out.join("\n");
}
function renderVerifyMarkdown(report) {
  const out = [`### modelkeeper verify: ${report.ok ? "\u2705 inputs match" : "\u274C inputs differ"}`, ""];
  for (const m of report.models) {
    out.push(
      `**${escapeMarkdown(m.model)}**: ${m.ok ? `${m.checked} files match the record` : `${m.changes.length} difference(s)`}`,
      ""
    );
    if (!m.ok) {
      out.push("| path | role | change | expected | actual |", "| --- | --- | --- | --- | --- |");
      for (const c of m.changes) {
        const keys = (c.keys ?? []).map((k) => markdownCode(k.key)).join(", ");
        out.push(
          `| ${markdownCode(c.path)}${keys ? ` (keys ${keys})` : ""} | ${c.role} | ${c.kind} | ${markdownCode(short(c.expected))} | ${markdownCode(short(c.actual))} |`
        );
      }
      out.push("");
    }
  }
  return out.join("\n");
}

// src/commands/verify.ts
var verifyCommand = defineCommand({
  name: "verify",
  summary: "re-hash the working tree and compare it with a commit's record",
  usage: "verify [--commit REV] [--fast]",
  options: {
    commit: { type: "string", value: "REV", description: "commit whose record to check against (default: HEAD)" },
    fast: {
      type: "boolean",
      description: "trust files whose size and mtime are unchanged since record (default: read every byte)"
    }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const rev = values.commit ?? "HEAD";
    const commit = await resolveCommit(git, rev);
    const cacheFile = values.fast ? join4(await gitDir(git), "modelkeeper", "hash-cache") : void 0;
    const models = [];
    for (const model of workspace.models) {
      const found = await findRecord(git, model, commit, context.warn);
      if (!found) throw await noRecordError(git, model.name, rev, commit);
      const { record } = found;
      if (found.relation !== "own")
        context.log(
          `verify: ${model.name}: no record on ${commit.slice(0, 12)} itself; using the record of the same artifact on ${found.commit.slice(0, 12)} (${found.relation === "ancestor" ? "an ancestor" : "a commit whose recorded files are identical"})`
        );
      const recorded = await readRecordedInputs(git, record, `record of ${model.name} on ${found.commit.slice(0, 12)}`);
      context.log(`verify: hashing ${model.name}'s files${values.fast ? " (fast: unchanged files trusted)" : ""}`);
      const current = await currentHashes(root, record, modelPatterns(model), cacheFile);
      const changes = [...sectionChange(model, recorded), ...compareRecord(record, recorded.inputs, current)];
      const checked = Object.values(current).reduce((n, files) => n + Object.keys(files).length, 0);
      models.push({
        model: model.name,
        recordedAt: record.at,
        recordCommit: found.commit,
        relation: found.relation,
        ...record.dirty?.length ? { dirty: record.dirty } : {},
        ok: changes.length === 0,
        checked,
        changes
      });
    }
    const ok = models.every((m) => m.ok);
    const data = { commit, ok, fast: Boolean(values.fast), models };
    return {
      exitCode: ok ? 0 : 1,
      data,
      text: renderVerifyText(data),
      markdown: renderVerifyMarkdown(data),
      outputs: { ok: String(ok), changed: String(models.reduce((n, m) => n + m.changes.length, 0)), commit }
    };
  }
});
async function currentHashes(root, record, configured, cacheFile) {
  const expand = async (patterns) => {
    const out = /* @__PURE__ */ new Set();
    for (const pattern of patterns) {
      for (const path of await expandPaths(root, [pattern], "record").catch(() => [])) out.add(path);
    }
    return [...out];
  };
  const roles = {
    artifact: await expand([record.artifact.path]),
    data: await expand([...record.patterns.data, ...configured.data]),
    code: await expand([...record.patterns.code, ...configured.code]),
    config: await expand([...record.patterns.config, ...configured.config]),
    lockfiles: await findLockfiles(root)
  };
  const all = [...new Set(Object.values(roles).flat())].sort(comparePaths);
  const hashes = /* @__PURE__ */ new Map();
  const cache = cacheFile ? await HashCache.open(cacheFile) : void 0;
  try {
    for await (const group of hashInOrder(root, all, { cache }))
      for (const file of group) hashes.set(file.path, file.sha256);
    await cache?.save();
  } catch (error) {
    await cache?.close();
    throw error;
  }
  const pick2 = (paths) => Object.fromEntries(paths.map((p) => [p, hashes.get(p)]));
  return {
    artifact: pick2(roles.artifact),
    data: pick2(roles.data),
    code: pick2(roles.code),
    config: pick2(roles.config),
    lockfiles: pick2(roles.lockfiles)
  };
}

// src/commands/reproduce.ts
import { copyFile, mkdir as mkdir2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { createHash as createHash6 } from "node:crypto";
import { dirname as dirname5, isAbsolute as isAbsolute2, join as join7 } from "node:path";

// src/temp-dirs.ts
import { mkdtempSync, readdirSync, readlinkSync as readlinkSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join5 } from "node:path";

// src/run-lock.ts
import { mkdirSync, openSync, readFileSync as readFileSync2, rmSync, writeSync, closeSync } from "node:fs";
import { dirname as dirname4 } from "node:path";
function processAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function takeRunLock(file, what) {
  mkdirSync(dirname4(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}
`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const owner = Number(readFileSync2(file, "utf8").trim());
      if (processAlive(owner)) {
        throw new UserError(
          `another ${what} (process ${owner}) is running in this checkout: wait for it to finish. If it is not running, remove ${file}.`,
          { file }
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new UserError(`could not take ${file}: another ${what} keeps starting in this checkout.`, { file });
}

// src/temp-dirs.ts
var created = /* @__PURE__ */ new Set();
var hooked = false;
var swept = false;
function makeTempDir(prefix) {
  if (!swept) {
    swept = true;
    removeAbandonedTempDirs();
  }
  const dir = mkdtempSync(join5(tmpdir(), `modelkeeper-${prefix}-${PID_NAMESPACE}-${process.pid}-`));
  created.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", removeTempDirs);
    for (const signal of ["SIGINT", "SIGTERM"]) process.prependListener(signal, onSignal);
  }
  return dir;
}
function removeTempDir(dir) {
  rmSync2(dir, { recursive: true, force: true });
  created.delete(dir);
}
function removeTempDirs() {
  for (const dir of created) rmSync2(dir, { recursive: true, force: true });
  created.clear();
}
function onSignal(signal) {
  if (process.listenerCount(signal) > 1) return;
  removeTempDirs();
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}
var PID_NAMESPACE = (() => {
  try {
    return /\[(\d+)\]/.exec(readlinkSync2("/proc/self/ns/pid"))?.[1] ?? "0";
  } catch {
    return "0";
  }
})();
var OWNED = /^modelkeeper-[a-z-]+-(\d+)-(\d+)-[A-Za-z0-9]{6}$/;
function removeAbandonedTempDirs(root = tmpdir()) {
  const removed = [];
  let names;
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const [, namespace, owner] = OWNED.exec(name) ?? [];
    if (namespace !== PID_NAMESPACE || Number(owner) === process.pid || processAlive(Number(owner))) continue;
    rmSync2(join5(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

// src/git/worktree.ts
async function withWorktree(git, commit, work) {
  const dir = makeTempDir("worktree");
  await git.tryRun(["worktree", "prune"]);
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await git.tryRun(["worktree", "remove", "--force", dir]);
    removeTempDir(dir);
    await git.tryRun(["worktree", "prune"]);
  };
  const onSignal2 = (signal) => {
    void remove().finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", onSignal2);
  process.once("SIGTERM", onSignal2);
  try {
    await git.run(["worktree", "add", "--detach", "--quiet", dir, commit]);
    return await work(dir);
  } finally {
    process.removeListener("SIGINT", onSignal2);
    process.removeListener("SIGTERM", onSignal2);
    await remove();
  }
}

// src/report/reproduce-report.ts
function renderReproduceText(report) {
  const out = [];
  for (const m of report.models) {
    const verdict2 = m.reproduced ? m.identical ? "REPRODUCED (byte-identical artifact)" : "REPRODUCED (metrics within tolerance)" : "NOT REPRODUCED";
    out.push(`${m.model}: ${verdict2}`);
    out.push(`  ran \`${m.train}\`${m.trainFrom ? ` from ${m.trainFrom}` : ""}`);
    if (m.noteTrainDiffers)
      out.push(`  the note's recorded train command differs and was not run: ${JSON.stringify(m.noteTrain)}`);
    out.push(`  expected sha256 ${m.expected}`);
    if (m.actual) out.push(`  rebuilt  sha256 ${m.actual}`);
    if (m.reason) out.push(`  ${m.reason}`);
    for (const metric of m.metrics ?? []) {
      out.push(
        `  ${metric.metric}: recorded ${metric.recorded.toFixed(6)}, rebuilt ${metric.rebuilt.toFixed(6)}, |\u0394| ${Math.abs(metric.rebuilt - metric.recorded).toExponential(2)} (tolerance ${m.tolerance})`
      );
    }
    if (m.output) out.push("  last output of the train command:", ...m.output.split("\n").map((l) => `    ${l}`));
  }
  return out.join("\n");
}
function renderReproduceMarkdown(report) {
  const out = [`### modelkeeper reproduce: ${report.reproduced ? "\u2705 reproduced" : "\u274C not reproduced"}`, ""];
  out.push("| model | result | expected | rebuilt | note |", "| --- | --- | --- | --- | --- |");
  for (const m of report.models) {
    out.push(
      `| ${escapeMarkdown(m.model)} | ${m.reproduced ? m.identical ? "identical" : "within tolerance" : "not reproduced"} | ${markdownCode(m.expected.slice(0, 12))} | ${m.actual ? markdownCode(m.actual.slice(0, 12)) : "-"} | ${escapeMarkdown([m.reason ?? "", m.noteTrainDiffers ? "the note's recorded train command differs from the commit's and was not run" : ""].filter(Boolean).join("; "))} |`
    );
  }
  return out.join("\n") + "\n";
}

// src/gate/compare-artifacts.ts
import { join as join6 } from "node:path";

// src/gate/labels.ts
function encodeLabels(table2, rules, models) {
  const column = table2.columns.find((c) => c.name === rules.label);
  if (!column) {
    throw new UserError(
      `${table2.source}: no label column "${rules.label}". Columns there: ${table2.columns.map((c) => c.name).join(", ")}. Fix ${rules.configKey}.label in the config.`,
      {
        file: table2.source,
        column: rules.label
      }
    );
  }
  const texts = labelTexts(table2, column, rules);
  if (rules.task === "regression") {
    if (column.kind !== "numeric")
      throw new UserError(`${table2.source}: label "${rules.label}" must be numeric for a regression model.`, {
        file: table2.source,
        column: rules.label
      });
    return { values: Float64Array.from(column.values) };
  }
  const classes = classListOf(rules, models);
  return rules.task === "binary" ? encodeBinary(table2, rules, texts, classes) : encodeMulticlass(table2, rules, texts, classes, models);
}
function labelRules(model) {
  return {
    task: model.task,
    label: model.label,
    classes: model.classes,
    positive: model.positive,
    configKey: `models.${model.name}`
  };
}
function featuresOf(table2, label, configured) {
  return configured ?? table2.columns.map((c) => c.name).filter((name) => name !== label);
}
function labelTexts(table2, column, rules) {
  const texts = new Array(table2.rowCount);
  const missing = [];
  for (let i = 0; i < table2.rowCount; i++) {
    if (column.kind === "numeric") {
      const v = column.values[i];
      if (!Number.isFinite(v)) missing.push(i);
      texts[i] = String(v);
    } else {
      const code = column.codes[i];
      if (code < 0) missing.push(i);
      texts[i] = code < 0 ? "" : column.categories[code];
    }
  }
  if (missing.length) {
    throw new UserError(
      `${table2.source}: column "${rules.label}" has ${missing.length} missing or non-finite label(s) (first at data row ${missing[0] + 1}). Remove those rows from the held-out set or fill the labels.`,
      { file: table2.source, column: rules.label }
    );
  }
  return texts;
}
function classListOf(rules, models) {
  const repeated = rules.classes?.find((c, i) => rules.classes.indexOf(c) !== i);
  if (repeated !== void 0) {
    throw new UserError(
      `${rules.configKey}.classes names ${JSON.stringify(repeated)} twice (a number and its text are the same label). List each class once.`,
      {
        key: `${rules.configKey}.classes`
      }
    );
  }
  let agreed = rules.classes && {
    classes: rules.classes,
    source: `${rules.configKey}.classes`
  };
  for (const model of models) {
    if (!model.classLabels) continue;
    if (!agreed) agreed = { classes: model.classLabels, source: `the ${model.source}'s class labels` };
    else if (!sameList2(agreed.classes, model.classLabels)) {
      throw new UserError(
        `${agreed.source} ${JSON.stringify(agreed.classes)} and the ${model.source}'s class labels ${JSON.stringify(model.classLabels)} disagree: the probability columns would mean different classes. Export the models with the same classes, in the same order, and make ${rules.configKey}.classes match them.`,
        { key: `${rules.configKey}.classes` }
      );
    }
  }
  return agreed?.classes;
}
function encodeBinary(table2, rules, texts, classes) {
  if (classes && classes.length !== 2) {
    throw new UserError(
      `the class list ${JSON.stringify(classes)} has ${classes.length} classes; a binary model has 2. Set task: multiclass, or fix ${rules.configKey}.classes.`,
      {
        key: `${rules.configKey}.classes`
      }
    );
  }
  if (rules.positive !== void 0 && classes && classes[1] !== rules.positive) {
    throw new UserError(
      `${rules.configKey}.positive is ${JSON.stringify(rules.positive)}, but the model's probability of the positive class (column 1) is for ${JSON.stringify(classes[1])} (classes ${JSON.stringify(classes)}). Set positive: ${classes[1]}, or re-export the model.`,
      { key: `${rules.configKey}.positive` }
    );
  }
  const positive = rules.positive ?? (classes && !sameList2(classes, ["0", "1"]) ? classes[1] : void 0);
  const values = new Float64Array(texts.length);
  if (positive === void 0) {
    for (let i = 0; i < texts.length; i++) {
      const v = NATURAL_BINARY.get(texts[i].toLowerCase());
      if (v === void 0) {
        throw new UserError(
          `${table2.source}: label "${rules.label}" is ${JSON.stringify(texts[i])} at data row ${i + 1}; binary labels must be 0/1 or true/false. If ${JSON.stringify(texts[i])} names a class, set ${rules.configKey}.positive to the value that means the positive class (e.g. positive: ${texts[i]}).`,
          { file: table2.source, column: rules.label }
        );
      }
      values[i] = v;
    }
    return { values, classes: ["0", "1"] };
  }
  let negative = classes?.[0];
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === positive) values[i] = 1;
    else if (negative === void 0 || texts[i] === negative) {
      negative = texts[i];
      values[i] = 0;
    } else {
      throw new UserError(
        `${table2.source}: label "${rules.label}" is ${JSON.stringify(texts[i])} at data row ${i + 1}, a third class besides ${JSON.stringify(negative)} and the positive ${JSON.stringify(positive)}. A binary model knows two classes: fix the row, or set task: multiclass.`,
        { file: table2.source, column: rules.label }
      );
    }
  }
  return { values, classes: [negative ?? `not ${positive}`, positive] };
}
var NATURAL_BINARY = /* @__PURE__ */ new Map([
  ["0", 0],
  ["1", 1],
  ["false", 0],
  ["true", 1]
]);
function encodeMulticlass(table2, rules, texts, classes, models) {
  const columns = models.find((m) => m.classCount !== void 0)?.classCount;
  for (const model of models) {
    if (model.classCount !== void 0 && model.classCount !== columns) {
      throw new UserError(
        `the models output ${columns} and ${model.classCount} probability columns (${model.source}): they do not predict the same classes.`
      );
    }
  }
  const values = new Float64Array(texts.length);
  if (classes) {
    if (columns !== void 0 && classes.length !== columns) {
      throw new UserError(
        `the class list ${JSON.stringify(classes)} has ${classes.length} classes but the model outputs ${columns} probability columns. Fix ${rules.configKey}.classes.`,
        {
          key: `${rules.configKey}.classes`
        }
      );
    }
    const index2 = new Map(classes.map((c, i) => [c, i]));
    for (let i = 0; i < texts.length; i++) {
      const k = index2.get(texts[i]);
      if (k === void 0) {
        throw new UserError(
          `${table2.source}: label "${rules.label}" is ${JSON.stringify(texts[i])} at data row ${i + 1}, a class the model does not know (its classes: ${JSON.stringify(classes)}). Fix the row, or retrain the model with that class.`,
          { file: table2.source, column: rules.label }
        );
      }
      values[i] = k;
    }
    return { values, classes: [...classes] };
  }
  const distinct = [...new Set(texts)];
  const numeric = table2.columns.find((c) => c.name === rules.label).kind === "numeric";
  const advice = `Set ${rules.configKey}.classes to the label value of each probability column, in column order (e.g. classes: [1, 2, 3]), or export the model with its class labels.`;
  if (numeric) {
    const numbers = distinct.map(Number);
    const bad = numbers.find((v) => !Number.isInteger(v) || v < 0 || columns !== void 0 && v >= columns);
    if (bad !== void 0 || !numbers.includes(0)) {
      const row = bad === void 0 ? -1 : texts.indexOf(String(bad));
      throw new UserError(
        `${table2.source}: the labels of "${rules.label}" (${summarise(numbers.sort((a, b) => a - b))}) cannot be read as the model's column indices 0..${columns === void 0 ? "C" : columns - 1}${row >= 0 ? ` (data row ${row + 1} has ${texts[row]})` : ", and without class 0 they may be 1-based"}, and the model has no class labels. ${advice}`,
        { file: table2.source, column: rules.label }
      );
    }
    for (let i = 0; i < texts.length; i++) values[i] = Number(texts[i]);
    return { values, classes: Array.from({ length: columns ?? Math.max(...numbers) + 1 }, (_, k) => String(k)) };
  }
  const sorted2 = distinct.sort();
  if (columns !== void 0 && sorted2.length !== columns) {
    throw new UserError(
      `${table2.source}: "${rules.label}" has ${sorted2.length} distinct classes (${summarise(sorted2)}) but the model outputs ${columns} probability columns and has no class labels, so which column is which class cannot be known. ${advice}`,
      { file: table2.source, column: rules.label }
    );
  }
  const index = new Map(sorted2.map((c, i) => [c, i]));
  for (let i = 0; i < texts.length; i++) values[i] = index.get(texts[i]);
  return { values, classes: sorted2 };
}
function sameList2(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
function summarise(values) {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v)).join(", ");
  return values.length > 8 ? `${shown}, \u2026 ${values.length} in all` : shown;
}
function labelEncoder(rules) {
  const { task, classes, positive, configKey } = rules;
  if (task === "regression") {
    return (text2) => {
      const v = text2.trim() === "" ? NaN : Number(text2);
      return Number.isFinite(v) ? v : { problem: `${JSON.stringify(text2)} is not a finite number (a regression label is the target value)` };
    };
  }
  if (task === "multiclass") {
    if (classes) {
      const index = new Map(classes.map((c, i) => [c, i]));
      return (text2) => index.get(text2) ?? {
        problem: `${JSON.stringify(text2)} is a class the model does not know (its classes: ${JSON.stringify(classes)})`
      };
    }
    return (text2) => {
      const v = Number(text2);
      return text2.trim() !== "" && Number.isInteger(v) && v >= 0 ? v : {
        problem: `${JSON.stringify(text2)} is not a class index 0, 1, \u2026; set ${configKey}.classes to the label value of each probability column to send class names`
      };
    };
  }
  const positiveText = positive ?? (classes && !sameList2(classes, ["0", "1"]) ? classes[1] : void 0);
  if (positiveText === void 0) {
    return (text2) => NATURAL_BINARY.get(text2.toLowerCase()) ?? {
      problem: `${JSON.stringify(text2)} is not a binary label (0/1 or true/false); if it names a class, set ${configKey}.positive to the value that means the positive class`
    };
  }
  let negative = classes?.[0];
  return (text2) => {
    if (text2 === positiveText) return 1;
    if (negative === void 0) negative = text2;
    return text2 === negative ? 0 : {
      problem: `${JSON.stringify(text2)} is a third class besides ${JSON.stringify(negative)} and the positive ${JSON.stringify(positiveText)}; a binary model knows two classes`
    };
  };
}

// src/gate/compare-artifacts.ts
async function compareArtifactMetrics(model, recordedPath, rebuiltPath, root) {
  const paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  const table2 = await readTables(paths.map((p) => join6(root, p)));
  const features = featuresOf(table2, model.label, model.features);
  const metricsOf = async (path) => {
    const handle2 = await loadModel(path);
    try {
      const p = await predict(handle2, table2, features, model.task);
      const { values: labels2 } = encodeLabels(table2, labelRules(model), [
        { source: path, classLabels: handle2.classLabels, classCount: p.classCount }
      ]);
      const data = model.task === "binary" ? { task: "binary", labels: labels2, scores: p.scores } : model.task === "multiclass" ? { task: "multiclass", labels: labels2, probabilities: p.probabilities, classCount: p.classCount } : { task: "regression", targets: labels2, predictions: p.scores };
      return computeAllMetrics(data, { threshold: model.evaluate.threshold });
    } finally {
      await closeModel(handle2);
    }
  };
  const [recorded, rebuilt] = [await metricsOf(recordedPath), await metricsOf(rebuiltPath)];
  return Object.keys(recorded).filter((name) => Number.isFinite(recorded[name].value) && Number.isFinite(rebuilt[name]?.value)).map((name) => ({ metric: name, recorded: recorded[name].value, rebuilt: rebuilt[name].value }));
}

// src/commands/reproduce.ts
var reproduceCommand = defineCommand({
  name: "reproduce",
  summary: "rebuild a commit's model from its recorded inputs in a clean worktree and compare",
  usage: "reproduce [--commit REV] [--timeout MINUTES]",
  options: {
    commit: { type: "string", value: "REV", description: "commit whose model to rebuild (default: HEAD)" },
    timeout: {
      type: "string",
      value: "MINUTES",
      description: "stop the train command after this long (default: reproduce.timeout_minutes, 60)"
    }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const rev = values.commit ?? "HEAD";
    const commit = await resolveCommit(git, rev);
    const results = [];
    for (const model of workspace.models) {
      const found = await findRecord(git, model, commit, context.warn);
      if (!found) throw await noRecordError(git, model.name, rev, commit);
      const { record } = found;
      const recorded = await readRecordedInputs(git, record, `record of ${model.name} on ${found.commit.slice(0, 12)}`);
      const timeoutMinutes = values.timeout !== void 0 ? Number(values.timeout) : model.reproduce.timeout_minutes;
      if (!(timeoutMinutes > 0))
        throw new UserError(`--timeout ${values.timeout}: expected a number of minutes greater than 0.`);
      results.push(
        await withWorktree(git, commit, async (dir) => {
          const own = await modelAtCommit(dir, workspace.config.relativePath, model.name, commit);
          if (record.train !== void 0 && record.train !== own.train) {
            context.warn(
              `${model.name}: the note's recorded train command differs from the one in ${commit.slice(0, 12)}'s ${workspace.config.relativePath}; running the commit's own and reporting the note's`
            );
          }
          context.log(
            `reproduce: rebuilding ${model.name} at ${commit.slice(0, 12)} with \`${own.train}\` (from ${workspace.config.relativePath} at that commit) in a clean worktree`
          );
          const committed = await committedArtifact(git, commit, record.artifact.path);
          if (committed && committed.sha256 !== record.artifact.sha256) {
            context.warn(
              `${model.name}: the record names ${record.artifact.path} with sha256 ${record.artifact.sha256.slice(0, 12)}, but ${commit.slice(0, 12)} holds ${committed.sha256.slice(0, 12)}: comparing with the committed artifact`
            );
          }
          const result = await rebuild(
            dir,
            root,
            own.model,
            record,
            recorded,
            own.train,
            timeoutMinutes * 6e4,
            context.env,
            committed,
            context.signal
          );
          const noteTrain = record.train !== void 0 && record.train !== own.train ? { noteTrain: record.train, noteTrainDiffers: true } : {};
          return {
            ...result,
            trainFrom: `${workspace.config.relativePath} at ${commit}`,
            recordCommit: found.commit,
            recordRelation: found.relation,
            ...noteTrain
          };
        })
      );
    }
    const ok = results.every((r) => r.reproduced);
    const data = { commit, reproduced: ok, models: results };
    return {
      exitCode: ok ? 0 : 1,
      data,
      text: renderReproduceText(data),
      markdown: renderReproduceMarkdown(data),
      outputs: { reproduced: String(ok), commit }
    };
  }
});
async function modelAtCommit(dir, configFile, name, commit) {
  if (isAbsolute2(configFile)) {
    throw new UserError(
      `${configFile}: reproduce reads the train command from the config committed at the commit, so the config must be inside the repository. Pass a repository-relative --config.`
    );
  }
  const config = await loadConfig(join7(dir, configFile), dir);
  const model = config.models.find((m) => m.name === name);
  if (!model)
    throw new UserError(
      `${configFile} at ${commit.slice(0, 12)} has no model "${name}", so reproduce has no train command to run for it. Reproduce a commit whose config defines it.`,
      { file: configFile }
    );
  if (!model.train)
    throw new UserError(
      `${configFile} at ${commit.slice(0, 12)}: models.${name}.train is not set, so the model cannot be rebuilt. Add \`train:\` to the config and commit it.`,
      { file: configFile, key: `models.${name}.train` }
    );
  return { model, train: model.train };
}
async function rebuild(dir, root, model, record, recorded, train2, timeoutMs, env, committed, signal) {
  const expected2 = committed?.sha256 ?? record.artifact.sha256;
  const base = {
    model: model.name,
    train: train2,
    expected: expected2,
    ...committed && committed.sha256 !== record.artifact.sha256 ? { noteArtifact: record.artifact.sha256 } : {}
  };
  const inputs = {
    ...recorded.inputs.data,
    ...recorded.inputs.code,
    ...recorded.inputs.config,
    ...recorded.inputs.lockfiles
  };
  const present = await filterExisting(dir, Object.keys(inputs));
  const absent = Object.keys(inputs).filter((p) => !present.includes(p));
  if (absent.length) {
    const { hashes: hashes2 } = await hashFiles(root, await filterExisting(root, absent));
    for (const path of absent) {
      if (hashes2.get(path)?.sha256 !== inputs[path]) {
        throw new UserError(
          `${path}: recorded as an input of ${model.name} but not in git at this commit, and the working copy ${hashes2.has(path) ? "differs from the recorded bytes" : "has no such file"}. Restore it (e.g. dvc pull or git lfs pull) to the recorded version, then run reproduce again.`,
          { file: path }
        );
      }
      await mkdir2(dirname5(join7(dir, path)), { recursive: true });
      await copyFile(join7(root, path), join7(dir, path));
    }
  }
  const { hashes: inputHashes } = await hashFiles(dir, Object.keys(inputs));
  const inputMismatches = Object.entries(inputs).filter(([path, sha]) => inputHashes.get(path)?.sha256 !== sha).map(([path]) => path);
  for (const change of sectionChange(model, recorded)) {
    inputMismatches.push(`${change.path} (keys ${(change.keys ?? []).map((k) => k.key).join(", ")})`);
  }
  if (inputMismatches.length) {
    return {
      ...base,
      reproduced: false,
      reason: `the commit's files differ from its record (recorded from a modified working tree?): ${inputMismatches.join(", ")}`
    };
  }
  const run2 = await runShellCommand(train2, { cwd: dir, env, timeoutMs, signal });
  if (run2.timedOut)
    return {
      ...base,
      reproduced: false,
      reason: `the train command timed out after ${Math.round(timeoutMs / 6e4)} min`,
      output: run2.tail
    };
  if (run2.code !== 0)
    return {
      ...base,
      reproduced: false,
      reason: `the train command failed (exit ${run2.code ?? run2.signal})`,
      output: run2.tail
    };
  const artifactPath = join7(dir, record.artifact.path);
  if (!await stat2(artifactPath).catch(() => void 0)) {
    return { ...base, reproduced: false, reason: `the train command did not write ${record.artifact.path}` };
  }
  const { hashes } = await hashFiles(dir, [record.artifact.path]);
  const actual = hashes.get(record.artifact.path).sha256;
  if (actual === expected2) return { ...base, actual, reproduced: true, identical: true, durationMs: run2.durationMs };
  const recordedArtifact = join7(dir, ".modelkeeper-recorded-artifact.onnx");
  if (committed) await writeFile2(recordedArtifact, committed.bytes);
  else await copyRecordedArtifact(root, record, recordedArtifact);
  let metrics;
  try {
    metrics = await compareArtifactMetrics(model, recordedArtifact, artifactPath, dir);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return {
      ...base,
      actual,
      reproduced: false,
      identical: false,
      durationMs: run2.durationMs,
      reason: `the rebuilt artifact's bytes differ, and its held-out metrics could not be compared: ${error.message}`
    };
  }
  const within = metrics.length > 0 && metrics.every((m) => Math.abs(m.rebuilt - m.recorded) <= model.reproduce.tolerance);
  return {
    ...base,
    actual,
    identical: false,
    durationMs: run2.durationMs,
    metrics,
    tolerance: model.reproduce.tolerance,
    reproduced: within,
    reason: within ? "bytes differ, but every held-out metric is within tolerance" : "bytes differ and held-out metrics differ beyond tolerance"
  };
}
async function filterExisting(dir, paths) {
  const exists = await Promise.all(
    paths.map(
      (p) => stat2(join7(dir, p)).then(
        (s) => s.isFile(),
        () => false
      )
    )
  );
  return paths.filter((_, i) => exists[i]);
}
async function committedArtifact(git, commit, path) {
  const blob = await objectAt(git, commit, path);
  if (blob === void 0) return void 0;
  const bytes = await readBlob(git, blob);
  return { sha256: createHash6("sha256").update(bytes).digest("hex"), bytes };
}
async function copyRecordedArtifact(root, record, target) {
  const { hashes } = await hashFiles(root, await filterExisting(root, [record.artifact.path]));
  if (hashes.get(record.artifact.path)?.sha256 === record.artifact.sha256) {
    await copyFile(join7(root, record.artifact.path), target);
    return;
  }
  throw new UserError(
    `${record.artifact.path}: the recorded artifact (sha256 ${record.artifact.sha256.slice(0, 12)}) is not in the working copy, so its metrics cannot be compared. Check out the recorded commit's artifact.`
  );
}

// src/commands/evaluation-run.ts
import { writeFile as writeFile5 } from "node:fs/promises";
import { resolve as resolve6 } from "node:path";

// src/gate/champion.ts
import { readFile as readFile4, writeFile as writeFile3, stat as stat3 } from "node:fs/promises";
import { createHash as createHash7 } from "node:crypto";
import { join as join8, resolve as resolve4 } from "node:path";

// src/git/remotes.ts
async function hasRemote(git, remote) {
  const args = ["remote", "get-url", remote];
  const result = await git.tryRun(args);
  if (result.code === 0) return true;
  if ((result.code === 2 || result.code === 128) && /No such remote/i.test(result.stderr)) return false;
  throw gitFailure(args, result);
}
async function remoteDefaultBranch(git, remote) {
  const args = ["symbolic-ref", "--quiet", "--short", `refs/remotes/${remote}/HEAD`];
  const head = await git.tryRun(args);
  if (head.code === 0) return head.stdout.trim().replace(new RegExp(`^${escapeRegExp(remote)}/`), "");
  if (head.code !== 1) throw gitFailure(args, head);
  const asked = await git.tryRun(["ls-remote", "--symref", remote, "HEAD"]);
  return /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(asked.stdout)?.[1];
}
async function fetchRef(git, remote, source, destination, options = {}) {
  const result = await git.tryRun([
    "fetch",
    "--quiet",
    ...options.depth === void 0 ? [] : [`--depth=${options.depth}`],
    remote,
    `+${source}:${destination}`
  ]);
  if (result.code === 0) return { ok: true };
  return { ok: false, missing: /couldn't find remote ref/i.test(result.stderr), stderr: result.stderr };
}
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/git/tags.ts
async function fetchModelTags(git, remote) {
  await git.tryRun(["fetch", "--quiet", remote, "+refs/tags/modelkeeper/*:refs/tags/modelkeeper/*"]);
}
async function deleteLocalTag(git, tag) {
  await git.tryRun(["tag", "-d", tag]);
}
async function remoteTagIds(git, remote, prefix) {
  const out = await git.run(["ls-remote", "--tags", "--refs", remote, `refs/tags/${prefix}*`]);
  return parseRefList(out.split("\n").map((line) => line.split("	")));
}
async function localTagIds(git, prefix) {
  const out = await git.run(["for-each-ref", "--format=%(objectname)	%(refname)", `refs/tags/${prefix}*`]);
  return parseRefList(out.split("\n").map((line) => line.split("	")));
}
function parseRefList(rows) {
  const tags = /* @__PURE__ */ new Map();
  for (const [id, ref] of rows) if (id && ref?.startsWith("refs/tags/")) tags.set(ref.slice("refs/tags/".length), id);
  return tags;
}
async function createAnnotatedTag(git, tag, message, commit) {
  await git.run(["tag", "-a", tag, "-m", message, commit]);
}
async function annotatedTagText(git, tag) {
  return (await git.tryRun(["cat-file", "tag", tag])).stdout;
}
async function pushTagWithNotes(git, remote, tag, notesRef) {
  const result = await git.tryRun([
    "push",
    "--atomic",
    "--porcelain",
    remote,
    `refs/tags/${tag}`,
    `${notesRef}:${notesRef}`
  ]);
  return { ok: result.code === 0, output: `${result.stdout}
${result.stderr}`.trim() };
}
async function tagsOf(git, prefix) {
  const format = "%(refname)%00%(objecttype)%00%(*objecttype)%00%(contents)%00%00";
  const out = await git.run(["for-each-ref", `--format=${format}`, `refs/tags/${prefix}*`]);
  return out.split("\0\0\n").filter((record) => record.trim()).map((record) => {
    const [refname, type, peeledType, message] = record.replace(/^\n/, "").split("\0");
    return { name: refname.replace(/^refs\/tags\//, ""), type, peeledType, message: message ?? "" };
  });
}

// src/gate/champion.ts
var LFS_POINTER = "version https://git-lfs.github.com/spec/v1";
function tagPrefix(model) {
  return `modelkeeper/${model}/v`;
}
function versionOf(model, tag) {
  const rest = tag.slice(tagPrefix(model).length);
  return /^[1-9][0-9]{0,14}$/.test(rest) ? Number(rest) : NaN;
}
function parseChampionClaim(message, model, tag) {
  for (const line of message.split("\n")) {
    const text2 = line.trim();
    if (!text2.startsWith("{")) continue;
    let value2;
    try {
      value2 = JSON.parse(text2);
    } catch {
      continue;
    }
    if (value2?.event === "promote" && value2.model === model && value2.tag === tag && value2.version === versionOf(model, tag) && typeof value2.artifact?.path === "string" && /^[0-9a-f]{64}$/.test(value2.artifact?.sha256 ?? "")) {
      return {
        model,
        version: value2.version,
        tag,
        artifact: { path: value2.artifact.path, sha256: value2.artifact.sha256 }
      };
    }
  }
  return void 0;
}
async function* trustedChampionTags(git, model, filter, ignored) {
  const { within, only } = filter;
  const tags = (await tagsOf(git, tagPrefix(model))).map(({ name: tag, type, peeledType, message }) => ({
    tag,
    type,
    peeledType,
    message,
    version: versionOf(model, tag)
  })).filter((t) => Number.isInteger(t.version) && t.version > 0).sort((a, b) => b.version - a.version);
  for (const t of tags) {
    if (t.type !== "tag") {
      ignored.push({
        tag: t.tag,
        reason: "a lightweight tag: modelkeeper's champion tags are annotated (made by promote)"
      });
      continue;
    }
    if (t.peeledType !== "commit") {
      ignored.push({ tag: t.tag, reason: `it points at a ${t.peeledType || "non-commit object"}, not a commit` });
      continue;
    }
    const claim = parseChampionClaim(t.message, model, t.tag);
    if (!claim) {
      ignored.push({
        tag: t.tag,
        reason: "its message carries no promote record naming this model, version and artifact sha256: not made by modelkeeper promote"
      });
      continue;
    }
    if (only && claim.artifact.sha256 !== only.sha256) continue;
    if (within && !await isAncestor(git, `refs/tags/${t.tag}^{commit}`, within.commit)) {
      ignored.push({
        tag: t.tag,
        reason: `it points at a commit that is not in the history of ${within.name} (a tag pushed from another branch; in a shallow clone, fetch with fetch-depth: 0)`
      });
      continue;
    }
    if (!isSafePath(claim.artifact.path)) {
      ignored.push({
        tag: t.tag,
        reason: `its claim names ${JSON.stringify(claim.artifact.path)}, which is not a path inside the repository`
      });
      continue;
    }
    const entry = await fileEntry(git, `refs/tags/${t.tag}^{commit}`, claim.artifact.path);
    if (!entry || entry.mode === "120000") {
      ignored.push({
        tag: t.tag,
        reason: entry ? `${claim.artifact.path} at the tagged commit is a symbolic link, not the model` : `${claim.artifact.path} does not exist at the tagged commit (as a file)`
      });
      continue;
    }
    const artifact = await fromGit(git, `refs/tags/${t.tag}`, claim.artifact.path, `tag ${t.tag}`);
    if (!artifact) {
      ignored.push({ tag: t.tag, reason: `${claim.artifact.path} does not exist at the tagged commit` });
      continue;
    }
    if (artifact.sha256 !== claim.artifact.sha256) {
      ignored.push({
        tag: t.tag,
        reason: `${claim.artifact.path} at the tagged commit has sha256 ${artifact.sha256.slice(0, 12)}, but the tag names ${claim.artifact.sha256.slice(0, 12)}`
      });
      continue;
    }
    yield { tag: t.tag, version: t.version, artifact, artifactPath: claim.artifact.path };
  }
}
async function trustedChampion(git, model, filter = {}) {
  const ignored = [];
  for await (const champion of trustedChampionTags(git, model, filter, ignored)) return { champion, ignored };
  return { ignored };
}
async function resolveChampion(git, model, env, cwd, override, challenger) {
  if (override) {
    const asFile = resolve4(cwd, override);
    if (await stat3(asFile).then(
      (s) => s.isFile(),
      () => false
    ))
      return { champion: await fromFile(asFile, `file ${override}`), ignoredTags: [] };
    const commit = await commitOf(git, override);
    if (commit === void 0) {
      throw new UserError(
        `--champion ${override}: neither a file nor a commit. Pass the path of an ONNX file or a commit, branch or tag (fetch it first in a shallow clone).`
      );
    }
    const found2 = await fromGit(git, commit, model.artifact, `commit ${override}`);
    if (!found2) throw new UserError(`--champion ${override}: ${model.artifact} does not exist at that commit.`);
    return { champion: found2, ignoredTags: [] };
  }
  const base = await baseRef(git, env);
  const within = base ? { commit: await resolveCommit(git, base.ref), name: `the base branch ${base.name}` } : { commit: challenger.commit, name: "the commit evaluated" };
  const { champion, ignored } = await trustedChampion(git, model.name, { within });
  if (champion) return { champion: champion.artifact, ignoredTags: ignored };
  const found = base ? await fromGit(git, base.ref, model.artifact, `base branch ${base.name}`) : void 0;
  if (found && found.commit === challenger.commit && found.sha256 === challenger.sha256)
    return { ignoredTags: ignored };
  return { champion: found, ignoredTags: ignored };
}
async function baseRef(git, env) {
  const name = env.GITHUB_BASE_REF || await remoteDefaultBranch(git, "origin");
  if (!name) return void 0;
  for (const ref of [`refs/remotes/origin/${name}`, `refs/heads/${name}`]) {
    if (await commitOf(git, ref) !== void 0) return { name, ref };
  }
  const fetched = await fetchRef(git, "origin", `refs/heads/${name}`, `refs/remotes/origin/${name}`, { depth: 1 });
  return fetched.ok ? { name, ref: `refs/remotes/origin/${name}` } : void 0;
}
async function fromGit(git, rev, path, label) {
  const commit = await commitOf(git, rev);
  const blob = await objectAt(git, rev, path);
  if (commit === void 0 || blob === void 0) return void 0;
  if ((await fileEntry(git, commit, path))?.mode === "120000") {
    throw new UserError(
      `${path} at ${label} is a symbolic link, not the model: modelkeeper reads the committed file itself and follows no link. Commit the ONNX file in its place.`,
      { file: path }
    );
  }
  const bytes = await readBlob(git, blob);
  const file = join8(makeTempDir("champion"), path.split("/").pop() ?? "model.onnx");
  await writeFile3(file, isLfsPointer(bytes) ? await smudgeLfs(git, bytes, path, label) : bytes);
  return { ...await fromFile(file, label), commit };
}
async function fromFile(path, label) {
  let bytes = await readFile4(path).catch((error) => {
    throw new UserError(
      `${path}: cannot read the model (${error.code}). Check the path, or run the train command first.`,
      { file: path }
    );
  });
  if (isLfsPointer(bytes)) {
    throw new UserError(
      `${path} is a Git LFS pointer, not the model. Fetch the real file: \`git lfs pull\` (in a workflow: actions/checkout with \`lfs: true\`).`,
      { file: path }
    );
  }
  return { path, label, sha256: createHash7("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}
function isLfsPointer(bytes) {
  return bytes.length < 1024 && bytes.subarray(0, LFS_POINTER.length).toString("utf8") === LFS_POINTER;
}
async function smudgeLfs(git, pointer, path, label) {
  const smudged = await smudgeLfsPointer(git, pointer, path).catch(() => void 0);
  if (smudged === void 0 || isLfsPointer(smudged)) {
    throw new UserError(
      `${path} at ${label} is a Git LFS pointer and git-lfs could not fetch it. Install git-lfs and run \`git lfs fetch origin\` (in a workflow: actions/checkout with \`lfs: true\`).`,
      { file: path }
    );
  }
  return smudged;
}

// src/gate/evaluation-inputs.ts
import { createHash as createHash8 } from "node:crypto";
function configSectionSha256(model) {
  return sha256(canonicalJson2(model));
}
function holdoutSetSha256(files) {
  return sha256(
    Object.keys(files).sort().map((path) => `${path}\0${files[path]}
`).join("")
  );
}
function canonicalJson2(value2) {
  if (Array.isArray(value2)) return `[${value2.map(canonicalJson2).join(",")}]`;
  if (value2 && typeof value2 === "object") {
    const entries = Object.entries(value2).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson2(v)}`).join(",")}}`;
  }
  return JSON.stringify(value2) ?? "null";
}
function sha256(text2) {
  return createHash8("sha256").update(text2).digest("hex");
}

// src/gate/result.ts
function combineVerdicts(verdicts) {
  if (verdicts.includes("reject")) return "reject";
  if (verdicts.length === 0) return "inconclusive";
  return verdicts[0] === "promote" ? "promote" : "inconclusive";
}

// src/gate/name-bad-cells.ts
import { sep as sep4 } from "node:path";

// src/data/stream-table.ts
var DEFAULT_BATCH_ROWS = 65536;
async function* tableBatches(paths, options = {}) {
  if (paths.length === 0)
    throw new UserError("No data files to read; name at least one .csv, .jsonl, .ndjson or .parquet file.");
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!(batchRows >= 1) || !Number.isInteger(batchRows))
    throw new RangeError(`batchRows must be a positive integer, got ${batchRows}`);
  const schema = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const types = {};
    for (const [name, kind2] of schema) if (kind2 === "categorical") types[name] = "categorical";
    Object.assign(types, options.types);
    const single = paths.length === 1;
    const readOptions = {
      columns: options.columns,
      requireColumns: single,
      types,
      batchRows,
      verbatim: options.verbatim,
      withLines: options.withLines
    };
    for await (const batch of batchesOf(path, readOptions)) {
      for (const column of batch.columns) {
        if (schema.get(column.name) !== "categorical") schema.set(column.name, column.kind);
      }
      const byName = new Map(batch.columns.map((c) => [c.name, c]));
      const columns = [...schema].map(([name, kind2]) => byName.get(name) ?? missingColumn(name, kind2, batch.rowCount));
      yield {
        source: path,
        file: path,
        rowCount: batch.rowCount,
        columns,
        firstLine: batch.firstLine,
        promotions: batch.promotions,
        ...batch.lines ? { lines: batch.lines } : {}
      };
    }
  }
  for (const name of options.columns ?? []) {
    if (!schema.has(name)) {
      throw new UserError(
        `No column named "${name}" in any of ${paths.join(", ")}; fix the column name or the files.`,
        { column: name }
      );
    }
  }
}
function missingColumn(name, kind2, rows) {
  return kind2 === "numeric" ? { kind: kind2, name, values: new Float64Array(rows).fill(NaN) } : { kind: kind2, name, codes: new Int32Array(rows).fill(-1), categories: [] };
}

// src/data/locate-cell.ts
async function cellsOfRow(paths, row, columns) {
  let before = 0;
  for await (const batch of asText(paths, columns)) {
    if (row < before + batch.rowCount) return columns.map((name) => cellOf(batch, row - before, name));
    before += batch.rowCount;
  }
  return void 0;
}
async function firstNonNumber(paths, column) {
  for await (const batch of asText(paths, [column])) {
    const found = batch.columns.find((c) => c.name === column);
    if (found?.kind !== "categorical") continue;
    for (let i = 0; i < batch.rowCount; i++) {
      const code = found.codes[i];
      if (code < 0) continue;
      const text2 = found.categories[code];
      if (parseNumberText(text2) !== parseNumberText(text2) && !isMissingText(text2)) return cellOf(batch, i, column);
    }
  }
  return void 0;
}
function describeCell(cell) {
  return cell.text === void 0 ? "no value" : JSON.stringify(cell.text);
}
function cellPlace(cell, file = cell.file) {
  return cell.unit === "line" ? `${file}:${cell.line}` : `${file}: row ${cell.line}`;
}
function asText(paths, columns) {
  const types = Object.fromEntries(columns.map((name) => [name, "categorical"]));
  return tableBatches(paths, { columns, types, verbatim: true, withLines: true });
}
function cellOf(batch, index, name) {
  const column = batch.columns.find((c) => c.name === name);
  const code = column?.kind === "categorical" ? column.codes[index] : -1;
  return {
    file: batch.file,
    line: batch.lines ? batch.lines[index] : batch.firstLine + index,
    unit: batch.lines ? "line" : "row",
    column: name,
    text: column?.kind === "categorical" && code >= 0 ? column.categories[code] : void 0
  };
}

// src/gate/name-bad-cells.ts
async function predictNamingCells(handle2, who, table2, features, task, files) {
  let prediction;
  try {
    prediction = await predict(handle2, table2, features, task);
  } catch (error) {
    if (!(error instanceof TextForNumericInput)) throw error;
    const cell = await firstNonNumber(files.paths, error.column);
    if (!cell) throw error;
    throw new UserError(
      `${cellPlace(cell, display(cell.file, files))}: column "${cell.column}" holds ${describeCell(cell)}, which is not a number, but model input "${error.inputName}" of the ${who} takes numbers. Fix the value (leave it empty or write NA for a missing value), or, if the column really is text, encode it inside the model (a string input with a OneHotEncoder in the exported pipeline).`,
      { file: display(cell.file, files), line: cell.line, column: cell.column }
    );
  }
  const row = firstUnscoredRow(prediction);
  if (row !== void 0) throw await unscoredRowError(row, who, prediction, features, files);
  return prediction;
}
function firstUnscoredRow(prediction) {
  const values = prediction.probabilities ?? prediction.scores;
  const perRow = prediction.probabilities ? prediction.classCount : 1;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return Math.floor(i / perRow);
  return void 0;
}
async function unscoredRowError(row, who, prediction, features, files) {
  const value2 = prediction.probabilities ? "not a finite probability" : String(prediction.scores[row]);
  const cells = await cellsOfRow(files.paths, row, features) ?? [];
  const missing = cells.filter((cell) => cell.text === void 0 || isMissingText(cell.text));
  const place = cells.length ? cellPlace(cells[0], display(cells[0].file, files)) : `data row ${row + 1}`;
  const where = {
    file: cells[0] ? display(cells[0].file, files) : void 0,
    line: cells[0]?.line,
    column: missing[0]?.column
  };
  if (missing.length) {
    const list2 = missing.map((cell) => `column "${cell.column}" holds ${describeCell(cell)}`).join(", ");
    return new UserError(
      `${place}: ${list2}, a missing value, and the ${who} scores this row ${value2}: the model cannot take a missing ${missing.map((c) => `"${c.column}"`).join(", ")}. Fill in the value, drop the row from the held-out set, or export the model with an imputer for that column.`,
      where
    );
  }
  const values = cells.map((cell) => `${cell.column}=${describeCell(cell)}`).join(", ");
  return new UserError(
    `${place}: the ${who} scores this row ${value2}${values ? ` (its features: ${values})` : ""}; every score must be a finite number. Check the model on this row (an overflow, or a value far outside the training range).`,
    where
  );
}
function display(file, files) {
  const index = files.paths.indexOf(file);
  if (index >= 0 && files.names[index]) return files.names[index];
  return files.names.find((name) => file.endsWith(`${sep4}${name}`)) ?? file;
}

// src/gate/score-holdout.ts
async function scoreHoldout(model, holdout, models, latencyRounds = 25) {
  const table2 = await readTables(holdout.paths);
  if (table2.rowCount === 0)
    throw new UserError(
      `${holdout.paths.join(", ")}: the held-out set has no rows. Add rows, or fix data.holdout in the config.`
    );
  const features = featuresOf(table2, model.label, model.features);
  const files = { paths: holdout.paths, names: Object.keys(holdout.files) };
  const challengerPrediction = await predictNamingCells(
    models.challenger.handle,
    `challenger (${models.challenger.label})`,
    table2,
    features,
    model.task,
    files
  );
  const championPrediction = models.champion ? await predictNamingCells(
    models.champion.handle,
    `champion (${models.champion.label})`,
    table2,
    features,
    model.task,
    files
  ) : void 0;
  const { values: labels2, classes } = encodeLabels(table2, labelRules(model), [
    {
      source: `challenger (${models.challenger.label})`,
      classLabels: models.challenger.handle.classLabels,
      classCount: challengerPrediction.classCount
    },
    ...models.champion ? [
      {
        source: `champion (${models.champion.label})`,
        classLabels: models.champion.handle.classLabels,
        classCount: championPrediction.classCount
      }
    ] : []
  ]);
  const sliceColumns = model.evaluate.slices.map((name) => table2.columns.find((c) => c.name === name)).filter((c) => c !== void 0);
  let latency2;
  if (models.champion) {
    const rows = Math.min(1024, table2.rowCount);
    latency2 = { champion: [], challenger: [], rowsPerBatch: rows };
    await timeInference(models.champion.handle, table2, features, rows, { repeats: 1, warmup: 2 });
    await timeInference(models.challenger.handle, table2, features, rows, { repeats: 1, warmup: 2 });
    for (let r = 0; r < latencyRounds; r++) {
      latency2.champion.push(
        ...(await timeInference(models.champion.handle, table2, features, rows, { repeats: 1, warmup: 0 })).millis
      );
      latency2.challenger.push(
        ...(await timeInference(models.challenger.handle, table2, features, rows, { repeats: 1, warmup: 0 })).millis
      );
    }
  }
  return {
    name: holdout.name,
    files: holdout.files,
    rows: table2.rowCount,
    labels: labels2,
    classes,
    challenger: toData(model.task, labels2, challengerPrediction, "challenger predictions"),
    champion: championPrediction ? toData(model.task, labels2, championPrediction, "champion predictions") : void 0,
    sliceColumns,
    missingSliceColumns: model.evaluate.slices.filter((name) => !sliceColumns.some((c) => c.name === name)),
    latency: latency2
  };
}
function toData(task, labels2, prediction, source) {
  if (task === "binary") return { task, labels: labels2, scores: prediction.scores, source };
  if (task === "multiclass")
    return { task, labels: labels2, probabilities: prediction.probabilities, classCount: prediction.classCount, source };
  return { task, targets: labels2, predictions: prediction.scores, source };
}

// src/stats/distributions/normal.ts
var SQRT_HALF = Math.SQRT1_2;
var ONE_OVER_SQRT_PI = 0.5641895835477563;
var ERF_A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
var ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
var ERFC_C = [
  0.5641884969886701,
  8.883149794388375,
  66.11919063714163,
  298.6351381974001,
  881.952221241769,
  1712.0476126340707,
  2051.0783778260716,
  1230.3393547979972,
  21531153547440383e-24
];
var ERFC_D = [
  15.744926110709835,
  117.6939508913125,
  537.1811018620099,
  1621.3895745666903,
  3290.7992357334597,
  4362.619090143247,
  3439.3676741437216,
  1230.3393548037495
];
var ERFC_P = [
  0.30532663496123236,
  0.36034489994980445,
  0.12578172611122926,
  0.016083785148742275,
  6587491615298367e-19,
  0.016315387137302097
];
var ERFC_Q = [
  2.5685201922898684,
  1.8729528499234604,
  0.5279051029514285,
  0.06051834131244132,
  0.0023352049762686918
];
function expMinusSquare(y) {
  const rounded = Math.trunc(y * 16) / 16;
  const remainder = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded) * Math.exp(-remainder);
}
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let result;
  if (y <= 0.5) {
    const ysq = y * y;
    let numerator = ERF_A[4] * ysq;
    let denominator = ysq;
    for (let i = 0; i < 3; i++) {
      numerator = (numerator + ERF_A[i]) * ysq;
      denominator = (denominator + ERF_B[i]) * ysq;
    }
    return 1 - x * (numerator + ERF_A[3]) / (denominator + ERF_B[3]);
  } else if (y <= 4) {
    let numerator = ERFC_C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + ERFC_C[i]) * y;
      denominator = (denominator + ERFC_D[i]) * y;
    }
    result = expMinusSquare(y) * (numerator + ERFC_C[7]) / (denominator + ERFC_D[7]);
  } else if (y >= 26.543) {
    result = 0;
  } else {
    const ysq = 1 / (y * y);
    let numerator = ERFC_P[5] * ysq;
    let denominator = ysq;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + ERFC_P[i]) * ysq;
      denominator = (denominator + ERFC_Q[i]) * ysq;
    }
    const tail = ysq * (numerator + ERFC_P[4]) / (denominator + ERFC_Q[4]);
    result = expMinusSquare(y) * (ONE_OVER_SQRT_PI - tail) / y;
  }
  return x < 0 ? 2 - result : result;
}
function normalCdf(x) {
  return 0.5 * erfc(-x * SQRT_HALF);
}
function normalUpperTail(x) {
  return 0.5 * erfc(x * SQRT_HALF);
}
var A = [
  3.3871328727963665,
  133.14166789178438,
  1971.5909503065513,
  13731.69376550946,
  45921.95393154987,
  67265.7709270087,
  33430.57558358813,
  2509.0809287301227
];
var B = [
  1,
  42.31333070160091,
  687.1870074920579,
  5394.196021424751,
  21213.794301586597,
  39307.89580009271,
  28729.085735721943,
  5226.495278852854
];
var C = [
  1.4234371107496835,
  4.630337846156546,
  5.769497221460691,
  3.6478483247632045,
  1.2704582524523684,
  0.2417807251774506,
  0.022723844989269184,
  7745450142783414e-19
];
var D = [
  1,
  2.053191626637759,
  1.6763848301838038,
  0.6897673349851,
  0.14810397642748008,
  0.015198666563616457,
  5475938084995345e-19,
  10507500716444169e-25
];
var E = [
  6.657904643501103,
  5.463784911164114,
  1.7848265399172913,
  0.29656057182850487,
  0.026532189526576124,
  0.0012426609473880784,
  27115555687434876e-21,
  20103343992922881e-23
];
var F = [
  1,
  0.599832206555888,
  0.1369298809227358,
  0.014875361290850615,
  7868691311456133e-19,
  18463183175100548e-21,
  1421511758316446e-22,
  20442631033899397e-31
];
function polynomial(coefficients, x) {
  let value2 = coefficients[coefficients.length - 1];
  for (let i = coefficients.length - 2; i >= 0; i--) value2 = value2 * x + coefficients[i];
  return value2;
}
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r2 = 0.180625 - q * q;
    return q * polynomial(A, r2) / polynomial(B, r2);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value2;
  if (r <= 5) {
    r -= 1.6;
    value2 = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    value2 = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -value2 : value2;
}

// src/stats/bootstrap/bca-interval.ts
function jackknifeAcceleration(jackknifeValues) {
  let count = 0;
  let sum = 0;
  for (const value2 of jackknifeValues) {
    if (Number.isFinite(value2)) {
      sum += value2;
      count++;
    }
  }
  if (count < 2) return 0;
  const mean2 = sum / count;
  let squares = 0;
  let cubes = 0;
  for (const value2 of jackknifeValues) {
    if (!Number.isFinite(value2)) continue;
    const d = mean2 - value2;
    squares += d * d;
    cubes += d * d * d;
  }
  return squares === 0 ? 0 : cubes / (6 * Math.pow(squares, 1.5));
}
function bcaInterval(sorted2, estimate, jackknifeValues, confidence) {
  const b = sorted2.length;
  if (b === 0) return void 0;
  let below = 0;
  let atOrBelow = 0;
  for (let i = 0; i < b; i++) {
    if (sorted2[i] < estimate) below++;
    if (sorted2[i] <= estimate) atOrBelow++;
  }
  const biasCorrection = normalQuantile((below + atOrBelow) / (2 * b));
  if (!Number.isFinite(biasCorrection)) return void 0;
  const acceleration = jackknifeAcceleration(jackknifeValues);
  const alpha = 1 - confidence;
  const level = (z) => normalCdf(biasCorrection + (biasCorrection + z) / (1 - acceleration * (biasCorrection + z)));
  const levels = [level(normalQuantile(alpha / 2)), level(normalQuantile(1 - alpha / 2))];
  if (!levels.every(Number.isFinite)) return void 0;
  return {
    low: quantileSorted(sorted2, levels[0]),
    high: quantileSorted(sorted2, levels[1]),
    biasCorrection,
    acceleration,
    levels
  };
}

// src/stats/bootstrap/jackknife.ts
var EXACT_LIMIT = 1e3;
var GROUPS = 200;
function pairedJackknife(kernel, prepared, seed) {
  const closedForm = prepared.leaveOneOut();
  if (closedForm) {
    const values2 = new Float64Array(closedForm.champion.length);
    for (let i = 0; i < values2.length; i++) values2[i] = closedForm.challenger[i] - closedForm.champion[i];
    return { values: values2, kind: "exact" };
  }
  const n = prepared.rowCount;
  const groups = n <= EXACT_LIMIT ? n : GROUPS;
  const groupOf = new Int32Array(n);
  if (groups === n) {
    for (let i = 0; i < n; i++) groupOf[i] = i;
  } else {
    const permutation = new Int32Array(n);
    for (let i = 0; i < n; i++) permutation[i] = i;
    const random = createRandom(seed, 4294967295);
    for (let i = n - 1; i > 0; i--) {
      const j = random.nextBelow(i + 1);
      const swap = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swap;
    }
    for (let k = 0; k < n; k++) groupOf[permutation[k]] = Math.floor(k * groups / n);
  }
  const members = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) members[groupOf[i]].push(i);
  const weights = new Uint8Array(n).fill(1);
  const out = new Float64Array(2);
  const values = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    for (const i of members[g]) weights[i] = 0;
    kernel.evaluate(prepared.state, weights, out);
    values[g] = out[1] - out[0];
    for (const i of members[g]) weights[i] = 1;
  }
  return { values, kind: groups === n ? "exact" : "grouped" };
}

// src/stats/bootstrap/percentile-interval.ts
function percentileInterval(sorted2, confidence) {
  const alpha = 1 - confidence;
  return { low: quantileSorted(sorted2, alpha / 2), high: quantileSorted(sorted2, 1 - alpha / 2) };
}

// src/stats/bootstrap/paired-bootstrap.ts
var DEFAULT_RESAMPLES = 2e3;
var DEFAULT_SEED = 20240229;
var DEFAULT_CONFIDENCE = 0.95;
var WORKER_THRESHOLD = 2e7;
async function pairedBootstrap(champion, challenger, options, helpers) {
  const setup = prepare(champion, challenger, options);
  const callerRuns = options.callerRuns ?? true;
  const threads = helpers ? Math.max(1, Math.floor(options.threads ?? helpers.available)) : 1;
  const workerCount = callerRuns ? threads - 1 : threads;
  const worthIt = options.threads !== void 0 || setup.prepared.rowCount * setup.resamples >= WORKER_THRESHOLD;
  const useWorkers = workerCount > 0 && worthIt;
  const job = createJob(setup, useWorkers);
  const workers = useWorkers ? helpers.start(job, workerCount) : [];
  const jackknife = pairedJackknife(setup.kernel, setup.prepared, setup.seed);
  const ranHere = callerRuns || !useWorkers ? runClaimedChunks(job, setup.kernel) : 0;
  const outcomes = await Promise.all(workers);
  const finishedHere = finishMissingChunks(job, setup.kernel);
  const threadsUsed = (ranHere + finishedHere > 0 ? 1 : 0) + outcomes.filter((outcome) => outcome.chunks > 0).length;
  const workerError = outcomes.find((outcome) => outcome.error)?.error;
  return summarize2(setup, job.values, jackknife, threadsUsed, workerError);
}
function pairedBootstrapSync(champion, challenger, options) {
  const setup = prepare(champion, challenger, options);
  const job = createJob(setup, false);
  const jackknife = pairedJackknife(setup.kernel, setup.prepared, setup.seed);
  runClaimedChunks(job, setup.kernel);
  return summarize2(setup, job.values, jackknife, 1, void 0);
}
function prepare(champion, challenger, options) {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const method = options.method ?? "bca";
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  requireSameRows(champion, challenger);
  const { definition } = findMetric(options.metric, champion.task);
  const kernelId = { metric: options.metric, task: champion.task };
  const kernel = kernelFor(kernelId);
  const prepared = kernel.prepare(
    champion,
    challenger,
    resolveMetricOptions(options.metricOptions),
    options.cache ?? createPreparationCache()
  );
  return {
    metric: options.metric,
    direction: definition.direction,
    kernelId,
    kernel,
    prepared,
    resamples,
    seed,
    confidence,
    method
  };
}
function requireSameRows(champion, challenger) {
  if (champion.task !== challenger.task) {
    throw new UserError(
      `the champion is a ${champion.task} model but the challenger is ${challenger.task}; both must solve the same task.`
    );
  }
  const a = champion.task === "regression" ? champion.targets : champion.labels;
  const b = challenger.task === "regression" ? challenger.targets : challenger.labels;
  if (rowCount(champion) !== rowCount(challenger)) {
    throw new UserError(
      `the champion has ${rowCount(champion)} held-out rows but the challenger ${rowCount(challenger)}; evaluate both on the same held-out file.`
    );
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) {
      throw new UserError(
        `the champion's and the challenger's labels differ at row ${i} (0-based); a paired comparison needs both models scored on the same rows in the same order.`
      );
    }
  }
}
function createJob(setup, shared) {
  const chunkSize = GROUP_LANES * Math.max(1, Math.min(4, Math.ceil(setup.resamples / 64 / GROUP_LANES)));
  const chunks = Math.ceil(setup.resamples / chunkSize);
  const int32 = (length) => shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length);
  return {
    kernel: setup.kernelId,
    // The state is copied into each worker (structured clone, ~15 MB for a million rows): V8
    // compiled the passes about 2x slower over SharedArrayBuffer-backed arrays in a worker.
    state: setup.prepared.state,
    rowCount: setup.prepared.rowCount,
    seed: setup.seed,
    resamples: setup.resamples,
    chunkSize,
    nextChunk: int32(1),
    chunkDone: int32(chunks),
    values: shared ? new Float64Array(new SharedArrayBuffer(16 * setup.resamples)) : new Float64Array(2 * setup.resamples)
  };
}
function finishMissingChunks(job, kernel) {
  let scratch2;
  let ran = 0;
  for (let chunk = 0; chunk < chunkCount(job); chunk++) {
    if (Atomics.load(job.chunkDone, chunk) === 1) continue;
    scratch2 ??= createScratch(job, kernel);
    runChunk(job, kernel, chunk, scratch2);
    ran++;
  }
  return ran;
}
function summarize2(setup, values, jackknife, threadsUsed, workerError) {
  const [champion, challenger] = setup.prepared.full;
  const delta = challenger - champion;
  const deltas = [];
  for (let r = 0; r < setup.resamples; r++) {
    const difference = values[2 * r + 1] - values[2 * r];
    if (Number.isFinite(difference)) deltas.push(difference);
  }
  const sorted2 = Float64Array.from(deltas).sort();
  const base = {
    metric: setup.metric,
    direction: setup.direction,
    champion,
    challenger,
    delta,
    confidence: setup.confidence,
    resamples: setup.resamples,
    undefinedResamples: setup.resamples - sorted2.length,
    seed: setup.seed,
    jackknife: jackknife.kind,
    threadsUsed,
    ...workerError ? { workerError } : {}
  };
  if (!Number.isFinite(delta) || sorted2.length < 2) {
    return {
      ...base,
      ciLow: NaN,
      ciHigh: NaN,
      method: setup.method,
      standardError: NaN,
      percentile: { low: NaN, high: NaN },
      note: !Number.isFinite(delta) ? `${setup.metric} is undefined on the held-out rows for ${Number.isFinite(champion) ? "the challenger" : "the champion"}` : `${setup.metric} was undefined in all but ${sorted2.length} of ${setup.resamples} resamples`
    };
  }
  const percentile = percentileInterval(sorted2, setup.confidence);
  const bca = bcaInterval(sorted2, delta, jackknife.values, setup.confidence);
  const standardError = standardDeviation(sorted2);
  const useBca = setup.method === "bca" && bca !== void 0;
  return {
    ...base,
    ciLow: useBca ? bca.low : percentile.low,
    ciHigh: useBca ? bca.high : percentile.high,
    method: useBca ? "bca" : "percentile",
    standardError,
    percentile,
    ...bca ? { bca: { low: bca.low, high: bca.high, biasCorrection: bca.biasCorrection, acceleration: bca.acceleration } } : {},
    ...setup.method === "bca" && !bca ? {
      note: "BCa is undefined here (every resampled difference lies on one side of the observed one); the percentile interval is reported"
    } : {}
  };
}
function standardDeviation(values) {
  let mean2 = 0;
  for (const value2 of values) mean2 += value2;
  mean2 /= values.length;
  let squares = 0;
  for (const value2 of values) squares += (value2 - mean2) * (value2 - mean2);
  return Math.sqrt(squares / (values.length - 1));
}

// src/threads/bootstrap-threads.ts
import { availableParallelism as availableParallelism2 } from "node:os";
var ENTRY = { bundled: "bootstrap-worker", source: new URL("./bootstrap-worker.ts", import.meta.url) };
var bootstrapThreads = {
  available: availableParallelism2(),
  start: (job, count) => Array.from({ length: count }, () => runWorker(job))
};
async function runWorker(job) {
  const worker = await startWorker(ENTRY, job);
  if (!worker) return { chunks: 0, error: "no worker thread could be started" };
  return new Promise((resolve11) => {
    let chunks = 0;
    let error;
    worker.on("message", (message) => chunks = message.chunks);
    worker.on("error", (caught) => error = caught instanceof Error ? caught.message : String(caught));
    worker.on("exit", () => resolve11(error ? { chunks, error } : { chunks }));
  });
}

// src/stats/tests/delong.ts
function delongTest(champion, challenger, options = {}) {
  const confidence = options.confidence ?? 0.95;
  checkBinary(champion, void 0, options.cache);
  checkBinary(challenger, void 0, options.cache);
  const labels2 = champion.labels;
  if (challenger.labels.length !== labels2.length || challenger.labels.some((label, i) => label !== labels2[i])) {
    throw new UserError(
      "DeLong's test needs both models scored on the same rows with the same labels, in the same order."
    );
  }
  const rankingA = rankScoresCached(labels2, champion.scores, options.cache);
  const rankingB = rankScoresCached(challenger.labels, challenger.scores, options.cache);
  const positives = rankingA.positives;
  const negatives = rankingA.negatives;
  const championAuc = positives && negatives ? rocAucFromRanking(rankingA, null) : NaN;
  const challengerAuc = positives && negatives ? rocAucFromRanking(rankingB, null) : NaN;
  const difference = challengerAuc - championAuc;
  const undefinedResult = (reason, covariance3 = [
    [NaN, NaN],
    [NaN, NaN]
  ], variance2 = NaN) => ({
    championAuc,
    challengerAuc,
    difference,
    covariance: covariance3,
    variance: variance2,
    standardError: Math.sqrt(variance2),
    z: NaN,
    pValue: NaN,
    confidence,
    ciLow: NaN,
    ciHigh: NaN,
    undefinedReason: reason
  });
  if (positives < 2 || negatives < 2) {
    return undefinedResult(
      `DeLong's test needs at least 2 positives and 2 negatives (got ${positives} and ${negatives})`
    );
  }
  const placementsA = aucPlacements(rankingA);
  const placementsB = aucPlacements(rankingB);
  const positiveCovariance = covariance2(placementsA, placementsB, labels2, 1);
  const negativeCovariance = covariance2(placementsA, placementsB, labels2, 0);
  const s = [0, 1, 2].map((k) => positiveCovariance[k] / positives + negativeCovariance[k] / negatives);
  const covariance = [
    [s[0], s[1]],
    [s[1], s[2]]
  ];
  const variance = s[0] + s[2] - 2 * s[1];
  if (!(variance > 0)) {
    return undefinedResult(
      "the AUC difference has zero variance (the two models rank every positive-negative pair the same way)",
      covariance,
      variance
    );
  }
  const standardError = Math.sqrt(variance);
  const z = difference / standardError;
  const half = normalQuantile(1 - (1 - confidence) / 2) * standardError;
  return {
    championAuc,
    challengerAuc,
    difference,
    covariance,
    variance,
    standardError,
    z,
    pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))),
    confidence,
    ciLow: difference - half,
    ciHigh: difference + half
  };
}
function covariance2(a, b, labels2, label) {
  let count = 0;
  let aa = 0;
  let ab = 0;
  let bb = 0;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < labels2.length; i++) {
    if (labels2[i] !== label) continue;
    sumA += a[i];
    sumB += b[i];
    count++;
  }
  const centerA = sumA / count;
  const centerB = sumB / count;
  for (let i = 0; i < labels2.length; i++) {
    if (labels2[i] !== label) continue;
    const da = a[i] - centerA;
    const db = b[i] - centerB;
    aa += da * da;
    ab += da * db;
    bb += db * db;
  }
  return [aa / (count - 1), ab / (count - 1), bb / (count - 1)];
}

// src/stats/distributions/binomial.ts
var LN_2PI = 1.8378770664093456;
var STIRLING_ERRORS = [
  0,
  0.08106146679532726,
  0.0413406959554093,
  0.02767792568499834,
  0.020790672103765093,
  0.016644691189821193,
  0.013876128823070748,
  0.01189670994589177,
  0.010411265261972096,
  0.009255462182712733,
  0.00833056343336287,
  0.007573675487951841,
  0.00694284010720953,
  0.006408994188004207,
  0.0059513701127588475,
  0.005554733551962801
];
function stirlingError(n) {
  if (n <= 15) return STIRLING_ERRORS[n];
  const nn = n * n;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}
function deviance(x, m) {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1e3; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}
function binomialPmf(k, n, p) {
  if (k < 0 || k > n || !Number.isInteger(k)) return 0;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q));
  }
  if (k === n) return Math.exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p));
  const logCore = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  const logFactor = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(logCore - 0.5 * logFactor);
}
function binomialCdf(k, n, p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let term = binomialPmf(k, n, p);
  let sum = term;
  const ratio = (1 - p) / p;
  for (let j = k; j > 0 && term > sum * 1e-17; j--) {
    term *= j / (n - j + 1) * ratio;
    sum += term;
  }
  return Math.min(1, sum);
}

// src/stats/tests/mcnemar.ts
function mcnemarFromCounts(b, c) {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`discordant counts must be non-negative integers, got b = ${b}, c = ${c}`);
  }
  const n = b + c;
  if (n === 0 || b === c) return { b, c, pValue: 1, midP: 1 };
  const k = Math.min(b, c);
  const tail = binomialCdf(k, n, 0.5);
  return { b, c, pValue: Math.min(1, 2 * tail), midP: Math.min(1, 2 * tail - binomialPmf(k, n, 0.5)) };
}
function mcnemarTest(championCorrect, challengerCorrect) {
  if (championCorrect.length !== challengerCorrect.length) {
    throw new UserError(
      `McNemar's test needs both models scored on the same rows (got ${championCorrect.length} and ${challengerCorrect.length}).`
    );
  }
  let b = 0;
  let c = 0;
  for (let i = 0; i < championCorrect.length; i++) {
    if (championCorrect[i] && !challengerCorrect[i]) b++;
    else if (!championCorrect[i] && challengerCorrect[i]) c++;
  }
  return mcnemarFromCounts(b, c);
}

// src/stats/metrics/row-correctness.ts
function rowCorrectness(data, options) {
  if (data.task === "binary") {
    checkBinary(data);
    const { threshold } = resolveMetricOptions(options);
    const { labels: labels2, scores } = data;
    const correct2 = new Uint8Array(labels2.length);
    for (let i = 0; i < labels2.length; i++) correct2[i] = (scores[i] >= threshold ? 1 : 0) === labels2[i] ? 1 : 0;
    return correct2;
  }
  checkMulticlass(data);
  const predicted = argmaxRows(data.probabilities, data.classCount);
  const correct = new Uint8Array(data.labels.length);
  for (let i = 0; i < correct.length; i++) correct[i] = predicted[i] === data.labels[i] ? 1 : 0;
  return correct;
}

// src/stats/tests/smallest-detectable-difference.ts
function smallestDetectableDifference(standardError, options = {}) {
  const confidence = options.confidence ?? 0.95;
  const power = options.power ?? 0.8;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  return (normalQuantile(1 - (1 - confidence) / 2) + normalQuantile(power)) * standardError;
}

// src/gate/verdict.ts
function decideVerdict(primary, guardrails2, minImprovement) {
  const sign = primary.direction === "higher" ? 1 : -1;
  const a = sign * primary.ciLow;
  const b = sign * primary.ciHigh;
  const improvementLow = Math.min(a, b);
  const improvementHigh = Math.max(a, b);
  const failed = guardrails2.filter((g) => g.status === "fail");
  const decided2 = (verdict2, reasons) => ({
    verdict: verdict2,
    improvementLow,
    improvementHigh,
    reasons
  });
  const { metric, confidence } = primary;
  if (!Number.isFinite(improvementLow) || !Number.isFinite(improvementHigh))
    return decided2("inconclusive", [{ code: "interval-not-computed", metric, confidence }]);
  if (failed.length)
    return decided2(
      "reject",
      failed.map((g) => ({ code: "guardrail-failed", guardrail: g.name, finding: g.finding }))
    );
  const interval3 = { metric, confidence, low: improvementLow, high: improvementHigh };
  if (improvementLow > minImprovement)
    return decided2("promote", [
      minImprovement < 0 ? { code: "challenger-non-inferior", ...interval3, margin: minImprovement } : { code: "challenger-better", ...interval3, threshold: minImprovement }
    ]);
  if (improvementHigh < Math.min(0, minImprovement))
    return decided2("reject", [{ code: "challenger-worse", ...interval3, threshold: Math.min(0, minImprovement) }]);
  return decided2("inconclusive", [{ code: "no-reliable-difference", ...interval3, threshold: minImprovement }]);
}
function decideFirstModel(values, floors) {
  const results = Object.entries(floors).map(([metric, floor]) => {
    const v = values[metric];
    if (!v || !Number.isFinite(v.value)) {
      return {
        name: `min_value.${metric}`,
        status: "fail",
        limit: floor,
        finding: { code: "floor-not-computed", metric, floor }
      };
    }
    const ok = v.direction === "higher" ? v.value >= floor : v.value <= floor;
    return {
      name: `min_value.${metric}`,
      status: ok ? "pass" : "fail",
      challenger: v.value,
      limit: floor,
      finding: {
        code: ok ? "metric-meets-floor" : "metric-misses-floor",
        metric,
        value: v.value,
        floor,
        direction: v.direction
      }
    };
  });
  const missed = results.map((r) => r.finding).filter((f) => isFloorMiss(f));
  const reasons = missed.length ? missed : [{ code: results.length ? "first-model-floors-hold" : "first-model-no-floors" }];
  return { verdict: missed.length ? "reject" : "promote", reasons, floors: results };
}
function isFloorMiss(f) {
  return f.code === "metric-misses-floor" || f.code === "floor-not-computed";
}

// src/gate/latency.ts
function judgeLatency(samples, limit, confidence = 0.99) {
  const rounds = Math.min(samples.champion.length, samples.challenger.length);
  if (rounds < 5) throw new Error("latency needs at least 5 interleaved rounds");
  const ratios = Array.from(
    { length: rounds },
    (_, i) => samples.challenger[i] / Math.max(samples.champion[i], 1e-9)
  ).sort((a, b) => a - b);
  const [lo, hi] = medianRankInterval(rounds, confidence);
  const ratioLow = ratios[lo];
  const ratioHigh = ratios[hi];
  const medianRatio = quantileSorted(ratios, 0.5);
  const failed = ratioLow > limit;
  const j = {
    championMedianMs: quantileSorted(sorted(samples.champion), 0.5),
    championP95Ms: quantileSorted(sorted(samples.champion), 0.95),
    challengerMedianMs: quantileSorted(sorted(samples.challenger), 0.5),
    challengerP95Ms: quantileSorted(sorted(samples.challenger), 0.95)
  };
  const microsPerRow = (ms2) => ms2 / samples.rowsPerBatch * 1e3;
  return {
    ...j,
    medianRatio,
    ratioLow,
    ratioHigh,
    limit,
    failed,
    finding: {
      code: "latency-median-ratio",
      ratio: medianRatio,
      low: ratioLow,
      high: ratioHigh,
      rounds,
      confidence,
      limit,
      exceeds: failed,
      challengerMicrosPerRow: microsPerRow(j.challengerMedianMs),
      championMicrosPerRow: microsPerRow(j.championMedianMs)
    }
  };
}
function sorted(values) {
  return [...values].sort((a, b) => a - b);
}
function medianRankInterval(n, confidence) {
  const alpha = 1 - confidence;
  let cumulative = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const next = cumulative + binomialHalf(n, i);
    if (next > alpha / 2) break;
    cumulative = next;
    k = i + 1;
  }
  if (k === 0) return [0, n - 1];
  return [k - 1, n - k];
}
function binomialHalf(n, k) {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logChoose - n * Math.LN2);
}

// src/gate/decision-rules.ts
function primaryUndefinedReason(metric, holdoutName, challenger, champion) {
  if (Number.isFinite(challenger[metric]?.value) && Number.isFinite(champion[metric]?.value)) return void 0;
  const why = challenger[metric]?.undefinedReason ?? champion[metric]?.undefinedReason ?? "undefined";
  return { code: "primary-metric-undefined", metric, holdout: holdoutName, why };
}
function sizeGuardrails(g, challengerBytes, championBytes) {
  const out = [];
  if (g.max_size_mb !== void 0) {
    const mb = challengerBytes / 1e6;
    out.push({
      name: "max_size_mb",
      status: mb <= g.max_size_mb ? "pass" : "fail",
      champion: championBytes / 1e6,
      challenger: mb,
      unit: "MB",
      limit: g.max_size_mb,
      finding: { code: "size-mb", megabytes: mb }
    });
  }
  if (g.max_size_ratio !== void 0) {
    const ratio = challengerBytes / Math.max(1, championBytes);
    out.push({
      name: "max_size_ratio",
      status: ratio <= g.max_size_ratio ? "pass" : "fail",
      limit: g.max_size_ratio,
      finding: { code: "size-ratio", ratio }
    });
  }
  return out;
}
function metricMarginGuardrails(task, g, challenger, champion, directionOf) {
  const margins = task === "binary" ? { ece: g.ece_margin, brier: g.brier_margin, ...g.metrics } : { ...g.metrics };
  return Object.entries(margins).map(([name, margin]) => {
    const direction = directionOf(name);
    const after = challenger[name]?.value;
    const before = champion[name]?.value;
    if (!direction || after === void 0 || before === void 0 || !Number.isFinite(after) || !Number.isFinite(before)) {
      return {
        name: `${name} not worse by more than ${margin}`,
        status: "fail",
        limit: margin,
        finding: { code: direction ? "metric-not-computed" : "unknown-metric", metric: name }
      };
    }
    const worsening = direction === "higher" ? before - after : after - before;
    return {
      name: `${name} not worse by more than ${margin}`,
      status: worsening <= margin ? "pass" : "fail",
      champion: before,
      challenger: after,
      limit: margin,
      finding: worsening <= 0 ? { code: "metric-not-worse", metric: name } : { code: "metric-worse-by", metric: name, worsening }
    };
  });
}
function failingSliceGuardrail(slice, metric, margin) {
  const finding = { code: "slice-worse", metric, delta: slice.delta, rows: slice.rows, margin };
  return { name: `slice ${slice.column}=${slice.value}`, status: "fail", finding };
}
function sliceStatus(slice, direction, minRows, margin) {
  if (slice.rows < minRows || slice.ciLow === void 0 || slice.ciHigh === void 0) return "not-gated";
  const sign = direction === "higher" ? 1 : -1;
  const worstPlausible = Math.max(sign * slice.ciLow, sign * slice.ciHigh);
  return worstPlausible < -margin ? "fail" : "pass";
}

// src/gate/slices.ts
var SLICE_RESAMPLES = 500;
var MAX_NUMERIC_SLICES = 20;
function judgeSlices(model, columns, metric, challenger, champion, options) {
  const rows = [];
  const warnings = [];
  const direction = METRICS.get(metric).direction;
  const { min_slice_size: minRows, slice_margin: margin, seed, confidence } = model.evaluate;
  for (const column of columns) {
    const groups = groupRows(column);
    if (column.kind === "numeric" && groups.size > MAX_NUMERIC_SLICES) {
      warnings.push({ code: "slice-column-too-many-values", column: column.name, distinct: groups.size });
      continue;
    }
    for (const [value2, indices] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      const slicedChallenger = subset(challenger, indices);
      const slicedChampion = subset(champion, indices);
      const after = computeMetric(metric, slicedChallenger, options).value;
      const before = computeMetric(metric, slicedChampion, options).value;
      const gated = indices.length >= minRows && Number.isFinite(after) && Number.isFinite(before);
      const interval3 = gated ? pairedBootstrapSync(slicedChampion, slicedChallenger, {
        metric,
        metricOptions: options,
        resamples: SLICE_RESAMPLES,
        seed,
        confidence,
        method: "percentile",
        threads: 1
      }) : void 0;
      rows.push({
        column: column.name,
        value: value2,
        rows: indices.length,
        champion: Number.isFinite(before) ? before : void 0,
        challenger: Number.isFinite(after) ? after : void 0,
        delta: Number.isFinite(after - before) ? after - before : void 0,
        gated,
        status: gated ? sliceStatus(
          { rows: indices.length, ciLow: interval3?.ciLow, ciHigh: interval3?.ciHigh },
          direction,
          minRows,
          margin
        ) : "not-gated"
      });
    }
  }
  return { rows, warnings };
}
function groupRows(column) {
  const groups = /* @__PURE__ */ new Map();
  const n = column.kind === "categorical" ? column.codes.length : column.values.length;
  for (let i = 0; i < n; i++) {
    const key = column.kind === "categorical" ? column.codes[i] < 0 ? "(missing)" : column.categories[column.codes[i]] : Number.isNaN(column.values[i]) ? "(missing)" : String(column.values[i]);
    let group = groups.get(key);
    if (!group) groups.set(key, group = []);
    group.push(i);
  }
  return groups;
}
function subset(data, indices) {
  const pick2 = (a) => Float64Array.from(indices, (i) => a[i]);
  if (data.task === "binary") return { ...data, labels: pick2(data.labels), scores: pick2(data.scores) };
  if (data.task === "regression") return { ...data, targets: pick2(data.targets), predictions: pick2(data.predictions) };
  const c = data.classCount;
  const probabilities = new Float64Array(indices.length * c);
  indices.forEach((row, j) => probabilities.set(data.probabilities.subarray(row * c, row * c + c), j * c));
  return { ...data, labels: pick2(data.labels), probabilities };
}

// src/gate/confusion.ts
function confusionOf(labels2, challenger, champion, threshold, classes) {
  if (challenger.task === "regression") return void 0;
  const size = challenger.task === "binary" ? 2 : challenger.classCount;
  const matrix = (data) => {
    const m = Array.from({ length: size }, () => new Array(size).fill(0));
    if (data.task === "binary") {
      for (let i = 0; i < labels2.length; i++) m[labels2[i]][data.scores[i] >= threshold ? 1 : 0]++;
    } else if (data.task === "multiclass") {
      const predicted = argmaxRows(data.probabilities, data.classCount);
      for (let i = 0; i < labels2.length; i++) if (labels2[i] < data.classCount) m[labels2[i]][predicted[i]]++;
    }
    return m;
  };
  return {
    labels: Array.from({ length: size }, (_, i) => classes?.[i] ?? String(i)),
    challenger: matrix(challenger),
    champion: champion && matrix(champion)
  };
}

// src/gate/judge-holdout.ts
async function judgeHoldout(model, metric, scored, bytes) {
  const options = { threshold: model.evaluate.threshold };
  const { challenger, champion } = scored;
  const warnings = scored.missingSliceColumns.map((column) => ({ code: "slice-column-missing", column }));
  const cache = createPreparationCache();
  const challengerMetrics = computeAllMetrics(challenger, options, cache);
  const championMetrics = champion ? computeAllMetrics(champion, options, cache) : void 0;
  const metrics = Object.entries(challengerMetrics).map(([name, value2]) => {
    const before = championMetrics?.[name];
    return {
      name,
      direction: METRICS.get(name).direction,
      challenger: value2.value,
      champion: before?.value,
      delta: before ? value2.value - before.value : void 0,
      undefinedReason: value2.undefinedReason ?? before?.undefinedReason
    };
  });
  const evaluation = {
    name: scored.name,
    files: scored.files,
    rows: scored.rows,
    positives: model.task === "binary" ? scored.labels.reduce((n, v) => n + v, 0) : void 0,
    metrics,
    guardrails: [],
    slices: [],
    confusion: confusionOf(scored.labels, challenger, champion, model.evaluate.threshold, scored.classes)
  };
  if (!champion || !championMetrics) {
    const values = Object.fromEntries(metrics.map((m) => [m.name, { value: m.challenger, direction: m.direction }]));
    const first = decideFirstModel(values, model.evaluate.min_value);
    evaluation.guardrails = first.floors;
    evaluation.decision = { verdict: first.verdict, improvementLow: NaN, improvementHigh: NaN, reasons: first.reasons };
    return { evaluation, warnings };
  }
  const undefinedPrimary = primaryUndefinedReason(metric, scored.name, challengerMetrics, championMetrics);
  if (undefinedPrimary) {
    evaluation.decision = {
      verdict: "inconclusive",
      improvementLow: NaN,
      improvementHigh: NaN,
      reasons: [undefinedPrimary]
    };
    return { evaluation, warnings: [...warnings, undefinedPrimary] };
  }
  const paired = await pairedBootstrap(
    champion,
    challenger,
    {
      metric,
      metricOptions: options,
      resamples: model.evaluate.resamples,
      seed: model.evaluate.seed,
      confidence: model.evaluate.confidence,
      cache
    },
    bootstrapThreads
  );
  evaluation.paired = {
    metric,
    delta: paired.delta,
    ciLow: paired.ciLow,
    ciHigh: paired.ciHigh,
    method: paired.method === "bca" ? "BCa" : "percentile",
    resamples: paired.resamples,
    seed: paired.seed,
    confidence: paired.confidence,
    standardError: paired.standardError,
    detectable: smallestDetectableDifference(paired.standardError, { confidence: model.evaluate.confidence })
  };
  if (challenger.task === "binary" && champion.task === "binary") {
    const delong = delongTest(champion, challenger, { confidence: model.evaluate.confidence, cache });
    if (!delong.undefinedReason) {
      evaluation.delong = {
        aucChampion: delong.championAuc,
        aucChallenger: delong.challengerAuc,
        delta: delong.difference,
        z: delong.z,
        pValue: delong.pValue,
        ciLow: delong.ciLow,
        ciHigh: delong.ciHigh
      };
    }
  }
  if (challenger.task !== "regression" && champion.task !== "regression") {
    const m = mcnemarTest(rowCorrectness(champion, options), rowCorrectness(challenger, options));
    evaluation.mcnemar = { championOnlyCorrect: m.b, challengerOnlyCorrect: m.c, pExact: m.pValue, pMidP: m.midP };
  }
  evaluation.guardrails = guardrails(model, scored.latency, bytes, challengerMetrics, championMetrics);
  const slices = judgeSlices(model, scored.sliceColumns, metric, challenger, champion, options);
  evaluation.slices = slices.rows;
  const failingSlices = slices.rows.filter((s) => s.status === "fail").map((s) => failingSliceGuardrail({ ...s, delta: s.delta }, metric, model.evaluate.slice_margin));
  evaluation.decision = decideVerdict(
    {
      metric,
      direction: METRICS.get(metric).direction,
      champion: paired.champion,
      challenger: paired.challenger,
      delta: paired.delta,
      ciLow: paired.ciLow,
      ciHigh: paired.ciHigh,
      confidence: paired.confidence
    },
    [...evaluation.guardrails, ...failingSlices],
    model.evaluate.min_improvement
  );
  return { evaluation, warnings: [...warnings, ...slices.warnings] };
}
function guardrails(model, latency2, bytes, challengerMetrics, championMetrics) {
  const g = model.evaluate.guardrails;
  const out = [];
  if (latency2) {
    const limit = g.latency_p95_ratio ?? g.latency_median_ratio;
    const judged = judgeLatency(latency2, limit);
    out.push({
      name: "latency_median_ratio",
      status: judged.failed ? "fail" : "pass",
      champion: judged.championMedianMs,
      challenger: judged.challengerMedianMs,
      unit: `ms per batch of ${latency2.rowsPerBatch} rows (median)`,
      limit,
      finding: judged.finding
    });
  }
  if (bytes.champion !== void 0) out.push(...sizeGuardrails(g, bytes.challenger, bytes.champion));
  out.push(
    ...metricMarginGuardrails(
      model.task,
      g,
      challengerMetrics,
      championMetrics,
      (name) => METRICS.get(name)?.direction
    )
  );
  return out;
}

// src/model/onnx-safety.ts
var BUILT_IN_DOMAINS = /* @__PURE__ */ new Set(["", "ai.onnx", "ai.onnx.ml", "com.microsoft", "ai.onnx.preview.training"]);
function onnxSafetyProblems(bytes) {
  const problems = [];
  const localFunctionDomains = /* @__PURE__ */ new Set();
  const nodeDomains = [];
  const opsetDomains = [];
  try {
    let sawGraph = false;
    for (const f of readFields(bytes)) {
      if (f.wireType !== 2) continue;
      if (f.field === 7) {
        sawGraph = true;
        walkGraph(f.value, "graph", problems, nodeDomains);
      } else if (f.field === 8) opsetDomains.push(opsetDomain(f.value));
      else if (f.field === 25) localFunctionDomains.add(walkFunction(f.value, problems, nodeDomains));
    }
    if (!sawGraph) return [{ kind: "not-onnx", detail: "no graph: not an ONNX model" }];
  } catch (error) {
    if (error instanceof ProtoDecodeError)
      return [{ kind: "not-onnx", detail: `not a valid ONNX protobuf (${error.message})` }];
    throw error;
  }
  const allowed = (domain) => BUILT_IN_DOMAINS.has(domain) || localFunctionDomains.has(domain);
  const seen = /* @__PURE__ */ new Set();
  for (const { domain, opType } of nodeDomains) {
    if (allowed(domain) || seen.has(domain)) continue;
    seen.add(domain);
    problems.push({
      kind: "custom-domain",
      detail: `operator ${JSON.stringify(opType)} is in the custom domain ${JSON.stringify(domain)}, which onnxruntime runs only with a custom-op library`
    });
  }
  for (const domain of opsetDomains) {
    if (allowed(domain) || seen.has(domain)) continue;
    seen.add(domain);
    problems.push({
      kind: "custom-domain",
      detail: `the model imports the custom operator set ${JSON.stringify(domain)}`
    });
  }
  return problems;
}
function walkGraph(bytes, where, problems, nodes) {
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) walkNode(f.value, where, problems, nodes);
    else if (f.field === 5) checkTensor(f.value, `${where} initializer`, problems);
    else if (f.field === 15) walkSparse(f.value, `${where} sparse initializer`, problems);
  }
}
function walkNode(bytes, where, problems, nodes) {
  let domain = "";
  let opType = "";
  const attributes = [];
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 4) opType = decodeUtf8Lenient(f.value);
    else if (f.field === 7) domain = decodeUtf8Lenient(f.value);
    else if (f.field === 5) attributes.push(f.value);
  }
  nodes.push({ domain, opType });
  for (const attribute of attributes) {
    for (const f of readFields(attribute)) {
      if (f.wireType !== 2) continue;
      const at = `${where} > ${opType} attribute`;
      if (f.field === 5 || f.field === 10) checkTensor(f.value, at, problems);
      else if (f.field === 6 || f.field === 11) walkGraph(f.value, `${where} > ${opType} subgraph`, problems, nodes);
      else if (f.field === 22 || f.field === 23) walkSparse(f.value, at, problems);
    }
  }
}
function walkFunction(bytes, problems, nodes) {
  let domain = "";
  let name = "";
  const body = [];
  for (const f of readFields(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) name = decodeUtf8Lenient(f.value);
    else if (f.field === 7) body.push(f.value);
    else if (f.field === 10) domain = decodeUtf8Lenient(f.value);
  }
  for (const node of body) walkNode(node, `function ${name}`, problems, nodes);
  return domain;
}
function walkSparse(bytes, where, problems) {
  for (const f of readFields(bytes))
    if (f.wireType === 2 && (f.field === 1 || f.field === 2)) checkTensor(f.value, where, problems);
}
function checkTensor(bytes, where, problems) {
  let name = "";
  let external = false;
  let location = "";
  for (const f of readFields(bytes)) {
    if (f.field === 8 && f.wireType === 2) name = decodeUtf8Lenient(f.value);
    else if (f.field === 14 && f.wireType === 0 && f.value === 1n) external = true;
    else if (f.field === 13 && f.wireType === 2) {
      external = true;
      let key = "";
      let value2 = "";
      for (const entry of readFields(f.value)) {
        if (entry.wireType !== 2) continue;
        if (entry.field === 1) key = decodeUtf8Lenient(entry.value);
        else if (entry.field === 2) value2 = decodeUtf8Lenient(entry.value);
      }
      if (key === "location") location = value2;
    }
  }
  if (external) {
    problems.push({
      kind: "external-data",
      detail: `${where} ${JSON.stringify(name)} keeps its data in an external file${location ? ` (${JSON.stringify(location)})` : ""}`
    });
  }
}
function opsetDomain(bytes) {
  for (const f of readFields(bytes)) if (f.field === 1 && f.wireType === 2) return decodeUtf8Lenient(f.value);
  return "";
}

// src/gate/evaluate-model.ts
import { readFile as readFile5 } from "node:fs/promises";
var DEFAULT_PRIMARY = { binary: "roc_auc", multiclass: "log_loss", regression: "rmse" };
async function evaluateModel(input) {
  const { model, challenger, champion } = input;
  const metric = model.evaluate.metric ?? DEFAULT_PRIMARY[model.task];
  const warnings = [];
  if (model.evaluate.guardrails.latency_p95_ratio !== void 0)
    warnings.push({ code: "latency-p95-ratio-renamed", model: model.name });
  const base = {
    model: model.name,
    task: model.task,
    metric,
    direction: METRICS.get(metric)?.direction ?? "higher",
    kind: champion ? "compared" : "first-model",
    reasons: [],
    warnings,
    errors: [],
    challenger: {
      label: challenger.label,
      sha256: challenger.sha256,
      bytes: challenger.bytes,
      commit: challenger.commit
    },
    champion: champion && {
      label: champion.label,
      sha256: champion.sha256,
      bytes: champion.bytes,
      commit: champion.commit
    },
    holdouts: [],
    seed: model.evaluate.seed,
    resamples: model.evaluate.resamples,
    confidence: model.evaluate.confidence,
    minImprovement: model.evaluate.min_improvement
  };
  if (champion && champion.sha256 === challenger.sha256)
    return { ...base, kind: "unchanged", reasons: [{ code: "challenger-is-champion" }] };
  const holdouts = [];
  let handles = {};
  try {
    findMetric(metric, model.task, `models.${model.name}.evaluate.metric`);
    await refuseUnsafeOnnx(challenger, model.artifact);
    handles = {
      challenger: await loadModel(challenger.path),
      champion: champion ? await loadModel(champion.path) : void 0
    };
    for (const holdout of input.holdouts) {
      input.log(`evaluate: ${model.name} on ${holdout.name} (${holdout.paths.length} file(s))`);
      const scored = await scoreHoldout(
        model,
        holdout,
        {
          challenger: { label: challenger.label, handle: handles.challenger },
          champion: champion && { label: champion.label, handle: handles.champion }
        },
        input.latencyRounds
      );
      const judged = await judgeHoldout(model, metric, scored, {
        challenger: challenger.bytes,
        champion: champion?.bytes
      });
      holdouts.push(judged.evaluation);
      warnings.push(...judged.warnings);
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { ...base, holdouts, kind: "error", verdict: void 0, errors: [error.message] };
  } finally {
    await Promise.all([
      handles.challenger && closeModel(handles.challenger),
      handles.champion && closeModel(handles.champion)
    ]);
  }
  const verdict2 = combineVerdicts(holdouts.map((h) => h.decision?.verdict ?? "inconclusive"));
  const reasons = holdouts.flatMap(
    (h) => (h.decision?.reasons ?? []).map((r) => holdouts.length > 1 ? { ...r, judgedOn: h.name } : r)
  );
  return { ...base, holdouts, verdict: verdict2, reasons };
}
async function refuseUnsafeOnnx(artifact, path) {
  const problems = onnxSafetyProblems(await readFile5(artifact.path));
  if (problems.length === 0) return;
  if (problems.some((p) => p.kind === "not-onnx")) {
    throw new UserError(
      `${artifact.label}: ${path} is not an ONNX model this check can read completely (${problems.map((p) => p.detail).join("; ")}), so it is not loaded. Commit the file your exporter wrote (onnx.save, torch.onnx.export, skl2onnx), whole.`,
      { file: path }
    );
  }
  throw new UserError(
    `${artifact.label}: ${path}: refusing to load this ONNX model: ${problems.map((p) => p.detail).join("; ")}. Export it self-contained (all weights inside the file, e.g. onnx.save(model, path, save_as_external_data=False)) with standard ONNX and ai.onnx.ml operators only.`,
    { file: path }
  );
}

// src/gate/holdouts.ts
import { join as join10 } from "node:path";

// src/gate/commit-tree.ts
import { mkdir as mkdir3, writeFile as writeFile4 } from "node:fs/promises";
import { createHash as createHash9 } from "node:crypto";
import { dirname as dirname6, join as join9 } from "node:path";

// src/gate/tree-paths.ts
function matchTreePaths(paths, patterns) {
  const found = /* @__PURE__ */ new Set();
  const unmatched = [];
  for (const pattern of patterns) {
    const normalized = pattern.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
    const test = isGlob(normalized) ? /* @__PURE__ */ ((re) => (path) => re.test(path))(globToRegExp(normalized)) : (path) => path === normalized || path.startsWith(`${normalized}/`);
    let any = false;
    for (const path of paths) {
      if (!test(path)) continue;
      found.add(path);
      any = true;
    }
    if (!any) unmatched.push(pattern);
  }
  return { matched: [...found].sort(comparePaths), unmatched };
}

// src/gate/commit-tree.ts
async function configAt(git, commit, relativePath) {
  const blob = await objectAt(git, commit, relativePath);
  if (blob === void 0) return void 0;
  const text2 = (await readBlob(git, blob)).toString("utf8");
  return parseConfig(text2, `${relativePath} at ${commit.slice(0, 12)}`);
}
async function holdoutAt(git, commit, model, name, files) {
  const tree = files ?? await treeFiles(git, commit);
  const { matched, unmatched } = matchTreePaths([...tree.keys()], model.data.holdout);
  if (unmatched.length) {
    throw new UserError(
      `models.${model.name}.data.holdout: "${unmatched[0]}" matches no file at ${commit.slice(0, 12)}. Commit the held-out set, or fix the path in the config.`,
      { key: `models.${model.name}.data.holdout` }
    );
  }
  return materialize(
    git,
    matched.map((p) => [p, tree.get(p)]),
    name
  );
}
async function materialize(git, blobs, name) {
  const dir = makeTempDir("holdout");
  const hashes = {};
  for (const [path, blob] of blobs) {
    if (path.startsWith("/") || path.split("/").some((segment) => segment === ".." || segment === "." || segment === "" || segment === ".git")) {
      throw new UserError(`${JSON.stringify(path)}: not a safe path inside the repository; refusing to read it.`);
    }
    const bytes = await readBlob(git, blob);
    await mkdir3(dirname6(join9(dir, path)), { recursive: true });
    await writeFile4(join9(dir, path), bytes);
    hashes[path] = createHash9("sha256").update(bytes).digest("hex");
  }
  return { name, paths: blobs.map(([p]) => join9(dir, p)), files: hashes };
}

// src/gate/holdouts.ts
async function holdoutSets(git, root, model, base, configPath, challengerCommit) {
  if (challengerCommit) return holdoutSetsForRev(git, root, model, base, configPath, challengerCommit);
  const head = await headCommit(git);
  const baseCommit = base ? await commitOf(git, base.ref) : void 0;
  const compare = base !== void 0 && baseCommit !== void 0 && baseCommit !== head;
  let paths = [];
  try {
    paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  } catch (error) {
    if (!compare || !isUserError(error)) throw error;
  }
  const { hashes } = await hashFiles(root, paths);
  const current = {
    name: "holdout",
    paths: paths.map((p) => join10(root, p)),
    files: Object.fromEntries(paths.map((p) => [p, hashes.get(p).sha256]))
  };
  if (!compare) return { sets: [current], notices: [] };
  let baseModel;
  try {
    baseModel = (await configAt(git, baseCommit, configPath))?.models.find((m) => m.name === model.name);
  } catch (error) {
    return {
      sets: [current],
      notices: [
        `the base branch ${base.name}'s ${configPath} cannot be read (${error.message.split("\n")[0]}): judged on this branch's held-out set only.`
      ]
    };
  }
  const own = (notice) => {
    if (!paths.length)
      throw new UserError(
        `models.${model.name}.data.holdout: "${model.data.holdout[0]}" matches no file, and ${notice}. Fix the path in the config.`,
        { key: `models.${model.name}.data.holdout` }
      );
    return { sets: [current], notices: [] };
  };
  if (!baseModel) return own(`the base branch ${base.name} has no model ${model.name} to fall back on`);
  const tree = await treeFiles(git, baseCommit);
  const { matched: basePaths } = matchTreePaths([...tree.keys()], baseModel.data.holdout);
  if (basePaths.length === 0) {
    if (!paths.length) own(`the base branch ${base.name} has none either`);
    return {
      sets: [current],
      notices: [
        `the base branch ${base.name} has no file matching its data.holdout (${baseModel.data.holdout.join(", ")}): judged on this branch's held-out set only.`
      ]
    };
  }
  const workingBlobs = await blobIdsOfFiles(
    git,
    paths.map((p) => join10(root, p))
  );
  const working = new Map(paths.map((p, i) => [p, workingBlobs[i]]));
  const removed = basePaths.filter((p) => !working.has(p));
  const added = paths.filter((p) => !tree.has(p) || !basePaths.includes(p));
  const edited = basePaths.filter((p) => working.has(p) && working.get(p) !== tree.get(p));
  if (!removed.length && !added.length && !edited.length) return { sets: [current], notices: [] };
  const baseSet = await materialize(
    git,
    basePaths.map((p) => [p, tree.get(p)]),
    `base holdout (${base.name})`
  );
  const sets = paths.length ? [baseSet, { ...current, name: "PR holdout" }] : [baseSet];
  return { sets, notices: [changeNotice({ removed, added, edited }, base.name, paths.length > 0)] };
}
async function holdoutSetsForRev(git, root, model, base, configPath, challengerCommit) {
  const paths = await expandPaths(root, model.data.holdout, `models.${model.name}.data.holdout`);
  const { hashes } = await hashFiles(root, paths);
  const baseName = base?.name ?? "checked out";
  const current = {
    name: "holdout",
    paths: paths.map((p) => join10(root, p)),
    files: Object.fromEntries(paths.map((p) => [p, hashes.get(p).sha256]))
  };
  let prModel;
  try {
    prModel = (await configAt(git, challengerCommit, configPath))?.models.find((m) => m.name === model.name);
  } catch (error) {
    return {
      sets: [current],
      notices: [
        `the pull request's ${configPath} cannot be read (${error.message.split("\n")[0]}): judged on the base's held-out set; its own could not be compared.`
      ]
    };
  }
  const tree = await treeFiles(git, challengerCommit);
  const prPaths = prModel ? matchTreePaths([...tree.keys()], prModel.data.holdout).matched : [];
  const baseBlobs = await blobIdsOfFiles(
    git,
    paths.map((p) => join10(root, p))
  );
  const removed = paths.filter((p) => !prPaths.includes(p));
  const added = prPaths.filter((p) => !paths.includes(p));
  const edited = paths.filter((p, i) => prPaths.includes(p) && tree.get(p) !== baseBlobs[i]);
  if (!removed.length && !added.length && !edited.length) return { sets: [current], notices: [] };
  const baseSet = { ...current, name: `base holdout (${baseName})` };
  const sets = prPaths.length ? [
    baseSet,
    await materialize(
      git,
      prPaths.map((p) => [p, tree.get(p)]),
      "PR holdout"
    )
  ] : [baseSet];
  return { sets, notices: [changeNotice({ removed, added, edited }, baseName, prPaths.length > 0)] };
}
function changeNotice(c, baseName, prSetShown) {
  const change = [
    c.removed.length ? `removes or renames ${list(c.removed)}` : "",
    c.added.length ? `adds ${list(c.added)}` : "",
    c.edited.length ? `edits ${list(c.edited)}` : ""
  ].filter(Boolean).join("; ");
  return `this pull request changes the held-out set (it ${change}): the verdict is decided on the base branch ${baseName}'s held-out set, as its config names it` + (prSetShown ? "; this branch's set is shown too and must not reject." : ".");
}
function list(paths) {
  return paths.length > 3 ? `${paths.slice(0, 3).join(", ")} and ${paths.length - 3} more` : paths.join(", ");
}

// src/gate/private-holdout.ts
import { createHash as createHash10 } from "node:crypto";
import { readFile as readFile6, stat as stat4 } from "node:fs/promises";
import { basename as basename2, resolve as resolve5 } from "node:path";
async function privateHoldout(file, cwd) {
  const path = resolve5(cwd, file);
  const info = await stat4(path).catch(() => void 0);
  if (!info?.isFile())
    throw new UserError(
      `--holdout ${file}: no such file. Pass the held-out file the trusted workflow fetched (CSV, JSON Lines or Parquet).`,
      { file }
    );
  const sha2562 = createHash10("sha256").update(await readFile6(path)).digest("hex");
  return { name: "private holdout", paths: [path], files: { [`(private) ${basename2(path)}`]: sha2562 } };
}

// src/gate/gate-changes.ts
var GATE_KEYS = ["task", "label", "classes", "positive", "features", "evaluate", "artifact"];
function gateChanges(base, branch) {
  const pick2 = (model) => {
    const section = configSection(model);
    return {
      ...Object.fromEntries(GATE_KEYS.map((key) => [key, section[key]])),
      data: { holdout: section.data?.holdout }
    };
  };
  return changedKeys(pick2(base), pick2(branch));
}
function gateChangeNotice(changes, judgedWith) {
  return changes.length ? { code: "gate-settings-changed", changes, judgedWith } : void 0;
}

// src/gate/result-file.ts
function toResultFile(evaluations, markdown, notes, pullRequest) {
  return {
    kind: "modelkeeper-evaluate-result",
    schema: 1,
    pullRequest,
    models: evaluations.map((e, i) => {
      const paired = e.holdouts[0]?.paired;
      return {
        model: e.model,
        verdict: e.verdict,
        conclusion: conclusionOf(e),
        metric: paired?.metric ?? e.metric,
        ...paired ? { delta: paired.delta, ciLow: paired.ciLow, ciHigh: paired.ciHigh } : {},
        markdown: markdown[i],
        note: notes[i]
      };
    })
  };
}
function conclusionOf(e) {
  if (e.kind === "error") return "failure";
  if (e.kind === "unchanged") return "neutral";
  if (e.verdict === "promote") return "success";
  if (e.verdict === "reject") return "failure";
  return "neutral";
}
function parseResultFile(text2, name) {
  let value2;
  try {
    value2 = JSON.parse(text2);
  } catch (error) {
    throw new UserError(
      `${name}: not JSON (${error.message}). Pass the file evaluate wrote with --result-file.`,
      { file: name }
    );
  }
  const ok = value2?.kind === "modelkeeper-evaluate-result" && value2.schema === 1 && Array.isArray(value2.models) && value2.models.every(
    (m) => typeof m?.model === "string" && typeof m.markdown === "string" && ["success", "failure", "neutral"].includes(m.conclusion) && m.markdown.length < 6e4
  ) && (value2.pullRequest === void 0 || Number.isInteger(value2.pullRequest.number) && /^[0-9a-f]{40}$/.test(value2.pullRequest.headSha));
  if (!ok)
    throw new UserError(
      `${name}: not a modelkeeper evaluate result (kind "modelkeeper-evaluate-result", schema 1). Pass the file evaluate wrote with --result-file.`,
      { file: name }
    );
  return value2;
}
function validatedFields(m) {
  const number2 = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
  return {
    model: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(m.model) ? m.model : "(an invalid model name)",
    verdict: m.verdict === "promote" || m.verdict === "reject" || m.verdict === "inconclusive" ? m.verdict : "none",
    metric: typeof m.metric === "string" && /^[a-z0-9_]{1,40}$/.test(m.metric) ? m.metric : void 0,
    delta: number2(m.delta),
    ciLow: number2(m.ciLow),
    ciHigh: number2(m.ciHigh)
  };
}

// src/report/format-number.ts
function formatNumber2(value2, decimals = 4) {
  if (!Number.isFinite(value2)) return String(value2);
  const abs = Math.abs(value2);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value2.toExponential(2) : Number(value2.toFixed(decimals)).toString();
}

// src/report/reason-text.ts
var percent = (confidence) => `${Math.round(confidence * 100)}%`;
var interval = (low, high) => `[${formatNumber2(low)}, ${formatNumber2(high)}]`;
var signed = (value2) => `${value2 > 0 ? "+" : ""}${formatNumber2(value2)}`;
function reasonText(reason) {
  const text2 = sentenceOf(reason);
  return reason.judgedOn === void 0 ? text2 : `${reason.judgedOn}: ${text2}`;
}
function sentenceOf(r) {
  switch (r.code) {
    case "interval-not-computed":
      return `the ${percent(r.confidence)} interval of the ${r.metric} difference could not be computed`;
    case "guardrail-failed":
      return `guardrail ${r.guardrail} failed: ${findingText(r.finding)}`;
    case "challenger-non-inferior":
      return `the challenger is non-inferior: the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} stays above the margin ${formatNumber2(r.margin)}`;
    case "challenger-better":
      return `the challenger is better: the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} lies above ${formatNumber2(r.threshold)}`;
    case "challenger-worse":
      return `the challenger is worse: the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} lies below ${formatNumber2(r.threshold)}`;
    case "no-reliable-difference":
      return `the ${percent(r.confidence)} interval of the ${r.metric} improvement ${interval(r.low, r.high)} includes ${formatNumber2(r.threshold)}: no reliable difference, the champion stays`;
    case "first-model-floors-hold":
      return "no champion yet, and every absolute floor (evaluate.min_value) holds";
    case "first-model-no-floors":
      return "no champion yet and no absolute floors configured (evaluate.min_value): nothing to gate on";
    case "metric-misses-floor":
    case "floor-not-computed":
      return findingText(r);
    case "primary-metric-undefined":
      return primaryUndefinedText(r);
    case "challenger-is-champion":
      return "the challenger is the champion's artifact";
    default:
      return unknownCode(r);
  }
}
function findingText(f) {
  switch (f.code) {
    case "latency-median-ratio": {
      const perRow = (micros) => `${formatNumber2(micros, 2)} \xB5s/row`;
      return `median challenger/champion latency ratio ${formatNumber2(f.ratio, 2)} over ${f.rounds} interleaved rounds (${percent(f.confidence)} CI ${formatNumber2(f.low, 2)}\u2013${formatNumber2(f.high, 2)}) ${f.exceeds ? "exceeds" : "within"} the limit ${f.limit}; median ${perRow(f.challengerMicrosPerRow)} vs ${perRow(f.championMicrosPerRow)}`;
    }
    case "size-mb":
      return `${formatNumber2(f.megabytes, 2)} MB`;
    case "size-ratio":
      return `${formatNumber2(f.ratio, 2)}\xD7 the champion's size`;
    case "metric-not-worse":
      return "not worse";
    case "metric-worse-by":
      return `worse by ${formatNumber2(f.worsening)}`;
    case "metric-not-computed":
      return `${f.metric} could not be computed`;
    case "unknown-metric":
      return `unknown metric "${f.metric}"`;
    case "metric-meets-floor":
    case "metric-misses-floor":
      return `${f.metric} ${formatNumber2(f.value)} ${f.code === "metric-meets-floor" ? "meets" : "misses"} the floor ${f.direction === "higher" ? "\u2265" : "\u2264"} ${f.floor}`;
    case "floor-not-computed":
      return `${f.metric} could not be computed, so the floor ${f.floor} cannot be checked`;
    case "slice-worse":
      return `${f.metric} ${signed(f.delta)} on ${f.rows} rows: the whole interval is worse than the margin ${f.margin}`;
    default:
      return unknownCode(f);
  }
}
function warningText(w) {
  switch (w.code) {
    case "primary-metric-undefined":
      return primaryUndefinedText(w);
    case "slice-column-missing":
      return `slice column "${w.column}" is not in the held-out set: not reported.`;
    case "slice-column-too-many-values":
      return `slice column "${w.column}" is numeric with ${w.distinct} distinct values: bin it into a categorical column to slice on it.`;
    case "latency-p95-ratio-renamed":
      return `models.${w.model}.evaluate.guardrails.latency_p95_ratio is the old name of latency_median_ratio (the gate decides on the median latency ratio): rename it.`;
    case "gate-settings-changed": {
      const shown = w.changes.slice(0, 6).map((c) => `${c.key}: ${JSON.stringify(c.before ?? null)} \u2192 ${JSON.stringify(c.after ?? null)}`);
      const more = w.changes.length > shown.length ? ` and ${w.changes.length - shown.length} more` : "";
      return `this pull request changes how the model is judged (${shown.join("; ")}${more}). ` + (w.judgedWith === "base" ? "It is judged here with the base branch's settings, but once merged, promote judges every later model with the new ones: review them like code." : `It is judged here with this branch's settings${w.changes.some((c) => c.key.startsWith("data.holdout")) ? " (but on the base's held-out set)" : ""}: review them like code.`);
    }
    case "holdout-notice":
      return w.text;
    case "champion-tag-ignored":
      return `${w.tag} is not a champion modelkeeper made (${w.why}): ignored.`;
    case "retrained-unknown":
      return `whether the model was retrained is not known: a record line cannot be read (${w.error}).`;
    case "inputs-changed-artifact-did-not":
      return "the recorded inputs (data, code or config) changed but the artifact did not: was the model retrained? Run the train command and commit the new artifact.";
    default:
      return unknownCode(w);
  }
}
function primaryUndefinedText(r) {
  return `${r.metric}, the primary metric, cannot be computed on ${r.holdout} (${r.why}), so there is no verdict on it: the champion stays. Add rows of every class to the held-out set.`;
}
function unknownCode(value2) {
  return JSON.stringify(value2);
}

// src/report/evaluate-markdown.ts
var VERDICT_BADGE = {
  promote: "\u2705 **promote**",
  reject: "\u274C **reject**",
  inconclusive: "\u2696\uFE0F **inconclusive**: the champion stays"
};
function renderEvaluationMarkdown(result) {
  const out = [];
  const name = escapeMarkdown(result.model);
  if (result.kind === "unchanged") {
    out.push(
      `### modelkeeper \xB7 ${name}: no comparison`,
      "",
      `The challenger is the champion's artifact (sha256 ${markdownCode(result.challenger.sha256.slice(0, 12))}): nothing to evaluate.`
    );
    for (const w of result.warnings) out.push("", `> \u26A0\uFE0F ${escapeMarkdown(warningText(w))}`);
    return out.join("\n") + "\n";
  }
  if (result.kind === "error" || !result.verdict) {
    out.push(
      `### modelkeeper \xB7 ${name}: \u26A0\uFE0F no verdict`,
      "",
      "The evaluation could not be completed, so no verdict is claimed:",
      ""
    );
    out.push(...result.errors.map((e) => `- ${escapeMarkdown(e)}`));
    return out.join("\n") + "\n";
  }
  out.push(`### modelkeeper \xB7 ${name}: ${VERDICT_BADGE[result.verdict]}`, "");
  for (const reason of result.reasons) out.push(`- ${escapeMarkdown(reasonText(reason))}`);
  out.push("");
  if (result.holdouts.length > 1) {
    out.push(
      `> \u26A0\uFE0F **This pull request changes the held-out set.** The verdict is decided on the base branch's held-out set, as the base's config names it; the PR's own set is shown too and must not reject.`,
      ""
    );
  }
  for (const w of result.warnings) out.push(`> \u26A0\uFE0F ${escapeMarkdown(warningText(w))}`, "");
  for (const holdout of result.holdouts) out.push(...renderHoldout(result, holdout));
  out.push(...renderProvenance(result));
  return out.join("\n") + "\n";
}
function renderHoldout(result, h) {
  const out = [];
  const compared = result.kind === "compared";
  out.push(
    `#### ${escapeMarkdown(h.name)} \xB7 ${h.rows.toLocaleString("en-US")} rows${h.positives !== void 0 ? ` (${h.positives.toLocaleString("en-US")} positive)` : ""}`,
    ""
  );
  if (compared) {
    const level = `${Math.round(result.confidence * 100)}% CI`;
    out.push(`| metric | champion | challenger | \u0394 | ${level} | status |`, "| --- | ---: | ---: | ---: | --- | --- |");
    for (const m of h.metrics) {
      const primary = m.name === result.metric;
      const ci = primary && h.paired ? `[${formatNumber2(h.paired.ciLow)}, ${formatNumber2(h.paired.ciHigh)}]` : "";
      const status = primary && h.decision ? h.decision.verdict : m.undefinedReason ? `undefined: ${escapeMarkdown(m.undefinedReason)}` : better(m);
      out.push(
        `| ${primary ? `**${m.name}**` : m.name} ${m.direction === "lower" ? "\u2193" : "\u2191"} | ${m.champion === void 0 ? "\u2013" : formatNumber2(m.champion)} | ${formatNumber2(m.challenger)} | ${m.delta === void 0 ? "\u2013" : signed2(m.delta)} | ${ci} | ${status} |`
      );
    }
    out.push("");
    if (h.paired) {
      out.push(
        `Paired ${h.paired.method} bootstrap of \u0394 = challenger \u2212 champion on the same rows: ${h.paired.resamples.toLocaleString("en-US")} resamples, seed ${h.paired.seed}. Smallest difference this held-out set could detect: ${formatNumber2(h.paired.detectable)}.`,
        ""
      );
    }
    const tests = [];
    if (h.delong)
      tests.push(
        `DeLong test of the AUC difference: \u0394 ${signed2(h.delong.delta)}, z = ${h.delong.z.toFixed(2)}, p ${pValue(h.delong.pValue)}`
      );
    if (h.mcnemar) {
      tests.push(
        `McNemar on per-row correctness: ${h.mcnemar.challengerOnlyCorrect} rows only the challenger gets right, ${h.mcnemar.championOnlyCorrect} only the champion; exact p ${pValue(h.mcnemar.pExact)}, mid-p ${pValue(h.mcnemar.pMidP)}`
      );
    }
    if (tests.length) out.push(...tests.map((t) => `- ${t}`), "");
    out.push(...renderChart(h));
  } else {
    out.push("| metric | challenger |", "| --- | ---: |");
    for (const m of h.metrics)
      out.push(
        `| ${m.name} ${m.direction === "lower" ? "\u2193" : "\u2191"} | ${m.undefinedReason ? `undefined: ${escapeMarkdown(m.undefinedReason)}` : formatNumber2(m.challenger)} |`
      );
    out.push("");
  }
  if (h.guardrails.length) {
    out.push(
      "**Guardrails**",
      "",
      "| guardrail | champion | challenger | limit | status |",
      "| --- | ---: | ---: | ---: | --- |"
    );
    for (const g of h.guardrails) {
      out.push(
        `| ${escapeMarkdown(g.name)} | ${g.champion === void 0 ? "\u2013" : formatNumber2(g.champion)} | ${g.challenger === void 0 ? "\u2013" : formatNumber2(g.challenger)} | ${g.limit === void 0 ? "\u2013" : formatNumber2(g.limit)} | ${g.status === "fail" ? "\u274C fail" : g.status === "pass" ? "\u2705 pass" : "not gated"}: ${escapeMarkdown(findingText(g.finding))} |`
      );
    }
    out.push("");
  }
  if (h.slices.length) {
    out.push(
      `<details><summary>Slices (${h.slices.length})</summary>`,
      "",
      `| slice | rows | champion | challenger | \u0394 | status |`,
      "| --- | ---: | ---: | ---: | ---: | --- |"
    );
    for (const s of h.slices) {
      out.push(
        `| ${escapeMarkdown(s.column)} = ${escapeMarkdown(s.value)} | ${s.rows} | ${s.champion === void 0 ? "\u2013" : formatNumber2(s.champion)} | ${s.challenger === void 0 ? "\u2013" : formatNumber2(s.challenger)} | ${s.delta === void 0 ? "\u2013" : signed2(s.delta)} | ${s.status === "not-gated" ? "too small to gate" : s.status} |`
      );
    }
    out.push("", "</details>", "");
  }
  if (h.confusion) {
    out.push("<details><summary>Confusion matrices</summary>", "");
    for (const [who, matrix] of [
      ["champion", h.confusion.champion],
      ["challenger", h.confusion.challenger]
    ]) {
      if (!matrix) continue;
      out.push(
        `**${who}** (rows: actual, columns: predicted)`,
        "",
        `| | ${h.confusion.labels.map(escapeMarkdown).join(" | ")} |`,
        `| --- |${h.confusion.labels.map(() => " ---: |").join("")}`
      );
      matrix.forEach((row, i) => out.push(`| **${escapeMarkdown(h.confusion.labels[i])}** | ${row.join(" | ")} |`));
      out.push("");
    }
    out.push("</details>", "");
  }
  return out;
}
function renderChart(h) {
  const rows = h.metrics.filter(
    (m) => m.champion !== void 0 && Number.isFinite(m.champion) && Number.isFinite(m.challenger) && m.challenger >= 0 && m.challenger <= 1 && m.champion >= 0 && m.champion <= 1
  );
  if (rows.length < 2) return [];
  return [
    "```mermaid",
    "xychart-beta",
    `  title "champion (first bar) vs challenger (second bar)"`,
    `  x-axis [${rows.map((m) => `"${m.name}"`).join(", ")}]`,
    `  y-axis "value" 0 --> 1`,
    `  bar [${rows.map((m) => m.champion.toFixed(4)).join(", ")}]`,
    `  bar [${rows.map((m) => m.challenger.toFixed(4)).join(", ")}]`,
    "```",
    ""
  ];
}
function renderProvenance(result) {
  const out = [
    "<details><summary>Provenance</summary>",
    "",
    "| | label | sha256 | bytes |",
    "| --- | --- | --- | ---: |"
  ];
  if (result.champion)
    out.push(
      `| champion | ${escapeMarkdown(result.champion.label)} | ${markdownCode(result.champion.sha256)} | ${result.champion.bytes} |`
    );
  out.push(
    `| challenger | ${escapeMarkdown(result.challenger.label)} | ${markdownCode(result.challenger.sha256)} | ${result.challenger.bytes} |`
  );
  for (const h of result.holdouts) {
    for (const [path, sha] of Object.entries(h.files))
      out.push(`| ${escapeMarkdown(h.name)} | ${markdownCode(path)} | ${markdownCode(sha)} | |`);
  }
  out.push("", "</details>", "");
  return out;
}
function better(m) {
  if (m.delta === void 0 || m.delta === 0) return "";
  return m.delta > 0 === (m.direction === "higher") ? "better" : "worse";
}
function signed2(value2) {
  return `${value2 > 0 ? "+" : ""}${formatNumber2(value2)}`;
}
function pValue(p) {
  return p < 1e-4 ? "< 0.0001" : `= ${p.toFixed(4)}`;
}

// src/report/evaluate-text.ts
function renderEvaluationText(e) {
  if (e.kind === "unchanged")
    return [
      `${e.model}: unchanged: the challenger is the champion's artifact (sha256 ${e.challenger.sha256.slice(0, 12)}); nothing to compare.`,
      ...e.warnings.map((w) => `  warning: ${warningText(w)}`)
    ].join("\n");
  if (e.kind === "error" || !e.verdict)
    return [`${e.model}: NO VERDICT: the evaluation could not be completed:`, ...e.errors.map((m) => `  ${m}`)].join(
      "\n"
    );
  const out = [
    `${e.model}: ${e.verdict.toUpperCase()}${e.kind === "first-model" ? " (first model: no champion; absolute floors only)" : ""}`
  ];
  for (const r of e.reasons) out.push(`  ${reasonText(r)}`);
  for (const w of e.warnings) out.push(`  warning: ${warningText(w)}`);
  for (const h of e.holdouts) {
    out.push(`  ${h.name}: ${h.rows} rows`);
    const width = Math.max(...h.metrics.map((m) => m.name.length));
    for (const m of h.metrics) {
      const value2 = m.undefinedReason ? `undefined (${m.undefinedReason})` : e.kind === "compared" ? `${formatNumber2(m.champion)} \u2192 ${formatNumber2(m.challenger)}  \u0394 ${m.delta >= 0 ? "+" : ""}${formatNumber2(m.delta)}` : formatNumber2(m.challenger);
      const ci = h.paired && m.name === h.paired.metric ? `  ${Math.round(h.paired.confidence * 100)}% CI [${formatNumber2(h.paired.ciLow)}, ${formatNumber2(h.paired.ciHigh)}] (${h.paired.method}, ${h.paired.resamples} paired resamples, seed ${h.paired.seed})` : "";
      out.push(`    ${m.name.padEnd(width)}  ${value2}${ci}`);
    }
    for (const g of h.guardrails) out.push(`    guardrail ${g.name}: ${g.status} (${findingText(g.finding)})`);
    const failedSlices = h.slices.filter((s) => s.status === "fail");
    if (h.slices.length)
      out.push(
        `    slices: ${h.slices.length} reported, ${failedSlices.length} failed${failedSlices.length ? `: ${failedSlices.map((s) => `${s.column}=${s.value}`).join(", ")}` : ""}`
      );
  }
  return out.join("\n");
}

// src/report/evaluate-html.ts
function renderEvaluationHtml(evaluations) {
  const sections = evaluations.map((e) => {
    const head = `<h2>${escapeHtml(e.model)}: ${escapeHtml(e.kind === "unchanged" ? "unchanged" : e.verdict ?? "no verdict")}</h2>`;
    const reasons = `<ul>${[...e.reasons.map(reasonText), ...e.errors].map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>`;
    const warnings = e.warnings.map((w) => `<p class="warn">${escapeHtml(warningText(w))}</p>`).join("");
    const holdouts = e.holdouts.map((h) => {
      const rows = h.metrics.map(
        (m) => `<tr><td>${escapeHtml(m.name)}</td><td>${m.champion === void 0 ? "\u2013" : formatNumber2(m.champion)}</td><td>${formatNumber2(m.challenger)}</td><td>${m.delta === void 0 ? "\u2013" : formatNumber2(m.delta)}</td><td>${h.paired && h.paired.metric === m.name ? `[${formatNumber2(h.paired.ciLow)}, ${formatNumber2(h.paired.ciHigh)}]` : ""}</td></tr>`
      ).join("");
      const guards = h.guardrails.map(
        (g) => `<tr><td>${escapeHtml(g.name)}</td><td colspan="3">${escapeHtml(findingText(g.finding))}</td><td>${g.status}</td></tr>`
      ).join("");
      return `<h3>${escapeHtml(h.name)} \xB7 ${h.rows} rows</h3><table><tr><th>metric</th><th>champion</th><th>challenger</th><th>\u0394</th><th>CI</th></tr>${rows}</table>${guards ? `<table><tr><th>guardrail</th><th colspan="3">detail</th><th>status</th></tr>${guards}</table>` : ""}`;
    }).join("");
    return `<section>${head}${reasons}${warnings}${holdouts}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>modelkeeper evaluate</title><style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}td:first-child,th:first-child{text-align:left}.warn{color:#9a6700}</style></head><body><h1>modelkeeper evaluate</h1>${sections.join("")}</body></html>
`;
}

// src/report/evaluate-json.ts
function evaluationJson(e) {
  return {
    ...e,
    reasonText: e.reasons.map(reasonText),
    warningText: e.warnings.map(warningText),
    ...e.notices ? { noticeText: e.notices.map(warningText) } : {},
    holdouts: e.holdouts.map((h) => ({
      ...h,
      guardrails: h.guardrails.map((g) => ({ ...g, detail: findingText(g.finding) })),
      ...h.decision ? { decision: { ...h.decision, reasonText: h.decision.reasons.map(reasonText) } } : {}
    }))
  };
}

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION2 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request, options) => {
    octokit.log.debug("request", options);
    const start2 = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start2}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start2}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION2;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION3 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION3}`
  }
);

// src/github/client.ts
var GitHubClient = Octokit2.plugin(retry, throttling);
function githubFromEnv(env, warn = () => {
}) {
  const token = env.GITHUB_TOKEN;
  if (!token) return void 0;
  return new GitHubClient({
    auth: token,
    baseUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: "modelkeeper",
    log: { debug: () => {
    }, info: () => {
    }, warn: (m) => warn(m), error: (m) => warn(m) },
    retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 451] },
    throttle: {
      onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < 2,
      onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < 2
    }
  });
}
function repoFromEnv(env) {
  const full = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, ...rest] = full.split("/");
  if (!owner || !repo || rest.length) {
    throw new UserError(
      `GITHUB_REPOSITORY is "${full}". Expected format {owner}/{repo} (it is set in every GitHub Actions job).`
    );
  }
  return { owner, repo };
}

// src/github/check-run.ts
var CHECK_TOKEN_ENV = "MODELKEEPER_CHECK_TOKEN";
function checksClientFromEnv(env, warn = () => {
}) {
  const appToken = env[CHECK_TOKEN_ENV];
  if (appToken) return { github: githubFromEnv({ ...env, GITHUB_TOKEN: appToken }, warn), source: "app" };
  const github = githubFromEnv(env, warn);
  return github ? { github, source: "workflow" } : void 0;
}
async function reportCheckRun(github, repo, check) {
  try {
    const { data } = await github.rest.checks.create({
      ...repo,
      name: check.name,
      head_sha: check.headSha,
      status: "completed",
      conclusion: check.conclusion,
      completed_at: (/* @__PURE__ */ new Date()).toISOString(),
      output: {
        title: check.title.slice(0, 255),
        summary: check.summary.slice(0, 65e3),
        text: check.text?.slice(0, 65e3)
      }
    });
    return { created: true, url: data.html_url ?? void 0 };
  } catch (error) {
    const status = error.status;
    if (status === 403 || status === 404)
      return {
        created: false,
        reason: `the token may not write checks (HTTP ${status}); the job summary and outputs carry the result`
      };
    return { created: false, reason: `the check run could not be created: ${error.message}` };
  }
}

// src/commands/evaluation-run.ts
var EVALUATE_OPTIONS = {
  champion: {
    type: "string",
    value: "REV|PATH",
    description: "the champion: a commit, branch or tag, or an ONNX file (default: the newest modelkeeper/<model>/v<N> tag, else the base branch)"
  },
  challenger: {
    type: "string",
    value: "PATH",
    description: "the challenger ONNX file (default: the artifact in the working tree)"
  },
  "challenger-rev": {
    type: "string",
    value: "REV",
    description: "take the challenger's bytes from git objects at REV (a fetched pull request head), not from the working tree: no file of REV is checked out and none of its code runs; config and held-out set stay the working tree's (the base branch's in the trusted workflow)"
  },
  holdout: {
    type: "string",
    value: "FILE",
    description: "judge on this held-out file instead of data.holdout: a private set kept out of the repository, which no pull request can see or change (see README: Security)"
  },
  "result-file": {
    type: "string",
    value: "FILE",
    description: "write the result for the comment command (fork pull requests)"
  },
  "no-comment": { type: "boolean", description: "do not post the PR comment and check run, even with a token" },
  "comment-author": {
    type: "string",
    value: "LOGIN",
    description: "login the token comments as, to find its earlier comment (default: asked of the API)"
  },
  push: { type: "boolean", description: "push refs/notes/modelkeeper after writing the evaluate line" },
  remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" }
};
async function runEvaluate(context, values, overrides = {}) {
  const workspace = await openWorkspace(context, values);
  const { git, root } = workspace;
  const pr = overrides.pullRequest ?? pullRequestFromEnv(context.env);
  const challengerRev = values["challenger-rev"];
  if (challengerRev && values.challenger !== void 0)
    throw new UserError("--challenger and --challenger-rev both name the challenger: pass one.");
  const commit = challengerRev ? await resolveCommit(git, challengerRev) : overrides.commit ?? await resolveCommit(git, await recordTarget(git, context.env, void 0));
  const base = values.champion ? void 0 : await baseRef(git, context.env);
  const evaluations = [];
  for (const model of workspace.models) {
    const challenger = await challengerOf(git, context.cwd, root, model, commit, values.challenger, challengerRev);
    const { champion, ignoredTags } = await resolveChampion(git, model, context.env, context.cwd, values.champion, {
      sha256: challenger.sha256,
      commit
    });
    for (const ignored of ignoredTags) context.warn(`ignored ${ignored.tag}: ${ignored.reason}`);
    const plan = values.holdout !== void 0 ? { sets: [await privateHoldout(values.holdout, context.cwd)], notices: [] } : await holdoutSets(git, root, model, base, workspace.config.relativePath, challengerRev ? commit : void 0);
    const gateNotice = await gateSettingsNotice(
      git,
      model,
      workspace.config.relativePath,
      challengerRev ? commit : void 0,
      base
    );
    const notices = [
      ...gateNotice ? [gateNotice] : [],
      ...plan.notices.map((text2) => ({ code: "holdout-notice", text: text2 }))
    ];
    const evaluated = await evaluateModel({
      model,
      challenger: { ...challenger, commit },
      champion,
      holdouts: plan.sets,
      log: context.log
    });
    const notRetrained = evaluated.kind === "unchanged" ? await notRetrainedWarning(evaluated, git, commit, champion?.commit) : void 0;
    const evaluation = {
      ...evaluated,
      notices,
      warnings: [
        ...notices,
        ...ignoredTags.map((t) => ({ code: "champion-tag-ignored", tag: t.tag, why: t.reason })),
        ...evaluated.warnings,
        ...notRetrained ? [notRetrained] : []
      ],
      ...ignoredTags.length ? { ignoredChampionTags: ignoredTags } : {},
      inputs: {
        configSha256: configSectionSha256(model),
        holdoutSha256: holdoutSetSha256(plan.sets[0]?.files ?? {})
      }
    };
    evaluations.push(evaluation);
  }
  const markdowns = evaluations.map(renderEvaluationMarkdown);
  const notes = evaluations.map((e) => noteLine(e, commit));
  const written = notes.filter((n) => n !== void 0);
  if (written.length) await appendNoteLines(git, commit, written);
  if (values.push && written.length) await pushNotes(git, values.remote ?? "origin");
  if (values["result-file"] !== void 0) {
    await writeFile5(
      resolve6(context.cwd, values["result-file"]),
      JSON.stringify(toResultFile(evaluations, markdowns, notes, pr && { number: pr.number, headSha: pr.headSha }))
    );
  }
  const posted = values["no-comment"] ? [] : await postToPullRequest(context, evaluations, markdowns, pr, values["comment-author"]);
  const exitCode = evaluations.some((e) => e.kind === "error") ? 2 : evaluations.every((e) => e.kind === "unchanged" || e.verdict === "promote") ? 0 : 1;
  const first = evaluations.find((e) => e.kind !== "unchanged") ?? evaluations[0];
  const paired = first?.holdouts.at(-1)?.paired;
  const overall = evaluations.some((e) => e.kind === "error") ? "error" : evaluations.some((e) => e.verdict === "reject") ? "reject" : evaluations.every((e) => e.kind === "unchanged") ? "unchanged" : evaluations.every((e) => e.kind === "unchanged" || e.verdict === "promote") ? "promote" : "inconclusive";
  const markdown = markdowns.join("\n");
  return {
    exitCode,
    data: { commit, verdict: overall, models: evaluations.map(evaluationJson), posted },
    text: evaluations.map(renderEvaluationText).join("\n\n"),
    markdown,
    html: renderEvaluationHtml(evaluations),
    outputs: {
      verdict: overall,
      metric: first?.metric ?? "",
      delta: paired ? String(paired.delta) : "",
      "ci-low": paired ? String(paired.ciLow) : "",
      "ci-high": paired ? String(paired.ciHigh) : "",
      report: markdown,
      commit
    }
  };
}
function noteLine(e, commit) {
  if (!e.verdict || e.kind !== "compared" && e.kind !== "first-model") return void 0;
  const last = e.holdouts.at(-1);
  return {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "evaluate",
    model: e.model,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    tool: TOOL,
    verdict: e.verdict,
    kind: e.kind,
    commit,
    challenger: { sha256: e.challenger.sha256, path: e.challenger.label },
    ...e.champion ? { champion: { sha256: e.champion.sha256, source: e.champion.label } } : {},
    metric: last?.paired?.metric ?? e.metric,
    ...last?.paired ? { delta: last.paired.delta, ciLow: last.paired.ciLow, ciHigh: last.paired.ciHigh } : {},
    holdout: Object.assign({}, ...e.holdouts.map((h) => h.files)),
    seed: e.seed,
    ...e.inputs ? { configSha256: e.inputs.configSha256, holdoutSha256: e.inputs.holdoutSha256 } : {}
  };
}
async function challengerOf(git, cwd, root, model, commit, file, rev) {
  const artifact = model.artifact;
  if (rev) {
    const found = await fromGit(git, commit, artifact, `commit ${commit.slice(0, 12)} (from git objects)`);
    if (!found)
      throw new UserError(
        `--challenger-rev ${rev}: ${artifact} (the artifact the base's config names) does not exist at ${commit.slice(0, 12)}. A pull request that moves the artifact must change the config on the base branch first.`
      );
    return found;
  }
  if (typeof file === "string") return fromFile(resolve6(cwd, file), `file ${file}`);
  return fromFile(insideRepository(root, artifact, `models.${model.name}.artifact`), "working tree");
}
async function gateSettingsNotice(git, model, configPath, challengerCommit, base) {
  const other = challengerCommit ?? (base ? await commitOf(git, base.ref) : void 0);
  if (!other) return void 0;
  const config = await configAt(git, other, configPath).catch(() => void 0);
  const counterpart = config?.models.find((m) => m.name === model.name);
  if (!counterpart) return void 0;
  return challengerCommit ? gateChangeNotice(gateChanges(model, counterpart), "base") : gateChangeNotice(gateChanges(counterpart, model), "branch");
}
async function notRetrainedWarning(e, git, commit, championCommit) {
  if (!championCommit) return void 0;
  const naming = async (rev) => newestFirst(await readNote(git, rev), "record", e.model).find((l) => l.artifact?.sha256 === e.challenger.sha256);
  const mine = await naming(commit);
  const theirs = await naming(championCommit);
  if (!mine || !theirs) return void 0;
  let changed;
  try {
    changed = await inputsFingerprint(git, mine) !== await inputsFingerprint(git, theirs);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: "retrained-unknown", error: error.message.split("\n")[0] };
  }
  return changed ? { code: "inputs-changed-artifact-did-not" } : void 0;
}
async function inputsFingerprint(git, record) {
  const { inputs } = await readRecordedInputs(git, record, `the record of ${record.model}`);
  return JSON.stringify([inputs, record.section?.sha256 ?? null]);
}
async function postToPullRequest(context, evaluations, markdowns, pr, configuredAuthor) {
  const github = githubFromEnv(context.env, context.warn);
  if (!pr || !github) return [];
  const repo = repoFromEnv(context.env);
  const checks = checksClientFromEnv(context.env, context.warn);
  const out = [];
  let author;
  for (const [i, evaluation] of evaluations.entries()) {
    let url;
    try {
      author ??= await commentAuthor(github, configuredAuthor);
      url = (await upsertComment(github, repo, pr.number, commentMarker("evaluate", evaluation.model), markdowns[i], author)).url;
    } catch (error) {
      const status = error.status;
      if (status !== 403 && status !== 404) throw error;
      context.warn(
        `could not comment on pull request #${pr.number} (HTTP ${status}): a fork's read-only token? Use --result-file and the comment workflow (see README).`
      );
    }
    const check = await reportCheckRun(checks?.github ?? github, repo, {
      name: `modelkeeper / ${evaluation.model}`,
      headSha: pr.headSha,
      conclusion: conclusionOf(evaluation),
      title: evaluation.verdict ? `${evaluation.model}: ${evaluation.verdict}` : `${evaluation.model}: ${evaluation.kind === "unchanged" ? "unchanged" : "no verdict"}`,
      summary: markdowns[i]
    });
    if (!check.created) context.warn(check.reason ?? "no check run");
    out.push({ model: evaluation.model, comment: url, checkRun: check.created });
  }
  return out;
}

// src/commands/evaluate.ts
var evaluateCommand = defineCommand({
  name: "evaluate",
  summary: "challenger vs champion on the held-out set, with paired statistics and guardrails; verdict promote, reject or inconclusive",
  usage: "evaluate [--champion REV|PATH] [--challenger PATH | --challenger-rev REV] [--holdout FILE] [--result-file FILE] [--no-comment] [--push]",
  options: EVALUATE_OPTIONS,
  run: (context, values) => runEvaluate(context, values)
});

// src/commands/drift.ts
import { extname as extname2, join as join13, relative as relative4 } from "node:path";

// src/data/expand-inputs.ts
import { readdir as readdir3, stat as stat5 } from "node:fs/promises";
import { join as join11, resolve as resolve7, relative as relative3, sep as sep5 } from "node:path";
async function expandInputs(cwd, patterns, what) {
  const out = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const found = await expandOne2(cwd, pattern);
    if (found.length === 0)
      throw new UserError(`${what}: "${pattern}" matches no file. Check the path (relative paths start at ${cwd}).`);
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}
async function expandOne2(cwd, pattern) {
  const absolute = resolve7(cwd, pattern);
  if (!isGlob(pattern)) {
    const info = await stat5(absolute).catch(() => void 0);
    if (info?.isFile()) return [absolute];
    if (info?.isDirectory()) return walk2(absolute, () => true);
    return [];
  }
  const normalized = absolute.split(sep5).join("/");
  const base = staticPrefix(normalized) || "/";
  const matcher = globToRegExp(normalized.slice(base.length).replace(/^\//, ""));
  if (!(await stat5(base).catch(() => void 0))?.isDirectory()) return [];
  return walk2(base, (path) => matcher.test(relative3(base, path).split(sep5).join("/")));
}
async function walk2(dir, accept) {
  const out = [];
  for (const entry of await readdir3(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === "node_modules") continue;
    const path = join11(dir, entry.name);
    if (entry.isDirectory()) out.push(...await walk2(path, accept));
    else if (entry.isFile() && accept(path)) out.push(path);
  }
  return out;
}

// src/stats/drift/cohens-h.ts
function cohensH(referenceShare, currentShare) {
  return 2 * Math.asin(Math.sqrt(currentShare)) - 2 * Math.asin(Math.sqrt(referenceShare));
}

// src/stats/tests/multiple-testing.ts
function adjustPValues(pValues, method) {
  return method === "bonferroni" ? bonferroni(pValues) : benjaminiHochberg(pValues);
}
function benjaminiHochberg(pValues) {
  const indices = pValues.map((_, i) => i).filter((i) => !Number.isNaN(pValues[i]));
  const m = indices.length;
  const adjusted = pValues.map(() => NaN);
  indices.sort((i, j) => pValues[i] - pValues[j]);
  let runningMin = 1;
  for (let rank2 = m; rank2 >= 1; rank2--) {
    const index = indices[rank2 - 1];
    runningMin = Math.min(runningMin, pValues[index] * m / rank2);
    adjusted[index] = runningMin;
  }
  return adjusted;
}
function bonferroni(pValues) {
  const m = pValues.filter((p) => !Number.isNaN(p)).length;
  return pValues.map((p) => Number.isNaN(p) ? NaN : Math.min(1, p * m));
}

// src/stats/drift/sampling-noise.ts
function effectiveSampleSize(referenceSize, currentSize) {
  return referenceSize * currentSize / (referenceSize + currentSize);
}
var NORMAL_MEAN_ABSOLUTE_DEVIATION = Math.sqrt(2 / Math.PI);
var POISSON_EXACT_BELOW = 40;
var LOG_FACTORIALS = (() => {
  const table2 = new Float64Array(POISSON_EXACT_BELOW + 1);
  for (let k = 1; k <= POISSON_EXACT_BELOW; k++) table2[k] = table2[k - 1] + Math.log(k);
  return table2;
})();
function poissonDeviationFactor(lambda) {
  if (lambda <= 0) return 0;
  if (lambda >= POISSON_EXACT_BELOW) return NORMAL_MEAN_ABSOLUTE_DEVIATION;
  const k = Math.floor(lambda);
  return 2 * Math.exp(-lambda + (k + 0.5) * Math.log(lambda) - LOG_FACTORIALS[k]);
}
function expectedNullWasserstein(sortedReference, referenceSize, currentSize) {
  const nEff = effectiveSampleSize(referenceSize, currentSize);
  const n = sortedReference.length;
  let integral = 0;
  for (let i = 1; i < n; i++) {
    const gap = sortedReference[i] - sortedReference[i - 1];
    if (gap === 0) continue;
    const F2 = i / n;
    const tail = Math.min(F2, 1 - F2);
    integral += Math.sqrt(F2 * (1 - F2)) * poissonDeviationFactor(nEff * tail) * gap;
  }
  return integral / Math.sqrt(nEff);
}
function expectedNullJensenShannonDivergence(categoryCount, referenceSize, currentSize) {
  if (categoryCount < 2) return 0;
  const nEff = effectiveSampleSize(referenceSize, currentSize);
  return (categoryCount - 1) / (8 * nEff * Math.LN2);
}

// src/stats/drift/assess-drift.ts
var DEFAULT_ALPHA = 5e-3;
var DEFAULT_EFFECT_THRESHOLDS = { numeric: 0.1, categorical: 0.1, missing: 0.2 };
var MonitoredColumnsError = class extends UserError {
  constructor(columns) {
    const names = columns.map((c) => JSON.stringify(c.column)).join(", ");
    super(
      `drift cannot judge the window: ${columns.length === 1 ? "a monitored column cannot" : `${columns.length} monitored columns cannot`} be compared (${names}).
${columns.map((c) => `  - ${c.message}`).join("\n")}`,
      { column: columns[0].column }
    );
    this.columns = columns;
  }
  columns;
};
function summarizeReference(reference, options = {}) {
  const columns = /* @__PURE__ */ new Map();
  const fromProfile = isDriftProfile(reference);
  const psiBins = options.psiBins ?? DEFAULT_PSI_BINS;
  for (const column of reference.columns) {
    const ready = options.ready?.get(column.name);
    columns.set(
      column.name,
      ready ? () => ready : once(
        () => isDriftProfile(reference) ? profileColumnSummary(column) : summarizeColumn(column, { psiBins })
      )
    );
  }
  return { source: reference.source, rowCount: reference.rowCount, columns, fromProfile };
}
function once(make) {
  let value2;
  let made = false;
  return () => {
    if (!made) {
      value2 = make();
      made = true;
    }
    return value2;
  };
}
function monitoredColumns(referenceNames, options) {
  const predictions = [...options.predictions ?? []];
  const excluded = /* @__PURE__ */ new Set([...options.exclude ?? [], ...predictions]);
  const features = (options.features ?? referenceNames).filter((name) => !excluded.has(name));
  return [
    ...predictions.map((n) => [n, "prediction"]),
    ...features.map((n) => [n, "feature"])
  ];
}
function assessSummaries(reference, current, options = {}) {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const correction = options.correction ?? "benjamini-hochberg";
  const thresholds = { ...DEFAULT_EFFECT_THRESHOLDS, ...options.effectThresholds };
  const verdict2 = options.test ?? "calibrated";
  if (verdict2 !== "calibrated") findDriftTest(verdict2, { key: "drift.test" });
  for (const [column, override] of Object.entries(options.columnTests ?? {})) {
    if (override.test !== "calibrated") findDriftTest(override.test, { key: `drift.columns.${column}.test` });
  }
  const fromProfile = reference.fromProfile;
  const monitored = monitoredColumns([...reference.columns.keys()], options);
  const errors = [];
  const prepared = [];
  for (const [name, role] of monitored) {
    const summarizeReference2 = reference.columns.get(name);
    const summarizeCurrent = current.columns.get(name);
    if (!summarizeReference2) {
      errors.push({
        column: name,
        role,
        message: `Column "${name}" is not in the reference (${reference.source}); remove it from the monitored columns (drift.features) or rebuild the reference with it.`
      });
      continue;
    }
    if (!summarizeCurrent) {
      errors.push({
        column: name,
        role,
        message: `Column "${name}" is in the reference but missing from the current data (${current.source}); log it again, or leave it out of drift.features.`
      });
      continue;
    }
    const referenceSummary = summarizeReference2();
    const currentSummary = summarizeCurrent();
    if (referenceSummary.kind !== currentSummary.kind) {
      errors.push({
        column: name,
        role,
        message: `Column "${name}" is ${referenceSummary.kind} in the reference but ${currentSummary.kind} in the current data (${current.source}); check for non-numeric values in it, or set drift.types.${name}.`
      });
      continue;
    }
    const override = options.columnTests?.[name];
    prepared.push(
      prepareColumn(
        name,
        role,
        referenceSummary,
        currentSummary,
        thresholds,
        override?.test ?? verdict2,
        override ? override.threshold : options.threshold,
        options.metrics?.get(name)
      )
    );
  }
  if (errors.length > 0) throw new MonitoredColumnsError(errors);
  const pValues = [];
  for (const column of prepared) {
    pValues.push(column.significance ? column.significance.pValue : NaN);
    pValues.push(column.missing ? column.missing.pValue : NaN);
  }
  const adjusted = adjustPValues(pValues, correction);
  const hypotheses = pValues.filter((p) => !Number.isNaN(p)).length;
  const columns = prepared.map(
    (column, i) => decideColumn(column, adjusted[2 * i], adjusted[2 * i + 1], alpha, thresholds)
  );
  for (let i = 0; i < prepared.length; i++) {
    const message = unsettledByProfileError(prepared[i], columns[i], alpha, hypotheses);
    if (message) errors.push({ column: prepared[i].name, role: prepared[i].role, message });
  }
  if (errors.length > 0) throw new MonitoredColumnsError(errors);
  columns.sort(compareColumns);
  const driftedColumns = columns.filter((c) => c.drifted).map((c) => c.name);
  return {
    drifted: driftedColumns.length > 0,
    predictionDrifted: columns.some((c) => c.role === "prediction" && c.drifted),
    driftedColumns,
    method: { verdict: verdict2, alpha, correction, effectThresholds: thresholds, hypotheses },
    reference: { source: reference.source, rowCount: reference.rowCount, fromProfile },
    current: { source: current.source, rowCount: current.rowCount },
    columns
  };
}
function describeSide(summary) {
  const base = {
    rowCount: summary.rowCount,
    missingShare: summary.rowCount ? summary.missingCount / summary.rowCount : 0,
    constant: isConstant(summary)
  };
  return summary.kind === "numeric" ? { ...base, mean: summary.mean, std: summary.std } : base;
}
function prepareColumn(name, role, reference, current, thresholds, verdictBy, threshold, measured) {
  const metrics = {};
  for (const test of driftTestsFor(reference.kind))
    metrics[test.name] = measured && test.name in measured ? measured[test.name] : test.measure(reference, current);
  let significance = null;
  let effect = null;
  let unseen = [];
  if (reference.kind === "numeric" && current.kind === "numeric") {
    const ks = metrics.ks;
    const wasserstein = metrics.wasserstein;
    if (ks && wasserstein) {
      significance = { test: "ks", statistic: ks.statistic, pValue: ks.value, detail: ks.detail ?? "" };
      const noise = normalizeWasserstein(
        expectedNullWasserstein(reference.sortedValues, reference.sortedValues.length, presentCount(current)),
        reference.std,
        current.std
      );
      const excess = Number.isFinite(wasserstein.value) ? Math.max(0, wasserstein.value - (Number.isFinite(noise) ? noise : 0)) : wasserstein.value;
      effect = { measure: "wasserstein", value: wasserstein.value, noise, excess, threshold: thresholds.numeric };
    }
  } else if (reference.kind === "categorical" && current.kind === "categorical") {
    const aligned = alignCategories(reference, current);
    unseen = unseenCategories(aligned);
    const chi2 = metrics.chi2;
    const js = metrics.jensenshannon;
    if (chi2 && js) {
      significance = { test: "chi2", statistic: chi2.statistic, pValue: chi2.value, detail: chi2.detail ?? "" };
      const categoriesPresent = aligned.categories.filter(
        (_, i) => aligned.reference[i] + aligned.current[i] > 0
      ).length;
      const noiseDivergence = expectedNullJensenShannonDivergence(
        categoriesPresent,
        presentCount(reference),
        presentCount(current)
      );
      const excess = Math.sqrt(Math.max(0, js.value * js.value - noiseDivergence));
      effect = {
        measure: "jensenshannon",
        value: js.value,
        noise: Math.sqrt(noiseDivergence),
        excess,
        threshold: thresholds.categorical
      };
    }
  }
  let missing = null;
  const missingMetric = metrics.missing;
  if (missingMetric && (reference.missingCount > 0 || current.missingCount > 0)) {
    const referenceShare = reference.missingCount / reference.rowCount;
    const currentShare = current.missingCount / current.rowCount;
    missing = {
      referenceShare,
      currentShare,
      pValue: missingMetric.value,
      cohensH: cohensH(referenceShare, currentShare),
      threshold: thresholds.missing
    };
  }
  return { name, role, reference, current, verdictBy, threshold, metrics, significance, effect, missing, unseen };
}
function unsettledByProfileError(column, decided2, alpha, hypotheses) {
  const { reference, current } = column;
  if (reference.kind !== "numeric" || current.kind !== "numeric") return void 0;
  const measured = current.measured;
  const ks = column.metrics.ks;
  const wasserstein = column.metrics.wasserstein;
  if (!measured?.ksError || !ks || !wasserstein || ks.statistic === void 0) return void 0;
  const ksError = measured.ksError;
  const n = reference.sortedValues.length;
  const m = presentCount(current);
  const pAt = (d) => ksFromGaps({ plusGap: Math.min(1, Math.max(0, d)), plusLocation: 0, minusGap: 0, minusLocation: 0 }, n, m).pValue;
  const pLow = pAt(ks.statistic + ksError);
  const pHigh = pAt(ks.statistic - ksError);
  const wError = normalizeWasserstein(measured.wassersteinError, reference.std, current.std);
  const distance = wasserstein.value;
  let unsettled;
  if (column.verdictBy === "ks") {
    const threshold = column.threshold ?? findDriftTest("ks").defaultThreshold;
    unsettled = pLow < threshold !== pHigh < threshold;
  } else if (column.verdictBy === "wasserstein") {
    const threshold = column.threshold ?? findDriftTest("wasserstein").defaultThreshold;
    unsettled = distance + wError >= threshold !== distance - wError >= threshold;
  } else if (column.verdictBy === "calibrated") {
    const missing = decided2.missing;
    if (missing && missing.adjustedPValue <= alpha && Math.abs(missing.cohensH) >= missing.threshold) return void 0;
    const effect = column.effect;
    if (!effect || !Number.isFinite(distance) || !Number.isFinite(wError)) return void 0;
    const noise = Number.isFinite(effect.noise) ? effect.noise : 0;
    const couldDrift = pLow <= alpha && distance + wError - noise >= effect.threshold;
    const surelyDrifts = Math.min(1, pHigh * Math.max(1, hypotheses)) <= alpha && distance - wError - noise >= effect.threshold;
    unsettled = couldDrift && !surelyDrifts;
  } else {
    return void 0;
  }
  if (!unsettled) return void 0;
  const verdict2 = decided2.drifted ? "drift" : "no drift";
  return `Column "${column.name}" comes from a server profile (${measured.by}): its KS D = ${formatNumber(ks.statistic)} is known only within \xB1${formatNumber(ksError)} and its Wasserstein distance ${formatNumber(distance)} sd within \xB1${formatNumber(wError)} sd, enough to change the verdict ("${verdict2}" here); raise serve.profile.max_values so the window's values are kept more precisely, or judge the raw log.`;
}
function decideColumn(column, adjustedSignificance, adjustedMissing, alpha, thresholds) {
  const significance = column.significance ? { ...column.significance, adjustedPValue: adjustedSignificance } : null;
  const missing = column.missing ? { ...column.missing, adjustedPValue: adjustedMissing } : null;
  const effect = column.effect;
  const tests = driftTestsFor(column.reference.kind).map((definition) => {
    const threshold = column.verdictBy === definition.name ? column.threshold : void 0;
    return evaluateDriftTest(definition, column.metrics[definition.name] ?? null, threshold);
  });
  const distributionSignificant = significance !== null && significance.adjustedPValue <= alpha;
  const distributionLarge = effect !== null && effect.excess >= effect.threshold;
  const missingSignificant = missing !== null && missing.adjustedPValue <= alpha;
  const missingLarge = missing !== null && Math.abs(missing.cohensH) >= missing.threshold;
  let drifted;
  let severity = 0;
  const sentences = [];
  if (column.verdictBy === "calibrated") {
    const distributionDrift = distributionSignificant && distributionLarge;
    const missingDrift = missingSignificant && missingLarge;
    drifted = distributionDrift || missingDrift;
    if (distributionDrift) severity = Math.max(severity, effect.excess / effect.threshold);
    if (missingDrift) severity = Math.max(severity, Math.abs(missing.cohensH) / missing.threshold);
    sentences.push(...calibratedSentences(column, significance, effect, missing, alpha, thresholds));
  } else {
    const outcome = tests.find((t) => t.test === column.verdictBy);
    drifted = outcome?.status === "drift";
    if (drifted && outcome?.value !== null && outcome) {
      severity = outcome.scale === "distance" ? outcome.value / outcome.threshold : outcome.threshold / Math.max(outcome.value, Number.MIN_VALUE);
    }
    sentences.push(
      outcome ? outcome.sentence : `Test ${column.verdictBy} does not apply to ${column.reference.kind} columns.`
    );
  }
  sentences.unshift(...contextSentences(column));
  return {
    name: column.name,
    role: column.role,
    kind: column.reference.kind,
    drifted,
    reason: sentences.join(" "),
    severity,
    verdictBy: column.verdictBy,
    reference: describeSide(column.reference),
    current: describeSide(column.current),
    significance,
    effect,
    missing,
    unseenCategories: column.unseen,
    tests
  };
}
var percent2 = (share) => `${(100 * share).toFixed(share < 1e-3 && share > 0 ? 2 : 1)}%`;
function contextSentences(column) {
  const sentences = [];
  const { reference, current } = column;
  const describeConstant = (summary) => summary.kind === "numeric" ? formatNumber(summary.min) : JSON.stringify(summary.categories[0]);
  const referenceConstant = isConstant(reference);
  const currentConstant = isConstant(current);
  if (presentCount(current) === 0) sentences.push("The current window has no non-missing values in this column.");
  else if (referenceConstant && currentConstant) {
    const same = describeConstant(reference) === describeConstant(current);
    sentences.push(
      same ? `Constant (${describeConstant(reference)}) in both.` : `Constant in both, but ${describeConstant(reference)} in the reference and ${describeConstant(current)} now.`
    );
  } else if (referenceConstant)
    sentences.push(`Constant (${describeConstant(reference)}) in the reference but varies now.`);
  else if (currentConstant && presentCount(current) > 1)
    sentences.push(
      `Stuck at one value (${describeConstant(current)}) in the current window but varies in the reference.`
    );
  if (current.kind === "numeric" && current.measured?.ksError) {
    const measured = current.measured;
    const ksError = measured.ksError ?? 0;
    const sd = reference.kind === "numeric" ? normalizeWasserstein(measured.wassersteinError, reference.std, current.std) : NaN;
    sentences.push(
      `From a server profile (${measured.by}): KS D within \xB1${formatNumber(ksError)}, Wasserstein distance within \xB1${formatNumber(sd)} sd.`
    );
  }
  if (column.unseen.length > 0) {
    const shown = column.unseen.slice(0, 3).map((u) => `${JSON.stringify(u.category)} (${percent2(u.share)})`);
    const more = column.unseen.length > 3 ? ` and ${column.unseen.length - 3} more` : "";
    const total = column.unseen.reduce((sum, u) => sum + u.share, 0);
    if (column.unseen.length === 1)
      sentences.push(
        `New category ${JSON.stringify(column.unseen[0].category)}, not in the reference: ${percent2(total)} of current values.`
      );
    else
      sentences.push(
        `New categories, not in the reference: ${shown.join(", ")}${more}; ${percent2(total)} of current values together.`
      );
  }
  return sentences;
}
function calibratedSentences(column, significance, effect, missing, alpha, thresholds) {
  const sentences = [];
  const testName = significance?.test === "ks" ? "KS" : "chi-squared";
  if (significance && effect) {
    const unit = effect.measure === "wasserstein" ? " sd" : "";
    const measure = effect.measure === "wasserstein" ? "Wasserstein distance" : "Jensen\u2013Shannon distance";
    const beyond = effect.excess > 0 ? `${formatNumber(effect.excess)}${unit} beyond the ${formatNumber(effect.noise)}${unit} of sampling noise at this size` : `within the ${formatNumber(effect.noise)}${unit} of sampling noise at this size`;
    const size = `${measure} ${formatNumber(effect.value)}${unit}, ${beyond} (threshold ${formatNumber(effect.threshold)}${unit})`;
    const p = `${testName} adjusted p = ${formatNumber(significance.adjustedPValue)}`;
    const significant = significance.adjustedPValue <= alpha;
    const large = effect.excess >= effect.threshold;
    if (significant && large) sentences.push(`Distribution changed: ${size}; ${p} <= ${formatNumber(alpha)}.`);
    else if (significant) sentences.push(`A real but small change: ${p} <= ${formatNumber(alpha)}, but ${size}.`);
    else if (large)
      sentences.push(
        `A large-looking change that sampling noise explains at this window size: ${p} > ${formatNumber(alpha)}; ${size}.`
      );
    else sentences.push(`No meaningful change: ${p}; ${size}.`);
  } else if (presentCount(column.reference) === 0) {
    sentences.push("The reference has no non-missing values in this column, so only the missing share is compared.");
  }
  if (missing) {
    const change = `Missing values ${percent2(missing.referenceShare)} in the reference, ${percent2(missing.currentShare)} now (Cohen's h ${formatNumber(missing.cohensH)}, threshold ${formatNumber(thresholds.missing)}; Fisher adjusted p = ${formatNumber(missing.adjustedPValue)})`;
    const significant = missing.adjustedPValue <= alpha;
    const large = Math.abs(missing.cohensH) >= missing.threshold;
    if (significant && large) sentences.push(`${change}: the missing share changed.`);
    else if (significant || large) sentences.push(`${change}: not a drift on its own.`);
  }
  return sentences;
}
function compareColumns(a, b) {
  if (a.role !== b.role) return a.role === "prediction" ? -1 : 1;
  if (a.drifted !== b.drifted) return a.drifted ? -1 : 1;
  if (a.severity !== b.severity) return b.severity - a.severity;
  const minP = (c) => Math.min(c.significance?.adjustedPValue ?? 1, c.missing?.adjustedPValue ?? 1);
  const difference = minP(a) - minP(b);
  if (difference !== 0 && !Number.isNaN(difference)) return difference;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// src/monitor/column-pool.ts
import { availableParallelism as availableParallelism3 } from "node:os";
var MIN_POOLED_VALUES = 1 << 19;
var DEFAULT_POOL_POLICY = { minValues: MIN_POOLED_VALUES, threads: availableParallelism3() };
var ColumnPool = class {
  constructor(policy = DEFAULT_POOL_POLICY) {
    this.policy = policy;
  }
  policy;
  workers;
  pending = /* @__PURE__ */ new Map();
  nextId = 0;
  dead = /* @__PURE__ */ new Set();
  /** Threads used by the last call (0: this thread alone), for tests and benchmarks. */
  lastThreads = 0;
  summarize(columns, psiBins) {
    return this.run(columns.map((column) => ({ op: "summarize", column, psiBins })));
  }
  sort(values) {
    return this.run(values.map((v) => ({ op: "sort", values: v })));
  }
  measure(pairs) {
    return this.run(pairs.map((p) => ({ op: "measure", ...p })));
  }
  /** Runs the jobs, results in their order. */
  async run(jobs) {
    const total = jobs.reduce((sum, job) => sum + jobSize(job), 0);
    const wanted = Math.min(this.policy.threads, jobs.length);
    const workers = wanted >= 2 && total >= this.policy.minValues ? (await this.start()).slice(0, wanted) : [];
    this.lastThreads = workers.length;
    if (workers.length === 0) return jobs.map(runColumnJob);
    const results = new Array(jobs.length);
    const order = jobs.map((_, i) => i).sort((a, b) => jobSize(jobs[b]) - jobSize(jobs[a]));
    let next = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < order.length) {
          const i = order[next++];
          results[i] = await this.send(worker, jobs[i]).catch(() => runColumnJob(jobs[i]));
        }
      })
    );
    return results;
  }
  async close() {
    const workers = this.workers ? await this.workers : [];
    this.workers = void 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  start() {
    this.workers ??= (async () => {
      const entry = { bundled: "column-worker", source: new URL("./column-worker.ts", import.meta.url) };
      const started = await Promise.all(Array.from({ length: this.policy.threads }, () => startWorker(entry)));
      const workers = started.filter((w) => w !== void 0);
      for (const worker of workers) {
        worker.unref();
        worker.on("message", ({ id, result, failed }) => {
          const pending = this.pending.get(id);
          this.pending.delete(id);
          if (failed !== void 0) pending?.reject(new Error(failed));
          else pending?.resolve(result);
        });
        worker.on("error", (error) => this.fail(worker, error));
        worker.on("exit", () => this.fail(worker, new Error("column worker exited")));
      }
      return workers.length >= 2 ? workers : (await Promise.all(workers.map((w) => w.terminate())), []);
    })();
    return this.workers;
  }
  send(worker, job) {
    const id = this.nextId++;
    if (this.dead.has(worker)) return Promise.reject(new Error("column worker exited"));
    return new Promise((resolve11, reject) => {
      this.pending.set(id, { worker, resolve: resolve11, reject });
      worker.postMessage({ id, job: compactJob(job) });
    });
  }
  /** A worker that failed or exited: its jobs go back to the callers (who run them here). */
  fail(worker, error) {
    this.dead.add(worker);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }
};
function compact(values) {
  return values.byteOffset === 0 && values.byteLength === values.buffer.byteLength ? values : values.slice();
}
function compactJob(job) {
  if (job.op === "summarize") return { ...job, column: { ...job.column, values: compact(job.column.values) } };
  if (job.op === "sort") return { op: "sort", values: compact(job.values) };
  return {
    op: "measure",
    reference: { ...job.reference, sortedValues: compact(job.reference.sortedValues) },
    current: { ...job.current, sortedValues: compact(job.current.sortedValues) }
  };
}

// src/monitor/unscored-rows.ts
function countUnscored(table2, offset = 0, into = { count: 0 }) {
  const score = table2.columns.find((c) => c.name === SCORE_COLUMN);
  if (score?.kind !== "numeric") return into;
  for (let i = 0; i < score.values.length; i++) {
    if (Number.isFinite(score.values[i])) continue;
    into.count++;
    into.firstRow ??= offset + i;
  }
  return into;
}
async function unscoredNote(side, unscored, rowCount3, paths, features, display2) {
  if (!unscored.count || unscored.firstRow === void 0) return void 0;
  const cells = await cellsOfRow(paths, unscored.firstRow, features) ?? [];
  const missing = cells.filter((cell) => cell.text === void 0 || isMissingText(cell.text));
  const place = cells.length ? cellPlace(cells[0], display2(cells[0].file)) : `data row ${unscored.firstRow + 1}`;
  const why = missing.length ? `, where ${missing.map((c) => `column "${c.column}" holds ${describeCell(c)}`).join(", ")} (missing)` : "";
  return `${unscored.count.toLocaleString("en-US")} of ${rowCount3.toLocaleString("en-US")} rows of the ${side} have no prediction: the model scores them NaN (the first at ${place}${why}); they count as missing predictions. Fill the values upstream, or export the model with an imputer.`;
}

// src/stats/drift/binned-window.ts
function distinctSorted(sorted2) {
  let k = 0;
  const out = new Float64Array(sorted2.length);
  for (let i = 0; i < sorted2.length; i++) if (i === 0 || sorted2[i] !== sorted2[i - 1]) out[k++] = sorted2[i];
  return out.slice(0, k);
}
function emptyBinnedWindow(referenceSorted) {
  const grid = distinctSorted(referenceSorted);
  const k = grid.length;
  return {
    grid,
    equal: new Float64Array(k),
    gapCount: new Float64Array(k + 1),
    gapOffset: new Float64Array(k + 1),
    count: 0
  };
}
function addToBinnedWindow(window2, values) {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present++;
  if (present === 0) return;
  const sorted2 = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted2[k++] = values[i];
  sortFloat64(sorted2);
  const { grid, equal, gapCount, gapOffset } = window2;
  const size = grid.length;
  let at = 0;
  for (let i = 0; i < present; i++) {
    const v = sorted2[i];
    if (at < size && grid[at] < v) at = gallop(grid, v, at);
    if (at < size && grid[at] === v) {
      equal[at] += 1;
    } else {
      gapCount[at] += 1;
      gapOffset[at] += at === 0 ? grid[0] - v : v - grid[at - 1];
    }
  }
  window2.count += present;
}
function addCountsToBinnedWindow(window2, keys, counts) {
  const { grid, equal, gapCount, gapOffset } = window2;
  const size = grid.length;
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i];
    const n = counts[i];
    if (n === 0) continue;
    if (at < size && grid[at] < v) at = gallop(grid, v, at);
    if (at < size && grid[at] === v) equal[at] += n;
    else {
      gapCount[at] += n;
      gapOffset[at] += n * (at === 0 ? grid[0] - v : v - grid[at - 1]);
    }
    window2.count += n;
  }
}
function gallop(grid, v, from) {
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < grid.length && grid[hi] < v) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > grid.length) hi = grid.length;
  while (hi - lo > 1) {
    const mid = lo + hi >>> 1;
    if (grid[mid] < v) lo = mid;
    else hi = mid;
  }
  return hi;
}
function compareBinnedWindow(referenceSorted, window2) {
  const { grid, equal, gapCount, gapOffset } = window2;
  const n1 = referenceSorted.length;
  const n2 = window2.count;
  const size = grid.length;
  let plusGap = -Infinity;
  let plusLocation = NaN;
  let minusGap = -Infinity;
  let minusLocation = NaN;
  const consider = (diff, location) => {
    if (diff > plusGap) {
      plusGap = diff;
      plusLocation = location;
    }
    if (-diff > minusGap) {
      minusGap = -diff;
      minusLocation = location;
    }
  };
  let sum = 0;
  let compensation = 0;
  let errorBound = 0;
  const add = (term) => {
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  };
  let below = 0;
  if (gapCount[0] > 0) {
    below = gapCount[0];
    consider(0 / n1 - below / n2, grid[0]);
    add(gapOffset[0] / n2);
  }
  let i = 0;
  for (let j = 0; j < size; j++) {
    const u = grid[j];
    while (i < n1 && referenceSorted[i] <= u) i++;
    below += equal[j];
    const fRef = i / n1;
    consider(fRef - below / n2, u);
    const inGap = gapCount[j + 1];
    if (j + 1 < size) {
      const width = grid[j + 1] - u;
      const start2 = below / n2 - fRef;
      if (inGap > 0) {
        const end = (below + inGap) / n2 - fRef;
        consider(fRef - (below + inGap) / n2, u);
        const signed3 = start2 * width + (inGap * width - gapOffset[j + 1]) / n2;
        if (start2 >= 0) add(signed3);
        else if (end <= 0) add(-signed3);
        else {
          const low = Math.abs(signed3);
          const high = Math.min(signed3 + 2 * -start2 * width, -signed3 + 2 * end * width);
          add((low + high) / 2);
          errorBound += (high - low) / 2;
        }
      } else {
        add(Math.abs(start2) * width);
      }
    } else if (inGap > 0) {
      below += inGap;
      consider(1 - below / n2, u);
      add(gapOffset[j + 1] / n2);
    }
    if (j + 1 < size) below += inGap;
  }
  return {
    gaps: { plusGap, plusLocation, minusGap: Math.min(1, Math.max(0, minusGap)), minusLocation },
    wasserstein: sum + compensation,
    wassersteinError: errorBound
  };
}

// src/stats/drift/window-summary.ts
var DEFAULT_EXACT_VALUES = 1 << 25;
var HISTOGRAM_SAMPLE_SIZE = 2e4;
var WindowSummarizer = class {
  constructor(references, options = {}) {
    this.references = references;
    const numeric = [...references.values()].filter((s) => s.kind === "numeric").length;
    const perColumn = Math.max(1, Math.floor((options.exactValues ?? DEFAULT_EXACT_VALUES) / Math.max(1, numeric)));
    for (const [name, reference] of references) {
      this.accumulators.set(
        name,
        reference.kind === "numeric" ? new NumericAccumulator(name, reference, perColumn, options.sampleFor) : new CategoricalAccumulator(name, options.sampleFor)
      );
    }
  }
  references;
  rowCount = 0;
  accumulators = /* @__PURE__ */ new Map();
  kindChanges = /* @__PURE__ */ new Map();
  seen = /* @__PURE__ */ new Set();
  sawColumn = /* @__PURE__ */ new Set();
  /** Adds one batch of rows (a Table over any columns). */
  add(batch) {
    const byName = new Map(batch.columns.map((c) => [c.name, c]));
    for (const c of batch.columns) this.seen.add(c.name);
    for (const [name, accumulator] of this.accumulators) {
      const column = byName.get(name);
      const reference = this.references.get(name);
      if (column && column.kind !== reference.kind) {
        if (!this.kindChanges.has(name)) this.kindChanges.set(name, column.kind);
        continue;
      }
      if (column) this.sawColumn.add(name);
      accumulator.add(column, batch.rowCount);
    }
    this.rowCount += batch.rowCount;
  }
  /**
   * The values numeric columns kept exactly, unsorted, by column: a caller may sort them
   * elsewhere (sortedNonMissing, on other threads) and hand them to finish().
   */
  keptValues() {
    const kept = /* @__PURE__ */ new Map();
    for (const [name, accumulator] of this.accumulators) {
      const values = accumulator instanceof NumericAccumulator ? accumulator.kept() : void 0;
      if (values && this.sawColumn.has(name) && !this.kindChanges.has(name)) kept.set(name, values);
    }
    return kept;
  }
  /** The summaries; `sorted` holds keptValues() passed through sortedNonMissing, by column. */
  finish(sorted2) {
    const columns = /* @__PURE__ */ new Map();
    const samples = /* @__PURE__ */ new Map();
    for (const [name, accumulator] of this.accumulators) {
      if (!this.sawColumn.has(name) || this.kindChanges.has(name)) continue;
      columns.set(name, accumulator.finish(this.rowCount, sorted2?.get(name)));
      const sample = accumulator.sample();
      if (sample) samples.set(name, sample);
    }
    return { rowCount: this.rowCount, columns, kindChanges: this.kindChanges, seen: [...this.seen], samples };
  }
};
var NumericAccumulator = class {
  constructor(name, reference, exactLimit, random) {
    this.name = name;
    this.reference = reference;
    this.exactLimit = exactLimit;
    this.reservoir = random ? new Reservoir(HISTOGRAM_SAMPLE_SIZE, random) : void 0;
  }
  name;
  reference;
  exactLimit;
  buffer = new Float64Array(1024);
  buffered = 0;
  binned;
  psiCounts;
  present = 0;
  mean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;
  reservoir;
  add(column, _rows) {
    if (!column || column.kind !== "numeric") return;
    const values = column.values;
    this.addMoments(values);
    if (this.reservoir) {
      for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) this.reservoir.offer(values[i]);
    }
    if (this.buffer && this.buffered + values.length <= this.exactLimit) {
      this.append(values);
      return;
    }
    if (this.buffer) this.switchToCounts();
    addToBinnedWindow(this.binned, values);
    this.countPsi(values);
  }
  append(values) {
    let buffer = this.buffer;
    if (this.buffered + values.length > buffer.length) {
      const grown = new Float64Array(
        Math.min(this.exactLimit, Math.max(buffer.length * 2, this.buffered + values.length))
      );
      grown.set(buffer.subarray(0, this.buffered));
      buffer = this.buffer = grown;
    }
    buffer.set(values, this.buffered);
    this.buffered += values.length;
  }
  switchToCounts() {
    this.binned = emptyBinnedWindow(this.reference.sortedValues);
    this.psiCounts = this.reference.psi ? new Array(this.reference.psi.edges.length + 1).fill(0) : void 0;
    const kept = this.buffer.subarray(0, this.buffered);
    addToBinnedWindow(this.binned, kept);
    this.countPsi(kept);
    this.buffer = void 0;
  }
  /** psi.ts's right-closed bins: a value goes to the first bin whose edge it does not exceed. */
  countPsi(values) {
    const counts = this.psiCounts;
    const edges = this.reference.psi?.edges;
    if (!counts || !edges) return;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if (v > edges[mid]) lo = mid + 1;
        else hi = mid;
      }
      counts[lo] += 1;
    }
  }
  /** Chan et al.'s pairwise update of count, mean and M2 with one batch's exact two-pass moments. */
  addMoments(values) {
    const batch = moments(values);
    if (batch.count === 0) return;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
    }
    const batchM2 = batch.std * batch.std * batch.count;
    const total = this.present + batch.count;
    const delta = batch.mean - this.mean;
    this.mean += delta * batch.count / total;
    this.m2 += batchM2 + delta * delta * this.present * batch.count / total;
    this.present = total;
  }
  /** The values kept exactly (undefined once the window switched to counts). */
  kept() {
    return this.buffer?.subarray(0, this.buffered);
  }
  finish(rowCount3, sorted2) {
    const base = { kind: "numeric", name: this.name, rowCount: rowCount3, missingCount: rowCount3 - this.present };
    if (this.buffer) {
      const sortedValues = sorted2 ?? sortedNonMissing(this.buffer.subarray(0, this.buffered));
      return exactNumericSummary(this.name, rowCount3, base.missingCount, sortedValues);
    }
    const empty = this.present === 0;
    const summary = {
      ...base,
      sortedValues: new Float64Array(0),
      sampled: false,
      mean: empty ? NaN : this.mean,
      std: empty ? NaN : Math.sqrt(this.m2 / this.present),
      min: empty ? NaN : this.min,
      max: empty ? NaN : this.max
    };
    if (empty || this.reference.sortedValues.length === 0) return summary;
    const comparison = compareBinnedWindow(this.reference.sortedValues, this.binned);
    return {
      ...summary,
      measured: {
        reference: this.reference,
        ...comparison,
        psiCounts: this.psiCounts,
        by: "counted on the reference's values"
      }
    };
  }
  sample() {
    if (!this.reservoir) return void 0;
    return { kind: "numeric", name: this.name, values: Float64Array.from(this.reservoir.items) };
  }
};
var CategoricalAccumulator = class {
  constructor(name, random) {
    this.name = name;
    this.reservoir = random ? new Reservoir(HISTOGRAM_SAMPLE_SIZE, random) : void 0;
  }
  name;
  counts = /* @__PURE__ */ new Map();
  missing = 0;
  rows = 0;
  reservoir;
  add(column, rows) {
    this.rows += rows;
    if (!column || column.kind !== "categorical") {
      this.missing += rows;
      return;
    }
    const byCode = new Float64Array(column.categories.length);
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i];
      if (code < 0 || code >= byCode.length) this.missing += 1;
      else {
        byCode[code] += 1;
        this.reservoir?.offer(column.categories[code]);
      }
    }
    column.categories.forEach((label, code) => {
      if (byCode[code] > 0) this.counts.set(label, (this.counts.get(label) ?? 0) + byCode[code]);
    });
  }
  finish(rowCount3) {
    const missingCount = this.missing + (rowCount3 - this.rows);
    return {
      kind: "categorical",
      name: this.name,
      rowCount: rowCount3,
      missingCount,
      categories: [...this.counts.keys()],
      counts: [...this.counts.values()]
    };
  }
  sample() {
    if (!this.reservoir) return void 0;
    const categories = [...new Set(this.reservoir.items)];
    const index = new Map(categories.map((c, i) => [c, i]));
    return {
      kind: "categorical",
      name: this.name,
      categories,
      codes: Int32Array.from(this.reservoir.items, (c) => index.get(c))
    };
  }
};
var Reservoir = class {
  constructor(size, random) {
    this.size = size;
    this.random = random;
  }
  size;
  random;
  items = [];
  seen = 0;
  offer(item) {
    if (this.items.length < this.size) this.items.push(item);
    else {
      const slot = Math.floor(this.random() * (this.seen + 1));
      if (slot < this.size) this.items[slot] = item;
    }
    this.seen++;
  }
};

// src/monitor/window-from-files.ts
async function summarizeWindowFiles(paths, references, options) {
  const summarizer = new WindowSummarizer(references, options);
  let score = options.score;
  let scoringNote;
  let rows = 0;
  let scored = 0;
  let nextReport = 1e7;
  const unscored = { count: 0 };
  try {
    for await (const batch of tableBatches(paths, { types: options.types })) {
      let table2 = batch;
      if (score) {
        try {
          table2 = await score(batch);
          countUnscored(table2, rows, unscored);
          scored++;
        } catch (error) {
          if (!isUserError(error) || scored > 0) throw error;
          score = void 0;
          scoringNote = `Input drift only: the model could not score the data (${error.message.split("\n")[0]}).`;
        }
      }
      summarizer.add(table2);
      rows += batch.rowCount;
      if (rows >= nextReport) {
        options.log?.(`drift: ${rows.toLocaleString("en-US")} rows of the window read`);
        nextReport += 1e7;
      }
    }
  } catch (error) {
    if (isUserError(error) && /its type is set to numeric/.test(error.message)) {
      throw new UserError(
        `${error.message} (drift reads the window with the reference's column types and drift.types: a text value in a column that is numeric in the reference is a change drift will not guess about.)`,
        error.where
      );
    }
    throw error;
  }
  const kept = options.pool ? summarizer.keptValues() : /* @__PURE__ */ new Map();
  const sorted2 = kept.size ? await options.pool.sort([...kept.values()]) : [];
  return { ...summarizer.finish(new Map([...kept.keys()].map((name, i) => [name, sorted2[i]]))), scoringNote, unscored };
}

// src/monitor/profile-current.ts
import { readFile as readFile7 } from "node:fs/promises";
import { basename as basename3, extname } from "node:path";

// src/stats/drift/value-counts.ts
var EXACT_BITS = 52;
var MIN_VALUE_CAP = 4096;
var scratch = new Float64Array(1);
var words = new Uint32Array(scratch.buffer);
var LOW = new Uint8Array(new Float64Array([1]).buffer)[0] === 0 ? 0 : 1;
var HIGH = 1 - LOW;
function truncateBits(v, bits) {
  if (bits >= EXACT_BITS || !Number.isFinite(v)) return v;
  scratch[0] = v;
  const drop = EXACT_BITS - bits;
  if (drop >= 32) {
    words[LOW] = 0;
    words[HIGH] = (words[HIGH] & ~((1 << drop - 32) - 1)) >>> 0;
  } else {
    words[LOW] = (words[LOW] & ~(2 ** drop - 1 >>> 0)) >>> 0;
  }
  return scratch[0];
}
function bucketEnd(key, bits) {
  if (bits >= EXACT_BITS || !Number.isFinite(key)) return key;
  scratch[0] = key;
  const drop = EXACT_BITS - bits;
  if (drop >= 32) {
    words[LOW] = 4294967295;
    words[HIGH] = (words[HIGH] | (1 << drop - 32) - 1) >>> 0;
  } else {
    words[LOW] = (words[LOW] | 2 ** drop - 1) >>> 0;
  }
  return scratch[0];
}
function bucketOf(key, bits) {
  const end = bucketEnd(key, bits);
  if (key === 0) return [-end, end];
  return key > 0 ? [key, end] : [end, key];
}
var ValueCounts = class {
  constructor(cap) {
    this.cap = cap;
    if (!Number.isInteger(cap) || cap < MIN_VALUE_CAP)
      throw new Error(`ValueCounts: cap must be an integer >= ${MIN_VALUE_CAP}, got ${cap}`);
  }
  cap;
  counts = /* @__PURE__ */ new Map();
  bits = EXACT_BITS;
  /** Counts `count` occurrences of a finite value. */
  add(value2, count = 1) {
    const key = truncateBits(value2, this.bits);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    if (this.counts.size > this.cap) this.coarsen(this.bits - 1);
  }
  /** Adds other counts (kept at `bits`); the result is as if every value had been added here. */
  merge(keys, counts, bits) {
    if (bits < this.bits) this.coarsen(bits);
    for (let i = 0; i < keys.length; i++) this.add(keys[i], counts[i]);
  }
  /**
   * Truncates every key to at most `bits`, and further until they fit the cap: to the largest
   * precision <= `bits` at which the keys fit (0 if none), as dropping one bit at a time would.
   * Truncation nests, so the number of distinct keys only falls as bits do, and it is monotone
   * (toward zero on each side of 0), so over the sorted keys equal truncated keys are adjacent: a
   * binary search over the bit count, counting runs, finds the precision, and the map is rebuilt
   * once. Dropping one bit at a time, a column of continuous values rebuilt it ~40 times.
   */
  coarsen(bits) {
    const keys = Float64Array.from(this.counts.keys()).sort();
    let lo = 0;
    let hi = Math.max(0, bits);
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.fits(keys, mid)) lo = mid;
      else hi = mid - 1;
    }
    const next = /* @__PURE__ */ new Map();
    for (const [key, count] of this.counts) {
      const k = truncateBits(key, lo);
      next.set(k, (next.get(k) ?? 0) + count);
    }
    this.counts = next;
    this.bits = lo;
  }
  /** Whether the sorted keys truncated to `bits` are at most `cap` distinct (-0 and 0 are one key, as in a Map). */
  fits(sorted2, bits) {
    let distinct = 0;
    let last = NaN;
    for (let i = 0; i < sorted2.length; i++) {
      const k = truncateBits(sorted2[i], bits);
      if (k !== last && ++distinct > this.cap) return false;
      last = k;
    }
    return true;
  }
  /** Keys ascending with their counts. */
  sorted() {
    const keys = Float64Array.from(this.counts.keys()).sort();
    const counts = Float64Array.from(keys, (k) => this.counts.get(k));
    return { keys, counts };
  }
};

// src/stats/drift/profile-window.ts
var DEFAULT_EXACT_VALUES2 = 1 << 25;
function summarizeProfileWindow(profile, references, options = {}) {
  const numeric = [...references.values()].filter((s) => s.kind === "numeric").length;
  const perColumn = Math.max(1, Math.floor((options.exactValues ?? DEFAULT_EXACT_VALUES2) / Math.max(1, numeric)));
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const columns = /* @__PURE__ */ new Map();
  const kindChanges = /* @__PURE__ */ new Map();
  for (const [name, reference] of references) {
    const column = byName.get(name);
    if (!column) continue;
    if (reference.kind === "categorical") {
      if (column.kind === "categorical") {
        if (column.overflowCount > 0)
          throw new UserError(
            `--current: column ${JSON.stringify(name)} had more than ${profile.maxValues} distinct categories in a window, so its profile counted ${column.overflowCount} row(s) without their category; raise serve.profile.max_values, or judge the raw log.`
          );
        columns.set(name, {
          kind: "categorical",
          name,
          rowCount: profile.rowCount,
          missingCount: column.missingCount,
          categories: column.categories,
          counts: column.counts
        });
      } else if (column.bits === EXACT_BITS) {
        columns.set(name, numbersAsCategories(column, profile.rowCount));
      } else {
        kindChanges.set(name, "numeric");
      }
      continue;
    }
    if (column.kind !== "numeric") {
      kindChanges.set(name, column.kind);
      continue;
    }
    columns.set(name, numericSummary(column, reference, profile.rowCount, perColumn));
  }
  return {
    rowCount: profile.rowCount,
    columns,
    kindChanges,
    seen: profile.columns.map((c) => c.name),
    samples: /* @__PURE__ */ new Map()
  };
}
function numbersAsCategories(column, rowCount3) {
  return {
    kind: "categorical",
    name: column.name,
    rowCount: rowCount3,
    missingCount: column.missingCount,
    categories: column.values.map((v) => String(v)),
    counts: column.counts
  };
}
function numericSummary(column, reference, rowCount3, perColumn) {
  const keys = Float64Array.from(column.values);
  const counts = Float64Array.from(column.counts);
  const present = counts.reduce((a, b) => a + b, 0);
  const base = { kind: "numeric", name: column.name, rowCount: rowCount3, missingCount: column.missingCount };
  const exact = column.bits === EXACT_BITS;
  if (exact && rowCount3 <= perColumn) {
    const sortedValues = new Float64Array(present);
    let at = 0;
    for (let i = 0; i < keys.length; i++) sortedValues.fill(keys[i], at, at += counts[i]);
    return exactNumericSummary(column.name, rowCount3, column.missingCount, sortedValues);
  }
  const empty = present === 0;
  const summary = {
    ...base,
    sortedValues: new Float64Array(0),
    sampled: false,
    mean: empty ? NaN : column.mean,
    std: empty ? NaN : Math.sqrt(column.m2 / present),
    min: empty ? NaN : column.min,
    max: empty ? NaN : column.max
  };
  if (empty || reference.sortedValues.length === 0) return summary;
  const window2 = emptyBinnedWindow(reference.sortedValues);
  addCountsToBinnedWindow(window2, keys, counts);
  const comparison = compareBinnedWindow(reference.sortedValues, window2);
  const rounding = exact ? { ks: 0, wasserstein: 0 } : roundingError(keys, counts, column.bits, window2.grid, present);
  return {
    ...summary,
    measured: {
      reference,
      ...comparison,
      wassersteinError: comparison.wassersteinError + rounding.wasserstein,
      ksError: rounding.ks,
      psiCounts: reference.psi ? psiCounts(keys, counts, reference.psi.edges) : void 0,
      psiMovedShare: reference.psi && !exact ? straddlingShare(keys, counts, column.bits, reference.psi.edges, present) : void 0,
      by: exact ? "server profiles, counted on the reference's values" : `server profiles, values kept to ${column.bits} significant bits`
    }
  };
}
function roundingError(keys, counts, bits, grid, present) {
  let ks = 0;
  let moved = 0;
  let g = 0;
  for (let i = 0; i < keys.length; i++) {
    const [lo, hi] = bucketOf(keys[i], bits);
    moved += counts[i] * (hi - lo);
    if (hi === lo) continue;
    while (g < grid.length && grid[g] < lo) g++;
    let k = g;
    while (k > 0 && grid[k - 1] >= lo) k--;
    if (k < grid.length && grid[k] <= hi) ks = Math.max(ks, counts[i] / present);
  }
  return { ks, wasserstein: moved / present };
}
function psiCounts(keys, counts, edges) {
  const out = new Array(edges.length + 1).fill(0);
  let bin = 0;
  for (let i = 0; i < keys.length; i++) {
    while (bin < edges.length && keys[i] > edges[bin]) bin++;
    out[bin] += counts[i];
  }
  return out;
}
function straddlingShare(keys, counts, bits, edges, present) {
  let moved = 0;
  for (let i = 0; i < keys.length; i++) {
    const [lo, hi] = bucketOf(keys[i], bits);
    if (hi > lo && edges.some((edge) => lo <= edge && edge < hi)) moved += counts[i];
  }
  return moved / present;
}

// src/stats/drift/window-profile.ts
var FORMAT = "modelkeeper-window-profile";
var VERSION4 = 1;
var DEFAULT_MAX_VALUES = 16384;
var MAX_CATEGORY_CHARS = 4 * 1024 * 1024;
var WindowProfileBuilder = class {
  constructor(model, maxValues = DEFAULT_MAX_VALUES) {
    this.model = model;
    this.maxValues = maxValues;
    if (!Number.isInteger(maxValues) || maxValues < MIN_VALUE_CAP)
      throw new UserError(`the profile's max_values must be a whole number >= ${MIN_VALUE_CAP}, got ${maxValues}.`);
  }
  model;
  maxValues;
  rowCount = 0;
  columns = /* @__PURE__ */ new Map();
  versions = /* @__PURE__ */ new Set();
  start = "";
  end = "";
  classThreshold;
  get rows() {
    return this.rowCount;
  }
  /** The window this builder counts (ISO times) and the binary class threshold, if any. */
  describe(span, classThreshold) {
    this.widen(span.start, span.end);
    if (classThreshold !== void 0) this.classThreshold = classThreshold;
  }
  /** Counts rows `rows` (default: all) of a table; `version` is the model version that scored them. */
  add(table2, version, rows) {
    const count = rows ? rows.length : table2.rowCount;
    if (count === 0) return;
    for (const column of table2.columns) {
      const kind2 = this.columns.get(column.name)?.kind;
      if (kind2 !== void 0 && kind2 !== column.kind)
        throw new UserError(
          `profile: column ${JSON.stringify(column.name)} is ${column.kind} in this batch but ${kind2} earlier in the window; these rows are not profiled.`
        );
    }
    this.versions.add(version);
    const seen = /* @__PURE__ */ new Set();
    for (const column of table2.columns) {
      if (seen.has(column.name)) continue;
      seen.add(column.name);
      const state = this.stateFor(column.name, column.kind);
      if (column.kind === "numeric" && state.kind === "numeric") {
        const values = new Float64Array(count);
        for (let r = 0; r < count; r++) {
          const v = column.values[rows ? rows[r] : r];
          values[r] = Number.isFinite(v) ? v : NaN;
        }
        addNumeric(state, values);
      } else if (column.kind === "categorical" && state.kind === "categorical") {
        for (let r = 0; r < count; r++) {
          const code = column.codes[rows ? rows[r] : r];
          if (code < 0 || code >= column.categories.length) state.missing += 1;
          else this.countCategory(state, column.categories[code], 1);
        }
      } else {
        throw new UserError(
          `profile: column ${JSON.stringify(column.name)} is ${column.kind} here but ${state.kind} earlier in the window.`
        );
      }
    }
    for (const [name, state] of this.columns) if (!seen.has(name)) state.missing += count;
    this.rowCount += count;
  }
  /** Adds a whole profile (of another window or replica); `where` names it in messages. */
  merge(profile, where) {
    if (profile.model !== this.model)
      throw new UserError(
        `${where}: a profile of model ${JSON.stringify(profile.model)}, not ${JSON.stringify(this.model)}; pass one model's profiles.`,
        { file: where }
      );
    if (profile.classThreshold !== void 0) {
      if (this.classThreshold !== void 0 && this.classThreshold !== profile.classThreshold)
        throw new UserError(
          `${where}: its prediction: class was counted at threshold ${profile.classThreshold}, the other profiles' at ${this.classThreshold}; judge them apart.`,
          { file: where }
        );
      this.classThreshold = profile.classThreshold;
    }
    this.widen(profile.start, profile.end);
    for (const v of profile.versions) this.versions.add(v);
    const seen = /* @__PURE__ */ new Set();
    for (const column of profile.columns) {
      seen.add(column.name);
      const state = this.stateFor(column.name, column.kind, where);
      state.missing += column.missingCount;
      if (column.kind === "numeric" && state.kind === "numeric") {
        state.values.merge(column.values, column.counts, column.bits);
        const present = column.counts.reduce((a, b) => a + b, 0);
        if (present > 0) mergeMoments(state, present, column.mean, column.m2, column.min, column.max);
      } else if (column.kind === "categorical" && state.kind === "categorical") {
        column.categories.forEach((c, i) => this.countCategory(state, c, column.counts[i]));
        state.overflow += column.overflowCount;
      }
    }
    for (const [name, state] of this.columns) if (!seen.has(name)) state.missing += profile.rowCount;
    this.rowCount += profile.rowCount;
  }
  /** The profile as JSON-ready data. */
  build() {
    const columns = [];
    for (const [name, state] of this.columns) {
      if (state.kind === "categorical") {
        columns.push({
          kind: "categorical",
          name,
          missingCount: state.missing,
          categories: [...state.counts.keys()],
          counts: [...state.counts.values()],
          overflowCount: state.overflow
        });
        continue;
      }
      const { keys, counts } = state.values.sorted();
      const empty = state.present === 0;
      columns.push({
        kind: "numeric",
        name,
        missingCount: state.missing,
        bits: state.values.bits,
        values: Array.from(keys),
        counts: Array.from(counts),
        mean: empty ? null : state.mean,
        m2: empty ? null : state.m2,
        min: empty ? null : state.min,
        max: empty ? null : state.max
      });
    }
    return {
      format: FORMAT,
      version: VERSION4,
      model: this.model,
      versions: [...this.versions].sort(),
      start: this.start,
      end: this.end,
      rowCount: this.rowCount,
      maxValues: this.maxValues,
      ...this.classThreshold !== void 0 ? { classThreshold: this.classThreshold } : {},
      columns
    };
  }
  widen(start2, end) {
    if (!this.start || start2 < this.start) this.start = start2;
    if (!this.end || end > this.end) this.end = end;
  }
  stateFor(name, kind2, where) {
    const existing = this.columns.get(name);
    if (existing) {
      if (existing.kind !== kind2)
        throw new UserError(
          `${where ?? "profile"}: column ${JSON.stringify(name)} is ${kind2} there but ${existing.kind} in the other profiles; judge them apart or set drift.types.`,
          where ? { file: where } : void 0
        );
      return existing;
    }
    const state = kind2 === "numeric" ? {
      kind: kind2,
      missing: this.rowCount,
      values: new ValueCounts(this.maxValues),
      present: 0,
      mean: 0,
      m2: 0,
      min: Infinity,
      max: -Infinity
    } : { kind: kind2, missing: this.rowCount, counts: /* @__PURE__ */ new Map(), overflow: 0, chars: 0 };
    this.columns.set(name, state);
    return state;
  }
  countCategory(state, category, count) {
    const known = state.counts.get(category);
    if (known !== void 0) state.counts.set(category, known + count);
    else if (state.counts.size < this.maxValues && state.chars + category.length <= MAX_CATEGORY_CHARS) {
      state.counts.set(category, count);
      state.chars += category.length;
    } else state.overflow += count;
  }
};
function addNumeric(state, values) {
  const batch = moments(values);
  if (batch.count === 0) {
    state.missing += values.length;
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    state.values.add(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  state.missing += values.length - batch.count;
  mergeMoments(state, batch.count, batch.mean, batch.std * batch.std * batch.count, min, max);
}
function mergeMoments(state, count, mean2, m2, min, max) {
  const total = state.present + count;
  const delta = mean2 - state.mean;
  state.mean += delta * count / total;
  state.m2 += m2 + delta * delta * state.present * count / total;
  state.present = total;
  if (min < state.min) state.min = min;
  if (max > state.max) state.max = max;
}
function isWindowProfile(value2) {
  return typeof value2 === "object" && value2 !== null && value2.format === FORMAT;
}
function parseWindowProfile(json, file) {
  const fail = (key, problem) => {
    throw new UserError(`${file}: ${key} ${problem}; it is not a window profile modelkeeper serve wrote.`, {
      file,
      key
    });
  };
  if (!isWindowProfile(json)) fail("format", `must be "${FORMAT}"`);
  const p = json;
  if (p.version !== VERSION4) fail("version", `is ${String(p.version)}, expected ${VERSION4}`);
  const isCount = (x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
  const isNumberOrNull = (x) => x === null || typeof x === "number" && Number.isFinite(x);
  if (typeof p.model !== "string") fail("model", "must be a string");
  if (!Array.isArray(p.versions) || !p.versions.every((v) => typeof v === "string"))
    fail("versions", "must be a list of strings");
  if (typeof p.start !== "string" || typeof p.end !== "string") fail("start/end", "must be ISO times");
  if (!isCount(p.rowCount)) fail("rowCount", "must be a count");
  if (!isCount(p.maxValues) || p.maxValues < MIN_VALUE_CAP) fail("maxValues", `must be a count >= ${MIN_VALUE_CAP}`);
  if (p.classThreshold !== void 0 && typeof p.classThreshold !== "number")
    fail("classThreshold", "must be a number");
  if (!Array.isArray(p.columns)) fail("columns", "must be a list");
  const names = /* @__PURE__ */ new Set();
  p.columns.forEach((c, i) => {
    const key = `columns[${i}]`;
    if (typeof c?.name !== "string") fail(`${key}.name`, "must be a string");
    if (names.has(c.name)) fail(`${key}.name`, `repeats ${JSON.stringify(c.name)}`);
    names.add(c.name);
    if (!isCount(c.missingCount) || c.missingCount > p.rowCount)
      fail(`${key}.missingCount`, "must be a count no larger than rowCount");
    const counts = c.counts;
    if (!Array.isArray(counts) || !counts.every(isCount)) fail(`${key}.counts`, "must be a list of counts");
    const present = c.counts.reduce((a, b) => a + b, 0) + (c.kind === "categorical" ? c.overflowCount : 0);
    if (present + c.missingCount !== p.rowCount) fail(`${key}.counts`, "plus missingCount must add up to rowCount");
    if (c.kind === "numeric") {
      if (!Number.isInteger(c.bits) || c.bits < 0 || c.bits > EXACT_BITS) fail(`${key}.bits`, "must be 0-52");
      const values = c.values;
      if (!Array.isArray(values) || values.length !== c.counts.length || !values.every((v) => Number.isFinite(v)))
        fail(`${key}.values`, "must be one finite number per count");
      for (let k = 1; k < c.values.length; k++)
        if (!(c.values[k] > c.values[k - 1])) fail(`${key}.values`, "must be distinct and ascending");
      if (![c.mean, c.m2, c.min, c.max].every(isNumberOrNull))
        fail(`${key}.mean/m2/min/max`, "must be numbers or null");
      if (present > 0 && [c.mean, c.m2, c.min, c.max].some((x) => x === null))
        fail(`${key}.mean/m2/min/max`, "must be numbers when the column has values");
    } else if (c.kind === "categorical") {
      const categories = c.categories;
      if (!Array.isArray(categories) || categories.length !== c.counts.length || !categories.every((x) => typeof x === "string"))
        fail(`${key}.categories`, "must be one string per count");
      if (new Set(c.categories).size !== c.categories.length) fail(`${key}.categories`, "must not repeat");
      if (!isCount(c.overflowCount)) fail(`${key}.overflowCount`, "must be a count");
    } else {
      fail(`${key}.kind`, 'must be "numeric" or "categorical"');
    }
  });
  return p;
}

// src/monitor/profile-current.ts
var DATA_EXTENSIONS = /* @__PURE__ */ new Set([".csv", ".jsonl", ".ndjson", ".parquet"]);
async function splitProfiles(paths) {
  const profiles = [];
  const files = [];
  for (const path of paths) {
    const json = await profileJson(path);
    if (json === NOT_A_PROFILE) files.push(path);
    else if (json !== TEMP_FILE) profiles.push({ path, profile: parseWindowProfile(json, path), ...writtenBy(json) });
  }
  return { profiles, files };
}
async function withoutProfiles(paths) {
  const files = [];
  for (const path of paths) if (await profileJson(path) === NOT_A_PROFILE) files.push(path);
  return { files, left: paths.length - files.length };
}
function writtenBy(json) {
  const w = json.written;
  return typeof w?.by === "string" && typeof w.start === "number" && typeof w.part === "number" ? { written: `${w.by} ${w.start} ${w.part}` } : {};
}
var NOT_A_PROFILE = /* @__PURE__ */ Symbol("not a profile");
var TEMP_FILE = /* @__PURE__ */ Symbol("a profile's temp file");
async function profileJson(path) {
  if (/^\.profile-.*\.tmp$/.test(basename3(path))) return TEMP_FILE;
  const extension = extname(path).toLowerCase();
  if (DATA_EXTENSIONS.has(extension)) return NOT_A_PROFILE;
  let json;
  try {
    json = JSON.parse(await readFile7(path, "utf8"));
  } catch (error) {
    if (extension === ".json")
      throw new UserError(
        `${path}: not a window profile: ${error.message}. A profile serve wrote is whole JSON; this file is cut short or not JSON (logs are .jsonl).`,
        { file: path }
      );
    return NOT_A_PROFILE;
  }
  return isWindowProfile(json) ? json : NOT_A_PROFILE;
}
function profileWindow(files, references, options) {
  const mine = files.filter((f) => f.profile.model === options.model);
  if (mine.length === 0)
    throw new UserError(
      `--current: none of the ${files.length} window profile(s) is of model ${JSON.stringify(options.model)} (they are of ${[...new Set(files.map((f) => JSON.stringify(f.profile.model)))].join(", ")}); pass --model or that model's profiles.`
    );
  const seen = /* @__PURE__ */ new Map();
  for (const f of mine) {
    if (f.written === void 0) continue;
    const first = seen.get(f.written);
    if (first !== void 0)
      throw new UserError(
        `--current: ${first} and ${f.path} are the same window part of the same server (copies?); its rows would count twice. Pass one of them.`,
        { file: f.path }
      );
    seen.set(f.written, f.path);
  }
  const withThreshold = mine.filter((f) => f.profile.classThreshold !== void 0);
  if (withThreshold.length > 0 && withThreshold.length < mine.length)
    throw new UserError(
      `--current: ${withThreshold[0].path} counted its binary class at a threshold, ${mine.find((f) => f.profile.classThreshold === void 0).path} did not; judge them apart.`
    );
  const builder = new WindowProfileBuilder(options.model, Math.min(...mine.map((f) => f.profile.maxValues)));
  for (const f of mine) builder.merge(f.profile, f.path);
  const merged = named(builder.build(), options.classThreshold);
  return {
    ...summarizeProfileWindow(merged, references),
    source: `${mine.length} window profile(s), ${merged.start} to ${merged.end}`
  };
}
function named(profile, threshold) {
  const score = profile.columns.find((c) => c.name === LOGGED_PREDICTION);
  let columns = profile.columns.filter((c) => c.name !== SCORE_COLUMN).map((c) => c === score ? { ...c, name: SCORE_COLUMN } : c);
  if (threshold !== void 0 && profile.classThreshold !== threshold) {
    columns = columns.filter((c) => c.name !== CLASS_COLUMN);
    if (score?.kind === "numeric") columns.push(classAt(score, threshold, profile));
  }
  return { ...profile, columns };
}
function classAt(score, threshold, profile) {
  let zero = 0;
  let one = 0;
  score.values.forEach((key, i) => {
    const [lo, hi] = bucketOf(key, score.bits);
    if (lo >= threshold) one += score.counts[i];
    else if (hi < threshold) zero += score.counts[i];
    else
      throw new UserError(
        `--current: the profiles counted prediction: class at threshold ${profile.classThreshold ?? "(none)"}, the config's is ${threshold}, and their score was kept to ${score.bits} significant bits, so ${score.counts[i]} row(s) near ${threshold} cannot be classed. Judge the raw log, or profiles written with this threshold.`
      );
  });
  const categories = [];
  const counts = [];
  if (zero > 0) categories.push("0"), counts.push(zero);
  if (one > 0) categories.push("1"), counts.push(one);
  return {
    kind: "categorical",
    name: CLASS_COLUMN,
    missingCount: score.missingCount,
    categories,
    counts,
    overflowCount: 0
  };
}

// src/report/drift-markdown.ts
var fmt = (x, decimals = 3) => x === null || x === void 0 || !Number.isFinite(x) ? "\u2013" : formatNumber2(x, decimals);
var pct = (x) => `${(x * 100).toFixed(1)}%`;
function renderDriftMarkdown(input) {
  const a = input.assessment;
  const out = [];
  const drifted = a.columns.filter((c) => c.drifted);
  out.push(
    `### modelkeeper drift \xB7 ${escapeMarkdown(input.model)}: ${a.drifted ? `\u{1F6A8} **drift** in ${drifted.length} of ${a.columns.length} monitored columns` : "\u2705 no drift"}`,
    "",
    `Reference ${markdownCode(input.reference)} (${a.reference.rowCount.toLocaleString("en-US")} rows${a.reference.fromProfile ? ", from its stored profile" : ""}) vs current window ${input.current.map(markdownCode).join(", ")} (${a.current.rowCount.toLocaleString("en-US")} rows).`,
    ""
  );
  if (input.predictionNote) out.push(`> \u2139\uFE0F ${escapeMarkdown(input.predictionNote)}`, "");
  const predictions = a.columns.filter((c) => c.role === "prediction");
  if (predictions.length) {
    out.push("**Predictions** (what users feel)", "", ...table(predictions), "");
  }
  const features = a.columns.filter((c) => c.role === "feature");
  out.push("**Inputs**, most severe first", "", ...table(features), "");
  const unseen = a.columns.filter((c) => c.unseenCategories.length);
  if (unseen.length) {
    out.push("**New categories** (absent from the reference)", "");
    for (const c of unseen)
      out.push(
        `- ${markdownCode(c.name)}: ${c.unseenCategories.slice(0, 5).map((u) => `${markdownCode(u.category)} ${pct(u.share)}`).join(", ")}${c.unseenCategories.length > 5 ? ", \u2026" : ""}`
      );
    out.push("");
  }
  out.push(
    "<details><summary>How this was decided</summary>",
    "",
    `A column drifts when its change is statistically significant after a ${a.method.correction === "benjamini-hochberg" ? "Benjamini\u2013Hochberg" : "Bonferroni"} correction over all ${a.method.hypotheses} hypotheses (\u03B1 = ${a.method.alpha}) **and** larger than sampling noise by a practical margin (Wasserstein \u2265 ${a.method.effectThresholds.numeric} reference standard deviations, Jensen\u2013Shannon \u2265 ${a.method.effectThresholds.categorical}, missing share |Cohen's h| \u2265 ${a.method.effectThresholds.missing}). The alarm stays trustworthy at any window size: significance decides for small windows, effect size for large ones.`,
    "",
    "</details>",
    ""
  );
  return out.join("\n");
}
function table(columns) {
  const rows = [
    "| column | type | drift | effect (beyond noise) | p (adjusted) | missing ref \u2192 cur | why |",
    "| --- | --- | --- | ---: | ---: | --- | --- |"
  ];
  for (const c of columns) {
    const effect = c.effect ? `${c.effect.measure === "wasserstein" ? "W" : "JS"} ${fmt(c.effect.value)} (${fmt(c.effect.excess)})` : "\u2013";
    const p = c.significance ? fmt(c.significance.adjustedPValue, 4) : "\u2013";
    rows.push(
      `| ${markdownCode(c.name)} | ${c.kind} | ${c.drifted ? "\u{1F6A8} yes" : "no"} | ${effect} | ${p} | ${pct(c.reference.missingShare)} \u2192 ${pct(c.current.missingShare)} | ${escapeMarkdown(c.reason)} |`
    );
  }
  return rows;
}

// src/report/drift-html.ts
function renderDriftHtml(input, histograms2) {
  const a = input.assessment;
  const cards = a.columns.map((c) => card(c, histograms2.get(c.name))).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Drift report: ${escapeHtml(input.model)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
header{background:${a.drifted ? "#cf222e" : "#1a7f37"};color:#fff;padding:1.2em 2em}
header h1{margin:0 0 .3em;font-size:1.5em}
main{padding:1em 2em;display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:1em}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:.8em 1em}
.card.drifted{border-color:#cf222e;box-shadow:0 0 0 1px #cf222e}
.card h2{font-size:1.05em;margin:0 0 .2em}
.badge{font-size:.75em;padding:.1em .5em;border-radius:1em;margin-left:.4em;vertical-align:middle}
.yes{background:#ffebe9;color:#cf222e}.no{background:#dafbe1;color:#1a7f37}.role{background:#ddf4ff;color:#0969da}
.reason{color:#57606a;margin:.3em 0}
table{border-collapse:collapse;font-size:.85em;margin-top:.4em}td{padding:.1em .6em .1em 0}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:middle}
</style></head>
<body>
<header><h1>${a.drifted ? "Drift detected" : "No drift"}: ${escapeHtml(input.model)}</h1>
<div>${a.driftedColumns.length} of ${a.columns.length} monitored columns drifted \xB7 reference ${escapeHtml(input.reference)} (${a.reference.rowCount.toLocaleString("en-US")} rows${a.reference.fromProfile ? ", profile" : ""}) \xB7 current ${escapeHtml(input.current.join(", "))} (${a.current.rowCount.toLocaleString("en-US")} rows)</div>
<div class="legend"><span style="background:#8c959f"></span>reference<span style="background:#0969da"></span>current</div>
${input.predictionNote ? `<p>${escapeHtml(input.predictionNote)}</p>` : ""}
</header>
<main>
${cards}
</main>
</body></html>
`;
}
function card(c, histogram) {
  const rows = [];
  if (c.significance)
    rows.push([
      c.significance.test === "ks" ? "KS statistic" : "\u03C7\xB2 statistic",
      `${c.significance.statistic.toPrecision(4)} (p adj. ${c.significance.adjustedPValue.toPrecision(3)})`
    ]);
  if (c.effect)
    rows.push([
      c.effect.measure === "wasserstein" ? "Wasserstein (ref. sd)" : "Jensen\u2013Shannon",
      `${formatNumber2(c.effect.value, 3)}; beyond noise ${formatNumber2(c.effect.excess, 3)} (threshold ${c.effect.threshold})`
    ]);
  rows.push([
    "missing",
    `${(c.reference.missingShare * 100).toFixed(1)}% \u2192 ${(c.current.missingShare * 100).toFixed(1)}%`
  ]);
  if (c.unseenCategories.length)
    rows.push([
      "new categories",
      c.unseenCategories.slice(0, 5).map((u) => `${u.category} (${(u.share * 100).toFixed(1)}%)`).join(", ")
    ]);
  return `<section class="card${c.drifted ? " drifted" : ""}" data-column="${escapeHtml(c.name)}" data-drifted="${c.drifted}">
<h2>${escapeHtml(c.name)}${c.role === "prediction" ? '<span class="badge role">prediction</span>' : ""}<span class="badge ${c.drifted ? "yes" : "no"}">${c.drifted ? "drift" : "no drift"}</span></h2>
<p class="reason">${escapeHtml(c.reason)}</p>
${histogram ? svg(histogram, c.name) : ""}
<table>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join("")}</table>
</section>`;
}
function svg(h, name) {
  const width = 360;
  const height = 120;
  const n = h.labels.length;
  const slot = width / n;
  const bar = Math.max(1, slot / 2 - 1);
  const top = Math.max(...h.reference, ...h.current, 1e-9);
  const y = (share) => share / top * (height - 14);
  const bars = h.labels.map((label, i) => {
    const x = i * slot;
    const r = y(h.reference[i]);
    const c = y(h.current[i]);
    const tip = `${label}: reference ${(h.reference[i] * 100).toFixed(1)}%, current ${(h.current[i] * 100).toFixed(1)}%`;
    return `<g><title>${escapeHtml(tip)}</title><rect x="${x.toFixed(1)}" y="${(height - 12 - r).toFixed(1)}" width="${bar.toFixed(1)}" height="${r.toFixed(1)}" fill="#8c959f"/><rect x="${(x + bar + 1).toFixed(1)}" y="${(height - 12 - c).toFixed(1)}" width="${bar.toFixed(1)}" height="${c.toFixed(1)}" fill="#0969da"/></g>`;
  }).join("");
  const first = escapeHtml(h.labels[0] ?? "");
  const last = escapeHtml(h.labels[n - 1] ?? "");
  return `<svg role="img" aria-label="${escapeHtml(`histogram of ${name}`)}" viewBox="0 0 ${width} ${height}" width="100%" height="${height}">${bars}<line x1="0" y1="${height - 12}" x2="${width}" y2="${height - 12}" stroke="#d0d7de"/><text x="0" y="${height - 1}" font-size="9" fill="#57606a">${first}</text><text x="${width}" y="${height - 1}" font-size="9" fill="#57606a" text-anchor="end">${h.kind === "numeric" ? last : `${n} categories`}</text></svg>`;
}

// src/report/histogram.ts
var BINS = 20;
var MAX_CATEGORIES = 15;
function histogramOf(reference, current) {
  if (reference.kind === "numeric" && current.kind === "numeric") {
    const sorted2 = sortFloat64(reference.values.filter(Number.isFinite));
    if (sorted2.length === 0) return void 0;
    let lo = sorted2[Math.floor(5e-3 * (sorted2.length - 1))];
    let hi = sorted2[Math.ceil(0.995 * (sorted2.length - 1))];
    if (hi <= lo) {
      lo -= 0.5;
      hi += 0.5;
    }
    const width = (hi - lo) / BINS;
    const count = (values) => {
      const bins = new Array(BINS).fill(0);
      let n = 0;
      for (const v of values) {
        if (!Number.isFinite(v)) continue;
        bins[Math.min(BINS - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
        n++;
      }
      return bins.map((b) => n ? b / n : 0);
    };
    return {
      kind: "numeric",
      labels: Array.from({ length: BINS }, (_, i) => formatEdge(lo + i * width)),
      reference: count(reference.values),
      current: count(current.values)
    };
  }
  if (reference.kind === "categorical" && current.kind === "categorical") {
    const shares = (column) => {
      const counts = /* @__PURE__ */ new Map();
      let n = 0;
      for (const code of column.codes) {
        if (code < 0) continue;
        const name = column.categories[code];
        counts.set(name, (counts.get(name) ?? 0) + 1);
        n++;
      }
      return { counts, n };
    };
    const a = shares(reference);
    const b = shares(current);
    const all = /* @__PURE__ */ new Set([...a.counts.keys(), ...b.counts.keys()]);
    const ranked = [...all].sort(
      (x, y) => (b.counts.get(y) ?? 0) / (b.n || 1) + (a.counts.get(y) ?? 0) / (a.n || 1) - ((b.counts.get(x) ?? 0) / (b.n || 1) + (a.counts.get(x) ?? 0) / (a.n || 1))
    );
    const shown = ranked.slice(0, MAX_CATEGORIES);
    const other = ranked.length > MAX_CATEGORIES;
    const share = (side) => {
      const values = shown.map((c) => side.n ? (side.counts.get(c) ?? 0) / side.n : 0);
      if (other) values.push(1 - values.reduce((s, v) => s + v, 0));
      return values;
    };
    return {
      kind: "categorical",
      labels: other ? [...shown, "(other)"] : shown,
      reference: share(a),
      current: share(b)
    };
  }
  return void 0;
}
function formatEdge(value2) {
  const abs = Math.abs(value2);
  return abs !== 0 && (abs < 0.01 || abs >= 1e5) ? value2.toExponential(1) : Number(value2.toPrecision(3)).toString();
}

// src/github/drift-issue.ts
var DRIFT_LABEL = "drift";
var DRIFT_DISPATCH = "modelkeeper-drift";
async function upsertDriftIssue(github, repo, model, body) {
  const marker = commentMarker(DRIFT_LABEL, model);
  const full = `${marker}
${body}`;
  const open4 = await github.paginate(github.rest.issues.listForRepo, {
    ...repo,
    state: "open",
    labels: DRIFT_LABEL,
    per_page: 100
  });
  const existing = open4.find(
    (issue) => !issue.pull_request && issue.body?.startsWith(marker) && issue.user?.type === "Bot"
  );
  if (existing) {
    const { data: data2 } = await github.rest.issues.update({ ...repo, issue_number: existing.number, body: full });
    return { number: data2.number, url: data2.html_url, action: "updated" };
  }
  const { data } = await github.rest.issues.create({
    ...repo,
    title: `Drift detected: ${model}`,
    body: full,
    labels: [DRIFT_LABEL]
  });
  return { number: data.number, url: data.html_url, action: "created" };
}
async function sendDriftDispatch(github, repo, payload) {
  await github.rest.repos.createDispatchEvent({
    ...repo,
    event_type: DRIFT_DISPATCH,
    client_payload: payload
  });
}

// src/data/duckdb.ts
var DUCKDB_PACKAGE = "@duckdb/node-api";
var loaded;
function loadDuckdb() {
  loaded ??= import(DUCKDB_PACKAGE).then(
    (module) => module,
    (error) => {
      if (error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "MODULE_NOT_FOUND") return void 0;
      throw error;
    }
  );
  return loaded;
}
async function duckdbAvailable() {
  return await loadDuckdb().catch(() => void 0) !== void 0;
}
async function openDuckdb(path) {
  const duckdb2 = await loadDuckdb();
  if (!duckdb2)
    throw new UserError(
      `The duckdb engine needs the package ${DUCKDB_PACKAGE}, which is not installed. Install it next to modelkeeper (npm install ${DUCKDB_PACKAGE}), or use --engine js.`
    );
  const instance = await duckdb2.DuckDBInstance.create(path ?? ":memory:", path ? { access_mode: "READ_ONLY" } : {});
  const connection = await instance.connect();
  const run2 = async (sql) => {
    try {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => {
        const out = {};
        for (const [key, value2] of Object.entries(row)) out[key] = typeof value2 === "bigint" ? Number(value2) : value2;
        return out;
      });
    } catch (error) {
      throw new UserError(`duckdb: ${error.message.trim()}`);
    }
  };
  return {
    query: run2,
    async columnsOf(relation) {
      const rows = await run2(`DESCRIBE SELECT * FROM ${relation}`);
      return rows.map((row) => String(row.column_name));
    },
    async valueCounts(table2, sortedValues) {
      await run2(`CREATE OR REPLACE TEMP TABLE "${table2.replaceAll('"', '""')}" (v DOUBLE, c BIGINT)`);
      const appender = await connection.createAppender(table2, "main", "temp");
      for (let i = 0; i < sortedValues.length; ) {
        let j = i;
        while (j < sortedValues.length && sortedValues[j] === sortedValues[i]) j++;
        appender.appendDouble(sortedValues[i]);
        appender.appendBigInt(BigInt(j - i));
        appender.endRow();
        i = j;
      }
      appender.closeSync();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

// src/monitor/drift-engine.ts
import { stat as stat6 } from "node:fs/promises";

// src/monitor/sql/drift-queries.ts
import { createHash as createHash11 } from "node:crypto";
var SQL_DIALECTS = ["duckdb", "spark", "bigquery", "snowflake", "clickhouse"];
function rejectNul(text2, what) {
  if (text2.includes("\0")) throw new UserError(`${what} ${JSON.stringify(text2)} contains a NUL character.`);
}
function doubleQuoted(name) {
  rejectNul(name, "The name");
  return `"${name.replaceAll('"', '""')}"`;
}
function backslashBackticked(name) {
  rejectNul(name, "The name");
  return "`" + name.replaceAll("\\", "\\\\").replaceAll("`", "\\`") + "`";
}
function doubledBackticked(name) {
  rejectNul(name, "The name");
  return "`" + name.replaceAll("`", "``") + "`";
}
function standardString(text2) {
  rejectNul(text2, "The text");
  return `'${text2.replaceAll("'", "''")}'`;
}
function backslashString(text2) {
  rejectNul(text2, "The text");
  return `'${text2.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
function numberText(value2) {
  if (Number.isNaN(value2)) return "nan";
  if (value2 === Infinity) return "inf";
  if (value2 === -Infinity) return "-inf";
  return String(value2);
}
var UNBOUNDED = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING";
function notDirectly(dialect, how) {
  throw new UserError(
    `${dialect} cannot read data files from a query here: ${how}, then pass it as --current ${dialect}:<table or SELECT>.`
  );
}
var duckdb = {
  name: "duckdb",
  quoteIdentifier: doubleQuoted,
  stringLiteral: standardString,
  double: (value2) => `CAST(${standardString(numberText(value2))} AS DOUBLE)`,
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  isNan: (e) => `isnan(${e})`,
  sumDoubles: (e) => `fsum(${e})`,
  valueAtMax: (value2, key) => `arg_max(${value2}, {'k': ${key}, 'v': -(${value2})})`,
  nextValue: (value2) => `LEAD(${value2}) OVER (ORDER BY ${value2})`,
  readFiles(format, paths) {
    const list2 = `[${paths.map(standardString).join(", ")}]`;
    if (format === "parquet") return `read_parquet(${list2}, union_by_name = true)`;
    if (format === "jsonl") return `read_json(${list2}, format = 'newline_delimited', union_by_name = true)`;
    return `read_csv(${list2}, header = true, union_by_name = true)`;
  }
};
var spark = {
  name: "spark",
  quoteIdentifier: doubledBackticked,
  stringLiteral: backslashString,
  double: (value2) => `CAST(${backslashString(numberText(value2))} AS DOUBLE)`,
  doubleType: "DOUBLE",
  textType: "STRING",
  isNan: (e) => `isnan(${e})`,
  sumDoubles: (e) => `SUM(${e})`,
  valueAtMax: (value2, key) => `max_by(${value2}, struct(${key}, -(${value2})))`,
  nextValue: (value2) => `LEAD(${value2}) OVER (ORDER BY ${value2})`,
  readFiles(format, paths) {
    const reader = format === "parquet" ? "parquet" : format === "jsonl" ? "json" : "csv";
    if (format === "csv")
      notDirectly(
        "spark",
        "CSV needs its header option: CREATE TEMPORARY VIEW w USING csv OPTIONS (path '\u2026', header 'true')"
      );
    return paths.length === 1 ? `${reader}.${doubledBackticked(paths[0])}` : `(${paths.map((p) => `SELECT * FROM ${reader}.${doubledBackticked(p)}`).join(" UNION ALL ")})`;
  }
};
var bigquery = {
  name: "bigquery",
  quoteIdentifier: backslashBackticked,
  stringLiteral: backslashString,
  double: (value2) => `CAST(${backslashString(numberText(value2))} AS FLOAT64)`,
  doubleType: "FLOAT64",
  textType: "STRING",
  isNan: (e) => `IS_NAN(${e})`,
  sumDoubles: (e) => `SUM(${e})`,
  valueAtMax: (value2, key) => `ARRAY_AGG(${value2} ORDER BY ${key} DESC, ${value2} ASC LIMIT 1)[OFFSET(0)]`,
  nextValue: (value2) => `LEAD(${value2}) OVER (ORDER BY ${value2})`,
  readFiles: () => notDirectly(
    "bigquery",
    "create an external table over the files (CREATE EXTERNAL TABLE \u2026 OPTIONS (format = 'PARQUET', uris = [...]))"
  )
};
var snowflake = {
  name: "snowflake",
  quoteIdentifier: doubleQuoted,
  // Snowflake reads backslash escapes in single-quoted strings, and '' as a quote.
  stringLiteral: (text2) => {
    rejectNul(text2, "The text");
    return `'${text2.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  },
  double: (value2) => `CAST('${numberText(value2)}' AS DOUBLE)`,
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  // Snowflake's NaN equals itself (and sorts above every number).
  isNan: (e) => `(${e} = CAST('nan' AS DOUBLE))`,
  sumDoubles: (e) => `SUM(${e})`,
  valueAtMax: (value2, key) => `MAX_BY(${value2}, ${key})`,
  nextValue: (value2) => `LEAD(${value2}) OVER (ORDER BY ${value2})`,
  readFiles: () => notDirectly("snowflake", "load the files into a table (COPY INTO) or create an external table on their stage")
};
var clickhouse = {
  name: "clickhouse",
  quoteIdentifier: backslashBackticked,
  stringLiteral: backslashString,
  double: (value2) => `toFloat64(${backslashString(numberText(value2))})`,
  doubleType: "Float64",
  textType: "String",
  isNan: (e) => `isNaN(${e})`,
  sumDoubles: (e) => `sumKahan(${e})`,
  valueAtMax: (value2, key) => `argMax(${value2}, tuple(${key}, -(${value2})))`,
  // leadInFrame needs the whole frame and an explicit NULL default (it would give 0).
  nextValue: (value2) => `leadInFrame(toNullable(${value2}), 1, NULL) OVER (ORDER BY ${value2} ${UNBOUNDED})`,
  readFiles(format, paths) {
    const name = format === "parquet" ? "Parquet" : format === "jsonl" ? "JSONEachRow" : "CSVWithNames";
    const one = (path) => `file(${backslashString(path)}, ${backslashString(name)})`;
    return paths.length === 1 ? one(paths[0]) : `(${paths.map((p) => `SELECT * FROM ${one(p)}`).join(" UNION ALL ")})`;
  }
};
var DIALECTS = { duckdb, spark, bigquery, snowflake, clickhouse };
function sqlDialect(name) {
  if (SQL_DIALECTS.includes(name)) return DIALECTS[name];
  throw new UserError(`Unknown SQL dialect "${name}". Use one of: ${SQL_DIALECTS.join(", ")}.`);
}
function userRelation(dialect, text2) {
  const trimmed = text2.trim();
  if (!trimmed) throw new UserError(`--current ${dialect.name}: needs a table name or a query after the colon.`);
  if (/^(\(|select\b|with\b|from\b|values\b)/i.test(trimmed)) return `(${trimmed})`;
  return tableNameParts(trimmed).map((part) => dialect.quoteIdentifier(part)).join(".");
}
function tableNameParts(text2) {
  const part = /"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|([^."`]+)/y;
  const parts = [];
  for (let at = 0; ; ) {
    part.lastIndex = at;
    const match = part.exec(text2);
    if (!match) throw new UserError(`--current: ${JSON.stringify(text2)} is neither a query nor a table name.`);
    parts.push(
      match[1] !== void 0 ? match[1].replaceAll('""', '"') : match[2] !== void 0 ? match[2].replaceAll("``", "`") : match[3].trim()
    );
    at = part.lastIndex;
    if (at === text2.length) return parts;
    if (text2[at] !== ".")
      throw new UserError(`--current: ${JSON.stringify(text2)} is neither a query nor a table name.`);
    at++;
  }
}
function windowRelation(dialect, source, columns) {
  const select = columns.map((column, i) => {
    const name = dialect.quoteIdentifier(column.name);
    const value2 = `CAST(${name} AS ${dialect.doubleType})`;
    if (column.classAtLeast !== void 0)
      return `CASE WHEN ${value2} IS NULL OR ${dialect.isNan(value2)} THEN NULL WHEN ${value2} >= ${dialect.double(column.classAtLeast)} THEN '1' ELSE '0' END AS c${i}`;
    if (column.kind === "categorical") return `CAST(${name} AS ${dialect.textType}) AS c${i}`;
    return `${value2} AS c${i}`;
  });
  return `SELECT ${select.length ? select.join(", ") : "1 AS c"} FROM ${source} AS w`;
}
function rowCountQuery(window2, present = []) {
  const counts = present.map((i) => `, COUNT(c${i}) AS present_${i}`).join("");
  return `SELECT COUNT(*) AS row_count${counts} FROM (${window2}) AS w`;
}
function categoryCountsQuery(window2, index) {
  const c = `c${index}`;
  return `SELECT ${c} AS category, COUNT(*) AS count FROM (${window2}) AS w WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY ${c}`;
}
function inlineReference(dialect, sortedValues) {
  const rows = [];
  for (let i = 0; i < sortedValues.length; ) {
    let j = i;
    while (j < sortedValues.length && sortedValues[j] === sortedValues[i]) j++;
    rows.push(`SELECT ${dialect.double(sortedValues[i])} AS v, ${j - i} AS c`);
    i = j;
  }
  if (!rows.length) return `SELECT ${dialect.double(0)} AS v, 0 AS c FROM (SELECT 1 AS one) AS e WHERE 1 = 0`;
  return rows.join("\nUNION ALL ");
}
function numericColumnQuery(dialect, window2, index, reference, psiEdges = []) {
  const c = `c${index}`;
  const cumulative = (x) => `CAST(SUM(${x}) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${dialect.doubleType})`;
  const whole = (x) => `SUM(${x}) OVER ()`;
  const edges = psiEdges.map((e) => dialect.double(e));
  const bins = [...edges.map((_, k) => k), edges.length].map((k) => {
    const above = k > 0 ? `v > ${edges[k - 1]}` : "";
    const atMost = k < edges.length ? `v <= ${edges[k]}` : "";
    const condition = [above, atMost].filter(Boolean).join(" AND ") || "1 = 1";
    return `SUM(CASE WHEN ${condition} THEN b ELSE 0 END) AS psi_${k}`;
  });
  return [
    "WITH",
    // The one pass over the window's rows: a count per distinct value. Missing values (NULL, NaN)
    // are dropped after it, from the distinct values, not row by row.
    `counted AS (SELECT ${c} AS v, COUNT(*) AS b FROM (${window2}) AS w GROUP BY ${c}),`,
    `cur AS (SELECT v, b FROM counted WHERE v IS NOT NULL AND NOT ${dialect.isNan("v")}),`,
    `ref AS (${reference}),`,
    "grouped AS (",
    "  SELECT v, SUM(a) AS a, SUM(b) AS b FROM (",
    "    SELECT v, c AS a, 0 AS b FROM ref",
    "    UNION ALL",
    "    SELECT v, 0 AS a, b FROM cur",
    "  ) AS u GROUP BY v",
    "),",
    "cdf AS (",
    `  SELECT v, b, ${cumulative("a")} AS ca, ${cumulative("b")} AS cb, ${dialect.nextValue("v")} AS next_v,`,
    `    CAST(${whole("a")} AS ${dialect.doubleType}) AS n1, CAST(${whole("b")} AS ${dialect.doubleType}) AS n2,`,
    `    ${dialect.sumDoubles("b * v")} OVER () AS total`,
    "  FROM grouped",
    "),",
    "gaps AS (SELECT v, b, next_v, n1, n2, total / n2 AS mean, ca / n1 - cb / n2 AS d FROM cdf)",
    "SELECT",
    `  MAX(d) AS plus_gap, ${dialect.valueAtMax("v", "d")} AS plus_location,`,
    `  MAX(-d) AS minus_gap, ${dialect.valueAtMax("v", "-d")} AS minus_location,`,
    `  ${dialect.sumDoubles("ABS(d) * (next_v - v)")} AS wasserstein,`,
    "  MAX(n1) AS n_reference, MAX(n2) AS n_current, MAX(mean) AS mean,",
    `  ${dialect.sumDoubles("b * (v - mean) * (v - mean)")} AS m2,`,
    "  MIN(CASE WHEN b > 0 THEN v END) AS min_value, MAX(CASE WHEN b > 0 THEN v END) AS max_value,",
    `  ${bins.join(",\n  ")}`,
    "FROM gaps"
  ].join("\n");
}
var STATEMENT_COLUMN = "mk_statement";
function driftStatements(dialect, source, columns) {
  const window2 = windowRelation(dialect, source, columns);
  const categorical2 = columns.flatMap((column, i) => column.kind === "categorical" ? [i] : []);
  const statements = [
    { kind: "rows", sql: rowCountQuery(window2, categorical2) },
    ...columns.map((column, i) => ({
      column: column.name,
      index: i,
      kind: column.kind,
      sql: column.kind === "numeric" ? numericColumnQuery(
        dialect,
        window2,
        i,
        inlineReference(dialect, column.sortedValues ?? new Float64Array(0)),
        column.psiEdges
      ) : categoryCountsQuery(window2, i)
    }))
  ];
  return statements.map((statement) => {
    const id = `mk${createHash11("sha256").update(`${dialect.name}
${statement.sql}`).digest("hex").slice(0, 16)}`;
    const sql = `SELECT ${dialect.stringLiteral(id)} AS ${STATEMENT_COLUMN}, q.* FROM (
${statement.sql}
) AS q`;
    return { ...statement, id, sql };
  });
}

// src/monitor/drift-engine.ts
var DRIFT_ENGINES = ["auto", "js", "duckdb"];
var DUCKDB_AUTO_BYTES = 2 ** 30;
function sqlCurrent(patterns) {
  const match = patterns.map((p) => /^([a-z]+):(.*)$/s.exec(p)).find((m) => m && SQL_DIALECTS.includes(m[1]));
  if (!match) return void 0;
  if (patterns.length > 1)
    throw new UserError(
      `--current ${match[1]}:\u2026 names the whole window; give it once, without other --current values.`
    );
  return { dialect: sqlDialect(match[1]).name, text: match[2] };
}
function parseEngine(value2, fallback) {
  if (value2 === void 0) return fallback;
  if (DRIFT_ENGINES.includes(value2)) return value2;
  throw new UserError(`--engine: "${value2}" is not an engine. Use one of: ${DRIFT_ENGINES.join(", ")}.`);
}
function engineFor(setting, facts) {
  const format = facts.formats.length === 1 ? facts.formats[0] : void 0;
  if (setting === "js") return { engine: "js", why: "engine js" };
  if (setting === "duckdb") {
    if (!format)
      throw new UserError(
        `--engine duckdb reads a window of one file format; this one mixes ${facts.formats.join(", ")}. Convert the files, or use --engine js.`
      );
    if (facts.patternLikeName)
      throw new UserError(
        `--engine duckdb: the path ${JSON.stringify(facts.patternLikeName)} has a character DuckDB reads as a pattern (* ? [ ] { }), so it could read other files instead. Rename the file or folder, or use --engine js.`
      );
    return { engine: "duckdb", why: "engine duckdb", format };
  }
  const size = `${(facts.bytes / 2 ** 20).toFixed(1)} MiB of files`;
  if (facts.bytes < DUCKDB_AUTO_BYTES) return { engine: "js", why: `auto: ${size}, below the 1 GiB for duckdb` };
  if (!format) return { engine: "js", why: `auto: ${size}, but of several formats` };
  if (facts.patternLikeName) return { engine: "js", why: `auto: ${size}, but a path DuckDB would read as a pattern` };
  if (!facts.duckdbInstalled)
    return { engine: "js", why: `auto: ${size}; duckdb would read it out of core: npm install ${DUCKDB_PACKAGE}` };
  return { engine: "duckdb", why: `auto: ${size}, at least 1 GiB`, format };
}
async function windowFacts(paths) {
  let bytes = 0;
  for (const path of paths) bytes += (await stat6(path)).size;
  const patternLikeName = paths.find(isGlob);
  return {
    bytes,
    formats: [...new Set(paths.map(dataFormat))],
    duckdbInstalled: await duckdbAvailable(),
    ...patternLikeName ? { patternLikeName } : {}
  };
}

// src/monitor/duckdb-window.ts
import { join as join12 } from "node:path";

// src/monitor/sql-summaries.ts
function numericSummaryOfRow(row, name, rowCount3, reference, where, by) {
  const need = (key) => {
    const value2 = row[key] === null || row[key] === void 0 ? NaN : Number(row[key]);
    if (Number.isNaN(value2))
      throw new UserError(`${where}: column ${JSON.stringify(name)}: the result has no number in ${key}.`);
    return value2;
  };
  const count = (key, most) => checkedCount(need(key), key, most, `${where}: column ${JSON.stringify(name)}`);
  const share = (key) => {
    const value2 = need(key);
    if (value2 < -1e-9 || value2 > 1 + 1e-9)
      throw new UserError(
        `${where}: column ${JSON.stringify(name)}: ${key} is ${value2}, outside [0, 1]: these are not the results of this statement.`
      );
    return Math.min(1, Math.max(0, value2));
  };
  const present = row.n_current === null || row.n_current === void 0 ? 0 : count("n_current", rowCount3);
  const base = { kind: "numeric", name, rowCount: rowCount3, missingCount: rowCount3 - present };
  if (present === 0)
    return { ...base, sortedValues: new Float64Array(0), sampled: false, mean: NaN, std: NaN, min: NaN, max: NaN };
  const summary = {
    ...base,
    sortedValues: new Float64Array(0),
    sampled: false,
    mean: need("mean"),
    std: Math.sqrt(need("m2") / present),
    min: need("min_value"),
    max: need("max_value")
  };
  if (reference.sortedValues.length === 0) return summary;
  if (count("n_reference", Number.MAX_SAFE_INTEGER) !== reference.sortedValues.length)
    throw new UserError(
      `${where}: column ${JSON.stringify(name)}: the result counts ${row.n_reference} reference values, not the reference's ${reference.sortedValues.length}.`
    );
  const psiCounts2 = reference.psi ? [...reference.psi.edges, 0].map((_, k) => count(`psi_${k}`, present)) : void 0;
  const binned = psiCounts2?.reduce((a, b) => a + b, 0);
  if (binned !== void 0 && binned !== present)
    throw new UserError(
      `${where}: column ${JSON.stringify(name)}: the PSI bins hold ${binned} values, but n_current is ${present}: these are not the results of this statement.`
    );
  return {
    ...summary,
    measured: {
      reference,
      gaps: {
        plusGap: share("plus_gap"),
        plusLocation: need("plus_location"),
        minusGap: share("minus_gap"),
        minusLocation: need("minus_location")
      },
      wasserstein: row.wasserstein === null || row.wasserstein === void 0 ? 0 : Math.max(0, need("wasserstein")),
      wassersteinError: 0,
      psiCounts: psiCounts2,
      by
    }
  };
}
function checkedCount(value2, key, most, where) {
  if (!Number.isSafeInteger(value2) || value2 < 0 || value2 > most)
    throw new UserError(
      `${where}: ${key} is ${value2}, not a count ${most < Number.MAX_SAFE_INTEGER ? `from 0 to ${most} (the rows of the window)` : "(a whole number, 0 or more)"}: these are not the results of this statement.`
    );
  return value2;
}
function categoricalSummaryOfRows(rows, name, rowCount3) {
  const categories = rows.map((r) => String(r.category));
  const counts = rows.map((r) => Number(r.count));
  const present = counts.reduce((a, b) => a + b, 0);
  return { kind: "categorical", name, rowCount: rowCount3, missingCount: rowCount3 - present, categories, counts };
}

// src/monitor/duckdb-window.ts
var DUCKDB = sqlDialect("duckdb");
function duckdbSourceRelation(source, dialect = DUCKDB) {
  if (source.kind === "relation") return userRelation(dialect, source.text);
  if (source.format !== "csv" || dialect.name !== "duckdb") return dialect.readFiles(source.format, source.paths);
  const list2 = `[${source.paths.map((p) => dialect.stringLiteral(p)).join(", ")}]`;
  const missing = `[${[...MISSING_VALUE_TEXTS].map((t) => dialect.stringLiteral(t)).join(", ")}]`;
  return `read_csv(${list2}, header = true, union_by_name = true, all_varchar = true, nullstr = ${missing})`;
}
function windowColumns(references, seen, predictions) {
  const present = new Set(seen);
  const columns = [];
  const names = [];
  let scoringNote;
  const logged = present.has(LOGGED_PREDICTION);
  for (const [name, reference] of references) {
    if (name === SCORE_COLUMN || name === CLASS_COLUMN) {
      if (!predictions.wanted) continue;
      if (!logged) {
        scoringNote = "Input drift only: the duckdb engine does not run the model, and the window has no logged `prediction` column (serve's log has one; or use --engine js to score the window).";
        continue;
      }
      if (name === CLASS_COLUMN && predictions.classThreshold === void 0) continue;
      columns.push(
        name === SCORE_COLUMN ? { name: LOGGED_PREDICTION, kind: "numeric" } : { name: LOGGED_PREDICTION, kind: "categorical", classAtLeast: predictions.classThreshold }
      );
      names.push(name);
      continue;
    }
    if (!present.has(name)) continue;
    columns.push({ name, kind: reference.kind });
    names.push(name);
  }
  return { columns, names, scoringNote };
}
async function summarizeWindowDuckdb(session, source, references, predictions, log) {
  const relation = duckdbSourceRelation(source);
  const seen = await session.columnsOf(relation);
  const { columns, names, scoringNote } = windowColumns(references, seen, predictions);
  const sourceWindow = windowRelation(DUCKDB, relation, columns);
  const staged = source.kind === "files" && source.format !== "parquet" && columns.length > 1 ? await stageAsParquet(session, sourceWindow, source.paths.length, log) : void 0;
  const window2 = staged?.window ?? sourceWindow;
  const summaries = /* @__PURE__ */ new Map();
  let rowCount3;
  try {
    const [{ row_count }] = await session.query(rowCountQuery(window2));
    rowCount3 = Number(row_count);
    for (const [i, column] of columns.entries()) {
      const name = names[i];
      const reference = references.get(name);
      const started = Date.now();
      summaries.set(
        name,
        reference.kind === "numeric" ? await numericSummary2(session, window2, i, name, rowCount3, reference) : await categoricalSummary(session, window2, i, name, rowCount3)
      );
      log?.(
        `drift: duckdb: ${JSON.stringify(name)} (${column.kind}) in ${((Date.now() - started) / 1e3).toFixed(1)} s`
      );
    }
  } finally {
    staged?.remove();
  }
  return {
    rowCount: rowCount3,
    columns: summaries,
    kindChanges: /* @__PURE__ */ new Map(),
    seen,
    samples: /* @__PURE__ */ new Map(),
    scoringNote,
    unscored: { count: 0 }
  };
}
async function stageAsParquet(session, window2, files, log) {
  const fallBack = (why) => {
    log?.(`drift: duckdb: the window is read once per column (${why})`);
    return void 0;
  };
  let dir;
  try {
    dir = makeTempDir("duckdb-window");
  } catch (error) {
    return fallBack(`no temporary folder: ${error.message}`);
  }
  const file = join12(dir, "window.parquet");
  if (isGlob(file)) {
    removeTempDir(dir);
    return fallBack(`the temporary folder ${JSON.stringify(dir)} has glob characters`);
  }
  const path = DUCKDB.stringLiteral(file);
  const started = Date.now();
  try {
    await session.query("SET preserve_insertion_order = false");
    await session.query(`COPY (${window2}) TO ${path} (FORMAT parquet)`);
  } catch (error) {
    removeTempDir(dir);
    return fallBack(`staging failed: ${error.message.split("\n")[0]}`);
  }
  log?.(
    `drift: duckdb: parsed the window's ${files} text file(s) once, into Parquet, in ${((Date.now() - started) / 1e3).toFixed(1)} s`
  );
  return { window: `SELECT * FROM read_parquet(${path})`, remove: () => removeTempDir(dir) };
}
async function numericSummary2(session, window2, index, name, rowCount3, reference) {
  if (reference.kind !== "numeric") throw new Error("numericSummary: a numeric reference is needed");
  const table2 = `mk_reference_${index}`;
  await session.valueCounts(table2, reference.sortedValues);
  const edges = reference.psi?.edges ?? [];
  const [row] = await session.query(
    numericColumnQuery(DUCKDB, window2, index, `SELECT v, c FROM ${DUCKDB.quoteIdentifier(table2)}`, edges)
  );
  await session.query(`DROP TABLE ${DUCKDB.quoteIdentifier(table2)}`);
  return numericSummaryOfRow(row, name, rowCount3, reference, "duckdb", "duckdb");
}
async function categoricalSummary(session, window2, index, name, rowCount3) {
  return categoricalSummaryOfRows(await session.query(categoryCountsQuery(window2, index)), name, rowCount3);
}

// src/monitor/statement-results.ts
async function readStatementResults(paths) {
  const results = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const table2 = await readTable(path, { types: { [STATEMENT_COLUMN]: "categorical", category: "categorical" } });
    const statement = table2.columns.find((c) => c.name === STATEMENT_COLUMN);
    if (!statement || statement.kind !== "categorical")
      throw new UserError(
        `${path}: no ${STATEMENT_COLUMN} column, so these are not results of drift --print-sql statements. Save each statement's result with its header row (the first column is ${STATEMENT_COLUMN}).`,
        { file: path, column: STATEMENT_COLUMN }
      );
    const seenHere = /* @__PURE__ */ new Set();
    for (let row = 0; row < table2.rowCount; row++) {
      const code = statement.codes[row];
      if (code < 0)
        throw new UserError(
          `${path}: row ${row + 1} has no ${STATEMENT_COLUMN}: the file holds rows of something else.`,
          {
            file: path,
            column: STATEMENT_COLUMN
          }
        );
      const id = statement.categories[code];
      const earlier = results.get(id);
      if (earlier && !seenHere.has(id))
        throw new UserError(
          `${path} and ${earlier.file} both hold results of statement ${id}: keep the results of one run of it.`,
          { file: path }
        );
      seenHere.add(id);
      if (!earlier) results.set(id, { file: path, rows: [] });
      results.get(id).rows.push(rowOf(table2, row));
    }
  }
  return results;
}
function rowOf(table2, row) {
  const record = {};
  for (const column of table2.columns) record[column.name] = cellOf2(column, row);
  return record;
}
function cellOf2(column, row) {
  if (column.kind === "numeric") return Number.isNaN(column.values[row]) ? null : column.values[row];
  const code = column.codes[row];
  if (code < 0) return null;
  const text2 = column.categories[code];
  return column.name !== "category" && column.name !== STATEMENT_COLUMN && /^[-+]?(\d|\.\d)/.test(text2) ? Number(text2) : text2;
}
function windowFromStatementResults(statements, results, references, dialect, scoringNote) {
  const missing = statements.filter((s) => s.kind !== "categorical" && !results.has(s.id));
  const [rowsStatement] = statements;
  const counts = results.get(rowsStatement.id);
  if (missing.length || !counts)
    throw new UserError(
      `--sql-results: no results of ${missing.map(describe).join(", ")}: run every statement drift --print-sql ${dialect} prints for this window and reference (results of an older print do not match), and pass all their files.`
    );
  const [countRow] = counts.rows;
  const where = (statement) => `${results.get(statement.id)?.file ?? counts.file}: statement ${statement.id}`;
  if (counts.rows.length !== 1 || typeof countRow.row_count !== "number")
    throw new UserError(`${where(rowsStatement)}: expected one row with row_count.`);
  const rowCount3 = checkedCount(countRow.row_count, "row_count", Number.MAX_SAFE_INTEGER, where(rowsStatement));
  const columns = /* @__PURE__ */ new Map();
  for (const statement of statements.slice(1)) {
    const name = statement.column;
    const reference = references.get(name);
    const rows = results.get(statement.id)?.rows ?? [];
    if (statement.kind === "numeric") {
      if (rows.length !== 1 || reference.kind !== "numeric")
        throw new UserError(
          `${where(statement)}: expected one row for column ${JSON.stringify(name)}, found ${rows.length}.`
        );
      columns.set(name, numericSummaryOfRow(rows[0], name, rowCount3, reference, where(statement), dialect));
    } else columns.set(name, categoricalOf(statement, rows, countRow, rowCount3, where(statement)));
  }
  return {
    rowCount: rowCount3,
    columns,
    kindChanges: /* @__PURE__ */ new Map(),
    seen: [...columns.keys()],
    samples: /* @__PURE__ */ new Map(),
    scoringNote,
    unscored: { count: 0 }
  };
}
function categoricalOf(statement, rows, countRow, rowCount3, where) {
  const key = `present_${statement.index}`;
  const present = countRow[key];
  if (typeof present !== "number") throw new UserError(`${where}: the row count's result has no ${key}.`);
  checkedCount(present, key, rowCount3, `${where}: column ${JSON.stringify(statement.column)}`);
  const kept = rows.filter((r) => r.category !== null);
  const seen = /* @__PURE__ */ new Set();
  for (const r of kept) {
    const category = String(r.category);
    if (seen.has(category))
      throw new UserError(
        `${where}: category ${JSON.stringify(category)} of column ${JSON.stringify(statement.column)} has two rows: pass the result of one run of this statement, once.`
      );
    seen.add(category);
  }
  const total = rows.reduce(
    (sum, r) => sum + checkedCount(Number(r.count), "count", present, `${where}: column ${JSON.stringify(statement.column)}`),
    0
  );
  if (total !== present)
    throw new UserError(
      rows.length ? `${where}: the counts of column ${JSON.stringify(statement.column)} add up to ${total}, but the window holds ${present} of its values: pass the whole result of this statement from the same run as the row count.` : `--sql-results: no results of ${describe(statement)}: run every statement drift --print-sql prints, and pass all their files.`
    );
  return categoricalSummaryOfRows(kept, statement.column, rowCount3);
}
function describe(statement) {
  return `${statement.id} (${statement.kind === "rows" ? "the rows of the window" : `${statement.kind} column ${JSON.stringify(statement.column)}`})`;
}

// src/commands/drift.ts
var MIN_WINDOW_ROWS = 30;
var driftCommand = defineCommand({
  name: "drift",
  summary: "input and prediction drift of a production window against the reference (training) data",
  usage: "drift --current PATH...|duckdb:TABLE|duckdb:SELECT...|DIALECT:TABLE [--reference PATH] [--engine auto|js|duckdb] [--print-sql DIALECT | --sql-results FILE...] [--issue] [--dispatch]",
  options: {
    current: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "the production window: files, folders or globs (CSV, JSON Lines, Parquet); repeat for several. Or duckdb:TABLE / duckdb:SELECT \u2026 (with --duckdb-database FILE)"
    },
    engine: {
      type: "string",
      value: "ENGINE",
      description: "who reads the window: auto (default: duckdb for windows of 1 GiB of files or more when @duckdb/node-api is installed), js, duckdb"
    },
    "duckdb-database": {
      type: "string",
      value: "FILE",
      description: "the DuckDB database file a --current duckdb:TABLE or duckdb:SELECT reads (opened read-only)"
    },
    "print-sql": {
      type: "string",
      value: "DIALECT",
      description: "print the SQL that computes the window's numbers (duckdb, spark, bigquery, snowflake, clickhouse) instead of judging it"
    },
    "sql-results": {
      type: "string",
      multiple: true,
      value: "FILE",
      description: "with --current DIALECT:\u2026, judge the window from the results of the --print-sql statements, run in that warehouse and saved as CSV (with header), JSON Lines or Parquet; repeat for several"
    },
    reference: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "reference data (default: drift.reference, else data.train)"
    },
    issue: {
      type: "boolean",
      description: "when drift is found, open the model's drift issue (label drift) or update the open one"
    },
    dispatch: {
      type: "boolean",
      description: "when drift is found, send repository_dispatch modelkeeper-drift for the retrain bot"
    }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const currentPatterns = values.current ?? [];
    if (!currentPatterns.length)
      throw new UserError("drift needs --current PATH: the production window (prediction log) to check.");
    const sqlSource = sqlCurrent(currentPatterns);
    const printSql = typeof values["print-sql"] === "string" ? sqlDialect(values["print-sql"]) : void 0;
    const resultPatterns = values["sql-results"] ?? [];
    if (resultPatterns.length && !sqlSource)
      throw new UserError(
        "--sql-results reads back the results of the statements --print-sql prints for --current DIALECT:TABLE (or DIALECT:SELECT \u2026); name that window with --current."
      );
    if (resultPatterns.length && printSql)
      throw new UserError("--print-sql prints the statements; --sql-results reads their results back: one at a time.");
    if (resultPatterns.length && values.engine)
      throw new UserError("--sql-results: the warehouse computed the window's numbers; leave out --engine.");
    if (sqlSource && sqlSource.dialect !== "duckdb" && printSql?.name !== sqlSource.dialect && !resultPatterns.length)
      throw new UserError(
        `--current ${sqlSource.dialect}:\u2026: drift connects to no ${sqlSource.dialect} itself. Print the SQL with --print-sql ${sqlSource.dialect}, run it there, and pass the results with --sql-results FILE (see the README's drift section).`
      );
    if (sqlSource && printSql && printSql.name !== sqlSource.dialect)
      throw new UserError(`--print-sql ${printSql.name} with --current ${sqlSource.dialect}:\u2026: name the same dialect.`);
    if (sqlSource?.dialect === "duckdb" && values.engine === "js")
      throw new UserError("--current duckdb:\u2026 is read by DuckDB; leave out --engine js.");
    const expanded = sqlSource ? [] : await expandInputs(context.cwd, currentPatterns, "--current");
    const split = await splitProfiles(expanded);
    const profiles = split.files.length ? [] : split.profiles;
    if (split.files.length && split.profiles.length)
      context.log(
        `drift: left out ${split.profiles.length} window profile(s) among the --current files: the logs beside them hold the same rows (pass only the profile-*.json files to judge the profiles)`
      );
    if (profiles.length && values.engine === "duckdb")
      throw new UserError("--current names window profiles, which drift merges itself; leave out --engine duckdb.");
    if (profiles.length && printSql)
      throw new UserError("--print-sql needs a window of rows (files or a table), not window profiles.");
    const currentPaths = profiles.length ? [] : split.files;
    const currentSource = sqlSource ? `${sqlSource.dialect}:${sqlSource.text.trim()}` : profiles.length ? profiles.map((p) => p.path).join(", ") : currentPaths.join(", ");
    let session;
    const duckdb2 = async () => session ??= await openDuckdb(values["duckdb-database"]);
    const sqlTexts = [];
    const printed = [];
    const sqlResults = resultPatterns.length ? await readStatementResults(await expandInputs(context.cwd, resultPatterns, "--sql-results")) : void 0;
    const usedResults = /* @__PURE__ */ new Set();
    const results = [];
    const markdowns = [];
    const htmls = [];
    const pool = new ColumnPool();
    try {
      for (const model of workspace.models) {
        const types = model.drift.types;
        const stored = !values.reference && model.drift.profile ? await storedProfile(workspace.git, model, context) : void 0;
        const referencePaths = stored ? [] : values.reference ? await expandInputs(context.cwd, values.reference, "--reference") : (await expandPaths(
          workspace.root,
          model.drift.reference ?? model.data.train,
          `models.${model.name}.drift.reference`
        )).map((p) => join13(workspace.root, p));
        const handle2 = await openModel(model, workspace.root);
        try {
          let ref;
          let note = handle2.note;
          let referenceUnscored = { count: 0 };
          if (stored) ref = stored.profile;
          else {
            context.log(`drift: ${model.name}: reading the reference (${referencePaths.length} file(s))`);
            ref = await readTables(referencePaths, { types });
            if (handle2.score) {
              try {
                ref = await handle2.score(ref);
                referenceUnscored = countUnscored(ref);
              } catch (error) {
                if (!isUserError(error)) throw error;
                context.warn(`${model.name}: prediction drift skipped: ${error.message}`);
                note = `Input drift only: the model could not score the data (${error.message.split("\n")[0]}).`;
                handle2.score = void 0;
              }
            }
          }
          const features = model.drift.features ?? model.features;
          const referenceNames = ref.columns.map((c) => c.name);
          const referencePredictions = [SCORE_COLUMN, CLASS_COLUMN].filter((name) => referenceNames.includes(name));
          const monitored = monitoredColumns(referenceNames, {
            features,
            exclude: [model.label],
            predictions: referencePredictions
          });
          const referenceSide = summarizeReference(ref, {
            ready: isDriftProfile(ref) ? void 0 : await summarizeNumericColumns(pool, ref, monitored)
          });
          const summaries = /* @__PURE__ */ new Map();
          const readTypes = {};
          for (const [name] of monitored) {
            const summary = referenceSide.columns.get(name)?.();
            if (!summary) continue;
            summaries.set(name, summary);
            if (name !== SCORE_COLUMN && name !== CLASS_COLUMN) readTypes[name] = summary.kind;
          }
          Object.assign(readTypes, types);
          if (printSql) {
            const statements = printedStatements(printSql.name, sqlSource, currentPaths, summaries);
            sqlTexts.push(printedSql(model.name, printSql.name, statements));
            printed.push(
              ...statements.map(({ id, kind: kind2, column, sql }) => ({ model: model.name, id, kind: kind2, column, sql }))
            );
            continue;
          }
          const setting = parseEngine(values.engine, model.drift.engine);
          let choice = sqlSource ? { engine: "duckdb", why: "--current duckdb:\u2026" } : profiles.length ? { engine: "js", why: "window profiles" } : engineFor(setting, await windowFacts(currentPaths));
          const source = sqlSource ? { kind: "relation", text: sqlSource.text } : { kind: "files", format: choice.format ?? "csv", paths: currentPaths };
          if (!sqlSource && !profiles.length && setting === "auto" && choice.engine === "duckdb" && handle2.score) {
            const seen = await (await duckdb2()).columnsOf(duckdbSourceRelation(source));
            if (!seen.includes(LOGGED_PREDICTION))
              choice = {
                engine: "js",
                why: `${choice.why}, but the model must score the window (no logged prediction)`
              };
          }
          context.log(
            `drift: ${model.name}: reading the current window (${sqlSource ? currentSource : profiles.length ? `${profiles.length} window profile(s)` : `${currentPaths.length} file(s)`}) ${sqlResults ? `from ${sqlSource.dialect}'s results (--sql-results)` : `with the ${choice.engine} engine (${choice.why})`}`
          );
          const window2 = sqlResults ? windowFromStatementResults(
            printedStatements(sqlSource.dialect, sqlSource, currentPaths, summaries, usedResults),
            sqlResults,
            summaries,
            sqlSource.dialect,
            referencePredictions.length ? `Input drift only: the window's numbers came back from ${sqlSource.dialect} (--sql-results), which does not run the model.` : void 0
          ) : profiles.length ? {
            ...profileWindow(profiles, summaries, {
              model: model.name,
              classThreshold: model.task === "binary" && referencePredictions.length ? model.evaluate.threshold : void 0
            }),
            unscored: { count: 0 },
            scoringNote: void 0
          } : choice.engine === "duckdb" ? await summarizeWindowDuckdb(
            await duckdb2(),
            source,
            summaries,
            {
              wanted: referencePredictions.length > 0,
              classThreshold: model.task === "binary" ? model.evaluate.threshold : void 0
            },
            context.log
          ) : await summarizeWindowFiles(currentPaths, summaries, {
            types: readTypes,
            score: handle2.score,
            log: context.log,
            sampleFor: values["report-html"] ? seededRandom() : void 0,
            pool
          });
          if (window2.rowCount === 0)
            throw new UserError(
              `--current: the window ${currentPatterns.join(", ")} has no rows. Check the log export.`
            );
          if (window2.rowCount < MIN_WINDOW_ROWS) {
            throw new UserError(
              `--current: the window ${currentPatterns.join(", ")} has ${window2.rowCount} row(s), too few rows to judge drift (at least ${MIN_WINDOW_ROWS}): a verdict of "no drift" would mean nothing. Pass a longer window.`
            );
          }
          note ??= window2.scoringNote;
          const monitoredInputs = [...summaries.keys()].filter(
            (name) => name !== SCORE_COLUMN && name !== CLASS_COLUMN
          );
          const display2 = (file) => relative4(context.cwd, file);
          const unscoredNotes = [
            isDriftProfile(ref) ? void 0 : await unscoredNote(
              "reference",
              referenceUnscored,
              ref.rowCount,
              referencePaths,
              monitoredInputs,
              display2
            ),
            await unscoredNote("window", window2.unscored, window2.rowCount, currentPaths, monitoredInputs, display2)
          ].filter((n) => n !== void 0);
          if (unscoredNotes.length) note = [note, ...unscoredNotes].filter(Boolean).join(" ");
          const predictions = referencePredictions.filter((name) => window2.columns.has(name));
          const kindChanged = [...window2.kindChanges.keys()];
          if (kindChanged.length)
            throw new UserError(
              `--current: ${kindChanged.map((c) => JSON.stringify(c)).join(", ")} changed type in the window (${currentSource}); set drift.types for them.`
            );
          const currentSide = {
            source: currentSource,
            rowCount: window2.rowCount,
            columns: new Map([...window2.columns].map(([name, summary]) => [name, () => summary]))
          };
          const assessment = assessSummaries(referenceSide, currentSide, {
            metrics: await measureNumericColumns(pool, summaries, window2.columns),
            features,
            exclude: [model.label],
            predictions,
            alpha: model.drift.alpha,
            effectThresholds: {
              ...model.drift.thresholds.wasserstein !== void 0 ? { numeric: model.drift.thresholds.wasserstein } : {},
              ...model.drift.thresholds.jensenshannon !== void 0 ? { categorical: model.drift.thresholds.jensenshannon } : {},
              ...model.drift.thresholds.missing !== void 0 ? { missing: model.drift.thresholds.missing } : {}
            }
          });
          const input = {
            model: model.name,
            assessment,
            predictionNote: note,
            reference: stored ? `profile of ${stored.profile.source} (${stored.commit.slice(0, 12)})` : referencePaths.map((p) => relative4(workspace.root, p)).join(", "),
            current: sqlSource ? [currentSource] : currentPaths.map((p) => relative4(context.cwd, p))
          };
          const markdown = renderDriftMarkdown(input);
          markdowns.push(markdown);
          if (values["report-html"])
            htmls.push(
              renderDriftHtml(input, isDriftProfile(ref) ? /* @__PURE__ */ new Map() : histograms(ref, window2.samples, assessment))
            );
          const result = {
            model: model.name,
            drifted: assessment.drifted,
            predictionDrift: assessment.predictionDrifted,
            predictionNote: note,
            assessment,
            dispatched: false
          };
          if (assessment.drifted && (values.issue || values.dispatch))
            await notify(context, values, model.name, markdown, assessment, result);
          results.push(result);
        } finally {
          await handle2.close();
        }
      }
    } finally {
      await pool.close();
      session?.close();
    }
    const unused = [...sqlResults?.keys() ?? []].filter((id) => !usedResults.has(id));
    if (unused.length)
      context.warn(
        `--sql-results: left out the rows of ${unused.length} statement(s) drift does not print for this window and reference (${unused.slice(0, 3).map((id) => `${id} in ${relative4(context.cwd, sqlResults.get(id).file)}`).join(", ")}${unused.length > 3 ? ", \u2026" : ""}): results of an older print or another reference`
      );
    if (printSql)
      return {
        exitCode: 0,
        data: { dialect: printSql.name, sql: sqlTexts, statements: printed },
        text: sqlTexts.join("\n\n"),
        outputs: {}
      };
    const drifted = results.some((r) => r.drifted);
    return {
      exitCode: drifted ? 1 : 0,
      data: { drifted, models: results },
      text: results.map(textSummary).join("\n"),
      markdown: markdowns.join("\n"),
      html: htmls[0],
      outputs: {
        drifted: String(drifted),
        "drifted-models": results.filter((r) => r.drifted).map((r) => r.model).join(","),
        "drifted-columns": results.flatMap((r) => r.assessment.driftedColumns.map((c) => `${r.model}:${c}`)).join(","),
        issues: results.filter((r) => r.issue).map((r) => String(r.issue.number)).join(",")
      }
    };
  }
});
function printedStatements(dialect, current, paths, references, used) {
  const sql = sqlDialect(dialect);
  const formats = new Set(paths.map((p) => extname2(p).toLowerCase()));
  if (!current && formats.size > 1)
    throw new UserError("--print-sql: the window mixes file formats; print one format at a time.");
  const source = current ? userRelation(sql, current.text) : duckdbSourceRelation({ kind: "files", format: dataFormat(paths[0]), paths }, sql);
  const columns = [...references].filter(([name]) => name !== SCORE_COLUMN && name !== CLASS_COLUMN).map(
    ([name, summary]) => summary.kind === "numeric" ? { name, kind: summary.kind, sortedValues: summary.sortedValues, psiEdges: summary.psi?.edges } : { name, kind: summary.kind }
  );
  const statements = driftStatements(sql, source, columns);
  for (const statement of statements) used?.add(statement.id);
  return statements;
}
function printedSql(model, dialect, statements) {
  return [
    `-- modelkeeper drift: model ${JSON.stringify(model).replaceAll("\n", " ")}, ${dialect} SQL, ${statements.length} statements.`,
    `-- Save each result with its header row (CSV, JSON Lines or Parquet) and judge them with drift --sql-results FILE...`,
    ...statements.map(
      (s) => `-- ${s.kind === "rows" ? "rows of the window" : `${s.kind} column ${JSON.stringify(s.column).replaceAll("\n", " ")}`}
${s.sql};`
    )
  ].join("\n");
}
async function summarizeNumericColumns(pool, reference, monitored) {
  const names = new Set(monitored.map(([name]) => name));
  const columns = reference.columns.filter((c) => c.kind === "numeric" && names.has(c.name));
  const summaries = await pool.summarize(columns, DEFAULT_PSI_BINS);
  return new Map(columns.map((c, i) => [c.name, summaries[i]]));
}
async function measureNumericColumns(pool, references, window2) {
  const pairs = [];
  for (const [name, current] of window2) {
    const reference = references.get(name);
    if (reference?.kind === "numeric" && current.kind === "numeric" && !current.measured)
      pairs.push({ name, reference, current });
  }
  const metrics = await pool.measure(pairs);
  return new Map(pairs.map((p, i) => [p.name, metrics[i]]));
}
async function storedProfile(git, model, context) {
  const found = await findRecord(git, model, await headCommit(git), context.warn);
  const line = found?.record.profile ? await readProfile(git, found.commit, model.name) : void 0;
  if (!line) {
    context.log(
      `drift: ${model.name}: drift.profile is on but no stored profile was found for this artifact (run record, and fetch ${PROFILES_REF}); reading the raw reference data`
    );
    return void 0;
  }
  context.log(
    `drift: ${model.name}: using the reference profile stored on ${found.commit.slice(0, 12)} (${line.profile.rowCount} rows)`
  );
  return { profile: line.profile, commit: found.commit };
}
async function openModel(model, root) {
  let handle2;
  try {
    handle2 = await loadModel(insideRepository(root, model.artifact, `models.${model.name}.artifact`));
  } catch (error) {
    if (!isUserError(error)) throw error;
    return {
      note: `Input drift only: the model could not be loaded to score the data (${error.message.split("\n")[0]}).`,
      close: async () => {
      }
    };
  }
  let features;
  return {
    score: (table2) => {
      features ??= model.features ?? table2.columns.map((c) => c.name).filter((n) => n !== model.label && n !== LOGGED_PREDICTION);
      return withPredictions(table2, handle2, model, features);
    },
    close: () => closeModel(handle2)
  };
}
function seededRandom() {
  const random = createRandom(20240601);
  return () => random.nextFloat();
}
function histograms(reference, samples, assessment) {
  const out = /* @__PURE__ */ new Map();
  for (const column of assessment.columns) {
    const a = reference.columns.find((c) => c.name === column.name);
    const b = samples.get(column.name);
    const h = a && b ? histogramOf(a, b) : void 0;
    if (h) out.set(column.name, h);
  }
  return out;
}
async function notify(context, values, model, markdown, assessment, result) {
  const github = githubFromEnv(context.env, context.warn);
  if (!github)
    throw new UserError("drift --issue/--dispatch needs GITHUB_TOKEN (the Action passes its github-token input).");
  const repo = repoFromEnv(context.env);
  if (values.issue) result.issue = await upsertDriftIssue(github, repo, model, markdown);
  if (values.dispatch) {
    const runUrl = context.env.GITHUB_RUN_ID ? `${context.env.GITHUB_SERVER_URL ?? "https://github.com"}/${repo.owner}/${repo.repo}/actions/runs/${context.env.GITHUB_RUN_ID}` : void 0;
    const payload = {
      model,
      summary: `${assessment.driftedColumns.length} of ${assessment.columns.length} monitored columns drifted: ${assessment.driftedColumns.slice(0, 8).join(", ")}`,
      drifted_columns: assessment.driftedColumns.slice(0, 50),
      ...result.issue ? { issue_number: result.issue.number } : {},
      ...result.issue ? { report_url: result.issue.url } : runUrl ? { report_url: runUrl } : {}
    };
    await sendDriftDispatch(github, repo, payload);
    result.dispatched = true;
  }
}
function textSummary(r) {
  const a = r.assessment;
  const lines = [
    `${r.model}: ${r.drifted ? `DRIFT in ${a.driftedColumns.length} of ${a.columns.length} monitored columns` : "no drift"} (reference ${a.reference.rowCount} rows, current ${a.current.rowCount} rows)`
  ];
  if (r.predictionNote) lines.push(`  ${r.predictionNote}`);
  for (const c of a.columns.slice(0, 12))
    lines.push(
      `  ${c.drifted ? "DRIFT" : "ok   "} ${c.role === "prediction" ? "[prediction] " : ""}${c.name}: ${c.reason}`
    );
  if (a.columns.length > 12) lines.push(`  \u2026 ${a.columns.length - 12} more (see --json or --report-html)`);
  if (r.issue) lines.push(`  issue #${r.issue.number} ${r.issue.action}: ${r.issue.url}`);
  if (r.dispatched) lines.push("  sent repository_dispatch modelkeeper-drift");
  return lines.join("\n");
}

// src/monitor/join-labels.ts
function joinByRequestId(logIds, labelIds) {
  const waiting = /* @__PURE__ */ new Map();
  for (let row = labelIds.length - 1; row >= 0; row--) {
    const id = labelIds[row];
    if (id === void 0) continue;
    let rows = waiting.get(id);
    if (!rows) waiting.set(id, rows = []);
    rows.push(row);
  }
  const logRows = [];
  const labelRows = [];
  for (let row = 0; row < logIds.length; row++) {
    const id = logIds[row];
    const label = id === void 0 ? void 0 : waiting.get(id)?.pop();
    if (label === void 0) continue;
    logRows.push(row);
    labelRows.push(label);
  }
  let unmatched = 0;
  for (const rows of waiting.values()) unmatched += rows.length;
  for (const id of labelIds) if (id === void 0) unmatched++;
  const withId = logIds.reduce((n, id) => id === void 0 ? n : n + 1, 0);
  return {
    logRows: Int32Array.from(logRows),
    labelRows: Int32Array.from(labelRows),
    unlabelled: withId - logRows.length,
    unmatched
  };
}

// src/stats/intervals/wilson-interval.ts
function wilsonInterval(k, n, confidence) {
  if (n <= 0) return { low: NaN, high: NaN };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = k / n;
  const z2n = z * z / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

// src/stats/intervals/mean-interval.ts
function meanInterval(values, confidence) {
  const n = values.length;
  if (n < 2) return { mean: n ? values[0] : NaN, low: NaN, high: NaN };
  let mean2 = 0;
  for (let i = 0; i < n; i++) mean2 += (values[i] - mean2) / (i + 1);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean2) ** 2;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(squares / (n - 1) / n);
  return { mean: mean2, low: mean2 - half, high: mean2 + half };
}

// src/stats/intervals/auc-interval.ts
function aucInterval(labels2, scores, confidence) {
  const estimate = aucVariance(labels2, scores);
  if (!estimate) return void 0;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(estimate.variance);
  return { auc: estimate.auc, low: Math.max(0, estimate.auc - half), high: Math.min(1, estimate.auc + half) };
}
function aucVariance(labels2, scores) {
  const ranking = rankScores(labels2, scores);
  if (ranking.positives === 0 || ranking.negatives === 0) return void 0;
  const placements = aucPlacements(ranking);
  const positive = { sum: 0, squares: 0, n: 0 };
  const negative = { sum: 0, squares: 0, n: 0 };
  for (let i = 0; i < labels2.length; i++) {
    const side = labels2[i] === 1 ? positive : negative;
    side.sum += placements[i];
    side.n++;
  }
  const auc = positive.sum / positive.n;
  const negativeMean = negative.sum / negative.n;
  for (let i = 0; i < labels2.length; i++) {
    if (labels2[i] === 1) positive.squares += (placements[i] - auc) ** 2;
    else negative.squares += (placements[i] - negativeMean) ** 2;
  }
  const variance = (positive.n > 1 ? positive.squares / (positive.n - 1) / positive.n : 0) + (negative.n > 1 ? negative.squares / (negative.n - 1) / negative.n : 0);
  return { auc, variance, positives: positive.n, negatives: negative.n };
}

// src/monitor/live-quality.ts
function liveQuality(outcomes, options) {
  const metrics = [];
  if (outcomes.task === "multiclass") {
    const n = outcomes.labels.length;
    let correct = 0;
    for (let i = 0; i < n; i++) if (outcomes.labels[i] === outcomes.predictedClasses[i]) correct++;
    const interval3 = wilsonInterval(correct, n, options.confidence);
    metrics.push(
      judge(
        {
          name: "accuracy",
          direction: "higher",
          value: n ? correct / n : NaN,
          low: interval3.low,
          high: interval3.high,
          method: "Wilson"
        },
        options.floors
      )
    );
  } else {
    const data = outcomes.task === "binary" ? { task: "binary", labels: outcomes.labels, scores: outcomes.scores, source: "labelled log rows" } : {
      task: "regression",
      targets: outcomes.targets,
      predictions: outcomes.predictions,
      source: "labelled log rows"
    };
    for (const [name, result] of Object.entries(computeAllMetrics(data, { threshold: options.threshold }))) {
      const direction = METRICS.get(name).direction;
      const interval3 = result.undefinedReason ? void 0 : intervalOf(name, outcomes, options);
      metrics.push(
        judge(
          { name, direction, value: result.value, undefinedReason: result.undefinedReason, ...interval3 },
          options.floors
        )
      );
    }
  }
  const rows = outcomes.task === "regression" ? outcomes.targets.length : outcomes.labels.length;
  return {
    rows,
    confidence: options.confidence,
    metrics,
    breached: metrics.filter((m) => m.status === "below-floor").map((m) => m.name)
  };
}
function judge(metric, floors) {
  const floor = floors[metric.name];
  if (metric.undefinedReason || !Number.isFinite(metric.value)) return { ...metric, floor, status: "undefined" };
  if (floor === void 0) return { ...metric, status: "no-floor" };
  const worstPlausible = metric.direction === "higher" ? metric.high ?? metric.value : metric.low ?? metric.value;
  const past = metric.direction === "higher" ? worstPlausible < floor : worstPlausible > floor;
  return { ...metric, floor, status: past ? "below-floor" : "ok" };
}
function intervalOf(name, outcomes, options) {
  const c = options.confidence;
  if (outcomes.task === "binary") {
    const { labels: labels2, scores } = outcomes;
    const predicted = (i) => scores[i] >= options.threshold ? 1 : 0;
    const proportion = (hit, among) => {
      let k = 0;
      let n = 0;
      for (let i = 0; i < labels2.length; i++) if (among(i)) n++, hit(i) && k++;
      const w = wilsonInterval(k, n, c);
      return { low: w.low, high: w.high, method: "Wilson" };
    };
    const perRow = (loss) => {
      const m = meanInterval(
        Float64Array.from(labels2, (_, i) => loss(i)),
        c
      );
      return { low: m.low, high: m.high, method: "normal" };
    };
    switch (name) {
      case "accuracy":
        return proportion(
          (i) => predicted(i) === labels2[i],
          () => true
        );
      case "precision":
        return proportion(
          (i) => labels2[i] === 1,
          (i) => predicted(i) === 1
        );
      case "recall":
        return proportion(
          (i) => predicted(i) === 1,
          (i) => labels2[i] === 1
        );
      case "roc_auc": {
        const a = aucInterval(labels2, scores, c);
        return a && { low: a.low, high: a.high, method: "DeLong" };
      }
      case "brier":
        return perRow((i) => (scores[i] - labels2[i]) ** 2);
      case "log_loss": {
        const eps = 1e-15;
        return perRow((i) => {
          const p = Math.min(1 - eps, Math.max(eps, scores[i]));
          return -(labels2[i] * Math.log(p) + (1 - labels2[i]) * Math.log(1 - p));
        });
      }
    }
    return void 0;
  }
  if (outcomes.task === "regression") {
    const { targets, predictions } = outcomes;
    if (name === "mae") {
      const m = meanInterval(
        Float64Array.from(targets, (t, i) => Math.abs(predictions[i] - t)),
        c
      );
      return { low: m.low, high: m.high, method: "normal" };
    }
    if (name === "rmse") {
      const m = meanInterval(
        Float64Array.from(targets, (t, i) => (predictions[i] - t) ** 2),
        c
      );
      return { low: Math.sqrt(Math.max(0, m.low)), high: Math.sqrt(m.high), method: "normal" };
    }
  }
  return void 0;
}

// src/report/live-quality-report.ts
var round = (v) => v === void 0 || !Number.isFinite(v) ? "\u2013" : formatNumber2(v);
function interval2(m) {
  return m.low === void 0 ? "" : ` [${round(m.low)}, ${round(m.high)}] (${m.method})`;
}
function verdict(m) {
  if (m.status === "below-floor") return `BELOW the floor ${m.floor}`;
  if (m.status === "ok") return `ok (floor ${m.floor})`;
  if (m.status === "undefined") return `undefined${m.undefinedReason ? `: ${m.undefinedReason}` : ""}`;
  return "";
}
function coverage(r) {
  return `${r.labelled} of ${r.logRows} logged rows labelled (${r.unlabelled} waiting; ${r.unmatchedLabels} labels matched no logged request)`;
}
function renderLiveQualityText(r) {
  const q = r.quality;
  const head = `${r.model}: ${q ? q.breached.length ? `LIVE QUALITY BELOW THE FLOOR on ${q.breached.join(", ")}` : "live quality within its floors" : "no labelled rows yet"}; ${coverage(r)}`;
  if (!q) return head;
  return [
    head,
    ...q.metrics.map((m) => `  ${m.name.padEnd(18)} ${round(m.value)}${interval2(m)}  ${verdict(m)}`.trimEnd())
  ].join("\n");
}
function renderLiveQualityMarkdown(r) {
  const q = r.quality;
  const out = [
    `### modelkeeper \xB7 ${escapeMarkdown(r.model)}: live quality ${q ? q.breached.length ? "\u274C below the floor" : "\u2705 within its floors" : "(no labels yet)"}`,
    "",
    escapeMarkdown(coverage(r)) + ".",
    ""
  ];
  if (!q) return out.join("\n") + "\n";
  out.push(`| metric | live value | ${Math.round(q.confidence * 100)}% interval | floor |`, "|---|---:|---|---|");
  for (const m of q.metrics) {
    const floor = m.floor === void 0 ? "" : `${m.status === "below-floor" ? "\u274C " : "\u2705 "}${m.floor}`;
    out.push(
      `| ${m.name} | ${round(m.value)} | ${m.low === void 0 ? "" : `[${round(m.low)}, ${round(m.high)}] ${m.method}`} | ${floor} |`
    );
  }
  out.push("", "A floor (evaluate.min_value) is breached only when the whole interval lies past it.");
  return out.join("\n") + "\n";
}

// src/commands/monitor.ts
var LOG_ID = "_id";
var LOG_MODEL = "_model";
var monitorCommand = defineCommand({
  name: "monitor",
  summary: "live quality: join labels that came back to the prediction log and judge the metrics against the floors",
  usage: "monitor --log PATH... --labels PATH... [--id COLUMN]",
  options: {
    log: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "the prediction log (files, folders or globs; JSON Lines as `serve` writes it, CSV or Parquet)"
    },
    labels: {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "the labels that came back: the request id column and the model's label column"
    },
    id: {
      type: "string",
      value: "COLUMN",
      description: `the request id column in the labels (default ${LOG_ID}, as in the log)`
    }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const logPatterns = values.log ?? [];
    const labelPatterns = values.labels ?? [];
    if (!logPatterns.length || !labelPatterns.length)
      throw new UserError(
        "monitor needs --log PATH (the prediction log) and --labels PATH (the labels that came back, with the request id)."
      );
    const idColumn = values.id ?? LOG_ID;
    const { files: logPaths, left } = await withoutProfiles(await expandInputs(context.cwd, logPatterns, "--log"));
    if (left > 0) context.log(`monitor: left out ${left} window profile file(s) in --log: they hold no request ids`);
    const labelPaths = await expandInputs(context.cwd, labelPatterns, "--labels");
    const results = [];
    for (const model of workspace.models) {
      const output = model.task === "multiclass" ? CLASS_COLUMN : LOGGED_PREDICTION;
      context.log(
        `monitor: ${model.name}: reading the log (${logPaths.length} file(s)) and the labels (${labelPaths.length} file(s))`
      );
      const log = await readSome(
        logPaths,
        [LOG_ID, LOG_MODEL, output],
        {
          [LOG_ID]: "categorical",
          [LOG_MODEL]: "categorical",
          ...model.task === "multiclass" ? { [output]: "categorical" } : {}
        },
        [LOG_ID, output],
        "--log"
      );
      const labels2 = await readSome(
        labelPaths,
        [idColumn, model.label],
        { [idColumn]: "categorical" },
        [idColumn, model.label],
        "--labels"
      );
      const logIds = idsOf(log, LOG_ID, modelFilter(log, model.name));
      const join19 = joinByRequestId(logIds, idsOf(labels2, idColumn));
      const result = {
        model: model.name,
        logRows: logIds.filter((id) => id !== void 0).length,
        labelled: join19.logRows.length,
        unlabelled: join19.unlabelled,
        unmatchedLabels: join19.unmatched
      };
      if (join19.logRows.length > 0) {
        result.quality = liveQuality(outcomesOf(model, log, labels2, join19), {
          threshold: model.evaluate.threshold,
          confidence: model.evaluate.confidence,
          floors: model.evaluate.min_value
        });
      } else {
        context.warn(
          `${model.name}: no log row has a label yet (${result.logRows} log rows, ${labels2.rowCount} label rows, joined on ${idColumn}): nothing to judge.`
        );
      }
      results.push(result);
    }
    const breached = results.some((r) => r.quality?.breached.length);
    return {
      exitCode: breached ? 1 : 0,
      data: { breached, models: results },
      text: results.map(renderLiveQualityText).join("\n"),
      markdown: results.map(renderLiveQualityMarkdown).join("\n"),
      outputs: {
        breached: String(breached),
        "breached-models": results.filter((r) => r.quality?.breached.length).map((r) => r.model).join(",")
      }
    };
  }
});
async function readSome(paths, wanted, types, required, option) {
  const table2 = await readTables(paths, { types });
  for (const name of required) {
    if (!table2.columns.some((c) => c.name === name)) {
      throw new UserError(
        `${option} ${paths.join(", ")}: no column "${name}". Columns there: ${table2.columns.map((c) => c.name).slice(0, 20).join(", ")}.`,
        { file: paths[0], column: name }
      );
    }
  }
  return { ...table2, columns: table2.columns.filter((c) => wanted.includes(c.name)) };
}
function modelFilter(log, model) {
  const column = log.columns.find((c) => c.name === LOG_MODEL);
  if (!column || column.kind !== "categorical") return void 0;
  const code = column.categories.indexOf(model);
  return (row) => column.codes[row] === code;
}
function idsOf(table2, name, keep) {
  const column = table2.columns.find((c) => c.name === name);
  return Array.from({ length: table2.rowCount }, (_, row) => keep && !keep(row) ? void 0 : text(column, row));
}
function text(column, row) {
  if (column.kind === "categorical") return column.codes[row] < 0 ? void 0 : column.categories[column.codes[row]];
  return Number.isNaN(column.values[row]) ? void 0 : String(column.values[row]);
}
function outcomesOf(model, log, labels2, join19) {
  const picked = {
    ...labels2,
    rowCount: join19.labelRows.length,
    columns: labels2.columns.map((c) => pickRows(c, join19.labelRows))
  };
  const { values } = encodeLabels(picked, labelRules(model), []);
  const output = log.columns.find((c) => c.name === (model.task === "multiclass" ? CLASS_COLUMN : LOGGED_PREDICTION));
  if (model.task === "multiclass") {
    const classes = output.kind === "categorical" ? Float64Array.from(
      join19.logRows,
      (row) => output.codes[row] < 0 ? NaN : Number(output.categories[output.codes[row]])
    ) : new Float64Array();
    return { task: "multiclass", labels: values, predictedClasses: classes };
  }
  if (output.kind !== "numeric")
    throw new UserError(
      `--log: the "${LOGGED_PREDICTION}" column holds text, not the model's ${model.task === "binary" ? "score" : "value"}.`,
      { column: LOGGED_PREDICTION }
    );
  const predictions = Float64Array.from(join19.logRows, (row) => output.values[row]);
  return model.task === "binary" ? { task: "binary", labels: values, scores: predictions } : { task: "regression", targets: values, predictions };
}
function pickRows(column, rows) {
  if (column.kind === "numeric") return { ...column, values: Float64Array.from(rows, (r) => column.values[r]) };
  return { ...column, codes: Int32Array.from(rows, (r) => column.codes[r]) };
}

// src/provenance/rollback-trailer.ts
var ROLLBACK_TRAILER = "Modelkeeper-Rollback";
function rollbackTrailer(model, version) {
  return `${ROLLBACK_TRAILER}: ${model} v${version}`;
}
function rolledBackTo(message, model) {
  const prefix = `${ROLLBACK_TRAILER}: ${model} v`;
  return message.split("\n").filter((line) => line.startsWith(prefix) && /^[1-9][0-9]{0,14}$/.test(line.slice(prefix.length))).map((line) => Number(line.slice(prefix.length)));
}

// src/git/refs.ts
async function currentBranch(git) {
  const args = ["symbolic-ref", "--quiet", "--short", "HEAD"];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  if (result.code === 1) return void 0;
  throw gitFailure(args, result);
}
async function updateRef(git, ref, value2, options = {}) {
  await git.run([
    "update-ref",
    ...options.message === void 0 ? [] : ["-m", options.message],
    ref,
    value2,
    ...options.expect === void 0 ? [] : [options.expect]
  ]);
}
async function deleteRef(git, ref) {
  await git.run(["update-ref", "-d", ref]);
}

// src/git/identity.ts
async function configuredIdentity(git) {
  return { name: await configValue(git, "user.name"), email: await configValue(git, "user.email") };
}
async function configValue(git, key) {
  const args = ["config", key];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  if (result.code === 1) return "";
  throw gitFailure(args, result);
}

// src/commands/promote.ts
var promoteCommand = defineCommand({
  name: "promote",
  summary: "make a commit's artifact the champion if it wins a evaluation computed here (the commit's own config and held-out set, against the trusted champion): note lines + tag modelkeeper/<model>/v<N>",
  usage: "promote [--commit REV] [--holdout FILE] [--force] [--no-push]",
  options: {
    commit: {
      type: "string",
      value: "REV",
      description: "commit whose artifact to promote (default: HEAD, e.g. the merge commit)"
    },
    force: {
      type: "boolean",
      description: "promote even when the evaluation computed here does not say promote (loud; records who forced it and the verdict)"
    },
    "no-push": {
      type: "boolean",
      description: "create the tag and note locally only (default: push both to the remote atomically)"
    },
    remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
    holdout: {
      type: "string",
      value: "FILE",
      description: "judge on this held-out file instead of the commit's data.holdout: the private set the PR workflow judged on (see README: Security)"
    }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const { git } = workspace;
    const remote = values.remote ?? "origin";
    const push = !values["no-push"];
    const commit = await resolveCommit(git, values.commit ?? "HEAD");
    const config = await configAt(git, commit, workspace.config.relativePath);
    if (!config)
      throw new UserError(
        `${workspace.config.relativePath} does not exist at ${commit.slice(0, 12)}: promote judges a commit on its own config. Commit the config first.`
      );
    const models = selectModels(config, values.model);
    if (push) {
      await mergeRemoteNotes(git, remote);
      await fetchModelTags(git, remote);
    }
    const holdout = values.holdout !== void 0 ? await privateHoldout(values.holdout, context.cwd) : void 0;
    const options = {
      force: Boolean(values.force),
      push,
      remote,
      env: context.env,
      warn: context.warn,
      log: context.log,
      configFile: workspace.config.relativePath,
      ...holdout ? { holdout } : {}
    };
    const promotions = [];
    const evaluations = [];
    for (const model of models) {
      const { promotion, evaluation } = await promoteModel(git, model, commit, options);
      promotions.push(promotion);
      if (evaluation) evaluations.push(evaluation);
    }
    const text2 = promotions.map(
      (p) => p.status === "already-champion" ? `${p.model}: already the champion as ${p.tag}` : `${p.model}: promoted to ${p.tag}${p.resumed ? " (completing an interrupted promote)" : ""}${p.forcedBy ? ` (FORCED by ${p.forcedBy}; the evaluation here said ${p.evaluation?.verdict ?? "nothing"})` : ""}`
    ).join("\n");
    const markdown = [
      "### modelkeeper promote",
      "",
      ...promotions.map(
        (p) => `- **${escapeMarkdown(p.model)}**: ${p.status === "already-champion" ? "already the champion as" : "promoted to"} ${markdownCode(p.tag)}${p.forcedBy ? ` \u26A0\uFE0F forced by ${escapeMarkdown(p.forcedBy)} (the evaluation here said ${escapeMarkdown(p.evaluation?.verdict ?? "nothing")})` : ""}`
      ),
      "",
      ...evaluations.map(renderEvaluationMarkdown)
    ].join("\n");
    return {
      exitCode: 0,
      data: { commit, promotions, evaluations: evaluations.map(evaluationJson) },
      text: text2,
      markdown,
      outputs: {
        tags: promotions.map((p) => p.tag).join(","),
        version: promotions.map((p) => String(p.version)).join(",")
      }
    };
  }
});
async function promoteModel(git, model, commit, options) {
  const artifact = await fromGit(git, commit, model.artifact, `commit ${commit.slice(0, 12)}`);
  if (!artifact)
    throw new UserError(
      `${model.artifact} does not exist at ${commit.slice(0, 12)}: nothing to promote for ${model.name}.`
    );
  const base = { model: model.name, sha256: artifact.sha256 };
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (options.push) {
      const resumed = await resumeLocalOnlyTag(git, model, commit, artifact.sha256, options);
      if (resumed) return { promotion: { ...base, ...resumed, status: "promoted", resumed: true, ignoredTags: [] } };
    }
    const { champion, ignored } = await trustedChampion(git, model.name, {
      within: { commit, name: `the promoted commit ${commit.slice(0, 12)}` }
    });
    for (const t of ignored) options.warn(`ignored ${t.tag}: ${t.reason}`);
    if (champion?.artifact.sha256 === artifact.sha256) {
      return {
        promotion: {
          ...base,
          status: "already-champion",
          version: champion.version,
          tag: champion.tag,
          ignoredTags: ignored
        }
      };
    }
    const holdout = options.holdout ?? await holdoutAt(git, commit, model, "holdout");
    const evaluated = await evaluateModel({
      model,
      challenger: { ...artifact, commit },
      champion: champion?.artifact,
      holdouts: [holdout],
      log: options.log
    });
    const inputs = { configSha256: configSectionSha256(model), holdoutSha256: holdoutSetSha256(holdout.files) };
    const evaluation = {
      ...evaluated,
      warnings: [
        ...ignored.map((t) => ({ code: "champion-tag-ignored", tag: t.tag, why: t.reason })),
        ...evaluated.warnings
      ],
      ...ignored.length ? { ignoredChampionTags: ignored } : {},
      inputs
    };
    const summary = {
      verdict: evaluation.verdict,
      kind: evaluation.kind,
      champion: champion?.tag,
      ...inputs,
      reasons: [...evaluation.reasons.map(reasonText), ...evaluation.errors]
    };
    let forcedBy;
    const restores = evaluation.verdict === "promote" ? void 0 : await rollbackTarget(git, model, commit, artifact.sha256);
    if (restores)
      options.log(
        `promote: ${model.name}'s artifact was the champion as ${restores.tag}: re-promoting it (a rollback) without a winning evaluation`
      );
    if (evaluation.verdict !== "promote" && !restores) {
      const why = `evaluated here against ${champion ? champion.tag : "no champion (first model: absolute floors only)"} on ${commit.slice(0, 12)}'s own config and held-out set, it ${evaluation.verdict ? `says ${evaluation.verdict}` : "has no verdict"}: ${summary.reasons.join("; ") || "no reason given"}`;
      if (!options.force)
        throw new UserError(
          `refusing to promote ${model.name}: ${why}. Promote only a model that wins, or pass --force to promote anyway (recorded with your name).`
        );
      forcedBy = await whoIsForcing(git, options.env);
      options.warn(`FORCED promotion of ${model.name} by ${forcedBy}: ${why}.`);
    }
    const version = await nextVersion(git, model.name, commit, options);
    const tag = `${tagPrefix(model.name)}${version}`;
    const at = (/* @__PURE__ */ new Date()).toISOString();
    const evaluateLine = evaluateLineOf(evaluation, model, commit, at, options.configFile);
    const line = {
      schema: NOTE_SCHEMA,
      id: newLineId(),
      event: "promote",
      model: model.name,
      at,
      tool: TOOL,
      version,
      tag,
      artifact: { path: model.artifact, sha256: artifact.sha256 },
      ...evaluateLine ? { evaluation: { commit, verdict: evaluateLine.verdict, at, id: evaluateLine.id } } : {},
      computedBy: "promote",
      ...inputs,
      ...champion ? { champion: { tag: champion.tag, sha256: champion.artifact.sha256 } } : {},
      ...restores ? { restores: restores.tag } : {},
      ...forcedBy ? { forcedBy } : {}
    };
    const notesBefore = await commitOf(git, NOTES_REF);
    await createAnnotatedTag(git, tag, tagMessage(line), commit);
    await appendNoteLines(git, commit, evaluateLine ? [evaluateLine, line] : [line]);
    const promotion = {
      ...base,
      status: "promoted",
      version,
      tag,
      forcedBy,
      restores: restores?.tag,
      evaluation: summary,
      ignoredTags: ignored
    };
    if (!options.push) return { promotion, evaluation };
    const pushed = await pushTagWithNotes(git, options.remote, tag, NOTES_REF);
    if (pushed.ok) return { promotion, evaluation };
    await deleteLocalTag(git, tag);
    if (notesBefore) await updateRef(git, NOTES_REF, notesBefore);
    else await deleteRef(git, NOTES_REF);
    if (!/rejected|already exists|fetch first|non-fast-forward|failed to update|cannot lock/i.test(pushed.output)) {
      throw new UserError(
        `could not push ${tag} and ${NOTES_REF} to ${options.remote}: ${pushed.output}. Nothing was promoted; check that the job may push (permissions: contents: write).`
      );
    }
    options.log(`promote: ${tag} or the notes moved on ${options.remote} meanwhile; fetching and judging again`);
    await fetchModelTags(git, options.remote);
    await mergeRemoteNotes(git, options.remote);
  }
  throw new UserError(`could not promote ${model.name}: other promotions kept racing. Run promote again.`);
}
async function resumeLocalOnlyTag(git, model, commit, sha2562, options) {
  const prefix = tagPrefix(model.name);
  const [remote, local] = [await remoteTagIds(git, options.remote, prefix), await localTagIds(git, prefix)];
  let resume;
  for (const [tag, id] of local) {
    if (remote.get(tag) === id) continue;
    const message = await annotatedTagText(git, tag);
    const peeled = await commitOf(git, `refs/tags/${tag}`);
    const claim = parseChampionClaim(message.slice(message.indexOf("\n\n") + 2), model.name, tag);
    if (!resume && !remote.has(tag) && claim && claim.artifact.sha256 === sha2562 && peeled === commit) {
      resume = {
        tag,
        line: JSON.parse(
          message.split("\n").find((l) => l.trim().startsWith("{") && l.includes(`"tag":${JSON.stringify(tag)}`)).trim()
        )
      };
      continue;
    }
    options.log(
      `promote: removing the local-only tag ${tag} (not on ${options.remote}): a leftover of an interrupted or lost promote`
    );
    await deleteLocalTag(git, tag);
  }
  if (!resume) return void 0;
  if (!(await readNote(git, commit)).some((l) => l.event === "promote" && l.id === resume.line.id))
    await appendNoteLines(git, commit, [resume.line]);
  options.log(
    `promote: ${resume.tag} was created here but never pushed (an interrupted promote): pushing it with its note`
  );
  for (let attempt = 1; attempt <= 5; attempt++) {
    if ((await pushTagWithNotes(git, options.remote, resume.tag, NOTES_REF)).ok)
      return { version: resume.line.version, tag: resume.tag };
    if ((await remoteTagIds(git, options.remote, prefix)).has(resume.tag)) {
      await deleteLocalTag(git, resume.tag);
      await fetchModelTags(git, options.remote);
      return void 0;
    }
    await mergeRemoteNotes(git, options.remote);
  }
  throw new UserError(
    `could not push ${resume.tag} and ${NOTES_REF} to ${options.remote}: other writers kept pushing notes. Run promote again.`
  );
}
async function rollbackTarget(git, model, commit, sha2562) {
  const message = await commitMessage(git, commit, model.artifact);
  const versions = rolledBackTo(message, model.name);
  if (!versions.length) return void 0;
  for await (const former of trustedChampionTags(
    git,
    model.name,
    { only: { sha256: sha2562 }, within: { commit, name: `the promoted commit ${commit.slice(0, 12)}` } },
    []
  )) {
    if (versions.includes(former.version)) return former;
  }
  return void 0;
}
async function nextVersion(git, model, commit, options) {
  let next = 1;
  for await (const newest of trustedChampionTags(
    git,
    model,
    { within: { commit, name: `the promoted commit ${commit.slice(0, 12)}` } },
    []
  )) {
    next = newest.version + 1;
    break;
  }
  const prefix = tagPrefix(model);
  const taken = /* @__PURE__ */ new Set([
    ...(await localTagIds(git, prefix)).keys(),
    ...options.push ? (await remoteTagIds(git, options.remote, prefix)).keys() : []
  ]);
  while (taken.has(`${prefix}${next}`)) next++;
  return next;
}
function tagMessage(line) {
  return `modelkeeper: ${line.model} v${line.version}

model ${line.model}, artifact ${line.artifact.path} sha256 ${line.artifact.sha256}

${JSON.stringify(line)}`;
}
function evaluateLineOf(e, model, commit, at, configFile) {
  if (!e.verdict || e.kind !== "compared" && e.kind !== "first-model") return void 0;
  const last = e.holdouts.at(-1);
  return {
    schema: NOTE_SCHEMA,
    id: newLineId(),
    event: "evaluate",
    model: model.name,
    at,
    tool: TOOL,
    verdict: e.verdict,
    kind: e.kind,
    commit,
    challenger: { sha256: e.challenger.sha256, path: model.artifact },
    ...e.champion ? { champion: { sha256: e.champion.sha256, source: e.champion.label } } : {},
    metric: last?.paired?.metric ?? e.metric,
    ...last?.paired ? { delta: last.paired.delta, ciLow: last.paired.ciLow, ciHigh: last.paired.ciHigh } : {},
    holdout: Object.assign({}, ...e.holdouts.map((h) => h.files)),
    seed: e.seed,
    computedBy: "promote",
    configFile,
    ...e.inputs ?? {}
  };
}
async function whoIsForcing(git, env) {
  if (env.GITHUB_ACTOR) return `${env.GITHUB_ACTOR} (GitHub Actions run ${env.GITHUB_RUN_ID ?? "?"})`;
  const { name, email } = await configuredIdentity(git);
  return name || email ? `${name} <${email}>` : "unknown user";
}

// src/commands/retrain.ts
import { createHash as createHash12 } from "node:crypto";
import { readFile as readFile8 } from "node:fs/promises";
import { join as join15 } from "node:path";

// src/git/atomic-push.ts
import { setTimeout as sleep2 } from "node:timers/promises";
var PushConflict = class extends UserError {
  constructor(message, refs) {
    super(message);
    this.refs = refs;
  }
  refs;
};
async function pushAtomic(git, remote, updates, notesRefs, maxAttempts = 12) {
  const refspecs = updates.map((u) => `${u.source}:${u.destination}`);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const push = await git.tryRun(["push", "--atomic", "--porcelain", remote, ...refspecs]);
    if (push.code === 0) return { attempts: attempt };
    const refused = refusedRefs(push.stdout);
    if (!refused.length) {
      throw new UserError(
        `could not push ${updates.map((u) => u.destination).join(", ")} to ${remote}: ${(push.stderr || push.stdout).trim()}. Nothing was pushed. Check that the job may push (permissions: contents: write) and that "${remote}" exists.`
      );
    }
    const retryable = refused.every(
      (r) => notesRefs.includes(r.ref) && /fetch first|non-fast-forward/.test(r.reason) || /cannot lock|failed to update/.test(r.reason)
    );
    if (!retryable) {
      const list2 = refused.filter((r) => !notesRefs.includes(r.ref) || !/fetch first|non-fast-forward/.test(r.reason));
      throw new PushConflict(
        `${remote} refused ${list2.map((r) => `${r.ref} (${r.reason})`).join(", ")}: nothing was pushed.`,
        list2
      );
    }
    for (const ref of notesRefs) if (refused.some((r) => r.ref === ref)) await mergeRemoteNotes(git, remote, ref);
    await sleep2(Math.floor(Math.random() * 50 * attempt));
  }
  throw new UserError(
    `could not push to ${remote} after ${maxAttempts} attempts: other jobs kept pushing notes. Run the command again; it finishes the work.`
  );
}
function refusedRefs(porcelain) {
  const refused = [];
  for (const line of porcelain.split("\n")) {
    const match = /^!\t[^\t]*:([^\t]+)\t\[(?:remote )?rejected\] \((.*)\)$/.exec(line);
    if (match && match[2] !== "atomic push failed") refused.push({ ref: match[1], reason: match[2] });
  }
  return refused;
}

// src/git/commit-file.ts
import { join as join14 } from "node:path";
async function commitWithFile(git, options) {
  const dir = makeTempDir("index");
  const env = { GIT_INDEX_FILE: join14(dir, "index") };
  try {
    await git.run(["read-tree", options.parent], { env });
    await git.run(["update-index", "--add", "--cacheinfo", `${options.mode},${options.blob},${options.path}`], { env });
    const tree = (await git.run(["write-tree"], { env })).trim();
    return (await git.run(["commit-tree", tree, "-p", options.parent, "-F", "-"], { input: options.message })).trim();
  } finally {
    removeTempDir(dir);
  }
}
async function stagePath(git, path) {
  await git.run(["add", "--", path]);
}
async function hasStagedChanges(git, path) {
  const args = ["diff", "--cached", "--quiet", "--", path];
  const result = await git.tryRun(args);
  if (result.code === 0 || result.code === 1) return result.code === 1;
  throw gitFailure(args, result);
}
async function commitStagedPath(git, path, message) {
  await git.run(["commit", "--quiet", "-m", message, "--", path]);
}

// src/commands/retrain.ts
var RETRAIN_BRANCH = /^modelkeeper\/retrain\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;
var TRAILER = "Modelkeeper-Retrain";
var RETRAIN_OPTIONS = {
  "no-push": { type: "boolean", description: "commit and record locally only" },
  "no-comment": { type: "boolean", description: "do not post the PR comment and check run" },
  "comment-author": {
    type: "string",
    value: "LOGIN",
    description: "login the token comments as, to find its earlier comment (default: asked of the API)"
  },
  remote: { type: "string", value: "NAME", description: "remote to push to (default: origin)" },
  timeout: {
    type: "string",
    value: "MINUTES",
    description: "stop the train command after this long (default: reproduce.timeout_minutes)"
  }
};
var retrainCommand = defineCommand({
  name: "retrain",
  summary: "run the train command, record, commit and push the new artifact with its note, then evaluate and comment (in a retrain PR)",
  usage: "retrain [--model NAME] [--no-push] [--no-comment]",
  options: RETRAIN_OPTIONS,
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    const branch = context.env.GITHUB_HEAD_REF || (await currentBranch(git) ?? "HEAD");
    const modelName = values.model ?? RETRAIN_BRANCH.exec(branch)?.[1];
    if (!modelName)
      throw new UserError(
        `retrain: pass --model NAME (the branch "${branch}" is not a modelkeeper/retrain/<model> branch).`
      );
    const model = workspace.models.find((m) => m.name === modelName);
    if (!model)
      throw new UserError(
        `retrain: no model "${modelName}" in ${workspace.config.relativePath}. Models there: ${workspace.config.models.map((m) => m.name).join(", ")}.`
      );
    if (!model.train)
      throw new UserError(`models.${model.name}.train: no train command configured. Add \`train:\` to the config.`);
    insideRepository(root, model.artifact, `models.${model.name}.artifact`);
    const remote = values.remote ?? "origin";
    const push = !values["no-push"];
    await assertNoStaleLocks(git, [NOTES_REF, `refs/heads/${branch}`]);
    const release = takeRunLock(join15(await gitDir(git), "modelkeeper", "retrain.lock"), "modelkeeper retrain");
    try {
      await assertOnlyArtifactChanged(git, model.artifact);
      if (push) await catchUpWithRemote(context, git, remote, branch);
      const start2 = await headCommit(git);
      const commit = await trainCommitAndPush(context, values, {
        git,
        root,
        model,
        configFile: workspace.config.relativePath,
        branch,
        remote,
        push,
        start: start2
      });
      const pr = pullRequestFromEnv(context.env);
      const evaluation = await runEvaluate(
        context,
        { ...values, model: model.name, push },
        { commit, pullRequest: pr && { ...pr, headSha: push ? commit : pr.headSha } }
      );
      return {
        ...evaluation,
        data: { ...evaluation.data, retrained: { model: model.name, commit, previous: start2 } },
        outputs: { ...evaluation.outputs, commit }
      };
    } finally {
      release();
    }
  }
});
async function trainCommitAndPush(context, values, plan) {
  const { git, root, model, start: start2 } = plan;
  const restore = () => resetHard(git, start2).catch(
    (error) => context.warn(`retrain: could not put the branch back to ${start2.slice(0, 12)}: ${error.message}`)
  );
  const onSignal2 = (signal) => void restore().finally(() => process.kill(process.pid, signal));
  process.once("SIGINT", onSignal2);
  process.once("SIGTERM", onSignal2);
  try {
    let commit = start2;
    if (await isUnfinished(git, plan)) {
      context.log(
        `retrain: finishing ${model.name}'s retrain commit ${start2.slice(0, 12)} that an interrupted run left (not recorded or not pushed yet)`
      );
    } else {
      await train(context, values, plan, restore);
      commit = await commitArtifact(context, git, model);
    }
    const current = await artifactSha256(root, model);
    const recorded = latest(await readNote(git, commit), "record", model.name);
    if (recorded?.artifact.sha256 !== current) {
      const { line } = await buildRecord(root, model, plan.configFile, { env: context.env });
      await appendNoteLines(git, commit, [line]);
    }
    if (plan.push) {
      await pushAtomic(
        git,
        plan.remote,
        [
          { source: commit, destination: `refs/heads/${plan.branch}` },
          { source: NOTES_REF, destination: NOTES_REF }
        ],
        [NOTES_REF]
      );
    }
    return commit;
  } catch (error) {
    await restore();
    if (error instanceof PushConflict) {
      throw new UserError(
        `retrain: ${plan.remote}/${plan.branch} moved on while this run trained (another run pushed first): nothing was pushed and the branch was put back as it was. Run retrain again: it continues from ${plan.remote}/${plan.branch}. (${error.message})`
      );
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onSignal2);
    process.removeListener("SIGTERM", onSignal2);
  }
}
async function train(context, values, plan, restore) {
  const { model } = plan;
  context.log(`retrain: running \`${model.train}\` for ${model.name}`);
  const minutes = values.timeout !== void 0 ? Number(values.timeout) : model.reproduce.timeout_minutes;
  const run2 = await runShellCommand(model.train, {
    cwd: plan.root,
    env: context.env,
    timeoutMs: minutes * 6e4,
    signal: context.signal,
    onOutput: (t) => context.log(t.trimEnd())
  });
  if (run2.code === 0 && !run2.timedOut) return;
  await restore();
  const why = run2.timedOut ? `timed out after ${minutes} min` : `failed (exit ${run2.code ?? run2.signal})`;
  await tellPullRequest(context, values, model.name, failureNotice(model, why, jobLogUrl(context.env)));
  throw new UserError(
    `retrain: the train command ${why}; the branch was left as it was. Its output is in the log above.`
  );
}
function jobLogUrl(env) {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return void 0;
  return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function failureNotice(model, why, logUrl) {
  const where = logUrl ? `See [the job's log](${logUrl}) for its output.` : "See the job's log for its output.";
  return `### modelkeeper \xB7 ${escapeMarkdown(model.name)}: \u274C retraining failed

The train command ${markdownCode(model.train ?? "")} ${why}; the branch was left as it was. ${where}
`;
}
async function commitArtifact(context, git, model) {
  await stagePath(git, model.artifact);
  if (!await hasStagedChanges(git, model.artifact)) {
    context.warn(`the train command wrote the same ${model.artifact} as before: nothing to commit.`);
    return headCommit(git);
  }
  const message = `modelkeeper: retrain ${model.name}

Artifact ${model.artifact} rebuilt with \`${model.train}\`.

${TRAILER}: ${model.name}`;
  await commitStagedPath(git, model.artifact, message);
  return headCommit(git);
}
async function isUnfinished(git, plan) {
  const message = await commitMessage(git, plan.start);
  if (!message.split("\n").includes(`${TRAILER}: ${plan.model.name}`)) return false;
  if (await differsFromCommit(git, plan.start, plan.model.artifact)) return false;
  const recorded = latest(await readNote(git, plan.start), "record", plan.model.name);
  if (!recorded) return true;
  if (!plan.push) return false;
  return !await isAncestor(git, plan.start, `refs/remotes/${plan.remote}/${plan.branch}`);
}
async function assertOnlyArtifactChanged(git, artifact) {
  const others = (await changedTrackedFiles(git)).filter((path) => path !== artifact);
  if (others.length) {
    throw new UserError(
      `retrain needs a clean working tree (it resets the branch if training fails): commit or stash your changes to tracked files first (${others.join(", ")}).`
    );
  }
  await restoreFromHead(git, artifact);
}
async function catchUpWithRemote(context, git, remote, branch) {
  const tracking = `refs/remotes/${remote}/${branch}`;
  const fetch = await fetchRef(git, remote, `refs/heads/${branch}`, tracking);
  if (!fetch.ok) {
    if (fetch.missing) return;
    throw new UserError(
      `retrain: could not fetch ${branch} from ${remote}: ${fetch.stderr.trim()}. Check that the remote exists and the job may read it.`
    );
  }
  const head = await headCommit(git);
  const tip = await resolveCommit(git, tracking);
  if (tip === head || await isAncestor(git, tip, head)) return;
  if (await isAncestor(git, head, tip)) {
    context.log(`retrain: ${remote}/${branch} is ahead of this checkout (${tip.slice(0, 12)}): continuing from there`);
    await resetHard(git, tip);
    return;
  }
  throw new UserError(
    `retrain: this checkout and ${remote}/${branch} (${tip.slice(0, 12)}) have diverged: reconcile them (git pull --rebase) and run retrain again.`
  );
}
async function artifactSha256(root, model) {
  return createHash12("sha256").update(await readFile8(insideRepository(root, model.artifact, `models.${model.name}.artifact`))).digest("hex");
}
async function tellPullRequest(context, values, model, body) {
  const pr = pullRequestFromEnv(context.env);
  const github = githubFromEnv(context.env, context.warn);
  if (!pr || !github || values["no-comment"]) return;
  try {
    const repo = repoFromEnv(context.env);
    await upsertComment(
      github,
      repo,
      pr.number,
      commentMarker("evaluate", model),
      body,
      await commentAuthor(github, values["comment-author"])
    );
  } catch (error) {
    context.warn(`could not comment on pull request #${pr.number}: ${error.message}`);
  }
}

// src/commands/rollback.ts
import { join as join16 } from "node:path";
var rollbackCommand = defineCommand({
  name: "rollback",
  summary: "restore a previous champion's artifact, as a commit or a pull request; promote then re-tags it as the newest version",
  usage: "rollback --model NAME [--to vN] [--pr | --push]",
  options: {
    to: {
      type: "string",
      value: "vN",
      description: "the version to restore (default: the champion before the current one)"
    },
    pr: {
      type: "boolean",
      description: "push a branch modelkeeper/rollback/<model> and open a pull request (needs GITHUB_TOKEN and GITHUB_REPOSITORY); the checkout is left as it is"
    },
    push: {
      type: "boolean",
      description: "push the commit on the current branch together with its note (one atomic push)"
    },
    remote: { type: "string", value: "NAME", description: "remote to fetch tags from and push to (default: origin)" }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    const { git, root } = workspace;
    if (workspace.models.length !== 1)
      throw new UserError(
        `rollback acts on one model: pass --model (one of ${workspace.config.models.map((m) => m.name).join(", ")}).`
      );
    const [model] = workspace.models;
    insideRepository(root, model.artifact, `models.${model.name}.artifact`);
    const remote = values.remote ?? "origin";
    const current = await branchToCommitOn(git, Boolean(values.pr));
    const branch = values.pr ? `modelkeeper/rollback/${model.name}` : current;
    await assertNoStaleLocks(git, [NOTES_REF, `refs/heads/${branch}`]);
    const release = takeRunLock(join16(await gitDir(git), "modelkeeper", "rollback.lock"), "modelkeeper rollback");
    try {
      if (await hasRemote(git, remote)) {
        await fetchModelTags(git, remote);
        await mergeRemoteNotes(git, remote).catch(() => false);
      }
      const head = await headCommit(git);
      const ignored = [];
      const trusted = [];
      for await (const tag of trustedChampionTags(
        git,
        model.name,
        { within: { commit: head, name: `the current branch ${current ?? "HEAD"}` } },
        ignored
      ))
        trusted.push(tag);
      for (const tag of ignored) context.log(`rollback: ignored ${tag.tag}: ${tag.reason}`);
      const target = pickTarget(trusted, values.to, model.name);
      const artifact = target.artifact;
      const entry = await fileEntry(git, target.tag, target.artifactPath);
      if (!entry) throw new UserError(`${target.tag} has no ${target.artifactPath}: cannot restore it.`);
      const message = `modelkeeper: roll back ${model.name} to v${target.version}

Restores ${model.artifact} from ${target.tag} (sha256 ${artifact.sha256}).

${rollbackTrailer(model.name, target.version)}`;
      const tip = await commitOf(git, `refs/heads/${branch}`) ?? "";
      let commit;
      if (tip && await isRollbackCommit(git, tip, model, target.version, entry.blob)) {
        commit = tip;
        context.log(`rollback: ${branch} already has the rollback commit ${tip.slice(0, 12)}: finishing it`);
      } else {
        if ((await fileEntry(git, "HEAD", model.artifact))?.blob === entry.blob) {
          throw new UserError(`${model.artifact} is already the artifact of ${target.tag}: nothing to roll back.`);
        }
        commit = await commitWithFile(git, {
          parent: head,
          path: model.artifact,
          blob: entry.blob,
          mode: entry.mode,
          message
        });
      }
      await ensureRecord(git, commit, model, workspace.config.relativePath, target, context);
      if (commit !== tip)
        await updateRef(git, `refs/heads/${branch}`, commit, {
          expect: values.pr ? tip || "" : head,
          message: "modelkeeper rollback"
        });
      if (!values.pr) await restoreFromHead(git, model.artifact);
      let pullRequest;
      if (values.pr || values.push) {
        const source = values.pr ? `+${commit}` : commit;
        await pushAtomic(
          git,
          remote,
          [
            { source, destination: `refs/heads/${branch}` },
            { source: NOTES_REF, destination: NOTES_REF }
          ],
          [NOTES_REF]
        );
      }
      if (values.pr) pullRequest = await openPullRequest(context, branch, model, target, message);
      const text2 = `${model.name}: restored ${model.artifact} from ${target.tag} in commit ${commit.slice(0, 12)} on ${branch}${pullRequest ? `; pull request #${pullRequest.number} ${pullRequest.url}` : ""}. Merge it, then run promote to make it the newest version.`;
      return {
        exitCode: 0,
        data: {
          model: model.name,
          to: { tag: target.tag, version: target.version },
          commit,
          branch,
          sha256: artifact.sha256,
          pullRequest
        },
        text: text2,
        markdown: `### modelkeeper rollback

${text2}
`,
        outputs: { commit, tag: target.tag, ...pullRequest ? { "pull-request": String(pullRequest.number) } : {} }
      };
    } finally {
      release();
    }
  }
});
async function branchToCommitOn(git, pr) {
  const branch = await currentBranch(git);
  if (branch !== void 0 || pr) return branch;
  throw new UserError(
    "rollback commits on the current branch, but HEAD is detached: check out a branch first, or pass --pr."
  );
}
async function isRollbackCommit(git, commit, model, version, blob) {
  const message = await commitMessage(git, commit);
  if (!rolledBackTo(message, model.name).includes(version)) return false;
  return (await fileEntry(git, commit, model.artifact))?.blob === blob;
}
async function ensureRecord(git, commit, model, configFile, target, context) {
  const present = (await readNote(git, commit)).some(
    (l) => l.event === "record" && l.model === model.name && l.rollbackTo?.version === target.version
  );
  if (present) return;
  context.log(`rollback: recording ${model.name}'s inputs at ${commit.slice(0, 12)}`);
  const { line } = await withWorktree(git, commit, (dir) => buildRecord(dir, model, configFile, { env: context.env }));
  await appendNoteLines(git, commit, [{ ...line, rollbackTo: { version: target.version, tag: target.tag } }]);
}
async function openPullRequest(context, branch, model, target, message) {
  const github = githubFromEnv(context.env, context.warn);
  if (!github)
    throw new UserError("rollback --pr needs GITHUB_TOKEN to open the pull request (the branch was pushed).");
  const repo = repoFromEnv(context.env);
  const base = (await github.rest.repos.get({ ...repo })).data.default_branch;
  const open4 = await github.rest.pulls.list({ ...repo, state: "open", head: `${repo.owner}:${branch}`, base });
  const pr = open4.data[0] ? open4.data[0] : (await github.rest.pulls.create({
    ...repo,
    head: branch,
    base,
    title: `Roll back ${model.name} to v${target.version}`,
    body: `${message}

Merge, then \`modelkeeper promote\` re-tags it as the newest version.`
  })).data;
  return { number: pr.number, url: pr.html_url };
}
function pickTarget(tags, to, model) {
  if (to) {
    const version = Number(to.replace(/^v/, ""));
    const found = tags.find((t) => t.version === version);
    if (!Number.isInteger(version) || !found) {
      throw new UserError(
        `--to ${to}: no trusted champion tag ${tagPrefix(model)}${to.replace(/^v/, "")} in this branch's history. Trusted versions there: ${tags.map((t) => `v${t.version}`).join(", ") || "none"}.`
      );
    }
    return found;
  }
  if (tags.length < 2)
    throw new UserError(
      `${model} has ${tags.length} trusted champion version(s) in this branch's history: there is no previous one to roll back to. Pass --to vN.`
    );
  return tags[1];
}

// src/commands/comment.ts
import { readFile as readFile9 } from "node:fs/promises";
import { readFileSync as readFileSync3 } from "node:fs";
import { resolve as resolve8 } from "node:path";
function renderUntrusted(fields, runUrl) {
  const figures = fields.metric && fields.delta !== void 0 ? ` (${markdownCode(fields.metric)} \u0394 ${formatNumber2(fields.delta)}${fields.ciLow !== void 0 && fields.ciHigh !== void 0 ? `, CI [${formatNumber2(fields.ciLow)}, ${formatNumber2(fields.ciHigh)}]` : ""})` : "";
  return [
    `#### modelkeeper \xB7 ${escapeMarkdown(fields.model)}: what the pull request's own run reported`,
    "",
    `The pull request's run reported ${markdownCode(fields.verdict)}${figures}.`,
    "",
    `> \u2139\uFE0F Not a verdict: that run may have executed the pull request's code, so nothing it reports is trusted. The verdict and the required check ${markdownCode(`modelkeeper / ${fields.model}`)} come only from the trusted run, which evaluates the PR's artifact itself.` + (runUrl ? ` [The run](${runUrl}).` : ""),
    ""
  ].join("\n");
}
var MAX_MODELS = 20;
var commentCommand = defineCommand({
  name: "comment",
  summary: "show what an (untrusted) pull request run reported, as information: validated fields only, no check run",
  usage: "comment --from FILE",
  options: {
    from: { type: "string", value: "FILE", description: "the file evaluate wrote with --result-file" },
    "comment-author": {
      type: "string",
      value: "LOGIN",
      description: "login the token comments as, to find its earlier comment (default: asked of the API)"
    }
  },
  async run(context, values) {
    if (values.from === void 0)
      throw new UserError("comment needs --from FILE: the file evaluate wrote with --result-file.");
    const path = resolve8(context.cwd, values.from);
    const text2 = await readFile9(path, "utf8").catch((error) => {
      throw new UserError(
        `${values.from}: cannot read (${error.code}). Download the result artifact first (actions/download-artifact).`,
        { file: values.from }
      );
    });
    const result = parseResultFile(text2, values.from);
    const names = new Set(result.models.map((m) => m.model));
    if (names.size !== result.models.length || names.size > MAX_MODELS) {
      throw new UserError(
        `${values.from}: lists ${result.models.length} model results (${names.size} distinct); a real run lists each model once and at most ${MAX_MODELS}: not posting.`,
        { file: values.from }
      );
    }
    const github = githubFromEnv(context.env, context.warn);
    if (!github)
      throw new UserError("comment needs a token: set GITHUB_TOKEN (the Action passes its github-token input).");
    const repo = repoFromEnv(context.env);
    if (!result.pullRequest)
      throw new UserError(
        `${values.from}: the result names no pull request (evaluate ran outside a pull_request event); nothing to comment on.`
      );
    const { data: pr } = await github.rest.pulls.get({ ...repo, pull_number: result.pullRequest.number });
    const runHead = workflowRunHeadSha(context.env);
    if (pr.head.sha !== result.pullRequest.headSha || runHead && runHead !== result.pullRequest.headSha) {
      throw new UserError(
        `the result is for ${result.pullRequest.headSha.slice(0, 12)}, but pull request #${pr.number} is now at ${pr.head.sha.slice(0, 12)}${runHead ? ` and the workflow run built ${runHead.slice(0, 12)}` : ""}: not posting a stale or mismatched result.`
      );
    }
    const author = await commentAuthor(github, values["comment-author"]);
    const posted = [];
    for (const model of result.models) {
      const fields = validatedFields(model);
      const comment = await upsertComment(
        github,
        repo,
        pr.number,
        commentMarker("reported", model.model),
        renderUntrusted(fields, workflowRunUrl(context.env)),
        author
      );
      posted.push({ model: fields.model, comment: comment.url, action: comment.action, checkRun: false });
    }
    return {
      exitCode: 0,
      data: { pullRequest: pr.number, posted },
      text: posted.map((p) => `${p.model}: comment ${p.action} ${p.comment}`).join("\n"),
      outputs: { "pull-request": String(pr.number) }
    };
  }
});
function workflowRunUrl(env) {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return void 0;
  try {
    const url = JSON.parse(readFileSync3(env.GITHUB_EVENT_PATH, "utf8"))?.workflow_run?.html_url;
    return typeof url === "string" && /^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9._\/-]+$/.test(url) ? url : void 0;
  } catch {
    return void 0;
  }
}
function workflowRunHeadSha(env) {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return void 0;
  try {
    return JSON.parse(readFileSync3(env.GITHUB_EVENT_PATH, "utf8"))?.workflow_run?.head_sha;
  } catch {
    return void 0;
  }
}

// src/commands/demo.ts
var demoCommand = defineCommand({
  name: "demo",
  summary: "run the loop on a built-in example repository, offline",
  usage: "demo [--dir DIR]",
  options: {
    dir: {
      type: "string",
      value: "DIR",
      description: "where to create the example repository (default: a new temporary folder)"
    }
  },
  async run(context, values) {
    if (!context.runCli || !context.runDemo)
      throw new UserError("demo runs from the modelkeeper CLI: npx modelkeeper demo");
    const result = await context.runDemo({
      dir: values.dir,
      log: context.log,
      env: context.env,
      runCli: context.runCli
    });
    return { exitCode: 0, data: { ...result }, text: result.summary, outputs: { dir: result.dir } };
  }
});

// src/commands/serve.ts
import { dirname as dirname10 } from "node:path";

// src/serve/settings.ts
import { resolve as resolve9 } from "node:path";
var DEFAULT_SETTINGS = {
  host: "127.0.0.1",
  port: 8080,
  maxBodyBytes: 8 * 1024 * 1024,
  maxRows: 1e4,
  timeoutMs: 5e3,
  concurrency: 2,
  maxQueue: 64,
  retryAfterSeconds: 1,
  gracePeriodMs: 3e4,
  pollMs: 3e4,
  log: { maxFileBytes: 64 * 1024 * 1024, maxFileAgeMs: 36e5, sampleRate: 1, queueRows: 5e4 },
  labels: { maxPerRequest: 1e4, rememberedRequests: 1e5 }
};
function resolveSettings(config, flags, bases) {
  const c = config ?? {};
  const d = DEFAULT_SETTINGS;
  const num = (flag, configured, fallback, check, expected2) => {
    const text2 = flags[flag];
    if (text2 === void 0) return configured ?? fallback;
    const value2 = Number(text2);
    if (text2.trim() === "" || !Number.isFinite(value2) || !check(value2))
      throw new UserError(`--${flag} ${text2}: expected ${expected2}.`);
    return value2;
  };
  const positiveInt = (n) => Number.isInteger(n) && n > 0;
  const nonNegative = (n) => n >= 0;
  const port = num(
    "port",
    c.port,
    d.port,
    (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
    "a port number 0-65535 (0 picks a free one)"
  );
  const logDir = flags.log !== void 0 ? resolve9(bases.cwd, flags.log) : c.log?.dir !== void 0 ? resolve9(bases.configDir, c.log.dir) : void 0;
  if (c.profile && logDir === void 0)
    throw new UserError(
      "serve.profile: profiles are written beside the prediction log; set serve.log.dir (or pass --log DIR).",
      { key: "serve.profile" }
    );
  return {
    host: flags.host ?? c.host ?? d.host,
    port,
    maxBodyBytes: Math.round(
      num("max-body-mb", c.max_body_mb, d.maxBodyBytes / 2 ** 20, (n) => n > 0, "a positive number of MiB") * 2 ** 20
    ),
    maxRows: num("max-rows", c.max_rows, d.maxRows, positiveInt, "a positive whole number of rows"),
    timeoutMs: num("timeout-ms", c.timeout_ms, d.timeoutMs, positiveInt, "a positive whole number of milliseconds"),
    concurrency: num("concurrency", c.concurrency, d.concurrency, positiveInt, "a positive whole number"),
    maxQueue: num("max-queue", c.max_queue, d.maxQueue, (n) => Number.isInteger(n) && n >= 0, "a whole number >= 0"),
    retryAfterSeconds: c.retry_after_seconds ?? d.retryAfterSeconds,
    gracePeriodMs: num("grace-seconds", c.grace_seconds, d.gracePeriodMs / 1e3, nonNegative, "seconds >= 0") * 1e3,
    pollMs: num("poll-seconds", c.poll_seconds, d.pollMs / 1e3, nonNegative, "seconds >= 0 (0: only on SIGHUP)") * 1e3,
    log: {
      dir: logDir,
      maxFileBytes: Math.round((c.log?.max_file_mb ?? d.log.maxFileBytes / 2 ** 20) * 2 ** 20),
      maxFileAgeMs: (c.log?.max_file_minutes ?? d.log.maxFileAgeMs / 6e4) * 6e4,
      sampleRate: num(
        "log-sample-rate",
        c.log?.sample_rate,
        d.log.sampleRate,
        (n) => n >= 0 && n <= 1,
        "a fraction between 0 and 1"
      ),
      queueRows: c.log?.queue_rows ?? d.log.queueRows
    },
    ...c.profile ? {
      profile: {
        windowMs: (c.profile.window_minutes ?? 60) * 6e4,
        writeMs: (c.profile.write_seconds ?? 60) * 1e3,
        maxValues: c.profile.max_values ?? DEFAULT_MAX_VALUES
      }
    } : {},
    labels: {
      maxPerRequest: c.labels?.max_per_request ?? d.labels.maxPerRequest,
      rememberedRequests: c.labels?.remembered_requests ?? d.labels.rememberedRequests
    }
  };
}

// src/serve/serve-app.ts
import { Server as NetServer } from "node:net";

// src/serve/admission.ts
var AdmissionGate = class {
  constructor(concurrency, maxQueue, now = () => performance.now()) {
    this.concurrency = concurrency;
    this.maxQueue = maxQueue;
    this.now = now;
  }
  concurrency;
  maxQueue;
  now;
  running = 0;
  waiting = [];
  get inFlight() {
    return this.running;
  }
  get queued() {
    return this.waiting.length;
  }
  /** Waits for a run slot until `waitMs` have passed. */
  acquire(waitMs) {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve({ admitted: true, queuedMs: 0, release: this.releaser() });
    }
    if (this.waiting.length >= this.maxQueue) return Promise.resolve({ admitted: false, reason: "queue-full" });
    return new Promise((resolve11) => {
      const waiter = {
        enqueuedAt: this.now(),
        resolve: resolve11,
        timer: setTimeout(
          () => {
            const at = this.waiting.indexOf(waiter);
            if (at >= 0) this.waiting.splice(at, 1);
            resolve11({ admitted: false, reason: "deadline" });
          },
          Math.max(0, waitMs)
        )
      };
      this.waiting.push(waiter);
    });
  }
  releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (!next) {
        this.running--;
        return;
      }
      clearTimeout(next.timer);
      next.resolve({ admitted: true, queuedMs: this.now() - next.enqueuedAt, release: this.releaser() });
    };
  }
};

// src/serve/champion-source.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname7, resolve as resolve10 } from "node:path";
var decided = /* @__PURE__ */ new Map();
async function currentChampion(git, model, override, cwd) {
  if (override) {
    const tagged = override.startsWith(tagPrefix(model.name)) ? override.slice(tagPrefix(model.name).length) : void 0;
    const blob = await objectAt(git, override, model.artifact);
    return {
      key: `override ${override} ${blob ?? ""}`,
      ...tagged && /^\d+$/.test(tagged) ? { version: `v${tagged}` } : {},
      label: override,
      ...blob !== void 0 ? { rev: override } : {}
    };
  }
  const within = await servedBranch(git);
  const tags = await localTagIds(git, tagPrefix(model.name));
  const refs = [within.commit, ...[...tags].map(([tag, id]) => `${id} ${tag}`)].join("\n");
  const cacheKey = `${git.cwd}\0${model.name}`;
  const last = decided.get(cacheKey);
  if (last?.refs === refs) return last.ref;
  const { champion, ignored } = await trustedChampion(git, model.name, { within });
  let ref;
  if (champion) {
    removeTempDir(dirname7(champion.artifact.path));
    ref = {
      key: `${champion.tag} ${champion.artifact.sha256}`,
      version: `v${champion.version}`,
      label: `tag ${champion.tag}`,
      rev: champion.artifact.commit,
      claim: { path: champion.artifactPath, sha256: champion.artifact.sha256 },
      ignored
    };
  }
  decided.set(cacheKey, { refs, ref });
  return ref;
}
async function fetchChampion(git, model, ref, override, cwd, env) {
  if (override) {
    checkInsideRepository(git, override, cwd);
    const { champion: found } = await resolveChampion(git, model, env, cwd, override, { sha256: "", commit: "" });
    if (!found)
      throw new UserError(
        `${ref.label}: ${model.artifact} does not exist there. Promote a commit that holds the artifact, or pass --champion PATH.`,
        { key: "artifact" }
      );
    return { ...found, version: ref.version ?? `sha256:${found.sha256.slice(0, 12)}` };
  }
  if (!ref.rev || !ref.claim) throw noChampionError(model);
  const artifact = await fromGit(git, ref.rev, ref.claim.path, ref.label);
  if (!artifact || artifact.sha256 !== ref.claim.sha256) {
    throw new UserError(
      `${ref.label}: ${ref.claim.path} at ${ref.rev.slice(0, 12)} no longer has the sha256 its tag names (${ref.claim.sha256.slice(0, 12)}); not serving it.`
    );
  }
  return { ...artifact, version: ref.version ?? `sha256:${artifact.sha256.slice(0, 12)}` };
}
async function servedBranch(git) {
  const base = await baseRef(git, {});
  return {
    commit: base ? await resolveCommit(git, base.ref) : await headCommit(git),
    name: base ? `the default branch ${base.name}` : "HEAD"
  };
}
function checkInsideRepository(git, override, cwd) {
  const path = resolve10(cwd, override);
  if (existsSync2(path) && isWithin(resolve10(git.cwd), path))
    insideRepository(git.cwd, path, `the model file to serve (${override})`);
}
function noChampionError(model) {
  return new UserError(
    `${model.name} has no trusted champion yet: no tag ${tagPrefix(model.name)}<N> made by promote in the default branch's history. Promote a model first (modelkeeper promote), fetch the tags (git fetch origin 'refs/tags/modelkeeper/*:refs/tags/modelkeeper/*'), or pass --champion REV|PATH.`
  );
}

// src/serve/http-server.ts
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { performance as performance3 } from "node:perf_hooks";

// src/serve/routes.ts
var MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(\/ready|\/infer|\/rollout|\/rollout\/gate|\/labels)?$/;
function matchRoute(method, url) {
  const path = url.split("?")[0];
  const get = (route2) => method === "GET" || method === "HEAD" ? route2 : { kind: "method-not-allowed", allow: "GET, HEAD" };
  if (path === "/v2" || path === "/v2/") return get({ kind: "server-metadata" });
  if (path === "/v2/health/live") return get({ kind: "live" });
  if (path === "/v2/health/ready") return get({ kind: "ready" });
  if (path === "/metrics") return get({ kind: "metrics" });
  const match = MODEL_PATH.exec(path);
  if (!match) return { kind: "not-found" };
  let model;
  let version;
  try {
    model = decodeURIComponent(match[1]);
    version = match[2] === void 0 ? void 0 : decodeURIComponent(match[2]);
  } catch {
    return { kind: "not-found" };
  }
  const at = version === void 0 ? { model } : { model, version };
  if (match[3] === "/infer")
    return method === "POST" ? { kind: "infer", ...at } : { kind: "method-not-allowed", allow: "POST" };
  if (match[3] === "/ready") return get({ kind: "model-ready", ...at });
  if (match[3] === "/rollout")
    return version === void 0 ? get({ kind: "rollout", model, gate: false }) : { kind: "not-found" };
  if (match[3] === "/labels")
    return version !== void 0 ? { kind: "not-found" } : method === "POST" ? { kind: "labels", model } : { kind: "method-not-allowed", allow: "POST" };
  if (match[3] === "/rollout/gate") {
    if (version !== void 0) return { kind: "not-found" };
    return method === "GET" || method === "HEAD" || method === "POST" ? { kind: "rollout", model, gate: true } : { kind: "method-not-allowed", allow: "GET, HEAD, POST" };
  }
  return get({ kind: "model-metadata", ...at });
}

// src/serve/infer-request.ts
var RequestError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
};
var NUMERIC_TYPES = /* @__PURE__ */ new Set([
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP16",
  "FP32",
  "FP64"
]);
var ALL_TYPES = /* @__PURE__ */ new Set([...NUMERIC_TYPES, "BOOL", "BYTES"]);
function parseInferRequest(body, model, maxRows) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new RequestError(
      400,
      `the body must be a JSON object like {"inputs": [{"name": ..., "shape": [...], "datatype": ..., "data": [...]}]}`
    );
  }
  const request = body;
  if (request.id !== void 0 && typeof request.id !== "string") throw new RequestError(400, `"id" must be a string`);
  if (!Array.isArray(request.inputs) || request.inputs.length === 0) {
    throw new RequestError(400, `"inputs" must be a non-empty array of tensors; this model takes ${expected(model)}`);
  }
  const inputs = request.inputs.map((input, i) => tensorInput(input, i));
  const table2 = model.matrixInput && inputs.length === 1 && inputs[0].name === model.matrixInput.name ? matrixTable(inputs[0], model, maxRows) : featureTable(inputs, model, maxRows);
  return { ...request.id !== void 0 ? { id: request.id } : {}, table: table2 };
}
function tensorInput(value2, index) {
  const where = `inputs[${index}]`;
  if (typeof value2 !== "object" || value2 === null || Array.isArray(value2))
    throw new RequestError(400, `${where} must be an object with name, shape, datatype and data`);
  const input = value2;
  if (typeof input.name !== "string") throw new RequestError(400, `${where}: "name" must be a string`);
  const named2 = `input "${input.name}"`;
  if (typeof input.datatype !== "string" || !ALL_TYPES.has(input.datatype)) {
    throw new RequestError(
      400,
      `${named2}: "datatype" must be one of ${[...ALL_TYPES].join(", ")}, got ${JSON.stringify(input.datatype)}`
    );
  }
  if (!Array.isArray(input.shape) || !input.shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new RequestError(
      400,
      `${named2}: "shape" must be an array of whole numbers >= 0, got ${JSON.stringify(input.shape)}`
    );
  }
  if (!Array.isArray(input.data)) throw new RequestError(400, `${named2}: "data" must be an array`);
  const data = input.data.some(Array.isArray) ? input.data.flat(input.shape.length) : input.data;
  const size = input.shape.reduce((a, b) => a * b, 1);
  if (data.length !== size)
    throw new RequestError(
      400,
      `${named2}: shape [${input.shape.join(", ")}] holds ${size} values but "data" has ${data.length}`
    );
  return { name: input.name, datatype: input.datatype, shape: input.shape, data };
}
function matrixTable(input, model, maxRows) {
  const width = model.features.length;
  if (input.shape.length !== 2 || input.shape[1] !== width) {
    throw new RequestError(
      400,
      `input "${input.name}": expected shape [N, ${width}] (features ${model.features.join(", ")}), got [${input.shape.join(", ")}]`
    );
  }
  if (!NUMERIC_TYPES.has(input.datatype))
    throw new RequestError(
      400,
      `input "${input.name}": expected a numeric datatype such as FP32, got ${input.datatype}`
    );
  const rows = rowCount2(input.shape[0], maxRows);
  const columns = model.features.map((feature, f) => {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++)
      values[i] = number(
        input.data[i * width + f],
        input.name,
        i * width + f,
        model.featureKinds.get(feature) === "int64"
      );
    return { kind: "numeric", name: feature, values };
  });
  return { source: "the request", rowCount: rows, columns };
}
function featureTable(inputs, model, maxRows) {
  const byName = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    if (!model.featureKinds.has(input.name))
      throw new RequestError(
        400,
        `input "${input.name}": no such input or feature; this model takes ${expected(model)}`
      );
    if (byName.has(input.name)) throw new RequestError(400, `input "${input.name}" appears twice`);
    byName.set(input.name, input);
  }
  const missing = model.features.filter((feature) => !byName.has(feature));
  if (missing.length > 0)
    throw new RequestError(
      400,
      `missing feature${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; this model takes ${expected(model)}`
    );
  let rows;
  const columns = model.features.map((feature) => {
    const input = byName.get(feature);
    if (input.shape.length === 0 || input.shape.length > 2 || input.shape.length === 2 && input.shape[1] !== 1) {
      throw new RequestError(400, `input "${feature}": expected shape [N] or [N, 1], got [${input.shape.join(", ")}]`);
    }
    const n = input.shape[0];
    if (rows !== void 0 && n !== rows)
      throw new RequestError(
        400,
        `input "${feature}" has ${n} rows but the inputs before it have ${rows}; every feature needs one value per row`
      );
    rows = rowCount2(n, maxRows);
    const kind2 = model.featureKinds.get(feature);
    if (kind2 === "string") {
      if (input.datatype !== "BYTES")
        throw new RequestError(
          400,
          `input "${feature}": this feature is text; send it as datatype BYTES with string data, got ${input.datatype}`
        );
      return categorical(feature, input.data);
    }
    if (!NUMERIC_TYPES.has(input.datatype))
      throw new RequestError(
        400,
        `input "${feature}": this feature is numeric (${kind2 === "int64" ? "INT64" : "FP32/FP64"}), got datatype ${input.datatype}`
      );
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = number(input.data[i], feature, i, kind2 === "int64");
    return { kind: "numeric", name: feature, values };
  });
  return { source: "the request", rowCount: rows, columns };
}
function rowCount2(rows, maxRows) {
  if (rows === 0) throw new RequestError(400, `the request has no rows`);
  if (rows > maxRows)
    throw new RequestError(
      413,
      `the request has ${rows} rows; this server takes at most ${maxRows} per request (serve.max_rows): split it`
    );
  return rows;
}
function number(value2, input, position, integer) {
  if (typeof value2 !== "number" || !Number.isFinite(value2)) {
    const shown = typeof value2 === "number" ? String(value2) : JSON.stringify(value2) ?? String(value2);
    throw new RequestError(
      400,
      `input "${input}": data[${position}] is ${shown}; expected a finite number (missing values are not accepted)`
    );
  }
  if (integer && !Number.isInteger(value2))
    throw new RequestError(
      400,
      `input "${input}": data[${position}] is ${value2}; this model input is INT64, expected a whole number`
    );
  return value2;
}
function categorical(name, data) {
  const codes = new Int32Array(data.length);
  const categories = [];
  const index = /* @__PURE__ */ new Map();
  for (let i = 0; i < data.length; i++) {
    const value2 = data[i];
    if (typeof value2 !== "string")
      throw new RequestError(400, `input "${name}": data[${i}] is ${JSON.stringify(value2)}; expected a string (BYTES)`);
    let code = index.get(value2);
    if (code === void 0) {
      code = categories.length;
      categories.push(value2);
      index.set(value2, code);
    }
    codes[i] = code;
  }
  return { kind: "categorical", name, codes, categories };
}
function expected(model) {
  const perFeature = `one tensor per feature, shape [N]: ${model.features.map((f) => `${f} (${model.featureKinds.get(f) === "string" ? "BYTES" : model.featureKinds.get(f) === "int64" ? "INT64" : "FP32"})`).join(", ")}`;
  return model.matrixInput ? `"${model.matrixInput.name}" FP32 [N, ${model.features.length}], or ${perFeature}` : perFeature;
}

// src/serve/labels-request.ts
var MAX_ID_LENGTH = 256;
function parseLabelsRequest(body, encode, limits) {
  const example = `send {"labels": [{"id": "<request id>", "label": <value>}, \u2026]}`;
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new RequestError(400, `the body must be a JSON object; ${example}`);
  const labels2 = body.labels;
  if (!Array.isArray(labels2))
    throw new RequestError(400, `labels: expected an array of {"id", "label"}, got ${kind(labels2)}; ${example}`);
  if (labels2.length > limits.maxLabels)
    throw new RequestError(
      413,
      `labels: ${labels2.length} labels in one body, more than the limit of ${limits.maxLabels} (serve.labels.max_per_request); send them in several posts`
    );
  const posted = [];
  for (let i = 0; i < labels2.length; i++) {
    const at = `labels[${i}]`;
    const item = labels2[i];
    if (item === null || typeof item !== "object" || Array.isArray(item))
      throw new RequestError(400, `${at}: expected an object {"id", "label"}, got ${kind(item)}`);
    const { id, label } = item;
    if (typeof id !== "string" || id === "" || id.length > MAX_ID_LENGTH) {
      throw new RequestError(
        400,
        `${at}.id: expected the request id as text of 1 to ${MAX_ID_LENGTH} characters (the infer request's "id"), got ${typeof id === "string" ? `${id.length} characters` : kind(id)}`
      );
    }
    const values = Array.isArray(label) ? label : [label];
    if (values.length === 0 || values.length > limits.maxRows)
      throw new RequestError(
        400,
        `${at}.label: expected one label per row of the request (1 to ${limits.maxRows}), got an array of ${values.length}`
      );
    const encoded = new Float64Array(values.length);
    for (let row = 0; row < values.length; row++) {
      const field = Array.isArray(label) ? `${at}.label[${row}]` : `${at}.label`;
      const text2 = textOf(values[row]);
      if (text2 === void 0)
        throw new RequestError(400, `${field}: expected a number, true/false or text, got ${kind(values[row])}`);
      const value2 = encode(text2);
      if (typeof value2 !== "number") throw new RequestError(400, `${field}: ${value2.problem}`);
      encoded[row] = value2;
    }
    posted.push({ id, values: encoded });
  }
  return posted;
}
function textOf(value2) {
  if (typeof value2 === "number") return Number.isFinite(value2) ? String(value2) : void 0;
  if (typeof value2 === "boolean") return String(value2);
  if (typeof value2 === "string") return value2;
  return void 0;
}
function kind(value2) {
  if (value2 === void 0) return "nothing";
  if (value2 === null) return "null";
  if (Array.isArray(value2)) return "an array";
  return typeof value2 === "object" ? "an object" : `${typeof value2} ${JSON.stringify(value2).slice(0, 40)}`;
}

// src/serve/protocol.ts
var DATATYPES = {
  float32: "FP32",
  float64: "FP64",
  float16: "FP16",
  int8: "INT8",
  int16: "INT16",
  int32: "INT32",
  int64: "INT64",
  uint8: "UINT8",
  uint16: "UINT16",
  uint32: "UINT32",
  uint64: "UINT64",
  bool: "BOOL",
  string: "BYTES"
};
function datatypeOf(element) {
  return DATATYPES[element] ?? element.toUpperCase();
}
function serverMetadata(version) {
  return { name: "modelkeeper", version, extensions: [] };
}
function modelMetadata(model) {
  const tensor = (value2) => ({
    name: value2.name,
    datatype: datatypeOf(value2.type),
    shape: value2.dims.map((d) => typeof d === "number" ? d : -1)
  });
  return {
    name: model.name,
    versions: [model.version],
    platform: "onnxruntime_onnx",
    inputs: model.handle.signature.inputs.filter((v) => v.kind === "tensor").map(tensor),
    outputs: model.handle.signature.outputs.filter((v) => v.kind === "tensor").map(tensor),
    parameters: {
      task: model.task,
      sha256: model.sha256,
      source: model.source,
      // The tabular form: one tensor per feature by this name, [N] (text as BYTES).
      features: model.features.map((name) => ({
        name,
        datatype: model.featureKinds.get(name) === "string" ? "BYTES" : model.featureKinds.get(name) === "int64" ? "INT64" : "FP64"
      }))
    }
  };
}
function inferResponse(model, id, scored) {
  return {
    model_name: model.name,
    model_version: model.version,
    id,
    outputs: scored.outputs.map((output) => ({
      name: output.name,
      datatype: datatypeOf(output.element),
      shape: output.dims,
      data: Array.from(output.data, Number)
    }))
  };
}
function errorBody(message) {
  return { error: message };
}

// src/serve/served-model.ts
import { rm as rm2 } from "node:fs/promises";
import { dirname as dirname8 } from "node:path";
async function loadServedModel(name, artifact, task, configured) {
  const handle2 = await loadModel(artifact.path);
  try {
    const features = configured ?? handle2.recordedFeatures ?? (handle2.signature.inputs.length > 1 ? handle2.signature.inputs.map((input) => input.name) : void 0);
    if (!features) {
      throw new UserError(
        `${artifact.label}: the model takes one matrix input and neither modelkeeper.yml nor the model names its features; list them under models.${name}.features.`,
        { key: "features" }
      );
    }
    const template = warmUpTable(handle2, features);
    const plan = planInputs(handle2.signature, features, template, {
      path: artifact.label,
      recordedFeatures: handle2.recordedFeatures
    });
    const outputPlan = planOutputs(handle2.signature, task, { path: artifact.label });
    const featureKinds = /* @__PURE__ */ new Map();
    for (const feed of plan.feeds) {
      for (const column of feed.columns)
        featureKinds.set(
          column.name,
          feed.element === "string" ? "string" : feed.element === "int64" ? "int64" : "float"
        );
    }
    const model = {
      name,
      version: artifact.version,
      sha256: artifact.sha256,
      source: artifact.label,
      task,
      features,
      featureKinds,
      ...plan.layout === "matrix" ? { matrixInput: { name: plan.feeds[0].inputName, element: plan.feeds[0].element } } : {},
      handle: handle2,
      outputPlan,
      loadedAt: /* @__PURE__ */ new Date()
    };
    await scoreTable(model, template);
    return model;
  } catch (error) {
    await closeModel(handle2).catch(() => {
    });
    throw error;
  } finally {
    if (artifact.commit) await rm2(dirname8(artifact.path), { recursive: true, force: true }).catch(() => {
    });
  }
}
async function releaseServedModel(model) {
  await closeModel(model.handle);
}
async function scoreTable(model, table2) {
  const context = { path: model.source, recordedFeatures: model.handle.recordedFeatures };
  const plan = planInputs(model.handle.signature, model.features, table2, context);
  const rows = table2.rowCount;
  const batch = plan.fixedBatch ?? rows;
  const packer = new BatchPacker(plan, batch);
  const collector = new PredictionCollector(model.outputPlan, rows, context);
  const ort = await loadOrt();
  const fetches = model.outputPlan.label ? [model.outputPlan.value.name, model.outputPlan.label.name] : [model.outputPlan.value.name];
  const raw = /* @__PURE__ */ new Map();
  for (let start2 = 0; start2 < rows; start2 += batch) {
    const count = Math.min(batch, rows - start2);
    const feeds = packer.pack(start2, count, plan.fixedBatch ?? count);
    const tensors = {};
    for (const [inputName, feed] of Object.entries(feeds))
      tensors[inputName] = new ort.Tensor(feed.element, feed.data, feed.dims);
    const results = await model.handle.session.run(tensors, fetches);
    const outputs2 = {};
    for (const fetch of fetches) {
      const tensor = results[fetch];
      outputs2[fetch] = { dims: tensor.dims, data: tensor.data };
      const inner = tensor.dims.slice(1);
      const width = inner.reduce((a, b) => a * b, 1);
      const entry = raw.get(fetch) ?? { element: tensor.type, inner, parts: [] };
      entry.parts.push(
        tensor.data.subarray(
          0,
          count * width
        )
      );
      raw.set(fetch, entry);
    }
    collector.add(start2, count, outputs2);
  }
  const outputs = [...raw].map(([outputName, entry]) => ({
    name: outputName,
    element: entry.element,
    dims: [rows, ...entry.inner],
    data: entry.parts.length === 1 ? entry.parts[0] : concat(entry.parts)
  }));
  return { prediction: collector.finish(), outputs };
}
function concat(parts) {
  const out = [];
  for (const part of parts) for (let i = 0; i < part.length; i++) out.push(part[i]);
  return out;
}
function warmUpTable(handle2, features) {
  const stringInputs = new Set(
    handle2.signature.inputs.filter((input) => input.type === "string").map((input) => input.name)
  );
  const columns = features.map(
    (feature) => stringInputs.has(feature) ? { kind: "categorical", name: feature, codes: Int32Array.of(0), categories: [""] } : { kind: "numeric", name: feature, values: Float64Array.of(0) }
  );
  return { source: "warm-up row", rowCount: 1, columns };
}

// src/serve/router.ts
function route(slots, draw) {
  const canary = slots.canary && draw * 100 < slots.canary.percent ? slots.canary.model : void 0;
  const answer = canary ? { endpoint: "canary", model: canary } : { endpoint: "stable", model: slots.stable };
  return slots.shadow ? { answer, mirror: { endpoint: "shadow", model: slots.shadow } } : { answer };
}
function stickyDraw(id) {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

// src/rollout/verdict.ts
function rolloutVerdict(input, status) {
  const verdict2 = status.state === "reverted" ? "fail" : status.state === "completed" ? "pass" : "pending";
  return {
    model: input.model,
    verdict: verdict2,
    ok: verdict2 !== "fail",
    state: status.state,
    canary: input.canary,
    ...input.stable ? { stable: input.stable } : {},
    steps: input.steps,
    step: status.step,
    percent: status.percent,
    step_started_at: status.stepStartedAt,
    requests: { stable: status.requests.stable, canary: status.requests.challenger },
    looks: status.looks,
    evidence: status.evidence,
    labels: status.labels,
    ...status.reason !== void 0 ? { reason: status.reason } : {},
    recorded: input.recorded
  };
}
function gateHttpStatus(verdict2) {
  return verdict2.ok ? 200 : 412;
}

// src/rollout/endpoint.ts
function rolloutAnswer(model, rollout, route2) {
  if (!rollout)
    return {
      status: 404,
      body: {
        error: `no rollout for model ${JSON.stringify(model)}: serve runs no canary. Start it with --canary REV|PATH (or --shadow REV|PATH).`
      }
    };
  const verdict2 = rollout.verdict();
  return { status: route2 === "gate" ? gateHttpStatus(verdict2) : 200, body: verdict2 };
}

// src/serve/http-server.ts
var ActiveRequests = class {
  count = 0;
  waiters = [];
  enter() {
    this.count++;
  }
  leave() {
    if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }
  idle() {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve11) => this.waiters.push(resolve11));
  }
};
function createServeServer(parts) {
  const server = createServer(
    { keepAliveTimeout: 5e3, headersTimeout: 1e4, requestTimeout: Math.max(3e4, parts.settings.timeoutMs * 2) },
    (req, res) => {
      handle(parts, req, res).catch((error) => {
        parts.warn(
          `serve: unexpected error answering ${req.method} ${safePath(req.url)}: ${error?.stack ?? error}`
        );
        if (!res.headersSent) send(parts, res, 500, errorBody("internal error"));
        else res.destroy();
      });
    }
  );
  return server;
}
async function handle(parts, req, res) {
  const route2 = matchRoute(req.method ?? "GET", req.url ?? "/");
  const { lifecycle, slots } = parts;
  switch (route2.kind) {
    case "live":
      return send(parts, res, lifecycle.live ? 200 : 503, { live: lifecycle.live });
    case "ready":
      return send(parts, res, lifecycle.ready ? 200 : 503, { ready: lifecycle.ready });
    case "server-metadata":
      return send(parts, res, 200, serverMetadata(VERSION));
    case "metrics": {
      parts.metrics.inFlight.set(parts.admission.inFlight);
      parts.metrics.queued.set(parts.admission.queued);
      const text2 = await parts.metrics.registry.metrics();
      closeIfDraining(parts, res);
      res.writeHead(200, { "content-type": parts.metrics.registry.contentType });
      res.end(text2);
      return;
    }
    case "model-metadata":
    case "model-ready": {
      const model = slots.stable;
      if (!servesThis(model, route2.model, route2.version))
        return notServed(parts, res, model, route2.model, route2.version);
      if (route2.kind === "model-metadata") return send(parts, res, 200, modelMetadata(model));
      return send(parts, res, lifecycle.ready ? 200 : 503, { name: model.name, ready: lifecycle.ready });
    }
    case "infer":
      if (lifecycle.draining) {
        res.setHeader("retry-after", String(parts.settings.retryAfterSeconds));
        parts.metrics.answered(slots.stable.name, slots.stable.version, 503);
        return send(parts, res, 503, errorBody("the server is shutting down; retry on another replica"));
      }
      parts.active.enter();
      try {
        return await infer(parts, req, res, route2.model, route2.version);
      } finally {
        parts.active.leave();
      }
    case "rollout": {
      if (route2.model !== slots.stable.name) return notServed(parts, res, slots.stable, route2.model, void 0);
      const answer = parts.rollout ? parts.rollout.answer(route2.gate ? "gate" : "verdict") : rolloutAnswer(route2.model, void 0, "verdict");
      return send(parts, res, answer.status, answer.body);
    }
    case "labels":
      if (route2.model !== slots.stable.name) return notServed(parts, res, slots.stable, route2.model, void 0);
      return labels(parts, req, res);
    case "method-not-allowed":
      res.setHeader("allow", route2.allow);
      return send(parts, res, 405, errorBody(`method ${req.method} is not allowed here; use ${route2.allow}`));
    default:
      return send(
        parts,
        res,
        404,
        errorBody(
          `no such endpoint: ${safePath(req.url)}. Endpoints: GET /v2, /v2/health/live, /v2/health/ready, /v2/models/{model}, /v2/models/{model}/ready, POST /v2/models/{model}/infer, POST /v2/models/{model}/labels, GET /v2/models/{model}/rollout, GET|POST /v2/models/{model}/rollout/gate, GET /metrics`
        )
      );
  }
}
async function infer(parts, req, res, name, version) {
  const started = performance3.now();
  const arrived = /* @__PURE__ */ new Date();
  const { settings, metrics } = parts;
  const deadline = started + settings.timeoutMs;
  let release;
  let taken;
  let model = parts.slots.stable;
  let runStarted;
  const answer = (code, body, headers = {}) => {
    metrics.answered(model.name, model.version, code, (performance3.now() - started) / 1e3);
    for (const [key, value2] of Object.entries(headers)) res.setHeader(key, value2);
    send(parts, res, code, body);
  };
  try {
    if (name !== model.name || version !== void 0 && version !== model.version && parts.slots.challengerModel?.version !== version) {
      metrics.answered("(other)", "", 404);
      return notServed(parts, res, model, name, version);
    }
    const declared = Number(req.headers["content-length"]);
    if (declared > settings.maxBodyBytes) return tooLarge(answer, req, res, settings.maxBodyBytes);
    const admission = await parts.admission.acquire(deadline - performance3.now());
    if (!admission.admitted) {
      const retry2 = { "retry-after": String(settings.retryAfterSeconds) };
      req.resume();
      return admission.reason === "queue-full" ? answer(
        429,
        errorBody(
          `the server is at capacity (${settings.concurrency} running, ${settings.maxQueue} queued); retry after ${settings.retryAfterSeconds} s`
        ),
        retry2
      ) : answer(
        503,
        errorBody(
          `the request waited ${settings.timeoutMs} ms for a free model run (serve.timeout_ms) and was not run; retry later`
        ),
        retry2
      );
    }
    release = admission.release;
    const body = await readBody(req, settings.maxBodyBytes);
    if (body === void 0) return tooLarge(answer, req, res, settings.maxBodyBytes);
    let parsed;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch (error) {
      return answer(
        400,
        errorBody(
          `the body is not valid JSON (${error.message}); send an Open Inference Protocol v2 infer request`
        )
      );
    }
    const sentId = parsed?.id;
    const id = typeof sentId === "string" ? sentId : randomUUID();
    taken = version === void 0 ? parts.slots.take(stickyDraw(id)) : parts.slots.takeVersion(version);
    if (!taken) return notServed(parts, res, model, name, version);
    model = taken.decision.answer.model;
    let request;
    try {
      request = parseInferRequest(parsed, model, settings.maxRows);
    } catch (error) {
      if (error instanceof RequestError) return answer(error.status, errorBody(error.message));
      throw error;
    }
    if (performance3.now() >= deadline) {
      return answer(
        503,
        errorBody(
          `the request's ${settings.timeoutMs} ms budget (serve.timeout_ms) was spent before the model ran; send fewer rows, or retry later`
        ),
        { "retry-after": String(settings.retryAfterSeconds) }
      );
    }
    metrics.queueTime.observe({ model: model.name }, admission.queuedMs / 1e3);
    runStarted = performance3.now();
    let runMs = 0;
    const free = release;
    release = void 0;
    const run2 = scoreTable(model, request.table).finally(() => {
      runMs = performance3.now() - runStarted;
      free();
    });
    const outcome = await withDeadline(run2, deadline - performance3.now());
    const endpoint = taken.decision.answer.endpoint;
    if (outcome === "deadline") {
      run2.catch(() => {
      });
      answer(504, errorBody(`the model did not answer within ${settings.timeoutMs} ms (serve.timeout_ms)`));
      if (version === void 0)
        parts.rollout?.observe(endpoint, model, { failedAfterMs: performance3.now() - runStarted });
      return;
    }
    metrics.rows.inc({ model: model.name, version: model.version, endpoint }, request.table.rowCount);
    answer(200, inferResponse(model, id, outcome));
    parts.log?.offer({
      requestId: id,
      time: arrived.toISOString(),
      model: model.name,
      version: model.version,
      endpoint,
      table: request.table,
      prediction: outcome.prediction
    });
    if (version === void 0) parts.rollout?.observe(endpoint, model, { prediction: outcome.prediction, runMs }, id);
    const mirror = taken.decision.mirror;
    if (mirror && parts.rollout) await shadowRun(parts, mirror.model, request.table, id);
  } catch (error) {
    if (isUserError(error)) return answer(400, errorBody(error.message));
    parts.warn(`serve: ${model.name} ${model.version}: the model run failed: ${error?.message ?? error}`);
    answer(500, errorBody("the model run failed; see the server's log"));
    if (taken && runStarted !== void 0 && version === void 0)
      parts.rollout?.observe(taken.decision.answer.endpoint, model, { failedAfterMs: performance3.now() - runStarted });
  } finally {
    release?.();
    taken?.done();
  }
}
async function shadowRun(parts, shadow, table2, id) {
  if (parts.lifecycle.draining || parts.admission.queued > 0 || parts.admission.inFlight >= parts.settings.concurrency)
    return;
  const admission = await parts.admission.acquire(0);
  if (!admission.admitted) return;
  const started = performance3.now();
  try {
    const scored = await scoreTable(shadow, table2);
    parts.metrics.rows.inc({ model: shadow.name, version: shadow.version, endpoint: "shadow" }, table2.rowCount);
    parts.rollout?.observe("shadow", shadow, { prediction: scored.prediction, runMs: performance3.now() - started }, id);
  } catch (error) {
    if (!isUserError(error))
      parts.warn(`serve: shadow ${shadow.version}: the model run failed: ${error?.message ?? error}`);
    parts.rollout?.observe("shadow", shadow, { failedAfterMs: performance3.now() - started });
  } finally {
    admission.release();
  }
}
async function labels(parts, req, res) {
  const { settings } = parts;
  if (Number(req.headers["content-length"]) > settings.maxBodyBytes)
    return tooLarge((code, body2) => send(parts, res, code, body2), req, res, settings.maxBodyBytes);
  const body = await readBody(req, settings.maxBodyBytes);
  if (body === void 0) return tooLarge((code, b) => send(parts, res, code, b), req, res, settings.maxBodyBytes);
  let parsed;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch (error) {
    return send(
      parts,
      res,
      400,
      errorBody(
        `the body is not valid JSON (${error.message}); send {"labels": [{"id": "<request id>", "label": <value>}, \u2026]}`
      )
    );
  }
  let posted;
  try {
    posted = parseLabelsRequest(parsed, parts.encodeLabel, {
      maxLabels: settings.labels.maxPerRequest,
      maxRows: settings.maxRows
    });
  } catch (error) {
    if (error instanceof RequestError) return send(parts, res, error.status, errorBody(error.message));
    throw error;
  }
  const outcomes = parts.rollout ? parts.rollout.label(posted) : { joined: 0, unknown: 0, outside_window: posted.length, duplicate: 0, rows_mismatch: 0 };
  send(parts, res, 200, {
    model: parts.slots.stable.name,
    received: posted.length,
    ...outcomes,
    rollout: parts.rollout ? parts.rollout.answer("verdict").body.state : "none"
  });
}
function withDeadline(work, ms2) {
  let timer;
  const expired = new Promise(
    (resolve11) => timer = setTimeout(() => resolve11("deadline"), Math.max(0, ms2))
  );
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
function readBody(req, limit) {
  return new Promise((resolve11, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        chunks.length = 0;
        resolve11(void 0);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve11(size > limit ? void 0 : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}
function tooLarge(answer, req, res, limit) {
  closeAfterAnswer(req, res);
  answer(413, errorBody(`the body is larger than ${limit} bytes (serve.max_body_mb); send fewer rows per request`));
}
function servesThis(model, name, version) {
  return name === model.name && (version === void 0 || version === model.version);
}
function notServed(parts, res, model, name, version) {
  const what = name !== model.name ? `model "${name}" is not served here` : `version "${version}" of ${name} is not served here`;
  send(parts, res, 404, errorBody(`${what}; this server serves ${model.name} version ${model.version}`));
}
function closeIfDraining(parts, res) {
  if (parts.lifecycle.draining && !res.headersSent) closeAfterAnswer(res.req, res);
}
function send(parts, res, code, body) {
  const text2 = JSON.stringify(body);
  closeIfDraining(parts, res);
  res.writeHead(code, { "content-type": "application/json", "content-length": Buffer.byteLength(text2) });
  res.end(text2);
}
function safePath(url) {
  return JSON.stringify((url ?? "").slice(0, 200));
}

// src/serve/lifecycle.ts
var Lifecycle = class {
  current = "starting";
  get phase() {
    return this.current;
  }
  get live() {
    return this.current !== "stopped";
  }
  get ready() {
    return this.current === "ready";
  }
  get draining() {
    return this.current === "draining" || this.current === "stopped";
  }
  markReady() {
    if (this.current === "starting") this.current = "ready";
  }
  startDraining() {
    if (this.current !== "stopped") this.current = "draining";
  }
  markStopped() {
    this.current = "stopped";
  }
};

// src/serve/metrics.ts
var import_prom_client = __toESM(require_prom_client(), 1);
var LATENCY_BUCKETS = [5e-4, 1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
var ServeMetrics = class {
  registry = new import_prom_client.Registry();
  requests = new import_prom_client.Counter({
    name: "modelkeeper_requests_total",
    help: "Infer requests answered, by model, version and HTTP status code",
    labelNames: ["model", "version", "code"],
    registers: [this.registry]
  });
  failures = new import_prom_client.Counter({
    name: "modelkeeper_request_failures_total",
    help: "Infer requests answered with a 4xx or 5xx status, by model, version and code",
    labelNames: ["model", "version", "code"],
    registers: [this.registry]
  });
  latency = new import_prom_client.Histogram({
    name: "modelkeeper_request_duration_seconds",
    help: "Infer request time from arrival to answer",
    labelNames: ["model", "version"],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry]
  });
  queueTime = new import_prom_client.Histogram({
    name: "modelkeeper_queue_wait_seconds",
    help: "Time an infer request waited for a model run slot",
    labelNames: ["model"],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry]
  });
  rows = new import_prom_client.Counter({
    name: "modelkeeper_rows_scored_total",
    help: "Rows scored, by model, version and endpoint (stable, canary, shadow)",
    labelNames: ["model", "version", "endpoint"],
    registers: [this.registry]
  });
  logWritten = new import_prom_client.Counter({
    name: "modelkeeper_log_records_written_total",
    help: "Prediction log records written",
    registers: [this.registry]
  });
  logDropped = new import_prom_client.Counter({
    name: "modelkeeper_log_records_dropped_total",
    help: "Prediction log records dropped, by reason (queue-full, write-error)",
    labelNames: ["reason"],
    registers: [this.registry]
  });
  logSkipped = new import_prom_client.Counter({
    name: "modelkeeper_log_records_sampled_out_total",
    help: "Rows not logged because of log sampling",
    registers: [this.registry]
  });
  champion = new import_prom_client.Gauge({
    name: "modelkeeper_champion_info",
    help: "The model being served (value 1), by model, version and artifact sha256",
    labelNames: ["model", "version", "sha256"],
    registers: [this.registry]
  });
  reloads = new import_prom_client.Counter({
    name: "modelkeeper_champion_reloads_total",
    help: "Attempts to load a new champion, by result (loaded, failed)",
    labelNames: ["model", "result"],
    registers: [this.registry]
  });
  inFlight = new import_prom_client.Gauge({
    name: "modelkeeper_requests_in_flight",
    help: "Model runs in progress",
    registers: [this.registry]
  });
  queued = new import_prom_client.Gauge({
    name: "modelkeeper_requests_queued",
    help: "Infer requests waiting for a run slot",
    registers: [this.registry]
  });
  constructor() {
    (0, import_prom_client.collectDefaultMetrics)({ register: this.registry });
  }
  answered(model, version, code, seconds) {
    const labels2 = { model, version, code: String(code) };
    this.requests.inc(labels2);
    if (code >= 400) this.failures.inc(labels2);
    if (seconds !== void 0) this.latency.observe({ model, version }, seconds);
  }
  setChampion(model, version, sha2562) {
    this.champion.reset();
    this.champion.set({ model, version, sha256: sha2562 }, 1);
  }
};

// src/serve/model-slots.ts
var ModelSlots = class {
  slots;
  users = /* @__PURE__ */ new Map();
  retired = /* @__PURE__ */ new Set();
  challenger;
  constructor(stable) {
    this.slots = { stable };
  }
  get stable() {
    return this.slots.stable;
  }
  /** The rollout's challenger (canary or shadow), while it is attached. */
  get challengerModel() {
    return this.challenger?.model;
  }
  /** Routes a request and holds its models until `done` is called. */
  take(draw) {
    return this.hold(route(this.current(), draw));
  }
  /**
   * A request for an explicit version: the model with that version among those answering now
   * (stable, or the canary while it answers a share), else undefined.
   */
  takeVersion(version) {
    const slots = this.current();
    if (slots.stable.version === version) return this.hold({ answer: { endpoint: "stable", model: slots.stable } });
    if (slots.canary?.model.version === version)
      return this.hold({ answer: { endpoint: "canary", model: slots.canary.model } });
    return void 0;
  }
  /** Routes a share of requests (or a copy of each) to `model` as `serving` says, read per request. */
  attachChallenger(model, serving) {
    if (this.challenger) this.retire(this.challenger.model);
    this.challenger = { model, serving };
  }
  /** No request is routed to the challenger any more; it is released when its last request is done. */
  detachChallenger() {
    if (!this.challenger) return;
    const { model } = this.challenger;
    this.challenger = void 0;
    this.retire(model);
  }
  current() {
    const challenger = this.challenger;
    if (!challenger) return this.slots;
    const { canaryPercent, shadow } = challenger.serving();
    return {
      stable: this.slots.stable,
      ...canaryPercent > 0 ? { canary: { model: challenger.model, percent: canaryPercent } } : {},
      ...shadow ? { shadow: challenger.model } : {}
    };
  }
  hold(decision) {
    const held = [decision.answer.model, ...decision.mirror ? [decision.mirror.model] : []];
    for (const model of held) this.users.set(model, (this.users.get(model) ?? 0) + 1);
    let done = false;
    return {
      decision,
      done: () => {
        if (done) return;
        done = true;
        for (const model of held) this.leave(model);
      }
    };
  }
  /** Makes `next` the stable model; the previous one is released when no request holds it. */
  replaceStable(next) {
    const previous = this.slots.stable;
    this.slots = { ...this.slots, stable: next };
    this.retire(previous);
    return previous;
  }
  /** Releases every model (at shutdown, once requests are done). */
  async releaseAll() {
    const all = /* @__PURE__ */ new Set([this.slots.stable, ...this.challenger ? [this.challenger.model] : [], ...this.retired]);
    this.retired.clear();
    await Promise.all([...all].map((model) => releaseServedModel(model).catch(() => {
    })));
  }
  retire(model) {
    if ((this.users.get(model) ?? 0) === 0) void releaseServedModel(model).catch(() => {
    });
    else this.retired.add(model);
  }
  leave(model) {
    const left = (this.users.get(model) ?? 1) - 1;
    if (left > 0) {
      this.users.set(model, left);
      return;
    }
    this.users.delete(model);
    if (this.retired.delete(model)) void releaseServedModel(model).catch(() => {
    });
  }
};

// src/serve/prediction-log.ts
import { mkdir as mkdir4, open as open2 } from "node:fs/promises";
import { join as join17 } from "node:path";

// src/serve/log-formatter.ts
var inlineFormatter = {
  format: async (batches) => Buffer.from(batches.map(formatRecords).join("")),
  close: async () => {
  }
};
async function threadFormatter() {
  const worker = await startWorker({
    bundled: "log-format-worker",
    source: new URL("./log-format-worker.ts", import.meta.url)
  });
  return worker ? new ThreadFormatter(worker) : inlineFormatter;
}
var ThreadFormatter = class {
  constructor(worker) {
    this.worker = worker;
    worker.unref();
    worker.on("message", (reply) => this.settle(reply.id, reply));
    const fail = () => {
      this.broken = true;
      for (const id of [...this.pending.keys()]) this.settle(id, { id, error: "the log's formatting thread stopped" });
    };
    worker.on("error", fail);
    worker.on("exit", fail);
  }
  worker;
  pending = /* @__PURE__ */ new Map();
  nextId = 0;
  broken = false;
  async format(batches) {
    if (this.broken) return inlineFormatter.format(batches);
    const id = this.nextId++;
    const reply = await new Promise((resolve11) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, resolve11);
      try {
        this.worker.postMessage({ id, batches });
      } catch (error) {
        this.settle(id, { id, error: error.message });
      }
    });
    return reply.bytes ?? inlineFormatter.format(batches);
  }
  async close() {
    this.broken = true;
    await this.worker.terminate();
  }
  settle(id, reply) {
    const resolve11 = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    resolve11?.(reply);
  }
};

// src/serve/prediction-log.ts
var CHUNK_ROWS = 1024;
var PredictionLog = class {
  constructor(settings, counters, onError, random = Math.random, now = Date.now, formatter = inlineFormatter, onWritten) {
    this.settings = settings;
    this.counters = counters;
    this.onError = onError;
    this.random = random;
    this.now = now;
    this.formatter = formatter;
    this.onWritten = onWritten;
  }
  settings;
  counters;
  onError;
  random;
  now;
  formatter;
  onWritten;
  queue = [];
  queuedRows = 0;
  writing;
  file;
  sequence = 0;
  closed = false;
  files = [];
  /** Queues a request's rows (a sample of them, if sampling is on); returns at once. */
  offer(batch) {
    const total = batch.table.rowCount;
    let rows;
    let count = total;
    if (this.settings.sampleRate < 1) {
      const picked = [];
      for (let i = 0; i < total; i++) if (this.random() < this.settings.sampleRate) picked.push(i);
      if (picked.length < total) this.counters.sampledOut(total - picked.length);
      rows = Uint32Array.from(picked);
      count = picked.length;
    }
    const room = this.closed ? 0 : Math.max(0, this.settings.queueRows - this.queuedRows);
    if (count > room) {
      this.counters.dropped(count - room, "queue-full");
      count = room;
    }
    if (count === 0) return;
    this.queue.push({ ...batch, ...rows ? { rows } : {}, count });
    this.queuedRows += count;
    this.writing ??= new Promise((resolve11) => setImmediate(resolve11)).then(() => this.drain()).finally(() => this.writing = void 0);
  }
  /** Resolves when every row queued so far is on disk. */
  async flush() {
    while (this.writing) await this.writing;
  }
  /** Refuses new rows, writes the queued ones and closes the file (and the formatting thread). */
  async close() {
    this.closed = true;
    await this.flush();
    await this.file?.handle.close();
    this.file = void 0;
    await this.formatter.close();
  }
  async drain() {
    let next = this.takeChunk();
    while (next) {
      const { rows, bytes, batches } = next;
      next = void 0;
      try {
        const text2 = await bytes;
        next = this.takeChunk();
        const file = await this.currentFile();
        for (let at = 0; at < text2.byteLength; )
          at += (await file.handle.write(text2, at, text2.byteLength - at)).bytesWritten;
        file.bytes += text2.byteLength;
        this.counters.written(rows);
      } catch (error) {
        this.counters.dropped(rows, "write-error");
        this.onError(
          `prediction log: could not write ${rows} record(s) to ${this.settings.dir}: ${error.message}`
        );
        await this.file?.handle.truncate(this.file.bytes).catch(() => {
        });
        await this.file?.handle.close().catch(() => {
        });
        this.file = void 0;
        next ??= this.takeChunk();
        continue;
      }
      try {
        this.onWritten?.(batches);
      } catch (error) {
        this.onError(
          `prediction log: the profile could not take ${rows} written record(s): ${error.message}`
        );
      }
      next ??= this.takeChunk();
    }
  }
  /** Takes up to CHUNK_ROWS queued rows off the queue and starts formatting them. */
  takeChunk() {
    if (this.queue.length === 0) return void 0;
    const chunk = [];
    let rows = 0;
    while (this.queue.length > 0 && rows < CHUNK_ROWS) {
      const batch = this.queue.shift();
      this.queuedRows -= batch.count;
      chunk.push(batch);
      rows += batch.count;
    }
    const bytes = this.formatter.format(chunk);
    bytes.catch(() => {
    });
    return { rows, bytes, batches: chunk };
  }
  async currentFile() {
    const now = this.now();
    if (this.file && (this.file.bytes >= this.settings.maxFileBytes || now - this.file.openedAt >= this.settings.maxFileAgeMs)) {
      await this.file.handle.close();
      this.file = void 0;
    }
    if (!this.file) {
      await mkdir4(this.settings.dir, { recursive: true });
      const stamp = new Date(now).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
      for (; ; ) {
        const path = join17(
          this.settings.dir,
          `predictions-${stamp}-${process.pid}-${String(++this.sequence).padStart(4, "0")}.jsonl`
        );
        const handle2 = await open2(path, "wx").catch((error) => {
          if (error.code === "EEXIST") return void 0;
          throw error;
        });
        if (!handle2) continue;
        this.file = { handle: handle2, path, bytes: 0, openedAt: now };
        break;
      }
      this.files.push(this.file.path);
      if (this.files.length > 1e3) this.files.shift();
    }
    return this.file;
  }
};

// src/serve/profile-writer.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir5, open as open3, rename as rename3, rm as rm3 } from "node:fs/promises";
import { basename as basename4, dirname as dirname9, join as join18 } from "node:path";

// src/serve/profile-windows.ts
var MAX_FINAL_FAILURES = 3;
var ProfileWindows = class {
  constructor(model, settings, classThreshold, graceMs = 5e3) {
    this.model = model;
    this.settings = settings;
    this.classThreshold = classThreshold;
    this.graceMs = graceMs;
  }
  model;
  settings;
  classThreshold;
  graceMs;
  open = /* @__PURE__ */ new Map();
  /** Parts already finished, by window start (only recent ones matter; trimmed). */
  finishedParts = /* @__PURE__ */ new Map();
  /** Counts batches (the rows the log wrote) into their windows. */
  add(batches) {
    for (const batch of batches) {
      const time = Date.parse(batch.time);
      const start2 = Math.floor(time / this.settings.windowMs) * this.settings.windowMs;
      let window2 = this.open.get(start2);
      if (!window2) {
        const builder = new WindowProfileBuilder(this.model, this.settings.maxValues);
        builder.describe(
          { start: new Date(start2).toISOString(), end: new Date(start2 + this.settings.windowMs).toISOString() },
          this.classThreshold
        );
        window2 = { builder, part: (this.finishedParts.get(start2) ?? 0) + 1, dirty: false, failures: 0 };
        this.open.set(start2, window2);
      }
      const rows = batch.rows ? batch.rows.subarray(0, batch.count) : batch.count < batch.table.rowCount ? Uint32Array.from({ length: batch.count }, (_, i) => i) : void 0;
      window2.builder.add(profiledTable(batch, this.classThreshold), batch.version, rows);
      window2.dirty = true;
    }
  }
  /**
   * Profiles to write at `now`: every window with new rows, and every finished one (forgotten
   * once written: done()). `all` finishes every window (shutdown).
   */
  due(now, all = false) {
    const out = [];
    for (const [start2, window2] of [...this.open].sort((a, b) => a[0] - b[0])) {
      const final = all || now >= start2 + this.settings.windowMs + this.graceMs;
      if (!window2.dirty && !final) continue;
      window2.dirty = false;
      out.push({ start: start2, part: window2.part, profile: window2.builder.build(), final });
    }
    for (const start2 of this.finishedParts.keys())
      if (start2 < now - 48 * 36e5 - this.settings.windowMs) this.finishedParts.delete(start2);
    return out;
  }
  /** A finished window's last profile is on disk: later rows of it start a new part. */
  done(snapshot) {
    const window2 = this.open.get(snapshot.start);
    if (!window2 || window2.part !== snapshot.part || window2.dirty) return;
    this.open.delete(snapshot.start);
    this.finishedParts.set(snapshot.start, snapshot.part);
  }
  /**
   * A write failed: the window is written again next time, unless it is finished and has failed
   * MAX_FINAL_FAILURES times; then it is let go and the rows it held are returned (they are in the
   * log, in no profile).
   */
  retry(snapshot) {
    const window2 = this.open.get(snapshot.start);
    if (!window2 || window2.part !== snapshot.part) return 0;
    window2.dirty = true;
    if (!snapshot.final || ++window2.failures < MAX_FINAL_FAILURES) return 0;
    this.open.delete(snapshot.start);
    this.finishedParts.set(snapshot.start, snapshot.part);
    return window2.builder.rows;
  }
};
function profiledTable(batch, classThreshold) {
  const { prediction, table: table2 } = batch;
  const columns = [...table2.columns, { kind: "numeric", name: LOGGED_PREDICTION, values: prediction.scores }];
  const classes = prediction.probabilities && prediction.classCount ? prediction.classCount : 0;
  if (classes > 0) {
    const codes = argmaxRows(prediction.probabilities, classes);
    columns.push({
      kind: "categorical",
      name: CLASS_COLUMN,
      codes,
      categories: Array.from({ length: classes }, (_, k) => String(k))
    });
  } else if (classThreshold !== void 0) {
    const codes = Int32Array.from(prediction.scores, (s) => !Number.isFinite(s) ? -1 : s >= classThreshold ? 1 : 0);
    columns.push({ kind: "categorical", name: CLASS_COLUMN, codes, categories: ["0", "1"] });
  }
  return { source: "serve", rowCount: table2.rowCount, columns };
}

// src/serve/profile-writer.ts
var ProfileWriter = class {
  constructor(dir, model, settings, classThreshold, onError, now = Date.now) {
    this.dir = dir;
    this.onError = onError;
    this.now = now;
    this.windows = new ProfileWindows(model, settings, classThreshold);
    this.timer = setInterval(() => this.inFlight || void this.write(), settings.writeMs);
    this.timer.unref();
  }
  dir;
  onError;
  now;
  windows;
  instance = randomBytes2(4).toString("hex");
  timer;
  writing = Promise.resolve();
  inFlight = 0;
  /** Every profile file written, for tests and the shutdown report. */
  files = /* @__PURE__ */ new Set();
  /** Counts rows the log has just written. */
  add(batches) {
    this.windows.add(batches);
  }
  /** Writes what is due now (every open window when `all`); one write at a time. */
  write(all = false) {
    this.inFlight++;
    this.writing = this.writing.then(() => this.writeDue(all)).catch((error) => this.onError(`window profile: ${error.message}`)).finally(() => this.inFlight--);
    return this.writing;
  }
  /** Final writes of every window; the timer stops. */
  async close() {
    clearInterval(this.timer);
    await this.write(true);
  }
  async writeDue(all) {
    for (const snapshot of this.windows.due(this.now(), all)) {
      const path = join18(this.dir, this.fileName(snapshot));
      try {
        await mkdir5(this.dir, { recursive: true });
        const written = { by: `${process.pid}-${this.instance}`, start: snapshot.start, part: snapshot.part };
        await writeAtomically(path, JSON.stringify({ ...snapshot.profile, written }) + "\n");
        this.files.add(path);
        if (snapshot.final) this.windows.done(snapshot);
      } catch (error) {
        this.onError(`window profile: could not write ${path}: ${error.message}`);
        const lost = this.windows.retry(snapshot);
        if (lost > 0)
          this.onError(
            `window profile: gave up on ${path} after repeated failed writes; its ${lost} row(s) are in the prediction log but in no profile`
          );
      }
    }
  }
  fileName(snapshot) {
    const stamp = new Date(snapshot.start).toISOString().replace(/[-:]/g, "").replace(/\.000Z$/, "Z");
    const part = snapshot.part > 1 ? `-${snapshot.part}` : "";
    return `profile-${stamp}-${process.pid}-${this.instance}${part}.json`;
  }
};
async function writeAtomically(path, text2) {
  const temp = join18(dirname9(path), `.${basename4(path)}.${randomBytes2(4).toString("hex")}.tmp`);
  try {
    const handle2 = await open3(temp, "wx");
    try {
      await handle2.writeFile(text2);
      await handle2.sync();
    } finally {
      await handle2.close();
    }
    await rename3(temp, path);
  } catch (error) {
    await rm3(temp, { force: true }).catch(() => {
    });
    throw error;
  }
}

// src/rollout/endpoint-window.ts
var WINDOW_CAPACITY = 2e3;
var LABELLED_CAPACITY = 2e4;
function emptyWindow() {
  return {
    requests: 0,
    errors: 0,
    latencyMs: [],
    latencySeen: 0,
    scores: [],
    scoresSeen: 0,
    labelled: { labels: [], predictions: [], seen: 0 }
  };
}
function addObservation(window2, observation, random, capacity = WINDOW_CAPACITY) {
  window2.requests += 1;
  if (!observation.ok) window2.errors += 1;
  if (Number.isFinite(observation.latencyMs))
    window2.latencySeen = offer(window2.latencyMs, window2.latencySeen, observation.latencyMs, random, capacity);
  if (observation.ok && observation.scores) {
    for (let i = 0; i < observation.scores.length; i++) {
      const score = observation.scores[i];
      if (Number.isFinite(score)) window2.scoresSeen = offer(window2.scores, window2.scoresSeen, score, random, capacity);
    }
  }
}
function addLabelled(window2, labels2, predictions, random, capacity = LABELLED_CAPACITY) {
  const sample = window2.labelled;
  for (let i = 0; i < labels2.length; i++) {
    if (!Number.isFinite(predictions[i])) continue;
    const slot = sample.labels.length < capacity ? sample.labels.length : Math.floor(random() * (sample.seen + 1));
    if (slot < capacity) {
      sample.labels[slot] = labels2[i];
      sample.predictions[slot] = predictions[i];
    }
    sample.seen += 1;
  }
}
function offer(sample, seen, value2, random, capacity) {
  if (sample.length < capacity) sample.push(value2);
  else {
    const slot = Math.floor(random() * (seen + 1));
    if (slot < capacity) sample[slot] = value2;
  }
  return seen + 1;
}

// src/rollout/newcombe-interval.ts
function newcombeDifference(k1, n1, k2, n2, confidence) {
  if (n1 <= 0 || n2 <= 0) return { difference: NaN, low: NaN, high: NaN };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const w1 = wilsonInterval(k1, n1, confidence);
  const w2 = wilsonInterval(k2, n2, confidence);
  const difference = p1 - p2;
  return {
    difference,
    low: difference - Math.hypot(p1 - w1.low, w2.high - p2),
    high: difference + Math.hypot(w1.high - p1, p2 - w2.low)
  };
}

// src/rollout/analysis.ts
function analyseWindows(stable, challenger, thresholds, alpha, options = {}) {
  const time = options.shadow ? {
    signal: "latency",
    breached: false,
    alpha,
    figures: {},
    detail: "latency: not compared in shadow (the shadow runs after the answers, so its times are not the ones clients see)"
  } : latency(stable, challenger, thresholds.latency_median_ratio, alpha);
  return [
    errorRate(stable, challenger, thresholds.error_rate_margin, alpha),
    time,
    predictionMix(stable, challenger, thresholds.prediction_ks, alpha)
  ];
}
var twoSided = (alpha) => 1 - 2 * alpha;
function errorRate(stable, challenger, margin, alpha) {
  const d = newcombeDifference(challenger.errors, challenger.requests, stable.errors, stable.requests, twoSided(alpha));
  const figures = {
    canary_errors: challenger.errors,
    canary_requests: challenger.requests,
    stable_errors: stable.errors,
    stable_requests: stable.requests,
    difference: d.difference,
    low: d.low,
    high: d.high,
    margin
  };
  if (!Number.isFinite(d.low))
    return { signal: "error_rate", breached: false, alpha, figures, detail: "error_rate: no requests yet on one side" };
  const breached = d.low > margin;
  return {
    signal: "error_rate",
    breached,
    alpha,
    figures,
    detail: `error_rate: canary ${rate(challenger)} (${challenger.errors}/${challenger.requests}) vs stable ${rate(stable)} (${stable.errors}/${stable.requests}): difference ${pct2(d.difference)}, lower bound ${pct2(d.low)} ${breached ? ">" : "\u2264"} margin ${pct2(margin)} (\u03B1 ${alpha.toExponential(2)})`
  };
}
function latency(stable, challenger, ratio, alpha) {
  const s = medianInterval(stable.latencyMs, alpha);
  const c = medianInterval(challenger.latencyMs, alpha);
  const figures = {
    canary_median_ms: c.median,
    canary_low_ms: c.low,
    canary_high_ms: c.high,
    stable_median_ms: s.median,
    stable_low_ms: s.low,
    stable_high_ms: s.high,
    ratio
  };
  if (!Number.isFinite(s.high) || !Number.isFinite(c.low))
    return { signal: "latency", breached: false, alpha, figures, detail: "latency: no samples yet on one side" };
  const breached = c.low > ratio * s.high;
  return {
    signal: "latency",
    breached,
    alpha,
    figures,
    detail: `latency: canary median ${ms(c.median)} (lower bound ${ms(c.low)}) vs stable ${ms(s.median)} (upper bound ${ms(s.high)}): ${breached ? "above" : "within"} ${ratio}\xD7 the stable upper bound ${ms(ratio * s.high)} (\u03B1 ${alpha.toExponential(2)})`
  };
}
function medianInterval(values, alpha) {
  if (values.length === 0) return { median: NaN, low: NaN, high: NaN };
  const sorted2 = Float64Array.from(values).sort();
  const [lo, hi] = rankInterval(sorted2.length, twoSided(alpha));
  const n = sorted2.length;
  return { median: (sorted2[n - 1 >> 1] + sorted2[n >> 1]) / 2, low: sorted2[lo], high: sorted2[hi] };
}
var rankCache = /* @__PURE__ */ new Map();
function rankInterval(n, confidence) {
  const key = `${n}:${confidence}`;
  let ranks = rankCache.get(key);
  if (!ranks) {
    if (rankCache.size > 512) rankCache.clear();
    ranks = medianRankInterval(n, confidence);
    rankCache.set(key, ranks);
  }
  return ranks;
}
function predictionMix(stable, challenger, threshold, alpha) {
  if (stable.scores.length === 0 || challenger.scores.length === 0) {
    return {
      signal: "prediction_mix",
      breached: false,
      alpha,
      figures: { canary_scores: challenger.scores.length, stable_scores: stable.scores.length, threshold },
      detail: "prediction_mix: no scores yet on one side"
    };
  }
  const ks = ksTwoSample(challenger.scores, stable.scores);
  const breached = ks.statistic > threshold && ks.pValue < alpha;
  const figures = {
    statistic: ks.statistic,
    p_value: ks.pValue,
    threshold,
    canary_scores: challenger.scores.length,
    stable_scores: stable.scores.length,
    canary_mean: mean(challenger.scores),
    stable_mean: mean(stable.scores)
  };
  return {
    signal: "prediction_mix",
    breached,
    alpha,
    figures,
    detail: `prediction_mix: KS statistic ${ks.statistic.toFixed(3)} ${ks.statistic > threshold ? ">" : "\u2264"} ${threshold}, p ${ks.pValue.toExponential(2)} ${ks.pValue < alpha ? "<" : "\u2265"} \u03B1 ${alpha.toExponential(2)} (mean score ${figures.canary_mean.toFixed(3)} on ${challenger.scores.length} canary rows vs ${figures.stable_mean.toFixed(3)} on ${stable.scores.length} stable rows)`
  };
}
function mean(values) {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
var rate = (w) => pct2(w.errors / w.requests);
var pct2 = (x) => `${(x * 100).toFixed(2)}%`;
var ms = (x) => `${x.toFixed(2)} ms`;

// src/rollout/look-budget.ts
var SIGNAL_COUNT = 4;
var FIRST_LOOK_REQUESTS = 100;
function lookAlpha(alpha, analysedSteps, look) {
  return alpha / (Math.max(1, analysedSteps) * SIGNAL_COUNT) * 2 ** -(look + 1);
}
function lookAt(look) {
  return FIRST_LOOK_REQUESTS * 2 ** look;
}

// src/rollout/label-memory.ts
var DEFAULT_REMEMBERED_REQUESTS = 1e5;
var LabelMemory = class {
  constructor(capacity = DEFAULT_REMEMBERED_REQUESTS) {
    this.capacity = capacity;
  }
  capacity;
  entries = /* @__PURE__ */ new Map();
  get size() {
    return this.entries.size;
  }
  /**
   * What `side` predicted for request `id` in `step`; returns the labels to join now when they came
   * first. A request answered again under the same id (a client retry) keeps its first prediction.
   */
  predicted(id, step, side, predictions) {
    let entry = this.entries.get(id);
    if (!entry || entry.step !== step) {
      if (entry) this.entries.delete(id);
      entry = { step };
      this.entries.set(id, entry);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value);
    }
    if (entry[side]) return void 0;
    entry[side] = Float64Array.from(predictions);
    return entry.labels && entry.labels.length === entry[side].length ? entry.labels : void 0;
  }
  /** Labels for request `id`: the sides to join them to now, or why they are not joined. */
  label(id, step, labels2) {
    const entry = this.entries.get(id);
    if (!entry) return { outcome: "unknown", join: [] };
    if (entry.step !== step) return { outcome: "outside_window", join: [] };
    if (entry.labels) return { outcome: "duplicate", join: [] };
    const sides = ["stable", "challenger"].filter((side) => entry[side]);
    if (sides.some((side) => entry[side].length !== labels2.length)) return { outcome: "rows_mismatch", join: [] };
    entry.labels = labels2;
    return { outcome: "joined", join: sides.map((side) => ({ side, predictions: entry[side] })) };
  }
};

// src/rollout/live-quality-signal.ts
var MIN_CLASS_ROWS = 10;
function liveQualitySignal(stable, challenger, settings, alpha) {
  const s = stable.labelled;
  const c = challenger.labelled;
  const counts = {
    canary_labelled: c.labels.length,
    stable_labelled: s.labels.length,
    canary_labelled_seen: c.seen,
    stable_labelled_seen: s.seen,
    margin: settings.margin
  };
  const none = (why) => ({
    signal: "live_quality",
    breached: false,
    alpha,
    figures: counts,
    detail: `live_quality: ${why}`
  });
  if (c.labels.length === 0 || s.labels.length === 0)
    return none(
      `no labelled rows yet on one side (canary ${c.labels.length}, stable ${s.labels.length}); POST them to /v2/models/{model}/labels`
    );
  const z = normalQuantile(1 - alpha);
  if (settings.task === "binary") {
    const sa = aucVariance(Float64Array.from(s.labels), Float64Array.from(s.predictions));
    const ca = aucVariance(Float64Array.from(c.labels), Float64Array.from(c.predictions));
    const fewest = Math.min(sa?.positives ?? 0, sa?.negatives ?? 0, ca?.positives ?? 0, ca?.negatives ?? 0);
    if (!sa || !ca || fewest < MIN_CLASS_ROWS) {
      return none(
        `roc_auc needs ${MIN_CLASS_ROWS} labelled rows of each class on each side (canary ${ca?.positives ?? 0} positive of ${c.labels.length}, stable ${sa?.positives ?? 0} of ${s.labels.length})`
      );
    }
    const worse2 = sa.auc - ca.auc;
    const low2 = worse2 - z * Math.sqrt(sa.variance + ca.variance);
    return judge2(
      "roc_auc",
      settings.margin,
      alpha,
      {
        ...counts,
        canary_value: ca.auc,
        stable_value: sa.auc,
        canary_positives: ca.positives,
        stable_positives: sa.positives,
        worse: worse2,
        low: low2
      },
      `canary roc_auc ${ca.auc.toFixed(3)} on ${c.labels.length} labelled rows vs stable ${sa.auc.toFixed(3)} on ${s.labels.length}`
    );
  }
  if (settings.task === "multiclass") {
    const wrong = (w) => w.labels.reduce((n, label, i) => label === w.predictions[i] ? n : n + 1, 0);
    const cw = wrong(c);
    const sw = wrong(s);
    const d = newcombeDifference(cw, c.labels.length, sw, s.labels.length, 1 - 2 * alpha);
    return judge2(
      "misclassification",
      settings.margin,
      alpha,
      {
        ...counts,
        canary_value: cw / c.labels.length,
        stable_value: sw / s.labels.length,
        worse: d.difference,
        low: d.low
      },
      `canary misclassified ${cw}/${c.labels.length} labelled rows vs stable ${sw}/${s.labels.length}`
    );
  }
  const cm = absoluteErrors(c);
  const sm = absoluteErrors(s);
  if (c.labels.length < 2 || s.labels.length < 2)
    return none(`mae needs 2 labelled rows on each side (canary ${c.labels.length}, stable ${s.labels.length})`);
  const worse = cm.mean - sm.mean;
  const low = worse - z * Math.sqrt(cm.variance / c.labels.length + sm.variance / s.labels.length);
  const scale = sm.mean > 0 ? sm.mean : 1;
  return judge2(
    "mae",
    settings.margin,
    alpha,
    { ...counts, canary_value: cm.mean, stable_value: sm.mean, worse: worse / scale, low: low / scale },
    `canary mae ${cm.mean.toPrecision(4)} on ${c.labels.length} labelled rows vs stable ${sm.mean.toPrecision(4)} on ${s.labels.length} (relative)`
  );
}
function judge2(metric, margin, alpha, figures, what) {
  const breached = figures.low > margin;
  return {
    signal: "live_quality",
    breached,
    alpha,
    metric,
    figures,
    detail: `live_quality: ${what}: canary worse by ${figures.worse.toFixed(3)}, lower bound ${figures.low.toFixed(3)} ${breached ? ">" : "\u2264"} margin ${margin} (\u03B1 ${alpha.toExponential(2)})`
  };
}
function absoluteErrors(w) {
  let mean2 = 0;
  let m2 = 0;
  for (let i = 0; i < w.labels.length; i++) {
    const x = Math.abs(w.predictions[i] - w.labels[i]);
    const delta = x - mean2;
    mean2 += delta / (i + 1);
    m2 += delta * (x - mean2);
  }
  return { mean: mean2, variance: w.labels.length > 1 ? m2 / (w.labels.length - 1) : NaN };
}

// src/rollout/state.ts
var Rollout = class _Rollout {
  constructor(config, random, options = {}) {
    this.config = config;
    this.random = random;
    this.options = options;
    this.memory = new LabelMemory(options.rememberedRequests);
  }
  config;
  random;
  options;
  phase = "running";
  step = 0;
  stepStartedAt = 0;
  stable = emptyWindow();
  challenger = emptyWindow();
  nextLook = 0;
  evidence = [];
  reason;
  nextQualityLook = 0;
  quality;
  memory;
  counts = { joined: 0, unknown: 0, outside_window: 0, duplicate: 0, rows_mismatch: 0 };
  /**
   * The rollout of a canary from its recorded transitions (all of them, for this model and this
   * canary's sha256, in any order, duplicates allowed). No history: a new rollout at the first step,
   * returned with its `started` transition to record.
   */
  static begin(config, history, now, random, options = {}) {
    const rollout = new _Rollout(config, random, options);
    const ordered = [...history].sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : rank(a) - rank(b));
    const revert = ordered.find((t) => t.transition === "reverted");
    const last = ordered.at(-1);
    if (revert) {
      Object.assign(rollout, {
        phase: "reverted",
        step: revert.step,
        reason: revert.reason,
        evidence: revert.evidence ?? [],
        stepStartedAt: Date.parse(revert.at)
      });
      return { rollout, transitions: [] };
    }
    if (last) {
      const completed = ordered.find((t) => t.transition === "completed");
      const at = completed ?? last;
      const step = completed ? config.steps.length - 1 : resumeIndex(config.steps, at.percent);
      Object.assign(rollout, { phase: completed ? "completed" : "running", step, stepStartedAt: Date.parse(at.at) });
      return { rollout, transitions: [] };
    }
    rollout.stepStartedAt = now;
    return { rollout, transitions: [rollout.transition("started", now)] };
  }
  /** One request's outcome on one endpoint; returns the transitions it caused (usually none). */
  observe(endpoint, observation, now) {
    if (this.phase !== "running") return [];
    const side = endpoint === "stable" ? "stable" : endpoint === this.challengerEndpoint() ? "challenger" : void 0;
    if (!side) return [];
    const window2 = this[side];
    addObservation(window2, observation, this.random);
    if (observation.ok && observation.id !== void 0 && observation.scores) {
      const labels2 = this.memory.predicted(observation.id, this.step, side, observation.scores);
      if (labels2) addLabelled(window2, labels2, observation.scores, this.random);
    }
    return this.advance(now);
  }
  /**
   * Labels that came back for requests (encoded, one per row of the request): each joined to the
   * endpoints that answered (or shadowed) it in this step, or counted as unknown, outside the
   * window, a duplicate or a row-count mismatch. A labelled-row milestone looks at live quality.
   */
  label(labels2, now) {
    const outcomes = {
      joined: 0,
      unknown: 0,
      outside_window: 0,
      duplicate: 0,
      rows_mismatch: 0
    };
    for (const { id, values } of labels2) {
      const result = this.phase === "running" ? this.memory.label(id, this.step, values) : { outcome: "outside_window", join: [] };
      outcomes[result.outcome] += 1;
      for (const { side, predictions } of result.join) addLabelled(this[side], values, predictions, this.random);
    }
    for (const key of Object.keys(outcomes)) this.counts[key] += outcomes[key];
    if (this.phase !== "running" || this.challenger.labelled.seen < lookAt(this.nextQualityLook))
      return { outcomes, transitions: [] };
    const quality = this.lookAtQuality();
    return { outcomes, transitions: quality.breached ? [this.revert([quality], now)] : [] };
  }
  /** Time passing without requests: a step whose minimum time ran out can pass. */
  tick(now) {
    return this.phase === "running" ? this.advance(now) : [];
  }
  serving() {
    if (this.phase === "completed") return { canaryPercent: 100, shadow: false };
    if (this.phase === "reverted") return { canaryPercent: 0, shadow: false };
    const step = this.config.steps[this.step];
    return step === "shadow" ? { canaryPercent: 0, shadow: true } : { canaryPercent: step, shadow: false };
  }
  status() {
    return {
      state: this.phase,
      step: this.step,
      percent: this.phase === "completed" ? 100 : this.config.steps[this.step],
      stepStartedAt: new Date(this.stepStartedAt).toISOString(),
      requests: { stable: this.stable.requests, challenger: this.challenger.requests },
      looks: this.nextLook,
      evidence: this.withQuality(this.evidence),
      reason: this.reason,
      labels: {
        ...this.counts,
        labelled_rows: { stable: this.stable.labelled.seen, canary: this.challenger.labelled.seen }
      }
    };
  }
  /** One look at live quality, spending the signal's next share of the budget. */
  lookAtQuality() {
    const alpha = lookAlpha(this.config.alpha, this.config.steps.length - 1, this.nextQualityLook);
    this.nextQualityLook += 1;
    this.quality = liveQualitySignal(
      this.stable,
      this.challenger,
      { task: this.options.task ?? "binary", margin: this.config.quality_margin },
      alpha
    );
    return this.quality;
  }
  /** The latest evidence of every signal: the last look's, and live quality's latest look. */
  withQuality(evidence) {
    return this.quality ? [...evidence.filter((e) => e.signal !== "live_quality"), this.quality] : evidence;
  }
  /** The evidence a decision was made on becomes the evidence shown and recorded. */
  settleEvidence() {
    this.evidence = this.withQuality(this.evidence);
    this.quality = void 0;
  }
  revert(breaches, now) {
    this.phase = "reverted";
    this.reason = breaches.map((e) => e.detail).join("; ");
    this.settleEvidence();
    return this.transition("reverted", now);
  }
  challengerEndpoint() {
    return this.config.steps[this.step] === "shadow" ? "shadow" : "canary";
  }
  advance(now) {
    const due = this.challenger.requests >= lookAt(this.nextLook);
    const ready = this.challenger.requests >= this.config.min_requests && now - this.stepStartedAt >= this.config.min_minutes * 6e4;
    if (!due && !ready) return [];
    const alpha = lookAlpha(this.config.alpha, this.config.steps.length - 1, this.nextLook);
    this.nextLook += 1;
    this.evidence = analyseWindows(this.stable, this.challenger, this.config, alpha, {
      shadow: this.config.steps[this.step] === "shadow"
    });
    if (ready) this.lookAtQuality();
    const breaches = this.withQuality(this.evidence).filter((e) => e.breached);
    if (breaches.length > 0) return [this.revert(breaches, now)];
    if (!ready) return [];
    this.settleEvidence();
    const passed = this.config.steps[this.step];
    this.reason = `step ${this.step} (${passed === "shadow" ? "shadow" : `${passed}%`}) passed: ${this.challenger.requests} requests over ${((now - this.stepStartedAt) / 6e4).toFixed(1)} min, no breach in ${this.nextLook} looks`;
    this.step += 1;
    this.stepStartedAt = now;
    this.stable = emptyWindow();
    this.challenger = emptyWindow();
    this.nextLook = 0;
    this.nextQualityLook = 0;
    if (this.step >= this.config.steps.length - 1) {
      this.step = this.config.steps.length - 1;
      this.phase = "completed";
      return [this.transition("completed", now)];
    }
    return [this.transition("stepped", now)];
  }
  transition(kind2, now) {
    const t = {
      transition: kind2,
      step: this.step,
      percent: this.config.steps[this.step],
      at: new Date(now).toISOString()
    };
    if (kind2 !== "started") Object.assign(t, { reason: this.reason, evidence: this.evidence });
    return t;
  }
};
function resumeIndex(steps, recorded) {
  const lastAnalysed = steps.length - 2;
  const exact = steps.indexOf(recorded);
  if (exact >= 0) return Math.min(exact, lastAnalysed);
  let index = 0;
  for (let i = 0; i <= lastAnalysed; i++)
    if (steps[i] !== "shadow" && recorded !== "shadow" && steps[i] < recorded) index = i;
  return index;
}
function rank(t) {
  return t.step * 4 + ["started", "stepped", "completed", "reverted"].indexOf(t.transition);
}

// src/rollout/rollout-line.ts
function toRolloutLine(context, transition, id) {
  const line = {
    schema: NOTE_SCHEMA,
    id,
    event: "rollout",
    model: context.model,
    at: transition.at,
    tool: context.tool,
    canary: { sha256: context.canary.sha256, commit: context.canary.commit },
    transition: transition.transition,
    step: transition.step,
    percent: transition.percent
  };
  if (context.stable) line.stable = { ...context.stable };
  if (transition.reason !== void 0) line.reason = transition.reason;
  if (transition.evidence)
    line.evidence = transition.evidence.map(({ signal, breached, alpha, figures, detail }) => ({
      signal,
      breached,
      alpha,
      figures,
      detail
    }));
  return line;
}
function toTransition(line) {
  const t = { transition: line.transition, step: line.step, percent: line.percent, at: line.at };
  if (line.reason !== void 0) t.reason = line.reason;
  if (line.evidence) t.evidence = line.evidence.map((e) => ({ ...e, signal: e.signal }));
  return t;
}
var KINDS = ["started", "stepped", "completed", "reverted"];
var SHA256 = /^[0-9a-f]{64}$/;
var COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function rolloutLineProblem(line, noteCommit) {
  const l = line;
  if (l.event !== "rollout") return "not a rollout line";
  if (typeof l.id !== "string" || typeof l.at !== "string" || Number.isNaN(Date.parse(l.at)))
    return "no id or no valid time";
  if (!l.canary || typeof l.canary.sha256 !== "string" || !SHA256.test(l.canary.sha256))
    return "canary.sha256 is not a sha256";
  if (typeof l.canary.commit !== "string" || !COMMIT.test(l.canary.commit)) return "canary.commit is not a commit id";
  if (l.canary.commit !== noteCommit)
    return `it names canary commit ${l.canary.commit.slice(0, 12)} but sits on ${noteCommit.slice(0, 12)}`;
  if (!KINDS.includes(l.transition)) return `unknown transition ${JSON.stringify(l.transition)}`;
  if (!Number.isInteger(l.step) || l.step < 0) return "step is not a step index";
  if (l.percent !== "shadow" && !(typeof l.percent === "number" && l.percent > 0 && l.percent <= 100))
    return 'percent is neither "shadow" nor 1..100';
  if (l.reason !== void 0 && typeof l.reason !== "string") return "reason is not text";
  if (l.evidence !== void 0 && !(Array.isArray(l.evidence) && l.evidence.every((e) => e && typeof e.signal === "string" && typeof e.breached === "boolean")))
    return "evidence is not a list of signals";
  return void 0;
}

// src/rollout/record.ts
var RolloutRecorder = class {
  constructor(git, options = {}) {
    this.git = git;
    this.options = options;
  }
  git;
  options;
  queue = Promise.resolve();
  record(context, transitions) {
    const next = this.queue.then(() => this.write(context, transitions));
    this.queue = next.catch(() => void 0);
    return next;
  }
  async write(context, transitions) {
    const lines = transitions.map((t) => toRolloutLine(context, t, newLineId()));
    if (lines.length === 0) return { lines, pushed: false };
    await appendNoteLines(this.git, context.canary.commit, lines);
    const remote = this.options.remote;
    if (!remote || !await hasRemote(this.git, remote)) return { lines, pushed: false };
    try {
      await pushNotes(this.git, remote);
      return { lines, pushed: true };
    } catch (error) {
      return { lines, pushed: false, pushError: error.message };
    }
  }
};
async function readRolloutHistory(git, model) {
  const history = { lines: [], ignored: [] };
  for (const note of await readAllNotes(git)) {
    for (const line of note.lines) {
      if (line.event !== "rollout" || model !== void 0 && line.model !== model) continue;
      const problem = rolloutLineProblem(line, note.commit);
      if (problem)
        history.ignored.push({ commit: note.commit, id: typeof line.id === "string" ? line.id : void 0, problem });
      else history.lines.push(line);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  history.lines = history.lines.filter((l) => !seen.has(l.id) && Boolean(seen.add(l.id))).sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  return history;
}
function transitionsOf(history, model, canarySha256) {
  return history.lines.filter((l) => l.model === model && l.canary.sha256 === canarySha256).map(toTransition);
}

// src/rollout/controller.ts
var RolloutController = class _RolloutController {
  constructor(options, rollout, recorder, now) {
    this.options = options;
    this.rollout = rollout;
    this.recorder = recorder;
    this.now = now;
  }
  options;
  rollout;
  recorder;
  now;
  pending = Promise.resolve();
  /** True when the rollout was rebuilt from recorded transitions (a restart), false when it started now. */
  resumed = false;
  /** Reads the canary's recorded transitions and resumes from them (or starts, recording `started`). */
  static async open(options) {
    const now = options.now ?? Date.now;
    const recordable = options.git !== void 0 && options.canary.commit !== void 0;
    const history = recordable ? transitionsOf(await readRolloutHistory(options.git, options.model), options.model, options.canary.sha256) : [];
    const { rollout, transitions } = Rollout.begin(options.config, history, now(), options.random, options.labels);
    const recorder = recordable ? new RolloutRecorder(options.git, { remote: options.remote }) : void 0;
    const controller = new _RolloutController(options, rollout, recorder, now);
    controller.resumed = history.length > 0;
    controller.record(transitions);
    await controller.settled();
    return controller;
  }
  /** One answered or failed request on `endpoint`; returns the transitions it caused (then serving() changed). */
  observe(endpoint, observation) {
    return this.record(this.rollout.observe(endpoint, observation, this.now()));
  }
  /** Labels that came back (encoded, one per row); what became of them, and the transitions they caused (a live-quality revert). */
  label(labels2) {
    const result = this.rollout.label(labels2, this.now());
    this.record(result.transitions);
    return result;
  }
  /** Call every few seconds: a step whose minimum time ran out passes without waiting for a request. */
  tick() {
    return this.record(this.rollout.tick(this.now()));
  }
  serving() {
    return this.rollout.serving();
  }
  verdict() {
    const { model, canary, stable, config } = this.options;
    return rolloutVerdict(
      { model, canary, stable, steps: config.steps, recorded: this.recorder !== void 0 },
      this.rollout.status()
    );
  }
  /** Resolves when every transition so far is written (and pushed): await it before exiting. */
  settled() {
    return this.pending.then(() => void 0);
  }
  record(transitions) {
    if (transitions.length === 0 || !this.recorder) return transitions;
    const { model, canary, stable } = this.options;
    const context = {
      model,
      canary: { sha256: canary.sha256, commit: canary.commit },
      stable,
      tool: TOOL
    };
    this.pending = this.pending.then(
      () => this.recorder.record(context, transitions).then(
        (outcome) => this.options.onRecorded?.(transitions, outcome),
        (error) => this.options.onRecorded?.(transitions, { error: error.message })
      )
    );
    return transitions;
  }
};

// src/rollout/observation.ts
function observationOf(prediction, task, latencyMs) {
  if (task !== "multiclass") return { ok: true, latencyMs, scores: prediction.scores };
  const { probabilities, classCount, rowCount: rowCount3 } = prediction;
  if (probabilities && classCount) {
    const classes = new Float64Array(rowCount3);
    for (let row = 0; row < rowCount3; row++) {
      let best = 0;
      for (let k = 1; k < classCount; k++)
        if (probabilities[row * classCount + k] > probabilities[row * classCount + best]) best = k;
      classes[row] = best;
    }
    return { ok: true, latencyMs, scores: classes };
  }
  return { ok: true, latencyMs, scores: prediction.predictedLabel ?? prediction.scores };
}
function failedObservation(latencyMs) {
  return { ok: false, latencyMs };
}

// src/rollout/serve-rollout.ts
var TICK_MS = 2e3;
var ServeRollout = class _ServeRollout {
  constructor(options, controller) {
    this.options = options;
    this.controller = controller;
  }
  options;
  controller;
  timer;
  detached = false;
  /** Checks the challenger, resumes (or starts) its rollout from the notes, and attaches it unless it was reverted before. */
  static async open(options) {
    const { git, model, plan, stable, challenger, commit } = options;
    checkCompatible(stable, challenger, plan);
    if (commit) await checkRecorded(git, model, challenger, commit, plan);
    const controller = await RolloutController.open({
      model: model.name,
      config: plan.config,
      canary: { sha256: challenger.sha256, version: challenger.version, ...commit ? { commit } : {} },
      stable: { sha256: stable.sha256, version: stable.version },
      git,
      ...options.remote ? { remote: options.remote } : {},
      random: options.random ?? Math.random,
      labels: {
        task: model.task,
        ...options.rememberedRequests ? { rememberedRequests: options.rememberedRequests } : {}
      },
      onRecorded: (transitions, outcome) => {
        if ("error" in outcome)
          options.warn(
            `serve: rollout: writing ${transitions.map((t) => t.transition).join(", ")} to the notes failed: ${outcome.error.split("\n")[0]}`
          );
        else if (outcome.pushError)
          options.warn(
            `serve: rollout: ${transitions.map((t) => t.transition).join(", ")} recorded locally, push failed: ${outcome.pushError.split("\n")[0]}`
          );
      }
    });
    const rollout = new _ServeRollout(options, controller);
    const verdict2 = controller.verdict();
    const what = `${plan.mode} ${challenger.version} (${challenger.source}, sha256 ${challenger.sha256.slice(0, 12)})`;
    if (verdict2.state === "reverted") {
      options.log(
        `serve: ${what} was reverted at ${verdict2.step_started_at}: not serving it again. Why: ${oneLine(verdict2.reason ?? "(no reason recorded)")}`
      );
      rollout.detached = true;
      await releaseServedModel(challenger);
      for (const listener of options.listeners ?? []) listener.transitions([], verdict2);
    } else {
      options.slots.attachChallenger(challenger, () => rollout.serving());
      const at = verdict2.percent === "shadow" ? "in shadow (scoring copies, stable answers)" : `at ${verdict2.percent}%`;
      options.log(
        `serve: ${what} ${verdict2.state === "completed" ? "completed its rollout earlier: answers everyone" : `${controller.resumed ? `resumed from its record ${at} (step begun ${verdict2.step_started_at})` : `rolling out ${at}`}`}${commit ? "" : " (a file: not recorded in git; a restart starts over)"}`
      );
      for (const listener of options.listeners ?? []) listener.transitions([], verdict2);
    }
    rollout.timer = setInterval(() => rollout.act(controller.tick()), options.tickMs ?? TICK_MS);
    rollout.timer.unref();
    return rollout;
  }
  observe(endpoint, model, result, id) {
    if (this.detached) return;
    setImmediate(() => {
      const observation = "prediction" in result ? observationOf(result.prediction, model.task, result.runMs) : failedObservation(result.failedAfterMs);
      this.act(this.controller.observe(endpoint, id === void 0 ? observation : { ...observation, id }));
    });
  }
  label(labels2) {
    const { outcomes, transitions } = this.controller.label(labels2);
    this.act(transitions);
    return outcomes;
  }
  answer(route2) {
    return rolloutAnswer(this.options.model.name, this.controller, route2);
  }
  verdict() {
    return this.controller.verdict();
  }
  /** Stops ticking and resolves once every transition is written (and pushed) and every listener is done. */
  async close() {
    clearInterval(this.timer);
    await this.controller.settled();
    await Promise.all((this.options.listeners ?? []).map((l) => l.settled().catch(() => {
    })));
  }
  serving() {
    const serving = this.controller.serving();
    return this.options.plan.mode === "shadow" ? { canaryPercent: 0, shadow: serving.shadow } : serving;
  }
  act(transitions) {
    if (transitions.length === 0) return;
    const verdict2 = this.controller.verdict();
    const { challenger } = this.options;
    for (const t of transitions) {
      if (t.transition === "reverted") {
        this.detached = true;
        this.options.slots.detachChallenger();
        this.options.warn(
          `serve: ${this.options.plan.mode} ${challenger.version} reverted after ${verdict2.requests.canary} ${this.options.plan.mode} requests: all traffic back to stable ${this.options.stable.version}. Why: ${t.reason}`
        );
      } else if (t.transition === "completed") {
        this.options.log(
          `serve: canary ${challenger.version} passed every step: it answers everyone now (promote it to make it the champion)`
        );
      } else if (t.transition === "stepped") {
        this.options.log(
          `serve: canary ${challenger.version} now ${t.percent === "shadow" ? "in shadow" : `at ${t.percent}%`}: ${t.reason ?? ""}`
        );
      }
    }
    for (const listener of this.options.listeners ?? []) listener.transitions(transitions, verdict2);
  }
};
function checkCompatible(stable, challenger, plan) {
  const flag = `--${plan.mode} ${plan.challenger}`;
  if (challenger.sha256 === stable.sha256) {
    throw new UserError(
      `${flag}: that is the artifact stable already serves (sha256 ${stable.sha256.slice(0, 12)}); nothing to roll out. Pass the commit or file of the new model.`
    );
  }
  if (challenger.task !== stable.task)
    throw new UserError(
      `${flag}: its task is ${challenger.task} but stable ${stable.version} is ${stable.task}; a rollout compares models of one task.`
    );
  const kinds = (m) => [...m.featureKinds].map(([name, kind2]) => `${name}:${kind2}`).sort();
  const a = kinds(stable);
  const b = kinds(challenger);
  if (a.join(",") !== b.join(",")) {
    const missing = a.filter((x) => !b.includes(x));
    const extra = b.filter((x) => !a.includes(x));
    throw new UserError(
      `${flag}: it does not take the requests stable ${stable.version} takes (features stable has but it lacks: ${missing.join(", ") || "none"}; it has but stable lacks: ${extra.join(", ") || "none"}). Roll out a model with the same features; a new feature set is a new model.`
    );
  }
}
async function checkRecorded(git, model, challenger, commit, plan) {
  const lines = await readNote(git, commit).catch(() => []);
  const recorded = lines.some(
    (l) => l.event === "record" && l.model === model.name && l.artifact?.sha256 === challenger.sha256
  );
  if (!recorded) {
    throw new UserError(
      `--${plan.mode} ${plan.challenger}: commit ${commit.slice(0, 12)} has no record of ${model.name}'s artifact with sha256 ${challenger.sha256.slice(0, 12)}. Record it first (modelkeeper record --commit ${plan.challenger} --push; fetch the notes if it was recorded elsewhere), so the rollout's history names what served.`
    );
  }
}
function oneLine(text2) {
  return text2.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

// src/serve/serve-app.ts
async function startServe(options) {
  const { git, model, settings } = options;
  const lifecycle = new Lifecycle();
  const metrics = new ServeMetrics();
  const reportedTags = /* @__PURE__ */ new Set();
  const reportIgnored = (champion) => {
    for (const { tag, reason } of champion?.ignored ?? []) {
      if (reportedTags.has(`${tag}\0${reason}`)) continue;
      reportedTags.add(`${tag}\0${reason}`);
      options.warn(`serve: ${tag} is not a champion modelkeeper made (${reason}): ignored, serving ${champion.label}`);
    }
  };
  let ref = await currentChampion(git, model, options.champion, options.cwd);
  if (!ref) throw noChampionError(model);
  reportIgnored(ref);
  const first = await load(options, ref);
  metrics.setChampion(first.name, first.version, first.sha256);
  metrics.reloads.inc({ model: model.name, result: "loaded" });
  const slots = new ModelSlots(first);
  let rollout;
  if (options.rollout) {
    const challengerRef = await currentChampion(git, model, options.rollout.challenger, options.cwd);
    const challenger = await loadArtifact(options, challengerRef, options.rollout.challenger).catch(async (error) => {
      await slots.releaseAll();
      throw error;
    });
    try {
      rollout = await ServeRollout.open({
        git,
        model,
        plan: options.rollout,
        slots,
        stable: first,
        challenger: challenger.served,
        commit: challenger.commit,
        remote: options.remote ?? "origin",
        listeners: options.rolloutListeners,
        log: options.log,
        warn: options.warn,
        rememberedRequests: settings.labels.rememberedRequests
      });
    } catch (error) {
      await releaseServedModel(challenger.served).catch(() => {
      });
      await slots.releaseAll();
      throw error;
    }
  }
  const profiles = settings.log.dir && settings.profile ? new ProfileWriter(
    settings.log.dir,
    model.name,
    settings.profile,
    model.task === "binary" ? model.evaluate.threshold : void 0,
    options.warn
  ) : void 0;
  const log = settings.log.dir ? new PredictionLog(
    { ...settings.log, dir: settings.log.dir },
    {
      written: (n) => metrics.logWritten.inc(n),
      dropped: (n, reason) => metrics.logDropped.inc({ reason }, n),
      sampledOut: (n) => metrics.logSkipped.inc(n)
    },
    options.warn,
    Math.random,
    Date.now,
    await threadFormatter(),
    profiles ? (batches) => profiles.add(batches) : void 0
  ) : void 0;
  const admission = new AdmissionGate(settings.concurrency, settings.maxQueue);
  const active = new ActiveRequests();
  const server = createServeServer({
    settings,
    lifecycle,
    slots,
    admission,
    metrics,
    log,
    active,
    warn: options.warn,
    encodeLabel: labelEncoder(labelRules(model)),
    ...rollout ? { rollout } : {}
  });
  await new Promise((resolve11, reject) => {
    server.once(
      "error",
      (error) => reject(
        error.code === "EADDRINUSE" ? new UserError(`serve: ${settings.host}:${settings.port} is in use; pick another --port.`) : error
      )
    );
    server.listen(settings.port, settings.host, () => resolve11());
  });
  const port = server.address().port;
  lifecycle.markReady();
  options.log(
    `serve: ${first.name} ${first.version} (${first.source}, sha256 ${first.sha256.slice(0, 12)}) ready on http://${settings.host}:${port}`
  );
  let reloading;
  let reportedFailure;
  const reload = () => reloading ??= (async () => {
    if (lifecycle.draining) return "unchanged";
    const next = await currentChampion(git, model, options.champion, options.cwd).catch(() => void 0);
    reportIgnored(next);
    if (!next || next.key === ref.key) return "unchanged";
    try {
      const loaded2 = await load(options, next);
      if (lifecycle.draining) {
        await releaseServedModel(loaded2);
        return "unchanged";
      }
      slots.replaceStable(loaded2);
      ref = next;
      reportedFailure = void 0;
      metrics.setChampion(loaded2.name, loaded2.version, loaded2.sha256);
      metrics.reloads.inc({ model: model.name, result: "loaded" });
      options.log(
        `serve: now serving ${loaded2.name} ${loaded2.version} (${loaded2.source}, sha256 ${loaded2.sha256.slice(0, 12)})`
      );
      return "loaded";
    } catch (error) {
      if (reportedFailure !== next.key) {
        metrics.reloads.inc({ model: model.name, result: "failed" });
        options.warn(
          `serve: the new champion ${next.label} failed to load, still serving ${slots.stable.version}: ${error.message.split("\n")[0]}`
        );
        reportedFailure = next.key;
      }
      return "failed";
    }
  })().finally(() => reloading = void 0);
  const poll = settings.pollMs > 0 ? setInterval(() => void reload(), settings.pollMs) : void 0;
  poll?.unref();
  let stopping;
  const shutdown = () => stopping ??= (async () => {
    lifecycle.startDraining();
    if (poll) clearInterval(poll);
    let graceful = true;
    let timer;
    const expired = new Promise(
      (resolve11) => timer = setTimeout(() => {
        graceful = false;
        resolve11();
      }, settings.gracePeriodMs)
    );
    const drained = (async () => {
      await active.idle();
      await new Promise((resolve11) => NetServer.prototype.close.call(server, () => resolve11()));
    })();
    await Promise.race([drained, expired]);
    clearTimeout(timer);
    if (!graceful) server.closeAllConnections();
    await reloading?.catch(() => {
    });
    await log?.close();
    await profiles?.close();
    await rollout?.close();
    await slots.releaseAll();
    lifecycle.markStopped();
    return { graceful };
  })();
  return {
    url: `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`,
    port,
    metrics,
    current: () => slots.stable,
    rollout: () => rollout?.verdict(),
    reload,
    shutdown,
    logFiles: () => log?.files ?? [],
    profileFiles: () => [...profiles?.files ?? []]
  };
}
async function load(options, ref) {
  return (await loadArtifact(options, ref, options.champion)).served;
}
async function loadArtifact(options, ref, override) {
  const model = ref.rev && await modelConfigAt(options, ref.rev) || options.model;
  const reserved = (model.features ?? []).filter((feature) => RESERVED_NAMES.includes(feature));
  if (reserved.length) {
    throw new UserError(
      `models.${model.name}.features: ${reserved.map((r) => `"${r}"`).join(", ")} is a name the prediction log uses for itself; rename the feature.`,
      { key: "features" }
    );
  }
  const artifact = await fetchChampion(options.git, model, ref, override, options.cwd, options.env);
  const commit = artifact.commit;
  return {
    served: await loadServedModel(model.name, artifact, model.task, model.features),
    ...commit ? { commit } : {}
  };
}
async function modelConfigAt(options, rev) {
  const text2 = await readTextAt(options.git, rev, options.config.relativePath);
  if (text2 === void 0) return void 0;
  try {
    return parseConfig(text2, `${rev}:${options.config.relativePath}`).models.find((m) => m.name === options.model.name);
  } catch {
    return void 0;
  }
}

// src/rollout/plan.ts
function rolloutPlan(config, flags) {
  const { canary, shadow } = flags;
  const percentText2 = flags["canary-percent"];
  if (canary !== void 0 && shadow !== void 0) {
    throw new UserError(
      `--canary and --shadow: pass one. A canary can start in shadow: put "shadow" first in the model's rollout.steps.`
    );
  }
  if (percentText2 !== void 0 && canary === void 0)
    throw new UserError(
      `--canary-percent ${percentText2}: also pass --canary REV|PATH, the model that gets that share.`
    );
  for (const [flag, value2] of [
    ["canary", canary],
    ["shadow", shadow]
  ]) {
    if (value2 !== void 0 && value2.trim() === "")
      throw new UserError(`--${flag}: expected a commit, tag or ONNX file, got an empty value.`);
  }
  if (shadow !== void 0) {
    return {
      mode: "shadow",
      challenger: shadow,
      config: { ...config, steps: ["shadow", 100], min_requests: Number.POSITIVE_INFINITY }
    };
  }
  if (canary === void 0) return void 0;
  if (percentText2 === void 0) return { mode: "canary", challenger: canary, config };
  const percent3 = Number(percentText2);
  if (percentText2.trim() === "" || !Number.isFinite(percent3) || percent3 <= 0 || percent3 >= 100) {
    throw new UserError(
      `--canary-percent ${percentText2}: expected a percent above 0 and below 100 (the share of requests the canary answers while it is analysed; passing it moves the canary to 100).`
    );
  }
  return { mode: "canary", challenger: canary, config: { ...config, steps: [percent3, 100] } };
}

// src/report/rollout-comment.ts
var DESCRIPTION_LIMIT = 140;
function deploymentDescription(verdict2) {
  const where = verdict2.percent === "shadow" ? "in shadow" : `at ${verdict2.percent}%`;
  const text2 = verdict2.state === "reverted" ? `reverted ${where}: ${verdict2.reason ?? "no reason recorded"}` : verdict2.state === "completed" ? "canary passed every step: answers everyone" : `canary ${where} (step ${verdict2.step + 1} of ${verdict2.steps.length}), no breach so far`;
  const plain = text2.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return plain.length <= DESCRIPTION_LIMIT ? plain : `${plain.slice(0, DESCRIPTION_LIMIT - 1)}\u2026`;
}
function revertComment(verdict2) {
  const where = verdict2.percent === "shadow" ? "in shadow" : `at ${verdict2.percent}% of requests`;
  const stable = verdict2.stable ? `stable ${markdownCode(verdict2.stable.version ?? verdict2.stable.sha256.slice(0, 12))}` : "stable";
  const lines = [
    `### modelkeeper: the canary of ${markdownCode(verdict2.model)} was reverted`,
    "",
    `The model this pull request built (artifact sha256 ${markdownCode(verdict2.canary.sha256.slice(0, 12))}${verdict2.canary.commit ? `, commit ${markdownCode(verdict2.canary.commit.slice(0, 12))}` : ""}) was reverted automatically ${where}: all traffic went back to ${stable}.`,
    "",
    `**Why:** ${escapeMarkdown(verdict2.reason ?? "no reason recorded")}`,
    "",
    "| signal | breached | evidence |",
    "| --- | --- | --- |",
    ...verdict2.evidence.map(
      (e) => `| ${escapeMarkdown(e.signal)} | ${e.breached ? "**yes**" : "no"} | ${escapeMarkdown(e.detail)} |`
    ),
    "",
    `The record is in the notes: ${markdownCode(`modelkeeper rollout status --model ${verdict2.model}`)}. This canary is not served again.`
  ];
  return lines.join("\n");
}

// src/github/deployments.ts
var DEPLOYMENT_TASK = "deploy:modelkeeper-canary";
function githubDeploymentListener(options) {
  const github = githubFromEnv(options.env, options.warn);
  if (!github) return void 0;
  let repo;
  try {
    repo = repoFromEnv(options.env);
  } catch (error) {
    options.warn(`serve: rollout: no GitHub deployment: ${error.message}`);
    return void 0;
  }
  return new RolloutDeployments({
    github,
    repo,
    model: options.model,
    environment: options.environment ?? "production",
    warn: options.warn
  });
}
var RolloutDeployments = class {
  constructor(options) {
    this.options = options;
  }
  options;
  queue = Promise.resolve();
  deploymentId;
  warnedNoCommit = false;
  /** The latest verdict GitHub refused, retried at shutdown. */
  unsent;
  transitions(_transitions, verdict2) {
    const commit = verdict2.canary.commit;
    if (!commit) {
      if (!this.warnedNoCommit)
        this.options.warn(
          "serve: rollout: the canary is a file, not a commit: no GitHub deployment (a deployment names a commit)."
        );
      this.warnedNoCommit = true;
      return;
    }
    this.enqueue(commit, verdict2);
  }
  /** At shutdown: what is queued, and once more the latest verdict if GitHub refused it (the next server would otherwise have to). */
  async settled() {
    await this.queue;
    if (this.unsent) {
      this.enqueue(this.unsent.commit, this.unsent.verdict);
      await this.queue;
    }
  }
  enqueue(commit, verdict2) {
    this.queue = this.queue.then(
      () => this.reconcile(commit, verdict2).then(
        () => this.unsent = void 0,
        (error) => {
          this.unsent = { commit, verdict: verdict2 };
          this.options.warn(
            `serve: rollout: GitHub deployment not updated (${error.status ?? "no answer"}): ${String(error.message).split("\n")[0]}`
          );
        }
      )
    );
  }
  async reconcile(commit, verdict2) {
    const { github, repo, environment } = this.options;
    const id = this.deploymentId ?? (this.deploymentId = await this.findOrCreate(commit, verdict2));
    const state = verdict2.state === "reverted" ? "failure" : verdict2.state === "completed" ? "success" : "in_progress";
    const description = deploymentDescription(verdict2);
    await createOnce(
      async () => {
        const { data: statuses } = await github.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: id,
          per_page: 1
        });
        return statuses[0] && statuses[0].state === state && statuses[0].description === description ? statuses[0] : void 0;
      },
      async () => (await github.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: id,
        state,
        description,
        environment,
        auto_inactive: state === "success",
        request: { retries: 0 }
      })).data
    );
    if (verdict2.state === "reverted") await this.commentOnPull(commit, verdict2);
  }
  async findOrCreate(commit, verdict2) {
    const { github, repo, environment, model } = this.options;
    const find = async () => {
      const existing = await github.paginate(github.rest.repos.listDeployments, {
        ...repo,
        sha: commit,
        task: DEPLOYMENT_TASK,
        environment,
        per_page: 100
      });
      return existing.filter((d) => {
        const payload = typeof d.payload === "string" ? safeJson(d.payload) : d.payload;
        return payload?.model === model && payload?.canary_sha256 === verdict2.canary.sha256;
      }).sort((a, b) => a.id - b.id)[0];
    };
    const found = await createOnce(find, async () => {
      const { data, status } = await github.rest.repos.createDeployment({
        ...repo,
        ref: commit,
        task: DEPLOYMENT_TASK,
        environment,
        auto_merge: false,
        // The gate already ran (evaluate, the PR's checks); the canary's own analysis is the rollout.
        required_contexts: [],
        payload: {
          model,
          canary_sha256: verdict2.canary.sha256,
          ...verdict2.stable ? { stable_sha256: verdict2.stable.sha256, stable_version: verdict2.stable.version ?? null } : {}
        },
        description: `modelkeeper canary of ${model}`.slice(0, 140),
        production_environment: true,
        request: { retries: 0 }
      });
      if (status !== 201 || !("id" in data)) throw new Error(`GitHub did not create the deployment (${status})`);
      return data;
    });
    return found.value.id;
  }
  /** The pull request that built the canary: one whose head is the canary's commit, else the first GitHub associates with it. */
  async commentOnPull(commit, verdict2) {
    const { github, repo, model } = this.options;
    const { data: pulls } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: commit,
      per_page: 100
    });
    const pull = pulls.find((p) => p.head.sha === commit) ?? pulls[0];
    if (!pull) return;
    const marker = commentMarker(`rollout-${verdict2.canary.sha256.slice(0, 12)}`, model);
    await upsertComment(github, repo, pull.number, marker, revertComment(verdict2), this.options.commentAuthor);
  }
};
function safeJson(text2) {
  try {
    return JSON.parse(text2);
  } catch {
    return void 0;
  }
}

// src/commands/serve.ts
var serveCommand = {
  name: "serve",
  summary: "serve the champion over HTTP (Open Inference Protocol v2, Prometheus /metrics) and write the prediction log drift reads",
  usage: "serve [--model NAME] [--port N] [--host ADDR] [--log DIR] [--champion REV|PATH] [--canary REV|PATH [--canary-percent P] | --shadow REV|PATH]",
  options: {
    port: { type: "string", value: "N", description: "port to listen on (default 8080; 0 picks a free one)" },
    host: {
      type: "string",
      value: "ADDR",
      description: "address to listen on (default 127.0.0.1; 0.0.0.0 in a container)"
    },
    log: {
      type: "string",
      value: "DIR",
      description: "write the prediction log (JSON Lines) to this folder (default: serve.log.dir, else no log)"
    },
    champion: {
      type: "string",
      value: "REV|PATH",
      description: "serve this commit, tag or ONNX file (default: the newest modelkeeper/<model>/v<N> tag)"
    },
    canary: {
      type: "string",
      value: "REV|PATH",
      description: "roll this commit, tag or ONNX file out as a canary through the model's rollout.steps, reverted on ML signals (see README: rollout)"
    },
    "canary-percent": {
      type: "string",
      value: "P",
      description: "with --canary: analyse it at P% of requests, then answer everyone (steps [P, 100] instead of rollout.steps)"
    },
    shadow: {
      type: "string",
      value: "REV|PATH",
      description: "score every request with this model too, answer with the champion; reverted (no longer scored) on ML signals"
    },
    environment: {
      type: "string",
      value: "NAME",
      description: "with GITHUB_TOKEN and GITHUB_REPOSITORY: the GitHub environment the canary's deployment is to (default production)"
    },
    "max-body-mb": { type: "string", value: "MB", description: "largest request body (default 8); larger get 413" },
    "max-rows": { type: "string", value: "N", description: "most rows per request (default 10000); more get 413" },
    "timeout-ms": {
      type: "string",
      value: "MS",
      description: "per-request budget (default 5000): 503 if still queued, 504 if the model is still running"
    },
    concurrency: { type: "string", value: "N", description: "model runs at once (default 2)" },
    "max-queue": {
      type: "string",
      value: "N",
      description: "requests waiting for a run (default 64); more get 429 with Retry-After"
    },
    "grace-seconds": {
      type: "string",
      value: "S",
      description: "after SIGTERM, how long in-flight requests may take (default 30)"
    },
    "poll-seconds": {
      type: "string",
      value: "S",
      description: "how often to look for a new champion tag (default 30; 0: only on SIGHUP)"
    },
    "log-sample-rate": { type: "string", value: "F", description: "fraction of rows to log (default 1)" }
  },
  async run(context, values) {
    const workspace = await openWorkspace(context, values);
    if (workspace.models.length > 1) {
      throw new UserError(
        `serve serves one model; pass --model NAME (models in ${workspace.config.relativePath}: ${workspace.models.map((m) => m.name).join(", ")}).`
      );
    }
    const flags = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === "string"));
    const plan = rolloutPlan(workspace.models[0].rollout, {
      canary: values.canary,
      "canary-percent": values["canary-percent"],
      shadow: values.shadow
    });
    const deployments = plan ? githubDeploymentListener({
      env: context.env,
      model: workspace.models[0].name,
      warn: context.warn,
      ...typeof values.environment === "string" ? { environment: values.environment } : {}
    }) : void 0;
    let server;
    let stopRequested;
    let stopNow;
    const early = (signal) => stopNow ? stopNow(signal) : stopRequested ??= signal;
    const hup = () => void server?.reload();
    process.on("SIGTERM", early).on("SIGINT", early).on("SIGHUP", hup);
    try {
      server = await startServe({
        git: workspace.git,
        config: workspace.config,
        model: workspace.models[0],
        settings: resolveSettings(workspace.config.serve, flags, {
          cwd: context.cwd,
          configDir: dirname10(workspace.config.path)
        }),
        champion: values.champion,
        ...plan ? { rollout: plan } : {},
        ...deployments ? { rolloutListeners: [deployments] } : {},
        cwd: context.cwd,
        env: context.env,
        log: context.log,
        warn: context.warn
      });
    } catch (error) {
      process.off("SIGTERM", early).off("SIGINT", early).off("SIGHUP", hup);
      throw error;
    }
    const running = server;
    const stopped = await new Promise((resolve11) => {
      const stop = (signal) => {
        context.log(`serve: ${signal}: not ready any more, finishing in-flight requests`);
        process.off("SIGTERM", early).off("SIGINT", early).off("SIGHUP", hup);
        void running.shutdown().then(({ graceful }) => resolve11({ graceful, signal }));
      };
      stopNow = stop;
      if (stopRequested) stop(stopRequested);
      context.signal?.addEventListener("abort", () => stop("SIGTERM"), { once: true });
    });
    const model = running.current();
    return {
      exitCode: 0,
      data: {
        model: model.name,
        version: model.version,
        graceful: stopped.graceful,
        logFiles: running.logFiles(),
        profileFiles: running.profileFiles()
      },
      text: `serve: stopped on ${stopped.signal}${stopped.graceful ? "" : " (grace period over: remaining connections closed)"}`,
      outputs: {}
    };
  }
};

// src/rollout/status.ts
function summarizeRollouts(lines) {
  const groups = /* @__PURE__ */ new Map();
  for (const line of lines) {
    const key = `${line.model}
${line.canary.sha256}`;
    groups.set(key, [...groups.get(key) ?? [], line]);
  }
  const summaries = [...groups.values()].map((group) => {
    const ordered = [...group].sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
    const end = ordered.find((l) => l.transition === "reverted") ?? ordered.find((l) => l.transition === "completed") ?? ordered.at(-1);
    const first = ordered[0];
    return {
      model: first.model,
      canary: end.canary,
      ...end.stable ?? first.stable ? { stable: end.stable ?? first.stable } : {},
      state: end.transition === "reverted" ? "reverted" : end.transition === "completed" ? "completed" : "running",
      step: end.step,
      percent: end.transition === "completed" ? 100 : end.percent,
      startedAt: first.at,
      lastAt: ordered.at(-1).at,
      ...end.reason !== void 0 ? { reason: end.reason } : {},
      transitions: ordered.map((l) => ({
        transition: l.transition,
        step: l.step,
        percent: l.percent,
        at: l.at,
        ...l.reason !== void 0 ? { reason: l.reason } : {}
      }))
    };
  });
  return summaries.sort(
    (a, b) => a.model < b.model ? -1 : a.model > b.model ? 1 : a.startedAt < b.startedAt ? -1 : 1
  );
}
function renderRolloutStatusText(data) {
  const out = [];
  for (const model of data.models) {
    const rollouts = data.rollouts.filter((r) => r.model === model);
    out.push(
      `${printable(model)}: ${rollouts.length === 0 ? "no rollout recorded" : `${rollouts.length} rollout${rollouts.length === 1 ? "" : "s"}`}`
    );
    for (const r of rollouts) {
      const stable = r.stable ? ` over stable ${r.stable.version ? `${printable(r.stable.version)} ` : ""}(${r.stable.sha256.slice(0, 12)})` : "";
      out.push(
        `  canary ${r.canary.sha256.slice(0, 12)} from commit ${r.canary.commit.slice(0, 12)}${stable}: ${r.state} at ${percentText(r.percent)} (${r.startedAt} to ${r.lastAt})`
      );
      for (const t of r.transitions) out.push(`    ${t.at}  ${t.transition.padEnd(9)} ${percentText(t.percent)}`);
      if (r.reason && r.state !== "running") out.push(`    why: ${printable(r.reason)}`);
    }
  }
  if (data.ignored.length > 0) {
    out.push(
      `ignored ${data.ignored.length} rollout line${data.ignored.length === 1 ? "" : "s"} that cannot be taken:`
    );
    for (const i of data.ignored) out.push(`  on ${i.commit.slice(0, 12)}: ${printable(i.problem)}`);
  }
  return out.join("\n");
}
var percentText = (p) => p === "shadow" ? "shadow" : `${p}%`;
function printable(text2) {
  return text2.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

// src/commands/rollout.ts
var rolloutCommand = {
  name: "rollout",
  summary: "rollout status: the canaries serve rolled out, from the notes: what served, when, why it stopped",
  usage: "rollout status [--model NAME]",
  subcommands: ["status"],
  options: {},
  async run(context, values) {
    if ((values.subcommand ?? "status") !== "status")
      throw new UserError(
        `rollout: unknown subcommand ${JSON.stringify(values.subcommand)}. Use: modelkeeper rollout status [--model NAME].`
      );
    const workspace = await openWorkspace(context, values);
    const selected = typeof values.model === "string" ? workspace.models[0].name : void 0;
    const history = await readRolloutHistory(workspace.git, selected);
    const rollouts = summarizeRollouts(history.lines);
    const models = selected ? [selected] : [.../* @__PURE__ */ new Set([...workspace.models.map((m) => m.name), ...rollouts.map((r) => r.model)])];
    const data = { models, rollouts, ignored: history.ignored };
    for (const i of history.ignored) context.warn(`rollout line on ${i.commit.slice(0, 12)} ignored: ${i.problem}`);
    const serving = rollouts.filter((r) => r.state === "running").length;
    return {
      exitCode: 0,
      data,
      text: renderRolloutStatusText(data),
      outputs: {
        rollouts: String(rollouts.length),
        reverted: String(rollouts.filter((r) => r.state === "reverted").length),
        running: String(serving)
      }
    };
  }
};

// src/commands/index.ts
var COMMANDS = [
  recordCommand,
  verifyCommand,
  reproduceCommand,
  evaluateCommand,
  driftCommand,
  monitorCommand,
  retrainCommand,
  promoteCommand,
  rollbackCommand,
  commentCommand,
  serveCommand,
  rolloutCommand,
  demoCommand
];
function findCommand(name) {
  return COMMANDS.find((c) => c.name === name);
}

export {
  COMMON_OPTIONS,
  VERSION,
  runtimeChoice,
  COMMANDS,
  findCommand
};
