import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processAlive } from "./run-lock.ts";

/**
 * Temporary folders for one command run (a champion artifact taken out of git, a base branch's
 * held-out set, a worktree), removed when the process exits, however the command ended. A process
 * killed with -9 runs no exit hook, so each name carries the owner's pid
 * (`modelkeeper-<prefix>-<pid>-XXXXXX`) and the next run removes the folders of owners that are gone.
 */
const created = new Set<string>();
let hooked = false;
let swept = false;

export function makeTempDir(prefix: string): string {
  if (!swept) {
    swept = true;
    removeAbandonedTempDirs();
  }
  const dir = mkdtempSync(join(tmpdir(), `modelkeeper-${prefix}-${process.pid}-`));
  created.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", removeTempDirs);
  }
  return dir;
}

/** Removes a folder made by makeTempDir now (it is forgotten by the exit hook). */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  created.delete(dir);
}

function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}

const OWNED = /^modelkeeper-[a-z-]+-(\d+)-[A-Za-z0-9]{6}$/;

/** Removes modelkeeper temporary folders whose owning process no longer runs. */
function removeAbandonedTempDirs(root = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const owner = OWNED.exec(name)?.[1];
    if (!owner || Number(owner) === process.pid || processAlive(Number(owner))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
