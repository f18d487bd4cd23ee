import { UserError } from "../errors.ts";
import type { ColumnBuilder } from "./column-builder.ts";
import { isMissingText } from "./missing-values.ts";
import { parseNumberText } from "./parse-number.ts";

/** Where a decoded value came from: JSON Lines count lines, Parquet counts rows (both 1-based). */
export interface ValueOrigin {
  readonly file: string;
  readonly line: number;
  readonly unit: "line" | "row";
}

/**
 * Stores one already-decoded value (from JSON or Parquet) in row `row` of a column. Numbers (and
 * bigints, and dates as epoch milliseconds) are numeric; strings and booleans ("true"/"false") are
 * text; null is missing. Text in an inferred-numeric column promotes it to categorical, where
 * numbers are then written with String(x). Nested values (objects, arrays) are an error.
 */
export function storeValue(builder: ColumnBuilder, row: number, value: unknown, origin: ValueOrigin): void {
  if (value === null || value === undefined) {
    if (builder.kind === "numeric") builder.values[row] = NaN;
    else builder.codes[row] = -1;
    return;
  }
  let number: number | undefined;
  let text: string | undefined;
  switch (typeof value) {
    case "number":
      number = value;
      break;
    case "bigint":
      number = Number(value);
      break;
    case "string":
      text = value;
      break;
    case "boolean":
      text = value ? "true" : "false";
      break;
    default:
      if (value instanceof Date) {
        number = value.getTime();
        break;
      }
      throw nestedValueError(builder.name, value, origin);
  }
  if (number !== undefined) {
    if (builder.kind === "numeric") builder.values[row] = number;
    else builder.codes[row] = number === number ? builder.code(String(number)) : -1;
    return;
  }
  if (builder.kind === "numeric") {
    if (builder.forced === "numeric") {
      const parsed = typeof value === "string" ? parseNumberText(text!) : NaN;
      if (parsed === parsed || (typeof value === "string" && isMissingText(text!))) {
        builder.values[row] = parsed;
        return;
      }
      throw new UserError(
        `${where(origin)}: ${origin.unit === "line" ? "key" : "column"} "${builder.name}" holds ${JSON.stringify(value)}, which is not a number, but its type is set to numeric; fix the value, use null for a missing value, or set the column's type to categorical.`,
        { file: origin.file, line: origin.line, column: builder.name, key: builder.name },
      );
    }
    builder.promote(row, origin.line, text!);
  }
  builder.codes[row] = builder.code(text!);
}

function nestedValueError(name: string, value: unknown, origin: ValueOrigin): UserError {
  const shape = Array.isArray(value) ? "an array" : "an object";
  return new UserError(
    origin.unit === "line"
      ? `${where(origin)}: key "${name}" holds ${shape}; modelkeeper reads flat records of numbers and strings: flatten it (for example "${name}.x": …) or leave the key out.`
      : `${where(origin)}: column "${name}" holds ${shape} (a nested Parquet column); modelkeeper reads flat columns of numbers and strings: flatten the column when writing the file, or read only other columns.`,
    { file: origin.file, line: origin.line, column: name, key: name },
  );
}

function where(origin: ValueOrigin): string {
  return origin.unit === "line" ? `${origin.file}:${origin.line}` : `${origin.file}: row ${origin.line}`;
}
