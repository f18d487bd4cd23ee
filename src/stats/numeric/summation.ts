/**
 * Compensated (Neumaier) summation: the error no longer grows with the number of terms, so a
 * sum over a million-row merge agrees with numpy's pairwise sum to about one rounding.
 * Source: Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54 (1974). Example: adding 1, 1e100, 1, -1e100 gives 2 (a naive loop gives 0).
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
