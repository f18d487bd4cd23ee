import { execFile } from "node:child_process";
import type { Git } from "./git.ts";

/** The bytes of a blob (`rev:path` or a blob id), unchanged: model files and Parquet are binary. */
export function readBlob(git: Git, object: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["cat-file", "blob", object],
      { cwd: git.cwd, encoding: "buffer", maxBuffer: 4 * 1024 ** 3 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}
