import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the modelkeeper package this code runs from (a checkout, or node_modules/modelkeeper
 * of an install): the nearest parent with modelkeeper's package.json. Works from src/demo/ and from
 * any file of dist/, which sit at different depths.
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "modelkeeper") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no modelkeeper package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
}
