// A benchmark's child process: node with peak-rss.mjs preloaded, timed from the outside.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const peakRss = fileURLToPath(new URL("./peak-rss.mjs", import.meta.url));

export interface MeasuredRun {
  seconds: number;
  /** user + system of every thread. */
  cpuSeconds: number;
  peakMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function measuredChild(args: string[], cwd: string): MeasuredRun {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", peakRss, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1]) / 1024;
  const cpuSeconds = Number(/CPU_US=(\d+)/.exec(run.stderr)?.[1]) / 1e6;
  return { seconds, cpuSeconds, peakMb, code: run.status, stdout: run.stdout, stderr: run.stderr };
}
