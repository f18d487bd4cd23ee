/**
 * The fields of each event payload the handlers read, with their types. A delivery can carry a
 * valid signature and still lack them (a test sender, a replay tool, a GitHub change); checked
 * first, such a payload is answered 400 naming the field, instead of failing inside a handler.
 * Only what the bot reads is checked: GitHub adds fields freely.
 * Example: payloadProblem("issues", { action: "opened" }) -> "payload.issue must be an object (got undefined)".
 */

type Check = (value: unknown, path: string) => string | undefined;

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const must =
  (what: string, ok: (value: unknown) => boolean): Check =>
  (value, path) =>
    ok(value) ? undefined : `${path} must be ${what} (got ${kind(value)})`;

const string = must("a string", (v) => typeof v === "string");
const boolean = must("true or false", (v) => typeof v === "boolean");
const positiveInteger = must("a positive integer", (v) => Number.isSafeInteger(v) && (v as number) > 0);
const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null || value === undefined ? undefined : check(value, path);

function object(fields: Record<string, Check>): Check {
  return (value, path) => {
    if (kind(value) !== "object") return `${path} must be an object (got ${kind(value)})`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check((value as Record<string, unknown>)[name], `${path}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function arrayOf(check: Check): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return `${path} must be an array (got ${kind(value)})`;
    for (const [index, item] of value.entries()) {
      const problem = check(item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

const user = object({ login: string, type: string });
const label = object({ name: string });
const repository = object({
  name: string,
  full_name: string,
  html_url: string,
  owner: object({ login: string }),
  default_branch: nullable(string),
});
const issue = object({
  number: positiveInteger,
  title: string,
  body: nullable(string),
  state: string,
  labels: nullable(arrayOf(label)),
  updated_at: string,
  html_url: string,
  pull_request: nullable(object({})),
});

const EVENTS: Record<string, Record<string, Check>> = {
  issues: { action: string, issue, label: nullable(label), sender: user, repository },
  issue_comment: {
    action: string,
    issue,
    comment: object({ id: positiveInteger, body: string, created_at: string, html_url: string, user: nullable(user) }),
    sender: user,
    repository,
  },
  // client_payload is the drift command's; parseDriftDispatchPayload checks it and replies.
  repository_dispatch: { action: string, sender: user, repository },
  pull_request: {
    action: string,
    pull_request: object({
      number: positiveInteger,
      html_url: string,
      merged: nullable(boolean),
      merge_commit_sha: nullable(string),
      head: object({ ref: string, sha: string, repo: nullable(object({ full_name: string })) }),
      base: object({ ref: string }),
    }),
    repository,
  },
};

export interface PayloadRules {
  /** An app's deliveries always name the installation whose token answers them; a workflow's event does not. */
  requireInstallation: boolean;
}

/** The first missing or mistyped field of an event the bot handles, or undefined. */
export function payloadProblem(event: string, payload: unknown, rules: PayloadRules): string | undefined {
  const fields = EVENTS[event];
  const installation = rules.requireInstallation
    ? object({ id: positiveInteger })
    : nullable(object({ id: positiveInteger }));
  return object(fields ? { ...fields, installation } : {})(payload, "payload");
}
