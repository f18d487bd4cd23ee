import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { UserError } from "./errors.ts";

/**
 * The one check of the repository boundary, for reads and writes alike: `path` (relative to the
 * repository root, or absolute) must resolve, symbolic links followed, to a place inside the
 * root. For a path that does not exist yet (a file about to be written) its nearest existing
 * folder is resolved, so a symlinked `models/` cannot send the write elsewhere.
 * Returns the resolved absolute path; `what` names the config key or option in the message.
 */
export function insideRepository(root: string, path: string, what: string): string {
  const realRoot = realpathSync(root);
  const target = resolve(root, path);
  const real = realPathOfNearestExisting(target);
  if (!isWithin(realRoot, real)) {
    throw new UserError(
      `${what}: ${path} resolves to ${real}, outside the repository ${realRoot} (through a symbolic link). ` +
        `modelkeeper reads and writes only files inside the repository: replace the link with the file or folder itself.`,
      { key: what },
    );
  }
  return real;
}

/** Whether `path` is `root` or below it (both already real paths). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function realPathOfNearestExisting(path: string, depth = 0): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return resolve(realpathSync(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
      // A dangling link still decides where a write would land: follow it by hand.
      const link = lstatSync(current, { throwIfNoEntry: false });
      if (link?.isSymbolicLink() && depth < 40) {
        return resolve(
          realPathOfNearestExisting(resolve(dirname(current), readlinkSync(current)), depth + 1),
          ...missing.reverse(),
        );
      }
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(basename(current));
      current = parent;
    }
  }
}
