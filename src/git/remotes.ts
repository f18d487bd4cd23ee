import { gitFailure, type Git } from "./git.ts";

/** Remotes: whether one is configured, its default branch, fetching one ref from it. */

/** Whether `remote` is a configured remote of this repository. */
export async function hasRemote(git: Git, remote: string): Promise<boolean> {
  const args = ["remote", "get-url", remote];
  const result = await git.tryRun(args);
  if (result.code === 0) return true;
  // Recent git exits 2 for this, older versions 128.
  if ((result.code === 2 || result.code === 128) && /No such remote/i.test(result.stderr)) return false;
  throw gitFailure(args, result);
}

/**
 * The remote's default branch (short name): from the local `refs/remotes/<remote>/HEAD`, else asked
 * of the remote. Undefined when neither knows: a clone without that remote, or one that cannot
 * reach it, is a normal answer here (the caller falls back to what is checked out).
 */
export async function remoteDefaultBranch(git: Git, remote: string): Promise<string | undefined> {
  const args = ["symbolic-ref", "--quiet", "--short", `refs/remotes/${remote}/HEAD`];
  const head = await git.tryRun(args);
  if (head.code === 0) return head.stdout.trim().replace(new RegExp(`^${escapeRegExp(remote)}/`), "");
  if (head.code !== 1) throw gitFailure(args, head);
  const asked = await git.tryRun(["ls-remote", "--symref", remote, "HEAD"]);
  return /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(asked.stdout)?.[1];
}

export type FetchResult =
  { ok: true } | { ok: false; /** the remote has no such ref */ missing: boolean; stderr: string };

/**
 * Fetches one ref of `remote` into `destination`, replacing the local copy (`+source:destination`).
 * The result is returned, not thrown: a fetch is a question to another machine, and each caller
 * says in its own words what a refusal means (`missing` when the remote has no such ref).
 */
export async function fetchRef(
  git: Git,
  remote: string,
  source: string,
  destination: string,
  options: { depth?: number } = {},
): Promise<FetchResult> {
  const result = await git.tryRun([
    "fetch",
    "--quiet",
    ...(options.depth === undefined ? [] : [`--depth=${options.depth}`]),
    remote,
    `+${source}:${destination}`,
  ]);
  if (result.code === 0) return { ok: true };
  return { ok: false, missing: /couldn't find remote ref/i.test(result.stderr), stderr: result.stderr };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
