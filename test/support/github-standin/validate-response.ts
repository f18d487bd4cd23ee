// The stand-in's own answers checked against the response schema GitHub documents for the
// operation and status (e.g. `pull-request-simple` for pulls/list): a render that drifts from
// GitHub's shape (a missing required field, a wrong type) is a violation in every test that uses
// the stand-in, instead of code under test that reads a field GitHub has and the stand-in lacks.
import { Ajv, type ValidateFunction } from "ajv";
import type { OpenApiSpec, Route } from "./openapi.ts";
import { toDraft07 } from "./validate.ts";

interface DocumentedResponses {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export class ResponseValidator {
  // Formats are not checked: GitHub's own answers break them (a deployment status without a
  // target_url has "" under format "uri"). Required fields and types are what clients read.
  private readonly ajv = new Ajv({ strict: false, logger: false, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction | undefined>();

  constructor(private readonly spec: OpenApiSpec) {}

  /** What is wrong with `body` as the answer `status` of `route`; empty when it fits, or GitHub documents no JSON schema for it. */
  problems(route: Route, status: number, body: unknown): string[] {
    const validate = this.compile(route, status);
    if (!validate || validate(body)) return [];
    return [
      ...new Set((validate.errors ?? []).map((e) => `${e.instancePath || "(the body)"} ${e.message ?? "is invalid"}`)),
    ].slice(0, 20);
  }

  private compile(route: Route, status: number): ValidateFunction | undefined {
    const key = `${route.method} ${route.template} ${status}`;
    if (this.compiled.has(key)) return this.compiled.get(key);
    const schema = (route.operation as DocumentedResponses).responses?.[String(status)]?.content?.["application/json"]
      ?.schema;
    const definitions = {};
    const validate = schema
      ? this.ajv.compile({ ...toDraft07(schema, this.spec, definitions), definitions })
      : undefined;
    this.compiled.set(key, validate);
    return validate;
  }
}
