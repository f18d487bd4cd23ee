// Runs every test/**/*.test.ts with Node's own test runner (tsx loads TypeScript).
// Node 20's `--test` does not expand globs, so the files are listed here.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["test"];
const files = roots.flatMap((root) => (root.endsWith(".ts") ? [root] : walk(root))).sort();

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : walk(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
  stdio: "inherit",
  env: { ...process.env, ORT_DISABLE_TELEMETRY: "1" },
});
process.exit(result.status ?? 1);
