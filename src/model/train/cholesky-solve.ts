/**
 * Solves A x = b for a symmetric positive-definite A (row-major n × n) by Cholesky factorisation
 * A = L Lᵀ, then forward and back substitution (Golub & Van Loan, Matrix Computations, §4.2).
 * Newton steps of an L2-regularised logistic regression need exactly this: the Hessian XᵀWX + λI
 * is positive definite. Returns undefined when A is not (numerically) positive definite.
 *
 * Example: A = [[4, 2], [2, 3]], b = [2, 1] gives L = [[2, 0], [1, √2]] and x = [0.5, 0].
 */
export function choleskySolve(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array | undefined {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return undefined;
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
