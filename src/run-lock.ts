import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "./errors.ts";

/** Whether a process with this id is still running (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `file` (created with O_EXCL, holding our pid) so that two runs of one writing command in
 * the same checkout cannot interleave their git steps. A lock whose process is gone (kill -9) is
 * taken over: the rerun then finishes what the killed run started. Returns the release function.
 */
export function takeRunLock(file: string, what: string): () => void {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (processAlive(owner)) {
        throw new UserError(
          `another ${what} (process ${owner}) is running in this checkout: wait for it to finish. If it is not running, remove ${file}.`,
          { file },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new UserError(`could not take ${file}: another ${what} keeps starting in this checkout.`, { file });
}
