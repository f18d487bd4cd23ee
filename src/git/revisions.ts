import { gitFailure, type Git } from "./git.ts";

/**
 * Questions about revisions, named for what they ask. Each returns undefined or false where the
 * answer "no such thing" is normal (a branch not fetched, a file not in that commit), and throws
 * where git itself failed (a corrupt object, no repository).
 */

/** What `rev-parse --verify --quiet` still says when the answer is only "not of that type". */
const WRONG_TYPE = /^error: [^\n]*: expected \w+ type, but the object dereferences to \w+ type$/;

/**
 * `rev-parse --verify --quiet`: the id `spec` names, or undefined. With --quiet git prints nothing
 * when the answer is "no such revision or path" (exit 1, or 128 for a reflog entry it lacks), or
 * only that the object is of another type; whatever else it prints (a corrupt or unreadable
 * object, a path outside the repository, no repository) is a failure, and thrown.
 */
async function verifiedId(git: Git, spec: string): Promise<string | undefined> {
  const args = ["rev-parse", "--verify", "--quiet", spec];
  const result = await git.tryRun(args);
  if (result.code === 0) return result.stdout.trim();
  const said = result.stderr.trim();
  if (!said || (result.code === 1 && WRONG_TYPE.test(said))) return undefined;
  throw gitFailure(args, result);
}

/** The commit `rev` names (a branch, tag or id), or undefined when there is none. */
export async function commitOf(git: Git, rev: string): Promise<string | undefined> {
  return verifiedId(git, `${rev}^{commit}`);
}

/** Whether this repository holds the blob `oid`. */
export async function hasBlob(git: Git, oid: string): Promise<boolean> {
  return (await verifiedId(git, `${oid}^{blob}`)) !== undefined;
}

/** The commit checked out. */
export async function headCommit(git: Git): Promise<string> {
  return (await git.run(["rev-parse", "HEAD^{commit}"])).trim();
}

/** The id of the object at `path` in `rev` (usually a blob), or undefined when `rev` has no such path. */
export async function objectAt(git: Git, rev: string, path: string): Promise<string | undefined> {
  return verifiedId(git, `${rev}:${path}`);
}

/**
 * What git says when one of several `rev:path` is not there, the normal "no" of `objectsAt`: each
 * line one of these (the paths are quoted inside them, so a path's own words never count).
 */
const NO_SUCH_PATH = [
  /^fatal: path '.*' (does not exist in|exists on disk, but not in) '.*'$/,
  /^fatal: .*'.*' is outside repository( at '.*')?$/,
  /^fatal: ambiguous argument '.*': unknown revision or path not in the working tree\.$/,
  /^Use '--' to separate paths from revisions, like this:$/,
  /^'git <command> \[<revision>\.\.\.\] -- \[<file>\.\.\.\]'$/,
];

/**
 * The ids of the objects at each of `paths` in `commit`, in one git call; undefined when one of
 * them is not in the commit (or lies outside the repository).
 */
export async function objectsAt(git: Git, commit: string, paths: string[]): Promise<string[] | undefined> {
  const args = ["rev-parse", ...paths.map((p) => `${commit}:${p}`)];
  const result = await git.tryRun(args);
  if (result.code === 0) {
    const ids = result.stdout.trim().split("\n");
    return ids.length === paths.length ? ids : undefined;
  }
  const said = result.stderr.trim().split("\n");
  if (result.code === 128 && said.every((line) => NO_SUCH_PATH.some((form) => form.test(line)))) return undefined;
  throw gitFailure(args, result);
}

/** git's last line when a name given to `merge-base` is not a commit it holds… */
const NOT_HELD = /^fatal: Not a valid (commit|object) name .*$/;
/** …after which it may have said what the name is instead (a note can sit on a tree or a blob). */
const NOT_A_COMMIT = /^error: object [0-9a-f]+ is a \w+, not a commit$/;

/**
 * Whether `ancestor` is in the history of `descendant` (a commit is its own ancestor). False also
 * when git does not hold one of them: in a shallow clone that is the normal answer, and every
 * caller's message says to fetch the history. Throws when git fails otherwise (a corrupt object).
 */
export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const args = ["merge-base", "--is-ancestor", ancestor, descendant];
  const result = await git.tryRun(args);
  if (result.code === 0) return true;
  const said = result.stderr.trim().split("\n");
  if (result.code === 1) return false;
  if (result.code === 128 && NOT_HELD.test(said.at(-1)!) && said.slice(0, -1).every((l) => NOT_A_COMMIT.test(l)))
    return false;
  throw gitFailure(args, result);
}

/** How many commits `to` has that `from` does not (`rev-list --count from..to`). */
export async function commitCount(git: Git, from: string, to: string): Promise<number> {
  return Number((await git.run(["rev-list", "--count", `${from}..${to}`])).trim());
}

/** The paths whose content differs between two commits (a rename counts as a delete and an add). */
export async function changedPaths(git: Git, from: string, to: string): Promise<string[]> {
  const out = await git.run(["diff", "--no-renames", "--name-only", "-z", from, to, "--"]);
  return out.split("\0").filter(Boolean);
}

/** The full message of `commit`, or of the newest commit up to it that touched `path`. */
export async function commitMessage(git: Git, commit: string, path?: string): Promise<string> {
  return git.run(["log", "-1", "--format=%B", commit, ...(path === undefined ? [] : ["--", path])]);
}
