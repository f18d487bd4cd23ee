// Webhook payloads for tests, built from GitHub's own examples (@octokit/webhooks-examples) with
// the fields a test cares about overridden, and a sender that signs them exactly as GitHub does
// (HMAC-SHA256 of the exact body bytes, `x-hub-signature-256: sha256=<hex>`).
//
//   const payload = webhookPayload("issue_comment.created", {
//     repository: { owner: "acme", name: "fraud" }, issue: { number: 3 }, comment: { body: "/retrain" }, sender: "alice",
//   });
//   await sendWebhook(`${botUrl}/api/github/webhooks`, { event: "issue_comment", payload, secret });
import { createHash, createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Json = Record<string, any>;

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Json[];
}

const EXAMPLES_PATH = fileURLToPath(
  new URL("../../node_modules/@octokit/webhooks-examples/api.github.com/index.json", import.meta.url),
);

let definitions: WebhookDefinition[] | undefined;

function loadDefinitions(): WebhookDefinition[] {
  definitions ??= JSON.parse(readFileSync(EXAMPLES_PATH, "utf8")) as WebhookDefinition[];
  return definitions;
}

export interface WebhookOverrides {
  /** Rewrites the example's repository (urls included) to this one. */
  repository?: {
    owner: string;
    name: string;
    private?: boolean;
    defaultBranch?: string;
    ownerType?: "User" | "Organization";
  };
  /** Installation id for Probot's installation token; default 1 (the stand-in's default); null = no installation. */
  installationId?: number | null;
  /** Who triggered the event; also the author of what an `opened`/`created` event creates, unless given. */
  sender?: string | { login: string; type?: "User" | "Bot" };
  issue?: {
    number?: number;
    title?: string;
    body?: string | null;
    labels?: string[];
    state?: "open" | "closed";
    user?: string;
    /** Marks the issue as a pull request (issue_comment on a PR). */
    isPullRequest?: boolean;
  };
  comment?: { id?: number; body?: string; user?: string; userType?: "User" | "Bot" };
  pullRequest?: {
    number?: number;
    title?: string;
    body?: string | null;
    state?: "open" | "closed";
    merged?: boolean;
    mergeCommitSha?: string | null;
    head?: { ref?: string; sha?: string };
    base?: { ref?: string; sha?: string };
    labels?: string[];
    user?: string;
  };
  /** The label of a `labeled`/`unlabeled` event. */
  label?: string;
  /** repository_dispatch: `action` is the event_type. */
  dispatch?: { action?: string; clientPayload?: Json; branch?: string };
  /** Deep-merged last, for any other field. */
  merge?: Json;
}

/**
 * A deep copy of GitHub's example for `event.action` (e.g. "issues.opened",
 * "pull_request.closed"; "repository_dispatch" has no action in the name) with overrides applied.
 */
export function webhookPayload(eventAndAction: string, overrides: WebhookOverrides = {}): Json {
  const [event, action] = eventAndAction.split(".", 2);
  const definition = loadDefinitions().find((d) => d.name === event);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no event "${event}"`);
  const example = definition.examples.find((e) => action === undefined || e.action === action);
  if (!example) {
    const actions = [...new Set(definition.examples.map((e) => e.action))].join(", ");
    throw new Error(`@octokit/webhooks-examples has no ${event} example with action "${action}" (has: ${actions})`);
  }
  let payload: Json = structuredClone(example);

  const sender = typeof overrides.sender === "string" ? { login: overrides.sender } : overrides.sender;
  const createsSubject = action === "opened" || action === "created";

  if (overrides.repository) payload = withRepository(payload, overrides.repository);
  if (sender) payload.sender = userObject(sender.login, sender.type);

  if (payload.issue && (overrides.issue || overrides.repository || (sender && createsSubject && event === "issues"))) {
    const o = overrides.issue ?? {};
    const issue = payload.issue;
    const full = payload.repository.full_name as string;
    const number = o.number ?? issue.number;
    const isPullRequest = o.isPullRequest ?? Boolean(issue.pull_request);
    Object.assign(issue, issueUrls(full, number, isPullRequest), { number });
    if (o.title !== undefined) issue.title = o.title;
    if (o.body !== undefined) issue.body = o.body;
    if (o.state !== undefined) issue.state = o.state;
    if (o.labels) issue.labels = o.labels.map((name) => labelObject(full, name));
    const author = o.user ?? (event === "issues" && createsSubject ? sender?.login : undefined);
    if (author) issue.user = userObject(author);
    if (isPullRequest) {
      issue.pull_request = {
        url: `https://api.github.com/repos/${full}/pulls/${number}`,
        html_url: `https://github.com/${full}/pull/${number}`,
        diff_url: `https://github.com/${full}/pull/${number}.diff`,
        patch_url: `https://github.com/${full}/pull/${number}.patch`,
        merged_at: null,
      };
    } else {
      delete issue.pull_request;
    }
  }

  if (payload.comment && (overrides.comment || overrides.issue || overrides.repository || (sender && createsSubject))) {
    const o = overrides.comment ?? {};
    const comment = payload.comment;
    const full = payload.repository.full_name as string;
    const id = o.id ?? comment.id;
    const number = payload.issue?.number ?? 1;
    Object.assign(comment, {
      id,
      url: `https://api.github.com/repos/${full}/issues/comments/${id}`,
      html_url: `https://github.com/${full}/issues/${number}#issuecomment-${id}`,
      issue_url: `https://api.github.com/repos/${full}/issues/${number}`,
    });
    if (o.body !== undefined) comment.body = o.body;
    const author = o.user ?? (createsSubject ? sender?.login : undefined);
    if (author) comment.user = userObject(author, o.userType ?? (author === sender?.login ? sender?.type : undefined));
  }

  if (payload.pull_request && (overrides.pullRequest || overrides.repository)) {
    const o = overrides.pullRequest ?? {};
    const pr = payload.pull_request;
    const full = payload.repository.full_name as string;
    const owner = payload.repository.owner.login as string;
    const number = o.number ?? pr.number;
    payload.number = number;
    Object.assign(pr, {
      number,
      url: `https://api.github.com/repos/${full}/pulls/${number}`,
      html_url: `https://github.com/${full}/pull/${number}`,
      issue_url: `https://api.github.com/repos/${full}/issues/${number}`,
      comments_url: `https://api.github.com/repos/${full}/issues/${number}/comments`,
    });
    if (o.title !== undefined) pr.title = o.title;
    if (o.body !== undefined) pr.body = o.body;
    if (o.state !== undefined) pr.state = o.state;
    if (o.labels) pr.labels = o.labels.map((name) => labelObject(full, name));
    if (o.user) pr.user = userObject(o.user);
    for (const side of ["head", "base"] as const) {
      const given = o[side] ?? {};
      pr[side].repo = payload.repository;
      pr[side].user = payload.repository.owner;
      if (given.ref !== undefined) pr[side].ref = given.ref;
      if (given.sha !== undefined) pr[side].sha = given.sha;
      pr[side].label = `${owner}:${pr[side].ref}`;
    }
    if (o.merged !== undefined) {
      pr.merged = o.merged;
      pr.merged_at = o.merged ? (pr.closed_at ?? "2019-05-15T15:20:33Z") : null;
      if (o.merged) {
        pr.state = "closed";
        pr.closed_at ??= pr.merged_at;
      }
    }
    if (o.mergeCommitSha !== undefined) pr.merge_commit_sha = o.mergeCommitSha;
  }

  if (overrides.label !== undefined) payload.label = labelObject(payload.repository.full_name, overrides.label);

  if (overrides.dispatch) {
    if (overrides.dispatch.action !== undefined) payload.action = overrides.dispatch.action;
    if (overrides.dispatch.clientPayload !== undefined) payload.client_payload = overrides.dispatch.clientPayload;
    if (overrides.dispatch.branch !== undefined) payload.branch = overrides.dispatch.branch;
  }
  if (
    overrides.repository?.defaultBranch &&
    event === "repository_dispatch" &&
    overrides.dispatch?.branch === undefined
  ) {
    payload.branch = overrides.repository.defaultBranch;
  }

  const installationId = overrides.installationId === undefined ? 1 : overrides.installationId;
  if (installationId === null) delete payload.installation;
  else
    payload.installation = {
      id: installationId,
      node_id: Buffer.from(`04:Installation${installationId}`).toString("base64"),
    };

  return overrides.merge ? deepMerge(payload, overrides.merge) : payload;
}

export interface SendWebhookOptions {
  /** The X-GitHub-Event header: the event name without action ("issue_comment"). */
  event: string;
  /** An object (serialized once, then signed) or the exact body text. */
  payload: Json | string;
  secret: string;
  deliveryId?: string;
  /**
   * "valid" (default) signs with `secret`; "invalid" signs with another secret; "missing" sends
   * no signature header; any other string is sent verbatim as x-hub-signature-256.
   */
  signature?: "valid" | "invalid" | "missing" | string;
}

/** POSTs a webhook as GitHub does; resolves with the receiver's status and body. */
export async function sendWebhook(url: string, options: SendWebhookOptions): Promise<{ status: number; body: string }> {
  const body = typeof options.payload === "string" ? options.payload : JSON.stringify(options.payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/standin",
    "x-github-event": options.event,
    "x-github-delivery": options.deliveryId ?? randomUUID(),
    "x-github-hook-installation-target-type": "integration",
  };
  const mode = options.signature ?? "valid";
  if (mode === "valid" || mode === "invalid") {
    const secret = mode === "valid" ? options.secret : `${options.secret}-wrong`;
    headers["x-hub-signature-256"] = signWebhookBody(body, secret);
    headers["x-hub-signature"] = `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`;
  } else if (mode !== "missing") {
    headers["x-hub-signature-256"] = mode;
  }
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, body: await response.text() };
}

/** GitHub's `x-hub-signature-256` value for a body: "sha256=" + hex HMAC-SHA256 with the webhook secret. */
export function signWebhookBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A user object as webhook payloads carry it; the id is derived from the login so it is stable. */
export function userObject(
  login: string,
  type: "User" | "Bot" | "Organization" = login.endsWith("[bot]") ? "Bot" : "User",
): Json {
  const id = stableId(login);
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString("base64"),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    site_admin: false,
  };
}

function labelObject(fullName: string, name: string): Json {
  const id = stableId(`label:${name}`);
  return {
    id,
    node_id: Buffer.from(`03:Label${id}`).toString("base64"),
    url: `https://api.github.com/repos/${fullName}/labels/${encodeURIComponent(name)}`,
    name,
    color: "ededed",
    default: false,
    description: null,
  };
}

function issueUrls(fullName: string, number: number, isPullRequest: boolean): Json {
  const api = `https://api.github.com/repos/${fullName}/issues/${number}`;
  return {
    url: api,
    repository_url: `https://api.github.com/repos/${fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `https://github.com/${fullName}/${isPullRequest ? "pull" : "issues"}/${number}`,
  };
}

/** Moves every mention of the example repository (its urls included) to the given one. */
function withRepository(payload: Json, repo: NonNullable<WebhookOverrides["repository"]>): Json {
  const oldFull = payload.repository.full_name as string;
  const newFull = `${repo.owner}/${repo.name}`;
  const replaced = replaceStrings(payload, (s) => s.split(oldFull).join(newFull)) as Json;
  const repository = replaced.repository;
  repository.name = repo.name;
  repository.full_name = newFull;
  repository.owner = userObject(repo.owner, repo.ownerType ?? "User");
  repository.id = stableId(`repo:${newFull}`);
  repository.node_id = Buffer.from(`010:Repository${repository.id}`).toString("base64");
  if (repo.private !== undefined) {
    repository.private = repo.private;
    repository.visibility = repo.private ? "private" : "public";
  }
  if (repo.defaultBranch !== undefined) {
    repository.default_branch = repo.defaultBranch;
    if ("master_branch" in repository) repository.master_branch = repo.defaultBranch;
  }
  if (repo.ownerType === "Organization")
    replaced.organization = { ...userObject(repo.owner, "Organization"), description: "" };
  else delete replaced.organization;
  return replaced;
}

function replaceStrings(value: unknown, replace: (s: string) => string): unknown {
  if (typeof value === "string") return replace(value);
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, replace));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, replace)]));
  }
  return value;
}

function deepMerge(target: Json, source: Json): Json {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === "object" && !Array.isArray(value) && target[key] && typeof target[key] === "object") {
      deepMerge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** A stable positive 31-bit id for a name, so repeated payloads agree on ids. */
function stableId(name: string): number {
  return createHash("sha256").update(name).digest().readUInt32BE(0) & 0x7fffffff;
}
