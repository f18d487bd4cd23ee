/**
 * The categories a trained model one-hot encodes for one column: the most frequent values in the
 * training data (at most `maxCategories`, ties broken by name), then sorted by name, as
 * scikit-learn's OneHotEncoder sorts its categories_. Rarer values, like values never seen, encode
 * to all zeros (OneHotEncoder(categories=[kept], handle_unknown="ignore"); scikit-learn's own
 * max_categories would instead pool them into an extra "infrequent" column). Missing values
 * (code −1, NaN) are not a category.
 *
 * Values of a numeric column are named String(value), the text the runner feeds a string input
 * from a numeric column, so a numeric code (e.g. a store id) can be encoded as a category too.
 *
 * Example: ["b", "a", "b", "c", "c", "b", missing] with maxCategories 2 → counts b 3, c 2, a 1 →
 * keep b, c → ["b", "c"].
 */
import type { Column } from "../data/table.ts";

export function learnCategories(column: Column, maxCategories: number): string[] {
  const counts = new Map<string, number>();
  if (column.kind === "categorical") {
    const perCode = new Float64Array(column.categories.length);
    for (const code of column.codes) if (code >= 0) perCode[code]++;
    perCode.forEach((count, code) => {
      if (count > 0) counts.set(column.categories[code], (counts.get(column.categories[code]) ?? 0) + count);
    });
  } else {
    for (const value of column.values) {
      if (Number.isNaN(value)) continue;
      const name = String(value);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  counts.delete(""); // an empty string is how a missing value reaches the model
  const byFrequency = [...counts].sort(([a, countA], [b, countB]) => countB - countA || compareNames(a, b));
  return byFrequency
    .slice(0, maxCategories)
    .map(([name]) => name)
    .sort(compareNames);
}

/** Code-unit order: the same on every machine and locale (what Python's sorted() does for ASCII). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
