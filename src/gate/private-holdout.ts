import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { HoldoutInput } from "./score-holdout.ts";
import { UserError } from "../errors.ts";

/**
 * --holdout FILE: a held-out set kept out of the repository (and so out of a fork's reach: a set
 * committed in the repository is public, and a model can be trained on it), fetched by the trusted
 * workflow with a secret. It replaces data.holdout for every model judged in the run; the report
 * and note lines name it by file name and sha256 only.
 */
export async function privateHoldout(file: string, cwd: string): Promise<HoldoutInput> {
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile())
    throw new UserError(
      `--holdout ${file}: no such file. Pass the held-out file the trusted workflow fetched (CSV, JSON Lines or Parquet).`,
      { file },
    );
  const sha256 = createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
  return { name: "private holdout", paths: [path], files: { [`(private) ${basename(path)}`]: sha256 } };
}
