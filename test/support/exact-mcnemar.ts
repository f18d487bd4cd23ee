/**
 * McNemar's exact p-value from its definition (scipy.stats.binomtest(b, b + c, 0.5), two-sided:
 * twice the smaller tail of Binomial(b + c, 1/2), at most 1), summed in log space. Written here,
 * apart from src/stats, so that a test's expected value never comes from the code under test.
 */
export function exactMcnemarP(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const logChoose = (k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  let tail = 0;
  for (let k = 0; k <= Math.min(b, c); k++) tail += Math.exp(logChoose(k) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}
