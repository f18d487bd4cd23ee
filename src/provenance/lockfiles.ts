import { readdir } from "node:fs/promises";

/** Files at the repository root that pin the training environment, hashed with every record. */
const LOCKFILE_PATTERNS = [
  /^package-lock\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^yarn\.lock$/,
  /^pnpm-lock\.yaml$/,
  /^requirements.*\.txt$/,
  /^constraints.*\.txt$/,
  /^poetry\.lock$/,
  /^uv\.lock$/,
  /^Pipfile\.lock$/,
  /^pdm\.lock$/,
  /^environment\.ya?ml$/,
  /^conda-lock\.ya?ml$/,
  /^renv\.lock$/,
  /^Cargo\.lock$/,
  /^go\.sum$/,
];

export async function findLockfiles(repoRoot: string): Promise<string[]> {
  const entries = await readdir(repoRoot, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && LOCKFILE_PATTERNS.some((p) => p.test(e.name)))
    .map((e) => e.name)
    .sort();
}
