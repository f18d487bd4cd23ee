/**
 * The HTTP front door: routes a request, enforces the limits, and answers in Open Inference
 * Protocol v2 JSON. Handlers stay thin: the model runs in served-model.ts, the decisions (route,
 * request shape, admission) are their own modules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { matchRoute } from "./routes.ts";
import { parseInferRequest, RequestError } from "./infer-request.ts";
import { parseLabelsRequest } from "./labels-request.ts";
import { errorBody, inferResponse, modelMetadata, serverMetadata } from "./protocol.ts";
import { scoreTable, type ServedModel } from "./served-model.ts";
import type { AdmissionGate } from "./admission.ts";
import type { Lifecycle } from "./lifecycle.ts";
import type { ModelSlots } from "./model-slots.ts";
import type { ServeMetrics } from "./metrics.ts";
import type { PredictionLog } from "./prediction-log.ts";
import type { ServeSettings } from "./settings.ts";
import { stickyDraw } from "./router.ts";
import type { Table } from "../data/table.ts";
import type { RolloutHooks } from "../rollout/serve-rollout.ts";
import { rolloutAnswer } from "../rollout/endpoint.ts";
import type { RolloutVerdict } from "../rollout/verdict.ts";
import { isUserError } from "../errors.ts";
import { closeAfterAnswer } from "../http/close-after-answer.ts";
import { VERSION } from "../version.ts";

export interface ServerParts {
  settings: ServeSettings;
  lifecycle: Lifecycle;
  slots: ModelSlots;
  admission: AdmissionGate;
  metrics: ServeMetrics;
  log?: PredictionLog;
  /** Infer requests being answered, so shutdown knows when they are done. */
  active: ActiveRequests;
  /** Problems for the operator (stderr); never request data. */
  warn(line: string): void;
  /** The rollout (serve --canary/--shadow): told about each answer, and answers the rollout routes. */
  rollout?: RolloutHooks;
  /** The model's label rules for POST /v2/models/{model}/labels (gate/labels.ts labelEncoder). */
  encodeLabel(text: string): number | { problem: string };
}

/** Counts infer requests from arrival to answer; shutdown waits for zero. */
export class ActiveRequests {
  private count = 0;
  private waiters: Array<() => void> = [];

  enter(): void {
    this.count++;
  }

  leave(): void {
    if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

export function createServeServer(parts: ServerParts): Server {
  const server = createServer(
    { keepAliveTimeout: 5_000, headersTimeout: 10_000, requestTimeout: Math.max(30_000, parts.settings.timeoutMs * 2) },
    (req, res) => {
      handle(parts, req, res).catch((error) => {
        parts.warn(
          `serve: unexpected error answering ${req.method} ${safePath(req.url)}: ${(error as Error)?.stack ?? error}`,
        );
        if (!res.headersSent) send(parts, res, 500, errorBody("internal error"));
        else res.destroy();
      });
    },
  );
  return server;
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = matchRoute(req.method ?? "GET", req.url ?? "/");
  const { lifecycle, slots } = parts;
  switch (route.kind) {
    case "live":
      return send(parts, res, lifecycle.live ? 200 : 503, { live: lifecycle.live });
    case "ready":
      return send(parts, res, lifecycle.ready ? 200 : 503, { ready: lifecycle.ready });
    case "server-metadata":
      return send(parts, res, 200, serverMetadata(VERSION));
    case "metrics": {
      parts.metrics.inFlight.set(parts.admission.inFlight);
      parts.metrics.queued.set(parts.admission.queued);
      const text = await parts.metrics.registry.metrics();
      closeIfDraining(parts, res);
      res.writeHead(200, { "content-type": parts.metrics.registry.contentType });
      res.end(text);
      return;
    }
    case "model-metadata":
    case "model-ready": {
      const model = slots.stable;
      if (!servesThis(model, route.model, route.version))
        return notServed(parts, res, model, route.model, route.version);
      if (route.kind === "model-metadata") return send(parts, res, 200, modelMetadata(model));
      return send(parts, res, lifecycle.ready ? 200 : 503, { name: model.name, ready: lifecycle.ready });
    }
    case "infer":
      if (lifecycle.draining) {
        // Answered, never dropped: the client retries on another replica.
        res.setHeader("retry-after", String(parts.settings.retryAfterSeconds));
        parts.metrics.answered(slots.stable.name, slots.stable.version, 503);
        return send(parts, res, 503, errorBody("the server is shutting down; retry on another replica"));
      }
      parts.active.enter();
      try {
        return await infer(parts, req, res, route.model, route.version);
      } finally {
        parts.active.leave();
      }
    case "rollout": {
      if (route.model !== slots.stable.name) return notServed(parts, res, slots.stable, route.model, undefined);
      const answer = parts.rollout
        ? parts.rollout.answer(route.gate ? "gate" : "verdict")
        : rolloutAnswer(route.model, undefined, "verdict");
      return send(parts, res, answer.status, answer.body as unknown as Record<string, unknown>);
    }
    case "labels":
      if (route.model !== slots.stable.name) return notServed(parts, res, slots.stable, route.model, undefined);
      return labels(parts, req, res);
    case "method-not-allowed":
      res.setHeader("allow", route.allow);
      return send(parts, res, 405, errorBody(`method ${req.method} is not allowed here; use ${route.allow}`));
    default:
      return send(
        parts,
        res,
        404,
        errorBody(
          `no such endpoint: ${safePath(req.url)}. Endpoints: GET /v2, /v2/health/live, /v2/health/ready, /v2/models/{model}, /v2/models/{model}/ready, POST /v2/models/{model}/infer, POST /v2/models/{model}/labels, GET /v2/models/{model}/rollout, GET|POST /v2/models/{model}/rollout/gate, GET /metrics`,
        ),
      );
  }
}

async function infer(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  version: string | undefined,
): Promise<void> {
  const started = performance.now();
  const arrived = new Date();
  const { settings, metrics } = parts;
  const deadline = started + settings.timeoutMs;
  let release: (() => void) | undefined;
  // Routed once the request id is known (sticky by id); until then errors are stable's.
  let taken: ReturnType<ModelSlots["take"]> | undefined;
  let model = parts.slots.stable;
  let runStarted: number | undefined;
  const answer = (code: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    metrics.answered(model.name, model.version, code, (performance.now() - started) / 1000);
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    send(parts, res, code, body);
  };
  try {
    if (
      name !== model.name ||
      (version !== undefined && version !== model.version && parts.slots.challengerModel?.version !== version)
    ) {
      metrics.answered("(other)", "", 404);
      return notServed(parts, res, model, name, version);
    }
    const declared = Number(req.headers["content-length"]);
    if (declared > settings.maxBodyBytes) return tooLarge(answer, req, res, settings.maxBodyBytes);
    // A slot is taken before the body is read, so an overload waits in the socket, not in memory.
    const admission = await parts.admission.acquire(deadline - performance.now());
    if (!admission.admitted) {
      const retry = { "retry-after": String(settings.retryAfterSeconds) };
      req.resume(); // discard the body; the answer does not depend on it
      return admission.reason === "queue-full"
        ? answer(
            429,
            errorBody(
              `the server is at capacity (${settings.concurrency} running, ${settings.maxQueue} queued); retry after ${settings.retryAfterSeconds} s`,
            ),
            retry,
          )
        : answer(
            503,
            errorBody(
              `the request waited ${settings.timeoutMs} ms for a free model run (serve.timeout_ms) and was not run; retry later`,
            ),
            retry,
          );
    }
    release = admission.release;
    const body = await readBody(req, settings.maxBodyBytes);
    if (body === undefined) return tooLarge(answer, req, res, settings.maxBodyBytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch (error) {
      return answer(
        400,
        errorBody(
          `the body is not valid JSON (${(error as Error).message}); send an Open Inference Protocol v2 infer request`,
        ),
      );
    }
    const sentId = (parsed as { id?: unknown } | null)?.id;
    const id = typeof sentId === "string" ? sentId : randomUUID();
    taken = version === undefined ? parts.slots.take(stickyDraw(id)) : parts.slots.takeVersion(version);
    if (!taken) return notServed(parts, res, model, name, version);
    model = taken.decision.answer.model;
    let request;
    try {
      request = parseInferRequest(parsed, model, settings.maxRows);
    } catch (error) {
      if (error instanceof RequestError) return answer(error.status, errorBody(error.message));
      throw error;
    }
    if (performance.now() >= deadline) {
      return answer(
        503,
        errorBody(
          `the request's ${settings.timeoutMs} ms budget (serve.timeout_ms) was spent before the model ran; send fewer rows, or retry later`,
        ),
        { "retry-after": String(settings.retryAfterSeconds) },
      );
    }
    metrics.queueTime.observe({ model: model.name }, admission.queuedMs / 1000);
    // The run keeps its slot until onnxruntime returns, even past the deadline, so at most
    // `concurrency` runs exist at once whatever the clients do.
    runStarted = performance.now();
    let runMs = 0;
    const free = release;
    release = undefined;
    const run = scoreTable(model, request.table).finally(() => {
      runMs = performance.now() - runStarted!;
      free();
    });
    const outcome = await withDeadline(run, deadline - performance.now());
    const endpoint = taken.decision.answer.endpoint;
    if (outcome === "deadline") {
      run.catch(() => {});
      answer(504, errorBody(`the model did not answer within ${settings.timeoutMs} ms (serve.timeout_ms)`));
      if (version === undefined)
        parts.rollout?.observe(endpoint, model, { failedAfterMs: performance.now() - runStarted });
      return;
    }
    metrics.rows.inc({ model: model.name, version: model.version, endpoint }, request.table.rowCount);
    answer(200, inferResponse(model, id, outcome));
    parts.log?.offer({
      requestId: id,
      time: arrived.toISOString(),
      model: model.name,
      version: model.version,
      endpoint,
      table: request.table,
      prediction: outcome.prediction,
    });
    // Requests that named a version chose their model: only routed ones are compared.
    if (version === undefined) parts.rollout?.observe(endpoint, model, { prediction: outcome.prediction, runMs }, id);
    // Awaited after the answer went out, so shutdown (which waits for this handler) waits for it too.
    const mirror = taken.decision.mirror;
    if (mirror && parts.rollout) await shadowRun(parts, mirror.model, request.table, id);
  } catch (error) {
    if (isUserError(error)) return answer(400, errorBody(error.message));
    parts.warn(`serve: ${model.name} ${model.version}: the model run failed: ${(error as Error)?.message ?? error}`);
    answer(500, errorBody("the model run failed; see the server's log"));
    if (taken && runStarted !== undefined && version === undefined)
      parts.rollout?.observe(taken.decision.answer.endpoint, model, { failedAfterMs: performance.now() - runStarted });
  } finally {
    release?.();
    taken?.done();
  }
}

/**
 * The shadow scores a copy of an answered request, after the answer: only when a run slot is free
 * and nobody waits for one (a shadow never delays a client), holding the shadow model until done.
 * Its predictions go to the rollout, not to the prediction log (the log is what clients were told).
 */
async function shadowRun(parts: ServerParts, shadow: ServedModel, table: Table, id: string): Promise<void> {
  if (parts.lifecycle.draining || parts.admission.queued > 0 || parts.admission.inFlight >= parts.settings.concurrency)
    return;
  const admission = await parts.admission.acquire(0);
  if (!admission.admitted) return;
  const started = performance.now();
  try {
    const scored = await scoreTable(shadow, table);
    parts.metrics.rows.inc({ model: shadow.name, version: shadow.version, endpoint: "shadow" }, table.rowCount);
    parts.rollout?.observe("shadow", shadow, { prediction: scored.prediction, runMs: performance.now() - started }, id);
  } catch (error) {
    if (!isUserError(error))
      parts.warn(`serve: shadow ${shadow.version}: the model run failed: ${(error as Error)?.message ?? error}`);
    parts.rollout?.observe("shadow", shadow, { failedAfterMs: performance.now() - started });
  } finally {
    admission.release();
  }
}

/**
 * Labels that came back, for the rollout's live-quality signal: validated whole (a 400 names the
 * field and changes nothing), then joined by request id. 200 says what became of each: joined,
 * unknown (never answered here, or forgotten), outside_window (answered before this step, or no
 * rollout is running), duplicate, rows_mismatch. Not admitted through the model-run gate: no model runs.
 */
async function labels(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { settings } = parts;
  if (Number(req.headers["content-length"]) > settings.maxBodyBytes)
    return tooLarge((code, body) => send(parts, res, code, body), req, res, settings.maxBodyBytes);
  const body = await readBody(req, settings.maxBodyBytes);
  if (body === undefined) return tooLarge((code, b) => send(parts, res, code, b), req, res, settings.maxBodyBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch (error) {
    return send(
      parts,
      res,
      400,
      errorBody(
        `the body is not valid JSON (${(error as Error).message}); send {"labels": [{"id": "<request id>", "label": <value>}, …]}`,
      ),
    );
  }
  let posted;
  try {
    posted = parseLabelsRequest(parsed, parts.encodeLabel, {
      maxLabels: settings.labels.maxPerRequest,
      maxRows: settings.maxRows,
    });
  } catch (error) {
    if (error instanceof RequestError) return send(parts, res, error.status, errorBody(error.message));
    throw error;
  }
  const outcomes = parts.rollout
    ? parts.rollout.label(posted)
    : { joined: 0, unknown: 0, outside_window: posted.length, duplicate: 0, rows_mismatch: 0 };
  send(parts, res, 200, {
    model: parts.slots.stable.name,
    received: posted.length,
    ...outcomes,
    rollout: parts.rollout ? (parts.rollout.answer("verdict").body as RolloutVerdict).state : "none",
  });
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | "deadline"> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"deadline">(
    (resolve) => (timer = setTimeout(() => resolve("deadline"), Math.max(0, ms))),
  );
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** The body, or undefined once it passes `limit` bytes (the rest is not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

function tooLarge(
  answer: (code: number, body: Record<string, unknown>, headers?: Record<string, string>) => void,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): void {
  // Answer, then close the connection rather than buffer the rest of an oversized body.
  closeAfterAnswer(req, res);
  answer(413, errorBody(`the body is larger than ${limit} bytes (serve.max_body_mb); send fewer rows per request`));
}

function servesThis(model: ServedModel, name: string, version: string | undefined): boolean {
  return name === model.name && (version === undefined || version === model.version);
}

function notServed(
  parts: ServerParts,
  res: ServerResponse,
  model: ServedModel,
  name: string,
  version: string | undefined,
): void {
  const what =
    name !== model.name ? `model "${name}" is not served here` : `version "${version}" of ${name} is not served here`;
  send(parts, res, 404, errorBody(`${what}; this server serves ${model.name} version ${model.version}`));
}

/** While draining, every answer tells the client to reconnect (to another replica). */
function closeIfDraining(parts: ServerParts, res: ServerResponse): void {
  if (parts.lifecycle.draining && !res.headersSent) closeAfterAnswer(res.req, res);
}

function send(parts: ServerParts, res: ServerResponse, code: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  closeIfDraining(parts, res);
  res.writeHead(code, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function safePath(url: string | undefined): string {
  return JSON.stringify((url ?? "").slice(0, 200));
}
