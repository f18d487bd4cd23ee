/**
 * `npm start` (compiled, build/bot/server.js) or `npm run bot` (from source): the GitHub App's
 * webhook server, started with Probot's own run() (what `probot run` does), with the bot's Octokit.
 *
 *   APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET   required
 *   PORT (3000), HOST (localhost), WEBHOOK_PATH (/api/github/webhooks), LOG_LEVEL, LOG_FORMAT
 *   GHE_HOST, GHE_PROTOCOL                                      GitHub Enterprise Server (API at <protocol>://<host>/api/v3)
 */
import { run } from "probot";
import { retrainBot } from "./index.ts";
import { botOctokit } from "./octokit.ts";

/** Settings without which the bot cannot work safely, with what to do about each. */
function missingSettings(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (!env.APP_ID) missing.push("APP_ID: the App ID shown on the GitHub App's settings page");
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
    missing.push(
      "PRIVATE_KEY (the .pem text) or PRIVATE_KEY_PATH (its file): generate one on the GitHub App's settings page",
    );
  }
  if (!env.WEBHOOK_SECRET)
    missing.push(
      "WEBHOOK_SECRET: the webhook secret entered when the GitHub App was created (signatures are checked with it)",
    );
  return missing;
}

const missing = missingSettings(process.env);
const setupMode =
  !process.env.APP_ID &&
  !process.env.PRIVATE_KEY &&
  !process.env.PRIVATE_KEY_PATH &&
  process.env.NODE_ENV !== "production";
if (setupMode) {
  // Probot's setup mode: a page at http://HOST:PORT registers the app from app.yml (in the
  // working directory) and writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env.
  process.stderr.write("modelkeeper bot: no APP_ID or private key, starting Probot's setup mode (see docs/bot.md).\n");
} else if (missing.length) {
  process.stderr.write(
    `modelkeeper bot: cannot start, missing environment variables:\n${missing.map((m) => `  - ${m}`).join("\n")}\nSee docs/bot.md ("Install the app").\n`,
  );
  process.exit(2);
}
const server = await run(retrainBot(), { Octokit: botOctokit() });
// As PID 1 in a container node has no default signal handling: stop listening, then exit.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => void server.stop().finally(() => process.exit(0)));
}
