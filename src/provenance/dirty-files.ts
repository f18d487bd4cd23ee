import type { Git } from "../git/git.ts";

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
  const scan = Promise.all([
    git.run(["--no-optional-locks", "diff", "--no-renames", "--no-ext-diff", "--name-status", "-z", commit, "--"]),
    git.run(["--no-optional-locks", "ls-files", "--others", "--exclude-standard", "-z"]),
  ]);
  return scan.then(([diff, others]) => (hashed) => {
    const out: DirtyFile[] = [];
    const fields = diff.split("\0");
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [status, path] = [fields[i], fields[i + 1]];
      if (!hashed(path)) continue;
      out.push({ path, state: status.startsWith("A") ? "added" : status.startsWith("D") ? "deleted" : "modified" });
    }
    for (const path of others.split("\0")) if (path && hashed(path)) out.push({ path, state: "untracked" });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  });
}
