import type { Git } from "./git.ts";

/** Fetches the remote's champion tags (modelkeeper/*), replacing stale local copies. */
export async function fetchModelTags(git: Git, remote: string): Promise<void> {
  await git.tryRun(["fetch", "--quiet", remote, "+refs/tags/modelkeeper/*:refs/tags/modelkeeper/*"]);
}

export async function deleteLocalTag(git: Git, tag: string): Promise<void> {
  await git.tryRun(["tag", "-d", tag]);
}
