import type { Git } from "./git.ts";

/** Fetches the remote's champion tags (modelkeeper/*), replacing stale local copies. */
export async function fetchModelTags(git: Git, remote: string): Promise<void> {
  await git.tryRun(["fetch", "--quiet", remote, "+refs/tags/modelkeeper/*:refs/tags/modelkeeper/*"]);
}

export async function deleteLocalTag(git: Git, tag: string): Promise<void> {
  await git.tryRun(["tag", "-d", tag]);
}

/** Tags under `prefix` (e.g. "modelkeeper/fraud/v") → tag object id: on the remote (asked, not remembered) or here. */
export async function remoteTagIds(git: Git, remote: string, prefix: string): Promise<Map<string, string>> {
  const out = await git.run(["ls-remote", "--tags", "--refs", remote, `refs/tags/${prefix}*`]);
  return parseRefList(out.split("\n").map((line) => line.split("\t") as [string, string]));
}

export async function localTagIds(git: Git, prefix: string): Promise<Map<string, string>> {
  const out = await git.run(["for-each-ref", "--format=%(objectname)\t%(refname)", `refs/tags/${prefix}*`]);
  return parseRefList(out.split("\n").map((line) => line.split("\t") as [string, string]));
}

function parseRefList(rows: Array<[string, string]>): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [id, ref] of rows) if (id && ref?.startsWith("refs/tags/")) tags.set(ref.slice("refs/tags/".length), id);
  return tags;
}

/** An annotated tag on `commit`: the message carries promote's claim, so a tag made by hand differs. */
export async function createAnnotatedTag(git: Git, tag: string, message: string, commit: string): Promise<void> {
  await git.run(["tag", "-a", tag, "-m", message, commit]);
}

/** The text of an annotated tag object (headers, blank line, message); "" when `tag` is not one here. */
export async function annotatedTagText(git: Git, tag: string): Promise<string> {
  return (await git.tryRun(["cat-file", "tag", tag])).stdout;
}

/**
 * Pushes a tag and a notes ref in one atomic push: the remote gets both or neither. The result is
 * returned, not thrown: a rejection (another writer won the race) is a normal answer here.
 */
export async function pushTagWithNotes(
  git: Git,
  remote: string,
  tag: string,
  notesRef: string,
): Promise<{ ok: boolean; output: string }> {
  const result = await git.tryRun([
    "push",
    "--atomic",
    "--porcelain",
    remote,
    `refs/tags/${tag}`,
    `${notesRef}:${notesRef}`,
  ]);
  return { ok: result.code === 0, output: `${result.stdout}\n${result.stderr}`.trim() };
}

/** A tag under a prefix as `tagsOf` reads it. */
export interface TagObject {
  /** The tag's name without refs/tags/. */
  name: string;
  /** "tag" for an annotated tag, else the type of what a lightweight tag names (usually "commit"). */
  type: string;
  /** For an annotated tag, the type of the object it points at; "" for a lightweight one. */
  peeledType: string;
  /** An annotated tag's message (a lightweight tag's: the commit's). */
  message: string;
}

/** Every local tag under `prefix` (e.g. "modelkeeper/fraud/v"), with its type and message, in one call. */
export async function tagsOf(git: Git, prefix: string): Promise<TagObject[]> {
  // The full refname, not :short, which turns into "tags/<name>" when a branch has the same name.
  const format = "%(refname)%00%(objecttype)%00%(*objecttype)%00%(contents)%00%00";
  const out = await git.run(["for-each-ref", `--format=${format}`, `refs/tags/${prefix}*`]);
  return out
    .split("\0\0\n")
    .filter((record) => record.trim())
    .map((record) => {
      const [refname, type, peeledType, message] = record.replace(/^\n/, "").split("\0");
      return { name: refname.replace(/^refs\/tags\//, ""), type, peeledType, message: message ?? "" };
    });
}
