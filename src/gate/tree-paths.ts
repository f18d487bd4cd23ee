/**
 * Config path patterns (files, folders, globs) matched against a list of repository paths: the
 * matcher for a commit's tree, the same globToRegExp the working tree's expandPaths walks with,
 * so a pattern means the same files on both sides of a pull request. Pure.
 */
import { globToRegExp, isGlob } from "../provenance/glob.ts";
import { comparePaths } from "../provenance/expand-paths.ts";

/** Paths (sorted, unique) matched by any pattern; `unmatched` lists the patterns that matched none. */
export function matchTreePaths(
  paths: readonly string[],
  patterns: readonly string[],
): { matched: string[]; unmatched: string[] } {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const normalized = pattern.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
    const test = isGlob(normalized)
      ? (
          (re: RegExp) => (path: string) =>
            re.test(path)
        )(globToRegExp(normalized))
      : (path: string) => path === normalized || path.startsWith(`${normalized}/`);
    let any = false;
    for (const path of paths) {
      if (!test(path)) continue;
      found.add(path);
      any = true;
    }
    if (!any) unmatched.push(pattern);
  }
  return { matched: [...found].sort(comparePaths), unmatched };
}
