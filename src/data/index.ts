/**
 * The data readers shared by `evaluate` and `drift`: CSV, JSON Lines and Parquet into columnar
 * Tables (table.ts), whole (readTable, readTables) or as bounded-memory batches (streamTable).
 *
 * Conventions every reader follows:
 * - Type inference: a column is numeric when every value that is not missing is a number, else
 *   categorical; `types` forces either. Numbers are exactly what `Number(text)` gives (fast path in
 *   parse-number.ts), plus pandas' "inf"/"-inf"/"infinity" as ±Infinity, so consumers must expect
 *   non-finite values. Booleans are categorical "true"/"false".
 * - Missing values: NaN in numeric columns, code −1 in categorical ones. In CSV these texts are
 *   missing, as in pandas' defaults: "", "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "null",
 *   "NULL", "None", "<NA>", "#N/A", "#N/A N/A", "#NA", "1.#IND", "-1.#IND", "1.#QNAN", "-1.#QNAN".
 *   In JSON Lines, null or an absent key; in Parquet, null.
 * - Categories are listed in order of first appearance.
 * - Errors are UserError naming file, line (1-based; the CSV header is line 1) and column; the
 *   readers throw only for problems with the file itself (or a value contradicting a forced type).
 */
export { readTables } from "./read-table.ts";
export { type Column, type Table } from "./table.ts";
