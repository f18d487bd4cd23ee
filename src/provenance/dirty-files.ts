import type { Git } from "../git/git.ts";
import { untrackedFiles, workingTreeChanges } from "../git/working-tree.ts";

export interface DirtyFile {
  path: string;
  /** modified/added/deleted: differs from the commit; untracked: not in git and not ignored. */
  state: "modified" | "added" | "deleted" | "untracked";
}

/**
 * Starts git's comparison of the working tree with the commit (changed against the commit,
 * staged or not, and untracked files), so it runs while the caller lists its files; the result
 * then picks the hashed paths among them. Files that .gitignore excludes are inputs kept outside
 * git by design (DVC, large data): they are not dirty, and reproduce brings them in by hash.
 */
export function scanDirtyFiles(git: Git, commit: string): Promise<(hashed: (path: string) => boolean) => DirtyFile[]> {
  const scan = Promise.all([workingTreeChanges(git, commit), untrackedFiles(git)]);
  return scan.then(([changes, others]) => (hashed) => {
    const out: DirtyFile[] = [];
    for (const { status, path } of changes) {
      if (!hashed(path)) continue;
      out.push({ path, state: status.startsWith("A") ? "added" : status.startsWith("D") ? "deleted" : "modified" });
    }
    for (const path of others) if (hashed(path)) out.push({ path, state: "untracked" });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  });
}
