/**
 * The trailer `rollback` writes in its commit message, `Modelkeeper-Rollback: <model> v<N>`: the
 * visible statement, on the protected branch, that a commit restores champion vN on purpose.
 */
const ROLLBACK_TRAILER = "Modelkeeper-Rollback";

export function rollbackTrailer(model: string, version: number): string {
  return `${ROLLBACK_TRAILER}: ${model} v${version}`;
}

/** The versions a commit message says it rolls this model back to (a trailer line each). Pure. */
export function rolledBackTo(message: string, model: string): number[] {
  const prefix = `${ROLLBACK_TRAILER}: ${model} v`;
  return message
    .split("\n")
    .filter((line) => line.startsWith(prefix) && /^[1-9][0-9]{0,14}$/.test(line.slice(prefix.length)))
    .map((line) => Number(line.slice(prefix.length)));
}
