// `modelkeeper serve` from the shipped bundle (bin/modelkeeper.js → dist/) as its own process, once
// it says it is ready: for the tests that check what ships, not the sources.
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../../bin/modelkeeper.js", import.meta.url));

export interface DistServe {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  exited: Promise<number | null>;
}

export async function serveFromDist(
  cwd: string,
  args: string[],
  options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<DistServe> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, "serve", ...args], {
    cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk;
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  return { child, url, output: () => output, exited };
}
