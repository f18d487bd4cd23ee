// npm run bench [-- NAME...]: runs the benchmarks in bench/ (all, or those named), one process each.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const chosen = wanted.length ? all.filter((name) => wanted.includes(name)) : all;
if (wanted.length && chosen.length !== wanted.length) {
  console.error(
    `unknown benchmark(s): ${wanted.filter((w) => !all.includes(w)).join(", ")}. Available: ${all.join(", ")}`,
  );
  process.exit(2);
}
let failed = 0;
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `${dir}/${name}.ts`], {
    stdio: "inherit",
    env: { ...process.env, ORT_DISABLE_TELEMETRY: "1" },
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
