import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  parseConfig
} from "./chunk-FGOFSWAX.js";
import {
  UserError
} from "./chunk-G5TKV47H.js";

// src/config/load.ts
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
var DEFAULT_CONFIG_FILE = "modelkeeper.yml";
async function loadConfig(path, repoRoot) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") {
      throw new UserError(
        `${relative(repoRoot, path) || path}: no config file. Create ${DEFAULT_CONFIG_FILE} at the repository root (see the README's "Config" section) or pass --config PATH.`,
        { file: path }
      );
    }
    throw new UserError(`${path}: cannot read the config file (${code ?? String(error)}).`, { file: path });
  }
  const relativePath = relative(repoRoot, path).split("\\").join("/");
  return parseConfig(text, relativePath.startsWith("..") ? path : relativePath, path);
}

export {
  DEFAULT_CONFIG_FILE,
  loadConfig
};
