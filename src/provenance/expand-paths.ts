import { readdir, stat, realpath } from "node:fs/promises";
import { resolve, relative, sep } from "node:path";
import { globToRegExp, isGlob, staticPrefix } from "./glob.ts";
import { UserError } from "../errors.ts";

/** Folders never walked into: git's own data and installed dependencies. */
const SKIPPED_FOLDERS = new Set([".git", "node_modules"]);

/**
 * Expands config paths (files, folders, globs) into sorted, repository-relative POSIX paths.
 * A pattern that matches nothing is an error (a typo would otherwise hash nothing, silently);
 * so is a path outside the repository.
 */
export async function expandPaths(repoRoot: string, patterns: string[], what: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const matches = await expandOne(repoRoot, pattern, what);
    if (matches.length === 0) {
      throw new UserError(
        `${what}: "${pattern}" matches no file. Fix the path in the config, or create the file first.`,
        {
          key: what,
        },
      );
    }
    for (const match of matches) found.add(match);
  }
  return [...found].sort(comparePaths);
}

/** Byte-wise order, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function expandOne(repoRoot: string, pattern: string, what: string): Promise<string[]> {
  const normalized = pattern.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  const absolute = resolve(repoRoot, normalized);
  const rel = relative(repoRoot, absolute);
  if (rel.startsWith("..") || resolve(repoRoot, rel) !== absolute || normalized.startsWith("/")) {
    throw new UserError(
      `${what}: "${pattern}" is outside the repository. Use a path relative to the repository root.`,
      { key: what },
    );
  }
  if (!isGlob(normalized)) {
    const info = await stat(absolute).catch(() => undefined);
    if (!info) return [];
    await assertInside(repoRoot, absolute, pattern, what);
    if (info.isFile()) return [toPosix(rel)];
    if (info.isDirectory()) return walk(repoRoot, absolute, () => true, pattern, what);
    return [];
  }
  const matcher = globToRegExp(normalized);
  const start = resolve(repoRoot, staticPrefix(normalized) || ".");
  const info = await stat(start).catch(() => undefined);
  if (!info?.isDirectory()) return [];
  // The walk does not follow links below `start`, but `start` itself may be reached through one.
  await assertInside(repoRoot, start, pattern, what);
  return walk(repoRoot, start, (path) => matcher.test(path), pattern, what);
}

async function walk(
  repoRoot: string,
  dir: string,
  accept: (path: string) => boolean,
  pattern: string,
  what: string,
): Promise<string[]> {
  const out: string[] = [];
  // Relative paths are built by concatenation: path.relative per file dominated large folders.
  const visit = async (absoluteDir: string, relativeDir: string) => {
    const entries = await readdir(absoluteDir, { withFileTypes: true });
    for (const entry of entries) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const absolute = absoluteDir + sep + entry.name;
      const rel = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await visit(absolute, rel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!accept(rel)) continue;
        if (entry.isSymbolicLink()) {
          const target = await stat(absolute).catch(() => undefined);
          if (!target?.isFile()) continue;
          await assertInside(repoRoot, absolute, pattern, what);
        }
        out.push(rel);
      }
    }
  };
  await visit(dir, toPosix(relative(repoRoot, dir)));
  return out;
}

/** A symbolic link may point outside the repository: refuse it like a path outside. */
async function assertInside(repoRoot: string, absolute: string, pattern: string, what: string): Promise<void> {
  const [realRoot, real] = await Promise.all([realpath(repoRoot), realpath(absolute)]);
  const rel = relative(realRoot, real);
  if (rel.startsWith("..") || rel.startsWith(sep)) {
    throw new UserError(
      `${what}: "${pattern}" resolves to ${real}, outside the repository. Keep inputs inside the repository.`,
      { key: what },
    );
  }
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
