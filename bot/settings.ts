/**
 * The bot's own settings, read from the environment next to Probot's (APP_ID, PRIVATE_KEY, …).
 * The one place that reads them: a bad value is a UserError naming the variable and how to fix it.
 *
 *   WEBHOOK_MAX_BYTES     largest webhook body accepted (default 25 MiB, GitHub's cap); larger gets 413
 *   WEBHOOK_BUFFER_BYTES  webhook bodies held in memory at once, all requests together (default 4 × max); beyond: 503
 *   TRUSTED_ACCOUNTS      comma-separated logins trusted like the app's own bot (e.g. github-actions[bot])
 *   APP_SLUG              the app's slug, when GET /app cannot be asked (a workflow run with GITHUB_TOKEN)
 *   WEBHOOK_SECRET        Probot's own: the endpoint checks signatures with it while the body streams in
 */
import { UserError } from "../src/errors.ts";

export interface BotSettings {
  /** Bodies above this many bytes are refused with 413 before (or as soon as) they exceed it. */
  maxBodyBytes: number;
  /** Bytes of webhook bodies buffered at once across all requests; a request that would exceed it gets 503. */
  bufferBudgetBytes: number;
  /** Logins (lower case) trusted besides people with write access and the app's own bot account. */
  trustedAccounts: ReadonlySet<string>;
  /** The app's slug: its bot account is `<slug>[bot]`. Undefined: asked of GET /app when first needed. */
  appSlug?: string;
  /** The webhook secret (Probot's WEBHOOK_SECRET): signatures are computed while the body is read. */
  webhookSecret?: string;
}

/** GitHub caps webhook payloads at 25 MB. */
const GITHUB_MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export function botSettings(env: NodeJS.ProcessEnv): BotSettings {
  const maxBodyBytes = byteCount(env, "WEBHOOK_MAX_BYTES", GITHUB_MAX_PAYLOAD_BYTES);
  const bufferBudgetBytes = byteCount(env, "WEBHOOK_BUFFER_BYTES", 4 * maxBodyBytes);
  if (bufferBudgetBytes < maxBodyBytes) {
    throw new UserError(
      `WEBHOOK_BUFFER_BYTES (${bufferBudgetBytes}) is smaller than WEBHOOK_MAX_BYTES (${maxBodyBytes}): the largest delivery could never be read. Raise it or unset it (default 4 × WEBHOOK_MAX_BYTES).`,
      { key: "WEBHOOK_BUFFER_BYTES" },
    );
  }
  const appSlug = env.APP_SLUG?.trim() || undefined;
  if (appSlug !== undefined && !/^[a-z0-9][a-z0-9-]*$/i.test(appSlug)) {
    throw new UserError(
      `APP_SLUG "${appSlug}" is not an app slug (letters, digits and "-", as in https://github.com/apps/<slug>).`,
      { key: "APP_SLUG" },
    );
  }
  return {
    maxBodyBytes,
    bufferBudgetBytes,
    trustedAccounts: accountList(env.TRUSTED_ACCOUNTS),
    appSlug,
    webhookSecret: env.WEBHOOK_SECRET || undefined,
  };
}

function byteCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1024 || !Number.isSafeInteger(Number(text))) {
    throw new UserError(
      `${name}="${text}" is not a byte count: write a whole number of bytes, at least 1024 (default ${fallback}).`,
      { key: name },
    );
  }
  return Number(text);
}

/** GitHub logins: letters, digits and single hyphens; apps' accounts end in `[bot]`. */
const LOGIN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}(?:\[bot\])?$/i;

function accountList(text: string | undefined): ReadonlySet<string> {
  const logins = (text ?? "")
    .split(",")
    .map((login) => login.trim())
    .filter(Boolean);
  for (const login of logins) {
    if (!LOGIN.test(login)) {
      throw new UserError(
        `TRUSTED_ACCOUNTS: "${login}" is not a GitHub login. List logins separated by commas, e.g. "github-actions[bot],release-robot".`,
        {
          key: "TRUSTED_ACCOUNTS",
        },
      );
    }
  }
  return new Set(logins.map((login) => login.toLowerCase()));
}
