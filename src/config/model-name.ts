/**
 * What a model name must be. A name becomes a component of git refs (tags
 * `modelkeeper/<name>/v<N>`, branches `modelkeeper/retrain/<name>`), a file name (the retrain
 * record `.modelkeeper/retrain/<name>.json`, on any operating system) and a Prometheus label value
 * (`model="<name>"`). The character set alone already rules out everything `git check-ref-format`
 * refuses by character (control characters, space, ~ ^ : ? * [ \ @{ /) and every character Windows
 * refuses in a file name, and any such text is a valid Prometheus label value; the rules below are
 * the ones about arrangement.
 */

const MODEL_NAME_MAX_LENGTH = 64;

/** Windows refuses these as a file's base name, with or without an extension, in any letter case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

interface Rule {
  /** The rule, said as what a name must (not) do. */
  rule: string;
  broken(name: string): boolean;
}

const RULES: Rule[] = [
  { rule: "it must not be empty", broken: (n) => n.length === 0 },
  {
    rule: `it must be at most ${MODEL_NAME_MAX_LENGTH} characters long`,
    broken: (n) => n.length > MODEL_NAME_MAX_LENGTH,
  },
  {
    rule: 'it may contain only ASCII letters, digits, ".", "_" and "-" (no spaces, slashes or other symbols)',
    broken: (n) => /[^A-Za-z0-9._-]/.test(n),
  },
  {
    rule: 'it must start with a letter or a digit (git refuses a ref component starting with ".", and a branch or option starting with "-")',
    broken: (n) => /^[._-]/.test(n),
  },
  { rule: 'it must not contain ".." (git refuses it in a ref)', broken: (n) => n.includes("..") },
  {
    rule: 'it must not end with "." (git refuses a ref ending in ".", and Windows drops it from a file name)',
    broken: (n) => n.endsWith("."),
  },
  {
    rule: 'it must not end with ".lock" (git reserves that ending for its lock files)',
    broken: (n) => /\.lock$/i.test(n),
  },
  {
    rule: "it must not be a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9, also followed by an extension)",
    broken: (n) => WINDOWS_RESERVED.test(n),
  },
];

/** The first rule `name` breaks, or undefined when it is a valid model name. */
export function modelNameProblem(name: string): string | undefined {
  return RULES.find((r) => r.broken(name))?.rule;
}

export function isValidModelName(name: string): boolean {
  return modelNameProblem(name) === undefined;
}

/**
 * Names that only differ in letter case share their tags and branches on a case-insensitive file
 * system (macOS, Windows: loose refs are files), so a config may not hold two of them.
 * Returns the pairs [earlier, later] that collide.
 */
export function caseCollisions(names: string[]): Array<[string, string]> {
  const seen = new Map<string, string>();
  const collisions: Array<[string, string]> = [];
  for (const name of names) {
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) collisions.push([earlier, name]);
    else seen.set(folded, name);
  }
  return collisions;
}
