// Checks a request against its operation in GitHub's OpenAPI description: path and query
// parameters, then the JSON body. The description is OpenAPI 3.0 (`nullable`, `oneOf`, `$ref` to
// #/components), so each schema is rewritten into a self-contained draft-07 schema for ajv the
// first time its operation is called, and the compiled validator is cached.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { JsonSchema, OpenApiSpec, Route } from "./openapi.ts";

/** What GitHub would answer for an invalid request. */
interface ValidationProblem {
  status: 400 | 404 | 422;
  message: string;
  /** Every schema error, for the violation log. */
  details: string[];
}

export interface ValidatedRequest {
  /** Query parameters coerced to their declared types (integers, booleans). */
  query: Record<string, unknown>;
  /** Path parameters coerced to their declared types. */
  params: Record<string, unknown>;
  body: unknown;
  problem?: ValidationProblem;
}

export interface RawRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  rawBody: Buffer;
  contentType: string | undefined;
}

interface CompiledOperation {
  path: ValidateFunction;
  query: ValidateFunction;
  body?: { validate: ValidateFunction; required: boolean };
  arrayQueryNames: Set<string>;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    logger: false,
    allErrors: true,
    verbose: true, // keeps the offending value on each error, for GitHub-like messages
    coerceTypes: coerce ? "array" : false,
  });
  ajv.addFormat("date-time", ISO_DATE_TIME);
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
  // Annotations only: GitHub does not reject on these.
  for (const name of ["int32", "int64", "double", "binary", "timestamp", "uri-template", "repo.nwo"]) {
    ajv.addFormat(name, true);
  }
  return ajv;
}

export class RequestValidator {
  private readonly bodyAjv = createAjv(false);
  private readonly paramAjv = createAjv(true);
  private readonly compiled = new Map<string, CompiledOperation>();

  constructor(private readonly spec: OpenApiSpec) {}

  validate(route: Route, raw: RawRequest): ValidatedRequest {
    const compiled = this.compile(route);

    const params: Record<string, unknown> = { ...raw.params };
    if (!compiled.path(params)) {
      // GitHub answers a malformed path parameter (e.g. /issues/abc) with 404.
      return { params, query: {}, body: undefined, problem: problemFrom(404, "Not Found", compiled.path.errors) };
    }

    const query: Record<string, unknown> = {};
    for (const key of new Set(raw.query.keys())) {
      const values = raw.query.getAll(key);
      query[key] = compiled.arrayQueryNames.has(key) ? values : values[values.length - 1];
    }
    if (!compiled.query(query)) {
      return { params, query, body: undefined, problem: problemFrom(422, "Invalid request.", compiled.query.errors) };
    }

    if (!compiled.body) return { params, query, body: parseLoose(raw.rawBody) };
    const text = raw.rawBody.toString("utf8");
    let body: unknown = {};
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        return {
          params,
          query,
          body: text,
          problem: { status: 400, message: "Problems parsing JSON", details: ["body is not valid JSON"] },
        };
      }
    }
    if (!compiled.body.validate(body)) {
      return { params, query, body, problem: problemFrom(422, "Invalid request.", compiled.body.validate.errors) };
    }
    return { params, query, body };
  }

  private compile(route: Route): CompiledOperation {
    const key = `${route.method} ${route.template}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;

    const definitions: Record<string, JsonSchema> = {};
    const convert = (schema: JsonSchema | undefined) => toDraft07(schema ?? {}, this.spec, definitions);
    const objectSchemaFor = (location: "path" | "query") => {
      const parameters = route.parameters.filter((p) => p.in === location);
      return {
        type: "object",
        properties: Object.fromEntries(parameters.map((p) => [p.name, convert(p.schema)])),
        required: parameters.filter((p) => p.required || location === "path").map((p) => p.name),
      };
    };
    const pathSchema = objectSchemaFor("path");
    const querySchema = objectSchemaFor("query");
    const jsonBody = route.operation.requestBody?.content?.["application/json"];
    const bodySchema = jsonBody ? convert(jsonBody.schema) : undefined;

    const withDefinitions = (schema: JsonSchema) => ({ ...schema, definitions });
    const compiled: CompiledOperation = {
      path: this.paramAjv.compile(withDefinitions(pathSchema)),
      query: this.paramAjv.compile(withDefinitions(querySchema)),
      body: bodySchema
        ? {
            validate: this.bodyAjv.compile(withDefinitions(bodySchema)),
            required: route.operation.requestBody?.required ?? false,
          }
        : undefined,
      arrayQueryNames: new Set(
        route.parameters.filter((p) => p.in === "query" && p.schema?.type === "array").map((p) => p.name),
      ),
    };
    this.compiled.set(key, compiled);
    return compiled;
  }
}

function parseLoose(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return undefined;
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    return rawBody.toString("utf8");
  }
}

/**
 * Rewrites one OpenAPI 3.0 schema into draft-07: `nullable: true` becomes a `null` type (or an
 * `anyOf` with `{type: "null"}` when there is no `type`), `oneOf` becomes `anyOf` (GitHub's
 * `oneOf`s overlap, e.g. a label given as string or object, and GitHub itself accepts either),
 * and `#/components/schemas/X` references are copied into `definitions` so the result stands alone.
 */
export function toDraft07(schema: unknown, spec: OpenApiSpec, definitions: Record<string, JsonSchema>): JsonSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== "object") return node;
    const source = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
      if (key === "nullable" || key === "discriminator" || key === "example" || key.startsWith("x-")) continue;
      if (key === "$ref" && typeof value === "string") {
        out.$ref = refInto(value);
      } else if (key === "oneOf") {
        out.anyOf = visit(value);
      } else if (key === "properties" && value && typeof value === "object") {
        // Property names are data, not keywords: copy each name, convert each subschema.
        out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub)]));
      } else {
        out[key] = visit(value);
      }
    }
    if (source.nullable === true) {
      if (typeof out.type === "string") {
        out.type = [out.type, "null"];
        if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      } else {
        return { anyOf: [out, { type: "null" }] };
      }
    }
    return out;
  };

  const refInto = (ref: string): string => {
    const prefix = "#/components/schemas/";
    if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref in GitHub's description: ${ref}`);
    const name = ref.slice(prefix.length);
    if (!(name in definitions)) {
      definitions[name] = {}; // placeholder first: schemas may refer to themselves
      definitions[name] = visit(spec.components.schemas[name] ?? {}) as JsonSchema;
    }
    return `#/definitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  };

  return visit(schema) as JsonSchema;
}

/** GitHub's wording: `Invalid request.\n\n"sha" wasn't supplied.` or `For 'properties/sha', 5 is not a string.` */
function problemFrom(
  status: 400 | 404 | 422,
  headline: string,
  errors: ErrorObject[] | null | undefined,
): ValidationProblem {
  const details = (errors ?? []).map(describeError);
  const primary = pickPrimaryError(errors ?? []);
  const message = status === 404 ? headline : `${headline}\n\n${primary ? describeError(primary) : "Invalid input."}`;
  return { status, message, details };
}

/** The most useful error: a concrete one rather than the "must match a schema in anyOf" summary. */
function pickPrimaryError(errors: ErrorObject[]): ErrorObject | undefined {
  return errors.find((e) => e.keyword === "required") ?? errors.find((e) => e.keyword !== "anyOf") ?? errors[0];
}

function describeError(error: ErrorObject): string {
  if (error.keyword === "required") {
    return `"${(error.params as { missingProperty: string }).missingProperty}" wasn't supplied.`;
  }
  const where = error.instancePath === "" ? "the body" : `'${error.instancePath.slice(1).replace(/\//g, "/")}'`;
  if (error.keyword === "type")
    return `For ${where}, ${error.data === undefined ? "value" : JSON.stringify(error.data)} is not ${article((error.params as { type: string }).type)}.`;
  if (error.keyword === "enum") {
    return `For ${where}, ${JSON.stringify(error.data)} is not a member of [${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}].`;
  }
  return `For ${where}, ${JSON.stringify(error.data)} ${error.message ?? "is invalid"}.`;
}

function article(type: string | string[]): string {
  const names = Array.isArray(type) ? type : String(type).split(",");
  return names.map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)).join(" or ");
}
