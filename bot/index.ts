/**
 * The modelkeeper retrain bot (a Probot app). Each handler filters one trigger and makes one call
 * into a service; each delivery id is handled once per handler (services/delivery-log.ts).
 *
 *   drift issue opened / edited / labelled  -> handlers/drift-issue.ts     -> services/request-retrain.ts
 *   retrain form issue (label)              -> handlers/retrain-form.ts    -> services/request-retrain.ts
 *   `/retrain [model] [reason…]` comment     -> handlers/retrain-comment.ts -> services/request-retrain.ts
 *   repository_dispatch modelkeeper-drift   -> handlers/drift-dispatch.ts  -> services/request-retrain.ts
 *   retrain PR merged                       -> handlers/retrain-merged.ts  -> services/complete-retrain.ts
 *
 * Every delivery is checked before a handler sees it: the webhook endpoint caps and verifies the
 * bytes (webhooks/guarded-middleware.ts), each handler's payload fields are checked (a 400 names
 * the missing one, parse/webhook-payload.ts), and requesters are trusted as services/trust.ts says.
 *
 * Started by bot/server.ts (`npm start`), by `probot run` on this file's default export, or,
 * inside a workflow, by bot/actions.ts.
 */
import type { ApplicationFunction, Context, Probot } from "probot";
import { type HandlerServices } from "./handlers/context.ts";
import { onDriftDispatch } from "./handlers/drift-dispatch.ts";
import { onDriftIssue } from "./handlers/drift-issue.ts";
import { onRetrainComment } from "./handlers/retrain-comment.ts";
import { onRetrainFormIssue } from "./handlers/retrain-form.ts";
import { onRetrainMerged } from "./handlers/retrain-merged.ts";
import { BoundedSet } from "./services/bounded-set.ts";
import { DeliveryLog } from "./services/delivery-log.ts";
import { PRODUCTION_RETRY, type RetryTiming } from "./services/github.ts";
import { KeyedLock } from "./services/keyed-lock.ts";
import { ConfigCache } from "./services/load-config.ts";
import { ownBotLookup } from "./services/trust.ts";
import { payloadProblem } from "./parse/webhook-payload.ts";
import { type BotSettings, botSettings } from "./settings.ts";
import { guardWebhookEndpoint } from "./webhooks/install-guard.ts";

export interface RetrainBotOptions {
  /** Clock for requests without a time of their own. */
  now?: () => Date;
  /** Backoff of the bot's own retried writes (comments); tests shorten it. */
  retry?: RetryTiming;
  /** Limits and trusted accounts; default botSettings(process.env). */
  settings?: BotSettings;
  /**
   * "server" (default): deliveries come from GitHub to the app's webhook endpoint, name their
   * installation, and the app's bot account is asked of GET /app. "workflow": the event of an
   * Actions job (bot/actions-adapter.ts), with a token instead of an app; the bot account is known
   * only from APP_SLUG.
   */
  runsIn?: "server" | "workflow";
}

export function retrainBot(options: RetrainBotOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const settings = options.settings ?? botSettings(process.env);
    const runsIn = options.runsIn ?? "server";
    if (runsIn === "server") guardWebhookEndpoint(app, settings);
    const services: HandlerServices = {
      locks: new KeyedLock(),
      configs: new ConfigCache(),
      answered: new BoundedSet(),
      retry: options.retry ?? PRODUCTION_RETRY,
      now: options.now ?? (() => new Date()),
      trust: {
        accounts: settings.trustedAccounts,
        ownBotLogin:
          runsIn === "server"
            ? ownBotLookup(settings.appSlug, () => app.auth())
            : async () => (settings.appSlug ? `${settings.appSlug}[bot]` : undefined),
      },
    };
    const rules = { requireInstallation: runsIn === "server" };
    const deliveries = new DeliveryLog();
    const once =
      <C extends Context>(name: string, handler: (context: C, services: HandlerServices) => Promise<void>) =>
      async (context: C) => {
        const problem = payloadProblem(context.name, context.payload, rules);
        if (problem) {
          context.log.warn(`delivery ${context.id} refused: ${problem}`);
          throw Object.assign(new Error(`Malformed ${context.name} payload: ${problem}`), { status: 400 });
        }
        const result = await deliveries.once(`${name}:${context.id}`, () => handler(context, services));
        if (result === "skipped") context.log.debug(`delivery ${context.id} was already handled by ${name}`);
      };

    app.on(["issues.opened", "issues.edited", "issues.labeled"], once("drift-issue", onDriftIssue));
    app.on(["issues.opened", "issues.edited", "issues.labeled"], once("retrain-form", onRetrainFormIssue));
    app.on("issue_comment.created", once("retrain-comment", onRetrainComment));
    app.on("repository_dispatch", once("drift-dispatch", onDriftDispatch));
    app.on("pull_request.closed", once("retrain-merged", onRetrainMerged));
  };
}

export default retrainBot();
