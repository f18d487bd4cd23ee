/**
 * `modelkeeper serve` as the demo runs it: its own process (as in a container), ready once it
 * prints "ready on URL", stopped with a real SIGTERM that must drain it to exit 0.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { UserError } from "../src/errors.ts";
import { packageRoot } from "./package-root.ts";

// The installed package's own CLI: from a checkout, bin/ runs the sources; installed, the bundle.
const BIN = join(packageRoot(), "bin", "modelkeeper.js");

export interface ServeProcess {
  url: string;
  /** What the server has printed on stderr so far (its log lines). */
  stderr(): string;
  /** SIGTERM, then the exit, which must be 0; resolves with what it printed on stdout. */
  stop(): Promise<string>;
  /** Kills it if it still runs (for `finally`). */
  kill(): void;
}

/** Starts `modelkeeper <argv>` in `repo`; `label` names it in errors ("serve", "serve --canary"). */
export async function startServe(
  repo: string,
  env: NodeJS.ProcessEnv,
  argv: string[],
  label: string,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: repo, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        const ready = /ready on (http:\/\/\S+)/.exec(stderr);
        if (ready) resolve(ready[1]);
      });
      void exited.then((code) =>
        reject(new UserError(`demo: modelkeeper ${label} exited ${code} before it was ready:\n${stderr}`)),
      );
    });
    return {
      url,
      stderr: () => stderr,
      kill,
      async stop() {
        child.kill("SIGTERM");
        const code = await exited;
        if (code !== 0)
          throw new UserError(`demo: modelkeeper serve exited ${code} after SIGTERM, expected 0:\n${stderr}`);
        return stdout;
      },
    };
  } catch (error) {
    kill();
    throw error;
  }
}
