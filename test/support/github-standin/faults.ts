// Injected failures: the next requests matching a method/path answer with GitHub-like 5xx or
// rate-limit responses, so tests can check that retries neither give up too early nor repeat a
// side effect. `afterSideEffect` models GitHub's worst case: the change happened, the answer failed.
import type { HandlerResult } from "./http.ts";

export interface FaultMatcher {
  /** HTTP method, any case; omitted = any. */
  method?: string;
  /**
   * The concrete path ("/repos/o/r/issues/1/comments"), the OpenAPI template
   * ("/repos/{owner}/{repo}/issues/{issue_number}/comments"), or a RegExp tested on the concrete path.
   */
  path?: string | RegExp;
  /** OpenAPI operationId, e.g. "issues/create-comment". */
  operationId?: string;
}

export interface FaultResponse {
  status: number;
  /** 403 "You have exceeded a secondary rate limit" with a `retry-after` header. */
  secondaryRateLimit?: boolean;
  /** Primary rate limit: 403 with `x-ratelimit-remaining: 0` and a reset time. */
  rateLimit?: boolean;
  /** Seconds for `retry-after` (secondary) or until reset (primary); default from the stand-in options (1). */
  retryAfter?: number;
  message?: string;
  /** Replaces the whole JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Run the handler (the change happens) and then answer with this failure. */
  afterSideEffect?: boolean;
}

interface QueuedFault {
  matcher: FaultMatcher;
  response: FaultResponse;
}

export class FaultQueue {
  private readonly queue: QueuedFault[] = [];

  add(matcher: FaultMatcher, responses: FaultResponse[]): void {
    for (const response of responses) this.queue.push({ matcher, response });
  }

  /** Removes and returns the first fault queued for this request, if any. */
  take(request: { method: string; path: string; template: string; operationId: string }): FaultResponse | undefined {
    const index = this.queue.findIndex(({ matcher }) => matches(matcher, request));
    if (index < 0) return undefined;
    return this.queue.splice(index, 1)[0].response;
  }

  get pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

function matches(
  matcher: FaultMatcher,
  request: { method: string; path: string; template: string; operationId: string },
): boolean {
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.operationId && matcher.operationId !== request.operationId) return false;
  if (matcher.path instanceof RegExp) return matcher.path.test(request.path);
  if (typeof matcher.path === "string") return matcher.path === request.path || matcher.path === request.template;
  return true;
}

/** The status, headers and body GitHub sends for each kind of failure. */
export function faultResult(
  fault: FaultResponse,
  options: { defaultRetryAfter: number; documentationUrl: string; nowSeconds: number; requestId: string },
): HandlerResult {
  const retryAfter = fault.retryAfter ?? options.defaultRetryAfter;
  const headers: Record<string, string> = {};
  let message = fault.message;
  let documentationUrl = options.documentationUrl;
  if (fault.secondaryRateLimit) {
    headers["retry-after"] = String(retryAfter);
    message ??=
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
      `If you reach out to GitHub Support for help, please include the request ID ${options.requestId}.`;
    documentationUrl =
      "https://docs.github.com/free-pro-team@latest/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits";
  } else if (fault.rateLimit) {
    headers["x-ratelimit-remaining"] = "0";
    headers["x-ratelimit-used"] = "5000";
    headers["x-ratelimit-reset"] = String(options.nowSeconds + retryAfter);
    message ??=
      "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.";
    documentationUrl =
      "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-the-primary-rate-limit";
  } else {
    message ??= fault.status >= 500 ? "Server Error" : "Injected failure";
  }
  return {
    status: fault.status,
    headers: { ...headers, ...fault.headers },
    body: fault.body ?? { message, documentation_url: documentationUrl, status: String(fault.status) },
  };
}
