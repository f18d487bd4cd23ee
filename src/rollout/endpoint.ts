/**
 * The answers of serve's rollout routes, for the HTTP layer to send as JSON:
 *   GET /v2/models/{model}/rollout              200 and the verdict (Argo Rollouts' Web metric reads `ok`)
 *   GET|POST /v2/models/{model}/rollout/gate    200, or 412 once reverted, same body (Flagger's webhooks read the status)
 * A model served without a canary has no rollout: 404 saying how to start one. Pure.
 */
import { gateHttpStatus, type RolloutVerdict } from "./verdict.ts";

export interface EndpointAnswer {
  status: number;
  body: RolloutVerdict | { error: string };
}

export function rolloutAnswer(
  model: string,
  rollout: { verdict(): RolloutVerdict } | undefined,
  route: "verdict" | "gate",
): EndpointAnswer {
  if (!rollout)
    return {
      status: 404,
      body: {
        error: `no rollout for model ${JSON.stringify(model)}: serve runs no canary. Start it with --canary REV|PATH (or --shadow REV|PATH).`,
      },
    };
  const verdict = rollout.verdict();
  return { status: route === "gate" ? gateHttpStatus(verdict) : 200, body: verdict };
}
