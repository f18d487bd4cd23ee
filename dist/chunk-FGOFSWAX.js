import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-YXYFBNYD.js";
import {
  UserError
} from "./chunk-G5TKV47H.js";
import {
  __commonJS,
  __toESM
} from "./chunk-O7XNMCZ6.js";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length2(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length2;
    ucs2length2.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/git/git.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

// src/git/fault-injection.ts
import { appendFileSync } from "node:fs";
var writingCalls = 0;
function beforeGitStep(args, env) {
  const at = env.MODELKEEPER_FAULT_AT;
  const log = env.MODELKEEPER_FAULT_LOG;
  if (at === void 0 && log === void 0) return;
  if (!changesRepository(args)) return;
  writingCalls++;
  if (log) appendFileSync(log, `${writingCalls}	git ${args.join(" ").slice(0, 200)}
`);
  if (at !== void 0 && Number(at) === writingCalls) process.kill(process.pid, "SIGKILL");
}
var WRITERS = /* @__PURE__ */ new Set([
  "add",
  "checkout",
  "commit",
  "commit-tree",
  "fetch",
  "merge",
  "push",
  "read-tree",
  "reset",
  "rm",
  "tag",
  "update-index",
  "update-ref",
  "worktree",
  "hash-object",
  "mktree"
]);
var NOTES_WRITERS = /* @__PURE__ */ new Set(["add", "append", "copy", "edit", "merge", "prune", "remove"]);
function changesRepository(args) {
  const [command, ...rest] = args;
  if (command === "notes") return rest.some((arg) => NOTES_WRITERS.has(arg));
  return WRITERS.has(command);
}

// src/git/git.ts
var ACTIONS_IDENTITY = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com"
};
function createGit(cwd, env = process.env) {
  let identity;
  const identityEnv = () => identity ??= (async () => {
    if (env.GITHUB_ACTIONS !== "true" || env.GIT_AUTHOR_NAME || env.GIT_COMMITTER_NAME) return {};
    const configured = await spawnGit(["config", "user.email"], {});
    if (configured.code === 0 && configured.stdout.trim()) return {};
    return {
      GIT_AUTHOR_NAME: ACTIONS_IDENTITY.name,
      GIT_AUTHOR_EMAIL: ACTIONS_IDENTITY.email,
      GIT_COMMITTER_NAME: ACTIONS_IDENTITY.name,
      GIT_COMMITTER_EMAIL: ACTIONS_IDENTITY.email
    };
  })();
  const spawnGit = (args, extraEnv, options = {}) => new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd,
        env: { ...env, ...extraEnv, ...options.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
        maxBuffer: 256 * 1024 * 1024,
        encoding: "utf8"
      },
      (error, stdout, stderr) => {
        const code = error ? typeof error.code === "number" ? error.code : -1 : 0;
        if (error && code === -1 && !existsSync(cwd))
          return reject(
            new UserError(
              `the folder ${cwd} does not exist (working-directory, or the folder the command runs in): create it or pass an existing one.`
            )
          );
        if (error && code === -1) return reject(new UserError(`git is not available: ${error.message}`));
        resolve({ code, stdout, stderr });
      }
    );
    if (options.input !== void 0) child.stdin?.end(options.input);
  });
  const tryRun = async (args, options = {}) => {
    beforeGitStep(args, env);
    const result = await spawnGit(args, await identityEnv(), options);
    if (result.code !== 0) throwIfLocked(args, result.stderr);
    return result;
  };
  return {
    cwd,
    tryRun,
    async run(args, options) {
      const result = await tryRun(args, options);
      if (result.code !== 0 && /Author identity unknown|Please tell me who you are|empty ident name/i.test(result.stderr)) {
        throw new UserError(
          `git needs an identity to write notes, tags and commits: run \`git config user.name "\u2026"\` and \`git config user.email "\u2026"\` (in a workflow, add them as a step before modelkeeper).`
        );
      }
      if (result.code !== 0) throw gitFailure(args, result);
      return result.stdout;
    }
  };
}
function gitFailure(args, result) {
  return new Error(
    `git ${args.join(" ")} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`
  );
}
function throwIfLocked(args, stderr) {
  if (args[0] === "push") return;
  const lock = /Unable to create '([^']+\.lock)': File exists/.exec(stderr)?.[1];
  if (!lock) return;
  throw new UserError(
    `git could not take the lock ${lock}: another git process is running in this repository, or one was killed and left it behind. If no git is running here, remove it (rm "${lock}") and run the command again; nothing was changed.`,
    { file: lock }
  );
}
async function assertNoStaleLocks(git, refs) {
  const paths = await git.run([
    "rev-parse",
    "--path-format=absolute",
    "--git-path",
    "index.lock",
    "--git-path",
    "HEAD.lock",
    ...refs.flatMap((ref) => ["--git-path", `${ref}.lock`])
  ]);
  for (const lock of paths.trim().split("\n")) {
    if (existsSync(lock)) throwIfLocked([], `Unable to create '${lock}': File exists`);
  }
}
async function findRepoRoot(dir) {
  const result = await createGit(dir).tryRun(["rev-parse", "--show-toplevel"]);
  if (result.code !== 0) {
    throw new UserError(
      `${dir} is not inside a git repository. Run modelkeeper from a clone of your repository (or git init first).`
    );
  }
  return result.stdout.trim();
}
async function resolveCommit(git, rev) {
  const result = await git.tryRun(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (result.code !== 0) {
    throw new UserError(
      `"${rev}" is not a commit in ${git.cwd}. Pass a commit id, branch or tag that exists (fetch it first in a shallow clone).`
    );
  }
  return result.stdout.trim();
}

// src/config/parse.ts
var import_yaml = __toESM(require_dist(), 1);

// src/config/schema-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var ucs2length = import_ucs2length.default.default;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://modelkeeper.dev/schema/modelkeeper.schema.json", "title": "modelkeeper.yml", "description": "Configuration of modelkeeper: which models a repository builds, from which inputs, and how they are gated and monitored. Add `# yaml-language-server: $schema=./node_modules/modelkeeper/schema/modelkeeper.schema.json` at the top of the file for completion in editors.", "type": "object", "additionalProperties": false, "required": ["models"], "properties": { "models": { "description": "The models this repository builds, by name. A name becomes part of tags (modelkeeper/<name>/v<N>), branches (modelkeeper/retrain/<name>), file names and Prometheus labels, so it is 1-64 ASCII letters, digits, '.', '_' and '-', starts with a letter or digit, and has no '..', no trailing '.' or '.lock', and is not a Windows device name (CON, NUL, COM1, ...). Names that differ only in letter case are refused together.", "type": "object", "minProperties": 1, "propertyNames": { "pattern": "^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9\xB9\xB2\xB3]|[Ll][Pp][Tt][0-9\xB9\xB2\xB3])(?:\\.|$))(?!.*\\.\\.)(?!.*\\.$)(?!.*\\.[Ll][Oo][Cc][Kk]$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "additionalProperties": { "$ref": "#/definitions/model" } }, "serve": { "description": "Settings of `modelkeeper serve`: where it listens, its limits (each with a safe default) and its prediction log. Command-line flags override them.", "type": "object", "additionalProperties": false, "properties": { "host": { "type": "string", "default": "127.0.0.1", "description": "Address to listen on; 0.0.0.0 in a container." }, "port": { "type": "integer", "minimum": 0, "maximum": 65535, "default": 8080, "description": "Port to listen on (0 picks a free one)." }, "max_body_mb": { "type": "number", "exclusiveMinimum": 0, "default": 8, "description": "Largest request body in MiB; a larger one is answered 413 without being read." }, "max_rows": { "type": "integer", "minimum": 1, "default": 1e4, "description": "Most rows in one infer request; more are answered 413." }, "timeout_ms": { "type": "integer", "minimum": 1, "default": 5e3, "description": "Budget of one request from arrival to answer: 503 when it is still waiting for a model run, 504 when the model is still running. A request never hangs." }, "concurrency": { "type": "integer", "minimum": 1, "default": 2, "description": "Model runs at once." }, "max_queue": { "type": "integer", "minimum": 0, "default": 64, "description": "Requests that may wait for a model run; one more is answered 429 with Retry-After." }, "retry_after_seconds": { "type": "integer", "minimum": 0, "default": 1, "description": "The Retry-After of a 429 or 503." }, "grace_seconds": { "type": "number", "minimum": 0, "default": 30, "description": "After SIGTERM, how long in-flight requests may take before the process exits anyway (keep it below Kubernetes' terminationGracePeriodSeconds)." }, "poll_seconds": { "type": "number", "minimum": 0, "default": 30, "description": "How often to look for a new champion tag (0: only on SIGHUP)." }, "log": { "type": "object", "additionalProperties": false, "description": "The prediction log: JSON Lines that `drift --current` reads as they are.", "properties": { "dir": { "type": "string", "description": "Folder of the log files (relative to where serve runs); without it (and without --log) nothing is logged." }, "max_file_mb": { "type": "number", "exclusiveMinimum": 0, "default": 64, "description": "Start a new file when the current one reaches this size in MiB." }, "max_file_minutes": { "type": "number", "exclusiveMinimum": 0, "default": 60, "description": "... or when it is this old." }, "sample_rate": { "type": "number", "minimum": 0, "maximum": 1, "default": 1, "description": "Fraction of rows logged, drawn per row." }, "queue_rows": { "type": "integer", "minimum": 1, "default": 5e4, "description": "Rows waiting to be written; beyond it rows are dropped and counted (modelkeeper_log_records_dropped_total), never blocking a request." } } }, "profile": { "type": "object", "additionalProperties": false, "description": "Opt-in: a profile of the window's inputs and predictions per time window (exact category counts, value counts for numbers), written beside the prediction log as profile-<window start>-<pid>-<instance>.json; `drift --current` reads profiles of many windows and replicas merged as one window. Needs serve.log.dir (or --log).", "properties": { "window_minutes": { "type": "number", "minimum": 1, "maximum": 10080, "default": 60, "description": "Length of a window; windows start at multiples of it since 1970-01-01T00:00Z, so replicas' windows line up. A row belongs to the window its request arrived in." }, "write_seconds": { "type": "number", "minimum": 0.01, "maximum": 86400, "default": 60, "description": "How often the open window's profile is rewritten (atomically: a temp file renamed over it), so a killed server loses at most this much of it." }, "max_values": { "type": "integer", "minimum": 4096, "maximum": 1048576, "default": 16384, "description": "Distinct values counted exactly per numeric column (and categories per categorical column); beyond it a numeric column's values are kept to fewer significant bits, with the error drift states." } } }, "labels": { "type": "object", "additionalProperties": false, "description": "POST /v2/models/{model}/labels: labels that come back, joined by request id to the rollout's windows for its live-quality signal.", "properties": { "max_per_request": { "type": "integer", "minimum": 1, "default": 1e4, "description": "Most labels in one POST body; more get 413 (the body is also bounded by max_body_mb)." }, "remembered_requests": { "type": "integer", "minimum": 1, "default": 1e5, "description": "Requests the server remembers (id, rollout step, predictions; about 150 bytes each) for their labels to join; the oldest is forgotten first, and a label for a forgotten request counts as unknown." } } } } } }, "definitions": { "paths": { "description": "One path or a list. Each entry is a file, a folder (every file below it) or a glob (*, **, ?, [abc], {a,b}), relative to the repository root.", "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] }, "model": { "type": "object", "additionalProperties": false, "required": ["task", "artifact", "label", "data"], "properties": { "task": { "description": "What the model predicts: binary (one probability of the positive class), multiclass (one probability per class) or regression (a number).", "enum": ["binary", "multiclass", "regression"] }, "artifact": { "description": "The ONNX file the train command writes, relative to the repository root.", "type": "string", "minLength": 1 }, "train": { "description": "The shell command, run at the repository root, that builds the artifact from the inputs. Needed by reproduce and retrain.", "type": "string", "minLength": 1 }, "label": { "description": "The label (target) column in the data files.", "type": "string", "minLength": 1 }, "classes": { "description": "Classification: the label value of each probability column, in column order (e.g. [1, 2, 3]). Default: the model's own class labels (ONNX classlabels_*); without them, multiclass labels must be column indices 0..C-1.", "type": "array", "minItems": 2, "uniqueItems": true, "items": { "type": ["string", "number", "boolean"] } }, "positive": { "description": "Binary: the label value that means the positive class (e.g. yes, or fraud). Default: the model's second class label, else labels must be 0/1 or true/false.", "type": ["string", "number", "boolean"] }, "features": { "description": "Feature columns in the order the model takes them. Default: every column but the label, in file order.", "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true }, "data": { "description": "The data the model is trained and evaluated on.", "type": "object", "additionalProperties": false, "required": ["train", "holdout"], "properties": { "train": { "$ref": "#/definitions/paths", "description": "Training data: files, folders or globs. Every file is hashed by record." }, "holdout": { "$ref": "#/definitions/paths", "description": "The held-out set evaluate compares champion and challenger on (CSV, JSON Lines or Parquet)." } } }, "code": { "$ref": "#/definitions/paths", "description": "Training code: files, folders or globs. Every file is hashed by record.", "default": [] }, "config": { "$ref": "#/definitions/paths", "description": "Training configuration (hyperparameters): files, folders or globs. Every file is hashed by record.", "default": [] }, "evaluate": { "$ref": "#/definitions/evaluate", "default": {} }, "drift": { "$ref": "#/definitions/drift", "default": {} }, "reproduce": { "description": "How reproduce judges a rebuilt artifact.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "tolerance": { "description": "When the rebuilt artifact's hash differs (most exporters embed ids or timestamps), the largest absolute difference of each held-out metric that still counts as reproduced.", "type": "number", "minimum": 0, "default": 1e-3 }, "timeout_minutes": { "description": "Stop the train command after this many minutes.", "type": "number", "exclusiveMinimum": 0, "default": 60 } } }, "rollout": { "$ref": "#/definitions/rollout", "default": {} } } }, "evaluate": { "description": "The champion-vs-challenger gate.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "metric": { "description": "The primary metric the verdict is decided on. binary: roc_auc, average_precision, log_loss, brier, accuracy, precision, recall, f1, ece; multiclass: accuracy, macro_f1, log_loss; regression: rmse, mae, r2.", "enum": ["roc_auc", "average_precision", "log_loss", "brier", "accuracy", "precision", "recall", "f1", "ece", "macro_f1", "rmse", "mae", "r2"] }, "min_improvement": { "description": "The lower confidence bound of (challenger - champion), in the metric's better direction, must exceed this to promote. 0 = must be better; a negative value is a non-inferiority margin.", "type": "number", "default": 0 }, "confidence": { "description": "Confidence level of the interval of the paired difference.", "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1, "default": 0.95 }, "resamples": { "description": "Paired bootstrap resamples.", "type": "integer", "minimum": 200, "default": 2e3 }, "seed": { "description": "Seed of the bootstrap, recorded with the result so a verdict can be recomputed exactly.", "type": "integer", "minimum": 0, "default": 20240601 }, "threshold": { "description": "Binary models: a score at or above this counts as a positive prediction (accuracy, precision, recall, f1, McNemar).", "type": "number", "minimum": 0, "maximum": 1, "default": 0.5 }, "min_value": { "description": "Absolute floors, by metric name, that a challenger must meet (the only gate for a first model with no champion). Example: { roc_auc: 0.8 }.", "type": "object", "additionalProperties": { "type": "number" }, "default": {} }, "guardrails": { "description": "Conditions besides the primary metric that fail the gate.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "latency_median_ratio": { "description": "Largest allowed median over interleaved rounds of the challenger/champion batch latency ratio; the guardrail fails only when the whole 99% interval of that median lies above it.", "type": "number", "exclusiveMinimum": 1, "default": 1.5 }, "latency_p95_ratio": { "description": "Deprecated name of latency_median_ratio (the gate always decided on the median ratio); still read, with a warning.", "type": "number", "exclusiveMinimum": 1 }, "max_size_mb": { "description": "Largest allowed artifact size in MB (10^6 bytes).", "type": "number", "exclusiveMinimum": 0 }, "max_size_ratio": { "description": "Largest allowed ratio of the challenger's artifact size to the champion's.", "type": "number", "exclusiveMinimum": 0 }, "ece_margin": { "description": "Binary models: the challenger's expected calibration error may exceed the champion's by at most this.", "type": "number", "minimum": 0, "default": 0.02 }, "brier_margin": { "description": "Binary models: the challenger's Brier score may exceed the champion's by at most this.", "type": "number", "minimum": 0, "default": 0.01 }, "metrics": { "description": "Further metrics by name that must not get worse by more than the given margin.", "type": "object", "additionalProperties": { "type": "number", "minimum": 0 }, "default": {} } } }, "slices": { "description": "Columns whose values define slices (segments) reported separately and gated on the primary metric.", "type": "array", "items": { "type": "string", "minLength": 1 }, "default": [] }, "min_slice_size": { "description": "Slices with fewer rows are reported but not gated.", "type": "integer", "minimum": 1, "default": 200 }, "slice_margin": { "description": "A gated slice fails when the challenger is confidently worse there by more than this: the whole confidence interval of the slice's paired difference (500 resamples) lies beyond the margin.", "type": "number", "minimum": 0, "default": 0.02 } } }, "drift": { "description": "Drift monitoring of inputs and predictions.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "reference": { "description": "Reference data (usually the training data): files, folders or globs. Default: data.train.", "$ref": "#/definitions/paths" }, "features": { "description": "Columns to monitor. Default: the model's features.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "types": { "description": "Override the inferred type of a column.", "type": "object", "additionalProperties": { "enum": ["numeric", "categorical"] }, "default": {} }, "alpha": { "description": "Significance level after the Benjamini\u2013Hochberg correction across every monitored column (features and predictions). 0.005 keeps false alarms at about 1 report in 200 with no drift, at any window size (simulated in test/stats/drift).", "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 5e-3 }, "profile": { "description": "Store a compact profile of the reference data with record, so drift needs no raw training data.", "type": "boolean", "default": false }, "thresholds": { "description": "Effect sizes, beyond sampling noise, below which a statistically significant change is not called drift: wasserstein (numeric, in reference standard deviations; default 0.1), jensenshannon (categorical, base 2; default 0.1), missing (|Cohen's h| of the missing share; default 0.2).", "type": "object", "additionalProperties": false, "default": {}, "properties": { "wasserstein": { "type": "number", "minimum": 0 }, "jensenshannon": { "type": "number", "minimum": 0 }, "missing": { "type": "number", "minimum": 0 } } }, "engine": { "description": "Who reads the current window: auto (DuckDB when the window's files add up to 1 GiB or more, are of one format, and @duckdb/node-api is installed; else the streaming JS readers), js, or duckdb. Decisions are the same either way. --engine overrides it.", "enum": ["auto", "js", "duckdb"], "default": "auto" } } }, "rollout": { "description": "How `serve` rolls a new version out: the steps of the canary, how long each lasts, and the signals that revert it.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "steps": { "description": `The rollout's steps in order: "shadow" (the canary scores every request, the stable model answers) or the percent of requests the canary answers. The last step must be 100.`, "type": "array", "minItems": 1, "items": { "oneOf": [{ "const": "shadow" }, { "type": "number", "exclusiveMinimum": 0, "maximum": 100 }] }, "default": ["shadow", 5, 25, 50, 100] }, "min_requests": { "description": "Requests the canary (or shadow) must have scored in a step before the step can pass.", "type": "integer", "minimum": 1, "default": 500 }, "min_minutes": { "description": "Minutes a step lasts at least before it can pass.", "type": "number", "minimum": 0, "default": 5 }, "alpha": { "description": "False-alarm budget of the whole rollout: the chance that a canary that behaves exactly like the stable model is reverted, spread over every step, signal and look.", "type": "number", "exclusiveMinimum": 0, "maximum": 0.5, "default": 0.01 }, "error_rate_margin": { "description": "How much higher (absolute) the canary's error rate may be than the stable model's before it reverts, once the difference is beyond doubt.", "type": "number", "minimum": 0, "default": 5e-3 }, "latency_median_ratio": { "description": "Limit on canary/stable median latency: reverts when the canary's median is beyond doubt above this multiple of the stable median.", "type": "number", "exclusiveMinimum": 1, "default": 1.5 }, "prediction_ks": { "description": "The two-sample KS statistic between the canary's and the stable model's scores (predicted classes for multiclass) that counts as a changed prediction mix, once significant.", "type": "number", "exclusiveMinimum": 0, "maximum": 1, "default": 0.1 }, "quality_margin": { "description": "Live quality, on the requests whose labels came back (POST /v2/models/{model}/labels): how much worse the canary may be than the stable model before it reverts, once the difference is beyond doubt. binary: ROC AUC points (0.02 = stable 0.90, canary below 0.88); multiclass: misclassification rate (absolute); regression: mean absolute error, as a fraction of the stable model's.", "type": "number", "minimum": 0, "default": 0.02 } } } } };
var pattern0 = new RegExp("^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9\xB9\xB2\xB3]|[Ll][Pp][Tt][0-9\xB9\xB2\xB3])(?:\\.|$))(?!.*\\.\\.)(?!.*\\.$)(?!.*\\.[Ll][Oo][Cc][Kk]$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
var schema12 = { "type": "object", "additionalProperties": false, "required": ["task", "artifact", "label", "data"], "properties": { "task": { "description": "What the model predicts: binary (one probability of the positive class), multiclass (one probability per class) or regression (a number).", "enum": ["binary", "multiclass", "regression"] }, "artifact": { "description": "The ONNX file the train command writes, relative to the repository root.", "type": "string", "minLength": 1 }, "train": { "description": "The shell command, run at the repository root, that builds the artifact from the inputs. Needed by reproduce and retrain.", "type": "string", "minLength": 1 }, "label": { "description": "The label (target) column in the data files.", "type": "string", "minLength": 1 }, "classes": { "description": "Classification: the label value of each probability column, in column order (e.g. [1, 2, 3]). Default: the model's own class labels (ONNX classlabels_*); without them, multiclass labels must be column indices 0..C-1.", "type": "array", "minItems": 2, "uniqueItems": true, "items": { "type": ["string", "number", "boolean"] } }, "positive": { "description": "Binary: the label value that means the positive class (e.g. yes, or fraud). Default: the model's second class label, else labels must be 0/1 or true/false.", "type": ["string", "number", "boolean"] }, "features": { "description": "Feature columns in the order the model takes them. Default: every column but the label, in file order.", "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true }, "data": { "description": "The data the model is trained and evaluated on.", "type": "object", "additionalProperties": false, "required": ["train", "holdout"], "properties": { "train": { "$ref": "#/definitions/paths", "description": "Training data: files, folders or globs. Every file is hashed by record." }, "holdout": { "$ref": "#/definitions/paths", "description": "The held-out set evaluate compares champion and challenger on (CSV, JSON Lines or Parquet)." } } }, "code": { "$ref": "#/definitions/paths", "description": "Training code: files, folders or globs. Every file is hashed by record.", "default": [] }, "config": { "$ref": "#/definitions/paths", "description": "Training configuration (hyperparameters): files, folders or globs. Every file is hashed by record.", "default": [] }, "evaluate": { "$ref": "#/definitions/evaluate", "default": {} }, "drift": { "$ref": "#/definitions/drift", "default": {} }, "reproduce": { "description": "How reproduce judges a rebuilt artifact.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "tolerance": { "description": "When the rebuilt artifact's hash differs (most exporters embed ids or timestamps), the largest absolute difference of each held-out metric that still counts as reproduced.", "type": "number", "minimum": 0, "default": 1e-3 }, "timeout_minutes": { "description": "Stop the train command after this many minutes.", "type": "number", "exclusiveMinimum": 0, "default": 60 } } }, "rollout": { "$ref": "#/definitions/rollout", "default": {} } } };
var schema13 = { "description": "One path or a list. Each entry is a file, a folder (every file below it) or a glob (*, **, ?, [abc], {a,b}), relative to the repository root.", "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] };
var schema17 = { "description": "The champion-vs-challenger gate.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "metric": { "description": "The primary metric the verdict is decided on. binary: roc_auc, average_precision, log_loss, brier, accuracy, precision, recall, f1, ece; multiclass: accuracy, macro_f1, log_loss; regression: rmse, mae, r2.", "enum": ["roc_auc", "average_precision", "log_loss", "brier", "accuracy", "precision", "recall", "f1", "ece", "macro_f1", "rmse", "mae", "r2"] }, "min_improvement": { "description": "The lower confidence bound of (challenger - champion), in the metric's better direction, must exceed this to promote. 0 = must be better; a negative value is a non-inferiority margin.", "type": "number", "default": 0 }, "confidence": { "description": "Confidence level of the interval of the paired difference.", "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1, "default": 0.95 }, "resamples": { "description": "Paired bootstrap resamples.", "type": "integer", "minimum": 200, "default": 2e3 }, "seed": { "description": "Seed of the bootstrap, recorded with the result so a verdict can be recomputed exactly.", "type": "integer", "minimum": 0, "default": 20240601 }, "threshold": { "description": "Binary models: a score at or above this counts as a positive prediction (accuracy, precision, recall, f1, McNemar).", "type": "number", "minimum": 0, "maximum": 1, "default": 0.5 }, "min_value": { "description": "Absolute floors, by metric name, that a challenger must meet (the only gate for a first model with no champion). Example: { roc_auc: 0.8 }.", "type": "object", "additionalProperties": { "type": "number" }, "default": {} }, "guardrails": { "description": "Conditions besides the primary metric that fail the gate.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "latency_median_ratio": { "description": "Largest allowed median over interleaved rounds of the challenger/champion batch latency ratio; the guardrail fails only when the whole 99% interval of that median lies above it.", "type": "number", "exclusiveMinimum": 1, "default": 1.5 }, "latency_p95_ratio": { "description": "Deprecated name of latency_median_ratio (the gate always decided on the median ratio); still read, with a warning.", "type": "number", "exclusiveMinimum": 1 }, "max_size_mb": { "description": "Largest allowed artifact size in MB (10^6 bytes).", "type": "number", "exclusiveMinimum": 0 }, "max_size_ratio": { "description": "Largest allowed ratio of the challenger's artifact size to the champion's.", "type": "number", "exclusiveMinimum": 0 }, "ece_margin": { "description": "Binary models: the challenger's expected calibration error may exceed the champion's by at most this.", "type": "number", "minimum": 0, "default": 0.02 }, "brier_margin": { "description": "Binary models: the challenger's Brier score may exceed the champion's by at most this.", "type": "number", "minimum": 0, "default": 0.01 }, "metrics": { "description": "Further metrics by name that must not get worse by more than the given margin.", "type": "object", "additionalProperties": { "type": "number", "minimum": 0 }, "default": {} } } }, "slices": { "description": "Columns whose values define slices (segments) reported separately and gated on the primary metric.", "type": "array", "items": { "type": "string", "minLength": 1 }, "default": [] }, "min_slice_size": { "description": "Slices with fewer rows are reported but not gated.", "type": "integer", "minimum": 1, "default": 200 }, "slice_margin": { "description": "A gated slice fails when the challenger is confidently worse there by more than this: the whole confidence interval of the slice's paired difference (500 resamples) lies beyond the margin.", "type": "number", "minimum": 0, "default": 0.02 } } };
var schema20 = { "description": "How `serve` rolls a new version out: the steps of the canary, how long each lasts, and the signals that revert it.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "steps": { "description": `The rollout's steps in order: "shadow" (the canary scores every request, the stable model answers) or the percent of requests the canary answers. The last step must be 100.`, "type": "array", "minItems": 1, "items": { "oneOf": [{ "const": "shadow" }, { "type": "number", "exclusiveMinimum": 0, "maximum": 100 }] }, "default": ["shadow", 5, 25, 50, 100] }, "min_requests": { "description": "Requests the canary (or shadow) must have scored in a step before the step can pass.", "type": "integer", "minimum": 1, "default": 500 }, "min_minutes": { "description": "Minutes a step lasts at least before it can pass.", "type": "number", "minimum": 0, "default": 5 }, "alpha": { "description": "False-alarm budget of the whole rollout: the chance that a canary that behaves exactly like the stable model is reverted, spread over every step, signal and look.", "type": "number", "exclusiveMinimum": 0, "maximum": 0.5, "default": 0.01 }, "error_rate_margin": { "description": "How much higher (absolute) the canary's error rate may be than the stable model's before it reverts, once the difference is beyond doubt.", "type": "number", "minimum": 0, "default": 5e-3 }, "latency_median_ratio": { "description": "Limit on canary/stable median latency: reverts when the canary's median is beyond doubt above this multiple of the stable median.", "type": "number", "exclusiveMinimum": 1, "default": 1.5 }, "prediction_ks": { "description": "The two-sample KS statistic between the canary's and the stable model's scores (predicted classes for multiclass) that counts as a changed prediction mix, once significant.", "type": "number", "exclusiveMinimum": 0, "maximum": 1, "default": 0.1 }, "quality_margin": { "description": "Live quality, on the requests whose labels came back (POST /v2/models/{model}/labels): how much worse the canary may be than the stable model before it reverts, once the difference is beyond doubt. binary: ROC AUC points (0.02 = stable 0.90, canary below 0.88); multiclass: misclassification rate (absolute); regression: mean absolute error, as a fraction of the stable model's.", "type": "number", "minimum": 0, "default": 0.02 } } };
var func2 = Object.prototype.hasOwnProperty;
var func3 = ucs2length;
var schema18 = { "description": "Drift monitoring of inputs and predictions.", "type": "object", "additionalProperties": false, "default": {}, "properties": { "reference": { "description": "Reference data (usually the training data): files, folders or globs. Default: data.train.", "$ref": "#/definitions/paths" }, "features": { "description": "Columns to monitor. Default: the model's features.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "types": { "description": "Override the inferred type of a column.", "type": "object", "additionalProperties": { "enum": ["numeric", "categorical"] }, "default": {} }, "alpha": { "description": "Significance level after the Benjamini\u2013Hochberg correction across every monitored column (features and predictions). 0.005 keeps false alarms at about 1 report in 200 with no drift, at any window size (simulated in test/stats/drift).", "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 5e-3 }, "profile": { "description": "Store a compact profile of the reference data with record, so drift needs no raw training data.", "type": "boolean", "default": false }, "thresholds": { "description": "Effect sizes, beyond sampling noise, below which a statistically significant change is not called drift: wasserstein (numeric, in reference standard deviations; default 0.1), jensenshannon (categorical, base 2; default 0.1), missing (|Cohen's h| of the missing share; default 0.2).", "type": "object", "additionalProperties": false, "default": {}, "properties": { "wasserstein": { "type": "number", "minimum": 0 }, "jensenshannon": { "type": "number", "minimum": 0 }, "missing": { "type": "number", "minimum": 0 } } }, "engine": { "description": "Who reads the current window: auto (DuckDB when the window's files add up to 1 GiB or more, are of one format, and @duckdb/node-api is installed; else the streaming JS readers), js, or duckdb. Decisions are the same either way. --engine overrides it.", "enum": ["auto", "js", "duckdb"], "default": "auto" } } };
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.types === void 0) {
      data.types = {};
    }
    if (data.alpha === void 0) {
      data.alpha = 5e-3;
    }
    if (data.profile === void 0) {
      data.profile = false;
    }
    if (data.thresholds === void 0) {
      data.thresholds = {};
    }
    if (data.engine === void 0) {
      data.engine = "auto";
    }
    for (const key0 in data) {
      if (!(key0 === "reference" || key0 === "features" || key0 === "types" || key0 === "alpha" || key0 === "profile" || key0 === "thresholds" || key0 === "engine")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.reference !== void 0) {
      let data0 = data.reference;
      const _errs4 = errors;
      let valid2 = false;
      let passing0 = null;
      const _errs5 = errors;
      if (typeof data0 === "string") {
        if (func3(data0) < 1) {
          const err1 = { instancePath: instancePath + "/reference", schemaPath: "#/definitions/paths/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[0], data: data0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/reference", schemaPath: "#/definitions/paths/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[0].type, parentSchema: schema13.oneOf[0], data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      var _valid0 = _errs5 === errors;
      if (_valid0) {
        valid2 = true;
        passing0 = 0;
      }
      const _errs7 = errors;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func3(data1) < 1) {
              const err3 = { instancePath: instancePath + "/reference/" + i0, schemaPath: "#/definitions/paths/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[1].items, data: data1 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/reference/" + i0, schemaPath: "#/definitions/paths/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[1].items.type, parentSchema: schema13.oneOf[1].items, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/reference", schemaPath: "#/definitions/paths/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.oneOf[1].type, parentSchema: schema13.oneOf[1], data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      var _valid0 = _errs7 === errors;
      if (_valid0 && valid2) {
        valid2 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid2 = true;
          passing0 = 1;
        }
      }
      if (!valid2) {
        const err6 = { instancePath: instancePath + "/reference", schemaPath: "#/definitions/paths/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema13.oneOf, parentSchema: schema13, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      } else {
        errors = _errs4;
        if (vErrors !== null) {
          if (_errs4) {
            vErrors.length = _errs4;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.features !== void 0) {
      let data2 = data.features;
      if (Array.isArray(data2)) {
        const len1 = data2.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data3 = data2[i1];
          if (typeof data3 === "string") {
            if (func3(data3) < 1) {
              const err7 = { instancePath: instancePath + "/features/" + i1, schemaPath: "#/properties/features/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema18.properties.features.items, data: data3 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/features/" + i1, schemaPath: "#/properties/features/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.properties.features.items.type, parentSchema: schema18.properties.features.items, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.properties.features.type, parentSchema: schema18.properties.features, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    let data4 = data.types;
    if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
      for (const key1 in data4) {
        let data5 = data4[key1];
        if (!(data5 === "numeric" || data5 === "categorical")) {
          const err10 = { instancePath: instancePath + "/types/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/types/additionalProperties/enum", keyword: "enum", params: { allowedValues: schema18.properties.types.additionalProperties.enum }, message: "must be equal to one of the allowed values", schema: schema18.properties.types.additionalProperties.enum, parentSchema: schema18.properties.types.additionalProperties, data: data5 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    } else {
      const err11 = { instancePath: instancePath + "/types", schemaPath: "#/properties/types/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.properties.types.type, parentSchema: schema18.properties.types, data: data4 };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    let data6 = data.alpha;
    if (typeof data6 == "number") {
      if (data6 >= 1 || isNaN(data6)) {
        const err12 = { instancePath: instancePath + "/alpha", schemaPath: "#/properties/alpha/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema18.properties.alpha, data: data6 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (data6 <= 0 || isNaN(data6)) {
        const err13 = { instancePath: instancePath + "/alpha", schemaPath: "#/properties/alpha/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema18.properties.alpha, data: data6 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    } else {
      const err14 = { instancePath: instancePath + "/alpha", schemaPath: "#/properties/alpha/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.alpha.type, parentSchema: schema18.properties.alpha, data: data6 };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    let data7 = data.profile;
    if (typeof data7 !== "boolean") {
      const err15 = { instancePath: instancePath + "/profile", schemaPath: "#/properties/profile/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema18.properties.profile.type, parentSchema: schema18.properties.profile, data: data7 };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    let data8 = data.thresholds;
    if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
      for (const key2 in data8) {
        if (!(key2 === "wasserstein" || key2 === "jensenshannon" || key2 === "missing")) {
          const err16 = { instancePath: instancePath + "/thresholds", schemaPath: "#/properties/thresholds/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18.properties.thresholds, data: data8 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
      if (data8.wasserstein !== void 0) {
        let data9 = data8.wasserstein;
        if (typeof data9 == "number") {
          if (data9 < 0 || isNaN(data9)) {
            const err17 = { instancePath: instancePath + "/thresholds/wasserstein", schemaPath: "#/properties/thresholds/properties/wasserstein/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema18.properties.thresholds.properties.wasserstein, data: data9 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        } else {
          const err18 = { instancePath: instancePath + "/thresholds/wasserstein", schemaPath: "#/properties/thresholds/properties/wasserstein/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.thresholds.properties.wasserstein.type, parentSchema: schema18.properties.thresholds.properties.wasserstein, data: data9 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      }
      if (data8.jensenshannon !== void 0) {
        let data10 = data8.jensenshannon;
        if (typeof data10 == "number") {
          if (data10 < 0 || isNaN(data10)) {
            const err19 = { instancePath: instancePath + "/thresholds/jensenshannon", schemaPath: "#/properties/thresholds/properties/jensenshannon/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema18.properties.thresholds.properties.jensenshannon, data: data10 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        } else {
          const err20 = { instancePath: instancePath + "/thresholds/jensenshannon", schemaPath: "#/properties/thresholds/properties/jensenshannon/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.thresholds.properties.jensenshannon.type, parentSchema: schema18.properties.thresholds.properties.jensenshannon, data: data10 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      }
      if (data8.missing !== void 0) {
        let data11 = data8.missing;
        if (typeof data11 == "number") {
          if (data11 < 0 || isNaN(data11)) {
            const err21 = { instancePath: instancePath + "/thresholds/missing", schemaPath: "#/properties/thresholds/properties/missing/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema18.properties.thresholds.properties.missing, data: data11 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        } else {
          const err22 = { instancePath: instancePath + "/thresholds/missing", schemaPath: "#/properties/thresholds/properties/missing/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.thresholds.properties.missing.type, parentSchema: schema18.properties.thresholds.properties.missing, data: data11 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      }
    } else {
      const err23 = { instancePath: instancePath + "/thresholds", schemaPath: "#/properties/thresholds/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.properties.thresholds.type, parentSchema: schema18.properties.thresholds, data: data8 };
      if (vErrors === null) {
        vErrors = [err23];
      } else {
        vErrors.push(err23);
      }
      errors++;
    }
    let data12 = data.engine;
    if (!(data12 === "auto" || data12 === "js" || data12 === "duckdb")) {
      const err24 = { instancePath: instancePath + "/engine", schemaPath: "#/properties/engine/enum", keyword: "enum", params: { allowedValues: schema18.properties.engine.enum }, message: "must be equal to one of the allowed values", schema: schema18.properties.engine.enum, parentSchema: schema18.properties.engine, data: data12 };
      if (vErrors === null) {
        vErrors = [err24];
      } else {
        vErrors.push(err24);
      }
      errors++;
    }
  } else {
    const err25 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.type, parentSchema: schema18, data };
    if (vErrors === null) {
      vErrors = [err25];
    } else {
      vErrors.push(err25);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.code === void 0) {
      data.code = [];
    }
    if (data.config === void 0) {
      data.config = [];
    }
    if (data.evaluate === void 0) {
      data.evaluate = {};
    }
    if (data.drift === void 0) {
      data.drift = {};
    }
    if (data.reproduce === void 0) {
      data.reproduce = {};
    }
    if (data.rollout === void 0) {
      data.rollout = {};
    }
    if (data.task === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "task" }, message: "must have required property 'task'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.artifact === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "artifact" }, message: "must have required property 'artifact'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.label === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "label" }, message: "must have required property 'label'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.data === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "data" }, message: "must have required property 'data'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema12.properties, key0)) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.task !== void 0) {
      let data0 = data.task;
      if (!(data0 === "binary" || data0 === "multiclass" || data0 === "regression")) {
        const err5 = { instancePath: instancePath + "/task", schemaPath: "#/properties/task/enum", keyword: "enum", params: { allowedValues: schema12.properties.task.enum }, message: "must be equal to one of the allowed values", schema: schema12.properties.task.enum, parentSchema: schema12.properties.task, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.artifact !== void 0) {
      let data1 = data.artifact;
      if (typeof data1 === "string") {
        if (func3(data1) < 1) {
          const err6 = { instancePath: instancePath + "/artifact", schemaPath: "#/properties/artifact/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.artifact, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/artifact", schemaPath: "#/properties/artifact/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.artifact.type, parentSchema: schema12.properties.artifact, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.train !== void 0) {
      let data2 = data.train;
      if (typeof data2 === "string") {
        if (func3(data2) < 1) {
          const err8 = { instancePath: instancePath + "/train", schemaPath: "#/properties/train/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.train, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/train", schemaPath: "#/properties/train/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.train.type, parentSchema: schema12.properties.train, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.label !== void 0) {
      let data3 = data.label;
      if (typeof data3 === "string") {
        if (func3(data3) < 1) {
          const err10 = { instancePath: instancePath + "/label", schemaPath: "#/properties/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.label, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/label", schemaPath: "#/properties/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.label.type, parentSchema: schema12.properties.label, data: data3 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.classes !== void 0) {
      let data4 = data.classes;
      if (Array.isArray(data4)) {
        if (data4.length < 2) {
          const err12 = { instancePath: instancePath + "/classes", schemaPath: "#/properties/classes/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items", schema: 2, parentSchema: schema12.properties.classes, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (typeof data5 !== "string" && !(typeof data5 == "number") && typeof data5 !== "boolean") {
            const err13 = { instancePath: instancePath + "/classes/" + i0, schemaPath: "#/properties/classes/items/type", keyword: "type", params: { type: schema12.properties.classes.items.type }, message: "must be string,number,boolean", schema: schema12.properties.classes.items.type, parentSchema: schema12.properties.classes.items, data: data5 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        let i1 = data4.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data4[i1];
            if (typeof item0 !== "string" && !(typeof item0 == "number") && typeof item0 !== "boolean") {
              continue;
            }
            if (typeof item0 == "string") {
              item0 += "_";
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err14 = { instancePath: instancePath + "/classes", schemaPath: "#/properties/classes/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema12.properties.classes, data: data4 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/classes", schemaPath: "#/properties/classes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.classes.type, parentSchema: schema12.properties.classes, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.positive !== void 0) {
      let data6 = data.positive;
      if (typeof data6 !== "string" && !(typeof data6 == "number") && typeof data6 !== "boolean") {
        const err16 = { instancePath: instancePath + "/positive", schemaPath: "#/properties/positive/type", keyword: "type", params: { type: schema12.properties.positive.type }, message: "must be string,number,boolean", schema: schema12.properties.positive.type, parentSchema: schema12.properties.positive, data: data6 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.features !== void 0) {
      let data7 = data.features;
      if (Array.isArray(data7)) {
        const len1 = data7.length;
        for (let i2 = 0; i2 < len1; i2++) {
          let data8 = data7[i2];
          if (typeof data8 === "string") {
            if (func3(data8) < 1) {
              const err17 = { instancePath: instancePath + "/features/" + i2, schemaPath: "#/properties/features/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.features.items, data: data8 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/features/" + i2, schemaPath: "#/properties/features/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.features.items.type, parentSchema: schema12.properties.features.items, data: data8 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        let i3 = data7.length;
        let j1;
        if (i3 > 1) {
          const indices1 = {};
          for (; i3--; ) {
            let item1 = data7[i3];
            if (typeof item1 !== "string") {
              continue;
            }
            if (typeof indices1[item1] == "number") {
              j1 = indices1[item1];
              const err19 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)", schema: true, parentSchema: schema12.properties.features, data: data7 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
              break;
            }
            indices1[item1] = i3;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.features.type, parentSchema: schema12.properties.features, data: data7 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data9 = data.data;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        if (data9.train === void 0) {
          const err21 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/required", keyword: "required", params: { missingProperty: "train" }, message: "must have required property 'train'", schema: schema12.properties.data.required, parentSchema: schema12.properties.data, data: data9 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (data9.holdout === void 0) {
          const err22 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/required", keyword: "required", params: { missingProperty: "holdout" }, message: "must have required property 'holdout'", schema: schema12.properties.data.required, parentSchema: schema12.properties.data, data: data9 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        for (const key1 in data9) {
          if (!(key1 === "train" || key1 === "holdout")) {
            const err23 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.data, data: data9 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data9.train !== void 0) {
          let data10 = data9.train;
          const _errs24 = errors;
          let valid9 = false;
          let passing0 = null;
          const _errs25 = errors;
          if (typeof data10 === "string") {
            if (func3(data10) < 1) {
              const err24 = { instancePath: instancePath + "/data/train", schemaPath: "#/definitions/paths/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[0], data: data10 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/data/train", schemaPath: "#/definitions/paths/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[0].type, parentSchema: schema13.oneOf[0], data: data10 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          var _valid0 = _errs25 === errors;
          if (_valid0) {
            valid9 = true;
            passing0 = 0;
          }
          const _errs27 = errors;
          if (Array.isArray(data10)) {
            const len2 = data10.length;
            for (let i4 = 0; i4 < len2; i4++) {
              let data11 = data10[i4];
              if (typeof data11 === "string") {
                if (func3(data11) < 1) {
                  const err26 = { instancePath: instancePath + "/data/train/" + i4, schemaPath: "#/definitions/paths/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[1].items, data: data11 };
                  if (vErrors === null) {
                    vErrors = [err26];
                  } else {
                    vErrors.push(err26);
                  }
                  errors++;
                }
              } else {
                const err27 = { instancePath: instancePath + "/data/train/" + i4, schemaPath: "#/definitions/paths/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[1].items.type, parentSchema: schema13.oneOf[1].items, data: data11 };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
          } else {
            const err28 = { instancePath: instancePath + "/data/train", schemaPath: "#/definitions/paths/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.oneOf[1].type, parentSchema: schema13.oneOf[1], data: data10 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          var _valid0 = _errs27 === errors;
          if (_valid0 && valid9) {
            valid9 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid9 = true;
              passing0 = 1;
            }
          }
          if (!valid9) {
            const err29 = { instancePath: instancePath + "/data/train", schemaPath: "#/definitions/paths/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema13.oneOf, parentSchema: schema13, data: data10 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          } else {
            errors = _errs24;
            if (vErrors !== null) {
              if (_errs24) {
                vErrors.length = _errs24;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data9.holdout !== void 0) {
          let data12 = data9.holdout;
          const _errs33 = errors;
          let valid13 = false;
          let passing1 = null;
          const _errs34 = errors;
          if (typeof data12 === "string") {
            if (func3(data12) < 1) {
              const err30 = { instancePath: instancePath + "/data/holdout", schemaPath: "#/definitions/paths/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[0], data: data12 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          } else {
            const err31 = { instancePath: instancePath + "/data/holdout", schemaPath: "#/definitions/paths/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[0].type, parentSchema: schema13.oneOf[0], data: data12 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          var _valid1 = _errs34 === errors;
          if (_valid1) {
            valid13 = true;
            passing1 = 0;
          }
          const _errs36 = errors;
          if (Array.isArray(data12)) {
            const len3 = data12.length;
            for (let i5 = 0; i5 < len3; i5++) {
              let data13 = data12[i5];
              if (typeof data13 === "string") {
                if (func3(data13) < 1) {
                  const err32 = { instancePath: instancePath + "/data/holdout/" + i5, schemaPath: "#/definitions/paths/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[1].items, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/data/holdout/" + i5, schemaPath: "#/definitions/paths/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[1].items.type, parentSchema: schema13.oneOf[1].items, data: data13 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
          } else {
            const err34 = { instancePath: instancePath + "/data/holdout", schemaPath: "#/definitions/paths/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.oneOf[1].type, parentSchema: schema13.oneOf[1], data: data12 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
          var _valid1 = _errs36 === errors;
          if (_valid1 && valid13) {
            valid13 = false;
            passing1 = [passing1, 1];
          } else {
            if (_valid1) {
              valid13 = true;
              passing1 = 1;
            }
          }
          if (!valid13) {
            const err35 = { instancePath: instancePath + "/data/holdout", schemaPath: "#/definitions/paths/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf", schema: schema13.oneOf, parentSchema: schema13, data: data12 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          } else {
            errors = _errs33;
            if (vErrors !== null) {
              if (_errs33) {
                vErrors.length = _errs33;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err36 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.data.type, parentSchema: schema12.properties.data, data: data9 };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    let data14 = data.code;
    const _errs42 = errors;
    let valid17 = false;
    let passing2 = null;
    const _errs43 = errors;
    if (typeof data14 === "string") {
      if (func3(data14) < 1) {
        const err37 = { instancePath: instancePath + "/code", schemaPath: "#/definitions/paths/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[0], data: data14 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    } else {
      const err38 = { instancePath: instancePath + "/code", schemaPath: "#/definitions/paths/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[0].type, parentSchema: schema13.oneOf[0], data: data14 };
      if (vErrors === null) {
        vErrors = [err38];
      } else {
        vErrors.push(err38);
      }
      errors++;
    }
    var _valid2 = _errs43 === errors;
    if (_valid2) {
      valid17 = true;
      passing2 = 0;
    }
    const _errs45 = errors;
    if (Array.isArray(data14)) {
      const len4 = data14.length;
      for (let i6 = 0; i6 < len4; i6++) {
        let data15 = data14[i6];
        if (typeof data15 === "string") {
          if (func3(data15) < 1) {
            const err39 = { instancePath: instancePath + "/code/" + i6, schemaPath: "#/definitions/paths/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[1].items, data: data15 };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        } else {
          const err40 = { instancePath: instancePath + "/code/" + i6, schemaPath: "#/definitions/paths/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[1].items.type, parentSchema: schema13.oneOf[1].items, data: data15 };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      }
    } else {
      const err41 = { instancePath: instancePath + "/code", schemaPath: "#/definitions/paths/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.oneOf[1].type, parentSchema: schema13.oneOf[1], data: data14 };
      if (vErrors === null) {
        vErrors = [err41];
      } else {
        vErrors.push(err41);
      }
      errors++;
    }
    var _valid2 = _errs45 === errors;
    if (_valid2 && valid17) {
      valid17 = false;
      passing2 = [passing2, 1];
    } else {
      if (_valid2) {
        valid17 = true;
        passing2 = 1;
      }
    }
    if (!valid17) {
      const err42 = { instancePath: instancePath + "/code", schemaPath: "#/definitions/paths/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf", schema: schema13.oneOf, parentSchema: schema13, data: data14 };
      if (vErrors === null) {
        vErrors = [err42];
      } else {
        vErrors.push(err42);
      }
      errors++;
    } else {
      errors = _errs42;
      if (vErrors !== null) {
        if (_errs42) {
          vErrors.length = _errs42;
        } else {
          vErrors = null;
        }
      }
    }
    let data16 = data.config;
    const _errs51 = errors;
    let valid21 = false;
    let passing3 = null;
    const _errs52 = errors;
    if (typeof data16 === "string") {
      if (func3(data16) < 1) {
        const err43 = { instancePath: instancePath + "/config", schemaPath: "#/definitions/paths/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[0], data: data16 };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    } else {
      const err44 = { instancePath: instancePath + "/config", schemaPath: "#/definitions/paths/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[0].type, parentSchema: schema13.oneOf[0], data: data16 };
      if (vErrors === null) {
        vErrors = [err44];
      } else {
        vErrors.push(err44);
      }
      errors++;
    }
    var _valid3 = _errs52 === errors;
    if (_valid3) {
      valid21 = true;
      passing3 = 0;
    }
    const _errs54 = errors;
    if (Array.isArray(data16)) {
      const len5 = data16.length;
      for (let i7 = 0; i7 < len5; i7++) {
        let data17 = data16[i7];
        if (typeof data17 === "string") {
          if (func3(data17) < 1) {
            const err45 = { instancePath: instancePath + "/config/" + i7, schemaPath: "#/definitions/paths/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.oneOf[1].items, data: data17 };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        } else {
          const err46 = { instancePath: instancePath + "/config/" + i7, schemaPath: "#/definitions/paths/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.oneOf[1].items.type, parentSchema: schema13.oneOf[1].items, data: data17 };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      }
    } else {
      const err47 = { instancePath: instancePath + "/config", schemaPath: "#/definitions/paths/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.oneOf[1].type, parentSchema: schema13.oneOf[1], data: data16 };
      if (vErrors === null) {
        vErrors = [err47];
      } else {
        vErrors.push(err47);
      }
      errors++;
    }
    var _valid3 = _errs54 === errors;
    if (_valid3 && valid21) {
      valid21 = false;
      passing3 = [passing3, 1];
    } else {
      if (_valid3) {
        valid21 = true;
        passing3 = 1;
      }
    }
    if (!valid21) {
      const err48 = { instancePath: instancePath + "/config", schemaPath: "#/definitions/paths/oneOf", keyword: "oneOf", params: { passingSchemas: passing3 }, message: "must match exactly one schema in oneOf", schema: schema13.oneOf, parentSchema: schema13, data: data16 };
      if (vErrors === null) {
        vErrors = [err48];
      } else {
        vErrors.push(err48);
      }
      errors++;
    } else {
      errors = _errs51;
      if (vErrors !== null) {
        if (_errs51) {
          vErrors.length = _errs51;
        } else {
          vErrors = null;
        }
      }
    }
    let data18 = data.evaluate;
    if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
      if (data18.min_improvement === void 0) {
        data18.min_improvement = 0;
      }
      if (data18.confidence === void 0) {
        data18.confidence = 0.95;
      }
      if (data18.resamples === void 0) {
        data18.resamples = 2e3;
      }
      if (data18.seed === void 0) {
        data18.seed = 20240601;
      }
      if (data18.threshold === void 0) {
        data18.threshold = 0.5;
      }
      if (data18.min_value === void 0) {
        data18.min_value = {};
      }
      if (data18.guardrails === void 0) {
        data18.guardrails = {};
      }
      if (data18.slices === void 0) {
        data18.slices = [];
      }
      if (data18.min_slice_size === void 0) {
        data18.min_slice_size = 200;
      }
      if (data18.slice_margin === void 0) {
        data18.slice_margin = 0.02;
      }
      for (const key2 in data18) {
        if (!func2.call(schema17.properties, key2)) {
          const err49 = { instancePath: instancePath + "/evaluate", schemaPath: "#/definitions/evaluate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data18 };
          if (vErrors === null) {
            vErrors = [err49];
          } else {
            vErrors.push(err49);
          }
          errors++;
        }
      }
      if (data18.metric !== void 0) {
        let data19 = data18.metric;
        if (!(data19 === "roc_auc" || data19 === "average_precision" || data19 === "log_loss" || data19 === "brier" || data19 === "accuracy" || data19 === "precision" || data19 === "recall" || data19 === "f1" || data19 === "ece" || data19 === "macro_f1" || data19 === "rmse" || data19 === "mae" || data19 === "r2")) {
          const err50 = { instancePath: instancePath + "/evaluate/metric", schemaPath: "#/definitions/evaluate/properties/metric/enum", keyword: "enum", params: { allowedValues: schema17.properties.metric.enum }, message: "must be equal to one of the allowed values", schema: schema17.properties.metric.enum, parentSchema: schema17.properties.metric, data: data19 };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
      }
      let data20 = data18.min_improvement;
      if (!(typeof data20 == "number")) {
        const err51 = { instancePath: instancePath + "/evaluate/min_improvement", schemaPath: "#/definitions/evaluate/properties/min_improvement/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.min_improvement.type, parentSchema: schema17.properties.min_improvement, data: data20 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
      let data21 = data18.confidence;
      if (typeof data21 == "number") {
        if (data21 >= 1 || isNaN(data21)) {
          const err52 = { instancePath: instancePath + "/evaluate/confidence", schemaPath: "#/definitions/evaluate/properties/confidence/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema17.properties.confidence, data: data21 };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        if (data21 <= 0.5 || isNaN(data21)) {
          const err53 = { instancePath: instancePath + "/evaluate/confidence", schemaPath: "#/definitions/evaluate/properties/confidence/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0.5 }, message: "must be > 0.5", schema: 0.5, parentSchema: schema17.properties.confidence, data: data21 };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
      } else {
        const err54 = { instancePath: instancePath + "/evaluate/confidence", schemaPath: "#/definitions/evaluate/properties/confidence/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.confidence.type, parentSchema: schema17.properties.confidence, data: data21 };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
      let data22 = data18.resamples;
      if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)))) {
        const err55 = { instancePath: instancePath + "/evaluate/resamples", schemaPath: "#/definitions/evaluate/properties/resamples/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.resamples.type, parentSchema: schema17.properties.resamples, data: data22 };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
      if (typeof data22 == "number") {
        if (data22 < 200 || isNaN(data22)) {
          const err56 = { instancePath: instancePath + "/evaluate/resamples", schemaPath: "#/definitions/evaluate/properties/resamples/minimum", keyword: "minimum", params: { comparison: ">=", limit: 200 }, message: "must be >= 200", schema: 200, parentSchema: schema17.properties.resamples, data: data22 };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
      }
      let data23 = data18.seed;
      if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)))) {
        const err57 = { instancePath: instancePath + "/evaluate/seed", schemaPath: "#/definitions/evaluate/properties/seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.seed.type, parentSchema: schema17.properties.seed, data: data23 };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
      if (typeof data23 == "number") {
        if (data23 < 0 || isNaN(data23)) {
          const err58 = { instancePath: instancePath + "/evaluate/seed", schemaPath: "#/definitions/evaluate/properties/seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.seed, data: data23 };
          if (vErrors === null) {
            vErrors = [err58];
          } else {
            vErrors.push(err58);
          }
          errors++;
        }
      }
      let data24 = data18.threshold;
      if (typeof data24 == "number") {
        if (data24 > 1 || isNaN(data24)) {
          const err59 = { instancePath: instancePath + "/evaluate/threshold", schemaPath: "#/definitions/evaluate/properties/threshold/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema17.properties.threshold, data: data24 };
          if (vErrors === null) {
            vErrors = [err59];
          } else {
            vErrors.push(err59);
          }
          errors++;
        }
        if (data24 < 0 || isNaN(data24)) {
          const err60 = { instancePath: instancePath + "/evaluate/threshold", schemaPath: "#/definitions/evaluate/properties/threshold/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.threshold, data: data24 };
          if (vErrors === null) {
            vErrors = [err60];
          } else {
            vErrors.push(err60);
          }
          errors++;
        }
      } else {
        const err61 = { instancePath: instancePath + "/evaluate/threshold", schemaPath: "#/definitions/evaluate/properties/threshold/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.threshold.type, parentSchema: schema17.properties.threshold, data: data24 };
        if (vErrors === null) {
          vErrors = [err61];
        } else {
          vErrors.push(err61);
        }
        errors++;
      }
      let data25 = data18.min_value;
      if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
        for (const key3 in data25) {
          let data26 = data25[key3];
          if (!(typeof data26 == "number")) {
            const err62 = { instancePath: instancePath + "/evaluate/min_value/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/evaluate/properties/min_value/additionalProperties/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.min_value.additionalProperties.type, parentSchema: schema17.properties.min_value.additionalProperties, data: data26 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
      } else {
        const err63 = { instancePath: instancePath + "/evaluate/min_value", schemaPath: "#/definitions/evaluate/properties/min_value/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.min_value.type, parentSchema: schema17.properties.min_value, data: data25 };
        if (vErrors === null) {
          vErrors = [err63];
        } else {
          vErrors.push(err63);
        }
        errors++;
      }
      let data27 = data18.guardrails;
      if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
        if (data27.latency_median_ratio === void 0) {
          data27.latency_median_ratio = 1.5;
        }
        if (data27.ece_margin === void 0) {
          data27.ece_margin = 0.02;
        }
        if (data27.brier_margin === void 0) {
          data27.brier_margin = 0.01;
        }
        if (data27.metrics === void 0) {
          data27.metrics = {};
        }
        for (const key4 in data27) {
          if (!(key4 === "latency_median_ratio" || key4 === "latency_p95_ratio" || key4 === "max_size_mb" || key4 === "max_size_ratio" || key4 === "ece_margin" || key4 === "brier_margin" || key4 === "metrics")) {
            const err64 = { instancePath: instancePath + "/evaluate/guardrails", schemaPath: "#/definitions/evaluate/properties/guardrails/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17.properties.guardrails, data: data27 };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
        }
        let data28 = data27.latency_median_ratio;
        if (typeof data28 == "number") {
          if (data28 <= 1 || isNaN(data28)) {
            const err65 = { instancePath: instancePath + "/evaluate/guardrails/latency_median_ratio", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/latency_median_ratio/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 1 }, message: "must be > 1", schema: 1, parentSchema: schema17.properties.guardrails.properties.latency_median_ratio, data: data28 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        } else {
          const err66 = { instancePath: instancePath + "/evaluate/guardrails/latency_median_ratio", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/latency_median_ratio/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.latency_median_ratio.type, parentSchema: schema17.properties.guardrails.properties.latency_median_ratio, data: data28 };
          if (vErrors === null) {
            vErrors = [err66];
          } else {
            vErrors.push(err66);
          }
          errors++;
        }
        if (data27.latency_p95_ratio !== void 0) {
          let data29 = data27.latency_p95_ratio;
          if (typeof data29 == "number") {
            if (data29 <= 1 || isNaN(data29)) {
              const err67 = { instancePath: instancePath + "/evaluate/guardrails/latency_p95_ratio", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/latency_p95_ratio/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 1 }, message: "must be > 1", schema: 1, parentSchema: schema17.properties.guardrails.properties.latency_p95_ratio, data: data29 };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          } else {
            const err68 = { instancePath: instancePath + "/evaluate/guardrails/latency_p95_ratio", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/latency_p95_ratio/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.latency_p95_ratio.type, parentSchema: schema17.properties.guardrails.properties.latency_p95_ratio, data: data29 };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
        if (data27.max_size_mb !== void 0) {
          let data30 = data27.max_size_mb;
          if (typeof data30 == "number") {
            if (data30 <= 0 || isNaN(data30)) {
              const err69 = { instancePath: instancePath + "/evaluate/guardrails/max_size_mb", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/max_size_mb/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema17.properties.guardrails.properties.max_size_mb, data: data30 };
              if (vErrors === null) {
                vErrors = [err69];
              } else {
                vErrors.push(err69);
              }
              errors++;
            }
          } else {
            const err70 = { instancePath: instancePath + "/evaluate/guardrails/max_size_mb", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/max_size_mb/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.max_size_mb.type, parentSchema: schema17.properties.guardrails.properties.max_size_mb, data: data30 };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
        }
        if (data27.max_size_ratio !== void 0) {
          let data31 = data27.max_size_ratio;
          if (typeof data31 == "number") {
            if (data31 <= 0 || isNaN(data31)) {
              const err71 = { instancePath: instancePath + "/evaluate/guardrails/max_size_ratio", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/max_size_ratio/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema17.properties.guardrails.properties.max_size_ratio, data: data31 };
              if (vErrors === null) {
                vErrors = [err71];
              } else {
                vErrors.push(err71);
              }
              errors++;
            }
          } else {
            const err72 = { instancePath: instancePath + "/evaluate/guardrails/max_size_ratio", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/max_size_ratio/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.max_size_ratio.type, parentSchema: schema17.properties.guardrails.properties.max_size_ratio, data: data31 };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
        let data32 = data27.ece_margin;
        if (typeof data32 == "number") {
          if (data32 < 0 || isNaN(data32)) {
            const err73 = { instancePath: instancePath + "/evaluate/guardrails/ece_margin", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/ece_margin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.guardrails.properties.ece_margin, data: data32 };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
        } else {
          const err74 = { instancePath: instancePath + "/evaluate/guardrails/ece_margin", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/ece_margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.ece_margin.type, parentSchema: schema17.properties.guardrails.properties.ece_margin, data: data32 };
          if (vErrors === null) {
            vErrors = [err74];
          } else {
            vErrors.push(err74);
          }
          errors++;
        }
        let data33 = data27.brier_margin;
        if (typeof data33 == "number") {
          if (data33 < 0 || isNaN(data33)) {
            const err75 = { instancePath: instancePath + "/evaluate/guardrails/brier_margin", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/brier_margin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.guardrails.properties.brier_margin, data: data33 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        } else {
          const err76 = { instancePath: instancePath + "/evaluate/guardrails/brier_margin", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/brier_margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.brier_margin.type, parentSchema: schema17.properties.guardrails.properties.brier_margin, data: data33 };
          if (vErrors === null) {
            vErrors = [err76];
          } else {
            vErrors.push(err76);
          }
          errors++;
        }
        let data34 = data27.metrics;
        if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
          for (const key5 in data34) {
            let data35 = data34[key5];
            if (typeof data35 == "number") {
              if (data35 < 0 || isNaN(data35)) {
                const err77 = { instancePath: instancePath + "/evaluate/guardrails/metrics/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/evaluate/properties/guardrails/properties/metrics/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.guardrails.properties.metrics.additionalProperties, data: data35 };
                if (vErrors === null) {
                  vErrors = [err77];
                } else {
                  vErrors.push(err77);
                }
                errors++;
              }
            } else {
              const err78 = { instancePath: instancePath + "/evaluate/guardrails/metrics/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/evaluate/properties/guardrails/properties/metrics/additionalProperties/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.guardrails.properties.metrics.additionalProperties.type, parentSchema: schema17.properties.guardrails.properties.metrics.additionalProperties, data: data35 };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
          }
        } else {
          const err79 = { instancePath: instancePath + "/evaluate/guardrails/metrics", schemaPath: "#/definitions/evaluate/properties/guardrails/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.guardrails.properties.metrics.type, parentSchema: schema17.properties.guardrails.properties.metrics, data: data34 };
          if (vErrors === null) {
            vErrors = [err79];
          } else {
            vErrors.push(err79);
          }
          errors++;
        }
      } else {
        const err80 = { instancePath: instancePath + "/evaluate/guardrails", schemaPath: "#/definitions/evaluate/properties/guardrails/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.guardrails.type, parentSchema: schema17.properties.guardrails, data: data27 };
        if (vErrors === null) {
          vErrors = [err80];
        } else {
          vErrors.push(err80);
        }
        errors++;
      }
      let data36 = data18.slices;
      if (Array.isArray(data36)) {
        const len6 = data36.length;
        for (let i8 = 0; i8 < len6; i8++) {
          let data37 = data36[i8];
          if (typeof data37 === "string") {
            if (func3(data37) < 1) {
              const err81 = { instancePath: instancePath + "/evaluate/slices/" + i8, schemaPath: "#/definitions/evaluate/properties/slices/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.slices.items, data: data37 };
              if (vErrors === null) {
                vErrors = [err81];
              } else {
                vErrors.push(err81);
              }
              errors++;
            }
          } else {
            const err82 = { instancePath: instancePath + "/evaluate/slices/" + i8, schemaPath: "#/definitions/evaluate/properties/slices/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.slices.items.type, parentSchema: schema17.properties.slices.items, data: data37 };
            if (vErrors === null) {
              vErrors = [err82];
            } else {
              vErrors.push(err82);
            }
            errors++;
          }
        }
      } else {
        const err83 = { instancePath: instancePath + "/evaluate/slices", schemaPath: "#/definitions/evaluate/properties/slices/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema17.properties.slices.type, parentSchema: schema17.properties.slices, data: data36 };
        if (vErrors === null) {
          vErrors = [err83];
        } else {
          vErrors.push(err83);
        }
        errors++;
      }
      let data38 = data18.min_slice_size;
      if (!(typeof data38 == "number" && (!(data38 % 1) && !isNaN(data38)))) {
        const err84 = { instancePath: instancePath + "/evaluate/min_slice_size", schemaPath: "#/definitions/evaluate/properties/min_slice_size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.min_slice_size.type, parentSchema: schema17.properties.min_slice_size, data: data38 };
        if (vErrors === null) {
          vErrors = [err84];
        } else {
          vErrors.push(err84);
        }
        errors++;
      }
      if (typeof data38 == "number") {
        if (data38 < 1 || isNaN(data38)) {
          const err85 = { instancePath: instancePath + "/evaluate/min_slice_size", schemaPath: "#/definitions/evaluate/properties/min_slice_size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema17.properties.min_slice_size, data: data38 };
          if (vErrors === null) {
            vErrors = [err85];
          } else {
            vErrors.push(err85);
          }
          errors++;
        }
      }
      let data39 = data18.slice_margin;
      if (typeof data39 == "number") {
        if (data39 < 0 || isNaN(data39)) {
          const err86 = { instancePath: instancePath + "/evaluate/slice_margin", schemaPath: "#/definitions/evaluate/properties/slice_margin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.slice_margin, data: data39 };
          if (vErrors === null) {
            vErrors = [err86];
          } else {
            vErrors.push(err86);
          }
          errors++;
        }
      } else {
        const err87 = { instancePath: instancePath + "/evaluate/slice_margin", schemaPath: "#/definitions/evaluate/properties/slice_margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema17.properties.slice_margin.type, parentSchema: schema17.properties.slice_margin, data: data39 };
        if (vErrors === null) {
          vErrors = [err87];
        } else {
          vErrors.push(err87);
        }
        errors++;
      }
    } else {
      const err88 = { instancePath: instancePath + "/evaluate", schemaPath: "#/definitions/evaluate/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data18 };
      if (vErrors === null) {
        vErrors = [err88];
      } else {
        vErrors.push(err88);
      }
      errors++;
    }
    if (!validate12(data.drift, { instancePath: instancePath + "/drift", parentData: data, parentDataProperty: "drift", rootData })) {
      vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
      errors = vErrors.length;
    }
    let data41 = data.reproduce;
    if (data41 && typeof data41 == "object" && !Array.isArray(data41)) {
      if (data41.tolerance === void 0) {
        data41.tolerance = 1e-3;
      }
      if (data41.timeout_minutes === void 0) {
        data41.timeout_minutes = 60;
      }
      for (const key6 in data41) {
        if (!(key6 === "tolerance" || key6 === "timeout_minutes")) {
          const err89 = { instancePath: instancePath + "/reproduce", schemaPath: "#/properties/reproduce/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.reproduce, data: data41 };
          if (vErrors === null) {
            vErrors = [err89];
          } else {
            vErrors.push(err89);
          }
          errors++;
        }
      }
      let data42 = data41.tolerance;
      if (typeof data42 == "number") {
        if (data42 < 0 || isNaN(data42)) {
          const err90 = { instancePath: instancePath + "/reproduce/tolerance", schemaPath: "#/properties/reproduce/properties/tolerance/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema12.properties.reproduce.properties.tolerance, data: data42 };
          if (vErrors === null) {
            vErrors = [err90];
          } else {
            vErrors.push(err90);
          }
          errors++;
        }
      } else {
        const err91 = { instancePath: instancePath + "/reproduce/tolerance", schemaPath: "#/properties/reproduce/properties/tolerance/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema12.properties.reproduce.properties.tolerance.type, parentSchema: schema12.properties.reproduce.properties.tolerance, data: data42 };
        if (vErrors === null) {
          vErrors = [err91];
        } else {
          vErrors.push(err91);
        }
        errors++;
      }
      let data43 = data41.timeout_minutes;
      if (typeof data43 == "number") {
        if (data43 <= 0 || isNaN(data43)) {
          const err92 = { instancePath: instancePath + "/reproduce/timeout_minutes", schemaPath: "#/properties/reproduce/properties/timeout_minutes/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema12.properties.reproduce.properties.timeout_minutes, data: data43 };
          if (vErrors === null) {
            vErrors = [err92];
          } else {
            vErrors.push(err92);
          }
          errors++;
        }
      } else {
        const err93 = { instancePath: instancePath + "/reproduce/timeout_minutes", schemaPath: "#/properties/reproduce/properties/timeout_minutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema12.properties.reproduce.properties.timeout_minutes.type, parentSchema: schema12.properties.reproduce.properties.timeout_minutes, data: data43 };
        if (vErrors === null) {
          vErrors = [err93];
        } else {
          vErrors.push(err93);
        }
        errors++;
      }
    } else {
      const err94 = { instancePath: instancePath + "/reproduce", schemaPath: "#/properties/reproduce/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.reproduce.type, parentSchema: schema12.properties.reproduce, data: data41 };
      if (vErrors === null) {
        vErrors = [err94];
      } else {
        vErrors.push(err94);
      }
      errors++;
    }
    let data44 = data.rollout;
    if (data44 && typeof data44 == "object" && !Array.isArray(data44)) {
      if (data44.steps === void 0) {
        data44.steps = ["shadow", 5, 25, 50, 100];
      }
      if (data44.min_requests === void 0) {
        data44.min_requests = 500;
      }
      if (data44.min_minutes === void 0) {
        data44.min_minutes = 5;
      }
      if (data44.alpha === void 0) {
        data44.alpha = 0.01;
      }
      if (data44.error_rate_margin === void 0) {
        data44.error_rate_margin = 5e-3;
      }
      if (data44.latency_median_ratio === void 0) {
        data44.latency_median_ratio = 1.5;
      }
      if (data44.prediction_ks === void 0) {
        data44.prediction_ks = 0.1;
      }
      if (data44.quality_margin === void 0) {
        data44.quality_margin = 0.02;
      }
      for (const key7 in data44) {
        if (!(key7 === "steps" || key7 === "min_requests" || key7 === "min_minutes" || key7 === "alpha" || key7 === "error_rate_margin" || key7 === "latency_median_ratio" || key7 === "prediction_ks" || key7 === "quality_margin")) {
          const err95 = { instancePath: instancePath + "/rollout", schemaPath: "#/definitions/rollout/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20, data: data44 };
          if (vErrors === null) {
            vErrors = [err95];
          } else {
            vErrors.push(err95);
          }
          errors++;
        }
      }
      let data45 = data44.steps;
      if (Array.isArray(data45)) {
        if (data45.length < 1) {
          const err96 = { instancePath: instancePath + "/rollout/steps", schemaPath: "#/definitions/rollout/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema20.properties.steps, data: data45 };
          if (vErrors === null) {
            vErrors = [err96];
          } else {
            vErrors.push(err96);
          }
          errors++;
        }
        const len7 = data45.length;
        for (let i9 = 0; i9 < len7; i9++) {
          let data46 = data45[i9];
          const _errs121 = errors;
          let valid36 = false;
          let passing4 = null;
          const _errs122 = errors;
          if ("shadow" !== data46) {
            const err97 = { instancePath: instancePath + "/rollout/steps/" + i9, schemaPath: "#/definitions/rollout/properties/steps/items/oneOf/0/const", keyword: "const", params: { allowedValue: "shadow" }, message: "must be equal to constant", schema: "shadow", parentSchema: schema20.properties.steps.items.oneOf[0], data: data46 };
            if (vErrors === null) {
              vErrors = [err97];
            } else {
              vErrors.push(err97);
            }
            errors++;
          }
          var _valid4 = _errs122 === errors;
          if (_valid4) {
            valid36 = true;
            passing4 = 0;
          }
          const _errs123 = errors;
          if (typeof data46 == "number") {
            if (data46 > 100 || isNaN(data46)) {
              const err98 = { instancePath: instancePath + "/rollout/steps/" + i9, schemaPath: "#/definitions/rollout/properties/steps/items/oneOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema20.properties.steps.items.oneOf[1], data: data46 };
              if (vErrors === null) {
                vErrors = [err98];
              } else {
                vErrors.push(err98);
              }
              errors++;
            }
            if (data46 <= 0 || isNaN(data46)) {
              const err99 = { instancePath: instancePath + "/rollout/steps/" + i9, schemaPath: "#/definitions/rollout/properties/steps/items/oneOf/1/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema20.properties.steps.items.oneOf[1], data: data46 };
              if (vErrors === null) {
                vErrors = [err99];
              } else {
                vErrors.push(err99);
              }
              errors++;
            }
          } else {
            const err100 = { instancePath: instancePath + "/rollout/steps/" + i9, schemaPath: "#/definitions/rollout/properties/steps/items/oneOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.steps.items.oneOf[1].type, parentSchema: schema20.properties.steps.items.oneOf[1], data: data46 };
            if (vErrors === null) {
              vErrors = [err100];
            } else {
              vErrors.push(err100);
            }
            errors++;
          }
          var _valid4 = _errs123 === errors;
          if (_valid4 && valid36) {
            valid36 = false;
            passing4 = [passing4, 1];
          } else {
            if (_valid4) {
              valid36 = true;
              passing4 = 1;
            }
          }
          if (!valid36) {
            const err101 = { instancePath: instancePath + "/rollout/steps/" + i9, schemaPath: "#/definitions/rollout/properties/steps/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing4 }, message: "must match exactly one schema in oneOf", schema: schema20.properties.steps.items.oneOf, parentSchema: schema20.properties.steps.items, data: data46 };
            if (vErrors === null) {
              vErrors = [err101];
            } else {
              vErrors.push(err101);
            }
            errors++;
          } else {
            errors = _errs121;
            if (vErrors !== null) {
              if (_errs121) {
                vErrors.length = _errs121;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err102 = { instancePath: instancePath + "/rollout/steps", schemaPath: "#/definitions/rollout/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.steps.type, parentSchema: schema20.properties.steps, data: data45 };
        if (vErrors === null) {
          vErrors = [err102];
        } else {
          vErrors.push(err102);
        }
        errors++;
      }
      let data47 = data44.min_requests;
      if (!(typeof data47 == "number" && (!(data47 % 1) && !isNaN(data47)))) {
        const err103 = { instancePath: instancePath + "/rollout/min_requests", schemaPath: "#/definitions/rollout/properties/min_requests/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema20.properties.min_requests.type, parentSchema: schema20.properties.min_requests, data: data47 };
        if (vErrors === null) {
          vErrors = [err103];
        } else {
          vErrors.push(err103);
        }
        errors++;
      }
      if (typeof data47 == "number") {
        if (data47 < 1 || isNaN(data47)) {
          const err104 = { instancePath: instancePath + "/rollout/min_requests", schemaPath: "#/definitions/rollout/properties/min_requests/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema20.properties.min_requests, data: data47 };
          if (vErrors === null) {
            vErrors = [err104];
          } else {
            vErrors.push(err104);
          }
          errors++;
        }
      }
      let data48 = data44.min_minutes;
      if (typeof data48 == "number") {
        if (data48 < 0 || isNaN(data48)) {
          const err105 = { instancePath: instancePath + "/rollout/min_minutes", schemaPath: "#/definitions/rollout/properties/min_minutes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema20.properties.min_minutes, data: data48 };
          if (vErrors === null) {
            vErrors = [err105];
          } else {
            vErrors.push(err105);
          }
          errors++;
        }
      } else {
        const err106 = { instancePath: instancePath + "/rollout/min_minutes", schemaPath: "#/definitions/rollout/properties/min_minutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.min_minutes.type, parentSchema: schema20.properties.min_minutes, data: data48 };
        if (vErrors === null) {
          vErrors = [err106];
        } else {
          vErrors.push(err106);
        }
        errors++;
      }
      let data49 = data44.alpha;
      if (typeof data49 == "number") {
        if (data49 > 0.5 || isNaN(data49)) {
          const err107 = { instancePath: instancePath + "/rollout/alpha", schemaPath: "#/definitions/rollout/properties/alpha/maximum", keyword: "maximum", params: { comparison: "<=", limit: 0.5 }, message: "must be <= 0.5", schema: 0.5, parentSchema: schema20.properties.alpha, data: data49 };
          if (vErrors === null) {
            vErrors = [err107];
          } else {
            vErrors.push(err107);
          }
          errors++;
        }
        if (data49 <= 0 || isNaN(data49)) {
          const err108 = { instancePath: instancePath + "/rollout/alpha", schemaPath: "#/definitions/rollout/properties/alpha/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema20.properties.alpha, data: data49 };
          if (vErrors === null) {
            vErrors = [err108];
          } else {
            vErrors.push(err108);
          }
          errors++;
        }
      } else {
        const err109 = { instancePath: instancePath + "/rollout/alpha", schemaPath: "#/definitions/rollout/properties/alpha/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.alpha.type, parentSchema: schema20.properties.alpha, data: data49 };
        if (vErrors === null) {
          vErrors = [err109];
        } else {
          vErrors.push(err109);
        }
        errors++;
      }
      let data50 = data44.error_rate_margin;
      if (typeof data50 == "number") {
        if (data50 < 0 || isNaN(data50)) {
          const err110 = { instancePath: instancePath + "/rollout/error_rate_margin", schemaPath: "#/definitions/rollout/properties/error_rate_margin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema20.properties.error_rate_margin, data: data50 };
          if (vErrors === null) {
            vErrors = [err110];
          } else {
            vErrors.push(err110);
          }
          errors++;
        }
      } else {
        const err111 = { instancePath: instancePath + "/rollout/error_rate_margin", schemaPath: "#/definitions/rollout/properties/error_rate_margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.error_rate_margin.type, parentSchema: schema20.properties.error_rate_margin, data: data50 };
        if (vErrors === null) {
          vErrors = [err111];
        } else {
          vErrors.push(err111);
        }
        errors++;
      }
      let data51 = data44.latency_median_ratio;
      if (typeof data51 == "number") {
        if (data51 <= 1 || isNaN(data51)) {
          const err112 = { instancePath: instancePath + "/rollout/latency_median_ratio", schemaPath: "#/definitions/rollout/properties/latency_median_ratio/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 1 }, message: "must be > 1", schema: 1, parentSchema: schema20.properties.latency_median_ratio, data: data51 };
          if (vErrors === null) {
            vErrors = [err112];
          } else {
            vErrors.push(err112);
          }
          errors++;
        }
      } else {
        const err113 = { instancePath: instancePath + "/rollout/latency_median_ratio", schemaPath: "#/definitions/rollout/properties/latency_median_ratio/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.latency_median_ratio.type, parentSchema: schema20.properties.latency_median_ratio, data: data51 };
        if (vErrors === null) {
          vErrors = [err113];
        } else {
          vErrors.push(err113);
        }
        errors++;
      }
      let data52 = data44.prediction_ks;
      if (typeof data52 == "number") {
        if (data52 > 1 || isNaN(data52)) {
          const err114 = { instancePath: instancePath + "/rollout/prediction_ks", schemaPath: "#/definitions/rollout/properties/prediction_ks/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema20.properties.prediction_ks, data: data52 };
          if (vErrors === null) {
            vErrors = [err114];
          } else {
            vErrors.push(err114);
          }
          errors++;
        }
        if (data52 <= 0 || isNaN(data52)) {
          const err115 = { instancePath: instancePath + "/rollout/prediction_ks", schemaPath: "#/definitions/rollout/properties/prediction_ks/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema20.properties.prediction_ks, data: data52 };
          if (vErrors === null) {
            vErrors = [err115];
          } else {
            vErrors.push(err115);
          }
          errors++;
        }
      } else {
        const err116 = { instancePath: instancePath + "/rollout/prediction_ks", schemaPath: "#/definitions/rollout/properties/prediction_ks/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.prediction_ks.type, parentSchema: schema20.properties.prediction_ks, data: data52 };
        if (vErrors === null) {
          vErrors = [err116];
        } else {
          vErrors.push(err116);
        }
        errors++;
      }
      let data53 = data44.quality_margin;
      if (typeof data53 == "number") {
        if (data53 < 0 || isNaN(data53)) {
          const err117 = { instancePath: instancePath + "/rollout/quality_margin", schemaPath: "#/definitions/rollout/properties/quality_margin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema20.properties.quality_margin, data: data53 };
          if (vErrors === null) {
            vErrors = [err117];
          } else {
            vErrors.push(err117);
          }
          errors++;
        }
      } else {
        const err118 = { instancePath: instancePath + "/rollout/quality_margin", schemaPath: "#/definitions/rollout/properties/quality_margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema20.properties.quality_margin.type, parentSchema: schema20.properties.quality_margin, data: data53 };
        if (vErrors === null) {
          vErrors = [err118];
        } else {
          vErrors.push(err118);
        }
        errors++;
      }
    } else {
      const err119 = { instancePath: instancePath + "/rollout", schemaPath: "#/definitions/rollout/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.type, parentSchema: schema20, data: data44 };
      if (vErrors === null) {
        vErrors = [err119];
      } else {
        vErrors.push(err119);
      }
      errors++;
    }
  } else {
    const err120 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err120];
    } else {
      vErrors.push(err120);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.models === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "models" }, message: "must have required property 'models'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "models" || key0 === "serve")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.models !== void 0) {
      let data0 = data.models;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (Object.keys(data0).length < 1) {
          const err2 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema11.properties.models, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        for (const key1 in data0) {
          const _errs4 = errors;
          if (typeof key1 === "string") {
            if (!pattern0.test(key1)) {
              const err3 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/propertyNames/pattern", keyword: "pattern", params: { pattern: "^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9\xB9\xB2\xB3]|[Ll][Pp][Tt][0-9\xB9\xB2\xB3])(?:\\.|$))(?!.*\\.\\.)(?!.*\\.$)(?!.*\\.[Ll][Oo][Cc][Kk]$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9\xB9\xB2\xB3]|[Ll][Pp][Tt][0-9\xB9\xB2\xB3])(?:\\.|$))(?!.*\\.\\.)(?!.*\\.$)(?!.*\\.[Ll][Oo][Cc][Kk]$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"', schema: "^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9\xB9\xB2\xB3]|[Ll][Pp][Tt][0-9\xB9\xB2\xB3])(?:\\.|$))(?!.*\\.\\.)(?!.*\\.$)(?!.*\\.[Ll][Oo][Cc][Kk]$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", parentSchema: schema11.properties.models.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
          var valid1 = _errs4 === errors;
          if (!valid1) {
            const err4 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema11.properties.models.propertyNames, parentSchema: schema11.properties.models, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        for (const key2 in data0) {
          if (!validate11(data0[key2], { instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data0, parentDataProperty: key2, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.models.type, parentSchema: schema11.properties.models, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.serve !== void 0) {
      let data2 = data.serve;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.host === void 0) {
          data2.host = "127.0.0.1";
        }
        if (data2.port === void 0) {
          data2.port = 8080;
        }
        if (data2.max_body_mb === void 0) {
          data2.max_body_mb = 8;
        }
        if (data2.max_rows === void 0) {
          data2.max_rows = 1e4;
        }
        if (data2.timeout_ms === void 0) {
          data2.timeout_ms = 5e3;
        }
        if (data2.concurrency === void 0) {
          data2.concurrency = 2;
        }
        if (data2.max_queue === void 0) {
          data2.max_queue = 64;
        }
        if (data2.retry_after_seconds === void 0) {
          data2.retry_after_seconds = 1;
        }
        if (data2.grace_seconds === void 0) {
          data2.grace_seconds = 30;
        }
        if (data2.poll_seconds === void 0) {
          data2.poll_seconds = 30;
        }
        for (const key3 in data2) {
          if (!func2.call(schema11.properties.serve.properties, key3)) {
            const err6 = { instancePath: instancePath + "/serve", schemaPath: "#/properties/serve/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.serve, data: data2 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        let data3 = data2.host;
        if (typeof data3 !== "string") {
          const err7 = { instancePath: instancePath + "/serve/host", schemaPath: "#/properties/serve/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.serve.properties.host.type, parentSchema: schema11.properties.serve.properties.host, data: data3 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        let data4 = data2.port;
        if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)))) {
          const err8 = { instancePath: instancePath + "/serve/port", schemaPath: "#/properties/serve/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.port.type, parentSchema: schema11.properties.serve.properties.port, data: data4 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (typeof data4 == "number") {
          if (data4 > 65535 || isNaN(data4)) {
            const err9 = { instancePath: instancePath + "/serve/port", schemaPath: "#/properties/serve/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema11.properties.serve.properties.port, data: data4 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          if (data4 < 0 || isNaN(data4)) {
            const err10 = { instancePath: instancePath + "/serve/port", schemaPath: "#/properties/serve/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.serve.properties.port, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        let data5 = data2.max_body_mb;
        if (typeof data5 == "number") {
          if (data5 <= 0 || isNaN(data5)) {
            const err11 = { instancePath: instancePath + "/serve/max_body_mb", schemaPath: "#/properties/serve/properties/max_body_mb/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11.properties.serve.properties.max_body_mb, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        } else {
          const err12 = { instancePath: instancePath + "/serve/max_body_mb", schemaPath: "#/properties/serve/properties/max_body_mb/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.max_body_mb.type, parentSchema: schema11.properties.serve.properties.max_body_mb, data: data5 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        let data6 = data2.max_rows;
        if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)))) {
          const err13 = { instancePath: instancePath + "/serve/max_rows", schemaPath: "#/properties/serve/properties/max_rows/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.max_rows.type, parentSchema: schema11.properties.serve.properties.max_rows, data: data6 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (typeof data6 == "number") {
          if (data6 < 1 || isNaN(data6)) {
            const err14 = { instancePath: instancePath + "/serve/max_rows", schemaPath: "#/properties/serve/properties/max_rows/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.max_rows, data: data6 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        let data7 = data2.timeout_ms;
        if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)))) {
          const err15 = { instancePath: instancePath + "/serve/timeout_ms", schemaPath: "#/properties/serve/properties/timeout_ms/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.timeout_ms.type, parentSchema: schema11.properties.serve.properties.timeout_ms, data: data7 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (typeof data7 == "number") {
          if (data7 < 1 || isNaN(data7)) {
            const err16 = { instancePath: instancePath + "/serve/timeout_ms", schemaPath: "#/properties/serve/properties/timeout_ms/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.timeout_ms, data: data7 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        let data8 = data2.concurrency;
        if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)))) {
          const err17 = { instancePath: instancePath + "/serve/concurrency", schemaPath: "#/properties/serve/properties/concurrency/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.concurrency.type, parentSchema: schema11.properties.serve.properties.concurrency, data: data8 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (typeof data8 == "number") {
          if (data8 < 1 || isNaN(data8)) {
            const err18 = { instancePath: instancePath + "/serve/concurrency", schemaPath: "#/properties/serve/properties/concurrency/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.concurrency, data: data8 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        let data9 = data2.max_queue;
        if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)))) {
          const err19 = { instancePath: instancePath + "/serve/max_queue", schemaPath: "#/properties/serve/properties/max_queue/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.max_queue.type, parentSchema: schema11.properties.serve.properties.max_queue, data: data9 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (typeof data9 == "number") {
          if (data9 < 0 || isNaN(data9)) {
            const err20 = { instancePath: instancePath + "/serve/max_queue", schemaPath: "#/properties/serve/properties/max_queue/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.serve.properties.max_queue, data: data9 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        let data10 = data2.retry_after_seconds;
        if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)))) {
          const err21 = { instancePath: instancePath + "/serve/retry_after_seconds", schemaPath: "#/properties/serve/properties/retry_after_seconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.retry_after_seconds.type, parentSchema: schema11.properties.serve.properties.retry_after_seconds, data: data10 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (typeof data10 == "number") {
          if (data10 < 0 || isNaN(data10)) {
            const err22 = { instancePath: instancePath + "/serve/retry_after_seconds", schemaPath: "#/properties/serve/properties/retry_after_seconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.serve.properties.retry_after_seconds, data: data10 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        let data11 = data2.grace_seconds;
        if (typeof data11 == "number") {
          if (data11 < 0 || isNaN(data11)) {
            const err23 = { instancePath: instancePath + "/serve/grace_seconds", schemaPath: "#/properties/serve/properties/grace_seconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.serve.properties.grace_seconds, data: data11 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        } else {
          const err24 = { instancePath: instancePath + "/serve/grace_seconds", schemaPath: "#/properties/serve/properties/grace_seconds/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.grace_seconds.type, parentSchema: schema11.properties.serve.properties.grace_seconds, data: data11 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
        let data12 = data2.poll_seconds;
        if (typeof data12 == "number") {
          if (data12 < 0 || isNaN(data12)) {
            const err25 = { instancePath: instancePath + "/serve/poll_seconds", schemaPath: "#/properties/serve/properties/poll_seconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.serve.properties.poll_seconds, data: data12 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        } else {
          const err26 = { instancePath: instancePath + "/serve/poll_seconds", schemaPath: "#/properties/serve/properties/poll_seconds/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.poll_seconds.type, parentSchema: schema11.properties.serve.properties.poll_seconds, data: data12 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
        if (data2.log !== void 0) {
          let data13 = data2.log;
          if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
            if (data13.max_file_mb === void 0) {
              data13.max_file_mb = 64;
            }
            if (data13.max_file_minutes === void 0) {
              data13.max_file_minutes = 60;
            }
            if (data13.sample_rate === void 0) {
              data13.sample_rate = 1;
            }
            if (data13.queue_rows === void 0) {
              data13.queue_rows = 5e4;
            }
            for (const key4 in data13) {
              if (!(key4 === "dir" || key4 === "max_file_mb" || key4 === "max_file_minutes" || key4 === "sample_rate" || key4 === "queue_rows")) {
                const err27 = { instancePath: instancePath + "/serve/log", schemaPath: "#/properties/serve/properties/log/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.serve.properties.log, data: data13 };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data13.dir !== void 0) {
              let data14 = data13.dir;
              if (typeof data14 !== "string") {
                const err28 = { instancePath: instancePath + "/serve/log/dir", schemaPath: "#/properties/serve/properties/log/properties/dir/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.serve.properties.log.properties.dir.type, parentSchema: schema11.properties.serve.properties.log.properties.dir, data: data14 };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            let data15 = data13.max_file_mb;
            if (typeof data15 == "number") {
              if (data15 <= 0 || isNaN(data15)) {
                const err29 = { instancePath: instancePath + "/serve/log/max_file_mb", schemaPath: "#/properties/serve/properties/log/properties/max_file_mb/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11.properties.serve.properties.log.properties.max_file_mb, data: data15 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            } else {
              const err30 = { instancePath: instancePath + "/serve/log/max_file_mb", schemaPath: "#/properties/serve/properties/log/properties/max_file_mb/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.log.properties.max_file_mb.type, parentSchema: schema11.properties.serve.properties.log.properties.max_file_mb, data: data15 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
            let data16 = data13.max_file_minutes;
            if (typeof data16 == "number") {
              if (data16 <= 0 || isNaN(data16)) {
                const err31 = { instancePath: instancePath + "/serve/log/max_file_minutes", schemaPath: "#/properties/serve/properties/log/properties/max_file_minutes/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11.properties.serve.properties.log.properties.max_file_minutes, data: data16 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            } else {
              const err32 = { instancePath: instancePath + "/serve/log/max_file_minutes", schemaPath: "#/properties/serve/properties/log/properties/max_file_minutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.log.properties.max_file_minutes.type, parentSchema: schema11.properties.serve.properties.log.properties.max_file_minutes, data: data16 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
            let data17 = data13.sample_rate;
            if (typeof data17 == "number") {
              if (data17 > 1 || isNaN(data17)) {
                const err33 = { instancePath: instancePath + "/serve/log/sample_rate", schemaPath: "#/properties/serve/properties/log/properties/sample_rate/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema11.properties.serve.properties.log.properties.sample_rate, data: data17 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
              if (data17 < 0 || isNaN(data17)) {
                const err34 = { instancePath: instancePath + "/serve/log/sample_rate", schemaPath: "#/properties/serve/properties/log/properties/sample_rate/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.serve.properties.log.properties.sample_rate, data: data17 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            } else {
              const err35 = { instancePath: instancePath + "/serve/log/sample_rate", schemaPath: "#/properties/serve/properties/log/properties/sample_rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.log.properties.sample_rate.type, parentSchema: schema11.properties.serve.properties.log.properties.sample_rate, data: data17 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
            let data18 = data13.queue_rows;
            if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)))) {
              const err36 = { instancePath: instancePath + "/serve/log/queue_rows", schemaPath: "#/properties/serve/properties/log/properties/queue_rows/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.log.properties.queue_rows.type, parentSchema: schema11.properties.serve.properties.log.properties.queue_rows, data: data18 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
            if (typeof data18 == "number") {
              if (data18 < 1 || isNaN(data18)) {
                const err37 = { instancePath: instancePath + "/serve/log/queue_rows", schemaPath: "#/properties/serve/properties/log/properties/queue_rows/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.log.properties.queue_rows, data: data18 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
          } else {
            const err38 = { instancePath: instancePath + "/serve/log", schemaPath: "#/properties/serve/properties/log/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.serve.properties.log.type, parentSchema: schema11.properties.serve.properties.log, data: data13 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data2.profile !== void 0) {
          let data19 = data2.profile;
          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
            if (data19.window_minutes === void 0) {
              data19.window_minutes = 60;
            }
            if (data19.write_seconds === void 0) {
              data19.write_seconds = 60;
            }
            if (data19.max_values === void 0) {
              data19.max_values = 16384;
            }
            for (const key5 in data19) {
              if (!(key5 === "window_minutes" || key5 === "write_seconds" || key5 === "max_values")) {
                const err39 = { instancePath: instancePath + "/serve/profile", schemaPath: "#/properties/serve/properties/profile/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.serve.properties.profile, data: data19 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
            }
            let data20 = data19.window_minutes;
            if (typeof data20 == "number") {
              if (data20 > 10080 || isNaN(data20)) {
                const err40 = { instancePath: instancePath + "/serve/profile/window_minutes", schemaPath: "#/properties/serve/properties/profile/properties/window_minutes/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10080 }, message: "must be <= 10080", schema: 10080, parentSchema: schema11.properties.serve.properties.profile.properties.window_minutes, data: data20 };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
              if (data20 < 1 || isNaN(data20)) {
                const err41 = { instancePath: instancePath + "/serve/profile/window_minutes", schemaPath: "#/properties/serve/properties/profile/properties/window_minutes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.profile.properties.window_minutes, data: data20 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            } else {
              const err42 = { instancePath: instancePath + "/serve/profile/window_minutes", schemaPath: "#/properties/serve/properties/profile/properties/window_minutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.profile.properties.window_minutes.type, parentSchema: schema11.properties.serve.properties.profile.properties.window_minutes, data: data20 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            let data21 = data19.write_seconds;
            if (typeof data21 == "number") {
              if (data21 > 86400 || isNaN(data21)) {
                const err43 = { instancePath: instancePath + "/serve/profile/write_seconds", schemaPath: "#/properties/serve/properties/profile/properties/write_seconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema11.properties.serve.properties.profile.properties.write_seconds, data: data21 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              if (data21 < 0.01 || isNaN(data21)) {
                const err44 = { instancePath: instancePath + "/serve/profile/write_seconds", schemaPath: "#/properties/serve/properties/profile/properties/write_seconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0.01 }, message: "must be >= 0.01", schema: 0.01, parentSchema: schema11.properties.serve.properties.profile.properties.write_seconds, data: data21 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
            } else {
              const err45 = { instancePath: instancePath + "/serve/profile/write_seconds", schemaPath: "#/properties/serve/properties/profile/properties/write_seconds/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.serve.properties.profile.properties.write_seconds.type, parentSchema: schema11.properties.serve.properties.profile.properties.write_seconds, data: data21 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
            let data22 = data19.max_values;
            if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)))) {
              const err46 = { instancePath: instancePath + "/serve/profile/max_values", schemaPath: "#/properties/serve/properties/profile/properties/max_values/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.profile.properties.max_values.type, parentSchema: schema11.properties.serve.properties.profile.properties.max_values, data: data22 };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
            if (typeof data22 == "number") {
              if (data22 > 1048576 || isNaN(data22)) {
                const err47 = { instancePath: instancePath + "/serve/profile/max_values", schemaPath: "#/properties/serve/properties/profile/properties/max_values/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1048576 }, message: "must be <= 1048576", schema: 1048576, parentSchema: schema11.properties.serve.properties.profile.properties.max_values, data: data22 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
              if (data22 < 4096 || isNaN(data22)) {
                const err48 = { instancePath: instancePath + "/serve/profile/max_values", schemaPath: "#/properties/serve/properties/profile/properties/max_values/minimum", keyword: "minimum", params: { comparison: ">=", limit: 4096 }, message: "must be >= 4096", schema: 4096, parentSchema: schema11.properties.serve.properties.profile.properties.max_values, data: data22 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
          } else {
            const err49 = { instancePath: instancePath + "/serve/profile", schemaPath: "#/properties/serve/properties/profile/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.serve.properties.profile.type, parentSchema: schema11.properties.serve.properties.profile, data: data19 };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data23 = data2.labels;
          if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
            if (data23.max_per_request === void 0) {
              data23.max_per_request = 1e4;
            }
            if (data23.remembered_requests === void 0) {
              data23.remembered_requests = 1e5;
            }
            for (const key6 in data23) {
              if (!(key6 === "max_per_request" || key6 === "remembered_requests")) {
                const err50 = { instancePath: instancePath + "/serve/labels", schemaPath: "#/properties/serve/properties/labels/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.serve.properties.labels, data: data23 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            let data24 = data23.max_per_request;
            if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)))) {
              const err51 = { instancePath: instancePath + "/serve/labels/max_per_request", schemaPath: "#/properties/serve/properties/labels/properties/max_per_request/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.labels.properties.max_per_request.type, parentSchema: schema11.properties.serve.properties.labels.properties.max_per_request, data: data24 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            if (typeof data24 == "number") {
              if (data24 < 1 || isNaN(data24)) {
                const err52 = { instancePath: instancePath + "/serve/labels/max_per_request", schemaPath: "#/properties/serve/properties/labels/properties/max_per_request/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.labels.properties.max_per_request, data: data24 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            let data25 = data23.remembered_requests;
            if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)))) {
              const err53 = { instancePath: instancePath + "/serve/labels/remembered_requests", schemaPath: "#/properties/serve/properties/labels/properties/remembered_requests/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.serve.properties.labels.properties.remembered_requests.type, parentSchema: schema11.properties.serve.properties.labels.properties.remembered_requests, data: data25 };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
            if (typeof data25 == "number") {
              if (data25 < 1 || isNaN(data25)) {
                const err54 = { instancePath: instancePath + "/serve/labels/remembered_requests", schemaPath: "#/properties/serve/properties/labels/properties/remembered_requests/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.serve.properties.labels.properties.remembered_requests, data: data25 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/serve/labels", schemaPath: "#/properties/serve/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.serve.properties.labels.type, parentSchema: schema11.properties.serve.properties.labels, data: data23 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = { instancePath: instancePath + "/serve", schemaPath: "#/properties/serve/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.serve.type, parentSchema: schema11.properties.serve, data: data2 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
  } else {
    const err57 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err57];
    } else {
      vErrors.push(err57);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var validateConfig = validate10;

// src/config/model-name.ts
var MODEL_NAME_MAX_LENGTH = 64;
var WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
var RULES = [
  { rule: "it must not be empty", broken: (n) => n.length === 0 },
  {
    rule: `it must be at most ${MODEL_NAME_MAX_LENGTH} characters long`,
    broken: (n) => n.length > MODEL_NAME_MAX_LENGTH
  },
  {
    rule: 'it may contain only ASCII letters, digits, ".", "_" and "-" (no spaces, slashes or other symbols)',
    broken: (n) => /[^A-Za-z0-9._-]/.test(n)
  },
  {
    rule: 'it must start with a letter or a digit (git refuses a ref component starting with ".", and a branch or option starting with "-")',
    broken: (n) => /^[._-]/.test(n)
  },
  { rule: 'it must not contain ".." (git refuses it in a ref)', broken: (n) => n.includes("..") },
  {
    rule: 'it must not end with "." (git refuses a ref ending in ".", and Windows drops it from a file name)',
    broken: (n) => n.endsWith(".")
  },
  {
    rule: 'it must not end with ".lock" (git reserves that ending for its lock files)',
    broken: (n) => /\.lock$/i.test(n)
  },
  {
    rule: "it must not be a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9, also followed by an extension)",
    broken: (n) => WINDOWS_RESERVED.test(n)
  }
];
function modelNameProblem(name) {
  return RULES.find((r) => r.broken(name))?.rule;
}
function isValidModelName(name) {
  return modelNameProblem(name) === void 0;
}
function caseCollisions(names) {
  const seen = /* @__PURE__ */ new Map();
  const collisions = [];
  for (const name of names) {
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== void 0) collisions.push([earlier, name]);
    else seen.set(folded, name);
  }
  return collisions;
}

// src/config/parse.ts
function parseConfig(text, displayName, absolutePath = displayName) {
  const lineCounter = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new UserError(
      `${displayName}:${line}:${col}: invalid YAML: ${first.message.split("\n")[0]}. Fix the syntax at that line.`,
      { file: displayName, line }
    );
  }
  const data = document.toJS() ?? {};
  if (!validateConfig(data)) {
    const messages = mostUsefulErrors(validateConfig.errors ?? []).map((error) => {
      const path = pointerToPath(error.instancePath);
      const node = nodeAt(document.contents, path, error);
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : void 0;
      const where = pos ? isNameError(error) ? `:${pos.line}:${pos.col}` : `:${pos.line}` : "";
      return {
        line: pos?.line,
        column: isNameError(error) ? pos?.col : void 0,
        key: isNameError(error) ? "models" : void 0,
        text: `${displayName}${where}: ${describe(error, path)}`
      };
    });
    const { line, column, key } = messages[0];
    throw new UserError(messages.map((m) => m.text).join("\n"), { file: displayName, line, column, key });
  }
  checkCaseCollisions(Object.keys(data.models), document.contents, lineCounter, displayName);
  const models = Object.entries(data.models).map(([name, model]) => ({
    ...model,
    name,
    data: { train: list(model.data.train), holdout: list(model.data.holdout) },
    code: list(model.code),
    config: list(model.config),
    classes: model.classes === void 0 ? void 0 : model.classes.map(String),
    positive: model.positive === void 0 ? void 0 : String(model.positive),
    drift: { ...model.drift, reference: model.drift.reference === void 0 ? void 0 : list(model.drift.reference) }
  }));
  for (const model of models) checkRolloutSteps(model, displayName);
  return { path: absolutePath, relativePath: displayName, models, ...data.serve ? { serve: data.serve } : {} };
}
function checkRolloutSteps(model, displayName) {
  const steps = model.rollout.steps;
  const key = `models.${model.name}.rollout.steps`;
  const percents = steps.filter((s) => s !== "shadow");
  const problem = steps.lastIndexOf("shadow") > 0 ? `"shadow" can only be the first step (the canary scores copies before it answers anyone)` : percents.some((p, i) => i > 0 && p <= percents[i - 1]) ? "the percents must rise from step to step" : steps[steps.length - 1] !== 100 ? "the last step must be 100 (the rollout ends with the new version answering everyone)" : void 0;
  if (problem)
    throw new UserError(
      `${displayName}: ${key}: ${JSON.stringify(steps)}: ${problem}. Example: ["shadow", 5, 25, 50, 100].`,
      { file: displayName, key }
    );
}
function list(value) {
  return value === void 0 ? [] : Array.isArray(value) ? value : [value];
}
function mostUsefulErrors(errors) {
  const specific = errors.filter(
    (e) => e.keyword !== "oneOf" && e.keyword !== "if" && !(e.keyword === "pattern" && isNameError(e))
  );
  const seen = /* @__PURE__ */ new Set();
  return (specific.length ? specific : errors).filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (e.keyword === "type" && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword === "type")) {
      const first = errors.find((o) => o.instancePath === e.instancePath && o.keyword === "type");
      if (first !== e) return false;
    }
    return true;
  });
}
function describe(error, path) {
  const key = path.length ? path.join(".") : "(top level)";
  const p = error.params;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key "${[...path, p.additionalProperty].join(".")}". ${suggest(error)}`;
    case "required":
      return `${key}: missing required key "${p.missingProperty}". Add it (see the README's "Config" section).`;
    case "enum":
      return `${key}: must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "type":
      return `${key}: must be ${p.type === "string" && error.schemaPath.includes("oneOf") ? "a path or a list of paths" : `a ${p.type}`}.`;
    case "propertyNames":
      return nameMessage(p.propertyName);
    case "pattern":
      return `${key}: "${path[path.length - 1]}" is not an allowed name.`;
    default:
      return `${key}: ${error.message}.`;
  }
}
function isNameError(error) {
  return error.keyword === "propertyNames" || error.keyword === "pattern" && error.propertyName !== void 0;
}
function nameMessage(name) {
  const rule = modelNameProblem(name) ?? "it does not match the schema's pattern";
  return `models: the model name ${JSON.stringify(name)} is not allowed: ${rule}. It becomes part of git tags and branches, file names and Prometheus labels; rename the model (letters, digits, ".", "_", "-"; e.g. "fraud-v2").`;
}
function checkCaseCollisions(names, root, lineCounter, displayName) {
  const [collision] = caseCollisions(names);
  if (!collision) return;
  const [earlier, later] = collision;
  const models = (0, import_yaml.isMap)(root) ? root.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === "models")?.value : void 0;
  const key = (0, import_yaml.isMap)(models) ? models.items.find((item) => (0, import_yaml.isScalar)(item.key) && String(item.key.value) === later)?.key : void 0;
  const pos = (0, import_yaml.isScalar)(key) && key.range ? lineCounter.linePos(key.range[0]) : void 0;
  throw new UserError(
    `${displayName}${pos ? `:${pos.line}:${pos.col}` : ""}: models: the model name ${JSON.stringify(later)} differs from ${JSON.stringify(earlier)} only in letter case: their tags and branches would be the same files on a case-insensitive file system (macOS, Windows). Rename one of them.`,
    { file: displayName, line: pos?.line, column: pos?.col, key: "models" }
  );
}
function suggest(error) {
  const parent = error.parentSchema;
  const allowed = Object.keys(parent?.properties ?? {});
  return allowed.length ? `Allowed here: ${allowed.join(", ")}.` : "Remove it.";
}
function pointerToPath(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function nodeAt(root, path, error) {
  let node = root;
  for (const segment of path) {
    if ((0, import_yaml.isMap)(node))
      node = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && String(item.key.value) === segment)?.value;
    else if ((0, import_yaml.isSeq)(node)) node = node.items[Number(segment)];
    else return node;
  }
  const p = error.params;
  const keyName = error.keyword === "additionalProperties" ? p.additionalProperty : error.keyword === "propertyNames" ? p.propertyName : void 0;
  if (keyName !== void 0 && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((item) => (0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === keyName);
    if (pair && (0, import_yaml.isScalar)(pair.key)) return pair.key;
  }
  return node;
}

export {
  createGit,
  gitFailure,
  assertNoStaleLocks,
  findRepoRoot,
  resolveCommit,
  require_ucs2length,
  isValidModelName,
  parseConfig
};
