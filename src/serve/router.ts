/**
 * The one seam "which model answers this request": stable today; the rollout (issue 15) adds a
 * canary that answers a share of requests and a shadow that scores a copy without answering.
 * Pure: the slots and a random draw in, a decision out.
 */
export type Endpoint = "stable" | "canary" | "shadow";

export interface Slots<M> {
  stable: M;
  canary?: { model: M; percent: number };
  shadow?: M;
}

export interface Decision<M> {
  /** The model whose answer the client gets, and which endpoint that is. */
  answer: { endpoint: Exclude<Endpoint, "shadow">; model: M };
  /** A model that also scores the request, logged but never answered. */
  mirror?: { endpoint: "shadow"; model: M };
}

/** `draw` is uniform in [0, 1): injected so tests are repeatable. */
export function route<M>(slots: Slots<M>, draw: number): Decision<M> {
  const canary = slots.canary && draw * 100 < slots.canary.percent ? slots.canary.model : undefined;
  const answer = canary ? { endpoint: "canary" as const, model: canary } : { endpoint: "stable" as const, model: slots.stable };
  return slots.shadow ? { answer, mirror: { endpoint: "shadow", model: slots.shadow } } : { answer };
}
