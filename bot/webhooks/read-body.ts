/**
 * Reads a request body into memory under a size cap and a shared byte budget, never more: a
 * declared Content-Length above the cap is refused before a byte is read, and a body without one
 * (chunked) is cut off the moment it passes the cap. The caller answers and closes the connection.
 */
import type { IncomingMessage } from "node:http";
import type { ByteBudget } from "./byte-budget.ts";

export type BodyRead =
  /** `reserved` bytes of the budget stay taken until the caller releases them (after handling). */
  | { kind: "read"; body: Buffer; reserved: number }
  /** Larger than the cap (declared or counted). */
  | { kind: "too-large" }
  /** The shared budget is spent by other requests in flight. */
  | { kind: "busy" }
  /** The client went away or the stream failed. */
  | { kind: "aborted" };

/** Reservations grow in steps of this much for bodies of unknown length. */
const STEP = 1024 * 1024;

/** `observe` sees every chunk as it arrives (the caller's running signature). */
export async function readBody(
  request: IncomingMessage,
  maxBytes: number,
  budget: ByteBudget,
  observe: (chunk: Buffer) => void = () => {},
): Promise<BodyRead> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) return { kind: "too-large" };

  let reserved = 0;
  const reserve = (bytes: number) => {
    if (!budget.tryReserve(bytes)) return false;
    reserved += bytes;
    return true;
  };
  if (!reserve(declared ?? Math.min(STEP, maxBytes))) return { kind: "busy" };

  // A declared length is filled in place (no second copy when done); otherwise chunks are joined.
  const filled = declared !== undefined ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    const outcome = await new Promise<BodyRead["kind"]>((resolve) => {
      const finish = (kind: BodyRead["kind"]) => {
        request
          .off("data", onData)
          .off("end", onEnd)
          .off("error", onAbort)
          .off("aborted", onAbort)
          .off("close", onClose);
        if (kind !== "read") request.pause();
        resolve(kind);
      };
      const onData = (chunk: Buffer) => {
        length += chunk.length;
        if (length > maxBytes) return finish("too-large");
        if (length > reserved && !reserve(Math.min(Math.max(STEP, length - reserved), maxBytes - reserved)))
          return finish("busy");
        observe(chunk);
        if (filled) chunk.copy(filled, length - chunk.length);
        else chunks.push(chunk);
      };
      const onEnd = () => finish("read");
      const onAbort = () => finish("aborted");
      const onClose = () => {
        if (!request.complete) finish("aborted");
      };
      request.on("data", onData).on("end", onEnd).on("error", onAbort).on("aborted", onAbort).on("close", onClose);
    });
    if (outcome === "read")
      return { kind: "read", body: filled ? filled.subarray(0, length) : Buffer.concat(chunks, length), reserved };
    budget.release(reserved);
    return { kind: outcome } as BodyRead;
  } catch (error) {
    budget.release(reserved);
    throw error;
  }
}

function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers["content-length"];
  if (header === undefined) return undefined;
  const value = Number(header);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
