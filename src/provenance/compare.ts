import type { FileHashes, RecordLine } from "./note-line.ts";
import { comparePaths } from "./expand-paths.ts";

export type ChangeKind = "changed" | "missing" | "new";

export interface PathChange {
  path: string;
  role: "artifact" | "data" | "code" | "config" | "lockfiles";
  kind: ChangeKind;
  expected?: string;
  actual?: string;
}

export type CurrentHashes = Record<PathChange["role"], FileHashes>;

/** Every difference between a record and the working tree's hashes, sorted by path. Pure. */
export function compareRecord(record: RecordLine, current: CurrentHashes): PathChange[] {
  const recorded: CurrentHashes = {
    artifact: { [record.artifact.path]: record.artifact.sha256 },
    ...record.inputs,
  };
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
