// The running bot for tests: the GitHub stand-in (every request checked against GitHub's OpenAPI
// description), a Probot instance with the bot loaded, served over real HTTP on a loopback port
// with Probot's own webhook middleware (signature verification included). Webhooks are signed and
// POSTed exactly as GitHub does (test/support/webhooks.ts).
//
// Retries stay ON, as in production; only their waits are shortened (1 ms per second of backoff or
// retry-after) so that a test with injected 5xx or rate limits takes milliseconds.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot } from "probot";
import { retrainBot } from "../../../bot/index.ts";
import { type BotSettings, botSettings } from "../../../bot/settings.ts";
import { botOctokit, type BotOctokitOptions } from "../../../bot/octokit.ts";
import { startGitHubStandIn, type GitHubStandIn, type RepoOptions } from "../../support/github-standin/index.ts";
import { sendWebhook, type SendWebhookOptions } from "../../support/webhooks.ts";

export const APP_ID = 4242;
export const SECRET = "webhook-secret-for-tests";
export const OWNER = "acme";
export const REPO = "fraud-detection";
export const FULL_NAME = `${OWNER}/${REPO}`;
export const NOW = new Date("2025-03-04T05:06:07Z");

const CONFIG = `models:
  fraud:
    task: binary
    artifact: models/fraud.onnx
    train: node train.mjs fraud
    label: is_fraud
    data:
      train: data/fraud-train.csv
      holdout: data/fraud-holdout.csv
  churn:
    task: binary
    artifact: models/churn.onnx
    train: node train.mjs churn
    label: churned
    data:
      train: data/churn-train.csv
      holdout: data/churn-holdout.csv
`;

/** Retries on, waits shortened: what tests and the benchmark run with. */
export const FAST_OCTOKIT: BotOctokitOptions = {
  retryBaseMs: 1,
  rateLimitBaseMs: 1,
  writeBurst: 10_000,
  writesPerSecond: 10_000,
};

let keyPair: string | undefined;
/** One RSA key per test process (generating one takes ~100 ms). */
export function privateKey(): string {
  keyPair ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return keyPair;
}

export function defaultRepo(overrides: Partial<RepoOptions> = {}): RepoOptions {
  return {
    owner: OWNER,
    name: REPO,
    files: { "modelkeeper.yml": CONFIG, "README.md": "# fraud detection\n" },
    collaborators: { alice: "write", carol: "admin", mallory: "read", tina: "triage", max: "maintain" },
    ...overrides,
  };
}

export interface RunningBot {
  gh: GitHubStandIn;
  /** The bot's webhook URL. */
  url: string;
  send(
    event: string,
    payload: Record<string, any> | string,
    options?: Partial<SendWebhookOptions>,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/**
 * The settings docs/bot.md recommends: the drift workflow's github-actions[bot] is trusted, since it
 * opens the drift issues. Tests of the trust rules pass their own.
 */
const TEST_SETTINGS: BotSettings = botSettings({ TRUSTED_ACCOUNTS: "github-actions[bot]", WEBHOOK_SECRET: SECRET });

/** `octokit` replaces FAST_OCTOKIT (pass `{}` for production settings); `settings` replaces TEST_SETTINGS. */
export async function startBot(
  options: { repos?: RepoOptions[]; octokit?: BotOctokitOptions; settings?: BotSettings } = {},
): Promise<RunningBot> {
  const gh = await startGitHubStandIn({
    app: { id: APP_ID, slug: "modelkeeper", privateKey: privateKey() },
    repos: options.repos ?? [defaultRepo()],
    retryAfterSeconds: 0,
  });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: privateKey(),
    secret: SECRET,
    baseUrl: gh.url,
    Octokit: botOctokit(options.octokit ?? FAST_OCTOKIT),
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(
    retrainBot({
      now: () => NOW,
      retry: { attempts: 4, baseMs: 1 },
      settings: { ...(options.settings ?? TEST_SETTINGS), webhookSecret: SECRET },
    }),
    { probot },
  );
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return {
    gh,
    url,
    send: (event, payload, sendOptions = {}) => sendWebhook(url, { event, payload, secret: SECRET, ...sendOptions }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gh.close();
    },
  };
}

/** Branches under refs/heads/modelkeeper/retrain/ in the stand-in. */
export function retrainBranches(gh: GitHubStandIn): string[] {
  return [...gh.state.repo(FULL_NAME).git.refs.keys()]
    .filter((r) => r.startsWith("refs/heads/modelkeeper/retrain/"))
    .sort();
}

/** Every pull request of the repository as [number, title, head, state]. */
export function pulls(gh: GitHubStandIn): Array<[number, string, string, string]> {
  const repo = gh.state.repo(FULL_NAME);
  return [...repo.pulls.values()].map((p) => {
    const issue = repo.issue(p.number);
    return [p.number, issue.title, p.head.ref, issue.state];
  });
}

/** Comments on an issue as [author, body without the hidden marker line]. */
export function comments(gh: GitHubStandIn, issue: number): Array<[string, string]> {
  return gh.state
    .repo(FULL_NAME)
    .commentsOn(issue)
    .map((c) => [c.user.login, c.body.replace(/^<!-- modelkeeper:[^\n]*-->\n/, "")]);
}
