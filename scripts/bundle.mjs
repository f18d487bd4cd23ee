// Builds dist/, the compiled JavaScript that the Action runs and the npm package ships (no
// TypeScript, no dependency to install):
//   index.js            the Action (action.yml runs it; src/index.ts calls src/main.ts's run())
//   cli.js              the CLI (bin/modelkeeper.js runs it)
//   trainer.js          the example trainer, `modelkeeper/trainer`
//   yaml.js             the bundled YAML parser, `modelkeeper/yaml` (what the demo's example imports)
//   bootstrap-worker.js the paired bootstrap's worker thread (src/threads/bootstrap-threads.ts)
//   csv-range-worker.js the CSV reader's second thread for big files (src/data/csv-parallel.ts)
//   column-worker.js    drift's per-column statistics on the other cores (src/monitor/column-pool.ts)
//   log-format-worker.js the prediction log's formatting thread (src/serve/log-formatter.ts)
//   chunk-*.js          code the entries share, and lazily loaded parts (the demo, onnxruntime-web)
//   ort-wasm-simd-threaded.mjs + .wasm.br  the WebAssembly onnxruntime, the binary brotli-compressed
//                       (src/model/ort.ts decompresses it); the only ONNX runtime shipped
//   github-api.json.br  the subset of GitHub's OpenAPI description the demo's loopback GitHub serves
//   licenses.txt        the licence of every bundled package
// `node scripts/bundle.mjs --check` builds into a temporary folder and fails if dist/ differs.
import { build } from "esbuild";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const out = check ? await mkdtemp(join(tmpdir(), "modelkeeper-dist-")) : join(root, "dist");

if (!check) await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await build({
  entryPoints: {
    index: join(root, "src/index.ts"),
    cli: join(root, "bin/cli.ts"),
    trainer: join(root, "src/trainer/index.ts"),
    yaml: join(root, "src/trainer/yaml.ts"),
    "bootstrap-worker": join(root, "src/threads/bootstrap-worker.ts"),
    // The CSV reader's second thread, loaded next to the bundle (src/data/csv-parallel.ts).
    "csv-range-worker": join(root, "src/data/csv-range-worker.ts"),
    // Drift's column pool, loaded next to the bundle the same way (src/monitor/column-pool.ts).
    "column-worker": join(root, "src/monitor/column-worker.ts"),
    "log-format-worker": join(root, "src/serve/log-format-worker.ts"),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: "chunk-[hash]",
  platform: "node",
  target: "node20",
  format: "esm",
  // Native modules used only when the user installed them: onnxruntime-node (src/model/ort-runtime.ts)
  // and DuckDB, drift's out-of-core engine (src/data/duckdb.ts), both imported lazily.
  external: ["onnxruntime-node", "@duckdb/node-api"],
  // Bundled CommonJS dependencies call require(); give every ESM file one.
  banner: {
    js: "import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);",
  },
  legalComments: "none",
  metafile: true,
  logLevel: "error",
});

// The WebAssembly runtime: its loader as published, its binary compressed (14.8 MB -> 2.8 MB;
// quality 11 would save 0.4 MB more but takes 43 s instead of 6 s on every build and --check).
const ortWeb = join(root, "node_modules/onnxruntime-web/dist");
await writeFile(join(out, "ort-wasm-simd-threaded.mjs"), await readFile(join(ortWeb, "ort-wasm-simd-threaded.mjs")));
const wasm = await readFile(join(ortWeb, "ort-wasm-simd-threaded.wasm"));
await writeFile(
  join(out, "ort-wasm-simd-threaded.wasm.br"),
  brotliCompressSync(wasm, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 9,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length,
    },
  }),
);

await writeFile(join(out, "github-api.json.br"), brotliCompressSync(JSON.stringify(await githubApiSubset())));
await writeFile(join(out, "licenses.txt"), await licenseNotices(result.metafile, ["onnxruntime-web"]));
await writeFile(join(out, "package.json"), JSON.stringify({ type: "module", private: true }, null, 2) + "\n");

if (check) {
  const differences = await compareTrees(out, join(root, "dist"));
  await rm(out, { recursive: true, force: true });
  if (differences.length) {
    console.error(
      `dist/ is not current (${differences.length} difference(s), e.g. ${differences.slice(0, 5).join(", ")}). Run npm run bundle and commit dist/.`,
    );
    process.exit(1);
  }
  console.log("dist/ is current.");
}

/**
 * The operations the loopback GitHub implements (test/support/github-standin/handlers), with the
 * parameters and schemas they reference, cut from @octokit/openapi's 13 MB description.
 */
async function githubApiSubset() {
  const scratch = await mkdtemp(join(tmpdir(), "modelkeeper-handlers-"));
  try {
    const file = join(scratch, "handlers.mjs");
    await build({
      entryPoints: [join(root, "test/support/github-standin/handlers/index.ts")],
      outfile: file,
      bundle: true,
      platform: "node",
      format: "esm",
      logLevel: "error",
    });
    const { handlers } = await import(pathToFileURL(file).href);
    const implemented = new Set(Object.keys(handlers));
    const spec = JSON.parse(
      await readFile(join(root, "node_modules/@octokit/openapi/generated/api.github.com.json"), "utf8"),
    );
    const subset = { openapi: spec.openapi, paths: {}, components: { schemas: {}, parameters: {} } };
    const pending = [];
    for (const [template, item] of Object.entries(spec.paths)) {
      const kept = Object.fromEntries(
        Object.entries(item)
          .filter(([, op]) => implemented.has(op?.operationId))
          .map(([method, op]) => [method, trimOperation(op)]),
      );
      if (Object.keys(kept).length === 0) continue;
      if (item.parameters) kept.parameters = item.parameters;
      subset.paths[template] = kept;
      pending.push(kept);
    }
    // Every #/components/... reference the kept operations reach, transitively.
    while (pending.length) {
      const value = pending.pop();
      if (!value || typeof value !== "object") continue;
      if (typeof value.$ref === "string") {
        const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
        if (kind && !(subset.components[kind] ??= {})[name]) {
          subset.components[kind][name] = spec.components[kind][name];
          pending.push(spec.components[kind][name]);
        }
      }
      for (const child of Object.values(value)) pending.push(child);
    }
    return subset;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What routing and request validation read; responses and examples are dropped. */
function trimOperation(op) {
  const { operationId, parameters, requestBody, externalDocs } = op;
  const body = requestBody && {
    required: requestBody.required,
    content: Object.fromEntries(
      Object.entries(requestBody.content ?? {}).map(([type, c]) => [type, { schema: c.schema }]),
    ),
  };
  return {
    operationId,
    ...(parameters ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    ...(externalDocs ? { externalDocs } : {}),
  };
}

/** Name, version, licence and licence text of every package whose code is in the bundle. */
async function licenseNotices(metafile, alsoShipped) {
  const packages = new Set(alsoShipped.map((name) => join(root, "node_modules", name)));
  for (const input of Object.keys(metafile.inputs)) {
    const path = join(root, input);
    const at = path.lastIndexOf(`${sep}node_modules${sep}`);
    if (at < 0) continue;
    const rest = path.slice(at + "/node_modules/".length).split(sep);
    packages.add(
      path.slice(0, at + "/node_modules/".length) + (rest[0].startsWith("@") ? join(rest[0], rest[1]) : rest[0]),
    );
  }
  const sections = [];
  for (const dir of [...packages].sort((a, b) => packageName(a).localeCompare(packageName(b)))) {
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    const files = (await readdir(dir)).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
    const texts = await Promise.all(files.map((f) => readFile(join(dir, f), "utf8")));
    const license =
      typeof manifest.license === "string" ? manifest.license : (manifest.license?.type ?? "see the package");
    sections.push(
      [`${manifest.name} ${manifest.version}`, `License: ${license}`, ...texts.map((t) => t.trim())].join("\n\n"),
    );
  }
  return (
    `Third-party software bundled in dist/ (${sections.length} packages)\n\n` +
    sections.join(`\n\n${"-".repeat(72)}\n\n`) +
    "\n"
  );
}

function packageName(dir) {
  return relative(join(root, "node_modules"), dir).split(sep).join("/");
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
