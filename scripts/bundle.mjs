// Builds the Action's bundle: dist/main.js, the CLI's dist/cli.js and the example trainer's
// dist/trainer.js (`modelkeeper/trainer`), every dependency inlined, plus the one part that
// cannot be bundled, onnxruntime-node (its native binding is loaded by a computed path), copied
// as a trimmed linux-x64 runtime to dist/node_modules/ where Node's resolution finds it.
// `node scripts/bundle.mjs --check` builds into a temporary folder and fails if dist/ differs.
import { build } from "esbuild";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const out = check ? await mkdtemp(join(tmpdir(), "modelkeeper-dist-")) : join(root, "dist");

if (!check) await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

await build({
  entryPoints: {
    main: join(root, "src/main.ts"),
    cli: join(root, "src/cli.ts"),
    trainer: join(root, "src/trainer/index.ts"),
    // The paired bootstrap's worker thread, loaded next to the bundle (src/stats/paired/paired-bootstrap.ts).
    "bootstrap-worker": join(root, "src/stats/paired/bootstrap-worker.ts"),
  },
  outdir: out,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external: ["onnxruntime-node"],
  outExtension: { ".js": ".js" },
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);" },
  legalComments: "none",
  logLevel: "warning",
});

const runtime = [
  ["node_modules/onnxruntime-node/package.json"],
  ["node_modules/onnxruntime-node/LICENSE"],
  ["node_modules/onnxruntime-node/dist", (p) => p.endsWith(".js")],
  ["node_modules/onnxruntime-node/bin/napi-v6/linux/x64"],
  ["node_modules/onnxruntime-common/package.json"],
  ["node_modules/onnxruntime-common/LICENSE"],
  ["node_modules/onnxruntime-common/dist/cjs", (p) => p.endsWith(".js") || p.endsWith(".json")],
];
for (const [path, keep] of runtime) {
  const source = join(root, path);
  if (!(await stat(source).catch(() => undefined))) continue;
  await cp(source, join(out, path), { recursive: true, filter: async (p) => (await stat(p)).isDirectory() || !keep || keep(p) });
}
await writePackageMarker(out);

if (check) {
  const differences = await compareTrees(out, join(root, "dist"));
  await rm(out, { recursive: true, force: true });
  if (differences.length) {
    console.error(`dist/ is not current (${differences.length} difference(s), e.g. ${differences.slice(0, 5).join(", ")}). Run npm run bundle and commit dist/.`);
    process.exit(1);
  }
  console.log("dist/ is current.");
}

/** dist/ runs as ESM whatever the package around it says. */
async function writePackageMarker(dir) {
  const { writeFile } = await import("node:fs/promises");
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }, null, 2) + "\n");
}

async function compareTrees(a, b) {
  const [left, right] = await Promise.all([listFiles(a), listFiles(b)]);
  const differences = [];
  for (const file of new Set([...left, ...right])) {
    if (!left.includes(file) || !right.includes(file)) differences.push(file);
    else if (!(await readFile(join(a, file))).equals(await readFile(join(b, file)))) differences.push(file);
  }
  return differences;
}

async function listFiles(dir, base = dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path, base)));
    else files.push(relative(base, path));
  }
  return files.sort();
}
