/**
 * The one door to onnxruntime. Since 1.2x the native library starts a telemetry system on Linux
 * and macOS that persists a device id under ~/.cache/Microsoft/DeveloperTools and may upload
 * events, unless ORT_DISABLE_TELEMETRY is set when the runtime starts. A static `import` would be
 * hoisted above any statement that sets it, so the variable is set here first and the runtime is
 * loaded with a dynamic import afterwards; every other module must use `loadOrt()` (and may only
 * `import type` from onnxruntime).
 *
 * Two runtimes with one API (onnxruntime-common): the WebAssembly build shipped in dist/ (the
 * default, every platform) and the native onnxruntime-node when the user installed it
 * (./ort-runtime.ts decides). In the bundle the WebAssembly binary is dist/ort-wasm-simd-threaded
 * .wasm.br (brotli: 2.4 MB instead of 14 MB), next to its loader dist/ort-wasm-simd-threaded.mjs.
 */
process.env.ORT_DISABLE_TELEMETRY = "1";

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompress } from "node:zlib";
import { promisify } from "node:util";
import { UserError } from "../errors.ts";
import { chooseRuntime, type RuntimeChoice, type RuntimeFacts } from "./ort-runtime.ts";

/** onnxruntime-common's API, which both runtimes export. */
export type Ort = typeof import("onnxruntime-web");

interface LoadedOrt {
  ort: Ort;
  runtime: RuntimeChoice["runtime"];
  /** Why this runtime, and why not the other when the native one failed to load. */
  reason: string;
}

const WASM_FILE = "ort-wasm-simd-threaded.wasm";
const WASM_LOADER = "ort-wasm-simd-threaded.mjs";

let loading: Promise<LoadedOrt> | undefined;

export function loadOrt(): Promise<Ort> {
  return loadRuntime().then((loaded) => loaded.ort);
}

/** The runtime in use, loading it on first call. */
function loadRuntime(): Promise<LoadedOrt> {
  if (!loading) {
    // Again at first use, in case something cleared the variable after this module loaded.
    process.env.ORT_DISABLE_TELEMETRY = "1";
    loading = start(runtimeChoice());
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

/**
 * Decides the runtime without loading it: entry points call this before any work, so a runtime
 * that cannot run is reported first (a UserError), not after a train command ran for an hour.
 */
export function runtimeChoice(env: NodeJS.ProcessEnv = process.env): RuntimeChoice {
  return chooseRuntime(runtimeFacts(env));
}

function runtimeFacts(env: NodeJS.ProcessEnv = process.env): RuntimeFacts {
  const { platform, arch } = process;
  const packageJson = resolveFromHere("onnxruntime-node/package.json");
  // The path onnxruntime-node's dist/binding.js requires: bin/napi-v6/<platform>/<arch>/.
  const binding =
    packageJson && join(dirname(packageJson), "bin", "napi-v6", platform, arch, "onnxruntime_binding.node");
  return {
    requested: env.MODELKEEPER_ORT,
    platform,
    arch,
    nativeInstalled: Boolean(packageJson),
    nativeBinding: binding && existsSync(binding) ? binding : undefined,
  };
}

async function start(choice: RuntimeChoice): Promise<LoadedOrt> {
  if (choice.runtime === "native") {
    try {
      const ort = (await import("onnxruntime-node")) as unknown as Ort;
      return { ort, runtime: "native", reason: choice.reason };
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      if (choice.forced)
        throw new UserError(
          `MODELKEEPER_ORT=native, but onnxruntime-node failed to load: ${why}. Unset MODELKEEPER_ORT to use the WebAssembly runtime.`,
          { key: "MODELKEEPER_ORT" },
        );
      return {
        ort: await startWasm(),
        runtime: "wasm",
        reason: `onnxruntime-node failed to load on ${process.platform}-${process.arch} (${why})`,
      };
    }
  }
  return { ort: await startWasm(), runtime: "wasm", reason: choice.reason };
}

async function startWasm(): Promise<Ort> {
  const ort = (await import("onnxruntime-web")) as Ort;
  const assets = wasmAssets();
  // One thread: evaluation runs beside other jobs on small runners, and no worker files to ship.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if (assets.loader) ort.env.wasm.wasmPaths = { mjs: assets.loader };
  const bytes = await readFile(assets.binary);
  ort.env.wasm.wasmBinary = assets.binary.endsWith(".br") ? await promisify(brotliDecompress)(bytes) : bytes;
  return ort;
}

/** The bundle's compressed copy next to this module, else the installed onnxruntime-web's (a checkout). */
function wasmAssets(): { binary: string; loader?: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  const shipped = join(here, `${WASM_FILE}.br`);
  if (existsSync(shipped)) return { binary: shipped, loader: new URL(WASM_LOADER, import.meta.url).href };
  const entry = resolveFromHere("onnxruntime-web");
  if (!entry)
    throw new Error(
      `the WebAssembly runtime is missing: neither ${shipped} nor onnxruntime-web is there (a broken install)`,
    );
  return { binary: join(dirname(entry), WASM_FILE) };
}

function resolveFromHere(specifier: string): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return undefined;
  }
}
