import type { Git } from "../git/git.ts";

export interface DirtyFile {
  path: string;
  /** modified/added/deleted: differs from the commit; untracked: not in git and not ignored. */
  state: "modified" | "added" | "deleted" | "untracked";
}

/**
 * The hashed paths whose working-tree bytes are not the commit's: changed against the commit
 * (staged or not), or untracked. Files that .gitignore excludes are inputs kept outside git by
 * design (DVC, large data): they are not dirty, and reproduce brings them in by hash.
 */
export async function dirtyFiles(git: Git, commit: string, hashed: Iterable<string>): Promise<DirtyFile[]> {
  const wanted = new Set(hashed);
  const [diff, others] = await Promise.all([
    git.run(["--no-optional-locks", "diff", "--no-renames", "--no-ext-diff", "--name-status", "-z", commit, "--"]),
    git.run(["--no-optional-locks", "ls-files", "--others", "--exclude-standard", "-z"]),
  ]);
  const out: DirtyFile[] = [];
  const fields = diff.split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [status, path] = [fields[i], fields[i + 1]];
    if (!wanted.has(path)) continue;
    out.push({ path, state: status.startsWith("A") ? "added" : status.startsWith("D") ? "deleted" : "modified" });
  }
  for (const path of others.split("\0")) if (path && wanted.has(path)) out.push({ path, state: "untracked" });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
