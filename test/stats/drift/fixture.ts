/** Loads test/fixtures/drift/reference.json (scipy outputs, see scripts/references/drift_references.py). */
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

const path = new URL("../../fixtures/drift/reference.json", import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const reference: any = JSON.parse(readFileSync(path, "utf8"));

/** Relative tolerance 1e-10 by default, plus an absolute floor for values near zero. */
export function assertClose(
  actual: number,
  expected: number,
  message: string,
  relative = 1e-10,
  absolute = 1e-300,
): void {
  if (Object.is(actual, expected)) return;
  const difference = Math.abs(actual - expected);
  assert.ok(
    difference <= absolute || difference <= relative * Math.abs(expected),
    `${message}: got ${actual}, expected ${expected} (relative difference ${(difference / Math.abs(expected)).toExponential(2)})`,
  );
}
