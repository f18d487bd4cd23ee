/**
 * The demo's production day: `modelkeeper serve` runs as its own process on the champion (as it
 * would in a container), the day's transactions go to it one request per transaction over
 * keep-alive HTTP from a few concurrent clients, then a real SIGTERM drains it and the files of
 * its prediction log are the window drift reads. Offline: loopback only.
 */
import { Agent, request } from "node:http";
import { readFile } from "node:fs/promises";
import type { Table } from "../src/data/table.ts";
import { inferBody } from "../src/serve/infer-body.ts";
import { UserError } from "../src/errors.ts";
import { startServe } from "./serve-process.ts";

export interface ServedDay {
  /** The prediction log files the server wrote, in order. */
  logFiles: string[];
  /** Lines across them: one per scored row. */
  loggedRows: number;
  /** model_version of the answers (every answer's). */
  version: string;
  requests: number;
}

export interface ServeTrafficOptions {
  repo: string;
  model: string;
  features: readonly string[];
  window: Table;
  logDir: string;
  env: NodeJS.ProcessEnv;
  /** Clients sending at once, each over its own keep-alive connection. */
  clients?: number;
  say(line: string): void;
}

export async function serveTraffic(options: ServeTrafficOptions): Promise<ServedDay> {
  const argv = [
    "serve",
    "--model",
    options.model,
    "--port",
    "0",
    "--log",
    options.logDir,
    "--poll-seconds",
    "0",
    "--json",
  ];
  options.say(
    `      $ modelkeeper ${argv.join(" ")} &   # serve the champion; every scored row goes to the prediction log`,
  );
  const server = await startServe(options.repo, options.env, argv, "serve");
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients ?? 4 });
  try {
    options.say(`      ${server.stderr().trim().split("\n").pop()}`);
    const infer = `${server.url}/v2/models/${encodeURIComponent(options.model)}/infer`;
    const versions = new Set<string>();
    let next = 0;
    const client = async () => {
      while (next < options.window.rowCount) {
        const row = next++;
        const answer = await post(
          agent,
          infer,
          JSON.stringify(inferBody(options.window, options.features, row, 1, `txn-${row}`)),
        );
        if (answer.status !== 200)
          throw new UserError(`demo: transaction ${row} was answered ${answer.status}: ${answer.body}`);
        versions.add(JSON.parse(answer.body).model_version);
      }
    };
    await Promise.all(Array.from({ length: options.clients ?? 4 }, client));
    options.say(
      `      sent ${options.window.rowCount.toLocaleString("en-US")} transactions as one-row infer requests (${options.clients ?? 4} keep-alive clients); all answered 200`,
    );

    // The day is over: the clients hang up (an idle keep-alive connection would hold the drain
    // until the server's 5 s keep-alive timeout), then the server is told to stop.
    agent.destroy();
    options.say(
      `      $ kill -TERM <serve>   # readiness turns 503, in-flight requests finish, the log is flushed, exit 0`,
    );
    const { logFiles } = JSON.parse(await server.stop()) as { logFiles: string[] };
    let loggedRows = 0;
    for (const file of logFiles) loggedRows += (await readFile(file, "utf8")).split("\n").length - 1;
    if (loggedRows !== options.window.rowCount)
      throw new UserError(
        `demo: the prediction log holds ${loggedRows} rows, expected ${options.window.rowCount} (${logFiles.join(", ")})`,
      );
    return { logFiles, loggedRows, version: [...versions].join(", "), requests: options.window.rowCount };
  } finally {
    agent.destroy();
    server.kill();
  }
}

function post(agent: Agent, url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res
          .on("data", (chunk) => (text += chunk))
          .on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}
