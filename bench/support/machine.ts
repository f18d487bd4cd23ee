import { cpus, totalmem, platform, release } from "node:os";

/** One line naming the machine a benchmark ran on, for BENCHMARKS.md. */
export function machineLine(): string {
  return `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** The best of n runs: the least disturbed by other work on the machine. */
export async function bestOf<T>(n: number, fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let best: { ms: number; value: T } | undefined;
  for (let i = 0; i < n; i++) {
    const run = await timed(fn);
    if (!best || run.ms < best.ms) best = run;
  }
  return best!;
}
