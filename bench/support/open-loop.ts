/**
 * An open-loop HTTP load generator for the serve benchmark: requests leave at a fixed rate
 * whatever the server does (so a slow server cannot slow the load down and hide its queueing), over
 * keep-alive connections, and each latency is measured from the moment the request was due, not
 * from when a connection was free (no coordinated omission).
 */
import { Agent, request } from "node:http";

export interface LoadResult {
  /** Due-to-answered times in ms of requests answered with any HTTP status, sorted. */
  latencies: Float64Array;
  /** Count per HTTP status, or per error code for requests without an HTTP answer. */
  outcomes: Map<string, number>;
  /** Seconds it took to send them all (rate = sent / sendSeconds). */
  sendSeconds: number;
  sent: number;
}

export async function openLoop(options: {
  url: string;
  body: string;
  rate: number;
  seconds: number;
  agent: Agent;
}): Promise<LoadResult> {
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  const answers: Array<Promise<void>> = [];
  const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(options.body) };
  const start = performance.now();
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && start + i * interval <= now; i++) {
      const due = start + i * interval;
      answers.push(
        new Promise<void>((resolve) => {
          const req = request(options.url, { method: "POST", agent: options.agent, headers }, (res) => {
            res.resume();
            res.once("end", () => {
              latencies.push(performance.now() - due);
              count(String(res.statusCode));
              resolve();
            });
          });
          req.once("error", (error: NodeJS.ErrnoException) => {
            count(error.code ?? error.message);
            resolve();
          });
          req.end(options.body);
        }),
      );
    }
    const wait = start + i * interval - performance.now();
    if (i < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(answers);
  return { latencies: Float64Array.from(latencies).sort(), outcomes, sendSeconds, sent: total };
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** A client's keep-alive pool; idle sockets are closed after 4 s, before the server's 5 s would, so no request races a closing socket. */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4_000 });
}
