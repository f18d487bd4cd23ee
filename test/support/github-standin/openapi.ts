// GitHub's official OpenAPI description, loaded once per process, and a router that finds the
// operation a request addresses. The stand-in answers only what the real API has, so a bot that
// calls a route GitHub does not serve fails here instead of in production.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the description lives: only this one 13 MB file of @octokit/openapi is read. */
const SPEC_PATH = fileURLToPath(
  new URL("../../../node_modules/@octokit/openapi/generated/api.github.com.json", import.meta.url),
);

const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head", "options"] as const;

export type JsonSchema = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
  "x-multi-segment"?: boolean;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  externalDocs?: { url?: string };
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, OpenApiParameter>;
  };
}

/** One path segment of a template: a literal, or a parameter that may span several segments. */
type Segment = { literal: string } | { param: string; multi: boolean };

/** An operation of the description together with its compiled path template. */
export interface Route {
  method: string; // upper case
  template: string; // e.g. "/repos/{owner}/{repo}/issues/{issue_number}"
  operationId: string;
  operation: OpenApiOperation;
  parameters: OpenApiParameter[]; // $refs resolved
  segments: Segment[];
  literalCount: number;
  hasMulti: boolean;
  documentationUrl: string;
}

export interface RouteMatch {
  route: Route;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

let cachedSpec: OpenApiSpec | undefined;
let cachedRouter: Router | undefined;

/** Parses the description the first time it is needed (about 0.2 s), then reuses it. */
export function loadSpec(): OpenApiSpec {
  cachedSpec ??= JSON.parse(readFileSync(SPEC_PATH, "utf8")) as OpenApiSpec;
  return cachedSpec;
}

/**
 * Serve from `spec` instead of @octokit/openapi's file: the shipped demo (src/demo) passes the
 * subset of the description for the operations the stand-in implements, which the bundle carries
 * (scripts/bundle.mjs writes it), so it runs where @octokit/openapi is not installed.
 */
export function useSpec(spec: OpenApiSpec): void {
  cachedSpec = spec;
  cachedRouter = undefined;
}

/** The process-wide router over every operation of api.github.com. */
export function getRouter(): Router {
  cachedRouter ??= new Router(loadSpec());
  return cachedRouter;
}

function resolveParameter(spec: OpenApiSpec, parameter: OpenApiParameter | { $ref: string }): OpenApiParameter {
  if ("$ref" in parameter) {
    const name = parameter.$ref.replace("#/components/parameters/", "");
    const resolved = spec.components.parameters[name];
    if (!resolved) throw new Error(`OpenAPI description has no parameter ${parameter.$ref}`);
    return resolved;
  }
  return parameter;
}

/**
 * Finds the operation for a method and raw (still percent-encoded) path. Literal segments beat
 * parameters, and a multi-segment parameter (`x-multi-segment`, e.g. `contents/{path}`,
 * `git/ref/{ref}`) absorbs as few segments as it can, so
 * `/repos/o/r/commits/abc/check-runs` is "list check runs for a ref", not "get commit abc/check-runs".
 */
export class Router {
  private readonly byMethod = new Map<string, Route[]>();

  constructor(readonly spec: OpenApiSpec) {
    for (const [template, item] of Object.entries(spec.paths)) {
      const pathLevel = ((item as { parameters?: OpenApiParameter[] }).parameters ?? []).map((p) =>
        resolveParameter(spec, p),
      );
      for (const method of HTTP_METHODS) {
        const operation = item[method] as OpenApiOperation | undefined;
        if (!operation) continue;
        const parameters = [...pathLevel, ...(operation.parameters ?? []).map((p) => resolveParameter(spec, p))];
        const multi = new Set(parameters.filter((p) => p["x-multi-segment"]).map((p) => p.name));
        const segments: Segment[] = template
          .split("/")
          .slice(1)
          .map((part) => {
            const name = /^\{(.+)\}$/.exec(part)?.[1];
            return name ? { param: name, multi: multi.has(name) } : { literal: part };
          });
        const route: Route = {
          method: method.toUpperCase(),
          template,
          operationId: operation.operationId,
          operation,
          parameters,
          segments,
          literalCount: segments.filter((s) => "literal" in s).length,
          hasMulti: segments.some((s) => "param" in s && s.multi),
          documentationUrl: operation.externalDocs?.url ?? "https://docs.github.com/rest",
        };
        const list = this.byMethod.get(route.method) ?? [];
        list.push(route);
        this.byMethod.set(route.method, list);
      }
    }
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = splitPath(rawPath);
    if (!parts) return undefined;
    const found = this.matchParts(method, parts);
    if (found) return found;
    // "/repos/o/r/contents" and ".../contents/" address the root (an empty multi-segment path), as
    // GitHub serves them and Octokit sends for `path: ""`; any other trailing slash is ignored.
    if (parts[parts.length - 1] !== "") return this.matchParts(method, [...parts, ""]);
    if (parts.length > 1) return this.matchParts(method, parts.slice(0, -1));
    return undefined;
  }

  private matchParts(method: string, parts: string[]): RouteMatch | undefined {
    let best: { match: RouteMatch; literals: number; span: number } | undefined;
    for (const route of this.byMethod.get(method.toUpperCase()) ?? []) {
      if (!route.hasMulti && route.segments.length !== parts.length) continue;
      if (route.segments.length > parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      const span = parts.length - route.segments.length;
      if (!best || route.literalCount > best.literals || (route.literalCount === best.literals && span < best.span)) {
        best = { match: { route, params }, literals: route.literalCount, span };
      }
    }
    return best?.match;
  }

  /** Methods the description allows on this path (for a helpful "wrong method" message). */
  methodsFor(rawPath: string): string[] {
    return [...this.byMethod.keys()].filter((method) => this.match(method, rawPath));
  }

  /** The route with this operationId, e.g. "issues/create". */
  byOperationId(operationId: string): Route | undefined {
    for (const routes of this.byMethod.values()) {
      const found = routes.find((r) => r.operationId === operationId);
      if (found) return found;
    }
    return undefined;
  }
}

function splitPath(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith("/")) return undefined;
  return rawPath.split("/").slice(1);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Backtracking match: a multi-segment parameter takes 1..n segments, fewest first. */
function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const step = (si: number, pi: number): boolean => {
    if (si === segments.length) return pi === parts.length;
    const segment = segments[si];
    if (pi >= parts.length) return false;
    if ("literal" in segment) return segment.literal === parts[pi] && step(si + 1, pi + 1);
    const remainingSegments = segments.length - si - 1;
    const maxTake = segment.multi ? parts.length - pi - remainingSegments : 1;
    for (let take = 1; take <= maxTake; take++) {
      const raw = parts.slice(pi, pi + take);
      const rootOfMulti = segment.multi && raw.length === 1 && raw[0] === "" && pi + take === parts.length;
      if (raw.some((p) => p === "") && !rootOfMulti) return false;
      const decoded = raw.map(decode);
      if (decoded.some((d) => d === undefined)) return false;
      params[segment.param] = decoded.join("/");
      if (step(si + 1, pi + take)) return true;
    }
    delete params[segment.param];
    return false;
  };
  return step(0, 0) ? params : undefined;
}
