import { gitFailure, type Git } from "./git.ts";

/** Branch names and moving refs. */

/** The branch checked out (short name), or undefined when HEAD is detached. */
export async function currentBranch(git: Git): Promise<string | undefined> {
  const args = ["symbolic-ref", "--quiet", "--short", "HEAD"];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  if (result.code === 1) return undefined;
  throw gitFailure(args, result);
}

/**
 * Points `ref` at `value`. With `expect`, only if the ref is `expect` now ("" for: does not exist
 * yet), so a writer that raced another one fails instead of overwriting it.
 */
export async function updateRef(
  git: Git,
  ref: string,
  value: string,
  options: { expect?: string; message?: string } = {},
): Promise<void> {
  await git.run([
    "update-ref",
    ...(options.message === undefined ? [] : ["-m", options.message]),
    ref,
    value,
    ...(options.expect === undefined ? [] : [options.expect]),
  ]);
}

/** Deletes `ref` (nothing to do when it does not exist). */
export async function deleteRef(git: Git, ref: string): Promise<void> {
  await git.run(["update-ref", "-d", ref]);
}
