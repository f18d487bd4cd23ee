import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processAlive } from "./run-lock.ts";

/**
 * Temporary folders for one command run (a champion artifact taken out of git, a base branch's
 * held-out set, a worktree, a staged drift window), removed when the process exits, however the
 * command ended: normally, by an error, or by SIGINT/SIGTERM. A process killed with -9 runs no
 * hook, so each name carries its owner (`modelkeeper-<prefix>-<pid namespace>-<pid>-XXXXXX`) and
 * the next run removes the folders of owners that are gone. Only owners in this run's own pid
 * namespace are judged: a container sharing /tmp with another sees other pids, or none, under
 * the same numbers, and must not take the other's live folders for abandoned ones.
 */
const created = new Set<string>();
let hooked = false;
let swept = false;

export function makeTempDir(prefix: string): string {
  if (!swept) {
    swept = true;
    removeAbandonedTempDirs();
  }
  const dir = mkdtempSync(join(tmpdir(), `modelkeeper-${prefix}-${PID_NAMESPACE}-${process.pid}-`));
  created.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", removeTempDirs);
    // First in line: a handler that runs before it may remove itself (serve's drain does), and
    // onSignal would then take the signal for unhandled and kill the process.
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.prependListener(signal, onSignal);
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

/**
 * A signal the process would die of removes the folders first, then dies of it as before. When
 * something else handles the signal (serve drains its requests; a worktree removes itself and
 * raises it again), that handler decides, and the exit hook cleans up once the process exits.
 * Handlers added later (serve's, after a champion was taken out of git) still count: this one
 * runs first, before any of them has removed itself.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removeTempDirs();
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

/** The inode of this process's pid namespace (Linux), or 0 where there is none to read. */
const PID_NAMESPACE = (() => {
  try {
    return /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1] ?? "0";
  } catch {
    return "0";
  }
})();

const OWNED = /^modelkeeper-[a-z-]+-(\d+)-(\d+)-[A-Za-z0-9]{6}$/;

/** Removes modelkeeper temporary folders whose owning process (in this pid namespace) is gone. */
export function removeAbandonedTempDirs(root = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const [, namespace, owner] = OWNED.exec(name) ?? [];
    if (namespace !== PID_NAMESPACE || Number(owner) === process.pid || processAlive(Number(owner))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
