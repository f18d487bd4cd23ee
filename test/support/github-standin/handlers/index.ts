// Every implemented operation, keyed by its OpenAPI operationId. An operation GitHub has but the
// stand-in lacks answers 501 and is recorded as a violation, so a test notices instead of passing.
import { appHandlers } from "./apps.ts";
import { checkHandlers } from "./checks.ts";
import { contentHandlers } from "./contents.ts";
import { deploymentHandlers } from "./deployments.ts";
import type { Handler } from "./context.ts";
import { gitHandlers } from "./git.ts";
import { issueHandlers } from "./issues.ts";
import { pullHandlers } from "./pulls.ts";
import { repoHandlers } from "./repos.ts";
import { userHandlers } from "./users.ts";

export const handlers: Record<string, Handler> = {
  ...appHandlers,
  ...checkHandlers,
  ...contentHandlers,
  ...deploymentHandlers,
  ...gitHandlers,
  ...issueHandlers,
  ...pullHandlers,
  ...repoHandlers,
  ...userHandlers,
};

export type { Handler, HandlerContext } from "./context.ts";
