/**
 * Puts the guarded endpoint (guarded-middleware.ts) in front of Probot's own webhook middleware.
 * Probot's Server asks the app's Probot instance for its middleware (`getNodeMiddleware()`) when it
 * starts, after loading the app; so does `createNodeMiddleware`. Wrapping that method on the
 * instance the app was given is the one seam that works for `probot run`, Probot's `run()` and
 * `createNodeMiddleware` alike: the wrapped middleware only ever sees requests for other paths.
 */
import type { Probot } from "probot";
import { UserError } from "../../src/errors.ts";
import type { BotSettings } from "../settings.ts";
import { ByteBudget } from "./byte-budget.ts";
import { guardedWebhooks, type NodeHandler } from "./guarded-middleware.ts";

export function guardWebhookEndpoint(app: Probot, settings: BotSettings): void {
  const secret = settings.webhookSecret;
  if (!secret)
    throw new UserError(
      "WEBHOOK_SECRET is not set: the webhook endpoint checks every delivery's signature with it. Set it to the secret entered on the GitHub App's settings page.",
      { key: "WEBHOOK_SECRET" },
    );
  const probotMiddleware = app.getNodeMiddleware.bind(app);
  const budget = new ByteBudget(settings.bufferBudgetBytes);
  app.getNodeMiddleware = async (options = {}) => {
    const next = (await probotMiddleware(options)) as NodeHandler;
    const path = (options.path ?? app.webhookPath).replace(/\/+$/, "") || "/";
    return guardedWebhooks(app.webhooks, next, {
      path,
      secret,
      maxBodyBytes: settings.maxBodyBytes,
      budget,
      log: app.log.child({ name: "webhooks" }),
    }) as Awaited<ReturnType<Probot["getNodeMiddleware"]>>;
  };
}
