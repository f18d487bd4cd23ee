/**
 * Which handler a request goes to, from its method and path alone (KServe's v2 REST paths plus
 * /metrics). Pure, so every path is tested without a server.
 */
export type Route =
  | { kind: "server-metadata" }
  | { kind: "live" }
  | { kind: "ready" }
  | { kind: "metrics" }
  | { kind: "model-metadata"; model: string; version?: string }
  | { kind: "model-ready"; model: string; version?: string }
  | { kind: "infer"; model: string; version?: string }
  | { kind: "rollout"; model: string; gate: boolean }
  | { kind: "labels"; model: string }
  | { kind: "not-found" }
  | { kind: "method-not-allowed"; allow: string };

const MODEL_PATH =
  /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(\/ready|\/infer|\/rollout|\/rollout\/gate|\/labels)?$/;

export function matchRoute(method: string, url: string): Route {
  const path = url.split("?")[0];
  const get = (route: Route): Route =>
    method === "GET" || method === "HEAD" ? route : { kind: "method-not-allowed", allow: "GET, HEAD" };
  if (path === "/v2" || path === "/v2/") return get({ kind: "server-metadata" });
  if (path === "/v2/health/live") return get({ kind: "live" });
  if (path === "/v2/health/ready") return get({ kind: "ready" });
  if (path === "/metrics") return get({ kind: "metrics" });
  const match = MODEL_PATH.exec(path);
  if (!match) return { kind: "not-found" };
  let model: string;
  let version: string | undefined;
  try {
    model = decodeURIComponent(match[1]);
    version = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  } catch {
    return { kind: "not-found" };
  }
  const at = version === undefined ? { model } : { model, version };
  if (match[3] === "/infer")
    return method === "POST" ? { kind: "infer", ...at } : { kind: "method-not-allowed", allow: "POST" };
  if (match[3] === "/ready") return get({ kind: "model-ready", ...at });
  // The rollout is the model's, not a version's: /versions/{v}/rollout is not a route.
  if (match[3] === "/rollout")
    return version === undefined ? get({ kind: "rollout", model, gate: false }) : { kind: "not-found" };
  // Labels feed the model's rollout analysis, whichever version answered: not a version's route.
  if (match[3] === "/labels")
    return version !== undefined
      ? { kind: "not-found" }
      : method === "POST"
        ? { kind: "labels", model }
        : { kind: "method-not-allowed", allow: "POST" };
  if (match[3] === "/rollout/gate") {
    if (version !== undefined) return { kind: "not-found" };
    // Flagger's webhooks POST; Argo's Web provider and people GET.
    return method === "GET" || method === "HEAD" || method === "POST"
      ? { kind: "rollout", model, gate: true }
      : { kind: "method-not-allowed", allow: "GET, HEAD, POST" };
  }
  return get({ kind: "model-metadata", ...at });
}
