/**
 * Cohen's h, the effect size of a change in a proportion (Cohen 1988, §6.2):
 *   h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1)).
 * The arcsine makes a step from 0% to 1% count as much as from 50% to 60% (both about 0.2,
 * Cohen's "small"), which suits missing-value shares: a column that starts having gaps matters
 * even when the gaps are few. Example: cohensH(0.01, 0.05) = 0.4510 - 0.2003 = 0.2507.
 */
export function cohensH(referenceShare: number, currentShare: number): number {
  return 2 * Math.asin(Math.sqrt(currentShare)) - 2 * Math.asin(Math.sqrt(referenceShare));
}
