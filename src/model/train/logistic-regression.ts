/**
 * A small, dependency-free binary logistic regression trainer for the demo's train script (no
 * Python on users' machines). Numeric features only; they are standardised (mean, population
 * standard deviation, as scikit-learn's StandardScaler) and the standardisation travels inside the
 * exported ONNX graph, so raw features go in at prediction time.
 *
 * Objective, identical to scikit-learn's `make_pipeline(StandardScaler(), LogisticRegression(C=1/l2))`:
 *   J(w, b) = Σᵢ [log(1 + exp(zᵢ)) − yᵢ zᵢ] + (l2 / 2)·‖w‖²,   zᵢ = w·x'ᵢ + b   (intercept not penalised)
 * minimised by Newton's method (IRLS) with a backtracking line search; J is strictly convex for
 * l2 > 0, so the optimum is unique and the result matches scikit-learn's to solver tolerance.
 * Reference: Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4.1.
 *
 * Example: x = [0, 1, 2, 3], y = [0, 0, 1, 1], l2 = 1 standardises x to [−1.342, −0.447, 0.447, 1.342]
 * and gives w = 0.9441, b = 0 (by symmetry); P(y = 1 | x = 3) = sigmoid(0.9441·1.342) = 0.7802
 * (scikit-learn 1.2: coef_ 0.94407, predict_proba 0.78016).
 */
import { UserError } from "../../errors.ts";
import type { Table } from "../../data/table.ts";
import type { Standardization } from "../export/graph-parts.ts";
import { choleskySolve } from "./cholesky-solve.ts";

export interface LogisticRegressionOptions {
  /** L2 penalty strength λ on the standardised weights; scikit-learn's C is 1/λ. Default 1 (C = 1). */
  l2?: number;
  maxIterations?: number;
  /** Stop when the largest gradient component, divided by the row count, is below this. */
  tolerance?: number;
}

/** Everything exportBinaryLogisticRegression needs, plus how the fit went. */
export interface TrainedLogisticRegression {
  featureNames: string[];
  standardization: Standardization;
  /** Weights on the standardised features, in featureNames order. */
  weights: number[];
  intercept: number;
  iterations: number;
  converged: boolean;
  /** Final objective J divided by the row count. */
  loss: number;
}

export function trainLogisticRegression(
  table: Table,
  features: readonly string[],
  label: string,
  options: LogisticRegressionOptions = {},
): TrainedLogisticRegression {
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
          column: label,
        },
      );
    }
  });

  const { mean, scale, standardized } = standardize(columns, features, table.source);
  const f = features.length;
  const dim = f + 1; // parameters: f weights, then the intercept
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
    // An all-one-class label makes the intercept block singular; a tiny ridge keeps the step finite.
    const step =
      choleskySolve(hessian, gradient, dim) ??
      choleskySolve(
        hessian.map((h, k) => (k % (dim + 1) === 0 ? h + 1e-8 : h)),
        gradient,
        dim,
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
    loss: current / n,
  };
}

function numericValues(table: Table, name: string, role: string): Float64Array {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    throw new UserError(
      `${role} column "${name}" is not in ${table.source} (columns: ${table.columns.map((c) => c.name).join(", ")})`,
      {
        file: table.source,
        column: name,
      },
    );
  }
  if (column.kind !== "numeric") {
    throw new UserError(
      `${role} column "${name}" in ${table.source} holds text; this trainer takes numeric columns only, so encode it as numbers first`,
      {
        file: table.source,
        column: name,
      },
    );
  }
  return column.values;
}

function standardize(columns: Float64Array[], features: readonly string[], source: string) {
  const mean: number[] = [];
  const scale: number[] = [];
  const standardized = columns.map((values, j) => {
    let sum = 0;
    values.forEach((value, row) => {
      if (Number.isNaN(value)) {
        throw new UserError(
          `feature column "${features[j]}" has a missing value at data row ${row + 1}; impute or drop such rows before training`,
          {
            file: source,
            column: features[j],
          },
        );
      }
      sum += value;
    });
    const m = sum / values.length;
    let squares = 0;
    for (const value of values) squares += (value - m) ** 2;
    const sd = Math.sqrt(squares / values.length);
    const s = sd > 0 ? sd : 1; // a constant feature: scikit-learn also leaves it unscaled
    mean.push(m);
    scale.push(s);
    return values.map((value) => (value - m) / s);
  });
  return { mean, scale, standardized };
}

function linearPredictor(theta: Float64Array, x: Float64Array[], out: Float64Array): void {
  const f = x.length;
  out.fill(theta[f]);
  for (let j = 0; j < f; j++) {
    const w = theta[j];
    const column = x[j];
    for (let i = 0; i < out.length; i++) out[i] += w * column[i];
  }
}

function objective(theta: Float64Array, x: Float64Array[], y: Float64Array, l2: number): number {
  const z = new Float64Array(y.length);
  linearPredictor(theta, x, z);
  let total = 0;
  for (let i = 0; i < y.length; i++) total += softplus(z[i]) - y[i] * z[i];
  let penalty = 0;
  for (let j = 0; j < x.length; j++) penalty += theta[j] ** 2;
  return total + (l2 / 2) * penalty;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
