import { open, type FileHandle } from "node:fs/promises";
import { UserError } from "../errors.ts";

/** Opens a data file for reading, turning the usual failures into messages that say what to do. */
export async function openDataFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    return { handle, size: stat.size };
  } catch (error) {
    await handle?.close();
    throw unreadableFile(path, error);
  }
}

/** The UserError for a file that cannot be read, by the system error code. */
export function unreadableFile(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "ENOENT"
      ? "no such file; check the path (it is relative to the current directory) or create the file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied; make the file readable"
        : code === "EISDIR"
          ? "it is a directory; name a data file (.csv, .jsonl, .ndjson or .parquet) instead"
          : `it cannot be read (${(error as Error | undefined)?.message ?? String(error)})`;
  return new UserError(`${path}: ${reason}.`, { file: path });
}
