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

export const bestSeconds = (runs: MeasuredRun[]) => Math.min(...runs.map((r) => r.seconds));
export const bestCpuSeconds = (runs: MeasuredRun[]) => Math.min(...runs.map((r) => r.cpuSeconds));
export const peakMb = (runs: MeasuredRun[]) => Math.max(...runs.map((r) => r.peakMb));

/** One line for a set of runs: best wall and CPU time with every run's, and the peak RSS. */
export function describeRuns(runs: MeasuredRun[]): string {
  return `best ${bestSeconds(runs).toFixed(1)} s (runs ${runs.map((r) => r.seconds.toFixed(1)).join(", ")}), CPU ${bestCpuSeconds(runs).toFixed(1)} s (${runs.map((r) => r.cpuSeconds.toFixed(1)).join(", ")}), peak RSS ${peakMb(runs).toFixed(0)} MB`;
}
