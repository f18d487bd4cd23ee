/**
 * The webhook endpoint, hardened for traffic from anyone on the internet. In this order, each step
 * answering and closing the connection on failure, so that no unsigned or oversized body is ever
 * held in memory:
 *
 *   1. POST with Content-Type application/json and the three GitHub headers, the signature header
 *      well formed (`sha256=<64 hex>`)                   else 415 / 400, before a byte is read
 *   2. a declared Content-Length at most the cap          else 413, before a byte is read
 *   3. the body read under the cap and the shared budget, else 413 (cut off at the cap) / 503
 *      its HMAC computed chunk by chunk as it arrives
 *   4. the signature compared (constant time)             else 400, before any decoding or parsing
 *   5. the body parsed as a JSON object                   else 400
 *   6. handed to the app's handlers (as @octokit/webhooks' middleware does, which it replaces):
 *      200 when handled, 202 if still running after `timeoutMs`, a handler's error status
 *      (400 for a payload without the fields the bot reads, see parse/webhook-payload.ts) or 500.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { ByteBudget } from "./byte-budget.ts";
import { readBody } from "./read-body.ts";
import { closeAfterAnswer } from "../../src/http/close-after-answer.ts";

export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean> | boolean;

/** What the endpoint needs of @octokit/webhooks' Webhooks (Probot's `app.webhooks`). */
export interface WebhookReceiver {
  receive(event: { id: string; name: string; payload: Record<string, unknown> }): Promise<void>;
}

export interface GuardOptions {
  path: string;
  /** The webhook secret signatures are computed with. */
  secret: string;
  maxBodyBytes: number;
  budget: ByteBudget;
  log: Logger;
  /** After this long a delivery still being handled is answered 202 (GitHub waits 10 s). Default 9000. */
  timeoutMs?: number;
}

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;
const JSON_TYPE = /^\s*application\/json\s*(?:;|$)/i;

/** A handler for the webhook path; other requests go to `next` (Probot's own middleware). */
export function guardedWebhooks(webhooks: WebhookReceiver, next: NodeHandler, options: GuardOptions): NodeHandler {
  const timeoutMs = options.timeoutMs ?? 9000;
  return async (request, response) => {
    if (pathOf(request.url) !== options.path) return next(request, response);
    const refuse = (status: number, error: string, headers: Record<string, string> = {}) => {
      options.log.warn(`webhook refused with ${status}: ${error}`);
      // Close after the answer, dropping whatever the client is still sending.
      closeAfterAnswer(request, response);
      answer(response, status, { error }, headers);
      return true;
    };

    if (request.method !== "POST") return refuse(404, `Unknown route: ${request.method} ${options.path}`);
    if (!JSON_TYPE.test(header(request, "content-type") ?? ""))
      return refuse(415, 'Unsupported "Content-Type" header value. Must be "application/json"');
    const missing = ["x-github-event", "x-github-delivery", "x-hub-signature-256"].filter(
      (name) => !header(request, name),
    );
    if (missing.length) return refuse(400, `Required headers missing: ${missing.join(", ")}`);
    const name = header(request, "x-github-event")!;
    const id = header(request, "x-github-delivery")!;
    const signature = header(request, "x-hub-signature-256")!;
    if (!SIGNATURE.test(signature)) return refuse(400, "x-hub-signature-256 is not sha256=<64 lowercase hex digits>");

    const hmac = createHmac("sha256", options.secret);
    const read = await readBody(request, options.maxBodyBytes, options.budget, (chunk) => hmac.update(chunk));
    if (read.kind === "too-large")
      return refuse(413, `Payload larger than ${options.maxBodyBytes} bytes (WEBHOOK_MAX_BYTES)`);
    if (read.kind === "busy")
      return refuse(503, "Too many large deliveries at once (WEBHOOK_BUFFER_BYTES); retry later", {
        "retry-after": "5",
      });
    if (read.kind === "aborted") {
      request.socket.destroy();
      return true;
    }
    try {
      if (!timingSafeEqual(hmac.digest(), Buffer.from(signature.slice("sha256=".length), "hex")))
        return refuse(400, "signature does not match event payload and secret");
      const text = read.body.toString("utf8");
      let payload: unknown;
      try {
        payload = JSON.parse(text);
      } catch {
        return refuse(400, "Invalid JSON");
      }
      if (!payload || typeof payload !== "object" || Array.isArray(payload))
        return refuse(400, "The payload is not a JSON object");
      options.log.debug(`${name} event received (id: ${id})`);
      await handle(webhooks, { id, name, payload: payload as Record<string, unknown> }, response, timeoutMs);
      return true;
    } finally {
      options.budget.release(read.reserved);
    }
  };
}

async function handle(
  webhooks: WebhookReceiver,
  event: { id: string; name: string; payload: Record<string, unknown> },
  response: ServerResponse,
  timeoutMs: number,
) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), timeoutMs)));
  const handled = webhooks.receive(event).then(
    () => ({ status: 200, error: "" }),
    (error: unknown) => ({ status: statusOfFirst(error), error: messageOfFirst(error) }),
  );
  const first = await Promise.race([handled, late]);
  if (first === "late") {
    answerText(response, 202, "still processing\n");
    await handled;
  } else if (first.status === 200) {
    answerText(response, 200, "ok\n");
  } else {
    answer(response, first.status, { error: first.error });
  }
  clearTimeout(timer);
}

/** Handlers' errors arrive as an AggregateError; the first one's status decides, as in @octokit/webhooks. */
function firstError(error: unknown): unknown {
  return error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
}

function statusOfFirst(error: unknown): number {
  const status = (firstError(error) as { status?: unknown })?.status;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

function messageOfFirst(error: unknown): string {
  const first = firstError(error) as { name?: string; message?: string };
  return first?.message ? `${first.name ?? "Error"}: ${first.message}` : "Error: An unspecified error occurred";
}

function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response
    .writeHead(status, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

function answerText(response: ServerResponse, status: number, text: string) {
  response
    .writeHead(status, { "content-type": "text/plain", "content-length": String(Buffer.byteLength(text)) })
    .end(text);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") || "/";
  } catch {
    return undefined;
  }
}
