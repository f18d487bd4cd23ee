import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { Probot, createNodeMiddleware } from "probot";
import { retrainBot } from "../bot/index.ts";
import { botOctokit } from "../bot/octokit.ts";
import { botSettings } from "../bot/settings.ts";
import { startGitHubStandIn } from "../test/support/github-standin/index.ts";
import { useSpec } from "../test/support/github-standin/openapi.ts";
import { sendWebhook } from "../test/support/webhooks.ts";

/**
 * GitHub for the demo, on this machine: the loopback GitHub the tests use (test/support/
 * github-standin: stateful repositories, issues, pulls, checks; every request checked against
 * GitHub's OpenAPI description) and the retrain bot running in-process behind Probot's own webhook
 * middleware, fed the webhooks the loopback GitHub would deliver, signed. All of it is compiled
 * into dist/ (a lazily loaded chunk of the CLI), with the part of the OpenAPI description it serves
 * (dist/github-api.json.br), so the demo runs from an installed package with nothing else.
 */
export interface LoopbackGitHub {
  apiUrl: string;
  owner: string;
  repo: string;
  standIn: Awaited<ReturnType<typeof startGitHubStandIn>>;
  /** Delivers every webhook the stand-in has queued since the last call to the bot. */
  deliverEvents(): Promise<number>;
  close(): Promise<void>;
}

const SECRET = "modelkeeper-demo-webhook-secret";

export async function startLoopbackGitHub(
  files: Record<string, string>,
  owner = "acme",
  repo = "fraud-model",
): Promise<LoopbackGitHub> {
  useShippedApiDescription();
  const privateKey = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  const standIn = await startGitHubStandIn({
    app: { id: 1, slug: "modelkeeper", privateKey },
    repos: [{ owner, name: repo, files, collaborators: { "ml-oncall": "write" } }],
    retryAfterSeconds: 0,
  });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl: standIn.url,
    Octokit: botOctokit({ writeBurst: 1000, writesPerSecond: 1000 }),
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(
    retrainBot({ settings: { ...botSettings({ TRUSTED_ACCOUNTS: "github-actions[bot]" }), webhookSecret: SECRET } }),
    { probot },
  );
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  let delivered = 0;
  return {
    apiUrl: standIn.url,
    owner,
    repo,
    standIn,
    async deliverEvents() {
      let sent = 0;
      while (delivered < standIn.events.length) {
        const event = standIn.events[delivered++];
        const response = await sendWebhook(webhookUrl, { event: event.name, payload: event.payload, secret: SECRET });
        if (response.status >= 300)
          throw new Error(`the bot answered ${response.status} to ${event.name}: ${response.body}`);
        sent++;
      }
      return sent;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await standIn.close();
    },
  };
}

/** In the bundle, serve the shipped subset of the description (@octokit/openapi is not installed). */
function useShippedApiDescription(): void {
  const shipped = new URL("./github-api.json.br", import.meta.url);
  if (existsSync(shipped)) useSpec(JSON.parse(brotliDecompressSync(readFileSync(shipped)).toString("utf8")));
}
