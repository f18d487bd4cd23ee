/**
 * The one seam "which model answers this request": the stable model, a canary that answers a
 * share of requests, and a shadow that scores a copy without answering. Sticky: the draw comes
 * from the request id, so a client that retries with the same id gets the same model (and, as
 * the canary's share rises, a request id once on the canary stays there).
 * Pure: the slots and a draw in, a decision out.
 */
type Endpoint = "stable" | "canary" | "shadow";

export interface Slots<M> {
  stable: M;
  canary?: { model: M; percent: number };
  shadow?: M;
}

export interface Decision<M> {
  /** The model whose answer the client gets, and which endpoint that is. */
  answer: { endpoint: Exclude<Endpoint, "shadow">; model: M };
  /** A model that also scores the request, never answered. */
  mirror?: { endpoint: "shadow"; model: M };
}

/** `draw` is uniform in [0, 1) (stickyDraw of the request id). */
export function route<M>(slots: Slots<M>, draw: number): Decision<M> {
  const canary = slots.canary && draw * 100 < slots.canary.percent ? slots.canary.model : undefined;
  const answer = canary
    ? { endpoint: "canary" as const, model: canary }
    : { endpoint: "stable" as const, model: slots.stable };
  return slots.shadow ? { answer, mirror: { endpoint: "shadow", model: slots.shadow } } : { answer };
}

/**
 * A request id as a number in [0, 1): FNV-1a (32 bits) of its UTF-16 code units, then a final
 * avalanche (murmur3's fmix32) so ids that differ in the last character spread over the range.
 */
export function stickyDraw(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
