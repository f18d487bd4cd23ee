/**
 * How a metric, a difference, a ratio or a threshold prints everywhere people read it (text,
 * Markdown, HTML, the PR comment, the gate's reasons): at most `decimals` decimals (four unless
 * said), trailing zeros dropped, and scientific notation for values too small or too large to read
 * that way. Not for p-values (they print as "p < 0.0001" or "p = x") or shares (percentages).
 */
export function formatNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(2) : Number(value.toFixed(decimals)).toString();
}
