import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * GitHub for the demo, on this machine: the loopback stand-in the tests use (every request is
 * checked against GitHub's OpenAPI description) and the retrain bot running in-process behind
 * Probot's own webhook middleware, fed the webhooks the stand-in would deliver, signed.
 * Loaded from the sources (the demo runs through tsx), never bundled.
 */
export interface LoopbackGitHub {
  apiUrl: string;
  owner: string;
  repo: string;
  standIn: any;
  /** Delivers every webhook the stand-in has queued since the last call to the bot. */
  deliverEvents(): Promise<number>;
  close(): Promise<void>;
}

const SECRET = "modelkeeper-demo-webhook-secret";

export async function startLoopbackGitHub(files: Record<string, string>, owner = "acme", repo = "fraud-model"): Promise<LoopbackGitHub> {
  const standInModule = "../../test/support/github-standin/index.ts";
  const webhooksModule = "../../test/support/webhooks.ts";
  const { startGitHubStandIn } = await import(standInModule);
  const { sendWebhook } = await import(webhooksModule);
  const { Probot, createNodeMiddleware } = await import("probot");
  const { retrainBot } = await import("../../bot/index.ts");
  const { botOctokit } = await import("../../bot/octokit.ts");
  const { botSettings } = await import("../../bot/settings.ts");

  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
  const standIn = await startGitHubStandIn({
    app: { id: 1, slug: "modelkeeper", privateKey },
    repos: [{ owner, name: repo, files, collaborators: { "ml-oncall": "write" } }],
    retryAfterSeconds: 0,
  });
  const probot = new Probot({ appId: 1, privateKey, secret: SECRET, baseUrl: standIn.url, Octokit: botOctokit({ writeBurst: 1000, writesPerSecond: 1000 }), logLevel: "fatal" });
  const middleware = await createNodeMiddleware(retrainBot({ settings: { ...botSettings({ TRUSTED_ACCOUNTS: "github-actions[bot]" }), webhookSecret: SECRET } }), { probot });
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
        if (response.status >= 300) throw new Error(`the bot answered ${response.status} to ${event.name}: ${response.body}`);
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
