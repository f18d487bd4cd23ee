import { gitFailure, type Git } from "./git.ts";

/**
 * The working tree against commits: what differs, what git does not track, putting files back.
 * The read-only questions pass --no-optional-locks, so they never take the index lock a
 * concurrent writer needs.
 */

/** Each path that differs between `commit` and the working tree (staged or not), with git's status letter (A, D, M…). */
export async function workingTreeChanges(git: Git, commit: string): Promise<Array<{ status: string; path: string }>> {
  const out = await git.run([
    "--no-optional-locks",
    "diff",
    "--no-renames",
    "--no-ext-diff",
    "--name-status",
    "-z",
    commit,
    "--",
  ]);
  const fields = out.split("\0");
  const changes: Array<{ status: string; path: string }> = [];
  for (let i = 0; i + 1 < fields.length; i += 2) changes.push({ status: fields[i], path: fields[i + 1] });
  return changes;
}

/** Files git does not track and .gitignore does not exclude. */
export async function untrackedFiles(git: Git): Promise<string[]> {
  const out = await git.run(["--no-optional-locks", "ls-files", "--others", "--exclude-standard", "-z"]);
  return out.split("\0").filter(Boolean);
}

/** Ignored files and folders (a wholly ignored folder once, as `dir/`) under the pathspecs. */
export async function ignoredFiles(git: Git, pathspecs: string[]): Promise<string[]> {
  const out = await git.run([
    "--no-optional-locks",
    // Paths, not pathspecs: a folder named `:(attr:x)data` or `:!data` is a folder.
    "--literal-pathspecs",
    "ls-files",
    "--others",
    "--ignored",
    "--exclude-standard",
    "--directory",
    "-z",
    "--",
    ...pathspecs,
  ]);
  return out.split("\0").filter(Boolean);
}

/** Tracked paths that differ from HEAD, staged or not (untracked files are not listed). */
export async function changedTrackedFiles(git: Git): Promise<string[]> {
  const status = await git.run(["status", "--porcelain", "--untracked-files=no"]);
  return status
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** Whether `path` in the working tree differs from `commit`. */
export async function differsFromCommit(git: Git, commit: string, path: string): Promise<boolean> {
  const args = ["diff", "--quiet", commit, "--", path];
  const result = await git.tryRun(args);
  if (result.code === 0 || result.code === 1) return result.code === 1;
  throw gitFailure(args, result);
}

/** Puts HEAD's `path` back into the index and working tree; false when HEAD has no such path. */
export async function restoreFromHead(git: Git, path: string): Promise<boolean> {
  const args = ["checkout", "--quiet", "HEAD", "--", path];
  const result = await git.tryRun(args);
  if (result.code === 0) return true;
  if (result.code === 1 && /did not match any file\(s\) known to git/.test(result.stderr)) return false;
  throw gitFailure(args, result);
}

/** Moves the branch checked out to `commit`, index and working tree too (`reset --hard`). */
export async function resetHard(git: Git, commit: string): Promise<void> {
  await git.run(["reset", "--quiet", "--hard", commit]);
}
