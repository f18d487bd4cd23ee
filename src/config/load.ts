import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { parseConfig } from "./parse.ts";
import type { Config } from "./types.ts";
import { UserError } from "../errors.ts";

export const DEFAULT_CONFIG_FILE = "modelkeeper.yml";

/** Reads and validates the config file; every problem is a UserError naming file, line and key. */
export async function loadConfig(path: string, repoRoot: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UserError(
        `${relative(repoRoot, path) || path}: no config file. Create ${DEFAULT_CONFIG_FILE} at the repository root ` +
          `(see the README's "Config" section) or pass --config PATH.`,
        { file: path },
      );
    }
    throw new UserError(`${path}: cannot read the config file (${code ?? String(error)}).`, { file: path });
  }
  const relativePath = relative(repoRoot, path).split("\\").join("/");
  return parseConfig(text, relativePath.startsWith("..") ? path : relativePath, path);
}
