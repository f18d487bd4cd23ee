/**
 * Starts a worker thread from a module of ours, the same way from the bundle and from the sources.
 * In the bundle (dist/, where this module is a .js chunk) the entry is dist/<name>.js, built by
 * scripts/bundle.mjs next to the chunks; from the sources it is the .ts file beside the caller,
 * bundled once per process into one CommonJS script with esbuild (a devDependency): loading
 * TypeScript in a worker through tsx costs about half a second per worker, esbuild a few tens of
 * milliseconds. Returns undefined when no worker can be had; callers then do the work themselves.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export interface WorkerEntry {
  /** The bundle's file name without ".js" (an entry point of scripts/bundle.mjs). */
  readonly bundled: string;
  /** The TypeScript source, for runs from the sources. */
  readonly source: URL;
}

/** dist/<name>.js when this module runs from the bundle; undefined from the sources. */
export function bundledWorkerUrl(name: string, moduleUrl: string = import.meta.url): URL | undefined {
  return moduleUrl.endsWith(".ts") ? undefined : new URL(`./${name}.js`, moduleUrl);
}

export async function startWorker(entry: WorkerEntry, workerData?: unknown): Promise<Worker | undefined> {
  try {
    const bundled = bundledWorkerUrl(entry.bundled);
    if (bundled) return new Worker(bundled, { workerData });
    const code = await workerCode(entry.source);
    if (code === undefined) return undefined;
    return new Worker(code, { eval: true, execArgv: [], workerData });
  } catch {
    return undefined;
  }
}

const compiled = new Map<string, Promise<string | undefined>>();

function workerCode(source: URL): Promise<string | undefined> {
  let code = compiled.get(source.href);
  if (!code) {
    code = (async () => {
      try {
        const bundler = "esbuild"; // a variable, so that bundlers leave this import alone
        const { build } = (await import(bundler)) as typeof import("esbuild");
        const output = await build({
          entryPoints: [fileURLToPath(source)],
          bundle: true,
          format: "cjs",
          platform: "node",
          target: "node20",
          write: false,
          logLevel: "silent",
        });
        return output.outputFiles[0].text;
      } catch {
        return undefined;
      }
    })();
    compiled.set(source.href, code);
  }
  return code;
}
