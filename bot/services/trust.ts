/**
 * Whom a request is trusted from, without a question to the API where the trigger proves it:
 *
 *   a repository_dispatch                  trusted (sending one takes write access)
 *   the app's own bot account, `<slug>[bot]` trusted (the slug from APP_SLUG or GET /app)
 *   an account listed in TRUSTED_ACCOUNTS  trusted (a maintainer vouched for it, e.g. github-actions[bot])
 *   any other bot account                  ignored, without a reply (it cannot read one, and bots answering bots loop)
 *   a person                               trusted with write, maintain or admin permission, else denied
 *
 * Payload fields such as `sender.type` or `author_association` are never enough on their own:
 * every bot account says "Bot", and any app installed on the repository can open an issue.
 */
import type { BotGitHub, RepoTarget } from "./github.ts";
import { canRequestRetrain } from "./permission.ts";

export interface Requester {
  login: string;
  /** `sender.type` (or the comment author's): "User", "Bot", "Organization", … */
  type?: string;
  /** The trigger itself takes write access (repository_dispatch). */
  proven?: boolean;
}

export interface TrustPolicy {
  /** Lower-case logins trusted besides people with write access and the app's own bot. */
  accounts: ReadonlySet<string>;
  /** The app's own bot login (`<slug>[bot]`), or undefined when there is no app (a workflow token). */
  ownBotLogin(): Promise<string | undefined>;
}

export type Trust = "trusted" | "denied" | "ignored";

function isBotAccount(requester: Requester): boolean {
  return requester.type === "Bot" || requester.login.toLowerCase().endsWith("[bot]");
}

export async function requesterTrust(
  github: BotGitHub,
  repo: RepoTarget,
  requester: Requester,
  policy: TrustPolicy,
): Promise<Trust> {
  const login = requester.login.toLowerCase();
  if (requester.proven || policy.accounts.has(login)) return "trusted";
  if (isBotAccount(requester)) return login === (await policy.ownBotLogin())?.toLowerCase() ? "trusted" : "ignored";
  return (await canRequestRetrain(github, repo, requester.login)) ? "trusted" : "denied";
}

/**
 * The app's bot login, asked of GET /app (app JWT) once and remembered; a failed lookup is
 * asked again next time. `appOctokit` is Probot's app-authenticated client (`await app.auth()`).
 */
export function ownBotLookup(
  slug: string | undefined,
  appOctokit: () => Promise<BotGitHub>,
): () => Promise<string | undefined> {
  if (slug) return async () => `${slug}[bot]`;
  let known: Promise<string | undefined> | undefined;
  return () => {
    known ??= appOctokit()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => (data?.slug ? `${data.slug}[bot]` : undefined));
    known.catch(() => (known = undefined));
    return known;
  };
}
