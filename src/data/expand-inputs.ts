import { readdir, stat } from "node:fs/promises";
import { join, resolve, relative, sep } from "node:path";
import { globToRegExp, isGlob, staticPrefix } from "../provenance/glob.ts";
import { UserError } from "../errors.ts";

/**
 * Expands data inputs given on the command line (files, folders, globs; inside the repository
 * or not, e.g. a folder of downloaded prediction logs) into sorted absolute paths. A pattern that
 * matches nothing is an error that names it.
 */
export async function expandInputs(cwd: string, patterns: string[], what: string): Promise<string[]> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    const found = await expandOne(cwd, pattern);
    if (found.length === 0)
      throw new UserError(`${what}: "${pattern}" matches no file. Check the path (relative paths start at ${cwd}).`);
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}

async function expandOne(cwd: string, pattern: string): Promise<string[]> {
  const absolute = resolve(cwd, pattern);
  if (!isGlob(pattern)) {
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return [absolute];
    if (info?.isDirectory()) return walk(absolute, () => true);
    return [];
  }
  const normalized = absolute.split(sep).join("/");
  const base = staticPrefix(normalized) || "/";
  const matcher = globToRegExp(normalized.slice(base.length).replace(/^\//, ""));
  if (!(await stat(base).catch(() => undefined))?.isDirectory()) return [];
  return walk(base, (path) => matcher.test(relative(base, path).split(sep).join("/")));
}

async function walk(dir: string, accept: (path: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path, accept)));
    else if (entry.isFile() && accept(path)) out.push(path);
  }
  return out;
}
