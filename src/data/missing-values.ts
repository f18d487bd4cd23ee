/**
 * The texts that mean "no value", in numeric and categorical columns alike: pandas' default
 * `na_values` (pandas 2.x `read_csv`, keep_default_na=True), so a file reads with the same holes in
 * modelkeeper as in the notebook that produced it. "NaN" is missing, not a category; "inf" is not
 * here: it is a number (see parse-number.ts). Matching is exact: " NA" or "na" are ordinary text.
 */
export const MISSING_VALUE_TEXTS: ReadonlySet<string> = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);

const LONGEST = 8; // "#N/A N/A"

export function isMissingText(text: string): boolean {
  return text.length <= LONGEST && MISSING_VALUE_TEXTS.has(text);
}

/** The same test on raw bytes, without building a string for long (so never missing) fields. */
export function isMissingBytes(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return true;
  if (length > LONGEST) return false;
  return MISSING_VALUE_TEXTS.has(String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]));
}
