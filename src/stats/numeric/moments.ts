/**
 * Mean and population standard deviation (ddof = 0, as numpy.std and Evidently use) of the
 * non-missing values, by two passes with compensated sums so large or offset data stay accurate.
 * Example: [1, 2, 3, 4] -> mean 2.5, std sqrt(1.25) = 1.118033988749895. Empty input: NaN, NaN.
 */
import { CompensatedSum } from "./summation.ts";

export interface Moments {
  readonly count: number;
  readonly mean: number;
  readonly std: number;
}

/** Moments of the values that are not NaN. */
export function moments(values: Float64Array): Moments {
  const total = new CompensatedSum();
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    total.add(v);
    count += 1;
  }
  if (count === 0) return { count, mean: NaN, std: NaN };
  const mean = total.value / count;
  const squares = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    squares.add((v - mean) * (v - mean));
  }
  return { count, mean, std: Math.sqrt(squares.value / count) };
}
