import type { FileHashes, RecordInputs, RecordLine } from "./note-line.ts";
import { comparePaths } from "./expand-paths.ts";
import type { KeyChange } from "./config-section.ts";

type ChangeKind = "changed" | "missing" | "new";

export interface PathChange {
  /** A repository-relative path, or for role `section` the model's key in the config (`models.fraud`). */
  path: string;
  role: "artifact" | "data" | "code" | "config" | "lockfiles" | "section";
  kind: ChangeKind;
  expected?: string;
  actual?: string;
  /** For role `section`: which keys of the model's config section changed. */
  keys?: KeyChange[];
}

export type CurrentHashes = Record<Exclude<PathChange["role"], "section">, FileHashes>;

/** Every difference between a record and the working tree's hashes, sorted by path. Pure. */
export function compareRecord(
  record: Pick<RecordLine, "artifact">,
  inputs: RecordInputs,
  current: CurrentHashes,
): PathChange[] {
  const recorded: CurrentHashes = { artifact: { [record.artifact.path]: record.artifact.sha256 }, ...inputs };
  const changes: PathChange[] = [];
  for (const role of ["artifact", "data", "code", "config", "lockfiles"] as const) {
    const before = recorded[role] ?? {};
    const now = current[role] ?? {};
    for (const [path, expected] of Object.entries(before)) {
      const actual = now[path];
      if (actual === undefined) changes.push({ path, role, kind: "missing", expected });
      else if (actual !== expected) changes.push({ path, role, kind: "changed", expected, actual });
    }
    for (const [path, actual] of Object.entries(now)) {
      if (!(path in before)) changes.push({ path, role, kind: "new", actual });
    }
  }
  return changes.sort((a, b) => comparePaths(a.path, b.path));
}
