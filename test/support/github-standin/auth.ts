// Who is calling: an app JWT (for /app endpoints), an installation token the stand-in issued, any
// other token (a user or GITHUB_TOKEN), or nobody. Mirrors which endpoints GitHub serves without
// credentials and which need a JWT. Token values are never stored in logs or violations.
import { createPublicKey, createVerify } from "node:crypto";
import type { Route } from "./openapi.ts";
import type { GitHubState, UserRecord } from "./state.ts";

export type AuthInfo =
  | { kind: "none" }
  | { kind: "jwt"; appId: number }
  | { kind: "installation"; installationId: number; actor: UserRecord }
  /** A token the stand-in did not issue: `user` if the test mapped it; `ghs_` ones look like a GITHUB_TOKEN. */
  | { kind: "token"; user?: UserRecord; looksLikeGitHubToken: boolean };

export interface AuthProblem {
  status: 401 | 403;
  message: string;
  /** Why, for the violation log (never includes the credential). */
  reason: string;
}

/** Operations that take an app JWT instead of an installation or user token. */
function requiresJwt(route: Route): boolean {
  return (
    route.template === "/app" ||
    route.template.startsWith("/app/") ||
    /^\/(repos\/\{owner\}\/\{repo\}|orgs\/\{org\}|users\/\{username\})\/installation$/.test(route.template)
  );
}

/** Operations GitHub serves without credentials (besides GETs of public resources). */
const ANONYMOUS_OPERATIONS = new Set([
  "meta/root",
  "meta/get",
  "meta/get-zen",
  "meta/get-octocat",
  "meta/get-all-versions",
  "rate-limit/get",
  "apps/create-from-manifest",
  "apps/get-by-slug",
  "markdown/render",
  "markdown/render-raw",
]);

/** Public GETs: GitHub answers them unauthenticated (rate limited); private repositories answer 404. */
const PUBLIC_READ_PREFIXES = [
  "/repos/",
  "/users/",
  "/orgs/",
  "/search/",
  "/gists/",
  "/repositories",
  "/licenses",
  "/emojis",
  "/gitignore",
];

export function authenticate(
  header: string | undefined,
  route: Route,
  state: GitHubState,
  tokenUsers: Map<string, UserRecord>,
): { auth: AuthInfo; problem?: AuthProblem } {
  const credential = parseAuthorization(header);
  const jwt = credential && looksLikeJwt(credential.value) ? credential.value : undefined;

  if (requiresJwt(route)) {
    if (!jwt) {
      return {
        auth: { kind: "none" },
        problem: {
          status: 401,
          message: "A JSON web token could not be decoded",
          reason: `${route.method} ${route.template} needs an app JWT (Authorization: Bearer <jwt>), got ${credential ? "a non-JWT token" : "no Authorization header"}`,
        },
      };
    }
    const checked = checkJwt(jwt, state);
    if (typeof checked === "string") {
      return {
        auth: { kind: "none" },
        problem: { status: 401, message: checked, reason: `app JWT rejected: ${checked}` },
      };
    }
    return { auth: { kind: "jwt", appId: checked } };
  }

  if (!credential) {
    const anonymous =
      ANONYMOUS_OPERATIONS.has(route.operationId) ||
      (route.method === "GET" && PUBLIC_READ_PREFIXES.some((p) => route.template.startsWith(p)));
    if (anonymous) return { auth: { kind: "none" } };
    return {
      auth: { kind: "none" },
      problem: {
        status: 401,
        message: "Requires authentication",
        reason: `${route.method} ${route.template} sent without an Authorization header`,
      },
    };
  }
  if (jwt) {
    return {
      auth: { kind: "none" },
      problem: {
        status: 401,
        message: "A JSON web token cannot be used here; authenticate as an installation",
        reason: `${route.method} ${route.template} was called with the app JWT instead of an installation token`,
      },
    };
  }
  const installationId = state.installationOfToken(credential.value);
  if (installationId !== undefined) {
    return { auth: { kind: "installation", installationId, actor: state.app.bot } };
  }
  if (state.isIssuedToken(credential.value)) {
    return {
      auth: { kind: "none" },
      problem: { status: 401, message: "Bad credentials", reason: "installation token expired" },
    };
  }
  return {
    auth: {
      kind: "token",
      user: tokenUsers.get(credential.value),
      looksLikeGitHubToken: credential.value.startsWith("ghs_"),
    },
  };
}

/** `token X`, `bearer X` (any case). Basic auth is not modelled. */
function parseAuthorization(header: string | undefined): { scheme: string; value: string } | undefined {
  const match = /^(token|bearer)\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? { scheme: match[1].toLowerCase(), value: match[2] } : undefined;
}

function looksLikeJwt(value: string): boolean {
  const parts = value.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    return typeof header === "object" && header !== null && "alg" in header;
  } catch {
    return false;
  }
}

/**
 * GitHub's checks on an app JWT: RS256, `iss` = the app id, `exp` in the future and at most ten
 * minutes after `iat`; the signature is verified when the test gave the app's private key.
 * Returns the app id, or GitHub's error message.
 */
function checkJwt(jwt: string, state: GitHubState): number | string {
  const [headerPart, payloadPart, signaturePart] = jwt.split(".");
  let header: { alg?: string };
  let claims: { iat?: number; exp?: number; iss?: string | number };
  try {
    header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return "A JSON web token could not be decoded";
  }
  if (header.alg !== "RS256") return `'alg' must be RS256, got ${header.alg}`;
  const now = Math.floor(state.clock().getTime() / 1000);
  if (typeof claims.exp !== "number" || typeof claims.iat !== "number")
    return "'Expiration time' and 'Issued at' claims are required";
  if (claims.exp <= now)
    return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (claims.exp - claims.iat > 600) return "'Expiration time' claim ('exp') is too far in the future";
  if (claims.iat > now + 60)
    return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
  if (String(claims.iss) !== String(state.app.id))
    return `'Issuer' claim ('iss') must be the app id ${state.app.id}, got ${claims.iss}`;
  if (state.app.privateKey) {
    const verifier = createVerify("RSA-SHA256");
    verifier.update(`${headerPart}.${payloadPart}`);
    if (!verifier.verify(createPublicKey(state.app.privateKey), Buffer.from(signaturePart, "base64url"))) {
      return "A JSON web token could not be decoded";
    }
  }
  return state.app.id;
}
