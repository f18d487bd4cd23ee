// Response values and GitHub-shaped errors shared by every handler. Handlers return a
// HandlerResult or throw a GitHubError; the server turns both into HTTP.

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes instead of JSON (e.g. the contents API with the `raw` media type). */
  raw?: { contentType: string; data: Buffer };
}

/** One entry of the `errors` array of a 422 "Validation Failed". */
export interface GitHubFieldError {
  resource?: string;
  field?: string;
  code: string; // missing | missing_field | invalid | already_exists | unprocessable | custom
  message?: string;
}

/** An error GitHub itself would answer with; the body follows GitHub's `{message, documentation_url, status}`. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { errors?: GitHubFieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const notFound = (message = "Not Found") => new GitHubError(404, message);

export const unprocessable = (message: string) => new GitHubError(422, message);

/** 422 "Validation Failed" with GitHub's per-field error list. */
export const validationFailed = (...errors: GitHubFieldError[]) =>
  new GitHubError(422, "Validation Failed", { errors });

export function errorBody(status: number, message: string, documentationUrl: string, errors?: GitHubFieldError[]) {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: documentationUrl,
    status: String(status),
  };
}

export const ok = (body: unknown, headers?: Record<string, string>): HandlerResult => ({ status: 200, body, headers });
export const created = (body: unknown): HandlerResult => ({ status: 201, body });
export const noContent = (): HandlerResult => ({ status: 204 });

/**
 * One page of a list, with GitHub's `Link` header (`rel="next"`, `"last"`, `"first"`, `"prev"`), so
 * `octokit.paginate` walks it exactly as on GitHub. per_page defaults to 30, capped at 100.
 */
export function paginate<T>(
  items: T[],
  query: Record<string, unknown>,
  requestUrl: URL,
  render: (item: T) => unknown = (item) => item,
): HandlerResult {
  const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const linkTo = (n: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set("page", String(n));
    url.searchParams.set("per_page", String(perPage));
    return `<${url.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${linkTo(page - 1)}; rel="prev"`);
  if (page < lastPage) links.push(`${linkTo(page + 1)}; rel="next"`, `${linkTo(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${linkTo(1)}; rel="first"`);
  return { status: 200, body: slice.map(render), headers: links.length ? { link: links.join(", ") } : undefined };
}
