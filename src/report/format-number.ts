/**
 * How a metric, a difference or a threshold prints everywhere people read it (text, Markdown,
 * HTML, the PR comment): at most four decimals, trailing zeros dropped, and scientific notation
 * for values too small or too large to read that way. Not for p-values (they print as
 * "p < 0.0001" or "p = x") or shares (percentages).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(2) : Number(value.toFixed(4)).toString();
}
