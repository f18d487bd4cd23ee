import { spawn } from "node:child_process";

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last lines of combined output, for error messages. */
  tail: string;
  durationMs: number;
}

/**
 * Runs a configured shell command (a train command) in its own process group, so a timeout or
 * an abort stops it and every child it started.
 */
export function runShellCommand(
  command: string,
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    signal?: AbortSignal;
    onOutput?: (chunk: string) => void;
  },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      cwd: options.cwd,
      env: options.env,
      shell: true,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.onOutput?.(text);
      tail = (tail + text).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => killGroup();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve({
        code,
        signal,
        timedOut,
        tail: tail.split("\n").slice(-20).join("\n"),
        durationMs: Date.now() - started,
      });
    });
  });
}
