// The loopback HTTP server. Each request goes: route (OpenAPI) -> authentication -> parameter and
// body validation -> injected fault -> handler -> log. Anything GitHub would reject is answered as
// GitHub would AND recorded in `violations`, so a test can assert the code under test spoke
// GitHub's API correctly. After the body is read, a request is processed synchronously, which
// makes every operation atomic with respect to concurrent requests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, type AuthInfo } from "./auth.ts";
import { FaultQueue, faultResult, type FaultMatcher, type FaultResponse } from "./faults.ts";
import { handlers, type HandlerContext } from "./handlers/index.ts";
import { errorBody, GitHubError, notFound, type HandlerResult } from "./http.ts";
import { getRouter, loadSpec } from "./openapi.ts";
import { GitHubState, type Clock, type RecordedEvent, type Repo, type RepoOptions, type UserRecord } from "./state.ts";
import { ResponseValidator } from "./validate-response.ts";
import { RequestValidator } from "./validate.ts";

export interface StandInOptions {
  /** Repositories to create before the first request (more with `state.addRepo`). */
  repos?: RepoOptions[];
  /** The GitHub App the stand-in plays; give `privateKey` (PEM) to have JWT signatures verified. */
  app?: { id?: number; slug?: string; name?: string; owner?: string; privateKey?: string };
  /** Installation id of every repository unless a repo says otherwise. Default 1. */
  defaultInstallationId?: number;
  /**
   * Who a (non-installation) token acts as: token -> login or {login, type}. Unlisted tokens act as
   * the owner of the repository they address; unlisted `ghs_…` tokens act as github-actions[bot]
   * (a GITHUB_TOKEN, which may write check runs).
   */
  users?: Record<string, string | { login: string; type?: "User" | "Bot" }>;
  /** retry-after seconds for injected rate limits (default 1; 0 makes tests fast). */
  retryAfterSeconds?: number;
  clock?: Clock;
  /** Web base for html_url fields. Default https://github.com. */
  htmlUrl?: string;
  /** Print one line per request to stderr (method, path, status; never credentials). */
  verbose?: boolean;
}

type ViolationKind =
  | "unknown-route" // method + path not in GitHub's API
  | "invalid-request" // parameter or body fails the OpenAPI schema, or unparsable JSON
  | "invalid-response" // the stand-in's own 2xx answer fails the response schema GitHub documents (a render bug)
  | "auth" // missing/wrong credentials for the endpoint
  | "installation-scope" // installation token used on a repository outside the installation
  | "not-implemented" // real GitHub operation the stand-in does not serve yet
  | "stand-in-error"; // a bug in the stand-in itself

interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  operationId?: string;
  message: string;
  details?: string[];
}

interface LoggedRequest {
  id: number;
  method: string;
  /** Decoded path without query and without a GHE /api/v3 prefix. */
  path: string;
  query: Record<string, string>;
  /** "POST /repos/{owner}/{repo}/issues" when the route is known. */
  route?: string;
  operationId?: string;
  params: Record<string, unknown>;
  body: unknown;
  status: number;
  /** How the caller authenticated; the credential itself is never kept. */
  auth: AuthInfo["kind"];
  actor?: string;
  installationId?: number;
  /** The answer was an injected fault. */
  fault: boolean;
}

export interface GitHubStandIn {
  /** Base URL for Octokit's `baseUrl`, e.g. http://127.0.0.1:41234 */
  url: string;
  /** host:port for Probot's GHE_HOST (with GHE_PROTOCOL=http; requests then arrive under /api/v3). */
  gheHost: string;
  state: GitHubState;
  requests: LoggedRequest[];
  violations: Violation[];
  /** Webhooks GitHub would have sent for the changes so far (payloads rendered at that moment). */
  events: RecordedEvent[];
  /** The next requests matching `matcher` answer with `responses`, one each, in order. */
  failNext(matcher: FaultMatcher, responses: FaultResponse[]): void;
  /** Logged requests to a route ("POST /repos/{owner}/{repo}/issues") or operationId ("issues/create"). */
  requestsTo(routeOrOperationId: string): LoggedRequest[];
  /** Throws an Error listing every violation, if there is any. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

const GHE_PREFIX = "/api/v3";

/** Compiled validators are shared by every stand-in of the process (compiling costs ~4 ms per operation). */
let sharedValidator: RequestValidator | undefined;
let sharedResponseValidator: ResponseValidator | undefined;

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const router = getRouter();
  const validator = (sharedValidator ??= new RequestValidator(loadSpec()));
  const responseValidator = (sharedResponseValidator ??= new ResponseValidator(loadSpec()));
  const state = new GitHubState(options.clock, {
    app: options.app,
    defaultInstallationId: options.defaultInstallationId,
    htmlUrl: options.htmlUrl,
  });
  for (const repo of options.repos ?? []) state.addRepo(repo);
  const tokenUsers = new Map<string, UserRecord>(
    Object.entries(options.users ?? {}).map(([token, who]) => [
      token,
      typeof who === "string" ? state.user(who) : state.user(who.login, who.type),
    ]),
  );
  const faults = new FaultQueue();
  const requests: LoggedRequest[] = [];
  const violations: Violation[] = [];
  let requestCounter = 0;

  const handleRequest = (req: IncomingMessage, rawBody: Buffer): { result: HandlerResult; log: LoggedRequest } => {
    const id = ++requestCounter;
    const method = (req.method ?? "GET").toUpperCase();
    const host = req.headers.host ?? "127.0.0.1";
    const url = new URL(req.url ?? "/", `http://${host}`);
    const prefix = url.pathname === GHE_PREFIX || url.pathname.startsWith(`${GHE_PREFIX}/`) ? GHE_PREFIX : "";
    const rawPath = url.pathname.slice(prefix.length) || "/";
    const path = safeDecode(rawPath);
    const links = { api: `http://${host}${prefix}`, html: state.htmlUrl };
    const log: LoggedRequest = {
      id,
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      params: {},
      body: parseForLog(rawBody),
      status: 0,
      auth: "none",
      fault: false,
    };
    const violate = (kind: ViolationKind, message: string, details?: string[]) =>
      violations.push({ kind, method, path, operationId: log.operationId, message, ...(details ? { details } : {}) });
    const fail = (status: number, message: string, documentationUrl = "https://docs.github.com/rest") => ({
      result: { status, body: errorBody(status, message, documentationUrl) },
      log,
    });

    try {
      return answer();
    } catch (error) {
      violate("stand-in-error", `stand-in crashed: ${(error as Error)?.stack ?? error}`);
      return fail(500, "Server Error");
    }

    function answer(): { result: HandlerResult; log: LoggedRequest } {
      const match = router.match(method, rawPath);
      if (!match) {
        const allowed = router.methodsFor(rawPath);
        violate(
          "unknown-route",
          allowed.length
            ? `GitHub has no ${method} ${path}; this path allows ${allowed.join(", ")}`
            : `GitHub's REST API has no route ${method} ${path}`,
        );
        return fail(404, "Not Found");
      }
      const { route } = match;
      log.route = `${route.method} ${route.template}`;
      log.operationId = route.operationId;

      const { auth, problem: authProblem } = authenticate(
        headerValue(req.headers.authorization),
        route,
        state,
        tokenUsers,
      );
      log.auth = auth.kind;
      if (auth.kind === "installation") log.installationId = auth.installationId;
      if (authProblem) {
        violate("auth", authProblem.reason);
        return fail(authProblem.status, authProblem.message, route.documentationUrl);
      }

      const validated = validator.validate(route, {
        params: match.params,
        query: url.searchParams,
        rawBody,
        contentType: headerValue(req.headers["content-type"]),
      });
      log.params = validated.params;
      if (validated.problem) {
        violate("invalid-request", validated.problem.message, validated.problem.details);
        return fail(validated.problem.status, validated.problem.message, route.documentationUrl);
      }

      const findRepo = (): Repo | undefined =>
        typeof validated.params.owner === "string" && typeof validated.params.repo === "string"
          ? state.findRepo(validated.params.owner, validated.params.repo)
          : undefined;
      const actor = actorOf(auth, findRepo, state);
      log.actor = actor.login;
      const ctx: HandlerContext = {
        state,
        params: validated.params,
        query: validated.query,
        body: validated.body ?? {},
        auth,
        actor,
        links,
        url,
        headers: req.headers,
        repo: () => {
          const repo = findRepo();
          if (!repo || (repo.private && auth.kind === "none")) throw notFound();
          if (auth.kind === "installation" && repo.installationId !== auth.installationId) {
            violate("installation-scope", `installation ${auth.installationId} is not installed on ${repo.fullName}`);
            throw notFound();
          }
          return repo;
        },
      };

      const fault = faults.take({ method, path, template: route.template, operationId: route.operationId });
      const faultAnswer = () => {
        log.fault = true;
        return {
          result: faultResult(fault!, {
            defaultRetryAfter: options.retryAfterSeconds ?? 1,
            documentationUrl: route.documentationUrl,
            nowSeconds: Math.floor(state.clock().getTime() / 1000),
            requestId: `STANDIN:${id}`,
          }),
          log,
        };
      };
      if (fault && !fault.afterSideEffect) return faultAnswer();

      const handler = handlers[route.operationId];
      let result: HandlerResult;
      if (!handler) {
        violate(
          "not-implemented",
          `the GitHub stand-in does not implement ${route.method} ${route.template} (${route.operationId}); add a handler under test/support/github-standin/handlers/`,
        );
        result = {
          status: 501,
          body: errorBody(501, `Not implemented by the GitHub stand-in: ${route.operationId}`, route.documentationUrl),
        };
      } else {
        try {
          result = handler(ctx);
        } catch (error) {
          if (error instanceof GitHubError) {
            result = {
              status: error.status,
              body: errorBody(error.status, error.message, route.documentationUrl, error.extra.errors),
              headers: error.extra.headers,
            };
          } else {
            violate("stand-in-error", `stand-in crashed: ${(error as Error)?.stack ?? error}`);
            result = { status: 500, body: errorBody(500, "Server Error", route.documentationUrl) };
          }
        }
      }
      if (fault) return faultAnswer();
      if (result.status >= 200 && result.status < 300 && !result.raw && result.body !== undefined) {
        const problems = responseValidator.problems(route, result.status, result.body);
        if (problems.length)
          violate(
            "invalid-response",
            `the stand-in's ${result.status} answer does not fit GitHub's documented response schema; fix its render (test/support/github-standin/render.ts)`,
            problems,
          );
      }
      return { result, log };
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      // Synchronous from here to the response: no other request interleaves.
      const { result, log } = handleRequest(req, Buffer.concat(chunks));
      log.status = result.status;
      requests.push(log);
      if (options.verbose)
        process.stderr.write(
          `[github-standin] ${log.method} ${log.path} -> ${result.status}${log.fault ? " (injected)" : ""}\n`,
        );
      send(res, result, `STANDIN:${log.id}`, state.clock());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  state.apiUrl = baseUrl;

  return {
    url: baseUrl,
    gheHost: `127.0.0.1:${port}`,
    state,
    requests,
    violations,
    events: state.events,
    failNext: (matcher, responses) => faults.add(matcher, responses),
    requestsTo: (key) => requests.filter((r) => r.route === key || r.operationId === key),
    assertNoViolations: () => {
      if (violations.length === 0) return;
      const lines = violations.map(
        (v) =>
          `- [${v.kind}] ${v.method} ${v.path}: ${v.message}${v.details?.length ? ` (${v.details.join("; ")})` : ""}`,
      );
      throw new Error(
        `GitHub stand-in saw ${violations.length} request(s) GitHub would reject, or answered unlike GitHub:\n${lines.join("\n")}`,
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Installation token -> the app's bot; mapped token -> its user; `ghs_…` -> github-actions[bot]; else the repo owner. */
function actorOf(auth: AuthInfo, findRepo: () => Repo | undefined, state: GitHubState): UserRecord {
  switch (auth.kind) {
    case "installation":
      return auth.actor;
    case "token":
      if (auth.user) return auth.user;
      if (auth.looksLikeGitHubToken) return state.user("github-actions[bot]", "Bot");
      return findRepo()?.owner ?? state.user("octocat");
    case "jwt":
      return state.app.bot;
    default:
      return state.user("ghost");
  }
}

function send(res: ServerResponse, result: HandlerResult, requestId: string, now: Date): void {
  const reset = Math.floor(now.getTime() / 1000) + 3600;
  const headers: Record<string, string> = {
    "x-github-request-id": requestId,
    "x-github-api-version-selected": "2022-11-28",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-used": "1",
    "x-ratelimit-resource": "core",
    ...result.headers,
  };
  if (result.raw) {
    res.writeHead(result.status, {
      ...headers,
      "content-type": result.raw.contentType,
      "content-length": String(result.raw.data.length),
    });
    res.end(result.raw.data);
    return;
  }
  if (result.body === undefined || result.status === 204) {
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  const body = Buffer.from(JSON.stringify(result.body));
  res.writeHead(result.status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(body.length),
  });
  res.end(body);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function parseForLog(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return undefined;
  const text = rawBody.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
