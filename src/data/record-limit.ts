import { UserError } from "../errors.ts";

/**
 * The longest row (CSV record, JSON Lines line) a reader holds. A row is held whole while it is
 * parsed, and V8 cannot make a string of more than 2^29 characters, so without a bound one huge
 * field (or a quote left open) ends in a RangeError. Real rows are far shorter; one this long is
 * nearly always a broken file.
 */
export const MAX_RECORD_BYTES = 128 * 1024 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= 1 << 20
    ? `${+(bytes / (1 << 20)).toFixed(1)} MiB`
    : bytes >= 1 << 10
      ? `${+(bytes / (1 << 10)).toFixed(1)} KiB`
      : `${bytes} bytes`;
}

/** The error for a row that reached `limit` bytes without ending; `what` names the field in progress. */
export function recordTooLong(
  file: string,
  line: number,
  limit: number,
  what: string,
  column?: string | number,
): UserError {
  return new UserError(
    `${file}:${line}: ${what} is longer than ${formatBytes(limit)} and has not ended: modelkeeper reads rows of up to ${formatBytes(limit)}. ` +
      'If it should be short, a quote is probably left open at or before this line: close it (a quote inside a quoted field is written ""). ' +
      "Otherwise shorten the field, or leave the column out of the file.",
    { file, line, column },
  );
}
