/**
 * Glob patterns as the config uses them, matched against repository-relative POSIX paths.
 * `*` and `?` stay within one path segment, `**` spans segments, `[abc]` and `{a,b}` as in shells.
 * Pure: walking the file system is expand-paths.ts's job.
 */

export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** The leading part of a pattern without glob characters: the folder a walk can start from. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.split("/");
  const fixed: string[] = [];
  for (const segment of segments) {
    if (isGlob(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === segments.length ? fixed.slice(0, -1).join("/") : fixed.join("/");
}

export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        const atSegmentStart = i === 0 || pattern[i - 1] === "/";
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atSegmentStart && atSegmentEnd) {
          // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
          if (pattern[i + 2] === "/") {
            source += "(?:[^/]+/)*";
            i += 2;
          } else {
            source += ".*";
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) {
        source += "\\[";
      } else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else if (char === "{") {
      const end = pattern.indexOf("}", i + 1);
      if (end === -1) {
        source += "\\{";
      } else {
        const options = pattern
          .slice(i + 1, end)
          .split(",")
          .map((o) => globToRegExp(o).source.slice(1, -1));
        source += `(?:${options.join("|")})`;
        i = end;
      }
    } else {
      source += char.replace(/[.+^$()|\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}
